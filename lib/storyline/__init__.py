"""storyline: who claimed what, on whose word, and when, in news articles.

The public names below are imported from their modules on first use, so ``import storyline``
is quick and a process loads only what it uses: a corpus worker that imports
``storyline.chunks`` never loads matplotlib, Jinja2 or Dask, and ``storyline --help`` answers
at once.

Example:
    >>> from storyline import read_article, sentences
    >>> article = read_article("data/articles/musk-putin-starlink.txt")
    >>> len(sentences(article)) > 20
    True
"""

import importlib
import sys
import types

#: Public name -> the module (in this package) that defines it.
_HOMES: dict[str, str] = {
    "Article": "articles",
    "CorpusResult": "corpus",
    "analyze_corpus": "corpus",
    "article_from_text": "articles",
    "attribution_chains": "sourcing",
    "attribution_edges": "sourcing",
    "claim_groups": "corroborate",
    "claims": "claims",
    "corroborate": "corroborate",
    "entities": "entities",
    "merge_timelines": "corroborate",
    "plot_attribution_chain": "charts",
    "plot_entities": "charts",
    "plot_sources": "charts",
    "plot_timeline": "charts",
    "read_article": "articles",
    "read_articles": "articles",
    "read_corpus": "corpus",
    "read_example": "articles",
    "recurring_sources": "corroborate",
    "save_figure": "charts",
    "sentences": "text",
    "sources": "sources",
    "sourcing_profile": "sourcing",
    "timeline": "timeline",
    "timexes": "timexes",
    "tokens": "text",
    "write_report": "report",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str):
    """Import the module that defines public ``name`` and keep the name here (PEP 562)."""
    if name not in _HOMES:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"storyline.{_HOMES[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """The package's module type: ``storyline.claims`` stays the function ``claims``.

    Importing a submodule sets it as an attribute of the package, so loading the module
    ``storyline.claims`` (as ``storyline.chunks`` does) would hide the function of the same
    name; here the function takes its module's place, as it did when this file imported
    every name up front.
    """

    def __setattr__(self, name: str, value) -> None:
        if isinstance(value, types.ModuleType) and _HOMES.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
