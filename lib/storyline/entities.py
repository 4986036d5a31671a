"""Named entities from the part-of-speech tagger, lexicons and gazetteers (no NE chunker).

A run of proper nouns (NNP/NNPS, or capitalised words inside a name such as "Battle of
Guningtou") is a candidate. Known names come first: outlets, organisations and places from
``data/lexicons/`` and NLTK's gazetteers. The rest is typed by evidence a student can check:
a title before the name ("President Lai Ching-te"), a first name from NLTK's names corpus,
a word such as "Committee", an all-capitals acronym, or an earlier full name whose surname
this is ("Musk" after "Elon Musk"). The ``evidence`` column says which rule decided.

Example:
    >>> entities("Russian President Vladimir Putin met Elon Musk in Moscow.")[["text", "type"]]
                 text    type
    0  Vladimir Putin  PERSON
    1       Elon Musk  PERSON
    2          Moscow     GPE
"""

from __future__ import annotations

import calendar
import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from itertools import compress, count
from operator import itemgetter

import pandas as pd

from storyline.articles import Article
from storyline.describe import _common_words
from storyline.lexicons import name_index, read_lexicon
from storyline.resources import first_names, word_list
from storyline.tables import make_table
from storyline.text import as_article, parse

ENTITY_COLUMNS = {
    "entity_id": "int64",
    "sentence_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "type": "string",
    "canonical": "string",
    "evidence": "string",
}
"""Columns of :func:`entities`: ``type`` is PERSON, ORGANIZATION, GPE, OUTLET or OTHER;
``canonical`` is the lexicon name or the fullest form seen in the article ("Elon Musk" for
"Musk"); ``evidence`` names the rule that typed it."""

ENTITY_TYPES = ("PERSON", "ORGANIZATION", "GPE", "OUTLET", "OTHER")
_CONNECTORS = {"of", "for", "de", "al", "bin", "von", "van", "&"}


@functools.cache
def _known_names() -> tuple[re.Pattern, dict[str, tuple[str, str, str]]]:
    """One pattern matching every lexicon name (:func:`_lexicon_matches` checks what comes
    before it), and name -> (type, canonical, evidence)."""
    table: dict[str, tuple[str, str, str]] = {}
    sources = [("gpe_aliases", "GPE"), ("organisations", "ORGANIZATION"), ("outlets", "OUTLET")]
    for lexicon, kind in sources:
        written = _written_forms(lexicon)
        for alias, canonical in name_index(lexicon).items():
            for row_alias in written.get(alias, ()):
                table[row_alias] = (kind, canonical, f"{lexicon} lexicon")
    for place in read_lexicon("places")["name"]:
        table.setdefault(place, ("GPE", place, "places lexicon"))
    # longest names first; grouped by first letter, so that the regex engine only stops at
    # letters that begin a name and then tries only the names beginning with it
    by_first: dict[str, list[str]] = {}
    for name in sorted(table, key=len, reverse=True):
        by_first.setdefault(name[0], []).append(re.escape(name[1:]))
    pattern = re.compile("(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})"
                                          for first, rests in by_first.items()) + r")(?!\w)")
    return pattern, table


_NAME_BEFORE = re.compile(r"[\w.]")
#: A capitalised word right after an organisation's name: "House Oversight Committee".
_NAME_GOES_ON = re.compile(r" [A-Z]\w")


def _lexicon_matches(text: str, start: int, end: int) -> list[re.Match]:
    """Matches of the lexicon names in ``text[start:end]`` that do not continue a word or an
    abbreviation ("Russia" but not the end of "WhiteRussia" or "U.S.Russia")."""
    pattern = _known_names()[0]
    found = []
    while match := pattern.search(text, start, end):
        at = match.start()
        if at and _NAME_BEFORE.match(text, at - 1):
            start = at + 1  # another name may still begin at a later letter
        else:
            found.append(match)
            start = match.end()
    return found


def _written_forms(lexicon: str) -> dict[str, list[str]]:
    """Each name and alias of a lexicon, lower-cased, with its forms as written in the rows
    (in row order, without a leading "the"): ``{"the post": ["Post"], ...}``."""
    forms: dict[str, list[str]] = {}
    table = read_lexicon(lexicon)
    for name, aliases in zip(table["name"], table["aliases"]):
        for alias in [name, *aliases.split("|")]:
            alias = alias.strip()
            forms.setdefault(alias.lower(), []).append(re.sub(r"^(?i:the) ", "", alias))
    return forms


@functools.cache
def gazetteer_places() -> frozenset[str]:
    """Countries, US states and cities and Canadian provinces from NLTK's gazetteers: words
    that name a place, not a person ("Salem", "Cleveland")."""
    words = set()
    for fileid in ("countries.txt", "usstates.txt", "uscities.txt", "caprovinces.txt"):
        words |= word_list("gazetteers", fileid)
    return frozenset(words)


@functools.cache
def _nationalities() -> frozenset[str]:
    return word_list("gazetteers", "nationalities.txt")


@functools.cache
def _titles() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Titles (lower-cased, multiword allowed), the words they are made of, and affiliations
    ("Republican Donald Trump") that precede a name without being a role."""
    table = read_lexicon("titles")
    affiliations = frozenset(table.loc[table.kind == "affiliation", "title"].str.lower())
    titles = frozenset(table.loc[table.kind != "affiliation", "title"].str.lower())
    words = frozenset(w for t in titles for w in t.split())
    return titles, words, affiliations


@functools.cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names and abbreviations: dates, not names (see timexes)."""
    names = [*calendar.month_name[1:], *calendar.day_name]
    short = [*calendar.month_abbr[1:], *calendar.day_abbr, "Sept", "Tues", "Thurs"]
    return frozenset(names + short + [f"{word}." for word in short])


def is_common_word(word: str) -> bool:
    """True for an English common word, also inflected ("Slams", "Headed", "Voting")."""
    lower = word.lower()
    stems = [lower]
    for suffix, replacements in (("s", ("",)), ("es", ("",)), ("ed", ("", "e")),
                                 ("ing", ("", "e"))):
        if lower.endswith(suffix):
            stems += [lower[: -len(suffix)] + ending for ending in replacements]
    return any(stem in _common_words() for stem in stems if len(stem) > 2)


@functools.cache
def _org_words() -> frozenset[str]:
    return frozenset(read_lexicon("organisation_words")["word"])


@functools.cache
def _lexicon_organisations() -> frozenset[str]:
    """The names that the lexicons type as organisations ("Kremlin")."""
    return frozenset(name for name, (kind, _, _) in _known_names()[1].items()
                     if kind == "ORGANIZATION")


#: Tags of capitalised words that are not names ("The", "In", "He", "But").
_NOT_NAME_TAGS = frozenset(("DT", "IN", "CC", "PRP", "PRP$", "WDT", "WP", "WRB", "MD", "EX",
                            "TO", "``", "''"))


def _ordinary_word(word: str, tag: str) -> bool:
    """True for a sentence-initial word that is a common English word, not a name."""
    if tag not in ("NNP", "NNPS"):
        return word not in gazetteer_places()
    lower = word.lower()
    return lower in word_list("words", "en") and word not in first_names() and \
        word not in gazetteer_places()


def is_title_case(words: Sequence[str], capitalised: Sequence[int]) -> bool:
    """True for headline-style sentences in which most words are capitalised
    (``capitalised`` holds the positions of the words that begin with a capital)."""
    alphabetic = sum(map(str.isalpha, words))
    # only capitalised words count towards the 85%: most sentences stop at this test
    if alphabetic < 5 or len(capitalised) < 0.85 * alphabetic:
        return False
    return sum(words[i].isalpha() for i in capitalised) >= 0.85 * alphabetic


def _runs(words: Sequence[str], tags: Sequence[str], taken: set[int]) -> list[tuple[int, int]]:
    """Token ranges of proper-name runs, leaving out the tokens in ``taken`` (covered by a
    lexicon match), dates and, in headlines, capitalised common words."""
    # the first letter of each word, tested in one pass of C calls (most words are not names)
    capitalised = list(compress(count(), map(str.isupper, map(itemgetter(0), words))))
    # a headline needs five capitalised words, so most sentences are spared the count
    headline = len(capitalised) >= 5 and is_title_case(words, capitalised)
    calendar = calendar_words()
    given = first_names()

    def blocked(k: int) -> bool:
        word = words[k]
        return k in taken or word in calendar or (
            headline and is_common_word(word) and word not in given)

    # capitalised words that may begin or go on with a name (each tested once)
    names = {i for i in capitalised if tags[i] not in _NOT_NAME_TAGS and not blocked(i)}
    runs: list[tuple[int, int]] = []
    end = 0
    for i in capitalised:
        if i < end or i not in names:
            continue
        if i == 0 and _ordinary_word(words[i], tags[i]):
            continue  # a capitalised first word is a name only if nothing says it is a plain word
        end = i + 1
        while True:
            if end in names:
                end += 1
            elif end + 1 < len(words) and (words[end] in _CONNECTORS or words[end] == "-") and \
                    words[end + 1][0].isupper() and not blocked(end) and not blocked(end + 1):
                end += 2  # "Battle of Guningtou": a connector, then any capitalised word
            else:
                break
        runs.append((i, end))
    return runs


def _split_titles(words: Sequence[str], start: int, end: int) -> tuple[int, str | None]:
    """Skip leading titles ("Russian President", "Sen.") in a run; return new start, title."""
    titles, title_words, affiliations = _titles()
    title = None
    i = start
    while i < end - 1:
        two = f"{words[i]} {words[i + 1]}".lower()
        if i + 2 < end and two in titles:
            title, i = two, i + 2
        elif words[i].lower() in titles:
            title, i = words[i].lower(), i + 1
        elif words[i].lower() in affiliations or (
            words[i] in _nationalities() and words[i + 1].lower() in title_words
        ):
            i += 1
        else:
            break
    if i == end - 1 and words[i].lower() in titles:
        return end, title  # a title on its own ("Mr.") names nobody
    return i, title


def _type_span(words: Sequence[str], title: str | None, people: dict[str, str]) -> tuple[str, str]:
    """Type and evidence for a candidate name that no lexicon knows."""
    name = " ".join(words)
    if name in gazetteer_places():
        return "GPE", "NLTK gazetteers"
    if name in _nationalities():
        return "OTHER", "nationality (NLTK gazetteers)"
    if title:
        return "PERSON", f"title '{title}'"
    if not _org_words().isdisjoint(words[1:]) or not _lexicon_organisations().isdisjoint(words):
        return "ORGANIZATION", "organisation word"
    if len(words) == 1 and words[0].isupper() and len(words[0]) > 1:
        return "ORGANIZATION", "acronym"
    if len(words) == 1 and words[0] in people:
        return "PERSON", f"surname of {people[words[0]]}"
    if words[0] in first_names():
        return "PERSON", "first name (NLTK names)"
    if len(words) in (2, 3) and all(w[:1].isupper() and w.replace("-", "").isalpha()
                                    for w in words) and not (
        is_common_word(words[0]) and is_common_word(words[-1])
    ):
        return "PERSON", "two or three capitalised words, not common nouns"
    return "OTHER", "proper noun"


def entities(article: Article | str) -> pd.DataFrame:
    """One row per named-entity mention: ``entity_id, sentence_id, start, end, text, type,
    canonical, evidence``.

    Example:
        >>> entities("Dmitry Peskov, spokesperson for the Kremlin, told the WSJ.").type.tolist()
        ['PERSON', 'ORGANIZATION', 'OUTLET']
    """
    return make_table(entity_rows(as_article(article)), ENTITY_COLUMNS)


@functools.lru_cache(maxsize=64)
def entity_rows(article: Article) -> tuple[dict, ...]:
    """The rows of :func:`entities` as plain dicts, cached for the sources table (which
    needs the entities of every article it describes); never change them."""
    text = article.text
    parsed = parse(article)
    known = _known_names()[1]
    # the other word lists load with the first article, not at the first sentence needing them
    _common_words(), gazetteer_places(), _org_words(), _lexicon_organisations(), _titles()
    given = first_names()
    found: list[dict] = []
    people: dict[str, str] = {}
    # sentence_id, start, end, text, words and title of each name that no lexicon knows
    pending: list[tuple[int, int, int, str, Sequence[str], str | None]] = []
    for sentence_id, (spans, words) in enumerate(zip(parsed.tokens, parsed.words)):
        if not spans:
            continue
        tags = parsed.tags(sentence_id)
        taken: set[int] = set()
        s_start, s_end = spans[0][0], spans[-1][1]
        for match in _lexicon_matches(text, s_start, s_end):
            kind, canonical, evidence = known[match.group()]
            if kind == "ORGANIZATION" and _NAME_GOES_ON.match(text, match.end()):
                continue  # part of a longer name: "House Oversight Committee"
            found.append({"sentence_id": sentence_id, "start": match.start(), "end": match.end(),
                          "text": match.group(), "type": kind, "canonical": canonical,
                          "evidence": evidence})
            # the tokens overlapping the match: spans are in order, by start and by end
            taken.update(range(bisect_right(spans, match.start(), key=itemgetter(1)),
                               bisect_left(spans, match.end(), key=itemgetter(0))))
        for i, j in _runs(words, tags, taken):
            i, title = _split_titles(words, i, j)
            while j > i and not words[j - 1][:1].isalnum():
                j -= 1
            if i >= j:
                continue
            start, end = spans[i][0], spans[j - 1][1]
            name = text[start:end]
            pending.append((sentence_id, start, end, name, words[i:j], title))
            if title or (j - i >= 2 and words[i] in given):
                for word in words[i:j]:
                    people.setdefault(word, name)
    for sentence_id, start, end, name, words, title in pending:
        kind, evidence = _type_span(words, title, people)
        if kind == "PERSON" and len(words) >= 2:
            for word in words:
                people.setdefault(word, name)
        canonical = people.get(" ".join(words), name) if kind == "PERSON" else name
        found.append({"sentence_id": sentence_id, "start": start, "end": end, "text": name,
                      "type": kind, "canonical": canonical, "evidence": evidence})
    found.sort(key=itemgetter("start"))
    for number, row in enumerate(found):
        row["entity_id"] = number
    return tuple(found)
