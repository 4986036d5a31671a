"""Throughput of the text layer (sentences, tokens with tags, entities) on real news text.

Prints articles per second on one core (CPU time of this process, so the figures are per
core even on a busy machine) for PolNeAR dev (84 real news articles) and for the Brown
corpus news category from ../shared/nltk_data (44 texts, re-joined from tokens).

    python bench/bench_text.py
"""

from __future__ import annotations

import time

from common import SHARED, polnear

from storyline import article_from_text, entities, sentences, tokens


def measure(label: str, texts: list[str]) -> None:
    articles = [article_from_text(text, id=f"{label}-{i}") for i, text in enumerate(texts)]
    sentences(articles[0])  # load the models before timing
    started = time.process_time()
    n_tokens = 0
    for article in articles:
        sentences(article)
        n_tokens += len(tokens(article))
        entities(article)
    elapsed = time.process_time() - started
    print(f"{label}: {len(articles)} articles, {n_tokens:,} tokens in {elapsed:.2f} CPU s: "
          f"{len(articles) / elapsed:.1f} articles/s, {n_tokens / elapsed:,.0f} tokens/s")


def brown_news() -> list[str]:
    import nltk

    nltk.data.path.insert(0, str(SHARED / "nltk_data"))
    from nltk.corpus import brown

    return [" ".join(" ".join(s) for s in brown.sents(fileid))
            for fileid in brown.fileids(categories="news")]


if __name__ == "__main__":
    measure("polnear-dev", [doc["text"] for doc in polnear("dev")])
    measure("brown-news", brown_news())
