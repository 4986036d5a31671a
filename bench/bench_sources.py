"""How well storyline.sources covers PolNeAR's gold sources, how it types them, how fast.

For every dev article: the distinct gold source spans (a source is a span PolNeAR marks as
the source of an attribution) and the mentions of our source rows. Prints

* coverage: gold source spans equal to one of our mentions (exact; and again ignoring spaces
  and punctuation at the edges) or sharing a character with one (overlap);
* anonymity: PolNeAR has no anonymity label, so the gold side is a proxy: a gold span is
  "unnamed" when it has no capitalised word after its first and is not a pronoun ("two
  officials", "sources close to the campaign"). Printed beside our share of rows typed
  anonymous, with the agreement on the gold spans we cover;
* speed: articles per second for ``sources`` including parsing, claims and entities, and
  for the sources step alone on articles whose claims are already cached;
* a few errors of each kind: missed gold sources, mentions that are no gold source, and
  disagreements on anonymity.

    python bench/bench_sources.py [--split dev] [--examples 8]
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter

from common import polnear

from storyline.articles import article_from_text
from storyline.claims import claims
from storyline.describe import PRONOUNS
from storyline.sources import sources
from storyline.text import parse

_CAPITALISED_AFTER_FIRST = re.compile(r"\s[A-Z]")


def unnamed(span_text: str) -> bool:
    """Proxy for an anonymous gold source: no proper name, not a pronoun."""
    words = span_text.split()
    if not words or span_text.lower() in PRONOUNS or span_text.lower() in ("i", "we"):
        return False
    first_is_name = words[0][:1].isupper() and words[0].lower() not in (
        "the", "a", "an", "two", "three", "several", "some", "one", "many", "other", "senior",
        "former", "sources", "officials", "people", "aides")
    return not first_is_name and not _CAPITALISED_AFTER_FIRST.search(span_text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev")
    parser.add_argument("--examples", type=int, default=8)
    args = parser.parse_args()
    documents = polnear(args.split)
    sources("Lexicons load on first use, she said.")

    total_seconds = source_seconds = 0.0
    gold_spans = exact = loose = overlap = 0
    rows = anonymous_rows = 0
    missed, spurious, disagree = [], [], []
    agreement: Counter = Counter()
    gold_unnamed = 0
    for document in documents:
        article = article_from_text(document["text"], id=document["doc"])
        text = article.text
        began = time.perf_counter()
        table = sources(article)
        total_seconds += time.perf_counter() - began
        source_seconds += _sources_only(article)
        mentions = {(s, e): row for row in table.itertuples() for s, e in row.mentions}
        rows += len(table)
        anonymous_rows += int(table.anonymous.sum())
        gold = {tuple(a["source"]) for a in document["attributions"] if a["source"]}
        gold_spans += len(gold)
        for start, end in sorted(gold):
            span_text = text[start:end]
            gold_unnamed += unnamed(span_text)
            hit = mentions.get((start, end))
            near = hit or next((row for (s, e), row in mentions.items()
                                if s < end and start < e), None)
            exact += hit is not None
            loose += hit is not None or any(_trimmed(text, s, e) == _trimmed(text, start, end)
                                            for s, e in mentions)
            overlap += near is not None
            if near is None:
                missed.append((document["doc"], span_text, _context(text, start, end)))
                continue
            key = (unnamed(span_text), bool(near.anonymous))
            agreement[key] += 1
            if key[0] != key[1]:
                disagree.append((span_text, near.name, near.source_type))
        for (s, e), row in mentions.items():
            if not any(s < g_end and g_start < e for g_start, g_end in gold):
                spurious.append((document["doc"], text[s:e], row.source_type))

    n = len(documents)
    print(f"PolNeAR {args.split}: {n} articles, {gold_spans} gold source spans, "
          f"{rows} predicted source rows")
    print(f"  coverage of gold sources: exact {exact / gold_spans:.1%}, exact but for "
          f"punctuation at the edges {loose / gold_spans:.1%}, overlap {overlap / gold_spans:.1%}")
    print(f"  mentions that are no gold source: {len(spurious)}")
    print(f"  anonymous: {anonymous_rows / rows:.1%} of predicted rows typed anonymous; "
          f"{gold_unnamed / gold_spans:.1%} of gold spans unnamed (proxy, no gold label)")
    covered = sum(agreement.values())
    agree = agreement[(True, True)] + agreement[(False, False)]
    print(f"  on covered gold spans: anonymity agrees {agree / covered:.1%} "
          f"(unnamed & typed anonymous {agreement[(True, True)]}, unnamed but not "
          f"{agreement[(True, False)]}, named but typed anonymous {agreement[(False, True)]})")
    print(f"  speed: {n / total_seconds:.1f} articles/s for sources() from raw text "
          f"(parsing, claims, entities included); {n / source_seconds:.0f} articles/s for "
          f"the sources step on cached claims")
    sample = random.Random(0)
    for title, items in (("missed gold sources", missed), ("mentions no gold source has", spurious),
                         ("anonymity disagreements (gold span, our row, our type)", disagree)):
        print(f"\n  {title} ({len(items)}), e.g.:")
        for item in sample.sample(items, min(args.examples, len(items))):
            print("   ", " | ".join(str(part) for part in item))
    return 0


def _sources_only(article) -> float:
    """Seconds the sources step (entities included) takes when parsing and claims are cached."""
    from storyline.sources import _analysed

    claims(article)
    parse(article)
    _analysed.cache_clear()
    began = time.perf_counter()
    _analysed(article)
    return time.perf_counter() - began


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without spaces and punctuation at its edges (PolNeAR keeps an appositive's
    closing comma: "Rep. Jim Jordan (R-Ohio), an oversight panel member,")."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ").’'"):
        end -= 1
    return start, end


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - 40):start].replace("\n", " ")
    right = text[end:end + 40].replace("\n", " ")
    return f"...{left}[{text[start:end]}]{right}..."


if __name__ == "__main__":
    raise SystemExit(main())
