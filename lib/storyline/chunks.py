"""The work of one chunk of a corpus run: read each input, build every table, catch errors.

It runs in worker processes (a local pool or Dask workers), so it returns compact Arrow
tables rather than DataFrames, and loads the tagger and lexicons once per process.

Example:
    >>> tables = analyze_chunk([(0, "item 0", {"text": "Rivers rose, officials said."}),
    ...                         (1, "item 1", {"text": ""})], tables=("claims",))
    >>> {name: table.num_rows for name, table in tables.items()}
    {'articles': 1, 'errors': 1, 'claims': 1}
"""

from __future__ import annotations

import functools
import gc
import warnings
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pandas as pd
import pyarrow as pa

from storyline.analysis import TABLES
from storyline.articles import Article, ArticleError, load_input, parse_published
from storyline.partitions import frame_to_arrow, frames_to_arrow
from storyline.tables import make_table

ARTICLE_COLUMNS = {
    "article_id": "string",
    "position": "int64",
    "reference": "string",
    "title": "string",
    "outlet": "string",
    "published": "datetime64[s]",
    "url": "string",
    "path": "string",
    "language": "string",
    "n_chars": "int64",
    "warnings": "string",
}
"""Columns of the ``articles`` table, followed by ``n_<table>``, the row count of each table.
``position`` is the article's place in the input (from 0); ``reference`` the file, or the
table file and row/line number, it came from; ``warnings`` the doubts about the input
(encoding, language, an unreadable date that was dropped), one per line, empty when none.
An ``article_id`` that an earlier input already used gets ``~position`` appended."""

ERROR_COLUMNS = {
    "article_id": "string",
    "position": "int64",
    "reference": "string",
    "stage": "string",
    "error_type": "string",
    "message": "string",
}
"""Columns of the ``errors`` table: ``stage`` is ``read`` for an input that could not be read
as an article, else the table whose analysis failed; ``error_type`` the exception's class."""

#: Articles longer than this many characters go to ``errors`` (a dump, not an article).
MAX_CHARS = 1_000_000
#: The garbage collector's thresholds in a worker (:func:`gc.set_threshold`; Python's default
#: is (700, 10, 10)). The analysis makes millions of short-lived objects, and at the default a
#: worker spent 7-9% of its CPU time in collections, most of them finding nothing to free; at
#: these, 3% (840 PolNeAR train articles), with peak memory unchanged at 1k and 10k articles.
WORKER_GC_THRESHOLDS = (50_000, 20, 100)
#: A made-up article analysed once per process to load everything: it has the 20 words
#: that :func:`storyline.articles.detect_language` needs before it loads its word lists, and
#: a second sentence, so that the check for a sentence ending inside a name is built too.
_PROBE = ("Officials said on Monday that the old bridge over the river would reopen next week "
          "after repairs, the Tribune reported. The mayor denied it.")


def load_models() -> None:
    """Load the tagger, lexicons and models this process needs (once; later calls cost nothing)."""
    _empty_tables(tuple(TABLES))


def start_worker() -> None:
    """Set up a worker process (pool initializer, Dask plugin): set the garbage collector's
    thresholds to :data:`WORKER_GC_THRESHOLDS`, load the models, then freeze the objects it
    holds (:func:`gc.freeze`). The collector then no longer walks the ~170,000 objects of the
    models at each pass (a tenth of a worker's time otherwise), and in a forked worker it no
    longer writes to the memory pages shared with the parent."""
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    load_models()
    gc.freeze()


@functools.cache
def _empty_tables(names: tuple[str, ...]) -> dict[str, pd.DataFrame]:
    """Each table with no rows and its declared columns (built once from a probe sentence)."""
    from storyline.articles import article_from_text

    probe = article_from_text(_PROBE, published="2024-01-01")
    return {name: TABLES[name](probe).iloc[:0] for name in names}


def _load(reference: str, given: object) -> Article:
    if isinstance(given, Article):
        return given
    notes = []
    if given.get("published") is not None:
        try:
            parse_published(given["published"], where=reference)
        except ArticleError as error:
            given = {k: v for k, v in given.items() if k != "published"}
            notes.append(f"{error}; analysed without a publication date")
    article = load_input(reference, given)  # its warnings are kept in article.warnings
    return replace(article, warnings=article.warnings + tuple(notes)) if notes else article


def _input_id(reference: str, given: object) -> str:
    if isinstance(given, Article):
        return given.id
    if given.get("id") is not None:
        return str(given["id"])
    return Path(given["path"]).stem if "path" in given else reference


def analyze_chunk(items: list[tuple[int, str, object]], *, tables: tuple[str, ...],
                  max_chars: int = MAX_CHARS) -> dict[str, pa.Table]:
    """Analyse ``(position, reference, input)`` items: Arrow tables ``articles``, ``errors``
    and each of ``tables``, every row with its ``article_id``. Never raises for one input."""
    articles, errors, article_ids = [], [], []
    frames: dict[str, list[pd.DataFrame]] = {name: [] for name in tables}
    for position, reference, given in items:
        stage = "read"
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                article = _load(reference, given)
                if len(article.text) > max_chars:
                    raise ArticleError(f"{reference} has {len(article.text):,} characters, "
                                       f"more than max_chars={max_chars:,}: is it one article? "
                                       "Raise max_chars to analyse it anyway")
                built = {}
                for name in tables:
                    stage = name
                    built[name] = TABLES[name](article)
            notes = [str(w.message) for w in caught if str(w.message) not in article.warnings]
            article = replace(article, warnings=(*article.warnings, *dict.fromkeys(notes)))
        except Exception as error:  # one bad input is recorded, never stops the chunk
            errors.append({"article_id": _input_id(reference, given), "position": position,
                           "reference": reference, "stage": stage,
                           "error_type": type(error).__name__,
                           "message": str(error) or repr(error)})
            continue
        for name, frame in built.items():
            frames[name].append(frame)
        article_ids.append(article.id)
        articles.append(_article_row(article, position, reference, built))
    result = {"articles": frame_to_arrow(make_table(articles, _article_columns(tables))),
              "errors": frame_to_arrow(make_table(errors, ERROR_COLUMNS))}
    empty = _empty_tables(tables)
    for name in tables:
        result[name] = (frames_to_arrow(frames[name], article_ids) if frames[name]
                        else frames_to_arrow([empty[name]], [""]))
    return result


def _article_columns(tables: Iterable[str]) -> dict[str, str]:
    return {**ARTICLE_COLUMNS, **{f"n_{name}": "int64" for name in tables}}


def _article_row(article: Article, position: int, reference: str,
                 built: dict[str, pd.DataFrame]) -> dict:
    return {
        "article_id": article.id, "position": position, "reference": reference,
        "title": article.title, "outlet": article.outlet,
        "published": pd.Timestamp(article.published) if article.published else None,
        "url": article.url, "path": article.path, "language": article.language,
        "n_chars": len(article.text), "warnings": "\n".join(article.warnings),
        **{f"n_{name}": len(frame) for name, frame in built.items()},
    }


