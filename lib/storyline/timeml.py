"""Read TimeML (``.tml``) files and score time expressions the TempEval-3 way.

:func:`read_timeml` gives a document's TEXT (tags removed), its creation time (DCT, the
publication date relative expressions resolve against) and its TIMEX3 annotations with
offsets into that text. :func:`score_timexes` compares predicted and gold expressions:

* ``strict``: spans with the same offsets; ``relaxed``: spans that overlap (one to one);
* ``type`` and ``value``: relaxed matches whose type (value) is also the same, as precision,
  recall and F1 over all predictions and gold rows, plus ``accuracy`` over relaxed matches.

Example:
    >>> document = parse_timeml('<TimeML><DCT><TIMEX3 tid="t0" type="DATE" '
    ...     'value="1998-01-08">19980108</TIMEX3></DCT><TEXT>It fell <TIMEX3 tid="t1" '
    ...     'type="DATE" value="1998-01-07">yesterday</TIMEX3>.</TEXT></TimeML>', doc="d")
    >>> document.text, document.dct
    ('It fell yesterday.', datetime.date(1998, 1, 8))
    >>> document.timexes[["text", "start", "end", "value"]]
            text  start  end       value
    0  yesterday      8   17  1998-01-07
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from storyline.tables import make_table

GOLD_TIMEX_COLUMNS = {
    "doc": "string",
    "tid": "string",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "type": "string",
    "value": "string",
    "mod": "string",
}
"""Columns of a :class:`TimeMLDocument`'s ``timexes``: one row per TIMEX3 inside TEXT, with
half-open offsets into the document's ``text``."""

TIMEX_SCORE_COLUMNS = {
    "metric": "string",
    "true_positives": "int64",
    "predicted": "int64",
    "gold": "int64",
    "precision": "float64",
    "recall": "float64",
    "f1": "float64",
    "accuracy": "float64",
}
"""Columns of :func:`score_timexes`: one row each for strict, relaxed, type and value;
``accuracy`` is the share of relaxed matches with the right type (value), NaN for spans."""


@dataclass(frozen=True)
class TimeMLDocument:
    """One TimeML document: id, TEXT without tags, creation date and gold TIMEX3 rows."""

    doc: str
    text: str
    dct: dt.date | None
    timexes: pd.DataFrame


def _walk(element: ElementTree.Element, pieces: list[str], rows: list[dict], doc: str,
          offset: int) -> int:
    """Append the text under ``element`` to ``pieces``, recording TIMEX3 spans."""
    if element.text:
        pieces.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _walk(child, pieces, rows, doc, offset)
        if child.tag == "TIMEX3":
            rows.append({"doc": doc, "tid": child.get("tid", ""), "start": start, "end": offset,
                         "type": child.get("type", ""), "value": child.get("value", ""),
                         "mod": child.get("mod", "")})
        if child.tail:
            pieces.append(child.tail)
            offset += len(child.tail)
    return offset


def parse_timeml(markup: str, *, doc: str = "") -> TimeMLDocument:
    """A :class:`TimeMLDocument` from TimeML markup (see :func:`read_timeml`)."""
    root = ElementTree.fromstring(markup)
    doc = doc or (root.findtext("DOCID") or "").strip()
    text_element = root.find("TEXT")
    if text_element is None:
        raise ValueError(f"{doc or 'TimeML markup'} has no <TEXT> element")
    pieces: list[str] = []
    rows: list[dict] = []
    _walk(text_element, pieces, rows, doc, 0)
    text = "".join(pieces)
    for row in rows:
        row["text"] = text[row["start"]:row["end"]]
    dct_timex = root.find("DCT/TIMEX3")
    dct = None
    if dct_timex is not None and dct_timex.get("value"):
        dct = dt.date.fromisoformat(dct_timex.get("value")[:10])
    return TimeMLDocument(doc, text, dct, make_table(rows, GOLD_TIMEX_COLUMNS))


def read_timeml(path: str | Path) -> TimeMLDocument:
    """Read one ``.tml`` file: its TEXT, DCT and TIMEX3 annotations with offsets.

    Example:
        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "d.tml"
        >>> _ = path.write_text('<TimeML><TEXT>Due <TIMEX3 tid="t1" type="DATE" '
        ...                     'value="FUTURE_REF">soon</TIMEX3></TEXT></TimeML>')
        >>> read_timeml(path).timexes["text"].tolist()
        ['soon']
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"TimeML file not found: {path}")
    try:
        return parse_timeml(path.read_text(encoding="utf-8"), doc=path.stem)
    except ElementTree.ParseError as error:
        raise ValueError(f"{path} is not well-formed TimeML: {error}") from None


def _prf(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return round(precision, 4), round(recall, 4), round(f1, 4)


def match_timexes(predicted: pd.DataFrame, gold: pd.DataFrame) -> list[tuple[int, int]]:
    """One-to-one pairs (predicted index, gold index) of overlapping spans in the same doc,
    exact matches first, then by largest overlap."""
    candidates = []
    for doc, want in gold.groupby("doc"):
        got = predicted[predicted["doc"] == doc]
        for i, p in zip(got.index, got[["start", "end"]].itertuples(index=False)):
            for j, g in zip(want.index, want[["start", "end"]].itertuples(index=False)):
                shared = min(p.end, g.end) - max(p.start, g.start)
                if shared > 0:
                    exact = (p.start, p.end) == (g.start, g.end)
                    candidates.append((not exact, -shared, i, j))
    pairs, used_predicted, used_gold = [], set(), set()
    for _, _, i, j in sorted(candidates):
        if i not in used_predicted and j not in used_gold:
            pairs.append((i, j))
            used_predicted.add(i)
            used_gold.add(j)
    return pairs


def score_timexes(predicted: pd.DataFrame, gold: pd.DataFrame) -> pd.DataFrame:
    """TempEval-3 scores of ``predicted`` time expressions against ``gold``.

    Both tables need ``doc``, ``start``, ``end``, ``type`` and ``value`` columns (add ``doc``
    to a :func:`~storyline.timexes.timexes` table with ``table.assign(doc=name)``); counts
    are summed over documents.

    Example:
        >>> gold = pd.DataFrame({"doc": ["d", "d"], "start": [0, 10], "end": [5, 14],
        ...                      "type": ["DATE", "DATE"], "value": ["2024", "2024-03"]})
        >>> predicted = pd.DataFrame({"doc": ["d"], "start": [10], "end": [20],
        ...                           "type": ["DATE"], "value": ["2024-03"]})
        >>> score_timexes(predicted, gold)[["metric", "precision", "recall", "f1"]]
            metric  precision  recall      f1
        0   strict        0.0     0.0  0.0000
        1  relaxed        1.0     0.5  0.6667
        2     type        1.0     0.5  0.6667
        3    value        1.0     0.5  0.6667
    """
    pairs = match_timexes(predicted, gold)
    strict = sum((predicted.at[i, "start"], predicted.at[i, "end"]) ==
                 (gold.at[j, "start"], gold.at[j, "end"]) for i, j in pairs)
    same = {column: sum(str(predicted.at[i, column]).strip() == str(gold.at[j, column]).strip()
                        for i, j in pairs) for column in ("type", "value")}
    rows = []
    for metric, hits in (("strict", strict), ("relaxed", len(pairs)),
                         ("type", same["type"]), ("value", same["value"])):
        precision, recall, f1 = _prf(hits, len(predicted), len(gold))
        accuracy = round(hits / len(pairs), 4) if metric in ("type", "value") and pairs \
            else float("nan")
        rows.append({"metric": metric, "true_positives": hits, "predicted": len(predicted),
                     "gold": len(gold), "precision": precision, "recall": recall, "f1": f1,
                     "accuracy": accuracy})
    return make_table(rows, TIMEX_SCORE_COLUMNS)
