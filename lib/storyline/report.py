"""One report per article: HTML (self-contained), Markdown with PNGs, CSV tables or Excel.

The HTML page holds the metadata, the sourcing profile in plain words, the four charts (PNG
data URIs), the claims, sources and timeline tables, and the article text with every claim,
source mention and time expression highlighted. Each table row links to its highlight
(clicking the row scrolls to it and marks it) and clicking a highlight leads back to its row.
It loads nothing from the network: a Content-Security-Policy allows images only from data
URIs and only the page's own script and style (by hash); all article text and metadata is
escaped by Jinja2's autoescaping, so ``<script>`` in an article stays text.

Example:
    >>> import tempfile
    >>> from storyline import read_article
    >>> from storyline.analysis import analyze
    >>> article = read_article("The dam leaked, two engineers said.", published="2024-05-01")
    >>> path = write_report(article, analyze(article), tempfile.mkdtemp())
    >>> path.suffix, "two engineers" in path.read_text()
    ('.html', True)
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from storyline.articles import Article
from storyline.highlight import Span, highlight_tree
from storyline.reportwords import markdown_text, profile_sentences, table_rows

if TYPE_CHECKING:
    from jinja2 import Environment

# matplotlib, Jinja2 and openpyxl are imported in the functions that use them: the
# ``storyline`` command imports this module for REPORT_FORMATS, and `--format json` needs none.

REPORT_FORMATS = ("html", "md", "csv", "xlsx")
#: Chart name -> its title, the table it draws and the :mod:`storyline.charts` function.
CHARTS = {
    "sources": ("Claims per source", "sources", "plot_sources"),
    "attribution": ("Who passes whose claims on", "attribution_edges", "plot_attribution_chain"),
    "timeline": ("Timeline", "timeline", "plot_timeline"),
    "entities": ("Who appears with whom", "entities", "plot_entities"),
}


def _environment(autoescape: bool) -> Environment:
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(loader=PackageLoader("storyline", "templates"), trim_blocks=True,
                       lstrip_blocks=True, keep_trailing_newline=True,
                       autoescape=select_autoescape(["html", "j2"]) if autoescape else False)


def _draw(name: str, tables: dict[str, pd.DataFrame]):
    """The figure of chart ``name``, or None when its table was not computed."""
    from storyline import charts

    _, table_name, plot = CHARTS[name]
    if table_name not in tables:
        return None
    extra = {"sources": tables.get("sources")} if name == "timeline" else {}
    return getattr(charts, plot)(tables[table_name], **extra).figure


def _png(figure) -> str:
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _spans(article: Article, tables: dict[str, pd.DataFrame]) -> list[Span]:
    """Every claim content, source mention and time expression as a highlight."""
    spans = []
    for row in tables.get("claims", pd.DataFrame()).itertuples():
        spans.append(Span(int(row.content_start), int(row.content_end), "claim",
                          f"claim-{row.claim_id}", f"claim {row.claim_id}: {row.source_text} "
                          f"{row.cue}".strip()))
    for row in tables.get("sources", pd.DataFrame()).itertuples():
        mentions = sorted(row.mentions, key=lambda m: (m[0] != row.start, m[0]))
        for i, (start, end) in enumerate(mentions):
            key = f"source-{row.source_id}" + ("" if i == 0 else f"-{i}")
            spans.append(Span(int(start), int(end), "source", key,
                              f"source {row.source_id}: {row.name} ({row.source_type})"))
    for row in tables.get("timexes", pd.DataFrame()).itertuples():
        spans.append(Span(int(row.start), int(row.end), "timex", f"timex-{row.timex_id}",
                          f"time {row.timex_id}: {row.value}"))
    return spans


def _url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address; other schemes (``javascript:``) are not links."""
    return url if url and re.match(r"(?i)https?://", url.strip()) else None


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def render_html(article: Article, tables: dict[str, pd.DataFrame]) -> str:
    """The self-contained HTML report of one article, as a string (see the module doc)."""
    from markupsafe import Markup

    environment = _environment(autoescape=True)
    script = environment.loader.get_source(environment, "report.js")[0]
    style = environment.loader.get_source(environment, "report.css")[0]
    charts = []
    for name, (title, table_name, _) in CHARTS.items():
        figure = _draw(name, tables)
        charts.append({"name": name, "title": title, "src": _png(figure) if figure else None,
                       "missing": f"The {table_name} table was not computed." if not figure
                       else ""})
    metadata = article.metadata()
    return environment.get_template("report.html.j2").render(
        article=metadata, url=_url(metadata.get("url")), warnings=article.warnings,
        profile=profile_sentences(tables), charts=charts, tables=table_rows(tables),
        tree=highlight_tree(article.text, _spans(article, tables)),
        script=Markup(script), style=Markup(style), script_hash=_sha256(script),
        style_hash=_sha256(style))


def _write_html(article: Article, tables: dict[str, pd.DataFrame], out: Path) -> Path:
    path = out / f"{article.id}.html"
    path.write_text(render_html(article, tables), encoding="utf-8")
    return path


def _write_md(article: Article, tables: dict[str, pd.DataFrame], out: Path) -> Path:
    import matplotlib.pyplot as plt

    from storyline.charts import save_figure

    folder = out / article.id
    folder.mkdir(parents=True, exist_ok=True)
    charts = []
    for name, (title, table_name, _) in CHARTS.items():
        figure = _draw(name, tables)
        if figure is None:
            charts.append({"title": title, "file": None, "missing": f"The {table_name} table "
                           "was not computed."})
            continue
        save_figure(figure, folder / f"{name}.png")
        plt.close(figure)
        charts.append({"title": title, "file": f"{name}.png", "missing": ""})
    metadata = article.metadata()
    environment = _environment(autoescape=False)
    environment.filters["md"] = markdown_text
    text = environment.get_template("report.md.j2").render(
        article=metadata, url=_url(metadata.get("url")), warnings=article.warnings,
        profile=[markdown_text(sentence) for sentence in profile_sentences(tables)],
        charts=charts,
        tables=table_rows(tables, markdown=True))
    path = folder / "report.md"
    path.write_text(text, encoding="utf-8")
    return path


def _write_csv(article: Article, tables: dict[str, pd.DataFrame], out: Path) -> Path:
    folder = out / article.id
    folder.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.to_csv(folder / f"{name}.csv", index=False)
    return folder


def _cell(value):
    """A value openpyxl can store: lists as text, missing values empty."""
    if isinstance(value, list | tuple | dict | set):
        return str(value)
    if value is pd.NA or value is pd.NaT or (isinstance(value, float) and value != value):
        return None
    return value.to_pydatetime() if isinstance(value, pd.Timestamp) else value


def _write_xlsx(article: Article, tables: dict[str, pd.DataFrame], out: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "article"
    sheets = {"article": pd.DataFrame(
        {"field": list(article.metadata()), "value": [str(v) for v in article.metadata()
                                                      .values()]})}
    sheets.update(tables)
    for name, frame in sheets.items():
        sheet = sheet if name == "article" else book.create_sheet(name[:31])
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append([_cell(value) for value in row])
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":  # text starting with "=" stays text, not a formula
                    cell.data_type = "s"
        sheet.freeze_panes = "A2"
    path = out / f"{article.id}.xlsx"
    book.save(path)
    return path


_WRITERS = {"html": _write_html, "md": _write_md, "csv": _write_csv, "xlsx": _write_xlsx}


def write_report(article: Article, tables: dict[str, pd.DataFrame], out: str | Path, *,
                 format: str = "html") -> Path:
    """Write the report of ``article`` into folder ``out``; returns the path written.

    ``tables`` is :func:`storyline.analysis.analyze`'s dict (any subset: a missing table's
    chart and section say it was not computed). ``format`` is ``html`` (``out/ID.html``,
    self-contained), ``md`` (``out/ID/report.md`` with the charts' PNGs and CSVs beside it),
    ``csv`` (``out/ID/TABLE.csv``, returns the folder) or ``xlsx`` (``out/ID.xlsx``, a sheet
    per table).

    Example:
        >>> import tempfile
        >>> from storyline import read_example
        >>> from storyline.analysis import analyze
        >>> article = read_example()
        >>> write_report(article, analyze(article), tempfile.mkdtemp(), format="xlsx").name
        'musk-putin-starlink.xlsx'
    """
    if format not in _WRITERS:
        raise ValueError(f"format must be one of {', '.join(REPORT_FORMATS)}, got {format!r}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    return _WRITERS[format](article, tables, out)
