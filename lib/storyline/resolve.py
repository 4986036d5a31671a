"""Who a claim's source stands for: pronouns and short names resolved to a fuller mention.

"he said" takes the nearest earlier source or name that fits (a person for he/she, a
non-person for it/its, a plural for they), "who"/"which" the noun phrase just before the
comma, and a surname ("Lai") the longest earlier name that ends with it ("President Lai
Ching-te"). Names are runs of capitalised words found by one regular expression, so no
tagging is needed; the guess is a guess, which the ``source_resolved`` column makes visible.

Example:
    >>> rows = [{"source_text": "Jane Doe", "source_start": 0},
    ...         {"source_text": "she", "source_start": 30}]
    >>> resolve_sources(rows, "Jane Doe said so. Later on, she said it again.")
    >>> [row["source_resolved"] for row in rows]
    ['Jane Doe', 'Jane Doe']
"""

from __future__ import annotations

import bisect
import functools
import re

from storyline.describe import gender
from storyline.lexicons import read_lexicon
from storyline.resources import first_names

PERSONAL = {"he", "she", "his", "her", "him", "i", "we"}
IMPERSONAL = {"it", "its"}
PLURAL = {"they", "their", "them"}
RELATIVE = {"who", "which", "that"}
_ABBREVIATED = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "St",
                "Jr")
# Mr., U.S., Putin, Ching-te; any other final dot ends a sentence, not a name
_WORD = rf"(?:(?:{'|'.join(_ABBREVIATED)})\.|[A-Z](?:(?:\.\w)+\.|[\w’'-]*))"
# The first word, after a space: the same words, but its capital is matched first so that the
# regex engine jumps from capital to capital instead of trying every character (a third of
# the time on news text); the space is checked behind the capital, and the rest of a title
# looks back at its capital ("(?<=M)rs" is "Mrs").
_FIRST_WORD = (r"[A-Z](?<!\S.)(?:(?:" + "|".join(f"(?<={title[0]}){title[1:]}"
                                                for title in _ABBREVIATED) +
               r")\.|(?:\.\w)+\.|[\w’'-]*)")
_NAME = re.compile(rf"{_FIRST_WORD}(?:[ \u00a0](?:of |for |the )?{_WORD})*")
_LEADING_WORDS = frozenset({"The", "A", "An", "But", "And", "While", "When", "As", "In", "On",
                            "At", "If", "After", "Still", "So", "Without", "However", "This",
                            "That"})
_LEADING = re.compile(rf"^(?:{'|'.join(sorted(_LEADING_WORDS))})\s+")
_PRONOUNS = PERSONAL | IMPERSONAL | PLURAL | RELATIVE
_NAMED_BY_MENTIONS = PERSONAL | IMPERSONAL | PLURAL
# "officials, who": the words before the comma (starting a word, so a long text is not tried
# from every letter), and the head after "from", "of" ...
_HEAD_BEFORE_COMMA = re.compile(r"(?<![\w’'.-])([\w’'.-]+(?:[ \u00a0][\w’'.-]+){0,5})\s*,\s*$")
_OF_WORDS = re.compile(r"\b(?:from|by|of|among|with|including)\s+")


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(t.lower() for t in read_lexicon("titles")["title"])


@functools.lru_cache(maxsize=4096)
def _is_person(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    return words[0] in first_names() or words[0].lower().rstrip(".") in _titles() or (
        len(words) > 1 and words[-2] in first_names())


def _mentions(text: str) -> list[tuple[int, str]]:
    """(start, name) of capitalised runs, without a leading function word."""
    found = []
    for match in _NAME.finditer(text):
        name = match.group().rstrip(".’'")
        leading = _LEADING.match(name)
        if leading is None:
            if name not in _LEADING_WORDS:  # "The" alone is no name
                found.append((match.start(), name))
        elif name[leading.end()].isupper():  # not "The of ..."
            found.append((match.start() + leading.end(), name[leading.end():]))
    return found


def resolve_sources(rows: list[dict], text: str) -> None:
    """Fill ``source_resolved`` in ``rows`` (claim rows with source_text, source_start)."""
    mentions: list[tuple[int, str]] | None = None  # found once, on first need
    named = [row for row in rows if row["source_text"] and
             row["source_text"].lower() not in _PRONOUNS]  # what pronouns may stand for
    for row in rows:
        source, start = row["source_text"], row["source_start"]
        if mentions is None and source and _needs_mentions(source):
            mentions = _mentions(text)
        row["source_resolved"] = _resolve(source, start, text, mentions, named) if source \
            else ""


def _needs_mentions(source: str) -> bool:
    """Only pronouns (but relative ones) and one-word names are resolved from the names."""
    low = source.lower()
    return low in _NAMED_BY_MENTIONS or _one_name(source)


def _one_name(source: str) -> bool:
    return len(source.split()) == 1 and source[:1].isupper()


def _resolve(source: str, start: int, text: str, mentions: list[tuple[int, str]] | None,
             named: list[dict]) -> str:
    """What ``source`` at ``start`` stands for, from the names in the text (``mentions``)
    and the claim rows with a source that is not a pronoun (``named``)."""
    low = source.lower()
    if low in RELATIVE:
        head = _HEAD_BEFORE_COMMA.search(text[max(0, start - 300):start])
        if head is None:
            return source
        return _LEADING.sub("", _OF_WORDS.split(head.group(1))[-1])
    if mentions is None or not _needs_mentions(source):  # a fuller phrase stands for itself
        return source
    prior = mentions[:_count_before(mentions, start)]
    if low in IMPERSONAL:
        return _last_thing(prior, text) or source
    earlier = [r["source_resolved"] or r["source_text"] for r in named
               if 0 <= r["source_start"] < start]
    if low in PERSONAL:
        people = [n for _, n in prior if _is_person(n)] + [n for n in earlier if _is_person(n)]
        gendered = [n for n in people if gender(n) in ("", "female" if low in ("she", "her")
                                                         else "male")]
        people = gendered if low in ("he", "his", "she", "her") else people
        return _nearest(people, text, start) or source
    if low in PLURAL:
        plural = [n for n in earlier if n.rstrip().endswith("s")]
        return plural[-1] if plural else source
    if _one_name(source):
        fuller = [n for n in [name for _, name in prior] + earlier  # "in n" first: fast
                  if source in n and source in n.split() and len(n) > len(source) and
                  len(n.split()) <= 5]
        if fuller:
            return max(fuller, key=len)
    return source


def _last_thing(prior: list[tuple[int, str]], text: str) -> str:
    """What "it" stands for: the last non-person name before it that is not the object of a
    preposition, else the last non-person name ("" when there is none)."""
    last = ""
    for position, name in reversed(prior):
        if _is_person(name) or len(name) <= 1:
            continue
        if not _after_preposition(text, position):
            return name
        last = last or name
    return last


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|in|on|at|to|from|for|with|by|between|against|into|about|over|and|or)\s+(?:the\s+)?$",
    re.IGNORECASE)


def _after_preposition(text: str, position: int) -> bool:
    """The mention at ``position`` follows a preposition or "and" ("the war between Russia
    and Ukraine"): an object, seldom what a later "it" stands for."""
    return bool(_PREPOSITION_BEFORE.search(text[max(0, position - 20):position]))


def _count_before(mentions: list[tuple[int, str]], start: int) -> int:
    """How many mentions (in text order) start before ``start``: ``(start,)`` sorts before
    every mention at ``start`` and after every earlier one (no key function to call)."""
    return bisect.bisect_left(mentions, (start,))


def _nearest(names: list[str], text: str, start: int) -> str:
    names = list(dict.fromkeys(names))  # the first of equals wins, so order is kept
    best, best_position = "", -1
    for name in names:
        position = text.rfind(name, 0, start)
        if position > best_position:
            best, best_position = name, position
    if best:
        fuller = [n for n in names if n.endswith(best.split()[-1]) and len(n) > len(best)]
        return max(fuller, key=len) if fuller else best
    return best
