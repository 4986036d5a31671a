"""Find the spans of time expressions: regular expressions built from ``temporal_words.csv``.

Each pattern has a name (the family of expression: ``month_day``, ``weekday``, ``duration``,
...) and named groups that :mod:`storyline.timexes` turns into a TimeML value. Candidates
that overlap are settled longest first; words that only look like dates (the verb "may",
"March" as a name, "Sunday Times", "2,000 terminals") are rejected here by their context.

Example:
    >>> [(c.text, c.rule) for c in find_candidates("She left on Oct. 25, 2024, not in May.")]
    [('Oct. 25, 2024', 'month_day'), ('May', 'month')]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
from dataclasses import dataclass
from typing import NamedTuple

from storyline.lexicons import read_lexicon


@dataclass(frozen=True)
class Candidate:
    """One matched expression: span, the pattern that found it and its named groups."""

    start: int
    end: int
    text: str
    rule: str
    groups: dict


@functools.cache
def words(kind: str) -> dict[str, str]:
    """Lexicon entries of one kind: lower-cased word -> value (case kept for needs_context)."""
    table = read_lexicon("temporal_words")
    rows = table[table["kind"] == kind]
    keep_case = kind in ("needs_context", "false_friend")
    return {(w if keep_case else w.lower()): v for w, v in zip(rows["word"], rows["value"])}


def _alternation(entries) -> str:
    """Regex alternation of phrases, longest first, spaces matching any run of spaces."""
    ordered = sorted(set(entries), key=len, reverse=True)
    return "|".join(re.escape(e).replace(r"\ ", r"\s+") for e in ordered)


@functools.cache
def _vocabulary() -> dict[str, str]:
    months = words("month")
    full = [m for m in months if len(m) > 4 or m in ("may", "june", "july")]
    abbreviations = [m for m in months if m not in full]
    numbers = [n for n in words("number") if n not in ("a", "an")]
    tens = [n for n, v in words("number").items() if v.isdigit() and int(v) in range(20, 100)]
    units = words("unit")
    return {
        "MONTH": rf"(?:{_alternation(full)}|(?:{_alternation(abbreviations)})\.?)",
        "WEEKDAY": rf"(?:{_alternation(words('weekday'))})",
        "SEASON": rf"(?:{_alternation(words('season'))})",
        "NUM": (rf"(?:\d+(?:\.\d+)?|(?:{_alternation(tens)})[\s-](?:{_alternation(numbers)})"
                rf"|{_alternation(numbers)}|an?(?:\s+(?:few|couple\s+of))?|half\s+an?)"),
        "UNIT": rf"(?:{_alternation(u for u in units if u != 'century')})",
        "UNITS": rf"(?:{_alternation(u for u in units if u != 'century')})s?|centur(?:y|ies)",
        "ORD": rf"(?:{_alternation(words('ordinal'))}|\d+(?:st|nd|rd|th))",
        "REL": rf"(?:{_alternation(words('relative'))})",
        "POD": rf"(?:{_alternation(words('part_of_day'))})",
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?",
        "YEAR": r"(?:1[0-9]\d\d|20\d\d|'\d\d)",
    }


_RULES = [
    ("iso", r"\b(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<hh>\d\d):(?P<mm>\d\d))?\b"),
    ("numeric", r"\b(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)\b"
                r"(?![/.]\d)"),
    ("month_day", r"(?:(?P<wd>WEEKDAY),?\s+)?(?P<month>MONTH)\s+(?P<d>DAY)\b(?!:)"
                  r"(?:,?\s+(?P<y>YEAR)\b)?"),
    ("day_month", r"(?:(?P<wd>WEEKDAY),?\s+)?(?:the\s+)?(?P<d>DAY)(?:\s+of)?\s+(?P<month>MONTH)"
                  r"(?:,?\s+(?P<y>YEAR)\b)?"),
    ("month_year", r"(?:(?P<edge>mid|early|late)-)?(?P<month>MONTH),?\s+(?:of\s+)?"
                   r"(?P<y>YEAR)\b"),
    ("month", r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+|(?P<edge>mid|early|"
              r"late)-)?(?P<month>MONTH)(?![\w-])"),
    ("year", r"(?:(?P<fiscal>fiscal(?:\s+year)?)\s+|(?P<edge>mid|early|late)-)?"
             r"(?P<y>\b1[0-9]\d\d|\b20\d\d)\b(?![-/%]\w|,\d)"),
    ("decade", r"(?:the\s+)?(?:(?P<mid>mid)-?)?(?:(?P<y>\d{3}0|'\d0)'?s|(?P<word>twenties|"
               r"thirties|forties|fifties|sixties|seventies|eighties|nineties))\b"),
    ("century", r"(?:the\s+)?(?P<ord>ORD)\s+century"),
    ("quarter", r"(?:the\s+(?!\S+-quarter))?(?:(?P<ord>ORD|final|last|latest|current|most\s+recent|"
                r"year-(?:earlier|ago))[\s-]+quarter|(?P<q>Q[1-4]))(?:\s+(?:of\s+)?(?P<y>YEAR))?"
                r"|(?P<bare>the\s+quarter)\b"),
    ("half", r"(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?P<y>YEAR))?"),
    ("season", r"(?:the\s+)?(?:(?P<rel>REL)\s+)?(?P<season>SEASON)(?:\s+(?:of\s+)?(?P<y>YEAR))?"),
    ("holiday", r"(?P<holiday>HOLIDAY)(?:,?\s+(?P<y>YEAR))?"),
    ("ago", r"(?P<num>NUM)\s+(?P<unit>UNITS)\s+(?P<dir>ago|earlier|later|from\s+now|hence"
            r"|(?:before|after)(?=\s*(?:[.,;:)]|$)))\b"),
    ("relative", r"(?:(?P<side>earlier|later)\s+)?(?:the\s+)?(?P<rel>REL)\s+(?:fiscal\s+)?"
                 r"(?P<unit>UNIT)\b"),
    ("span", r"(?:the\s+)?(?P<rel>past|last|next|coming|previous|first|final|following)\s+"
             r"(?P<num>NUM)\s+(?P<unit>UNITS)\b"),
    ("duration", r"(?:the\s+(?=\S+\s+\w+s\b))?(?P<num>NUM)[\s-]+(?P<unit>UNITS)(?!-old)\b"
                 r"(?P<long>-long)?"),
    ("plural", r"(?P<unit>years|months|weeks|days|decades|hours)(?P<long>-long)?"),
    ("weekday", r"(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<wd>WEEKDAY)"
                r"(?:\s+(?P<pod>POD))?"),
    ("pod", r"(?P<rel>this|last|tomorrow|yesterday)\s+(?P<pod>POD)|(?P<tonight>tonight)"),
    ("deictic", r"(?P<deictic>DEICTIC)"),
    ("clock", r"(?:\b(?P<h>[01]?\d)(?::(?P<mm>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m\b)"
              r"(?:\s+(?P<zone>(?-i:[A-Z]{3}))\b)?|\b(?P<word>noon|midnight))"
              r"(?:,?\s+(?:on\s+)?(?P<wd>WEEKDAY)|\s+(?P<day>today|yesterday|tomorrow))?"),
    ("set", r"(?P<freq>SETWORD)|(?:every|each)\s+(?:other\s+)?(?P<unit>UNIT|WEEKDAY|POD)"
            r"|(?P<num>once|twice|\w+\s+times)\s+a\s+(?P<unit2>UNIT)|per\s+(?P<unit3>UNIT)"),
]


@functools.cache
def _compiled() -> list[tuple[str, re.Pattern]]:
    vocabulary = {
        **_vocabulary(),
        "HOLIDAY": _alternation(words("holiday")).replace("'", "['’]"),
        "DEICTIC": _alternation(words("deictic")),
        "SETWORD": _alternation(words("set")),
    }
    compiled = []
    for name, pattern in _RULES:
        for key in sorted(vocabulary, key=len, reverse=True):
            pattern = pattern.replace(key, vocabulary[key])
        compiled.append((name, re.compile(rf"(?<![\w-])(?:{pattern})(?![\w])", re.IGNORECASE)))
    return compiled


#: Read backwards from a point: the stretches of punctuation marks and other characters
#: that are no words, then the word. (Reading the text forwards, a search for the last word
#: tries again from every character of the stretch before it.)
_PREVIOUS_WORD = re.compile(r"(?:[^\w'’.-]|['’.-]+(?![\w'’.-]))*+([\w'’.-]*\w[\w'’.-]*)")
_MARKS_RUN = re.compile(r"[\w'’.-]+")
_NEXT_WORD = re.compile(r"\W*?([\w'’.-]+)")
#: Words before a month name, year or season that make it a date.
TEMPORAL_PREPOSITIONS = frozenset(
    "in since until till by from through during of early late mid last next this before after "
    "between around throughout".split())


def previous_word(text: str, start: int) -> str:
    """The word ending just before ``start`` (punctuation between is skipped).

    Looks back 40 characters at most. A word is a run of letters, digits and the marks
    ``'’.-`` ("U.S.", "Brown-Smith"); with no letter or digit in reach, the first run of
    marks.

    Example:
        >>> previous_word("Talks in the U.S. - in March", 20), previous_word("... in", 4)
        ('U.S.', '...')
    """
    window = text[max(0, start - 40):start]
    match = _PREVIOUS_WORD.match(window[::-1])
    if match:
        return match.group(1)[::-1]
    match = _MARKS_RUN.search(window)
    return match.group() if match else ""


def next_word(text: str, end: int) -> str:
    """The word starting just after ``end``."""
    match = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    return match.group(1) if match else ""


def _sentence_initial(text: str, start: int) -> bool:
    before = text[max(0, start - 3):start].strip()
    return not before or before[-1] in ".!?\"“‘'\n:;("


#: The rules whose matches :func:`_plausible` checks against the words around them.
_CHECKED_IN_CONTEXT = frozenset({"month", "year", "season", "deictic", "plural", "set",
                                 "duration"})


def _plausible(candidate: Candidate, text: str) -> bool:
    """Context checks that reject words which only look like dates."""
    rule, groups, word = candidate.rule, candidate.groups, candidate.text
    if rule in ("month_day", "month_year", "day_month"):
        return groups["month"][0].isupper()
    if rule == "weekday":
        return groups["wd"][:1].isupper()
    if rule not in _CHECKED_IN_CONTEXT:
        return True
    before, after = previous_word(text, candidate.start), next_word(text, candidate.end)
    if rule == "month":
        month = groups["month"]
        if not month[0].isupper() or (len(month) <= 4 and month.lower() not in (
                "may", "june", "july") and not month.endswith(".")):
            return False  # a bare "Mar" or "Jan" is a word or a name
        if "rel" in groups or "edge" in groups:
            return True
        if before[:1].isupper() and not _sentence_initial(text, candidate.start):
            return False  # "Theresa May", "Fredric March"
        if after[:1].isupper() and after.lower() not in words("month"):
            return False  # "March Madness", "June Carter"
        if month.rstrip(".") in words("needs_context"):
            noun_modifier = before.lower() == "the" and after[:1].islower() and after.isalpha()
            return before.lower() in TEMPORAL_PREPOSITIONS or noun_modifier
        return True
    if rule == "year":
        if groups.get("fiscal"):
            return True
        if before.lower() in TEMPORAL_PREPOSITIONS or before.lower() in ("the", "year"):
            return True
        if before in ("$", "No", "No.", "#") or text[max(0, candidate.start - 1)] in "$#£€":
            return False
        after = after.rstrip(".")
        return not (after[:1].islower() and after.isalpha() and after not in (
            "and", "or", "to", "when", "as", "after", "before", "was", "is", "had"))
    if rule == "season":
        return bool(groups.get("rel") or groups.get("y") or word.lower().startswith("the ")
                    or before.lower() in TEMPORAL_PREPOSITIONS)
    if rule == "deictic":
        lowered = word.lower()
        if lowered == "future" and after.lower() in ("of",) or lowered == "the future" and \
                after.lower() == "of":
            return False
        if lowered in ("current", "recent", "future"):
            return after[:1].islower() or after in ("", ",")
        return True
    if rule == "plural":
        return before.lower() in ("for", "over", "within", "in")
    if rule == "set" and "freq" in groups:
        return not (after[:1].islower() and after.isalpha() and after not in (
            "and", "or", "to", "in", "at", "for", "since", "from", "by", "on", "with"))
    if rule == "duration":
        return not (groups["num"].lower() in ("a", "an") and before.lower() in ("per",))
    return True


def _false_friend_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the phrases that only look like dates ("Sunday Times", "USA Today").

    The pattern has no leading ``\\b``, so the regex engine can skip ahead to the letters the
    phrases begin with; the word boundary before a hit is checked here instead.
    """
    pattern = _false_friend_pattern()
    spans: list[tuple[int, int]] = []
    position = 0
    while pattern is not None and (match := pattern.search(text, position)):
        start = match.start()
        if _word_char(text[start - 1:start]) != _word_char(text[start]):  # the \b before it
            spans.append(match.span())
            position = match.end()
        else:
            position = start + 1
    return spans


@functools.cache
def _false_friend_pattern() -> re.Pattern | None:
    phrases = list(words("false_friend"))
    return re.compile(rf"(?:{_alternation(phrases)})\b") if phrases else None


def _word_char(char: str) -> bool:
    return _WORD_CHAR.fullmatch(char) is not None


_WORD_CHAR = re.compile(r"\w")
#: Splits a text into the words patterns may start at and the stretches between them.
_WORDS = re.compile(r"((?<![\w'’-])['’]?\w[\w'-]*)")
#: What the first word of each pattern can be: "digit", a lexicon kind, or literal words.
_OPENERS = {
    "iso": ("digit",), "numeric": ("digit",),
    "year": ("digit", "fiscal", "mid", "early", "late"),
    "month_day": ("weekday", "month"), "month_year": ("month", "mid", "early", "late"),
    "month": ("month", "relative", "mid", "early", "late"),
    "day_month": ("digit", "weekday", "the"), "decade": ("digit", "the", "mid", "decades"),
    "century": ("digit", "ordinal", "the"),
    "quarter": ("digit", "ordinal", "the", "final", "last", "latest", "current", "most",
                "year-earlier", "year-ago", "q1", "q2", "q3", "q4"),
    "half": ("the", "first", "second"), "season": ("the", "relative", "season"),
    "holiday": ("holiday",), "ago": ("digit", "number", "half"),
    "relative": ("earlier", "later", "the", "relative"),
    "span": ("the", "relative", "first", "final"),
    "duration": ("digit", "number", "half", "the"),
    "plural": ("unit",),
    "weekday": ("weekday", "relative"), "pod": ("this", "last", "tomorrow", "yesterday",
                                               "tonight"),
    "deictic": ("deictic",), "clock": ("digit", "noon", "midnight"),
    "set": ("set", "every", "each", "once", "twice", "per", "number", "digit"),
}


@functools.cache
def _first_word_kinds() -> dict[str, set[str]]:
    """Lexicon kinds of the phrases each word begins (lower-cased)."""
    kinds: dict[str, set[str]] = {}
    table = read_lexicon("temporal_words")
    for word, kind in zip(table["word"], table["kind"]):
        kinds.setdefault(word.lower().split()[0], set()).add(kind)
    return kinds


@functools.cache
def _rules_by_opener() -> dict[str, set[int]]:
    """Opener (a word, a lexicon kind or "digit") -> indexes of the patterns it may start."""
    rules: dict[str, set[int]] = {}
    for index, (rule, _) in enumerate(_RULES):
        for opener in _OPENERS[rule]:
            rules.setdefault(opener, set()).add(index)
    return rules


def _rules_for(word: str) -> tuple[int, ...]:
    """Indexes of the patterns that may start with ``word`` (lower-cased), in order."""
    if word[0].isdigit() or word[0] in "'’":
        return _rules_for_number(word)
    head = _WORD_PARTS.split(word)[0]
    stem = word.rstrip("s")
    if _opening_words().isdisjoint((word, stem, head)):
        return ()  # most words: cheap to rule out, and each new word is looked up once
    first_word_kinds = _first_word_kinds()
    classes = {word, stem, head} | first_word_kinds.get(word, set()) | \
        first_word_kinds.get(stem, set()) | first_word_kinds.get(head, set())
    if stem in words("unit") or word == "centuries":
        classes.add("unit")
    rules_by_opener = _rules_by_opener()
    return tuple(sorted(set().union(*(rules_by_opener.get(c, ()) for c in classes))))


#: How a word that begins with a digit (or an apostrophe) looks when it begins each pattern
#: that may start with one: "2024-10-25", "10/25/2024", "2024", "25th of March", "1990s",
#: "21st century", "3rd-quarter", "3 years ago", "5-year", "5pm", "3 times a year". Numbers
#: are the words most often tried, and most ("2,000", "10 people") begin no expression: their
#: shape rules out half the patterns or more before any is tried.
_NUMBER_SHAPES = {
    "iso": r"\d{4}-", "numeric": r"\d{1,2}$", "year": r"\d{4}(?!\w)",
    "day_month": r"\d{1,2}(?:st|nd|rd|th)?$", "decade": r"(?:\d{3}|'\d)0'?s",
    "century": r"\d+(?:st|nd|rd|th)$", "quarter": r"\d+(?:st|nd|rd|th)(?:-|$)",
    "ago": r"\d+$", "duration": r"\d+(?:-|$)", "clock": r"[01]?\d(?:[ap]|$)", "set": r"\w+$",
}


def _rules_for_number(word: str) -> tuple[int, ...]:
    """Indexes of the patterns a word beginning with a digit may start: those whose
    :data:`_NUMBER_SHAPES` it has. When the lexicon holds a phrase that begins with a digit
    or an apostrophe, the shapes might not cover it, and every pattern that may start with
    a number is tried."""
    shapes = _number_shapes()
    return tuple(index for index in sorted(_rules_by_opener()["digit"])
                 if shapes is None or shapes[index].match(word))


#: The lexicon kinds the patterns are built from.
_PATTERN_KINDS = ("month", "weekday", "season", "number", "unit", "ordinal", "relative",
                  "part_of_day", "holiday", "deictic", "set")


@functools.cache
def _number_shapes() -> dict[int, re.Pattern] | None:
    """:data:`_NUMBER_SHAPES` compiled, by pattern index; None when the lexicon has phrases
    the patterns are built from that begin with a digit or an apostrophe."""
    if any(not word[0].isalpha() for kind in _PATTERN_KINDS for word in words(kind)):
        return None
    return {index: re.compile(_NUMBER_SHAPES[rule], re.IGNORECASE)
            for index, (rule, _) in enumerate(_RULES) if "digit" in _OPENERS[rule]}


@functools.cache
def _opening_words() -> frozenset[str]:
    """Words from which :func:`_rules_for` finds some pattern: openers, units, lexicon words."""
    return frozenset({*_rules_by_opener(), *_first_word_kinds(), *words("unit"), "centuries"})


_WORD_PARTS = re.compile(r"[-'’]")


class _Role(NamedTuple):
    """What a word can do in a time expression: the patterns it may start, and a mark.

    The mark is K for a key word (a digit, or a word every expression holds one of: a month,
    a unit, "today", ...) that may start a pattern, k for any other key word, O for a word
    that may start a pattern or stand between an expression's first word and its key word
    ("the", "last", "two"), o for one that may only start a pattern, l for one that may only
    stand between, and a space for the many words that do none of this.
    """

    rules: tuple[int, ...]  # indexes of the patterns that may start with it
    mark: str


#: No pattern puts more than this many words from its first word up to its key word
#: ("the past a couple of years", "earlier the next fiscal year").
_REACH = 5
#: Where an expression may start, in the marks of a text's words: at a key word, or at a
#: word followed by lead words up to a key word within reach. A "|" closes the marks of each
#: piece of text between two spaces (see :func:`find_candidates`).
_MAY_START = re.compile(rf"K|[Oo](?=(?:\|*[Ol]){{0,{_REACH - 1}}}\|*[Kk])")
_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies",
                 "eighties", "nineties")


@functools.cache
def _key_words() -> frozenset[str]:
    """Words of which every expression holds one (or a digit): the last word of each phrase."""
    keys = {"quarter", "half", "century", "centuries", "noon", "midnight", *_DECADE_WORDS}
    for kind in ("month", "weekday", "season", "unit", "part_of_day", "deictic", "holiday",
                 "set"):
        keys.update(phrase.split()[-1] for phrase in words(kind))
    return frozenset(keys)


@functools.cache
def _lead_words() -> frozenset[str]:
    """Words that may come before an expression's key word: openers, numbers, "of", ..."""
    lead = {"other", "times", *itertools.chain(*_OPENERS.values())}  # "every other", "twice"
    for kind in ("number", "ordinal", "relative", "deictic", "holiday", "set"):
        lead.update(itertools.chain(*(phrase.split() for phrase in words(kind))))
    return frozenset(lead)


@functools.cache
def _vocabulary_words() -> frozenset[str]:
    """Every word that has a role when it stands alone: key, lead and opening words."""
    return _key_words() | _lead_words() | _opening_words()


@functools.lru_cache(maxsize=1 << 16)
def _word_mark(word: str) -> str:
    """The mark of a word's role, the word as written: cached per spelling, so the words of a
    text need not be lower-cased one by one. Most words of a text are plain words outside the
    lexicon: they are ruled out by two look-ups, without working out their role."""
    word = word.lower()
    if word.isalpha():
        vocabulary = _vocabulary_words()
        if word not in vocabulary and word.rstrip("s") not in vocabulary:
            return " "
    return _word_role(word).mark


@functools.lru_cache(maxsize=1 << 16)
def _word_role(word: str) -> _Role:
    """The role of a (lower-cased) word."""
    plain = word.isalpha()
    keys = _key_words()
    key = any(part in keys or part.rstrip("s") in keys
              for part in ((word,) if plain else _WORD_PARTS.split(word))) or \
        not plain and any(char.isdigit() for char in word)
    rules, lead = _rules_for(word), word in _lead_words()
    if key:
        return _Role(rules, "K" if rules else "k")
    if rules:
        return _Role(rules, "O" if lead else "o")
    return _Role(rules, "l" if lead else " ")


class _PieceMarks(dict):
    """Piece of text (between two spaces) -> the marks of its words and a closing "|".

    Filled as pieces come (most pieces of news text recur: "the", "said,", "2024."), and
    emptied when it holds :data:`_MAX_PIECES`, so a corpus cannot fill memory with them.

    Example:
        >>> _PieceMarks()["(March,"], _PieceMarks()["people"], _PieceMarks()["—"]
        ('K|', ' |', '|')
    """

    def __missing__(self, piece: str) -> str:
        if len(self) >= _MAX_PIECES:
            self.clear()
        marks = self[piece] = "".join(map(_word_mark, _WORDS.findall(piece))) + "|"
        return marks


_MAX_PIECES = 1 << 16
_PIECE_MARKS = _PieceMarks()


def find_candidates(text: str) -> list[Candidate]:
    """Every time expression in ``text``, as non-overlapping candidates in text order.

    The patterns are tried only where :data:`_MAY_START` finds the marks of the words
    allow an expression: most words of a text are plain ones, and trying patterns costs
    more than looking words up. No word holds a space, so the text is cut at its spaces
    (faster than any regular expression finds words) and the marks of each piece's words
    looked up at once (see :class:`_PieceMarks`); a piece's words are only found where an
    expression may start. Pieces are plain strings, which the garbage collector does not
    track (a match object per word would make it run often).
    """
    found = []
    compiled = _compiled()
    pieces = text.split(" ")
    marks = "".join(map(_PIECE_MARKS.__getitem__, pieces))
    piece, position, counted = 0, 0, 0  # mark ``counted`` is in piece ``piece``, at ``position``
    for index in map(re.Match.start, _MAY_START.finditer(marks)):
        following = piece + marks.count("|", counted, index)  # the piece of mark ``index``
        position += len("".join(pieces[piece:following])) + following - piece  # and spaces
        piece, counted = following, index
        nth = index - marks.rfind("|", 0, index) - 1  # the word's place in its piece
        offset, rules = _piece_words(pieces[piece])[nth]
        start = position + offset
        for priority in rules:
            match = compiled[priority][1].match(text, start)
            if match is not None:
                found.append((start - match.end(), priority, start, match))
    return _settle(found, text)


@functools.lru_cache(maxsize=1 << 12)
def _piece_words(piece: str) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Where each word of a piece of text starts in it, and the patterns that may start with
    it (cached: the pieces an expression may start at recur, "the", "years", "2016,").

    Example:
        >>> [(offset, len(rules) > 0) for offset, rules in _piece_words("(March,")]
        [(1, True)]
    """
    return tuple((word.start(), _word_role(word.group().lower()).rules)
                 for word in _WORDS.finditer(piece))


def _settle(found: list[tuple[int, int, int, re.Match]], text: str) -> list[Candidate]:
    """The candidates that stay of the matches ``found`` (minus length, pattern index, start,
    match): longest first, then by pattern and position, none overlapping one kept before
    or a false friend, each plausible in its context; in text order."""
    compiled = _compiled()
    taken = _Spans(_false_friend_spans(text))
    kept = []
    for _, priority, start, match in sorted(found, key=operator.itemgetter(0, 1, 2)):
        end = match.end()
        if taken.overlaps(start, end):
            continue
        groups = {k: v for k, v in match.groupdict().items() if v is not None}
        candidate = Candidate(start, end, match.group(), compiled[priority][0], groups)
        if not _plausible(candidate, text):
            continue
        taken.add(start, end)
        kept.append(candidate)
    return sorted(kept, key=operator.attrgetter("start"))


class _Spans:
    """Spans of text that do not overlap, kept in order so that a new one is checked against
    its neighbours only."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.starts = [start for start, _ in spans]
        self.ends = [end for _, end in spans]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``start:end`` overlaps one of the spans: the last span starting before
        ``end`` is the only one that can (the spans before it end before it starts)."""
        before = bisect.bisect_left(self.starts, end)
        return before > 0 and self.ends[before - 1] > start

    def add(self, start: int, end: int) -> None:
        place = bisect.bisect_left(self.starts, start)
        self.starts.insert(place, start)
        self.ends.insert(place, end)
