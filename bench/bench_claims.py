"""Speed and accuracy of storyline.claims on PolNeAR (dev and train) and the example article.

Prints articles per second for ``claims`` on the dev texts (one process, one core, CPU time so
other work on the machine does not count): the claim rules alone, with part-of-speech tagging,
with the source ids ``claims()`` adds, and including sentence splitting and tokens; and
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
from storyline.claims import _claim_table, claims
from storyline.evaluate import read_polnear, score_claims
from storyline.text import parse

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "data" / "polnear"
SUMMARY = [("found", "relation"), ("found+source", "relation"), ("source", "exact"),
           ("source", "overlap"), ("cue", "exact"), ("content", "exact"),
           ("content", "overlap")]


def predict(texts: dict[str, str]) -> tuple[pd.DataFrame, dict[str, float]]:
    """Claims of every text, and CPU seconds per step: parsing (sentences and tokens),
    part-of-speech tagging, the claim rules, and the source ids claims() adds."""
    claims("Lexicons load on first use, she said.")  # not part of the per-article cost
    tables = []
    seconds = dict.fromkeys(("parse", "tag", "rules", "source ids"), 0.0)
    for doc, text in texts.items():
        article = article_from_text(text, id=doc)
        marks = [time.process_time()]
        parsed = parse(article)
        marks.append(time.process_time())
        if parsed.sentences:
            parsed.tags(0, text)
        marks.append(time.process_time())
        _claim_table(article)
        marks.append(time.process_time())
        tables.append(claims(article).assign(doc=doc))
        marks.append(time.process_time())
        for step, began, ended in zip(seconds, marks, marks[1:]):
            seconds[step] += ended - began
    return pd.concat(tables, ignore_index=True), seconds


def report(name: str, path: Path) -> None:
    gold, texts = read_polnear(path)
    predicted, seconds = predict(texts)
    scores = score_claims(predicted, gold, texts=texts).set_index(["metric", "match"])
    print(f"\n{name}: {len(texts)} documents, {len(gold)} gold attributions, "
          f"{len(predicted)} predicted")
    n = len(texts)
    rules, tagged = seconds["rules"], seconds["rules"] + seconds["tag"]
    print(f"  speed (articles/s, one core, CPU time): claim rules {n / rules:.0f}; "
          f"with tagging {n / tagged:.0f}; with source ids (claims() as called) "
          f"{n / (tagged + seconds['source ids']):.0f}; including parsing "
          f"{n / sum(seconds.values()):.0f}")
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
