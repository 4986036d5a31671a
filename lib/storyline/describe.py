"""What a source phrase says about who is speaking: type, name, role and affiliation.

A source phrase is the words a claim gives as its source ("Dmitry Peskov, spokesperson for
the Kremlin", "Two officials", "the WSJ", "The letter"). The rules read it left to right,
with lexicons only: parentheticals ("(pictured)") are dropped; a comma splits off an
appositive that gives role and affiliation; titles before a name give the role ("U.S.
President Joe Biden"); the head word (last word before "for", "of", "familiar with" ...)
decides anonymous groups (``anonymous_sources.csv``, ``source_words.csv``), documents and
governments; names are looked up in ``outlets.csv``, ``organisations.csv``,
``gpe_aliases.csv`` and the article's entities.

Example:
    >>> d = describe_source("Dmitry Peskov, spokesperson for the Kremlin")
    >>> d.source_type, d.name, d.role, d.affiliation
    ('person', 'Dmitry Peskov', 'spokesperson', 'the Kremlin')
    >>> describe_source("the WSJ").name, describe_source("Two officials").source_type
    ('The Wall Street Journal', 'anonymous')
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from storyline.lexicons import name_index, read_lexicon
from storyline.resources import first_names, word_list

SOURCE_TYPES = ("person", "anonymous", "outlet", "organisation", "government", "document",
                "other")
PRONOUNS = {"he", "she", "i", "we", "they", "it", "who", "which", "that", "you", "his", "her",
            "its", "their", "our", "my", "him", "them", "us", "me"}
PERSONAL_PRONOUNS = {"he", "she", "i", "his", "her", "him", "my", "me"}
DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her",
               "their", "our"}
QUANTIFIERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
               "several", "some", "many", "few", "multiple", "numerous", "other", "both",
               "dozens", "hundreds", "various", "most", "all", "more", "two-dozen"}
ROLE_ADJECTIVES = {"former", "acting", "deputy", "senior", "then", "interim", "chief", "vice",
                   "top", "current", "retired", "incoming", "outgoing", "ex"}
# words after a head noun that start what qualifies it: "officials familiar with ...",
# "a spokesperson for the Kremlin", "two Democrats on the House Oversight Committee"
QUALIFIERS = {"for", "of", "at", "in", "on", "from", "with", "within", "familiar", "close",
              "briefed", "who", "that", "speaking", "knowledgeable", "involved", "inside",
              "across", "to", "under", "representing"}
TRAILING = {"all", "both", "also", "too", "finally", "then", "themselves", "himself", "herself",
            "itself", "alone", "again", "once"}
_TOKEN = re.compile(r"\w[\w.’'&-]*|[^\w\s]")
_SPACE_BEFORE_MARK = re.compile(r" ([,;:’')])")
_LEADING_THE = re.compile(r"^(?i:the)\s+")
_POSSESSIVE_END = re.compile(r"[’']s$")
_AGE = re.compile(r"\d+|(?i:aged?\s+\d+)")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
# the unions the rules test words against, made once
_ROLE_OR_DETERMINER = frozenset(ROLE_ADJECTIVES | DETERMINERS)
_NOT_IN_A_NAME = frozenset(QUALIFIERS | DETERMINERS | {"and", "or"})


@dataclass(frozen=True)
class Description:
    """What a source phrase says: ``source_type`` (one of :data:`SOURCE_TYPES`), ``name``
    (canonical where a lexicon knows it), ``role``, ``affiliation``, ``named`` (a proper name
    is given) and ``head`` (the word that decided an unnamed phrase's type)."""

    source_type: str
    name: str
    role: str = ""
    affiliation: str = ""
    named: bool = False
    head: str = ""


def _join(words: Sequence[str]) -> str:
    """Words back into a phrase: "U.S. , European" -> "U.S., European"."""
    return _SPACE_BEFORE_MARK.sub(_first_group, " ".join(words)).replace("( ", "(")


def _first_group(match: re.Match) -> str:
    return match.group(1)


def _strip_the(text: str) -> str:
    text = text.strip()
    return _LEADING_THE.sub("", text) if text[:3].lower() == "the" else text


@functools.cache
def _aliases(lexicon: str) -> dict[str, str]:
    """Lower-cased name or alias, without a leading "the" -> canonical name."""
    return {_strip_the(alias): name for alias, name in name_index(lexicon).items()}


@functools.cache
def _source_words() -> dict[str, str]:
    table = read_lexicon("source_words")
    words = dict(zip(table.word.str.lower(), table.source_type))
    for word in read_lexicon("anonymous_sources")["word"].str.lower():
        words.setdefault(word, "anonymous")
    return words


@functools.cache
def _titles() -> tuple[dict[str, str], int]:
    """Lower-cased title -> kind (role, honorific, affiliation), and the longest in words."""
    table = read_lexicon("titles")
    titles = {t.lower(): kind for t, kind in zip(table.title, table.kind)}
    return titles, max(len(t.split()) for t in titles)


@functools.cache
def _title_starts() -> frozenset[str]:
    """The first word of every title, lower-cased: no title starts at any other word."""
    return frozenset(title.split(" ")[0] for title in _titles()[0])


@functools.cache
def _places() -> frozenset[str]:
    words = set(word_list("gazetteers", "nationalities.txt"))
    words |= set(word_list("gazetteers", "countries.txt"))
    words |= set(read_lexicon("places")["name"])
    words |= {alias for alias in _aliases("gpe_aliases")}
    words |= {"Western", "Eastern", "European", "Asian", "African", "Arab", "Latin", "Gulf",
              "Allied", "Soviet", "Palestinian", "Israeli", "Iranian", "Iraqi"}
    return frozenset(words)


@functools.cache
def _organisation_words() -> frozenset[str]:
    return frozenset(read_lexicon("organisation_words")["word"])


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(word for word in word_list("words", "en") if word.islower())


@functools.lru_cache(maxsize=4096)
def gender(name: str) -> str:
    """"male", "female" or "" (unknown, or a first name used for both) from NLTK's names.

    Example:
        >>> gender("Jane Doe"), gender("Ruth Okafor"), gender("Peskov")
        ('female', 'female', '')
    """
    for word in name.split():
        if word in first_names():
            male, female = word in _gendered("male"), word in _gendered("female")
            return "" if male == female else ("male" if male else "female")
    return ""


@functools.cache
def _gendered(which: str) -> frozenset[str]:
    return word_list("names", f"{which}.txt")


def is_place(word: str) -> bool:
    """True for a word that names a place or its people: a country, nationality or regional
    word ("Russian", "Western") or an entry of the places and place-alias lexicons."""
    return word in _places() or word.lower() in _aliases("gpe_aliases")


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _lexicon_name(name: str) -> tuple[str, str] | None:
    """(source_type, canonical) of a name the outlet, organisation or place lexicons know."""
    stripped = _strip_the(name)
    key = stripped.lower()
    outlets, organisations, places = (_aliases("outlets"), _aliases("organisations"),
                                      _aliases("gpe_aliases"))
    if key in outlets:
        return "outlet", outlets[key]
    if key in organisations:
        canonical = organisations[key]
        kind = "government" if _government_words(canonical) else "organisation"
        return kind, canonical
    if key in places:
        return "government", places[key]
    if stripped in _places() and _capitalised(stripped):
        return "government", stripped
    return None


def _government_words(phrase: str) -> bool:
    words = phrase.lower().split()
    pairs = {" ".join(pair) for pair in zip(words, words[1:])}
    return not _government_set().isdisjoint({*words, *pairs})


@functools.cache
def _government_set() -> frozenset[str]:
    return frozenset(word for word, kind in _source_words().items() if kind == "government")


def _outlet_inside(words: list[str]) -> str | None:
    """The canonical outlet named by a run of words ("the WSJ report", "a Post analysis")."""
    known = _outlet_words()
    capitals = [_capitalised(w) and w.lower() in known for w in words]
    if not any(capitals):  # most phrases: no word of an outlet's name
        return None
    for size in range(min(len(words), 5), 0, -1):
        for i in range(len(words) - size + 1):
            if not all(capitals[i:i + size]):
                continue
            found = _aliases("outlets").get(" ".join(words[i:i + size]).lower())
            if found:
                return found
    return None


@functools.cache
def _outlet_words() -> frozenset[str]:
    """The lower-cased words of the outlets' names and aliases."""
    return frozenset(word for alias in _aliases("outlets") for word in alias.split(" "))


def _split_appositive(phrase: str) -> tuple[str, list[str]]:
    """The core of a phrase and its comma-separated appositives. A comma inside a list of
    places ("Former U.S., European and Russian officials") does not split."""
    pieces = [p.strip() for p in phrase.split(",")]
    merged: list[str] = []
    for piece in pieces:
        if merged and _only_places(merged[-1]) and piece:
            merged[-1] = f"{merged[-1]}, {piece}"
        elif piece:
            merged.append(piece)
    merged = [p for p in merged if not _AGE.fullmatch(p)]
    if not merged:
        return phrase, []
    return merged[0], merged[1:]


def _only_places(piece: str) -> bool:
    words = [w for w in _TOKEN.findall(piece) if w.lower() not in _ROLE_OR_DETERMINER]
    return bool(words) and all(is_place(w) or w.lower() == "and" for w in words)


def _head_split(words: list[str]) -> tuple[list[str], list[str]]:
    """Words before the first qualifier ("officials" | "familiar with the matter")."""
    for i, word in enumerate(words[1:], 1):
        if word.lower() in QUALIFIERS or word in ("(", "—", "–"):
            return words[:i], words[i:]
    return words, []


def _leading_titles(words: list[str]) -> tuple[int, list[str], list[str]]:
    """How many leading words are titles, places or possessives, with the role and
    affiliation words they give ("U.S. President" -> role President, affiliation U.S.)."""
    titles, longest = _titles()
    starts = _title_starts()
    role: list[str] = []
    affiliation: list[str] = []
    i = 0
    while i < len(words):
        sizes = range(min(longest, len(words) - i), 0, -1) if words[i].lower() in starts else ()
        for size in sizes:
            kind = titles.get(" ".join(words[i:i + size]).lower())
            if kind is not None and kind != "affiliation":
                if kind == "role":
                    role += words[i:i + size]
                i += size
                break
        else:
            word = words[i]
            if word.lower() in ROLE_ADJECTIVES and i + 1 < len(words):
                role.append(word)
            elif _POSSESSIVE_END.search(word) or (is_place(word) and i + 1 < len(words)):
                affiliation.append(_POSSESSIVE_END.sub("", word))
            elif word.lower() in titles:  # party labels: "Republican Jane Doe"
                affiliation.append(word)
            else:
                break
            i += 1
    return i, role, affiliation


def describe_source(phrase: str, people: Mapping[str, str] | None = None) -> Description:
    """Type, name, role and affiliation of a source phrase.

    ``people`` maps names the article's entities table typed (text -> entity type:
    PERSON, ORGANIZATION, GPE, OUTLET, OTHER) so a bare "Ortega" can be told from "Acme".

    Example:
        >>> d = describe_source("President Lai Ching-te (pictured)")
        >>> d.source_type, d.name, d.role, d.named
        ('person', 'Lai Ching-te', 'President', True)
        >>> describe_source("sources familiar with the talks").source_type
        'anonymous'
    """
    described = _describe_text(phrase)
    if isinstance(described, Description):
        return described
    people = people or {}
    return _settled(phrase, people.get(described.name) or people.get(described.words[-1]))


@dataclass(frozen=True)
class _Unsettled:
    """A phrase headed by a capitalised word ("Warren", "Acme Corp") that the lexicons do
    not settle: the type the article's entities give ``name`` (or its last word) decides."""

    words: tuple[str, ...]  # the head words
    name: str  # the head words joined: "Acme Corp"
    qualifier: str
    written: str  # the phrase as the article writes it: "the Gazette"
    shortened: str  # without determiners and trailing words: "Gazette"
    appositives: tuple[tuple[str, str], ...] = ()  # (role, affiliation) of each appositive


@functools.lru_cache(maxsize=16384)
def _describe_text(phrase: str) -> Description | _Unsettled:
    """What the words of ``phrase`` alone say, cached: articles repeat their sources, and
    the same phrases ("officials", "the White House") recur across a corpus."""
    cleaned = (_PARENTHESIS.sub("", phrase) if "(" in phrase else phrase).strip()
    core, appositives = _split_appositive(cleaned)
    core_words = _TOKEN.findall(core)
    if appositives and not _names_someone(core_words) and \
            _names_someone(_TOKEN.findall(appositives[0])):
        core, appositives = appositives[0], [core, *appositives[1:]]  # "Its spokesman, Ann Lee"
        core_words = _TOKEN.findall(core)
    roles = tuple(_role_phrase(_TOKEN.findall(appositive)) for appositive in appositives)
    described = _describe_core(core_words)
    if not roles:
        return described
    if isinstance(described, _Unsettled):
        return replace(described, appositives=roles)
    return _with_appositives(described, roles)


@functools.lru_cache(maxsize=16384)
def _settled(phrase: str, entity: str | None) -> Description:
    """An unsettled phrase (see :func:`_describe_text`) described, given the entity type
    (PERSON, GPE ..., None when the article has no entity of its name)."""
    unsettled = _describe_text(phrase)
    described = _describe_name(unsettled.words, unsettled.name, unsettled.qualifier, entity)
    if described.source_type != "person" and described.name == unsettled.shortened:
        described = replace(described, name=unsettled.written)  # "the Gazette", as written
    return _with_appositives(described, unsettled.appositives)


def _with_appositives(described: Description, roles: tuple[tuple[str, str], ...]
                      ) -> Description:
    """``described`` with the role and affiliation it lacks taken from the first appositive
    that gives one ("Ann Lee, a spokesperson for Acme")."""
    if not roles:
        return described
    role = described.role or next((role for role, _ in roles if role), "")
    affiliation = described.affiliation or next(
        (affiliation for _, affiliation in roles if affiliation), "")
    if (role, affiliation) == (described.role, described.affiliation):
        return described
    return replace(described, role=role, affiliation=affiliation)


def _names_someone(words: list[str]) -> bool:
    words = [w for w in words if w.lower() not in DETERMINERS]
    start, _, _ = _leading_titles(words)
    rest = words[start:]
    return bool(rest) and _capitalised(rest[-1]) and _capitalised(rest[0])


def _role_phrase(words: list[str]) -> tuple[str, str]:
    """Role and affiliation of a description: "spokesperson for the Kremlin", "SpaceX's
    founder", "a SpaceX founder"."""
    words = [w for w in words if w.lower() not in ("a", "an")]
    head, rest = _head_split(words)
    if rest and rest[0].lower() in ("for", "of", "at", "with", "from", "in", "on"):
        return " ".join(w for w in head if w.lower() != "the"), " ".join(rest[1:])
    start, role, affiliation = _leading_titles(head)
    remaining = head[start:]
    capitals = [w for w in remaining if _capitalised(w)]
    lower = [w for w in remaining if not _capitalised(w) and w.lower() != "the"]
    affiliation = [_POSSESSIVE_END.sub("", w) for w in affiliation + (capitals if lower else [])]
    return " ".join(role + lower) or " ".join(capitals), " ".join(affiliation)


def _describe_core(words: list[str]) -> Description | _Unsettled:
    while words and words[0].lower() in {",", "and", "but"}:
        words = words[1:]
    written = _join(words)
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    while len(words) > 1 and (words[-1].lower() in TRAILING or (
            words[-1].endswith("ly") and words[-1].islower())):
        words = words[:-1]  # "Robert Menendez all", "Gingrich cynically"
    if not words:
        return Description("other", written)
    phrase = _join(words)
    known = _lexicon_name(phrase)
    if known is not None:
        return Description(known[0], known[1], named=True)
    head_words, rest = _head_split(words)
    if _capitalised(head_words[-1]) and head_words[-1] in _organisation_words() and \
            _source_words().get(head_words[-1].lower()) != "outlet":
        # "The Republican National Committee", "Board on Professional Responsibility"
        return Description("organisation", phrase, named=True)
    start, role, affiliation = _leading_titles(words)
    name_words = words[start:]
    lower = [i for i, w in enumerate(words) if not _capitalised(w)]
    if lower and lower[-1] < len(words) - 1 and lower[0] > 0 and all(
            words[i].isalpha() and words[i] not in _NOT_IN_A_NAME
            for i in lower):
        # "Trump aide Kellyanne Conway", "Clinton campaign chairman John Podesta"
        start = lower[-1] + 1
        role = [w for w in words[:start] if not _capitalised(w)]
        affiliation = words[:lower[0]]
        titled, more_role, _ = _leading_titles(words[start:])  # "police Chief Chuck Jordan"
        role, start = role + more_role, start + titled
        name_words = words[start:]
    if name_words and (role or start) and all(_capitalised(w) for w in name_words) and \
            _lexicon_name(" ".join(name_words)) is None:
        return Description("person", " ".join(name_words), " ".join(role),
                           " ".join(affiliation), named=True)
    qualifier = " ".join(rest[1:]) if rest and rest[0].lower() in (
        "for", "of", "at", "in", "on", "from", "within", "inside") else ""
    head = head_words[-1].lower()
    kind = _source_words().get(head)
    outlet = _outlet_inside(words)
    if outlet and kind in (None, "document", "outlet"):
        return Description("outlet", outlet, named=True)
    quantified = head_words[0].lower() in QUANTIFIERS or head_words[0].isdigit()
    modifiers = head_words[1:-1] if quantified else head_words[:-1]
    capitals = _join([w for w in modifiers if _capitalised(w) and not is_place(w) and
                      w.lower() not in ROLE_ADJECTIVES])
    places = ", ".join(w for w in modifiers if is_place(w))
    if kind is None and quantified and head_words[-1].islower() and len(head_words) > 1:
        kind = "anonymous"  # "two engineers", "several residents": people nobody names
    if kind == "anonymous":
        role = [w for w in modifiers if w.lower() in ROLE_ADJECTIVES or w.islower()]
        return Description("anonymous", written, _join([*role, head_words[-1]]).replace(
            " and ", " "), qualifier or capitals or places, head=head)
    if kind == "document":
        return Description("document", written, "", qualifier or capitals,
                           named=False, head=head)
    if kind in ("government", "organisation", "outlet") and not _capitalised(head_words[-1]):
        return Description(kind, written, "", qualifier or capitals or places, head=head)
    if _government_words(" ".join(head_words)) and any(_capitalised(w) for w in head_words):
        return Description("government", " ".join(head_words), "", qualifier, named=True)
    if not any(_capitalised(w) for w in head_words):
        if role or _titles()[0].get(head) == "role":  # "the president", "the tax commissioner"
            role = role or [w for w in head_words if w.islower()]
            return Description("person", written, " ".join(role), qualifier or capitals,
                               head=head)
        return Description("other", written, "", qualifier, head=head)
    if quantified:  # "two Democrats on the House Oversight Committee": a group, unnamed
        return Description("organisation", written, "", qualifier or capitals, head=head)
    return _Unsettled(tuple(head_words), _join(head_words), qualifier, written, phrase)


def _describe_name(words: Sequence[str], name: str, qualifier: str, entity: str | None
                   ) -> Description:
    """A phrase headed by a capitalised word (``words``, joined: ``name``): a person,
    organisation or place. ``entity`` is the type the article's entities give it."""
    if _capitalised(words[-1]) and words[-1].lower() in _source_words() and len(words) > 1:
        return Description(_source_words()[words[-1].lower()], name, "", qualifier, named=True)
    if entity == "GPE" and words[0] in first_names() and not is_place(name):
        entity = "PERSON"  # "Warren said": a name before a town
    if entity == "PERSON":
        return Description("person", name, "", qualifier, named=True)
    if entity in ("ORGANIZATION", "OUTLET", "GPE"):
        kind = {"ORGANIZATION": "organisation", "OUTLET": "outlet", "GPE": "government"}[entity]
        if kind == "organisation" and _government_words(name):
            kind = "government"
        return Description(kind, name, "", qualifier, named=True)
    known = _lexicon_name(words[-1])
    if known is not None and known[0] != "outlet":  # "House Democrats", "Beijing officials"
        return Description(known[0], name, "", qualifier or _join(words[:-1]), named=True)
    if words[-1].lower() in _source_words():
        return Description(_source_words()[words[-1].lower()], name, "", qualifier, named=True)
    if len(words) == 1 and words[0].lower() in _common_words() and \
            words[0] not in first_names():
        return Description("other", name, "", qualifier)  # "Recently", "Video"
    if words[0] in first_names() or (1 <= len(words) <= 3 and all(
            w[:1].isupper() and not w.isupper() for w in words)):
        return Description("person", name, "", qualifier, named=True)
    if len(words) == 1 and words[0].isupper():
        return Description("organisation", name, "", qualifier, named=True)
    return Description("other", name, "", qualifier, named=True)
