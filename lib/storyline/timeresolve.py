"""Turn a matched time expression into its TimeML type and value, resolving relative ones.

The publication date is the anchor for "today", "last week" or "in March"; the tense of the
nearest verb (from NLTK's tagger) decides whether a bare weekday or month is the last or the
next one; "a year earlier" counts back from the date mentioned just before it. Without an
anchor the value keeps ``X`` placeholders (``XXXX-03``).

Example:
    >>> from storyline.timepatterns import find_candidates
    >>> context = Context(text="We met last week.", anchor=datetime.date(2024, 10, 25))
    >>> normalise(find_candidates(context.text)[0], context, 0, []).value
    '2024-W42'
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from storyline.text import Parsed
from storyline.timepatterns import Candidate, words
from storyline.timevalues import (
    SEASON_MONTHS,
    add_months,
    duration_value,
    month_end,
    shift,
    unit_value,
    value_interval,
)

Day = datetime.date
_PLACEHOLDER = {"Y": "XXXX", "M": "XXXX-XX", "Q": "XXXX-QX", "W": "XXXX-WXX", "2W": "XXXX-WXX",
                "WE": "XXXX-WXX-WE", "D": "XXXX-XX-XX", "DE": "XXX", "CE": "XX"}


_REL_DIRECTION = {"last": "past", "this past": "past", "next": "future", "this coming": "future"}
_EDGE = {"mid": "MID", "early": "START", "late": "END"}


@dataclass
class Context:
    """What resolution needs besides the match: the text, the anchor date and the parse."""

    text: str
    anchor: Day | None
    parsed: Parsed | None = None


@dataclass
class Resolved:
    """The TimeML reading of one expression."""

    type: str
    value: str
    relative: bool = False
    mod: str = ""
    ambiguous: bool = False
    interval: tuple[Day | None, Day | None] | None = None
    precision: str = ""


def tense(context: Context, sentence_id: int, position: int) -> str:
    """"past", "future", "present" or "" from the verb nearest ``position`` in its sentence.

    Reads words, not tags: auxiliaries and irregular past forms come from the lexicon's
    ``tense`` rows, and a lower-case word in -ed is taken as a past tense. Tagging a whole
    article would cost more than all the rest of finding time expressions.
    """
    if context.parsed is None or sentence_id >= len(context.parsed.tokens):
        return ""
    text, spans = context.text, context.parsed.tokens[sentence_id]
    known = words("tense")
    for start, end in _nearest(spans, position, 16):
        word = text[start:end].replace("’", "'")
        if not word[:1].islower() or start <= position < end:
            continue
        if word in known:
            if word == "going" and not text[end:end + 4].startswith(" to "):
                continue
            return known[word]
        if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
            return "past"
    return ""


def _nearest(spans: tuple[tuple[int, int], ...], position: int, count: int
             ) -> Iterator[tuple[int, int]]:
    """The first ``count`` of ``spans`` (in text order) by how far they start from
    ``position``, the earlier of two as far first: what a stable sort on the distance gives,
    read outwards from ``position`` without sorting the sentence.

    Example:
        >>> list(_nearest(((0, 3), (4, 8), (9, 12), (13, 15)), 6, 3))
        [(4, 8), (9, 12), (0, 3)]
    """
    right = bisect.bisect_left(spans, (position,))
    left = right - 1
    for _ in range(count):
        if left >= 0 and (right == len(spans) or
                          position - spans[left][0] <= spans[right][0] - position):
            yield spans[left]
            left -= 1
        elif right < len(spans):
            yield spans[right]
            right += 1
        else:
            return


def _number(word: str) -> str:
    """"two" -> "2", "twenty-four" -> "24", "several" -> "X", "1.5" -> "1.5"."""
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"\d+(\.\d+)?", word):
        return word
    if word.startswith("half"):
        return "0.5"
    values = words("number")
    if word in values:
        return values[word]
    parts = re.split(r"[\s-]", word)
    if all(part in values for part in parts) and all(values[p].isdigit() for p in parts):
        return str(sum(int(values[p]) for p in parts))
    return "X"


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "CE"
    return words("unit").get(word.rstrip("s") if word != "hours" else "hour", "")


def _month(word: str) -> int:
    return int(words("month")[word.rstrip(".").lower()])


def _year(word: str, anchor: Day | None) -> int:
    if word.startswith("'"):
        century = (anchor.year // 100) * 100 if anchor else 1900
        year = century + int(word[1:])
        return year - 100 if anchor and year > anchor.year + 10 else year
    return int(word)


def _pick(candidates: list[Day], anchor: Day, direction: str, *, days: bool = False) -> Day:
    """Of dates around the anchor: the last one (past), the next one (future) or the nearest
    before it within nine months, else the next (no tense)."""
    before = [d for d in candidates if d <= anchor]
    after = [d for d in candidates if d >= anchor]
    if direction == "past" and before:
        # a verb read as past, but a day far back when the next one is close: tense words
        # near the date often belong to another clause ("said it would close by Nov. 10")
        if days and after and (anchor - max(before)).days > 200 and \
                (min(after) - anchor).days <= 120:
            return min(after)
        return max(before)
    if direction == "future" and after:
        return min(after)
    if before and (anchor - max(before)).days <= 270:
        return max(before)
    return min(after) if after else max(before)


def _month_year(month: int, day: int | None, anchor: Day, direction: str) -> int:
    options = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            options.append(Day(year, month, day or 1))
        except ValueError:
            continue
    if day is None:
        anchor = Day(anchor.year, anchor.month, 1)
    return _pick(options, anchor, direction, days=day is not None).year


def _date_value(month: int, day: int | None, year: int | None, context: Context,
                direction: str) -> Resolved:
    relative = year is None
    if relative and context.anchor is not None:
        year = _month_year(month, day, context.anchor, direction)
    year_text = f"{year:04d}" if year is not None else "XXXX"
    value = f"{year_text}-{month:02d}" + (f"-{day:02d}" if day else "")
    return Resolved("DATE", value, relative=relative)


def _weekday(weekday: int, rel: str, context: Context, direction: str) -> Resolved:
    anchor = context.anchor
    if anchor is None:
        return Resolved("DATE", f"XXXX-WXX-{weekday}", relative=True)
    back = (anchor.isoweekday() - weekday) % 7
    last, upcoming = anchor - datetime.timedelta(days=back), \
        anchor + datetime.timedelta(days=(weekday - anchor.isoweekday()) % 7)
    if rel in ("last", "this past"):
        day = last if back else anchor - datetime.timedelta(days=7)
    elif rel == "next":
        day = upcoming if upcoming != anchor else anchor + datetime.timedelta(days=7)
    elif rel in ("this", "this coming") or direction == "future":
        day = upcoming if direction != "future" or upcoming != anchor else \
            anchor + datetime.timedelta(days=7)
    elif direction == "past":
        day = last
    else:
        day = last if back <= 3 else upcoming
    return Resolved("DATE", day.isoformat(), relative=True)


def _relative_unit(offset: int, unit: str, context: Context, *, side: str = "") -> Resolved:
    anchor = context.anchor
    if anchor is None:
        return Resolved("DATE", _PLACEHOLDER.get(unit, "XXXX"), relative=True)
    base = unit if unit != "WE" else "W"
    value = unit_value(shift(anchor, offset, base), unit)
    resolved = Resolved("DATE", value, relative=True)
    if side and offset == 0:
        first, last, _ = value_interval(value)
        resolved.interval = (first, anchor) if side == "earlier" else (anchor, last)
    return resolved


def _previous_reference(rows: list[dict], sentence_id: int) -> dict | None:
    """The last dated expression in this sentence or the two before it."""
    for row in reversed(rows):
        if row["sentence_id"] < sentence_id - 2:
            break
        if row["type"] == "DATE" and re.match(r"\d{4}", row["value"]) and \
                row["interval_start"] is not None:
            return row
    return None


def _ago(candidate: Candidate, context: Context, rows: list[dict], sentence_id: int
         ) -> Resolved:
    groups = candidate.groups
    amount, unit = _number(groups["num"]), _unit(groups["unit"])
    direction = re.sub(r"\s+", " ", groups["dir"].lower())
    back = direction in ("ago", "earlier", "before")
    if amount == "X" or "." in amount:
        return Resolved("DATE", "PAST_REF" if back else "FUTURE_REF", relative=True)
    count = int(amount) * (-1 if back else 1)
    if unit.startswith("T"):
        unit = "D"
    if unit == "DE":
        unit, count = "Y", count * 10
    if unit == "CE":
        unit, count = "Y", count * 100
    reference = None
    if direction not in ("ago", "from now", "hence"):
        reference = _previous_reference(rows, sentence_id)
    elif unit == "Y":
        reference = _quarter_before(rows, sentence_id)
    try:
        if reference is not None:
            granularity = _granularity(reference["value"], unit)
            day = shift(reference["interval_start"], count, unit)
            return Resolved("DATE", unit_value(day, granularity), relative=True)
        if context.anchor is None:
            return Resolved("DATE", _PLACEHOLDER.get(unit, "XXXX"), relative=True)
        return Resolved("DATE", unit_value(shift(context.anchor, count, unit), unit),
                        relative=True)
    except ValueError:  # beyond the calendar
        return Resolved("DATE", "PAST_REF" if back else "FUTURE_REF", relative=True)


def _quarter_before(rows: list[dict], sentence_id: int) -> dict | None:
    """A quarter named in this sentence or the one before: "profit rose in the third quarter
    from $5 a year ago" compares that quarter with the same quarter a year back."""
    return next((row for row in reversed(rows) if row["sentence_id"] >= sentence_id - 1
                 and re.fullmatch(r"\d{4}-Q\d", row["value"])), None)


def _granularity(value: str, unit: str) -> str:
    """Keep the reference's own grain ("a year earlier" than a quarter is a quarter) unless
    the step is coarser than a day reference (a year after a day is a year)."""
    if re.fullmatch(r"\d{4}-Q\d", value):
        return "Q"
    if re.fullmatch(r"\d{4}-\d\d", value):
        return "M" if unit != "Y" else "Y"
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return "D" if unit in ("D", "W") else unit
    return unit if unit in ("D", "W", "M") else "Y"


def _duration(candidate: Candidate, context: Context) -> Resolved:
    groups = candidate.groups
    amount, unit = _number(groups["num"]), _unit(groups["unit"])
    if unit == "DE":
        amount, unit = (str(int(float(amount) * 10)) if amount != "X" else "X"), "Y"
    elif unit == "CE":
        amount, unit = (str(int(float(amount) * 100)) if amount != "X" else "X"), "Y"
    elif unit == "Q":
        amount, unit = (str(int(float(amount) * 3)) if amount != "X" else "X"), "M"
    if "." in amount and amount.endswith(".5") and unit in ("TH", "D", "Y"):
        smaller = {"TH": ("TM", 60), "D": ("TH", 24), "Y": ("M", 12)}[unit]
        amount, unit = str(int(float(amount) * smaller[1])), smaller[0]
    value = duration_value(amount, unit)
    resolved = Resolved("DURATION", value)
    rel = groups.get("rel", "").lower()
    if rel and amount != "X" and context.anchor is not None and not unit.startswith("T"):
        steps = int(float(amount))
        base = {"WE": "W", "2W": "W"}.get(unit, unit)
        try:
            if rel in ("past", "last", "previous"):
                resolved.interval = (shift(context.anchor, -steps, base), context.anchor)
                resolved.relative = True
            elif rel in ("next", "coming", "following"):
                resolved.interval = (context.anchor, shift(context.anchor, steps, base))
                resolved.relative = True
        except ValueError:  # "the last 5000 years" reaches before year 1
            resolved.interval = None
    return resolved


def _quarter(candidate: Candidate, context: Context, direction: str) -> Resolved:
    groups, anchor = candidate.groups, context.anchor
    ordinal = groups.get("ord", "").lower().replace("-", " ")
    quarter_number = int(groups["q"][1]) if "q" in groups else None
    if ordinal in ("final", "fourth", "4th"):
        quarter_number = 4
    elif ordinal and ordinal[0].isdigit():
        quarter_number = int(ordinal[0])
    elif ordinal in words("ordinal"):
        quarter_number = int(words("ordinal")[ordinal])
    year = _year(groups["y"], anchor) if "y" in groups else None
    if quarter_number is None:  # latest, current, last, year-earlier
        if anchor is None:
            return Resolved("DATE", "XXXX-QX", relative=True)
        offset = 0 if ordinal == "current" else -1
        day = shift(anchor, offset, "Q")
        if ordinal.startswith("year"):
            day = shift(day, -1, "Y")
        return Resolved("DATE", unit_value(day, "Q"), relative=True)
    if year is None and anchor is not None:
        year = anchor.year
        if direction == "past" and (quarter_number - 1) * 3 + 1 > anchor.month:
            year -= 1
    year_text = f"{year:04d}" if year is not None else "XXXX"
    return Resolved("DATE", f"{year_text}-Q{quarter_number}", relative="y" not in groups)


def _season(candidate: Candidate, context: Context, direction: str) -> Resolved:
    groups, anchor = candidate.groups, context.anchor
    code = words("season")[groups["season"].lower()]
    if "y" in groups:
        return Resolved("DATE", f"{_year(groups['y'], anchor):04d}-{code}")
    if anchor is None:
        return Resolved("DATE", f"XXXX-{code}", relative=True)
    first, length = SEASON_MONTHS[code]
    spans = []
    for year in range(anchor.year - 2, anchor.year + 2):
        end_year, end_month = add_months(year, first, length - 1)
        spans.append((Day(year, first, 1), month_end(end_year, end_month)))
    rel = re.sub(r"\s+", " ", groups.get("rel", "").lower())
    current = [s for s in spans if s[0] <= anchor <= s[1]]
    if rel == "this" and current:
        chosen = current[0]
    elif rel in ("last", "past", "previous", "this past") or (not rel and direction == "past"):
        pool = [s for s in spans if s[1] < anchor] if rel or not current else current
        chosen = max(pool)
    elif rel in ("next", "coming", "this coming", "following") or direction == "future":
        chosen = current[0] if current and not rel else min(s for s in spans if s[0] > anchor)
    else:
        chosen = current[0] if current else min(s for s in spans if s[0] > anchor)
    return Resolved("DATE", f"{chosen[0].year:04d}-{code}", relative=True)


def _same_quarter(rows: list[dict], sentence_id: int, context: Context) -> Resolved:
    """"the quarter": the quarter named in the last three sentences, else the last one ended."""
    for row in reversed(rows):
        if row["sentence_id"] < sentence_id - 3:
            break
        if re.fullmatch(r"\d{4}-Q\d", row["value"]):
            return Resolved("DATE", row["value"], relative=True)
    if context.anchor is None:
        return Resolved("DATE", "XXXX-QX", relative=True)
    return Resolved("DATE", unit_value(shift(context.anchor, -1, "Q"), "Q"), relative=True)


def _clock(candidate: Candidate, context: Context) -> Resolved:
    groups = candidate.groups
    if "word" in groups:
        clock = "12:00" if groups["word"].lower() == "noon" else "24:00"
    else:
        hour = int(groups["h"]) % 12 + (12 if groups["ampm"].lower().startswith("p") else 0)
        clock = f"{hour:02d}:{groups.get('mm', '00')}"
    day = context.anchor.isoformat() if context.anchor else "XXXX-XX-XX"
    return Resolved("TIME", f"{day}T{clock}", relative=True)


def _day_with_part(day_value: str, part: str) -> str:
    return f"{day_value}T{words('part_of_day')[part.lower()]}"


def normalise(candidate: Candidate, context: Context, sentence_id: int,
              rows: list[dict]) -> Resolved | None:
    """The TimeML reading of ``candidate``; ``rows`` are the expressions found before it."""
    groups, rule, anchor = candidate.groups, candidate.rule, context.anchor

    def direction() -> str:
        return tense(context, sentence_id, candidate.start)

    if rule == "iso":
        value = f"{groups['y']}-{groups['m']}-{groups['d']}"
        if "hh" in groups:
            return Resolved("TIME", f"{value}T{groups['hh']}:{groups['mm']}")
        return Resolved("DATE", value)
    if rule == "numeric":
        first, second = int(groups["a"]), int(groups["b"])
        month, day = (second, first) if groups["sep"] == "." or first > 12 else (first, second)
        if month > 12 or day > 31:
            return None
        year = _year("'" + groups["y"] if len(groups["y"]) == 2 else groups["y"], anchor)
        return Resolved("DATE", f"{year:04d}-{month:02d}-{day:02d}",
                        ambiguous=first <= 12 and second <= 12 and first != second)
    if rule in ("month_day", "day_month"):
        day = int(re.match(r"\d+", groups["d"]).group())
        year = _year(groups["y"], anchor) if "y" in groups else None
        return _date_value(_month(groups["month"]), day, year, context,
                           "" if year else direction())
    if rule == "month_year":
        return Resolved("DATE", f"{_year(groups['y'], anchor):04d}-{_month(groups['month']):02d}",
                        mod=_EDGE.get(groups.get("edge", "").lower(), ""))
    if rule == "month":
        rel = re.sub(r"\s+", " ", groups.get("rel", "").lower())
        resolved = _date_value(_month(groups["month"]), None, None, context,
                               _REL_DIRECTION.get(rel) or direction())
        if rel in ("last", "next", "this past") and context.anchor is not None and \
                _month(groups["month"]) == context.anchor.month:
            year = context.anchor.year + (1 if rel == "next" else -1)
            resolved.value = f"{year:04d}-{context.anchor.month:02d}"
        resolved.mod = _EDGE.get(groups.get("edge", "").lower(), "")
        return resolved
    if rule == "year":
        return Resolved("DATE", groups["y"], mod=_EDGE.get(groups.get("edge", "").lower(), ""))
    if rule == "decade":
        if "word" in groups:
            tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                    "eighties", "nineties"].index(groups["word"].lower()) + 2
            return Resolved("DATE", f"19{tens}", mod="MID" if "mid" in groups else "")
        year = _year(groups["y"], anchor) if groups["y"].startswith("'") else int(groups["y"])
        return Resolved("DATE", f"{year // 10:03d}", mod="MID" if "mid" in groups else "")
    if rule == "century":
        ordinal = groups["ord"].lower()
        number = int(re.match(r"\d+", ordinal).group()) if ordinal[0].isdigit() else \
            int(words("ordinal").get(ordinal, 0))
        return Resolved("DATE", f"{number - 1:02d}") if number else None
    if rule == "quarter":
        if "bare" in groups:
            return _same_quarter(rows, sentence_id, context)
        return _quarter(candidate, context, direction())
    if rule == "half":
        half = 1 if groups["ord"].lower() == "first" else 2
        year = _year(groups["y"], anchor) if "y" in groups else (anchor.year if anchor else None)
        return Resolved("DATE", f"{year:04d}-H{half}" if year else f"XXXX-H{half}",
                        relative="y" not in groups)
    if rule == "season":
        return _season(candidate, context, direction())
    if rule == "holiday":
        month, day = map(int, words("holiday")[re.sub(r"[\s’]+", lambda m: " " if
                                                      m.group().isspace() else "'",
                                                      groups["holiday"].lower())].split("-"))
        year = _year(groups["y"], anchor) if "y" in groups else None
        return _date_value(month, day, year, context, "" if year else direction())
    if rule == "ago":
        return _ago(candidate, context, rows, sentence_id)
    if rule == "relative":
        rel = re.sub(r"\s+", " ", groups["rel"].lower())
        unit = _unit(groups["unit"])
        if rel == "past" or (rel == "last" and candidate.text.lower().startswith("the ")):
            return _duration(Candidate(candidate.start, candidate.end, candidate.text,
                                       "span", {**groups, "num": "1"}), context)
        offset = int(words("relative")[rel])
        quarter = _quarter_before(rows, sentence_id) if (offset, unit) == (-1, "Y") else None
        if quarter is not None and quarter["sentence_id"] == sentence_id:
            day = shift(quarter["interval_start"], -1, "Y")  # "up from last year" beside a quarter
            return Resolved("DATE", unit_value(day, "Q"), relative=True)
        return _relative_unit(offset, unit, context, side=groups.get("side", "").lower())
    if rule == "duration" and groups["num"].lower() in ("a", "an") and \
            re.search(r"(?:\d|%|\bdollars?|\bcents?|\bpercent)\s*$",
                      context.text[max(0, candidate.start - 20):candidate.start]):
        return Resolved("SET", duration_value(1, _unit(groups["unit"])))  # "$5 a year"
    if rule in ("span", "duration"):
        return _duration(candidate, context)
    if rule == "plural":
        unit = _unit(groups["unit"])
        return Resolved("DURATION", duration_value("X", unit if unit != "DE" else "DE"))
    if rule == "weekday":
        weekday = int(words("weekday")[groups["wd"].lower()])
        rel = re.sub(r"\s+", " ", groups.get("rel", "").lower())
        told = "past" if context.text.startswith(("'s", "’s"), candidate.end) else direction()
        resolved = _weekday(weekday, rel, context, told if not rel else "")
        if "pod" in groups:
            resolved.value = _day_with_part(resolved.value, groups["pod"])
            resolved.type = "TIME"
        return resolved
    if rule == "pod":
        if "tonight" in groups:
            offset, part = 0, "night"
        else:
            rel = groups["rel"].lower()
            offset, part = {"this": 0, "last": -1, "yesterday": -1, "tomorrow": 1}[rel], \
                groups["pod"]
        day = (anchor + datetime.timedelta(days=offset)).isoformat() if anchor else "XXXX-XX-XX"
        return Resolved("TIME", _day_with_part(day, part), relative=True)
    if rule == "deictic":
        meaning = words("deictic")[re.sub(r"\s+", " ", candidate.text.lower())]
        if meaning.endswith("_REF"):
            return Resolved("DATE", meaning, relative=True)
        offset = int(meaning.rstrip("NI"))
        day = (anchor + datetime.timedelta(days=offset)).isoformat() if anchor else "XXXX-XX-XX"
        if meaning.endswith("NI"):
            return Resolved("TIME", f"{day}TNI", relative=True)
        return Resolved("DATE", day, relative=True)
    if rule == "clock":
        resolved = _clock(candidate, context)
        if "wd" in groups:
            day = _weekday(int(words("weekday")[groups["wd"].lower()]), "", context,
                           direction()).value
            resolved.value = day + resolved.value[resolved.value.index("T"):]
        elif "day" in groups and anchor is not None:
            offset = int(words("deictic")[groups["day"].lower()])
            day = (anchor + datetime.timedelta(days=offset)).isoformat()
            resolved.value = day + resolved.value[resolved.value.index("T"):]
        return resolved
    if rule == "set":
        return _set(candidate)
    return None


def _set(candidate: Candidate) -> Resolved:
    groups = candidate.groups
    if "freq" in groups:
        return Resolved("SET", words("set")[groups["freq"].lower()])
    unit_word = (groups.get("unit") or groups.get("unit2") or groups.get("unit3")).lower()
    if unit_word in words("weekday"):
        return Resolved("SET", f"XXXX-WXX-{words('weekday')[unit_word]}")
    if unit_word in words("part_of_day"):
        return Resolved("SET", f"XXXX-XX-XXT{words('part_of_day')[unit_word]}")
    unit = _unit(unit_word)
    every_other = "other" in candidate.text.lower()
    return Resolved("SET", duration_value(2 if every_other else 1, unit))
