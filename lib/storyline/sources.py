"""Sources: who is cited, named or anonymous. One row per distinct source of an article.

Every claim's source phrase, and every outlet a source spoke to ("told the Wall Street
Journal"), is a mention. :func:`storyline.describe.describe_source` says what each mention
is; mentions of the same source then become one row:

* outlets, organisations and places by their lexicon name ("the WSJ" and "the Wall Street
  Journal" are ``The Wall Street Journal``);
* people by name: a surname alone ("Lai") joins the full name it belongs to ("President Lai
  Ching-te"), found among the claims' sources and the article's entities; when two people
  share the surname it joins the nearest one before it and the row is flagged ``ambiguous``;
  full names join only when first and last names agree, so "Bill Clinton" and "Hillary
  Clinton" stay apart;
* pronouns ("he", "who") by what the claims table resolved them to (``source_resolved``);
* unnamed groups and documents by their words ("two officials", "the letter").

Example:
    >>> text = ("The talks never happened, said Dmitry Peskov, spokesperson for the Kremlin. "
    ...         "Peskov told the WSJ the report was false.")
    >>> table = sources(text)
    >>> table[["name", "source_type", "role", "affiliation", "n_denials"]]
                          name source_type          role  affiliation  n_denials
    0            Dmitry Peskov      person  spokesperson  the Kremlin          2
    1  The Wall Street Journal      outlet                                     0
"""

from __future__ import annotations

import bisect
import functools
from dataclasses import dataclass, replace

import pandas as pd

from storyline.articles import Article
from storyline.claims import _claim_rows
from storyline.describe import (
    PERSONAL_PRONOUNS,
    PRONOUNS,
    Description,
    describe_source,
    gender,
)
from storyline.entities import entity_rows as _entity_rows
from storyline.tables import make_table
from storyline.text import as_article

SOURCE_COLUMNS = {
    "source_id": "int64",
    "name": "string",
    "source_type": "string",
    "named": "bool",
    "anonymous": "bool",
    "role": "string",
    "affiliation": "string",
    "aliases": "object",
    "mentions": "object",
    "n_claims": "int64",
    "n_denials": "int64",
    "n_hedged": "int64",
    "first_start": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "entity_ids": "object",
    "ambiguous": "bool",
}
"""Columns of :func:`sources`. ``source_type`` is person, anonymous, outlet, organisation,
government, document or other; ``named`` is true when a proper name is given (false for
anonymous and vague groups, "the letter", an unresolved "he"); ``anonymous`` is true for
unnamed people and groups ("two officials", "sources familiar with the talks").
``aliases`` lists the other ways the article writes the source; ``mentions`` the
``[start, end]`` of every mention as a claim's source or an outlet told something.
``n_claims``, ``n_denials`` and ``n_hedged`` count the claims made by the source.
``first_start`` is its first mention; ``start``, ``end`` and ``text`` its fullest mention
(``article.text[start:end] == text``). ``entity_ids`` lists the rows of
:func:`storyline.entities` that overlap a mention. ``ambiguous`` flags a short name that
could be more than one person."""


_LONGEST_ENTITY = 200  # characters: an entity starting further left cannot reach a mention


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    claim_id: int | None  # None when the mention is an outlet told something
    description: Description
    key: tuple = ()
    ambiguous: bool = False


def sources(article: Article | str) -> pd.DataFrame:
    """One row per distinct source in ``article``; see :data:`SOURCE_COLUMNS`.

    Example:
        >>> table = sources("Two officials told the Journal that talks stalled. "
        ...                 "The Wall Street Journal said the deal was off.")
        >>> table[["name", "source_type", "anonymous", "aliases"]]
                              name source_type  anonymous        aliases
        0            Two officials   anonymous       True             []
        1  The Wall Street Journal      outlet      False  [the Journal]
    """
    return make_table(_analysed(as_article(article))[0], SOURCE_COLUMNS)


def claim_source_ids(article: Article | str) -> list[int | None]:
    """The ``source_id`` of each claim of ``article``, in claim order (``None`` when the
    claim names no source). :func:`storyline.claims` adds it as its ``source_id`` column.

    Example:
        >>> claim_source_ids("Ann Lee said it rained. Lee said it was cold. It is, reportedly.")
        [0, 0, None]
    """
    return list(_analysed(as_article(article))[1])


@functools.lru_cache(maxsize=64)
def _analysed(article: Article) -> tuple[tuple[dict, ...], tuple[int | None, ...]]:
    """The rows of :func:`sources` and the source id of each claim, from plain rows (per-row
    pandas access would cost more than the rules themselves)."""
    claim_rows = _claim_rows(article)
    entity_rows = [(row["entity_id"], row["start"], row["end"], row["type"], row["text"])
                   for row in _entity_rows(article)]
    kinds = {text: kind for _, _, _, kind, text in entity_rows}
    people = [(start, text) for _, start, _, kind, text in entity_rows if kind == "PERSON"]
    mentions = _mentions(claim_rows, kinds, people)
    _key_people(mentions, people)
    for mention in mentions:
        if not mention.key:
            mention.key = _key(mention.description, mention.start)
    keys = {m.key for m in mentions if m.claim_id is not None}
    mentions = [m for m in mentions if m.claim_id is not None or
                m.description.source_type == "outlet" or m.key in keys]
    groups: dict[tuple, list[_Mention]] = {}
    for mention in sorted(mentions, key=lambda m: m.start):
        groups.setdefault(mention.key, []).append(mention)
    by_id = {row["claim_id"]: row for row in claim_rows}
    starts = [row[1] for row in entity_rows]  # entities come sorted by start
    rows = tuple(_row(number, group, by_id, article.text, entity_rows, starts)
                 for number, group in enumerate(groups.values()))
    by_claim = {m.claim_id: number for number, group in enumerate(groups.values())
                for m in group if m.claim_id is not None}
    ids = tuple(by_claim.get(row["claim_id"]) for row in claim_rows)
    return rows, ids


def _mentions(claim_rows: tuple[dict, ...], kinds: dict[str, str],
              people: list[tuple[int, str]]) -> list[_Mention]:
    found = []
    for row in claim_rows:
        if row["source_start"] >= 0:
            phrase = row["source_text"]
            if phrase.lower() in PRONOUNS:
                description = _pronoun(phrase, row["source_start"], row["source_resolved"],
                                       kinds, people)
            else:
                description = describe_source(phrase, kinds)
            found.append(_Mention(row["source_start"], row["source_end"], phrase,
                                  row["claim_id"], description))
        if row["recipient_start"] >= 0:
            found.append(_Mention(row["recipient_start"], row["recipient_end"],
                                  row["recipient"], None,
                                  describe_source(row["recipient"], kinds)))
    return found


def _pronoun(phrase: str, start: int, resolved: str, kinds: dict[str, str],
             people: list[tuple[int, str]]) -> Description:
    """What a pronoun source stands for: the claims table's ``source_resolved`` when it is a
    fitting source, else for "he"/"she" the nearest person named before it whose first name
    does not say otherwise, else an unnamed source of its own."""
    low = phrase.lower()
    personal = low in PERSONAL_PRONOUNS
    if resolved and resolved.lower() != low:
        described = describe_source(resolved, kinds)
        if (described.source_type == "person" and described.named) if personal else (
                described.source_type != "other" or described.named):
            return described
    if personal:
        wanted = "female" if low in ("she", "her") else "male" if low in ("he", "his", "him") \
            else ""
        before = [name for position, name in people if position < start and
                  gender(name) in ("", wanted or gender(name))]
        if before:
            return describe_source(before[-1], kinds)
    return Description("person" if personal else "other", phrase, head=low)


def _key(described: Description, start: int) -> tuple:
    kind, name = described.source_type, described.name
    if not described.named and described.head in PRONOUNS:
        return ("pronoun", start)  # an unresolved "he" is nobody we can join
    if kind == "document" and not described.named:
        return (kind, described.head, described.affiliation.lower())
    return (kind, " ".join(name.lower().split()).removeprefix("the ").removeprefix("a "))


def _key_people(mentions: list[_Mention], people: list[tuple[int, str]]) -> None:
    """Give every named person mention the key of the full name it belongs to, among the
    mentions' names and the article's ``people`` (start, name of its PERSON entities)."""
    full: list[tuple[int, list[str]]] = []  # (position, name words) of full names
    for mention in mentions:
        d = mention.description
        if d.source_type == "person" and d.named and len(d.name.split()) > 1:
            full.append((mention.start, d.name.split()))
    for start, name in people:
        if len(name.split()) > 1:
            full.append((start, name.split()))
    canonical = _full_names([words for _, words in full])
    holders: dict[str, list[tuple[str, int]]] = {}  # word -> (full name, position) holding it
    for position, words in full:
        name = canonical[" ".join(words)]
        for word in dict.fromkeys(words):
            holders.setdefault(word, []).append((name, position))
    for mention in mentions:
        d = mention.description
        if d.source_type != "person" or not d.named:
            continue
        words = d.name.split()
        if len(words) > 1:
            mention.key = ("person", canonical[" ".join(words)])
            continue
        owners: dict[str, list[int]] = {}
        for owner, position in holders.get(words[0], ()):
            owners.setdefault(owner, []).append(position)
        if not owners:
            continue
        name = max(owners, key=lambda owner, found=owners, start=mention.start:
                   _nearness(found[owner], start))
        mention.key = ("person", name)
        mention.ambiguous = len(owners) > 1
        mention.description = replace(d, name=name)


def _nearness(positions: list[int], start: int) -> tuple[bool, int]:
    """Sort key: a name seen before ``start`` (the nearest first), else the first after it."""
    before = [p for p in positions if p < start]
    return (True, max(before)) if before else (False, -min(positions))


def _full_names(names: list[list[str]]) -> dict[str, str]:
    """Each full name -> the longest name with the same first and last word ("Donald J.
    Trump" and "Donald Trump" are one person; "Bill Clinton" and "Hillary Clinton" two)."""
    first_seen: dict[str, int] = {}
    for position, words in enumerate(names):
        first_seen.setdefault(" ".join(words), position)
    # (first, last word) -> (position, name) of the earliest listed name given a canonical one
    earliest: dict[tuple[str, str], tuple[int, str]] = {}
    canonical: dict[str, str] = {}
    for words in sorted(names, key=len, reverse=True):
        name, ends = " ".join(words), (words[0], words[-1])
        found = earliest.get(ends)
        canonical[name] = canonical[found[1]] if found else name
        if found is None or first_seen[name] < found[0]:
            earliest[ends] = (first_seen[name], name)
    return canonical


def _row(number: int, group: list[_Mention], by_id: dict[int, dict], text: str,
         entity_rows: list[tuple], starts: list[int]) -> dict:
    """One row of :func:`sources` from a group of mentions (``starts``: the entities' start
    offsets, in order)."""
    own = [by_id[m.claim_id] for m in group if m.claim_id is not None]
    fullest = max(group, key=lambda m: (m.description.head not in PRONOUNS, len(m.text),
                                         -m.start))
    described = [m.description for m in group]
    name = max((d.name for d in described if d.head not in PRONOUNS or d.named),
               key=len, default=fullest.description.name)
    kind = fullest.description.source_type
    spans = sorted({(m.start, m.end) for m in group})
    overlapping = sorted({entity_rows[i][0] for s, e in spans
                          for i in range(bisect.bisect_left(starts, s - _LONGEST_ENTITY),
                                         bisect.bisect_left(starts, e))
                          if entity_rows[i][2] > s})
    return {
        "source_id": number, "name": name, "source_type": kind,
        "named": any(d.named for d in described), "anonymous": kind == "anonymous",
        "role": next((d.role for d in described if d.role), ""),
        "affiliation": next((d.affiliation for d in described if d.affiliation), ""),
        # in order of first appearance; "Sen. Ann Lee" before "Sen. Ann Lee (R-Ga.)"
        "aliases": sorted({m.text for m in group} - {name},
                          key=lambda alias: (text.find(alias), len(alias), alias)),
        "mentions": [list(span) for span in spans],
        "n_claims": len(own), "n_denials": sum(bool(c["denial"]) for c in own),
        "n_hedged": sum(bool(c["hedged"]) for c in own), "first_start": spans[0][0],
        "start": fullest.start, "end": fullest.end, "text": text[fullest.start:fullest.end],
        "entity_ids": overlapping,
        "ambiguous": any(m.ambiguous for m in group),
    }
