"""Speed and accuracy of storyline.claims on PolNeAR (dev and train) and the example article.

Prints articles per second for ``claims`` from raw text (one core, CPU time so other work on
the machine does not count), with the CPU seconds of each step: reading the text into an
Article, sentences and tokens, part-of-speech tagging, the claim rules, and the source ids
and table ``claims()`` adds (models and lexicons are loaded once beforehand, as in any long
run, and that time is printed apart). Each of ``--runs`` timings is a new process; the
fastest is shown, the slowest beside it (see :func:`common.fastest_runs`). Then the
evaluation figures of
:func:`storyline.evaluate.score_claims` on dev, on train (to check that rules tuned while
reading dev errors do not overfit) and on our gold example.

    python bench/bench_claims.py            # dev + train + example
    python bench/bench_claims.py --dev-only --runs 5
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import pandas as pd
from common import fastest_runs

from storyline.articles import article_from_text, read_example
from storyline.claims import _claim_rows, claims
from storyline.evaluate import read_polnear, score_claims
from storyline.text import parse

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "data" / "polnear"
SUMMARY = [("found", "relation"), ("found+source", "relation"), ("source", "exact"),
           ("source", "overlap"), ("cue", "exact"), ("content", "exact"),
           ("content", "overlap")]


STEPS = ("read", "parse", "tag", "rules", "source ids + table")


def predict(texts: dict[str, str]) -> tuple[pd.DataFrame, dict[str, float]]:
    """Claims of every text, and CPU seconds per step (see :data:`STEPS`): reading the text,
    sentences and tokens, part-of-speech tagging, the claim rules, and the source ids and
    table claims() adds."""
    tables = []
    seconds = dict.fromkeys(STEPS, 0.0)
    for doc, text in texts.items():
        marks = [time.process_time()]
        article = article_from_text(text, id=doc)
        marks.append(time.process_time())
        parsed = parse(article)
        marks.append(time.process_time())
        if parsed.sentences:
            parsed.tags(0)
        marks.append(time.process_time())
        _claim_rows(article)
        marks.append(time.process_time())
        tables.append(claims(article).assign(doc=doc))
        marks.append(time.process_time())
        for step, began, ended in zip(seconds, marks, marks[1:]):
            seconds[step] += ended - began
    return pd.concat(tables, ignore_index=True), seconds


def warm_up() -> float:
    """Load the models and lexicons once, as any long run does; returns the CPU seconds.

    A headline and the example article reach the word lists that only some sentences need
    (English words for title-case headlines, first names, gazetteers)."""
    began = time.process_time()
    claims(read_example())
    claims("Senator Slams Plan As Voters Head To Polls\n\nJo Ames told Reuters it was false.")
    return time.process_time() - began


def timed(path: Path) -> dict:
    """CPU seconds per step for the claims of every text in ``path``, after the warm-up."""
    warm_up()
    _, texts = read_polnear(path)
    _, seconds = predict(texts)
    return {"articles": len(texts), "seconds": seconds, "total": sum(seconds.values())}


def report(name: str, path: Path, runs: int = 0) -> None:
    gold, texts = read_polnear(path)
    predicted, _ = predict(texts)
    scores = score_claims(predicted, gold, texts=texts).set_index(["metric", "match"])
    print(f"\n{name}: {len(texts)} documents, {len(gold)} gold attributions, "
          f"{len(predicted)} predicted")
    if runs:
        timings = fastest_runs(runs, [__file__, "--time", str(path)])
        n, best = len(texts), timings[0]
        print(f"  speed from raw text: {n / best['total']:.1f} articles/s (one core, CPU time; "
              f"target 50), {best['total']:.2f} s for {n} articles, fastest of {runs} runs "
              f"(median {n / timings[len(timings) // 2]['total']:.1f}, slowest "
              f"{n / timings[-1]['total']:.1f} articles/s)")
        for step, spent in best["seconds"].items():
            print(f"    {step:<20}{spent:6.2f} s {spent / best['total']:6.1%}")
    print(f"  {'metric':<14}{'match':<10}{'P':>7}{'R':>7}{'F1':>7}")
    for metric, match in SUMMARY:
        row = scores.loc[(metric, match)]
        print(f"  {metric:<14}{match:<10}{row.precision * 100:7.1f}{row.recall * 100:7.1f}"
              f"{row.f1 * 100:7.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-only", action="store_true")
    parser.add_argument("--runs", type=int, default=3,
                        help="new processes timing each PolNeAR split (3)")
    parser.add_argument("--time", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.time:
        print(json.dumps(timed(args.time)))
        return 0
    print(f"loading models and lexicons (once per process, not counted below): "
          f"{warm_up():.2f} s")
    report("example (data/gold/musk-putin-starlink.json)",
           ROOT / "data" / "gold" / "musk-putin-starlink.json")
    if not POLNEAR.exists():
        print(f"PolNeAR not found at {POLNEAR}: skipping dev and train", file=sys.stderr)
        return 0
    report("PolNeAR dev", POLNEAR / "polnear_dev.jsonl", args.runs)
    if not args.dev_only:
        report("PolNeAR train", POLNEAR / "polnear_train.jsonl", args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
