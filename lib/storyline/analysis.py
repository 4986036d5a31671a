"""Run every table of the kit on one article: the shape the CLI, reports and corpora share.

Example:
    >>> from storyline import read_article
    >>> tables = analyze(read_article("data/articles/musk-putin-starlink.txt"))
    >>> list(tables)[:2]
    ['sentences', 'entities']
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable

import pandas as pd

from storyline.articles import Article
from storyline.claims import claims
from storyline.entities import entities
from storyline.sources import sources
from storyline.sourcing import attribution_edges, sourcing_profile
from storyline.text import as_article, sentences
from storyline.timeline import timeline
from storyline.timexes import timexes

#: Table name -> the function that builds it from an article, in the order they are shown.
TABLES: dict[str, Callable[[Article], pd.DataFrame]] = {
    "sentences": sentences,
    "entities": entities,
    "claims": claims,
    "sources": sources,
    "sourcing_profile": sourcing_profile,
    "attribution_edges": attribution_edges,
    "timexes": timexes,
    "timeline": timeline,
}


def analyze(article: Article | str) -> dict[str, pd.DataFrame]:
    """Every table of :data:`TABLES` for one article, keyed by table name.

    A warning several tables raise (no publication date: timexes and timeline) is shown once.
    """
    article = as_article(article)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tables = {name: build(article) for name, build in TABLES.items()}
    for warning in {(w.category, str(w.message)): w for w in caught}.values():
        warnings.warn(warning.message, stacklevel=2)
    return tables


def _json_ready(frame: pd.DataFrame) -> list[dict]:
    """Rows as plain Python values: missing values become None, dates ISO strings."""
    return json.loads(frame.to_json(orient="records", date_format="iso", force_ascii=False))


def to_json(article: Article, tables: dict[str, pd.DataFrame]) -> dict:
    """The JSON object ``storyline analyze --format json`` prints for one article."""
    return {
        "article": {**article.metadata(), "text": article.text},
        **{name: _json_ready(frame) for name, frame in tables.items()},
    }
