"""TimeML TIMEX3 values as calendar spans: what ``2024-03``, ``2022`` + END or ``P2Y`` cover.

:func:`value_interval` turns a value (and its ``mod``) into the first and last day it denotes
and a precision word, so timelines can be charted; the other helpers do the date arithmetic
that resolving "last week" or "two years ago" against a publication date needs.

Example:
    >>> value_interval("2022", mod="END")
    (datetime.date(2022, 9, 1), datetime.date(2022, 12, 31), 'year')
    >>> value_interval("2024-W43")
    (datetime.date(2024, 10, 21), datetime.date(2024, 10, 27), 'week')
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

Day = dt.date
#: Meteorological seasons as (first month, number of months); winter runs into the next year.
SEASON_MONTHS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}
#: Days each duration unit stands for, to place "the last two years" on a calendar.
UNIT_PRECISION = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter",
                  "DE": "decade", "CE": "century", "WE": "day", "TH": "time", "TM": "time",
                  "TS": "time", "2W": "week"}

_VALUE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>\d\d)(?:-(?P<day>\d\d)(?P<time>T.*)?)?"
    r"|W(?P<week>\d\d?)(?:-(?P<weekday>\d|WE))?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?$"
)

_DECADE = re.compile(r"\d{3}")
_CENTURY = re.compile(r"\d\d")


def month_end(year: int, month: int) -> Day:
    """The last day of a month."""
    return Day(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, months: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``months`` (negative goes back)."""
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def shift(day: Day, amount: int, unit: str) -> Day:
    """``day`` moved by ``amount`` units (Y, M, Q, W, D, DE, CE), clamped to month ends."""
    if unit in ("D", "WE"):
        return day + dt.timedelta(days=amount)
    if unit in ("W", "2W"):
        return day + dt.timedelta(weeks=amount * (2 if unit == "2W" else 1))
    months = amount * {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}.get(unit, 0)
    year, month = add_months(day.year, day.month, months)
    if not 1 <= year <= 9999:
        raise ValueError(f"{amount} {unit} from {day} leaves the calendar")
    return Day(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def week_value(day: Day) -> str:
    """ISO week of a day as TimeML writes it: ``2024-W43``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def unit_value(day: Day, unit: str) -> str:
    """The TimeML value of the calendar unit (year, month, week, ...) that contains ``day``."""
    if unit == "Y":
        return f"{day.year:04d}"
    if unit == "M":
        return f"{day.year:04d}-{day.month:02d}"
    if unit == "Q":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if unit in ("W", "2W"):
        return week_value(day)
    if unit == "WE":
        return week_value(day) + "-WE"
    if unit == "DE":
        return f"{day.year // 10:03d}"
    if unit == "CE":
        return f"{day.year // 100:02d}"
    return day.isoformat()


def _span(match: re.Match) -> tuple[Day, Day, str]:
    year = int(match["year"])
    if match["day"]:
        day = Day(year, int(match["month"]), int(match["day"]))
        return day, day, "time" if match["time"] else "day"
    if match["month"]:
        month = int(match["month"])
        return Day(year, month, 1), month_end(year, month), "month"
    if match["week"]:
        monday = Day.fromisocalendar(year, int(match["week"]), 1)
        if match["weekday"] == "WE":
            return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6), "day"
        if match["weekday"]:
            day = monday + dt.timedelta(days=int(match["weekday"]) - 1)
            return day, day, "day"
        return monday, monday + dt.timedelta(days=6), "week"
    if match["quarter"]:
        first = (int(match["quarter"]) - 1) * 3 + 1
        return Day(year, first, 1), month_end(year, first + 2), "quarter"
    if match["half"]:
        first = 1 if match["half"] == "1" else 7
        return Day(year, first, 1), month_end(year, first + 5), "half"
    if match["season"]:
        first, length = SEASON_MONTHS[match["season"]]
        last_year, last_month = add_months(year, first, length - 1)
        return Day(year, first, 1), month_end(last_year, last_month), "season"
    return Day(year, 1, 1), Day(year, 12, 31), "year"


def _apply_mod(start: Day, end: Day, mod: str) -> tuple[Day | None, Day | None]:
    """Narrow a span to its first, middle or last third (START, MID, END), or open it."""
    days = (end - start).days + 1
    third = dt.timedelta(days=max(days // 3, 1) - 1)
    if mod == "START":
        return start, start + third
    if mod == "END":
        if start.day == 1 and end.month - start.month == 11:  # a year: its last four months
            return Day(start.year, 9, 1), end
        return end - third, end
    if mod == "MID":
        middle = start + dt.timedelta(days=days // 3)
        return middle, middle + third
    if mod in ("BEFORE", "ON_OR_BEFORE"):
        return None, end
    if mod in ("AFTER", "ON_OR_AFTER"):
        return start, None
    return start, end


def value_interval(value: str, *, mod: str = "", anchor: Day | None = None
                   ) -> tuple[Day | None, Day | None, str]:
    """``(first day, last day, precision)`` of a TIMEX3 date value; None where open or unknown.

    Decades (``199``) and centuries (``19``) are spans too; ``PRESENT_REF`` is the anchor day,
    ``PAST_REF`` ends and ``FUTURE_REF`` starts there. Values with ``X`` placeholders and
    durations (``P2Y``) have no span of their own.

    Example:
        >>> value_interval("199")
        (datetime.date(1990, 1, 1), datetime.date(1999, 12, 31), 'decade')
        >>> value_interval("PAST_REF", anchor=dt.date(2024, 10, 25))
        (None, datetime.date(2024, 10, 25), 'ref')
    """
    if value.endswith("_REF"):
        if anchor is None:
            return None, None, "ref"
        return ({"PRESENT_REF": (anchor, anchor), "PAST_REF": (None, anchor),
                 "FUTURE_REF": (anchor, None)}.get(value, (None, None)) + ("ref",))
    return _calendar_interval(value, mod)


@functools.lru_cache(maxsize=4096)
def _calendar_interval(value: str, mod: str) -> tuple[Day | None, Day | None, str]:
    """:func:`value_interval` of a value that needs no anchor; cached apart from the anchor,
    which differs from article to article."""
    if value.startswith("P"):
        units = re.findall(r"[A-Z]+", value[1:].replace("T", ""))
        return None, None, UNIT_PRECISION.get(units[-1] if units else "", "duration")
    if _DECADE.fullmatch(value):
        start, end, precision = Day(int(value) * 10, 1, 1), Day(int(value) * 10 + 9, 12, 31), \
            "decade"
    elif _CENTURY.fullmatch(value):
        start, end, precision = Day(max(int(value) * 100, 1), 1, 1), \
            Day(int(value) * 100 + 99, 12, 31), "century"
    else:
        match = _VALUE.match(value)
        if match is None:
            return None, None, _placeholder_precision(value)
        try:
            start, end, precision = _span(match)
        except ValueError:
            return None, None, "day"
    first, last = _apply_mod(start, end, mod)
    return first, last, precision


def _placeholder_precision(value: str) -> str:
    """Precision of a value with X placeholders (``XXXX-03`` is still a month)."""
    for pattern, precision in ((r".*T\d", "time"), (r"\w{4}-\w\w-\w\w", "day"),
                               (r"\w{4}-W", "week"), (r"\w{4}-Q", "quarter"),
                               (r"\w{4}-(SP|SU|FA|WI)", "season"), (r"\w{4}-\w\w", "month"),
                               (r"\w{4}$", "year"), (r"\w{3}$", "decade")):
        if re.match(pattern, value):
            return precision
    return "unknown"


def duration_value(amount: str | float, unit: str) -> str:
    """TimeML duration value: ``P2Y``, ``PT3H``, ``PXM`` for an unknown amount, ``P1.5Y``."""
    if isinstance(amount, float):
        amount = f"{amount:g}"
    if unit == "2W":
        return f"P{int(amount) * 2}W" if str(amount).isdigit() else "PXW"
    if unit == "WE":
        return "P2D"
    if unit.startswith("T"):
        return f"PT{amount}{unit[1]}"
    return f"P{amount}{unit}"
