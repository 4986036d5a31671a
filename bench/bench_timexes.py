"""Speed and accuracy of storyline.timexes on the TempEval-3 training data (TimeBank, AQUAINT).

Each document's TEXT is read as an article published on its DCT; predictions are scored by
:func:`storyline.evaluate.score_timexes` (strict and relaxed span F1, type and value F1).
Prints documents per second on one core (parsing included) and, with ``--errors``, the
mismatches grouped by kind, for studying what the rules miss.

    python bench/bench_timexes.py
    python bench/bench_timexes.py --errors timebank
"""

from __future__ import annotations

import argparse
import time
import warnings
from collections import Counter

import pandas as pd
from common import shared_path

from storyline.articles import StorylineWarning, article_from_text
from storyline.evaluate import read_timeml, score_timexes
from storyline.timeml import match_timexes
from storyline.timexes import timexes

CORPORA = ("timebank", "aquaint")


def predict(documents) -> tuple[pd.DataFrame, float]:
    """Timexes of every document (as one table with a ``doc`` column) and the seconds
    ``timexes()`` took, sentence splitting and tagging included, reading the text not.

    Seconds are CPU time of this process, so the figure is per core even on a busy machine.
    """
    tables, seconds = [], 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", StorylineWarning)
        timexes("Lexicons and the tagger load on first use, on Friday.")
        for document in documents:
            article = article_from_text(document.text, id=document.doc,
                                        published=document.dct)
            began = time.process_time()
            tables.append(timexes(article).assign(doc=document.doc))
            seconds += time.process_time() - began
    return pd.concat(tables, ignore_index=True), seconds


def errors(predicted: pd.DataFrame, gold: pd.DataFrame) -> None:
    """Print missed, spurious, span, type and value errors, most frequent first."""
    pairs = match_timexes(predicted, gold)
    matched_p, matched_g = {i for i, _ in pairs}, {j for _, j in pairs}
    kinds: dict[str, Counter] = {k: Counter() for k in ("missed", "spurious", "span", "value",
                                                          "type")}
    for j in gold.index.difference(list(matched_g)):
        kinds["missed"][(gold.at[j, "text"], gold.at[j, "value"])] += 1
    for i in predicted.index.difference(list(matched_p)):
        kinds["spurious"][(predicted.at[i, "text"], predicted.at[i, "value"])] += 1
    for i, j in pairs:
        p, g = predicted.loc[i], gold.loc[j]
        if (p.start, p.end) != (g.start, g.end):
            kinds["span"][(p.text, g.text)] += 1
        if p.value != g.value:
            kinds["value"][(p.text, p.value, g.value)] += 1
        if p.type != g.type:
            kinds["type"][(p.text, p.type, g.type)] += 1
    for kind, counter in kinds.items():
        print(f"\n{kind}: {sum(counter.values())}")
        for item, count in counter.most_common(40):
            print(f"  {count:3d}  {item}")


def report(corpus: str, show_errors: bool) -> None:
    folder = shared_path("data", "tempeval3-train", corpus)
    documents = [read_timeml(path) for path in sorted(folder.glob("*.tml"))]
    gold = pd.concat([d.timexes for d in documents], ignore_index=True)
    predicted, seconds = predict(documents)
    scores = score_timexes(predicted, gold).set_index("metric")
    print(f"\n{corpus}: {len(documents)} documents, {len(gold)} gold timexes, "
          f"{len(predicted)} predicted; {len(documents) / seconds:.0f} documents/s "
          "(timexes() with sentence splitting and tagging, one core)")
    print(f"  {'':<8}{'P':>7}{'R':>7}{'F1':>7}{'acc':>7}")
    for metric, row in scores.iterrows():
        accuracy = "" if pd.isna(row.accuracy) else f"{row.accuracy * 100:7.1f}"
        print(f"  {metric:<8}{row.precision * 100:7.1f}{row.recall * 100:7.1f}"
              f"{row.f1 * 100:7.1f}{accuracy}")
    if show_errors:
        errors(predicted, gold)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=CORPORA, help="list the errors on one corpus")
    args = parser.parse_args()
    for corpus in CORPORA:
        report(corpus, args.errors == corpus)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
