"""What every chart shares: the data it drew, the words it shows when empty, and saving.

Each ``plot_*`` function remembers the rows it drew with :func:`remember_data`, so
:func:`save_figure` can write them beside the image: a reader can rebuild the chart
elsewhere, or check it against the tables.

Example:
    >>> from matplotlib.figure import Figure
    >>> ax = say_empty(Figure().subplots(), "No claims in this article.")
    >>> ax.texts[0].get_text()
    'No claims in this article.'
"""

from __future__ import annotations

import weakref
from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

_DRAWN: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def remember_data(ax: Axes, data: pd.DataFrame) -> Axes:
    """Keep ``data`` as what ``ax`` shows (for :func:`save_figure`); returns ``ax``."""
    _DRAWN[ax] = data.reset_index(drop=True)
    return ax


def chart_data(ax: Axes) -> pd.DataFrame | None:
    """The rows a ``plot_*`` function drew on ``ax``, or None for other axes."""
    return _DRAWN.get(ax)


def say_empty(ax: Axes, message: str, *, title: str = "") -> Axes:
    """Write ``message`` in the middle of an otherwise blank ``ax`` (an empty chart says so)."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", wrap=True, fontsize=11,
            color="#444444", transform=ax.transAxes)
    if title:
        ax.set_title(title, loc="left", fontsize=11)
    return remember_data(ax, pd.DataFrame({"message": [message]}))


def save_figure(fig: Figure, path: str | Path, *, svg: bool = False,
                data: pd.DataFrame | None = None, dpi: int = 110) -> list[Path]:
    """Write ``fig`` as PNG (and SVG when ``svg``) plus a CSV of the data it shows.

    ``path`` may end in ``.png`` or have no suffix. The CSV holds ``data`` when given, else
    the rows the ``plot_*`` functions drew on the figure's axes (with an ``axes`` column
    when there are several). Returns the paths written.

    Example:
        >>> import tempfile
        >>> from storyline import plot_sources, sources
        >>> ax = plot_sources(sources("Two officials said the dam leaked."))
        >>> folder = tempfile.mkdtemp()
        >>> [p.name for p in save_figure(ax.figure, f"{folder}/sources.png")]
        ['sources.png', 'sources.csv']
    """
    path = Path(path)
    if path.suffix.lower() in (".png", ".svg", ".csv"):
        path = path.with_suffix("")
    if data is None:
        drawn = [(i, chart_data(ax)) for i, ax in enumerate(fig.axes)]
        drawn = [(i, frame) for i, frame in drawn if frame is not None]
        if not drawn:
            raise ValueError(f"cannot write {path}.csv: the figure was not drawn by a storyline "
                             "plot_* function; pass data=the DataFrame it shows")
        data = (drawn[0][1] if len(drawn) == 1 else
                pd.concat([frame.assign(axes=i) for i, frame in drawn], ignore_index=True))
    path.parent.mkdir(parents=True, exist_ok=True)
    written = [path.with_suffix(".png")]
    fig.savefig(written[0], dpi=dpi, metadata={"Software": "storyline"})
    if svg:
        written.append(path.with_suffix(".svg"))
        fig.savefig(written[-1], metadata={"Date": None})
    written.append(path.with_suffix(".csv"))
    data.to_csv(written[-1], index=False)
    return written
