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

from storyline.lexicons import read_lexicon
from storyline.resources import word_list

PERSONAL = {"he", "she", "his", "her", "him", "i", "we"}
IMPERSONAL = {"it", "its"}
PLURAL = {"they", "their", "them"}
RELATIVE = {"who", "which", "that"}
# Mr., U.S., Putin, Ching-te; any other final dot ends a sentence, not a name
_WORD = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|St|Jr)\.|[A-Z](?:(?:\.\w)+\.|[\w’'-]*))"
_NAME = re.compile(rf"(?:(?<=\s)|^){_WORD}(?:[ \u00a0](?:of |for |the )?{_WORD})*")
_LEADING = re.compile(r"^(?:The|A|An|But|And|While|When|As|In|On|At|If|After|Still|So|"
                      r"Without|However|This|That)\s+")


@functools.cache
def _first_names() -> frozenset[str]:
    return word_list("names", "male.txt") | word_list("names", "female.txt")


@functools.cache
def _titles() -> frozenset[str]:
    return frozenset(t.lower() for t in read_lexicon("titles")["title"])


@functools.lru_cache(maxsize=4096)
def _gender(name: str) -> str:
    """"male", "female" or "" (unknown or both) from the first name in NLTK's names lists."""
    for word in name.split():
        if word in _first_names():
            male, female = word in word_list("names", "male.txt"), \
                word in word_list("names", "female.txt")
            return "" if male == female else ("male" if male else "female")
    return ""


@functools.lru_cache(maxsize=4096)
def _is_person(name: str) -> bool:
    words = name.split()
    if not words:
        return False
    return words[0] in _first_names() or words[0].lower().rstrip(".") in _titles() or (
        len(words) > 1 and words[-2] in _first_names())


def _mentions(text: str) -> list[tuple[int, str]]:
    """(start, name) of capitalised runs, without a leading function word."""
    found = []
    for match in _NAME.finditer(text):
        name = match.group().rstrip(".’'")
        stripped = _LEADING.sub("", name + " ").strip()
        if stripped and stripped[0].isupper():
            found.append((match.start() + len(name) - len(stripped), stripped))
    return found


def resolve_sources(rows: list[dict], text: str) -> None:
    """Fill ``source_resolved`` in ``rows`` (claim rows with source_text, source_start)."""
    mentions = _mentions(text)
    for row in rows:
        source, start = row["source_text"], row["source_start"]
        row["source_resolved"] = _resolve(source, start, text, mentions, rows) if source else ""


def _resolve(source: str, start: int, text: str, mentions: list[tuple[int, str]],
             rows: list[dict]) -> str:
    low = source.lower()
    prior = mentions[:_count_before(mentions, start)]
    before = [name for _, name in prior]
    if low in RELATIVE:
        head = re.search(r"([\w’'.-]+(?:[ \u00a0][\w’'.-]+){0,5})\s*,\s*$",
                         text[max(0, start - 300):start])
        if head is None:
            return source
        phrase = re.split(r"\b(?:from|by|of|among|with|including)\s+", head.group(1))[-1]
        return _LEADING.sub("", phrase)
    earlier = [r["source_resolved"] or r["source_text"] for r in rows
               if 0 <= r["source_start"] < start and r["source_text"] and
               r["source_text"].lower() not in PERSONAL | IMPERSONAL | PLURAL | RELATIVE]
    if low in PERSONAL:
        people = [n for n in before if _is_person(n)] + [n for n in earlier if _is_person(n)]
        gendered = [n for n in people if _gender(n) in ("", "female" if low in ("she", "her")
                                                         else "male")]
        people = gendered if low in ("he", "his", "she", "her") else people
        return _nearest(people, text, start) or source
    if low in IMPERSONAL:
        things = [(position, n) for position, n in prior if not _is_person(n) and len(n) > 1]
        subjects = [n for position, n in things if not _after_preposition(text, position)]
        return (subjects or [n for _, n in things] or [source])[-1]
    if low in PLURAL:
        plural = [n for n in earlier if n.rstrip().endswith("s")]
        return plural[-1] if plural else source
    if len(source.split()) == 1 and source[:1].isupper():
        fuller = [n for n in before + earlier
                  if source in n.split() and len(n) > len(source) and len(n.split()) <= 5]
        if fuller:
            return max(fuller, key=len)
    return source


_PREPOSITION_BEFORE = re.compile(
    r"\b(?:of|in|on|at|to|from|for|with|by|between|against|into|about|over|and|or)\s+(?:the\s+)?$",
    re.IGNORECASE)


def _after_preposition(text: str, position: int) -> bool:
    """The mention at ``position`` follows a preposition or "and" ("the war between Russia
    and Ukraine"): an object, seldom what a later "it" stands for."""
    return bool(_PREPOSITION_BEFORE.search(text[max(0, position - 20):position]))


def _count_before(mentions: list[tuple[int, str]], start: int) -> int:
    """How many mentions (in text order) start before ``start``."""
    return bisect.bisect_left(mentions, start, key=lambda mention: mention[0])


def _nearest(names: list[str], text: str, start: int) -> str:
    best, best_position = "", -1
    for name in names:
        position = text.rfind(name, 0, start)
        if position > best_position:
            best, best_position = name, position
    if best:
        fuller = [n for n in names if n.endswith(best.split()[-1]) and len(n) > len(best)]
        return max(fuller, key=len) if fuller else best
    return best
