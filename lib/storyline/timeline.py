"""Timeline: the events of an article placed in time, with who reports them, oldest first.

Each dated time expression (a :func:`~storyline.timexes.timexes` row) anchors the clause it
sits in: that clause is the event. "since late 2022" runs from late 2022 to publication,
"until June" up to June, and a duration in a present-perfect clause ("has been vital over the
two-year conflict") ends at publication. A sentence with no time expression of its own that
carries on the story of the sentence before (not in the future tense, and a noun shared by
both subjects: "House Democrats warned ... in March. In a letter, two Democrats demanded
...") takes that sentence's time when the time dates the whole of that sentence, marked
``anchored_by="previous sentence"``. Vague references (``PAST_REF``, ``FUTURE_REF``) and sets
("every Monday") have no place on a calendar and are left out. When the event is reported
inside a claim, the claim and its source come along. The publication itself is the last
row, ``kind="publication"``, so the time of reporting stays apart from the time of events.

Example:
    >>> from storyline import read_article
    >>> article = read_article("The plant closed in 1998. Officials said it reopened in May.",
    ...                        published="2024-10-25")
    >>> timeline(article)[["kind", "text", "source_text", "value"]]
              kind                                text source_text       value
    0        event           The plant closed in 1998.                    1998
    1        event  Officials said it reopened in May.   Officials     2024-05
    2  publication                                                  2024-10-25
"""

from __future__ import annotations

import bisect
import datetime as dt
import re

import pandas as pd

from storyline.articles import Article
from storyline.claims import _claim_rows
from storyline.sources import claim_source_ids
from storyline.tables import make_table
from storyline.text import Parsed, as_article, parse
from storyline.timeresolve import Context, tense
from storyline.timevalues import shift
from storyline.timexes import _no_anchor_warning, _timex_rows

TIMELINE_COLUMNS = {
    "event_id": "int64",
    "kind": "string",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "timex_id": "Int64",
    "timex_text": "string",
    "value": "string",
    "interval_start": "datetime64[s]",
    "interval_end": "datetime64[s]",
    "precision": "string",
    "ambiguous": "bool",
    "claim_id": "Int64",
    "source_text": "string",
    "source_id": "Int64",
    "anchored_by": "string",
}
"""Columns of :func:`timeline`, one row per event, sorted by ``interval_start`` (then
``interval_end`` and position). ``text`` is ``article.text[start:end]``, the clause of the
event; ``timex_id``/``timex_text``/``value``/``precision``/``ambiguous`` describe the time
expression that dates it; ``interval_start``/``interval_end`` the days the event covers
(NaT where open: "before 2020" has no start); ``claim_id``, ``source_text`` and
``source_id`` the claim that reports the event (``<NA>``/empty when the article states it
itself; ``source_id`` only when :func:`~storyline.claims.claims` provides it);
``anchored_by`` is "timex" or "previous sentence". The last row, ``kind="publication"``, is
the publication date, with offsets -1 and empty text."""

_CLAUSE_BREAK = re.compile(
    r";\s+|\s+[—–]\s+|,\s+(?:and|but)\s+|,\s+(?=(?:while|whereas|although|though|which|who|"
    r"according|accusing|referring|saying|adding|citing)\b)|,\s+(?=\w+ing\b)")
_HAVE = frozenset({"has", "have", "'ve", "’ve"})
_UNPLACED = ("PAST_REF", "FUTURE_REF")
_DAY = dt.timedelta(days=1)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of one sentence: pieces between strong breaks, short pieces joined on."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text, start, end)]
    lefts = [start] + [b_end for _, b_end in breaks]
    rights = [b_start for b_start, _ in breaks] + [end]
    pieces: list[tuple[int, int]] = []
    for left, right in zip(lefts, rights):
        while right > left and text[right - 1] in " ,;":
            right -= 1
        if pieces and len(text[pieces[-1][0]:pieces[-1][1]].split()) < 4:
            pieces[-1] = (pieces[-1][0], right)
        else:
            pieces.append((left, right))
    if len(pieces) > 1 and len(text[pieces[-1][0]:pieces[-1][1]].split()) < 4:
        last = pieces.pop()
        pieces[-1] = (pieces[-1][0], last[1])
    return pieces


def _present_perfect(parsed: Parsed, sentence_id: int, start: int, end: int) -> bool:
    """Whether the clause has "has/have" followed closely by a past participle."""
    spans, words, tags = parsed.tokens[sentence_id], parsed.words[sentence_id], \
        parsed.tags(sentence_id)
    inside = [(word.lower(), tag) for (s, _), word, tag in zip(spans, words, tags)
              if start <= s < end]
    return any(word in _HAVE and any(tag == "VBN" for _, tag in inside[i + 1:i + 4])
               for i, (word, _) in enumerate(inside))


def _event_interval(row: dict, perfect: bool, published: dt.date | None) -> tuple:
    """Days an event covers: the timex's own span, widened by since/until/before/after."""
    first, last = row["interval_start"], row["interval_end"]
    if first is None and last is None and row["type"] == "DURATION" and \
            published is not None and perfect:
        match = re.fullmatch(r"P(\d+)(Y|M|W|D)", row["value"])
        try:
            if match:
                return shift(published, -int(match[1]), match[2]), published
        except ValueError:  # a span reaching beyond the calendar
            return first, last
    signal = row["signal"]
    if signal == "since" and published is not None and first is not None:
        return first, published
    if signal == "until" and last is not None:
        start = published if published is not None else first
        return min(start, first) if first is not None else start, last
    if signal == "before" and first is not None:
        return None, first - _DAY
    if signal == "after" and last is not None:
        return last + _DAY, None
    return first, last


def _claims_by_sentence(claim_rows: tuple[dict, ...], sentences: tuple[tuple[int, int, int], ...]
                        ) -> dict[int, list[tuple[int, int, int, int]]]:
    """``(content_start, content_end, row, sentence_id)`` of the claims whose content overlaps
    each sentence, in claim order. An event lies in one sentence, so the claim that reports it
    is among that sentence's few: :func:`_reporting_claim` need not scan them all per event."""
    starts = [start for _, start, _ in sentences]
    by_sentence: dict[int, list[tuple[int, int, int, int]]] = {}
    for row, claim in enumerate(claim_rows):
        content_start, content_end = claim["content_start"], claim["content_end"]
        first = max(bisect.bisect_right(starts, content_start) - 1, 0)
        for sentence_id in range(first, bisect.bisect_left(starts, content_end)):
            _, sentence_start, sentence_end = sentences[sentence_id]
            if content_start < sentence_end and content_end > sentence_start:
                by_sentence.setdefault(sentence_id, []).append(
                    (content_start, content_end, row, claim["sentence_id"]))
    return by_sentence


def _reporting_claim(contents: list[tuple[int, int, int, int]], sentence_id: int, start: int,
                     end: int, position: int) -> int | None:
    """Row number of the claim whose content holds ``position`` (the innermost), else of the
    first one overlapping the event in the same sentence. ``contents`` are those of the
    event's sentence (see :func:`_claims_by_sentence`)."""
    inside = [(content_end - content_start, row)
              for content_start, content_end, row, _ in contents
              if content_start <= position < content_end]
    if inside:
        return min(inside)[1]
    for content_start, content_end, row, claim_sentence in contents:
        if claim_sentence == sentence_id and \
                min(content_end, end) > max(content_start, start):
            return row
    return None


def _subject_nouns(parsed: Parsed, sentence_id: int) -> set[str]:
    """Lower-cased nouns before the first past-tense verb of a sentence (its subject)."""
    tags = parsed.tags(sentence_id)
    if "VBD" not in tags:
        return set()
    subject = tags.index("VBD")
    return {word.lower().rstrip("s")
            for word, tag in zip(parsed.words[sentence_id][:subject], tags) if tag[:2] == "NN"}


def _carries_on(context: Context, sentence_id: int) -> bool:
    """Whether a sentence continues the story of the sentence before it (see module doc)."""
    if sentence_id == 0:
        return False
    parsed = context.parsed
    nouns = _subject_nouns(parsed, sentence_id)
    if not nouns or not nouns & _subject_nouns(parsed, sentence_id - 1):
        return False
    return tense(context, sentence_id, parsed.sentences[sentence_id][1]) != "future"


def timeline(article: Article | str) -> pd.DataFrame:
    """The events of ``article`` in time order, each with its clause, dates and reporter.

    Columns:
        See :data:`TIMELINE_COLUMNS`: event_id, kind, sentence_id, start, end, text,
        timex_id, timex_text, value, interval_start, interval_end, precision, ambiguous,
        claim_id, source_text, source_id, anchored_by.

    Example:
        >>> from storyline import read_article
        >>> article = read_article("Talks have run since late 2022. The U.S. acted today.",
        ...                        published="2024-10-25")
        >>> timeline(article)[["text", "interval_start", "interval_end"]]
                                      text interval_start interval_end
        0  Talks have run since late 2022.     2022-09-01   2024-10-25
        1            The U.S. acted today.     2024-10-25   2024-10-25
        2                                      2024-10-25   2024-10-25
    """
    article = as_article(article)
    text, published = article.text, article.published
    found, unresolved = _timex_rows(article)
    if unresolved:
        _no_anchor_warning(article, unresolved)
    reported, source_ids = _claim_rows(article), claim_source_ids(article)
    parsed = parse(article)
    context = Context(text=text, anchor=published, parsed=parsed)
    sentences = parsed.sentences
    by_sentence: dict[int, list[dict]] = {}
    for row in found:
        by_sentence.setdefault(row["sentence_id"], []).append(row)
    events: list[dict] = []
    dated_sentences: dict[int, dict] = {}
    for sentence_id in _sentences_to_date(by_sentence, len(sentences)):
        _, s_start, s_end = sentences[sentence_id]
        rows = [row for row in by_sentence.get(sentence_id, ())
                if row["type"] != "SET" and row["value"] not in _UNPLACED]
        clauses = _clauses(text, s_start, s_end) if rows else []  # no time, no own event
        for c_start, c_end in clauses:
            in_clause = [row for row in rows if row["start"] >= c_start and row["end"] <= c_end]
            exact = [row for row in in_clause if row["value"] != "PRESENT_REF"]
            for row in exact or in_clause:
                perfect = row["type"] == "DURATION" and _present_perfect(
                    parsed, sentence_id, c_start, c_end)
                first, last = _event_interval(row, perfect, published)
                if first is None and last is None:
                    continue
                event = {"kind": "event", "sentence_id": sentence_id, "start": c_start,
                         "end": c_end, "timex_id": row["timex_id"], "timex_text": row["text"],
                         "value": row["value"], "interval_start": first, "interval_end": last,
                         "precision": row["precision"], "ambiguous": row["ambiguous"],
                         "anchored_by": "timex", "position": row["start"]}
                events.append(event)
                dated_sentences[sentence_id] = event
        if sentence_id not in dated_sentences and sentence_id not in by_sentence:
            before = dated_sentences.get(sentence_id - 1)
            if before and before["anchored_by"] == "timex" and \
                    before["start"] == sentences[sentence_id - 1][1] and \
                    _carries_on(context, sentence_id):
                events.append({**before, "sentence_id": sentence_id, "start": s_start,
                               "end": s_end, "anchored_by": "previous sentence",
                               "position": s_start})
    contents = _claims_by_sentence(reported, sentences)
    for event in events:
        claim = _reporting_claim(contents.get(event["sentence_id"], []), event["sentence_id"],
                                 event["start"], event["end"], event.pop("position"))
        event["text"] = text[event["start"]:event["end"]]
        event["claim_id"] = reported[claim]["claim_id"] if claim is not None else pd.NA
        event["source_text"] = reported[claim]["source_text"] if claim is not None else ""
        event["source_id"] = source_ids[claim] if claim is not None else pd.NA
    events.sort(key=lambda e: (_key(e["interval_start"], e["interval_end"]),
                               _key(e["interval_end"], e["interval_start"]), e["start"]))
    if published is not None:
        events.append({"kind": "publication", "sentence_id": -1, "start": -1, "end": -1,
                       "text": "", "timex_id": pd.NA, "timex_text": "",
                       "value": published.isoformat(), "interval_start": published,
                       "interval_end": published, "precision": "day", "ambiguous": False,
                       "claim_id": pd.NA, "source_text": "", "source_id": pd.NA,
                       "anchored_by": "publication"})
    for event_id, event in enumerate(events):
        event["event_id"] = event_id
    return make_table(events, TIMELINE_COLUMNS)


def _sentences_to_date(by_sentence: dict[int, list[dict]], count: int) -> list[int]:
    """The sentences that may hold an event, in order: those with time expressions, and the
    ones after them (which may carry on their time). The others need no look."""
    return sorted({*by_sentence, *(s + 1 for s in by_sentence if s + 1 < count)})


def _key(value: dt.date | None, fallback: dt.date | None) -> dt.date | None:
    return value if value is not None else fallback
