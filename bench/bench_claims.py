"""Speed and accuracy of storyline.claims on PolNeAR (dev and train) and the example article.

Prints articles per second for ``claims`` on the dev texts (one process, one core; the texts
are parsed first so the figure is for the claims rules, then again including parsing), and
the evaluation figures of :func:`storyline.evaluate.score_claims` on dev, on train (to check
that rules tuned while reading dev errors do not overfit) and on our gold example.

    python bench/bench_claims.py            # dev + train + example
    python bench/bench_claims.py --dev-only
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

from storyline.articles import article_from_text
from storyline.claims import claims
from storyline.evaluate import read_polnear, score_claims
from storyline.text import parse

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "data" / "polnear"
SUMMARY = [("found", "relation"), ("found+source", "relation"), ("source", "exact"),
           ("source", "overlap"), ("cue", "exact"), ("content", "exact"),
           ("content", "overlap")]


def predict(texts: dict[str, str]) -> tuple[pd.DataFrame, float, float]:
    """Claims of every text, seconds spent in claims() after parsing, and in total."""
    claims("Lexicons load on first use, she said.")  # not part of the per-article cost
    tables, parsing, claiming = [], 0.0, 0.0
    for doc, text in texts.items():
        article = article_from_text(text, id=doc)
        began = time.perf_counter()
        parse(article)
        parsed = time.perf_counter()
        tables.append(claims(article).assign(doc=doc))
        claiming += time.perf_counter() - parsed
        parsing += parsed - began
    return pd.concat(tables, ignore_index=True), claiming, claiming + parsing


def report(name: str, path: Path) -> None:
    gold, texts = read_polnear(path)
    predicted, claim_seconds, total_seconds = predict(texts)
    scores = score_claims(predicted, gold, texts=texts).set_index(["metric", "match"])
    print(f"\n{name}: {len(texts)} documents, {len(gold)} gold attributions, "
          f"{len(predicted)} predicted")
    print(f"  speed: {len(texts) / claim_seconds:.0f} articles/s for claims() on parsed "
          f"articles, {len(texts) / total_seconds:.0f} articles/s including parsing")
    print(f"  {'metric':<14}{'match':<10}{'P':>7}{'R':>7}{'F1':>7}")
    for metric, match in SUMMARY:
        row = scores.loc[(metric, match)]
        print(f"  {metric:<14}{match:<10}{row.precision * 100:7.1f}{row.recall * 100:7.1f}"
              f"{row.f1 * 100:7.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev-only", action="store_true")
    args = parser.parse_args()
    report("example (data/gold/musk-putin-starlink.json)",
           ROOT / "data" / "gold" / "musk-putin-starlink.json")
    if not POLNEAR.exists():
        print(f"PolNeAR not found at {POLNEAR}: skipping dev and train", file=sys.stderr)
        return 0
    report("PolNeAR dev", POLNEAR / "polnear_dev.jsonl")
    if not args.dev_only:
        report("PolNeAR train", POLNEAR / "polnear_train.jsonl")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
