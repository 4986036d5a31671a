"""Score predicted claims against hand annotations in the PolNeAR JSONL shape (and, through
:mod:`storyline.timeml`, time expressions against TimeML: ``read_timeml``, ``score_timexes``).

Gold comes from :func:`read_polnear` (PolNeAR's ``polnear_dev.jsonl`` or our own
``data/gold/*.json``); predictions are :func:`storyline.claims.claims` tables. The metrics
follow the PolNeAR evaluation:

* ``source``, ``cue``, ``content`` spans, each matched ``exact`` (same offsets, ignoring
  surrounding spaces and punctuation) or by ``overlap`` (token-level: precision is the
  share of predicted span tokens inside some gold span of that role, recall the share of
  gold tokens covered by some predicted span);
* ``found``: a predicted and a gold attribution are the same relation when their contents
  overlap by at least 50% of each one's tokens; pairs are matched one to one, best first;
* ``found+source``: found pairs whose source spans also match exactly (both absent counts).

Example:
    >>> gold = pd.DataFrame({"doc": ["d"], "source_start": [0], "source_end": [3],
    ...     "cue_start": [4], "cue_end": [8], "content_start": [9], "content_end": [20],
    ...     "content_frags": [[[9, 20]]]})
    >>> pred = gold.drop(columns="content_frags").assign(content_end=[15])
    >>> text = {"d": "Ann said the dam broke."}
    >>> float(score_claims(pred, gold, texts=text).set_index("metric").loc["found", "f1"])
    1.0
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from storyline.tables import make_table

# Time expressions are scored TempEval-3 style in their own module; offered here as well.
from storyline.timeml import read_timeml as read_timeml  # noqa: E402
from storyline.timeml import score_timexes as score_timexes  # noqa: E402

GOLD_COLUMNS = {
    "doc": "string",
    "attribution_id": "string",
    "source_text": "string",
    "source_start": "int64",
    "source_end": "int64",
    "cue_text": "string",
    "cue_start": "int64",
    "cue_end": "int64",
    "content_text": "string",
    "content_start": "int64",
    "content_end": "int64",
    "content_frags": "object",
    "type": "string",
    "hedged": "boolean",
    "denial": "boolean",
}
"""Columns of :func:`read_polnear`: one row per gold attribution; a missing source has
offsets -1 (so does a missing content, which no prediction can match); ``content_frags``
keeps discontinuous pieces as ``[[start, end], ...]``;
``hedged``/``denial`` are ``<NA>`` where the file does not say (PolNeAR itself)."""

METRIC_COLUMNS = {
    "metric": "string",
    "match": "string",
    "true_positives": "float64",
    "predicted": "float64",
    "gold": "float64",
    "precision": "float64",
    "recall": "float64",
    "f1": "float64",
}
"""Columns of :func:`score_claims`: one row per metric (source, cue, content, found,
found+source) and match rule (exact, overlap, relation)."""

_TOKEN = re.compile(r"\w+")


def read_polnear(path: str | Path) -> tuple[pd.DataFrame, dict[str, str]]:
    """Gold attributions and document texts from a PolNeAR JSONL file or a gold JSON file.

    A ``.json`` file holds one document object; when it has no ``text`` the article is read
    from ``data/articles/<doc>.txt`` next to the ``data/gold`` folder. Returns
    ``(table, texts)`` where ``texts`` maps ``doc`` to its text.
    """
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"gold file not found: {path}")
    if path.suffix == ".json":
        documents = [json.loads(path.read_text(encoding="utf-8"))]
    else:
        documents = []
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    documents.append(json.loads(line))
                except json.JSONDecodeError as error:
                    raise ValueError(f"{path}, line {number}: not JSON ({error})") from error
    rows, texts = [], {}
    for document in documents:
        doc = document["doc"]
        text = document.get("text")
        if text is None:
            text = (path.parents[1] / "articles" / f"{doc}.txt").read_text(encoding="utf-8")
        texts[doc] = text
        for item in document["attributions"]:
            rows.append(_gold_row(doc, item))
    return make_table(rows, GOLD_COLUMNS), texts


def _gold_row(doc: str, item: dict) -> dict:
    def span(key: str) -> tuple[int, int]:
        value = item.get(key)
        return (-1, -1) if value is None else (int(value[0]), int(value[1]))

    content = span("content")
    return {
        "doc": doc, "attribution_id": item.get("id", ""),
        "source_text": item.get("source_text") or "", "source_start": span("source")[0],
        "source_end": span("source")[1], "cue_text": item.get("cue_text") or "",
        "cue_start": span("cue")[0], "cue_end": span("cue")[1],
        "content_text": item.get("content_text") or "", "content_start": content[0],
        "content_end": content[1],
        "content_frags": item.get("content_frags") or ([list(content)] if content[0] >= 0 else []),
        "type": item.get("type", ""), "hedged": item.get("hedged", pd.NA),
        "denial": item.get("denial", pd.NA),
    }


def _tokens(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    """Start offsets of the word tokens inside the given character spans."""
    found: set[int] = set()
    for start, end in spans:
        if start >= 0:
            found.update(m.start() + start for m in _TOKEN.finditer(text[start:end]))
    return found


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without surrounding spaces and punctuation, so "that X." equals "that X"."""
    if start < 0:
        return (-1, -1)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return (start, end)


def _prf(true_positives: float, predicted: float, gold: float) -> tuple[float, float, float]:
    precision = true_positives / predicted if predicted else 0.0
    recall = true_positives / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _content_tokens(text: str, row, *, frags: bool) -> set[int]:
    spans = row.content_frags if frags else [(row.content_start, row.content_end)]
    return _tokens(text, [tuple(s) for s in spans])


def _found_pairs(text: str, pred: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one pairs (pred index, gold index) whose contents overlap >= 50% both ways."""
    pred_tokens = [_content_tokens(text, row, frags=False) for row in pred.itertuples()]
    gold_tokens = [_content_tokens(text, row, frags=True) for row in gold.itertuples()]
    candidates = []
    for i, p in enumerate(pred_tokens):
        for j, g in enumerate(gold_tokens):
            shared = len(p & g)
            if p and g and shared / len(p) >= 0.5 and shared / len(g) >= 0.5:
                candidates.append((shared / len(p | g), i, j))
    pairs, used_pred, used_gold = [], set(), set()
    for _, i, j in sorted(candidates, reverse=True):
        if i not in used_pred and j not in used_gold:
            pairs.append((i, j))
            used_pred.add(i)
            used_gold.add(j)
    return pairs


def score_claims(predicted: pd.DataFrame, gold: pd.DataFrame, *,
                 texts: dict[str, str]) -> pd.DataFrame:
    """Precision, recall and F1 of ``predicted`` claims against ``gold`` attributions.

    Both tables need a ``doc`` column (add one to a :func:`~storyline.claims.claims` table
    with ``table.assign(doc=name)``) and ``*_start``/``*_end`` columns for source, cue and
    content (-1 for absent). ``texts`` maps doc to its text. Counts are summed over all
    documents (micro-averaged). See the module docstring for the metrics.
    """
    counts: dict[tuple[str, str], list[float]] = {}

    def add(metric: str, match: str, tp: float, npred: float, ngold: float) -> None:
        total = counts.setdefault((metric, match), [0.0, 0.0, 0.0])
        total[0] += tp
        total[1] += npred
        total[2] += ngold

    for doc, text in texts.items():
        pred = predicted[predicted["doc"] == doc].reset_index(drop=True)
        want = gold[gold["doc"] == doc].reset_index(drop=True)
        for role in ("source", "cue", "content"):
            p_spans = {_trimmed(text, s, e) for s, e in zip(pred[f"{role}_start"],
                                                            pred[f"{role}_end"]) if s >= 0}
            g_spans = {_trimmed(text, s, e) for s, e in zip(want[f"{role}_start"],
                                                            want[f"{role}_end"]) if s >= 0}
            add(role, "exact", len(p_spans & g_spans), len(p_spans), len(g_spans))
            p_tok, g_tok = _tokens(text, p_spans), _tokens(text, g_spans)
            add(role, "overlap", len(p_tok & g_tok), len(p_tok), len(g_tok))
        pairs = _found_pairs(text, pred, want)
        add("found", "relation", len(pairs), len(pred), len(want))
        with_source = sum(
            _trimmed(text, pred.source_start[i], pred.source_end[i]) ==
            _trimmed(text, want.source_start[j], want.source_end[j]) for i, j in pairs)
        add("found+source", "relation", with_source, len(pred), len(want))
    rows = []
    for (metric, match), (tp, npred, ngold) in counts.items():
        precision, recall, f1 = _prf(tp, npred, ngold)
        rows.append({"metric": metric, "match": match, "true_positives": tp,
                     "predicted": npred, "gold": ngold, "precision": round(precision, 4),
                     "recall": round(recall, 4), "f1": round(f1, 4)})
    return make_table(rows, METRIC_COLUMNS)


def found_pairs(predicted: pd.DataFrame, gold: pd.DataFrame, text: str) -> pd.DataFrame:
    """For one document: which predicted claim (``pred_index``) matches which gold row
    (``gold_index``) under the "found" rule; useful for studying errors."""
    pairs = _found_pairs(text, predicted.reset_index(drop=True), gold.reset_index(drop=True))
    return pd.DataFrame(pairs, columns=["pred_index", "gold_index"], dtype="int64")
