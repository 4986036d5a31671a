"""Who a claim's source stands for: pronouns and short names resolved to a fuller mention.

"he said" takes an earlier person of a fitting gender (NLTK's names, else the pronouns
that follow the person's name): the subject of the sentence before rather than a person it
merely mentions, the nearest person in the pronoun's own sentence. "it"/"its" takes a
non-person, "they" a plural source, "who"/"which" the noun phrase just before the comma,
and a surname ("Lai") the longest form of an earlier full name that holds it ("President
Lai Ching-te"); of two people who share it, the one named in the same paragraph, else the
one the text names most. Names are runs of capitalised words found by one regular
expression (split at common words in a headline), so no tagging is needed; the guess is a
guess, which the ``source_resolved`` column makes visible.

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
from dataclasses import dataclass, field

from storyline.describe import gender, is_place
from storyline.entities import calendar_words, gazetteer_places, is_common_word, is_title_case
from storyline.lexicons import read_lexicon
from storyline.resources import first_names, word_list

PERSONAL = {"he", "she", "his", "her", "him", "i", "we"}
IMPERSONAL = {"it", "its"}
PLURAL = {"they", "their", "them"}
RELATIVE = {"who", "which", "that"}
_ABBREVIATED = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "St",
                "Jr")
# Mr., U.S., the F. of John F. Kerry, Putin, Ching-te; any other final dot ends a sentence
_WORD = (rf"(?:(?:{'|'.join(_ABBREVIATED)})\.|"
         r"[A-Z](?:(?:\.\w)+\.|\.(?=[ \u00a0][A-Z])|[\w’'-]*))")
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
def _is_title(word: str) -> bool:
    """"Sen.", "Gov.", "President", "Govs." (the titles lexicon, with or without the dot)."""
    low = word.lower().rstrip(".")
    titles = _titles()
    return low in titles or f"{low}." in titles or word.rstrip(".") in _ABBREVIATED or (
        low.endswith("s") and f"{low[:-1]}." in titles)


@functools.lru_cache(maxsize=4096)
def _is_person(name: str) -> bool:
    """A name that starts with a first name or has a first name or a title before its last
    word ("Ann Roe", "US President Ann Roe"), capitalised from the given name on (not "Ann
    Roe endorses Poe"), and holds no day, month, possessive or "and" ("Morning Joe Monday",
    "Ann’s Bakery", "Govs. Ann Roe and Jo Poe")."""
    words = name.split()
    if not words or "and" in words or any(w in calendar_words() for w in words) or any(
            _POSSESSIVE_WORD.search(w) for w in words[:-1]):
        return False
    return (words[0] in first_names() or (len(words) > 1 and words[-2] in first_names()) or
            any(map(_is_title, words[:-1])) or (len(words) == 1 and _is_title(words[0]))) and \
        all(word[:1].isupper() for word in _person_key(name).split())


_POSSESSIVE_WORD = re.compile(r"[’']s$")


def _mentions(text: str) -> list[tuple[int, str]]:
    """(start, name) of capitalised runs, without a leading function word; in a headline,
    split at the common words that title case capitalises ("Roe Slams Poe")."""
    found = []
    headlines: dict[int, bool] = {}  # line start -> title case?
    for match in _NAME.finditer(text):
        start, name = match.start(), match.group().rstrip(".’'")
        leading = _LEADING.match(name)
        if leading is not None:
            if not name[leading.end()].isupper():  # not "The of ..."
                continue
            start, name = start + leading.end(), name[leading.end():]
        elif name in _LEADING_WORDS:  # "The" alone is no name
            continue
        if name.count(" ") >= 2 and _in_headline(text, start, headlines):
            found += _headline_names(start, name)
        else:
            found.append((start, name))
    return found


def _in_headline(text: str, position: int, headlines: dict[int, bool]) -> bool:
    """Whether the line holding ``position`` is in title case (cached in ``headlines``)."""
    line = text.rfind("\n", 0, position) + 1
    if line not in headlines:
        end = text.find("\n", position)
        words = re.findall(r"[A-Za-z]+", text[line:end if end >= 0 else len(text)])
        headlines[line] = is_title_case(words, [i for i, w in enumerate(words) if w[0].isupper()])
    return headlines[line]


def _headline_names(start: int, run: str) -> list[tuple[int, str]]:
    """The pieces of a headline's capitalised ``run`` (at ``start``) between common words."""
    pieces = []
    first = last = -1
    for word in _RUN_WORD.finditer(run):
        if _headline_word(word.group()):
            if first >= 0:
                pieces.append((start + first, run[first:last]))
            first = -1
        else:
            first = word.start() if first < 0 else first
            last = word.end()
    if first >= 0:
        pieces.append((start + first, run[first:last]))
    return pieces


def _headline_word(word: str) -> bool:
    """A word that title case capitalised: a common word ("Slams", "On", "Isn’t") that is
    not also a first name."""
    return (is_common_word(word) or word.lower() in word_list("stopwords", "english") or
            bool(_CONTRACTION.search(word))) and word not in first_names()


_RUN_WORD = re.compile(r"[^ \u00a0]+")
_CONTRACTION = re.compile(r"(?:n[’']t|[’'](?:re|ve|ll|d|m))$")  # "Isn’t", "We’ll"
_POSSESSIVE = re.compile(r"[’']s?$")
_SENTENCE_END = re.compile(r"[.!?][”\"’)]*\s+(?=[“\"‘'A-Z])|\n")
# a pronoun soon after a name, before this, mostly stands for it ("Roe said her ...")
_CLAUSE_END = re.compile(r"[.!?;,”\"\n]|\b(?:and|or|but)\b")
_FEMALE = re.compile(r"\b(?:[Ss]he|[Hh]er|[Hh]ers|[Hh]erself)\b")
_MALE = re.compile(r"\b(?:[Hh]e|[Hh]im|[Hh]is|[Hh]imself)\b")


@dataclass
class _Names:
    """The names of one text, found once for all its claims: ``mentions`` (start, name) of
    every capitalised run, ``people`` (start, full name) of the runs that name a person, a
    surname replaced by the full name it stands for, and ``genders`` (person key -> gender
    read from the pronouns that follow the person's mentions). ``starts`` holds the people's
    starts, ``by_key`` their mentions by person and ``by_word`` the people named in full by
    each of their names, so that a claim looks up only what it needs."""

    text: str
    mentions: list[tuple[int, str]]
    people: list[tuple[int, str]] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    by_key: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    by_word: dict[str, list[tuple[int, str]]] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    mention_genders: dict[int, str] = field(default_factory=dict)
    given: dict[str, list[int]] = field(default_factory=dict)

    @classmethod
    def of(cls, text: str) -> _Names:
        names = cls(text, _mentions(text))
        ends = []
        for position, mention in names.mentions:
            mention = _POSSESSIVE.sub("", mention)
            if (person := names.person_named(position, mention)):
                names.people.append((position, person))
                names.starts.append(position)
                names.by_key.setdefault(_person_key(person), []).append((position, person))
                ends.append(position + len(mention))
        names.genders, names.mention_genders = _genders_in_context(text, names.people, ends)
        return names

    def person_named(self, position: int, name: str) -> str:
        """Who the mention ``name`` at ``position`` names ("" when it is no person); a name
        in full is filed in ``by_word``."""
        if " " in name:
            if not _is_person(name):
                return ""
            words = _person_key(name).split()
            if len(words) <= 5:
                for word in set(words):
                    self.by_word.setdefault(word, []).append((position, name))
            return name
        return self.full_name(name, position) or (
            name if _lone_first_name(name, position, self.text) else "")

    def full_name(self, word: str, start: int) -> str:
        """The person an earlier full name that holds ``word`` names, in its longest form
        ("" when none does).

        Two people who share a surname ("Bill Clinton", "Hillary Clinton"): the one named in
        full last, if that is in the same paragraph, else the one the text has named most so
        far, counting the person's mentions and given names (ties: the one named last)."""
        full = [(p, n) for p, n in self.by_word.get(word, ()) if p < start]
        if not full:
            return ""
        last: dict[str, int] = {}
        for position, name in full:
            last[_person_key(name)] = position
        keys = sorted(last, key=last.__getitem__)
        if len(keys) > 1 and "\n" in self.text[full[-1][0]:start]:
            uses = {key: self.uses(key, word, start) +
                    _count_before(self.by_key.get(key, []), start) for key in keys}
            keys.sort(key=lambda key: (uses[key], last[key]))
        return _longest_form(keys[-1], [n for _, n in full])

    def uses(self, key: str, surname: str, start: int) -> int:
        """How often the text uses the given names of the person ``key`` ("Hillary") before
        ``start`` (the ends of each name's uses found once, in ``given``)."""
        count = 0
        for name in key.split():
            if name != surname:
                if name not in self.given:
                    self.given[name] = _word_ends(self.text, name)
                count += bisect.bisect_right(self.given[name], start)
        return count

    def gender(self, name: str, position: int = -1) -> str:
        """The gender of NLTK's names for the given name (the name without its titles:
        "Florida" of "Florida Sen. Ann Roe" is a place), else the one the pronouns right after
        the mention at ``position`` give ("Roe sharpened her attack"), else the one read
        after all the person's mentions."""
        key = _person_key(name)
        return gender(key) or self.mention_genders.get(position, "") or \
            self.genders.get(key, "")

    def person_for(self, pronoun: str, start: int, speakers: list[tuple[int, str]]) -> str:
        """Who a personal pronoun at ``start`` stands for ("" when nobody fits).

        The candidates are the people named before it and the people that earlier personal
        pronoun sources stand for (``speakers``, (start, name)), of a gender that fits "he"
        or "she"; names inside quotation marks are left out when the pronoun is not quoted,
        since a speaker seldom names himself. The nearest one wins in the pronoun's own
        sentence; in an earlier sentence, the first person that sentence names who is not
        the object of a preposition: its subject, more than a person the subject acted on
        ("Roe criticised officer Jane Poe. ... she said" is Roe's)."""
        unwanted = {"he": "female", "his": "female", "him": "female", "she": "male",
                    "her": "male"}.get(pronoun)
        quoted = _quoted(self.text, start)

        def fits(candidate: tuple[int, str]) -> bool:
            position, name = candidate
            return (unwanted is None or self.gender(name, position) != unwanted) and (
                quoted or not _quoted(self.text, position))

        spoken = [c for c in speakers if " " in c[1] and _is_person(c[1]) and fits(c)]
        named = self.people[:bisect.bisect_left(self.starts, start)]
        nearest = max([next(filter(fits, reversed(named)), (-1, "")), *spoken])
        if nearest[0] < 0:
            return ""
        sentence = _sentence_start(self.text, nearest[0])
        subject = nearest[1]
        if sentence != _sentence_start(self.text, start):
            in_sentence = sorted(
                [c for c in named[bisect.bisect_left(self.starts, sentence):] if fits(c)] +
                [c for c in spoken if c[0] >= sentence])
            subject = next((n for p, n in in_sentence
                            if not _after_preposition(self.text, p)), subject)
        key = _person_key(subject)
        forms = sorted([c for c in self.by_key.get(key, ()) if c[0] < start and fits(c)] +
                       [c for c in spoken if _person_key(c[1]) == key])
        return _longest_form(key, [n for _, n in forms])


@functools.lru_cache(maxsize=4096)
def _person_key(name: str) -> str:
    """Who a name names, without titles: the words after the last title, from the first
    given name on ("Former Secretary of State Ann Roe" -> "Ann Roe", "President Lai Ching-te"
    -> "Lai Ching-te"); a name without title or given name keeps its last two words."""
    words = name.split()
    after = max((i + 1 for i, word in enumerate(words[:-1]) if _is_title(word)), default=0)
    given = first_names()
    for i in range(after, len(words) - 1):
        if words[i] in given:
            return " ".join(words[i:])
    return " ".join(words[after:] if after else words[-2:])


def _word_ends(text: str, word: str) -> list[int]:
    """Where each use of ``word`` as a whole word ends in ``text`` (the same as
    ``re.finditer(rf"\\b{word}\\b")``, but the regex is searched for its letters first)."""
    return [m.end() for m in re.finditer(rf"{re.escape(word)}\b", text)
            if m.start() == 0 or not _is_word_char(text[m.start() - 1])]


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _longest_form(key: str, names: list[str]) -> str:
    """The longest of ``names`` that names the person ``key`` ("Senator Ann Blake")."""
    return max((n for n in names if _person_key(n) == key), key=len, default=key)


def _lone_first_name(name: str, position: int, text: str) -> bool:
    """A first name alone names a person unless it is a place, a month or day, or the object
    of a preposition ("in Cleveland", "justice for Terrence")."""
    return name in first_names() and name not in gazetteer_places() and not is_place(name) and \
        name not in calendar_words() and not _after_preposition(text, position)


def _genders_in_context(text: str, people: list[tuple[int, str]],
                        ends: list[int]) -> tuple[dict[str, str], dict[int, str]]:
    """Gender of each person (by :func:`_person_key`) from the pronouns in the six words
    after their mentions (``people`` (start, name), which end at ``ends``), before a comma,
    "and", the end of the clause or the next person: "Roe said her plan ..." makes Roe a
    woman. Only a majority counts, and only for the people whose gender NLTK's names cannot
    tell: they list "Leslie", "Hillary" or "Bill" as both male and female. Also the gender
    of each such mention (by start) whose own six words hold pronouns of one gender only:
    where two people share a surname, a person's majority can mix them up."""
    counts: dict[str, list[int]] = {}
    by_mention: dict[int, str] = {}
    for (start, name), end, following in zip(people, ends,
                                             [p for p, _ in people[1:]] + [len(text)]):
        if gender(_person_key(name)):
            continue  # NLTK's names tell
        clause = text[end:following]
        stop = _CLAUSE_END.search(clause)
        clause = " ".join((clause[:stop.start()] if stop else clause).split()[:6])
        female, male = len(_FEMALE.findall(clause)), len(_MALE.findall(clause))
        if bool(female) != bool(male):
            by_mention[start] = "female" if female else "male"
        tally = counts.setdefault(_person_key(name), [0, 0])
        tally[0] += female
        tally[1] += male
    genders = {key: "female" if female > male else "male"
               for key, (female, male) in counts.items() if female != male}
    return genders, by_mention


def _quoted(text: str, position: int) -> bool:
    """Whether ``position`` lies inside quotation marks of its paragraph."""
    paragraph = text.rfind("\n", 0, position) + 1
    opened = text.rfind("“", paragraph, position)
    return opened > text.rfind("”", paragraph, position) or \
        text.count('"', paragraph, position) % 2 == 1


def _sentence_start(text: str, position: int) -> int:
    """Where the sentence holding ``position`` begins (a guess from full stops that do not
    end a title: "Govs. Ann Roe and ...")."""
    window = max(0, position - 400)
    # one character more, for the capital the full stop's look-ahead needs
    for end in reversed(list(_SENTENCE_END.finditer(text, window, position + 1))):
        before = text[max(window, end.start() - 12):end.start() + 1].split()
        if "\n" in end.group() or not (before and before[-1][0].isupper() and
                                         _is_title(before[-1])):
            return end.end()
    return window


def resolve_sources(rows: list[dict], text: str) -> None:
    """Fill ``source_resolved`` in ``rows`` (claim rows with source_text, source_start)."""
    names: _Names | None = None  # found once, on first need
    named = [row for row in rows if row["source_text"] and
             row["source_text"].lower() not in _PRONOUNS]  # what pronouns may stand for
    speakers: list[tuple[int, str]] = []  # (start, who) of the he/she sources so far
    for row in rows:
        source, start = row["source_text"], row["source_start"]
        if names is None and source and _needs_mentions(source):
            names = _Names.of(text)
        row["source_resolved"] = _resolve(source, start, text, names, speakers, named) \
            if source else ""
        if source.lower() in PERSONAL and start >= 0:
            speakers.append((start, row["source_resolved"]))


def _needs_mentions(source: str) -> bool:
    """Only pronouns (but relative ones) and one-word names are resolved from the names."""
    low = source.lower()
    return low in _NAMED_BY_MENTIONS or _one_name(source)


def _one_name(source: str) -> bool:
    return len(source.split()) == 1 and source[:1].isupper()


def _resolve(source: str, start: int, text: str, names: _Names | None,
             speakers: list[tuple[int, str]], named: list[dict]) -> str:
    """What ``source`` at ``start`` stands for, from the names in the text (``names``),
    the personal pronoun sources resolved so far (``speakers``, (start, who): they continue
    a chain) and the claim rows with a source that is not a pronoun (``named``)."""
    low = source.lower()
    if low in RELATIVE:
        head = _HEAD_BEFORE_COMMA.search(text[max(0, start - 300):start])
        if head is None:
            return source
        return _LEADING.sub("", _OF_WORDS.split(head.group(1))[-1])
    if names is None or not _needs_mentions(source):  # a fuller phrase stands for itself
        return source
    if low in PERSONAL:
        return names.person_for(low, start, [s for s in speakers if s[0] < start]) or source
    prior = names.mentions[:_count_before(names.mentions, start)]
    if low in IMPERSONAL:
        return _last_thing(prior, text) or source
    earlier = [r["source_resolved"] or r["source_text"] for r in named
               if 0 <= r["source_start"] < start]
    if low in PLURAL:
        plural = [n for n in earlier if n.rstrip().endswith("s")]
        return plural[-1] if plural else source
    person = names.full_name(source, start)
    if person:
        return person
    fuller = [n for n in [name for _, name in prior] + earlier
              if source in n and source in n.split() and len(n) > len(source) and
              len(n.split()) <= 5]  # "in n" first: fast
    return max(fuller, key=len) if fuller else source


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
