"""storyline: who claimed what, on whose word, and when, in news articles.

Example:
    >>> from storyline import read_article, sentences
    >>> article = read_article("data/articles/musk-putin-starlink.txt")
    >>> len(sentences(article)) > 20
    True
"""

from storyline.articles import (
    Article,
    article_from_text,
    read_article,
    read_articles,
    read_example,
)
from storyline.charts import (
    plot_attribution_chain,
    plot_entities,
    plot_sources,
    plot_timeline,
    save_figure,
)
from storyline.claims import claims
from storyline.corpus import CorpusResult, analyze_corpus, read_corpus
from storyline.corroborate import claim_groups, corroborate, merge_timelines, recurring_sources
from storyline.entities import entities
from storyline.report import write_report
from storyline.sources import sources
from storyline.sourcing import attribution_chains, attribution_edges, sourcing_profile
from storyline.text import sentences, tokens
from storyline.timeline import timeline
from storyline.timexes import timexes

__all__ = [
    "Article",
    "CorpusResult",
    "analyze_corpus",
    "article_from_text",
    "attribution_chains",
    "attribution_edges",
    "claim_groups",
    "claims",
    "corroborate",
    "entities",
    "merge_timelines",
    "plot_attribution_chain",
    "plot_entities",
    "plot_sources",
    "plot_timeline",
    "read_article",
    "read_articles",
    "read_corpus",
    "read_example",
    "recurring_sources",
    "save_figure",
    "sentences",
    "sources",
    "sourcing_profile",
    "timeline",
    "timexes",
    "tokens",
    "write_report",
]
