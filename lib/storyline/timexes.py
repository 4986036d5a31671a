"""Timexes: every time expression in an article, with its TimeML value and calendar span.

Expressions are found by the patterns of :mod:`storyline.timepatterns` and normalised the
TimeML TIMEX3 way used in the TempEval-3 corpora: ``type`` is DATE, TIME, DURATION or SET,
``value`` a date (``2024-03``), a week (``2024-W43``), a duration (``P2Y``) or a reference
(``PRESENT_REF``). Relative expressions ("in March", "last week", "Friday") are resolved
against the publication date, with the tense of the nearest verb deciding between the last
and the next such day or month. Without a publication date they keep ``X`` placeholders
(``XXXX-03``), are marked ``ambiguous`` and a warning says how to give one.

Example:
    >>> from storyline import read_article
    >>> article = read_article("Talks began in late 2022 and ended in March.",
    ...                        published="2024-10-25")
    >>> timexes(article)[["text", "type", "value", "mod", "interval_start", "precision"]]
            text  type    value  mod interval_start precision
    0  late 2022  DATE     2022  END     2022-09-01      year
    1      March  DATE  2024-03          2024-03-01     month
"""

from __future__ import annotations

import bisect
import functools
import re
import warnings

import pandas as pd

from storyline.articles import Article, StorylineWarning
from storyline.tables import make_table
from storyline.text import as_article, parse
from storyline.timepatterns import Candidate, find_candidates, previous_word, words
from storyline.timeresolve import Context, normalise
from storyline.timevalues import value_interval

TIMEX_COLUMNS = {
    "timex_id": "int64",
    "sentence_id": "int64",
    "text": "string",
    "start": "int64",
    "end": "int64",
    "type": "string",
    "value": "string",
    "mod": "string",
    "anchor": "string",
    "interval_start": "datetime64[s]",
    "interval_end": "datetime64[s]",
    "precision": "string",
    "ambiguous": "bool",
    "signal": "string",
}
"""Columns of :func:`timexes`. ``text`` is ``article.text[start:end]``; ``type`` DATE, TIME,
DURATION or SET; ``value`` the TimeML value (``2024-03``, ``2024-W43``, ``P2Y``,
``PRESENT_REF``; ``X`` for what cannot be known); ``mod`` START, MID, END, APPROX,
LESS_THAN, MORE_THAN, EQUAL_OR_MORE, EQUAL_OR_LESS or empty; ``anchor`` the publication date
a relative expression was resolved against (empty for absolute ones); ``interval_start`` and
``interval_end`` the first and last day the expression covers (NaT where open or unknown;
anchored durations such as "the last two years" cover the days up to publication);
``precision`` time, day, week, month, season, quarter, half, year, decade, century or ref;
``ambiguous`` marks values left with placeholders or read one of two ways (03/04/2024);
``signal`` the word before the expression that relates an event to it (since, until, in,
on, before, after, ...), empty when there is none."""

_DATE_MODS = ("START", "MID", "END")
_EXTENDED_BY_DATE_MODS = frozenset({"month", "month_year", "year", "decade", "century",
                                    "quarter", "half", "season", "relative", "weekday",
                                    "month_day", "day_month", "pod", "deictic"})
#: Expressions whose article stays in the span before a mod: "the early 1980s".
_KEEP_THE = frozenset({"decade", "century", "season", "half", "quarter"})
_EXTENDED_BY_AMOUNT_MODS = frozenset({"duration", "ago", "span"})


@functools.cache
def _mod_pattern(kinds: tuple[str, ...]) -> re.Pattern:
    mods = {w: v for w, v in words("mod").items() if (v in _DATE_MODS) == ("date" in kinds)}
    alternatives = "|".join(re.escape(w).replace(r"\ ", r"\s+")
                            for w in sorted(mods, key=len, reverse=True))
    return re.compile(rf"(?i)(?<![\w-])(?:{alternatives})(?:\s+|-)$")


def _extend_with_mod(candidate: Candidate, text: str) -> tuple[int, str]:
    """Start and TimeML mod after taking in "late", "the end of", "more than" on the left."""
    if candidate.rule in _EXTENDED_BY_DATE_MODS:
        kinds: tuple[str, ...] = ("date",)
    elif candidate.rule in _EXTENDED_BY_AMOUNT_MODS:
        kinds = ("amount",)
    else:
        return candidate.start, ""
    window = max(0, candidate.start - 24)
    match = _mod_pattern(kinds).search(text, window, candidate.start)
    if not match or match.end() != candidate.start:
        return candidate.start, ""
    if kinds == ("amount",) and not candidate.text[:1].isalnum() or \
            candidate.text.lower().startswith("the "):
        return candidate.start, ""
    phrase = re.sub(r"(?:\s+|-)$", "", match.group()).lower()
    phrase = re.sub(r"\s+", " ", phrase)
    start = match.start()
    if candidate.rule in _KEEP_THE and text[max(0, start - 4):start].lower() == "the ":
        start -= 4
    return start, words("mod")[phrase]


def _signal(text: str, start: int) -> str:
    word = previous_word(text, start).lower()
    return words("signal").get(word, "")


def _no_anchor_warning(article: Article, unresolved: int) -> None:
    where = article.path or f"article {article.id!r}"
    warnings.warn(
        f"{where} has no publication date, so {unresolved} relative time expression(s) keep X "
        "placeholders: pass one with read_article(..., published='YYYY-MM-DD') or "
        "`storyline analyze --published YYYY-MM-DD`", StorylineWarning, stacklevel=3)


def timexes(article: Article | str) -> pd.DataFrame:
    """Every time expression of ``article`` with its TimeML type, value and calendar span.

    Columns:
        See :data:`TIMEX_COLUMNS`: timex_id, sentence_id, text, start, end, type, value, mod,
        anchor, interval_start, interval_end, precision, ambiguous, signal.

    Example:
        >>> from storyline import read_article
        >>> article = read_article("The Kremlin today denied the report, as it did Friday.",
        ...                        published="2024-10-25")
        >>> timexes(article)[["text", "value", "precision"]]
             text       value precision
        0   today  2024-10-25       day
        1  Friday  2024-10-25       day
    """
    article = as_article(article)
    rows, unresolved = _timex_rows(article)
    if unresolved:
        _no_anchor_warning(article, unresolved)
    return make_table(rows, TIMEX_COLUMNS)


@functools.lru_cache(maxsize=64)
def _timex_rows(article: Article) -> tuple[tuple[dict, ...], int]:
    """The rows of :func:`timexes` as plain dicts (dates as ``datetime.date`` or None), and
    how many relative expressions stay unresolved for want of a publication date.

    Cached per article, so :func:`~storyline.timeline.timeline` reuses the work of
    :func:`timexes`. It does not warn: each public caller warns about a missing publication
    date itself, pointing at its own caller, so the warning does not depend on what is
    cached, and ``analyze`` (one line calling both) shows it once under Python's default
    warning filter. Callers must not change the rows.

    Example:
        >>> from storyline import read_article
        >>> rows, unresolved = _timex_rows(read_article("It rained on Friday."))
        >>> rows[0]["value"], unresolved
        ('XXXX-WXX-5', 1)
    """
    text = article.text
    parsed = parse(article)
    starts = [start for _, start, _ in parsed.sentences]
    context = Context(text=text, anchor=article.published, parsed=parsed)
    anchor = article.published.isoformat() if article.published else ""
    rows: list[dict] = []
    unresolved = 0
    for candidate in find_candidates(text):
        sentence_id = bisect.bisect_right(starts, candidate.start) - 1
        if sentence_id < 0 or candidate.end > parsed.sentences[sentence_id][2]:
            continue  # boilerplate, or an expression broken across sentences
        start, mod = _extend_with_mod(candidate, text)
        if start < parsed.sentences[sentence_id][1]:
            start, mod = candidate.start, ""
        found = normalise(candidate, context, sentence_id, rows)
        if found is None:
            continue
        mod = found.mod or mod
        first, last, precision = value_interval(found.value, mod=mod, anchor=article.published)
        interval = found.interval or (first, last)
        unresolved += found.relative and article.published is None
        rows.append({
            "timex_id": len(rows), "sentence_id": sentence_id, "text": text[start:candidate.end],
            "start": start, "end": candidate.end, "type": found.type, "value": found.value,
            "mod": mod, "anchor": anchor if found.relative else "",
            "interval_start": interval[0], "interval_end": interval[1],
            "precision": found.precision or precision,
            "ambiguous": found.ambiguous or "X" in found.value,
            "signal": _signal(text, start),
        })
    return tuple(rows), unresolved
