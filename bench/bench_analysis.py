"""CPU time per table of the full analysis, and full-analysis articles per second per core.

Runs every table of :data:`storyline.analysis.TABLES` in order on each PolNeAR dev (or
train) article (read with its publisher and date), as ``storyline analyze`` does: steps the
tables share (sentences, tags, claims, timexes) are cached per article, so each is charged to
the first table that needs it. Seconds are CPU time of the measuring process, so the figures
are per core even on a busy machine. Reading the articles is not counted. Each of ``--runs``
runs is a new process; the fastest is shown per table, the slowest beside it (see
:func:`common.fastest_runs`). Skips when the data is absent.

    python bench/bench_analysis.py [--runs 3] [--split dev|train]
"""

from __future__ import annotations

import argparse
import json
import time
import warnings

from common import fastest_runs, polnear

from storyline.analysis import TABLES
from storyline.articles import StorylineWarning, article_from_text
from storyline.chunks import start_worker


def measure(split: str = "dev") -> dict:
    """CPU seconds per table over a split's articles, once the process is set up as a corpus
    worker sets itself up (:func:`storyline.chunks.start_worker`: a probe article analysed,
    then the models frozen out of the garbage collector's passes): the steady state of a
    worker is measured."""
    documents = polnear(split)
    articles = [article_from_text(doc["text"], id=doc["doc"], outlet=doc["publisher"],
                                  published=doc["date"]) for doc in documents]
    seconds = dict.fromkeys(TABLES, 0.0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        start_worker()
        for article in articles:
            for name, build in TABLES.items():
                began = time.process_time()
                build(article)
                seconds[name] += time.process_time() - began
    return {"articles": len(articles), "seconds": seconds, "total": sum(seconds.values())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="new processes to time (3)")
    parser.add_argument("--split", choices=("dev", "train"), default="dev",
                        help="PolNeAR split to analyse: dev (84 articles, the default) or "
                             "train (840: each run takes ten times longer, so a burst of "
                             "the machine's other work moves its figure less)")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.split)))
        return
    runs = fastest_runs(args.runs, [__file__, "--one", "--split", args.split])
    best, n = runs[0], runs[0]["articles"]
    print(f"full analysis of {n} PolNeAR {args.split} articles, CPU seconds per table "
          f"(fastest of {len(runs)} runs):")
    for name, spent in best["seconds"].items():
        print(f"  {name:<20} {spent:7.2f} s  {spent / best['total']:6.1%}")
    print(f"  {'total':<20} {best['total']:7.2f} s")
    totals = ", ".join(f"{run['total']:.2f}" for run in runs)
    print(f"full analysis: {n / best['total']:.1f} articles per second per core "
          f"(median run {n / runs[len(runs) // 2]['total']:.1f}, slowest "
          f"{n / runs[-1]['total']:.1f}; run totals {totals} s)")


if __name__ == "__main__":
    main()
