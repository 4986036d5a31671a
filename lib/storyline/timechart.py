"""The timeline chart: events on a calendar that can skip decades, one row per event.

A story that mentions 1949 and last March cannot show both on one linear axis: the recent
weeks would shrink to a hair. :func:`plot_timeline` therefore cuts long empty stretches out
of the axis (a broken axis, marked with a grey band saying how many years it skips) and gives
each stretch of dated events its own share of the width, with ticks in years or months as
the stretch needs. Each event gets its own row, so labels never overlap.

Example:
    >>> import pandas as pd
    >>> events = pd.DataFrame({
    ...     "kind": ["event", "event", "publication"], "text": ["War began", "Talks", ""],
    ...     "timex_text": ["1949", "March", ""], "claim_id": [None, 0, None],
    ...     "source_id": [None, 0, None],
    ...     "interval_start": pd.to_datetime(["1949-01-01", "2024-03-01", "2024-10-25"]),
    ...     "interval_end": pd.to_datetime(["1949-12-31", "2024-03-31", "2024-10-25"])})
    >>> ax = plot_timeline(events)
    >>> [label.get_text() for label in ax.get_yticklabels()]
    ['1949: War began', 'March: Talks']
"""

from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from storyline.chartkit import remember_data, say_empty

#: Who an event is attributed to -> (colour, marker); Okabe-Ito colours, safe for colour-blind
#: readers, and a distinct marker each so the chart also reads in grey.
ATTRIBUTION_STYLE = {
    "named source": ("#0072B2", "o"),
    "anonymous source": ("#D55E00", "D"),
    "outlet": ("#009E73", "s"),
    "unattributed ('reportedly')": ("#E69F00", "^"),
    "the article itself": ("#666666", "v"),
    "attributed (sources not given)": ("#56B4E9", "o"),
}
_GAP_YEARS = 3  # an empty stretch longer than this (and most of the span) is cut out
_GAP_WIDTH = 0.05  # share of the axis the cut takes
_MIN_SHARE = 0.14  # share of the axis a short stretch of events gets at least


def attribution(events: pd.DataFrame, sources: pd.DataFrame | None) -> pd.Series:
    """Who each event is attributed to, in the words of :data:`ATTRIBUTION_STYLE`."""
    types = {}
    if sources is not None and len(sources):
        types = dict(zip(sources["source_id"], sources["source_type"], strict=True))
    labels = []
    for claim_id, source_id in zip(events["claim_id"], events["source_id"], strict=True):
        if pd.isna(claim_id):
            labels.append("the article itself")
        elif pd.isna(source_id):
            labels.append("unattributed ('reportedly')")
        elif not types:
            labels.append("attributed (sources not given)")
        else:
            kind = types.get(source_id, "other")
            labels.append({"anonymous": "anonymous source", "outlet": "outlet"}
                          .get(kind, "named source"))
    return pd.Series(labels, index=events.index, dtype="string")


def short_label(timex_text: str, text: str, *, width: int = 44) -> str:
    """'late 2022: has been in close contact …', cut at a word to ``width`` characters."""
    words = " ".join(str(text).split())
    short = textwrap.shorten(words, width=max(width - len(timex_text) - 2, 12),
                             placeholder=" …")
    return f"{timex_text}: {short}" if timex_text else short


def _stretches(days: np.ndarray) -> list[tuple[float, float]]:
    """Runs of dates with no long empty stretch inside, as (first, last) day numbers."""
    days = np.sort(np.unique(days))
    total = days[-1] - days[0]
    runs = [[days[0], days[0]]]
    for day in days[1:]:
        gap = day - runs[-1][1]
        if gap > 365.25 * _GAP_YEARS and gap > 0.4 * total:
            runs.append([day, day])
        else:
            runs[-1][1] = day
    return [(first, last) for first, last in runs]


def _knots(runs: list[tuple[float, float]], weights: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Day numbers and the axis positions (0-1) they map to: a piecewise-linear scale."""
    padded = []
    for first, last in runs:
        pad = max((last - first) * 0.04, 45.0)
        padded.append((first - pad, last + pad))
    gaps = _GAP_WIDTH * (len(runs) - 1)
    shares = np.array(weights, dtype=float) / sum(weights) * (1 - gaps)
    shares = np.maximum(shares, _MIN_SHARE if len(runs) > 1 else 1.0)
    shares = shares / shares.sum() * (1 - gaps)
    days, positions, at = [], [], 0.0
    for (first, last), share in zip(padded, shares, strict=True):
        days += [first, last]
        positions += [at, at + share]
        at += share + _GAP_WIDTH
    return np.array(days), np.array(positions)


def _scale(days: np.ndarray, positions: np.ndarray):
    """Forward and inverse functions of the piecewise-linear scale, extended past the ends."""
    def forward(values):
        values = np.asarray(values, dtype=float)
        inside = np.interp(values, days, positions)
        low_slope = (positions[1] - positions[0]) / (days[1] - days[0])
        high_slope = (positions[-1] - positions[-2]) / (days[-1] - days[-2])
        below = positions[0] + (values - days[0]) * low_slope
        above = positions[-1] + (values - days[-1]) * high_slope
        return np.where(values < days[0], below, np.where(values > days[-1], above, inside))

    def inverse(values):
        return _scale(positions, days)[0](values)

    return forward, inverse


def _ticks(first: float, last: float, share: float) -> tuple[list[float], list[str]]:
    """Tick days and labels for one stretch: years for long or narrow ones, else months."""
    start, end = mdates.num2date(first), mdates.num2date(last)
    span_years = (last - first) / 365.25
    if span_years > 2.5 or share < 0.3:
        step = max(1, int(np.ceil(span_years / 6)))
        years = [y for y in range(start.year + 1, end.year + 1) if y % step == 0]
        dates = [pd.Timestamp(year=y, month=1, day=1) for y in years]
        labels = [str(date.year) for date in dates]
    elif span_years > 0.6:
        dates = [d for d in pd.date_range(start.date(), end.date(), freq="QS")]
        dates = dates[:: max(1, len(dates) // 6)]
        labels = [date.strftime("%b\n%Y") if date.month == 1 or i == 0 else date.strftime("%b")
                  for i, date in enumerate(dates)]
    else:
        dates = [d for d in pd.date_range(start.date(), end.date(), freq="MS")]
        labels = [date.strftime("%b\n%Y") if date.month == 1 or i == 0 else date.strftime("%b")
                  for i, date in enumerate(dates)]
    if not dates:  # a stretch inside one year: its middle, labelled with the year
        middle = mdates.num2date((first + last) / 2)
        return [(first + last) / 2], [str(middle.year)]
    return [mdates.date2num(date) for date in dates], labels


def plot_timeline(table: pd.DataFrame, *, sources: pd.DataFrame | None = None,
                  ax: Axes | None = None) -> Axes:
    """Draw :func:`storyline.timeline`: bars for periods, points for days, publication marked.

    Colour and marker say whom each event is attributed to (pass ``sources`` to tell named
    from anonymous sources and outlets). Long empty stretches of years are cut out of the
    axis and marked, so 1949 and last week are both readable. Events with no place on the
    calendar are counted in a note. Returns the Axes; never calls ``plt.show()``.

    Example:
        >>> import pandas as pd
        >>> events = pd.DataFrame({
        ...     "kind": ["event", "publication"], "text": ["The plant closed", ""],
        ...     "timex_text": ["in 1998", ""], "claim_id": [None, None],
        ...     "source_id": [None, None],
        ...     "interval_start": pd.to_datetime(["1998-01-01", "2024-10-25"]),
        ...     "interval_end": pd.to_datetime(["1998-12-31", "2024-10-25"])})
        >>> ax = plot_timeline(events)
        >>> ax.get_xscale(), ax.texts[-1].get_text()
        ('function', 'published 25 Oct 2024')
    """
    if ax is None:
        rows = int((table["kind"] != "publication").sum()) if len(table) else 0
        _, ax = plt.subplots(figsize=(11, 1.6 + 0.36 * max(rows, 3)), layout="constrained")
    publication = table[table["kind"] == "publication"]
    events = table[table["kind"] != "publication"].copy()
    events["who"] = attribution(events, sources)
    starts = pd.to_datetime(events["interval_start"])
    ends = pd.to_datetime(events["interval_end"])
    events["start_day"] = mdates.date2num(starts.fillna(ends))
    events["end_day"] = mdates.date2num(ends.fillna(starts))
    unplaced = events[starts.isna() & ends.isna()]
    events = events.drop(unplaced.index).reset_index(drop=True)
    if events.empty:
        return say_empty(ax, "No dated events in this article, so there is no timeline to "
                             "draw.", title="Timeline")
    published = (mdates.date2num(pd.to_datetime(publication["interval_start"]).iloc[0])
                 if len(publication) and not publication["interval_start"].isna().all()
                 else None)
    days = np.concatenate([events["start_day"], events["end_day"]]
                          + ([[published]] if published is not None else []))
    runs = _stretches(days)
    weights = [int(((events["end_day"] >= first) & (events["start_day"] <= last)).sum()) + 1
               for first, last in runs]
    knot_days, knot_positions = _knots(runs, weights)
    ax.set_xscale("function", functions=_scale(knot_days, knot_positions))
    ax.set_xlim(knot_days[0], knot_days[-1])

    events["label"] = [short_label(str(t) if pd.notna(t) else "", str(x))
                       for t, x in zip(events["timex_text"], events["text"], strict=True)]
    for row, event in events.iterrows():
        colour, marker = ATTRIBUTION_STYLE[event["who"]]
        if event["end_day"] - event["start_day"] >= 1:
            ax.barh(row, event["end_day"] - event["start_day"] + 1, left=event["start_day"],
                    height=0.5, color=colour, alpha=0.55, edgecolor=colour, linewidth=1)
        else:
            ax.plot(event["start_day"], row, marker=marker, color=colour, markersize=9,
                    markeredgecolor="white", linestyle="none")
    ax.set_yticks(range(len(events)), events["label"], fontsize=9)
    ax.set_ylim(len(events) - 0.4, -0.6)

    ticks, labels = [], []
    shares = knot_positions[1::2] - knot_positions[::2]
    for (first, last), low, high, share in zip(runs, knot_days[::2], knot_days[1::2], shares,
                                                strict=True):
        stretch_ticks, stretch_labels = _ticks(low, high, share)
        keep = [i for i, day in enumerate(stretch_ticks) if first - 400 <= day <= last + 400]
        ticks += [stretch_ticks[i] for i in keep]
        labels += [stretch_labels[i] for i in keep]
    ax.set_xticks(ticks, labels, fontsize=8)
    for high, low in zip(knot_days[1:-1:2], knot_days[2::2], strict=True):
        ax.axvspan(high, low, color="#e6e6e6", zorder=0)
        years = round((low - high) / 365.25)
        ax.text((high + low) / 2, 0.5, f"{years} years\nskipped", rotation=90, ha="center",
                va="center", fontsize=8, color="#555555", transform=ax.get_xaxis_transform())
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if published is not None:
        ax.axvline(published, color="black", linestyle="--", linewidth=1)
        ax.annotate(f"published {mdates.num2date(published):%d %b %Y}", (published, 1),
                    xycoords=("data", "axes fraction"), xytext=(-4, -4),
                    textcoords="offset points", ha="right", va="top", fontsize=8)
    handles = [Line2D([], [], color=ATTRIBUTION_STYLE[who][0], marker=ATTRIBUTION_STYLE[who][1],
                      linestyle="none", markersize=8, label=who)
               for who in ATTRIBUTION_STYLE if who in set(events["who"])]
    handles.append(Patch(color="#999999", alpha=0.55, label="a period (bar spans it)"))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12 * 6 /
              max(len(events), 6)), ncol=min(len(handles), 4), fontsize=8, frameon=False)
    title = "Timeline: what happened when, and on whose word"
    if len(unplaced):
        title += f" ({len(unplaced)} undated event(s) not drawn)"
    ax.set_title(title, loc="left", fontsize=11)
    drawn = events[["label", "timex_text", "who", "start_day", "end_day"]].copy()
    drawn["start"] = mdates.num2date(drawn.pop("start_day"))
    drawn["end"] = mdates.num2date(drawn.pop("end_day"))
    drawn["start"] = pd.to_datetime(drawn["start"]).dt.date
    drawn["end"] = pd.to_datetime(drawn["end"]).dt.date
    return remember_data(ax, drawn)
