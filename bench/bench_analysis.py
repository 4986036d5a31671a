"""CPU time per table of the full analysis, and full-analysis articles per second per core.

Runs every table of :data:`storyline.analysis.TABLES` in order on each PolNeAR dev article
(read with its publisher and date), as ``storyline analyze`` does: steps the tables share
(sentences, tags, claims, timexes) are cached per article, so each is charged to the first
table that needs it. Seconds are CPU time of this process, so the figures are per core even
on a busy machine. Reading the articles is not counted. Skips when the data is absent.

    python bench/bench_analysis.py
"""

from __future__ import annotations

import time
import warnings

from common import polnear

from storyline.analysis import TABLES, analyze
from storyline.articles import StorylineWarning, article_from_text


def main() -> None:
    documents = polnear("dev")
    articles = [article_from_text(doc["text"], id=doc["doc"], outlet=doc["publisher"],
                                  published=doc["date"]) for doc in documents]
    seconds = dict.fromkeys(TABLES, 0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        analyze("Lexicons and the tagger load on first use, officials said on Friday.")
        for article in articles:
            for name, build in TABLES.items():
                began = time.process_time()
                build(article)
                seconds[name] += time.process_time() - began
    total = sum(seconds.values())
    print(f"full analysis of {len(articles)} PolNeAR dev articles, CPU seconds per table:")
    for name, spent in seconds.items():
        print(f"  {name:<20} {spent:7.2f} s  {spent / total:6.1%}")
    print(f"  {'total':<20} {total:7.2f} s")
    print(f"full analysis: {len(articles) / total:.1f} articles per second per core")


if __name__ == "__main__":
    main()
