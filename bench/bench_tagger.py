"""Tokens per second of NLTK's perceptron tagger and of storyline.tagger, on real news text.

Both tag the same tokens (PolNeAR dev, 84 articles, sentence by sentence as storyline splits
them) with the same model; the script also checks that the tags are identical. Seconds are
CPU time of this process, so the figures are per core even on a busy machine.

    python bench/bench_tagger.py
"""

from __future__ import annotations

import time

from common import polnear

from storyline.articles import article_from_text
from storyline.resources import pos_tagger
from storyline.tagger import FastTagger
from storyline.text import parse, tagger_form


def articles_as_token_lists() -> list[list[list[str]]]:
    """Each dev article as the token lists storyline gives its tagger."""
    found = []
    for doc in polnear("dev"):
        article = article_from_text(doc["text"], id=doc["doc"])
        text = article.text
        found.append([[tagger_form(text[s:e]) for s, e in spans]
                      for spans in parse(article).tokens])
    return found


def main() -> None:
    articles = articles_as_token_lists()
    n_tokens = sum(len(words) for article in articles for words in article)
    model = pos_tagger()
    started = time.process_time()
    expected = [[tuple(tag for _, tag in model.tag(words)) for words in article]
                for article in articles]
    nltk_seconds = time.process_time() - started
    started = time.process_time()
    fast = FastTagger(model)
    build_seconds = time.process_time() - started
    timings = []
    for run in ("first pass (word tables filling)", "second pass (word tables filled)"):
        started = time.process_time()
        tagged = [fast.tag_sentences(article) for article in articles]
        timings.append((run, time.process_time() - started))
        assert tagged == expected, "storyline.tagger disagrees with NLTK"
    print(f"PolNeAR dev: {len(articles)} articles, {n_tokens:,} tokens; tags identical to NLTK")
    print(f"  nltk PerceptronTagger.tag: {n_tokens / nltk_seconds:10,.0f} tokens/s")
    for run, seconds in timings:
        print(f"  storyline.tagger, {run}: {n_tokens / seconds:10,.0f} tokens/s "
              f"({nltk_seconds / seconds:.1f}x)")
    print(f"  building the arrays from NLTK's model: {build_seconds:.2f} CPU s, once per process")


if __name__ == "__main__":
    main()
