"""Where the source, recipient and content sit around a reporting cue in one sentence.

The helpers of :func:`storyline.claims.claims`, kept apart so each rule can be read and
tested alone. They work on words and punctuation only (no part-of-speech tags): a source is
the noun phrase walked back from the cue to a clause boundary, content is what the cue
introduces up to the end of the sentence, or the quotation it opens.

Token ranges are ``(first, last)`` half-open token indices; character spans are
``(start, end)`` offsets into the article text. At the end, rules on plain text that
corroboration uses: which outlet's poll or interview a sentence names
(:func:`medium_phrases`), and whether a source is a share of people (:func:`is_share`).

Example:
    >>> s = Sentence.build("Mr. Lee, 82, told CNN that it failed.", 0, 0, 37,
    ...                    [(0, 3), (4, 7), (7, 8), (9, 11), (11, 12), (13, 17), (18, 21),
    ...                     (22, 26), (27, 29), (30, 36), (36, 37)], [])
    >>> s.text_of(*source_before(s, 5))
    'Mr. Lee, 82'
"""

from __future__ import annotations

import bisect
import calendar
import operator
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from storyline.quotes import OPENERS, Quote, overlapping

CLOSERS = frozenset("”’\"»'")
DASHES = ("―", "—", "–", "--")
QUOTE_MARKS = frozenset(OPENERS) | CLOSERS
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which"}
OBJECT_WORDS = {"me", "him", "her", "us", "them", "you", "reporters", "journalists",
                "lawmakers", "supporters", "voters", "congress", "parliament", "viewers"}
#: Auxiliaries and negations between a source and its cue ("has not said").
AUXILIARIES = {"has", "have", "had", "will", "would", "could", "did", "does", "do", "is", "are",
               "was", "were", "been", "not", "n't", "n’t"}
TIME_WORDS = {
    "today", "yesterday", "tonight", "now", "recently", "earlier", "later", "again", "also",
    "once", "previously", "repeatedly", "publicly", "privately", "then", "still", "already",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "morning", "afternoon", "evening", "night", "last", "this", "next",
    "first", "ago", "long", "reportedly", "allegedly", "separately", "further", "initially",
    "frequently", "often", "never", "always", "flatly", "firmly", "strongly", "quickly",
    "immediately", "loudly", "openly", "widely", "just", "even",
} | AUXILIARIES
ADJUNCT_START = {"in", "on", "at", "during", "via", "through", "over", "after", "before", "of",
                 "last", "this", "earlier", "late", "early", "while", "with", "to"}
BOUNDARY = {
    "that", "but", "and", "or", "because", "while", "although", "though", "when", "if", "as",
    "since", "so", "after", "before", "where", "whether", "than", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "can",
    "may", "might", "must", "not", "n't", "n’t", "said", "says", "told", "also", "then", "what",
    "how", "why", "to", "about", "nor", "yet", "once", "until", "unless", "do", "does", "did",
}
#: Words that cannot open what a cue reports: an agent or an adverbial clause follows.
#: Words that open an indirect question: the content of "asked" ("asked whether ...").
QUESTION_WORDS = {"whether", "if", "what", "how", "why", "who", "whom", "which", "when", "where"}
NOT_CONTENT = {"by", "as", "in", "up", "off"}  # "showed up late", "showed off"
PARTICIPLE_END = re.compile(r"(?i)^\w+ing$")
#: Tags of a finite verb (their first three letters).
FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its tokens, their text, and which tokens lie inside a quotation."""

    text: str  # the whole article text
    sentence_id: int
    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    lowered: list[str]
    quoted: tuple[bool, ...]
    quote_starts: frozenset[int]
    tags: tuple[str, ...] = ()
    #: :func:`_phrase_before` of each cue token asked so far (the rules for one cue ask up to
    #: three times)
    phrases: dict[int, tuple[int, int] | None] = field(default_factory=dict, compare=False,
                                                       repr=False)

    @classmethod
    def build(cls, text: str, sentence_id: int, start: int, end: int,
              tokens, quotes: list[Quote], tags: tuple[str, ...] = (), *,
              words: Sequence[str] | None = None,
              lowered: list[str] | None = None) -> Sentence:
        """A sentence of ``text``; ``quotes`` in text order, as
        :func:`storyline.quotes.quote_spans` gives them. ``words`` (each token's text) and
        ``lowered`` (the same in lower case) are taken as given when the caller has them
        already (:func:`storyline.text.parse` keeps the words)."""
        words = tuple(text[s:e] for s, e in tokens) if words is None else tuple(words)
        # an unclosed quotation's extent is a guess: its words may still hold a cue
        inside = [q for q in overlapping(quotes, start, end) if q.balanced]
        return cls(text, sentence_id, start, end, tuple(tokens), words,
                   list(map(str.lower, words)) if lowered is None else lowered,
                   _quoted(tokens, inside), frozenset(q.start for q in inside), tuple(tags))

    def tag(self, i: int) -> str:
        """Part-of-speech tag of token ``i`` ("" when the sentence was built without tags)."""
        return self.tags[i] if i < len(self.tags) else ""

    def opens(self, i: int) -> bool:
        """Token ``i`` opens a quotation."""
        return self.tokens[i][0] in self.quote_starts

    def in_quote(self, i: int) -> bool:
        return self.quoted[i]

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Character span of tokens ``first`` to ``last`` (exclusive); (-1, -1) when empty."""
        if first < 0 or last <= first:
            return (-1, -1)
        return (self.tokens[first][0], self.tokens[last - 1][1])

    def text_of(self, first: int, last: int) -> str:
        start, end = self.span(first, last)
        return self.text[start:end] if start >= 0 else ""


def _quoted(tokens, quotes: list[Quote]) -> tuple[bool, ...]:
    """For each token, whether it lies strictly inside one of ``quotes`` (tokens are in
    text order, so those inside a quotation are one run, found by bisection)."""
    quoted = [False] * len(tokens)
    for quote in quotes:
        first = bisect.bisect_right(tokens, quote.start, key=_START)
        last = bisect.bisect_left(tokens, quote.end, key=_END)
        if last > first:
            quoted[first:last] = [True] * (last - first)
    return tuple(quoted)


_START, _END = operator.itemgetter(0), operator.itemgetter(1)


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def source_before(sentence: Sentence, k: int, *, trailing: bool = False) -> tuple[int, int] | None:
    """The source's token range ending just before token ``k`` (the cue), or ``None``.

    Skips adverbs and auxiliaries ("The Kremlin today slammed"), keeps an appositive
    ("Dmitry Peskov, spokesperson for the Kremlin, insisted"). With ``trailing`` the source
    must follow a comma, quotation or dash (the "..., the WSJ reports." pattern).
    """
    if k not in sentence.phrases:
        sentence.phrases[k] = _phrase_before(sentence, k)
    found = sentence.phrases[k]
    if found is None:
        return None
    words = sentence.words
    if trailing:
        first = found[0]
        if first == 0 or not (words[first - 1] in (",", ";", *DASHES)
                              or words[first - 1] in CLOSERS):
            return None
    if _not_source_end(sentence, found[1] - 1):  # "could not resist pointing out"
        head = None if trailing else subject(sentence, found[1])
        return head if head is not None and head[1] <= found[1] else None
    return _strip_parenthetical(sentence, found)


def _phrase_before(sentence: Sentence, k: int) -> tuple[int, int] | None:
    """The pronoun, appositive or noun phrase before token ``k`` that :func:`source_before`
    checks: past time words and adverbs, without a leading "Even" and, by the tags, without
    a clause's verb."""
    words, lowered = sentence.words, sentence.lowered
    end = k if 0 < k and words[k - 1] == "," else _skip_back(sentence, k)
    if end == 0:
        return None
    appositive = words[end - 1] == ","
    if lowered[end - 1] in PRONOUNS:
        found = (end - 1, end)
    elif appositive:
        found = _appositive(sentence, end - 1)
    else:
        found = _noun_phrase_back(sentence, end)
    if found is None:
        return None
    found = (_skip_leading(sentence, *found), found[1])
    if found[0] >= found[1]:
        return None
    if not appositive:  # relative clauses in an appositive hold verbs of their own
        found = _refine_with_tags(sentence, found, k)
    return found


#: Tags of a last word that cannot end a source ("under", "resist", "faced").
NOT_SOURCE_END = {"IN", "TO", "VB", "VBD", "VBG", "RB", "CC", "("}


def _not_source_end(sentence: Sentence, m: int) -> bool:
    """Token ``m`` cannot end a source: a preposition, or a lower-case verb or adverb (a
    capitalised one is a name the tagger misread: "Ames added")."""
    tag = sentence.tag(m)
    return tag in NOT_SOURCE_END and (tag in ("IN", "TO", "CC") or
                                      not sentence.words[m][:1].isupper())


def _refine_with_tags(sentence: Sentence, found: tuple[int, int],
                      k: int) -> tuple[int, int] | None:
    """Correct a walked-back source with part-of-speech tags: a finite verb inside it means
    it is a clause ("Trump unleashed tweets saying": the subject is the source; "left many
    nations feeling": the object is), and "and" before it may join a longer subject ("The
    family, protesters and civic leaders have demanded")."""
    if not sentence.tags:
        return found
    first, last = found
    verbs = [m for m in range(first, last) if sentence.tag(m)[:3] in FINITE_TAGS
             and not NON_WORD.fullmatch(sentence.words[m])]  # "/" in "Reuters/Ipsos" as VBP
    if verbs == [first] and first + 1 < last and sentence.lowered[first].endswith("ed") and \
            sentence.tag(first + 1)[:2] in ("NN", "JJ") and (
            first == 0 or not sentence.words[first - 1][:1].isalnum()):
        verbs = []  # '"...," retired general Lee Ho said': a participle as an adjective
    if verbs:
        if sentence.tag(k) == "VBG" and sentence.words[k - 1] != ",":
            head = subject(sentence, verbs[0])
            if head is not None and head[0] >= first:
                return head
        rest = verbs[-1] + 1
        while rest < last and sentence.tag(rest) in ("RB", "IN", "TO"):
            rest += 1
        return (rest, last) if rest < last else None
    if first >= 2 and sentence.lowered[first - 1] == "and":
        head = subject(sentence, last)
        if head is not None and head[0] < first and head[1] == last:
            return head
    return found


def shared_subject(sentence: Sentence, k: int) -> tuple[int, int] | None:
    """"China lays claim to the island, and maintains that ...": a second verb joined by
    "and"/"but", or a participle after a comma ("..., accusing them of"), shares the
    subject that opens the sentence."""
    lowered, words = sentence.lowered, sentence.words
    end = k
    while end > 0 and lowered[end - 1] in TIME_WORDS:
        end -= 1
    participle = words[k].lower().endswith("ing") and end > 0 and words[end - 1] == ","
    if end == 0 or not (lowered[end - 1] in ("and", "but") or participle):
        return None
    if sentence.tags:
        return subject(sentence, end)
    first = 1 if lowered[0] in ("but", "and", "yet", "still") else 0
    if first < len(words) and lowered[first] in PRONOUNS:
        return (first, first + 1)
    last = first + (1 if lowered[first] in ("the", "a", "an") else 0)
    while last < end and _capital(words[last]) and last - first < 6:
        last += 1
    return (first, last) if last > first and _capital(words[last - 1]) else None


NON_WORD = re.compile(r"\W+")
NOUN_PHRASE_TAGS = {"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD",
                    "POS", "PRP", "VBN", "FW"}
INTRODUCTORY_TAGS = {"IN", "RB", "RBR", "WRB", "CC", "VBG", "VBN", "TO", "JJ", "DT", "CD"}


def subject(sentence: Sentence, end: int) -> tuple[int, int] | None:
    """The noun phrase that opens the sentence's main clause, by part-of-speech tags: "On
    Thursday, the former first lady and U.S. senator said" -> "the former first lady and
    U.S. senator"; an introductory phrase up to a comma is skipped."""
    words = sentence.words
    first = 0
    while first < end and (sentence.in_quote(first) or words[first] in QUOTE_MARKS or
                           words[first] == "," and first > 0):
        first += 1  # '"We can't afford it," Trump said, adding ...': after the quotation
    while first < end and sentence.lowered[first] in ("but", "and", "yet", "still", "so"):
        first += 1
    dash = next((m for m in range(first, min(end, first + 6)) if words[m] in DASHES), None)
    if dash is not None and all(words[m].isupper() or not words[m].isalnum()
                                for m in range(first, dash)):
        first = dash + 1  # a dateline: "WASHINGTON (AP) — Sen. Lee on Friday said"
    comma = next((m for m in range(first, end) if words[m] == ","), None)
    if comma is not None and sentence.tag(first) in INTRODUCTORY_TAGS and not any(
            sentence.tag(m)[:3] in FINITE_TAGS for m in range(first, comma)):
        first = comma + 1
    last = first
    while last < end and (sentence.tag(last) in NOUN_PHRASE_TAGS or (
            sentence.lowered[last] in ("and", "&", "of") and last > first)):
        last += 1
    while last > first and (sentence.lowered[last - 1] in ("and", "&", "of") or
                            sentence.tag(last - 1) in ("DT", "POS", "VBN")):
        last -= 1
    last = _trim_time(sentence, first, last)
    if last == first or sentence.tag(last - 1)[:2] not in ("NN", "PR", "CD"):
        return None
    return (first, _subject_end(sentence, last, end))


def _subject_end(sentence: Sentence, last: int, end: int) -> int:
    """Where a subject that ends its noun phrase at ``last`` really ends: with the party in
    brackets ("Sen. Ann Lee (R-Ga.)"), a prepositional phrase ("A reporter for USA Today")
    and an appositive between commas ("Clinton, the former secretary of state,") when the
    verb follows them."""
    words, lowered = sentence.words, sentence.lowered
    if last < end and words[last] == "(" and ")" in words[last + 1:min(end, last + 6)]:
        last = words.index(")", last) + 1
    if last + 1 < end and lowered[last] in ("for", "at", "from", "in", "on", "with") and \
            sentence.tag(last + 1) in NOUN_PHRASE_TAGS - {"PRP", "VBN"}:
        stop = last + 1
        while stop < end and sentence.tag(stop) in NOUN_PHRASE_TAGS - {"PRP", "VBN"}:
            stop += 1
        if stop < end and (sentence.tag(stop)[:3] in FINITE_TAGS or sentence.tag(stop) == "RB") \
                and not any(_time_word(sentence, m) for m in range(last + 1, stop)):
            last = stop  # not "The council on Friday": a date says when, not who
    if last < end and words[last] == ",":
        comma = next((m for m in range(last + 1, min(end, last + 25)) if words[m] == ","), None)
        if comma is not None and comma + 1 < len(words) and _describes(sentence, last + 1, comma) \
                and not _aside(sentence, last + 1, comma) and \
                _verb_follows(sentence, comma + 1) and \
                any(sentence.tag(m)[:2] in ("NN", "CD") for m in range(last + 1, comma)):
            last = comma
    return last


MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"}


def _time_word(sentence: Sentence, m: int) -> bool:
    """Token ``m`` names a time: "Friday", "week", "2015", "January"."""
    low = sentence.lowered[m]
    return low in TIME_WORDS or low in MONTHS or sentence.tag(m) == "CD"


def _verb_follows(sentence: Sentence, m: int) -> bool:
    """Token ``m`` is the subject's verb or an adverb before it (the tagger often calls a
    past tense after a comma a participle: "..., called for ...")."""
    tag = sentence.tag(m)
    return tag[:3] in FINITE_TAGS or tag == "RB" or tag == "VBN" and \
        sentence.words[m].isalpha() and sentence.words[m].islower()


TIME_DETERMINERS = {"this", "last", "next", "each", "every", "that"}


def _trim_time(sentence: Sentence, first: int, last: int) -> int:
    """Drop a date phrase that closes the subject ("The U.S. this month imposed ...",
    "Officials last week said") so the source is only who spoke."""
    lowered = sentence.lowered
    if last - first >= 3 and lowered[last - 1] in TIME_WORDS and \
            lowered[last - 2] in TIME_DETERMINERS:
        return last - 2
    return last


def _noun_phrase_back(sentence: Sentence, end: int) -> tuple[int, int] | None:
    words, lowered = sentence.words, sentence.lowered
    start = end
    joined = []  # "and" tokens crossed: "Developers and supporters in Congress say"
    while start > 0:
        word, low = words[start - 1], lowered[start - 1]
        if low == "and" or low == "&":
            if start >= 2 and start < end and _joins(sentence, start - 2, start):
                start -= 1
                joined.append(start)
                continue
            break
        if word == "," and start >= 2 and start < end and _joins(sentence, start - 2, start) \
                and "and" in lowered[start:end]:
            start -= 1
            continue
        if low == "to" and start >= 2 and start < end and sentence.tag(start - 2) in (
                "NNS", "NN", "JJ") and not sentence.quoted[start - 2]:
            start -= 1  # "advisers to Mr. Obama say", "those close to him say"
            continue
        if word in ("’", "'") and _plural_possessive(sentence, start - 1):
            start -= 1  # "Sanders’ aides say"
            continue
        if low in BOUNDARY or word in QUOTE_MARKS or sentence.quoted[start - 1] or \
                _before_source(sentence, start - 1, end):
            break
        if not (word[0].isalnum() or word in ("(", ")", "-", "’s", "'s", ".", "/")):
            break
        start -= 1
    start = _quantity_start(sentence, start, end)
    for conjunction in joined:  # "Trump attacked Clinton and aides said": the clause ends
        if any(sentence.tag(m)[:3] in FINITE_TAGS for m in range(start,
                                                                                conjunction)):
            start = conjunction + 1
            break
    if start == end or sum(words[m][:1].isalnum() for m in range(start, end)) > 14:
        return None  # words, not tokens: "(D-N.J.)" counts as two
    while start < end and lowered[start] in (")", "-", "/", "."):
        start += 1
    return (start, end) if start < end else None


def _plural_possessive(sentence: Sentence, m: int) -> bool:
    """Token ``m`` is the apostrophe of a plural or -s possessive ("Sanders’ aides"): glued to
    a word ending in "s" that is not inside a quotation, with a word after it."""
    tokens = sentence.tokens
    return 0 < m < len(tokens) - 1 and tokens[m - 1][1] == tokens[m][0] and \
        sentence.lowered[m - 1].endswith("s") and not sentence.quoted[m - 1] and \
        tokens[m + 1][0] > tokens[m][1] and sentence.words[m + 1][:1].isalnum()


#: Words before a number that are part of a quantity ("About 4 in 10", "more than half").
QUANTITY_MODIFIERS = (("about",), ("nearly",), ("almost",), ("roughly",), ("some",),
                      ("only",), ("around",), ("approximately",), ("more", "than"),
                      ("less", "than"), ("fewer", "than"), ("at", "least"),
                      ("as", "many", "as"))
FRACTIONS = {"half", "third", "thirds", "quarter", "quarters", "majority", "plurality"}


def _quantity_start(sentence: Sentence, start: int, end: int) -> int:
    """Where a source that opens with a number starts when a modifier comes before it:
    "About 4 in 10 say", "more than half of voters said"; otherwise ``start``."""
    lowered = sentence.lowered
    if start >= end:
        return start
    number = sentence.tag(start) == "CD" or lowered[start] in FRACTIONS or (
        lowered[start] in ("a", "an") and start + 1 < end and lowered[start + 1] in FRACTIONS)
    if not number:
        return start
    for modifier in QUANTITY_MODIFIERS:
        first = start - len(modifier)
        if first >= 0 and tuple(lowered[first:start]) == modifier:
            return first
    return start


def _before_source(sentence: Sentence, m: int, end: int) -> bool:
    """Token ``m`` ends the words before a source that starts at ``m + 1``: an object
    relative ("the mine, which Mr. Clarke says ..."), a comparison ("someone like Mr.
    Clarke"), a spaced dash ("predictable - Donald Trump has vowed") or a noun that a
    that-less relative clause follows ("the meddling the congressman said was ...")."""
    low = sentence.lowered[m]
    if low in ("which", "whom", "who", "like", "unlike"):
        return True
    if low == "-":
        start, stop = sentence.tokens[m]
        return sentence.text[start - 1:start].isspace() and sentence.text[stop:stop + 1].isspace()
    return m + 1 < end and sentence.lowered[m + 1] in ("the", "a", "an") and \
        sentence.words[m].islower() and sentence.tag(m) in ("NN", "NNS", "VBG")


def _skip_back(sentence: Sentence, k: int) -> int:
    """Where the source ends before cue ``k``: past time words, adverbs and the date phrase
    between them ("Sanders on Tuesday said", "The experts generally praised", "who in 2010
    said")."""
    lowered = sentence.lowered
    end = k
    while end > 0:
        low = lowered[end - 1]
        if low in TIME_WORDS or (sentence.tag(end - 1)[:2] == "RB" and low.isalpha()
                                 and sentence.words[end - 1].islower()) or YEAR.match(low):
            end -= 1
        elif end < k and low in ("on", "in", "at", "since", "by"):
            end -= 1
        else:
            break
    if end > 0 and sentence.tag(end - 1) == "VBN" and any(
            _time_word(sentence, m) and lowered[m] not in AUXILIARIES for m in range(end, k)):
        return k  # "A report released last year found": the date tells which report
    return end


YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
LEADING_ADVERBS = {"even", "perhaps", "maybe", "also", "now", "indeed", "instead", "still",
                   "meanwhile", "yet", "so", "then", "however", "say"}
#: Words that join a clause to the one before it and so cannot open a source ("..., with
#: polls showing", "whereas Lee argued").
LEADING_LINKS = {"with", "whereas", "alongside", "along"}


def _skip_leading(sentence: Sentence, first: int, last: int) -> int:
    """Drop a leading "Even", "Perhaps", "Say" or "with" from a source ("Even China said",
    "..., with Cruz calling for ...")."""
    while first < last - 1 and (sentence.lowered[first] in LEADING_ADVERBS and sentence.tag(
            first)[:2] in ("RB", "VB", "CC", "") or sentence.lowered[first] in LEADING_LINKS):
        first += 1
    return first


RELATIVE_STARTS = {"who", "whose", "which", "whom"}
ASIDE_STARTS = (ADJUNCT_START - {"of"}) | {"through", "under", "speaking", "however",
                                         "meanwhile"}


def _joins(sentence: Sentence, left: int, right: int) -> bool:
    """Words ``left`` and ``right`` around "and" or a list comma are parts of one subject:
    both names ("Cruz and Rubio"), or by their tags nouns ("protesters and civic leaders")."""
    words = sentence.words
    if words[left] == ")" and "(" in words[max(0, left - 6):left]:
        # "Jon Tester (D-Mont.) and Ann Vitter": the word before the brackets
        left = max(m for m in range(max(0, left - 6), left) if words[m] == "(") - 1
        if left < 0:
            return False
    if _capital(words[left]) and _capital(words[right]):
        return True
    return sentence.tag(left)[:2] in ("NN", "PR") and sentence.tag(right)[:2] in (
        "NN", "DT", "JJ", "PR", "CD")


def _appositive(sentence: Sentence, comma: int) -> tuple[int, int] | None:
    """"NAME, DESCRIPTION, [DESCRIPTION,] cue": the name and its descriptions without the
    last comma ("Jo Kim, 59, of Ashton, Md., said"; "Jo Kim, who chairs the panel, said").
    A leading aside ("Trump, speaking in Ohio, said") is not part of the source."""
    words, lowered = sentence.words, sentence.lowered
    segments = []  # (first token, comma after it), right to left
    right = comma
    while len(segments) < 5:
        previous = right - 1
        while previous > 0 and words[previous] != "," and comma - previous < 40:
            if lowered[previous] in ("said", "says", "told") or words[previous] in QUOTE_MARKS:
                break
            previous -= 1
        if previous <= 0 or words[previous] != ",":
            break
        segments.append((previous + 1, right))
        right = previous
    if not segments or lowered[segments[0][0]] in BOUNDARY:
        return None
    if _aside(sentence, *segments[0]):
        name = _name_before(sentence, segments[0][0] - 1)
        return name  # "Trump, speaking in Ohio, said": an aside, not part of the source
    source = None
    for number, (first, last) in enumerate(segments):
        if not _describes(sentence, first, last):
            break
        name = _name_before(sentence, first - 1)
        if name is not None:
            source = (name[0], comma)
        head = _noun_phrase_back(sentence, first - 1)
        if head is None or number + 1 == len(segments) or (
                name is not None and segments[number + 1][0] != head[0]):
            break  # the name opens the clause: no further description before it
    return source


#: Phrases between commas that link the sentence to the story, not describe the subject
#: ("The mayor, for her part, said").
DISCOURSE_ASIDES = {"for his part", "for her part", "for its part", "for their part",
                    "for example", "for instance", "for one", "by contrast", "in contrast",
                    "of course", "in turn", "too", "likewise", "similarly", "in particular"}


def _aside(sentence: Sentence, first: int, last: int) -> bool:
    """The phrase of tokens ``first`` to ``last`` between commas tells what the subject did,
    not who it is ("speaking in Ohio", "in a statement", "for her part"); "including ..."
    still names it."""
    low = sentence.lowered[first]
    return low in ASIDE_STARTS or PARTICIPLE_END.match(low) is not None and \
        low != "including" or " ".join(sentence.lowered[first:last]) in DISCOURSE_ASIDES


def _name_before(sentence: Sentence, comma: int) -> tuple[int, int] | None:
    """The noun phrase that ends at ``comma``, when it looks like a name or a description."""
    name = _noun_phrase_back(sentence, comma)
    if name is None or sentence.lowered[name[0]] in ASIDE_STARTS or any(
            _verb(sentence, m) for m in range(*name)):
        return None
    if not _capital(sentence.words[name[0]]) and sentence.lowered[name[0]] not in (
            "the", "a", "an", "another", "his", "her", "its", "their", "one"):
        return None
    return name


def _verb(sentence: Sentence, m: int) -> bool:
    """Token ``m`` is a verb, not a participle used as an adjective ("retired general")."""
    tag = sentence.tag(m)
    return tag[:3] in FINITE_TAGS or tag in ("VBN", "VBG", "VB") and not (
        m + 1 < len(sentence.words) and sentence.tag(m + 1)[:2] in ("NN", "JJ"))


def _describes(sentence: Sentence, first: int, last: int) -> bool:
    """Tokens ``first`` to ``last`` read as an appositive: a noun phrase ("a spokesman for
    the union"), an age, a place ("of Ashton", "Md.") or a relative clause ("who ...")."""
    lowered = sentence.lowered
    if last <= first or last - first > 30 or lowered[first] in BOUNDARY | ASIDE_STARTS:
        return False
    if lowered[first] in RELATIVE_STARTS | {"of"} or sentence.words[first][:1].isdigit():
        return True
    finite = [m for m in range(first, last) if sentence.tag(m)[:3] in FINITE_TAGS]
    return not finite or any(lowered[m] in RELATIVE_STARTS | {"that"}
                             for m in range(first, finite[0]))


def _strip_parenthetical(sentence: Sentence, found: tuple[int, int]) -> tuple[int, int]:
    """"President Lai (pictured) said": drop a trailing lower-case aside."""
    first, last = found
    if last - first >= 3 and sentence.words[last - 1] == ")":
        opening = last - 1
        while opening > first and sentence.words[opening] != "(":
            opening -= 1
        if opening > first and sentence.words[opening + 1][:1].islower():
            return (first, opening)
    return found


def right_content_start(sentence: Sentence, after: int, *, needs: str) -> int | None:
    """Token index where content after a cue starts ("said (Thursday) that ..."), else None.

    ``len(words)`` means "the content is the next quotation or paragraph" (``X said:``).
    """
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    if needs == "question":  # "asked whether ...", "asked that ..." (not "asked X to act")
        i = after
        while i < n and lowered[i] in TIME_WORDS:
            i += 1
        if i < n and (lowered[i] == "that" or sentence.opens(i)):
            return i if _two_words_from(words, i) else None
        for m in range(i, min(n, i + 5)):  # "asked (the governor) if she would run"
            if lowered[m] in QUESTION_WORDS:
                return m if _two_words_from(words, m) else None
            if lowered[m] in BOUNDARY or not words[m][:1].isalnum():
                break
        return None
    if needs == "to":  # "declined to comment", "wants his party to win"
        i = after
        while i < n and lowered[i] in TIME_WORDS:
            i += 1
        for m in range(i, min(n, i + 6)):
            if lowered[m] == "to":
                return i if m + 1 < n and words[m + 1][:1].isalpha() else None
            if lowered[m] in BOUNDARY or not words[m][:1].isalnum():
                break
        return None
    i = _skip_adjuncts(sentence, after)
    if i >= n or words[i] in (".", "!", "?", ")"):
        return None
    if words[i] == ":":
        return i + 1
    if words[i] == ",":
        return i + 1 if i + 1 < n and sentence.opens(i + 1) else None
    if needs == "that" and lowered[i] != "that" and not sentence.opens(i):
        return None
    if lowered[i] in NOT_CONTENT:
        return None  # "is supported by ...", "said as he entered the hall"
    if not _two_words_from(words, i):
        return None
    return i


def _two_words_from(words: Sequence[str], i: int) -> bool:
    """At least two words (not punctuation) from token ``i`` on; stops at the second."""
    found = 0
    for m in range(i, len(words)):
        if words[m][:1].isalnum():
            found += 1
            if found == 2:
                return True
    return False


def _skip_adjuncts(sentence: Sentence, i: int) -> int:
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    while i < n:
        if lowered[i] in TIME_WORDS:
            i += 1
            continue
        if lowered[i] == "to" and i + 1 < n and sentence.tag(i + 1) == "VB":
            break  # "vowed to fight": the infinitive is the content
        if lowered[i] in ADJUNCT_START:
            stop = next((m for m in range(i + 1, min(n, i + 16))
                         if lowered[m] in (",", "that", ":", ".") or sentence.opens(m)), None)
            if stop is None or words[stop] == ".":
                clause = _clause_after_phrase(sentence, i)
                if clause is not None:  # "said on Monday the man was armed"
                    return clause
            if stop is None:
                return i if lowered[i] == "to" else n
            i = stop
            continue
        break
    return i


PHRASE_TAGS = {"DT", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "CD", "POS", "PRP$"}
SUBJECT_TAGS = {"DT", "PRP", "NNP", "NNPS", "NNS", "NN", "PRP$", "CD", "JJ"}


def _clause_after_phrase(sentence: Sentence, i: int) -> int | None:
    """Where a that-less clause starts after the phrase opened by preposition ``i``: "said
    after the convention he would not ..." -> "he"; None when no subject and verb follow."""
    n = len(sentence.words)
    j = i + 1
    while j < n and j - i < 8 and sentence.tag(j) in PHRASE_TAGS and not (
            sentence.tag(j) in ("DT", "PRP$") and sentence.tag(j - 1)[:2] in ("NN", "CD")):
        j += 1
    if j == i + 1 or j >= n or sentence.tag(j) not in SUBJECT_TAGS:
        return None
    verb = next((m for m in range(j + 1, min(n, j + 8))
                 if sentence.tag(m)[:3] in FINITE_TAGS), None)
    if verb is None or any(sentence.words[m] in (",", ".", ";") for m in range(j, verb)):
        return None
    return j


def has_right_content(sentence: Sentence, after: int, *, needs: str) -> bool:
    """True when the cue at ``after`` is followed by what it reports."""
    return right_content_start(sentence, after, needs=needs) is not None


def content_after(sentence: Sentence, after: int, quotes: list[Quote], *,
                  needs: str = "") -> tuple[int, int]:
    """Character span of the content after a cue, to the end of the sentence or quotation."""
    start = right_content_start(sentence, after, needs=needs)
    start = after if start is None else start
    text = sentence.text
    if start >= len(sentence.words):  # "X said:" and the quotation follows
        following = len(text[:sentence.end]) + len(text[sentence.end:]) - len(
            text[sentence.end:].lstrip())
        quote = next((q for q in quotes if q.start == following), None)
        if quote is not None:
            return (quote.start, quote.end)
        line_end = text.find("\n", following)
        return strip_final(text, (following, len(text) if line_end < 0 else line_end))
    content_start = sentence.tokens[start][0]
    end = sentence.end
    if needs in ("to", "question") or needs == "object" and sentence.lowered[start] != "that":
        end = sentence.tokens[clause_end(sentence, start) - 1][1]
    elif not sentence.opens(start):
        end = sentence.tokens[report_end(sentence, start) - 1][1]
    around = overlapping(quotes, end, end)  # the quotation, if any, that ``end`` lies inside
    if around and content_start <= around[0].start:
        end = around[0].end  # content that opens a quotation runs to its close
    return strip_final(text, (content_start, end))


CLAUSE_AFTER_COMMA = {"who", "which", "while", "whereas", "according", "but", "and", "as",
                      "before", "after", "saying", "adding", "although", "though", "even"}
CLAUSE_STARTS = {"because", "while", "although", "though", "since", "after", "before", "when",
                 "whereas", "unless", "until", "despite", "even", "during", ";", "—", "―", "--",
                 ":"}


def clause_end(sentence: Sentence, start: int) -> int:
    """Token index where the clause that starts at ``start`` ends: the object of "endorsed"
    or "declined to" stops at "..., who", "because ...", "and said ..." (a new verb)."""
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    for k in range(start + 1, n):
        if sentence.in_quote(k):
            continue
        low = lowered[k]
        if low in CLAUSE_STARTS:
            return k
        if words[k] == "," and k + 1 < n and (lowered[k + 1] in CLAUSE_AFTER_COMMA or
                                              PARTICIPLE_END.match(words[k + 1])):
            return k
        if low in ("and", "but") and k + 1 < n and sentence.tag(k + 1)[:3] in FINITE_TAGS:
            return k
    while n > start + 1 and not words[n - 1][:1].isalnum() and words[n - 1] not in CLOSERS:
        n -= 1
    return n


#: Words after a comma that open a clause of the writer's own, not more of what was said.
ASIDE_AFTER_COMMA = {"although", "though", "whereas", "while"}


def report_end(sentence: Sentence, start: int) -> int:
    """Token index where reported speech that starts at ``start`` ends: at a semicolon, a
    comma before "although" or "while" ("said it would grow, although analysts doubt it"),
    or a comma and "and"/"but" opening a clause of its own ("..., and the bank said ...").
    Words inside quotation marks never end it."""
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    for k in range(start + 1, n - 1):
        if sentence.in_quote(k) or sentence.in_quote(k + 1):
            continue
        if words[k] == ";" or words[k] == "," and lowered[k + 1] in ASIDE_AFTER_COMMA:
            return k
        if words[k] == "," and lowered[k + 1] in ("and", "but") and _new_clause(sentence, k + 2):
            return k
    while n > start + 1 and not words[n - 1][:1].isalnum() and words[n - 1] not in CLOSERS:
        n -= 1
    return n


def _new_clause(sentence: Sentence, first: int) -> bool:
    """A subject and a finite verb start at token ``first`` ("..., and the bank said")."""
    for m in range(first, min(len(sentence.words), first + 6)):
        tag = sentence.tag(m)
        if tag[:3] in FINITE_TAGS:
            return m > first
        if tag not in SUBJECT_TAGS and tag != "POS":  # "the bank's chief said"
            return False
    return False


def content_before(sentence: Sentence, stop: int, quotes: list[Quote]) -> tuple[int, int] | None:
    """Content before a trailing source or cue at token ``stop``: "Rivers rose, X said"."""
    words = sentence.words
    j = stop
    if j == 0:
        return None
    if words[j - 1] in CLOSERS or (j >= 2 and words[j - 1] == "," and words[j - 2] in CLOSERS):
        close = sentence.tokens[j - 1 if words[j - 1] in CLOSERS else j - 2][1]
        quote = next((q for q in quotes if q.end == close), None)
        if quote is not None:
            return (_mixed_start(sentence, quote.start), quote.end)
    if words[j - 1] not in (",", ";", *DASHES):
        return None
    if j < 2:
        return None
    start = sentence.start
    for quote in quotes:
        if quote.start < start < quote.end:
            start = quote.start
    end = sentence.tokens[j - 2][1]
    return (start, end) if end > start else None


#: Tags of a word that opens an introductory phrase ("During the debate", "More recently").
ADJUNCT_TAGS = {"IN", "RB", "RBR", "VBG", "TO"}


def scene_only(sentence: Sentence, stop: int) -> bool:
    """The words before token ``stop`` are an introductory phrase without a verb of its own
    ("During the debate, Trump attacked ...", "In an interview on "Face the Nation," Ryan
    said ..."): scene-setting, not what the source said. A quotation of more than five
    words in it is speech ("As for cost, 'it will ...,' Lee said")."""
    if sentence.opens(0) or sentence.in_quote(0) or sentence.lowered[0] in (
            "not", "never", "no") or not (
            sentence.tag(0) in ADJUNCT_TAGS or sentence.lowered[0] in ADJUNCT_START):
        return False
    quoted = sum(sentence.in_quote(m) and sentence.words[m][:1].isalnum() for m in range(stop))
    return quoted <= 5 and not any(sentence.tag(m)[:3] in FINITE_TAGS
                                   for m in range(stop) if not sentence.in_quote(m))


def _mixed_start(sentence: Sentence, start: int) -> int:
    """Where content ending in a quotation starts: the sentence start when the quotation
    finishes the writer's own words ('Clinton "is the only candidate," Lee said.')."""
    lead = sentence.text[sentence.start:start]
    if start <= sentence.start or not lead.strip() or any(c in lead for c in QUOTE_MARKS) or \
            re.search(r"(?i)\b(?:said|says|told|according)\b", lead):
        return start
    return sentence.start


def middle_content_end(sentence: Sentence, after: int, end: int) -> int:
    """"Lenox thrived, Mr. Clarke said, until it went bankrupt.": when the sentence goes on
    after a comma, the content runs to its end (covering the source and cue)."""
    words = sentence.words
    i = _skip_adjuncts(sentence, after)
    if i + 2 < len(words) and words[i] == "," and not PARTICIPLE_END.match(words[i + 1]) \
            and sentence.lowered[i + 1] not in ("according", "who", "which") \
            and not sentence.opens(i + 1):
        return strip_final(sentence.text, (sentence.tokens[i + 1][0], sentence.end))[1]
    return end


def as_clause(sentence: Sentence, source: tuple[int, int], after: int) -> tuple[int, int] | None:
    """"..., as police have said." / "Hawaii, as one adviser pointed out, rarely ...": the
    content is the rest of the sentence (covering the aside when it sits in the middle)."""
    words, lowered = sentence.words, sentence.lowered
    first = source[0] - 1
    if first < 0 or lowered[first] != "as" or (first > 0 and words[first - 1] != ","):
        return None
    end = _skip_adjuncts(sentence, after)
    at_end = end >= len(words) or words[end] in (".", "!", "?", ";")
    if first == 0:
        if end >= len(words) or words[end] != "," or end + 1 >= len(words):
            return None
        return strip_final(sentence.text, sentence.span(end + 1, len(words)))
    if at_end:
        return strip_final(sentence.text, sentence.span(0, first - 1))
    return strip_final(sentence.text, sentence.span(0, len(words)))


def inverted_source(sentence: Sentence, first: int, last: int, *,
                    opening: bool = False) -> tuple[int, int] | None:
    """"..., said Peskov." and "'...,' said Dmitry Peskov, the Kremlin spokesman.": the name
    after the cue, when a comma or closing quotation comes before the cue (or, with
    ``opening``, when the cue opens a sentence that follows a quotation)."""
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    if not opening and (first == 0 or not (words[first - 1] == "," or
                                           words[first - 1] in CLOSERS)):
        return None
    i = last
    while i < n and lowered[i] in TIME_WORDS:
        i += 1
    if i >= n or not (_capital(words[i]) or lowered[i] in ("the", "a", "an", "one", "another")):
        return None
    j = i
    while j < n and (words[j][:1].isalnum() or lowered[j] in ("'s", "’s")) and j - i < 10 and (
            lowered[j] not in ADJUNCT_START | BOUNDARY or _of_name(sentence, j)):
        j += 1
    if j == i or any(sentence.tag(k)[:3] in FINITE_TAGS for k in range(i, j)):
        return None  # "..., said the union expected ...": a clause, not a name
    if j < n and words[j] == "(" and ")" in words[j:j + 10]:
        j = words.index(")", j) + 1
    if j < n and not (words[j] in (".", ",", "!", "?", ";", ":") or words[j] in CLOSERS or
                      lowered[j] in ADJUNCT_START):
        return None  # "..., insisted the plane was safe": a clause, not a name
    if j + 1 < n and lowered[j] in ("in", "on") and lowered[j + 1] == "the":
        j = _group_phrase_end(sentence, j)  # "said one source in the room"
    if j < n and words[j] == "," and j + 1 < n and not PARTICIPLE_END.match(words[j + 1]) \
            and lowered[j + 1] not in (ADJUNCT_START - {"of"}) | {"according"} and (
            lowered[j + 1] in ("a", "an", "the") or words[j + 1][:1].islower() or
            _description_to_end(sentence, j + 1)):
        end = n
        while end > j and not words[end - 1][:1].isalnum():
            end -= 1
        aside = next((m for m in range(j + 1, end - 2) if words[m] == "," and lowered[m + 1] in (
            "in", "on", "at") and lowered[m + 2] in ("a", "an")), None)
        j = end if aside is None else aside  # "..., the senator, in a statement."
    return (i, j)


def _group_phrase_end(sentence: Sentence, j: int) -> int:
    """Where "in the room" or "on the panel" ends when it closes the sentence after an
    inverted source: it says which source ("said one aide on the panel"); else ``j``."""
    words = sentence.words
    m = j + 2
    while m < len(words) and words[m].isalpha() and words[m].islower() and \
            sentence.tag(m)[:2] in ("NN", "JJ") and not _time_word(sentence, m):
        m += 1
    if m > j + 2 and sentence.tag(m - 1)[:2] == "NN" and (
            m == len(words) or words[m] in (".", "!", "?") or words[m] in CLOSERS):
        return m
    return j


def _of_name(sentence: Sentence, j: int) -> bool:
    """"of" joins a name to an organisation or place: "Mr. Burman of the Tax Policy
    Center", "Senator Coons of Delaware"."""
    words = sentence.words
    if sentence.lowered[j] != "of" or j + 1 >= len(words):
        return False
    name = j + 2 if sentence.lowered[j + 1] == "the" else j + 1
    return name < len(words) and words[name][:1].isupper()


def _description_to_end(sentence: Sentence, first: int) -> bool:
    """Tokens from ``first`` to the end of the sentence describe a name ("..., Democrat of
    Indiana.", "..., 30, a nurse.", "..., Jo Ann Lee."): no verb and no quotation."""
    rest = range(first, len(sentence.words))
    return len(rest) <= 25 and not any(
        sentence.tag(m)[:2] == "VB" or sentence.opens(m) or sentence.in_quote(m) for m in rest)


def recipient_after(sentence: Sentence, k: int) -> tuple[tuple[int, int], int]:
    """Who was told ("told the Wall Street Journal that"), and where the content starts."""
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    if k >= n or lowered[k] == "that" or not words[k][:1].isalnum():
        return (-1, -1), k
    if lowered[k] in OBJECT_WORDS:
        return (k, k + 1), k + 1
    j = k + 1 if lowered[k] in ("the", "a", "an", "his", "her", "its", "their") else k
    run = j
    while run < n and (_capital(words[run]) or (lowered[run] in ("of", "for", "on") and
                                                run + 1 < n and _capital(words[run + 1]))):
        run += 1
    if run > j:
        return (k, run), run
    stop = next((m for m in range(k + 1, min(n, k + 5)) if lowered[m] in ("that", ",", ":")
                 or sentence.opens(m)), None)
    if stop is not None:
        return (k, stop), stop
    return (-1, -1), k


def source_after_phrase(sentence: Sentence, k: int) -> tuple[int, int] | None:
    """The source after "according to": up to a comma or the end of the sentence."""
    words, lowered = sentence.words, sentence.lowered
    n = len(words)
    j = k
    while j < n and words[j] not in (",", ".", ";", ":") and lowered[j] != "that" and \
            not sentence.opens(j) and j - k < 15:
        j += 1
    while j > k and not words[j - 1][:1].isalnum() and words[j - 1] != ")":
        j -= 1
    return (k, j) if j > k else None


_DASH_SIGNATURE = re.compile(
    r"[ \t\u00a0]*(―|—|–|--)[ \t\u00a0]*([A-Z][\w.’'-]*(?:[ \t\u00a0]+[A-Z][\w.’'-]*){0,4})"
    r"[ \t\u00a0.]*(?:\n|$)")


def dash_source(text: str, position: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """A quotation signed on its own line: '"...” ― Sonya Herridge' (cue, source spans)."""
    match = _DASH_SIGNATURE.match(text, position)
    if match is None:
        return None
    return match.span(1), match.span(2)


def strip_final(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Drop trailing spaces and sentence punctuation (a closing quotation mark stays)."""
    start, end = span
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:"):
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return (start, end)


#: What an outlet runs or gives that a claim comes from, wherever the sentence names it: "a
#: CNN poll", "an interview with the AP".
MEDIA = r"(?i:(?:exit\s+)?polls?|surveys?|interviews?)"
#: What an outlet publishes: a claim comes from it only when it is the claim's source ("a
#: Reuters analysis found"), not when the sentence mentions it ("After the Times report, ...").
REPORTS = r"(?i:reports?|analysis|investigation|story)"
_DATE_NAMES = "|".join([*calendar.day_name, *calendar.month_name[1:]])
_NAME_WORD = rf"(?!(?:{_DATE_NAMES})\b)[A-Z][\w.&'’]*"
#: Capitalised words (and numbers after the first) joined by spaces, "and", "&", "of", "/" or
#: "-": "the New York Times and ABC News", "Wall Street Journal/NBC News", "Channel 4".
_NAME = rf"{_NAME_WORD}(?:(?:\s+(?:and\s+|&\s+|of\s+)?|/|-)(?:{_NAME_WORD}|\d+\b))*"


def _medium_pattern(media: str) -> re.Pattern:
    return re.compile(
        rf"\b{media}\s+(?:(?:conducted|carried\s+out|released|published)\s+)?"
        rf"(?:by|with|for|on)\s+(?:the\s+)?(?P<after>{_NAME})"
        rf"|(?P<before>{_NAME})\s+{media}\b")


_MEDIUM = _medium_pattern(MEDIA)
_MEDIUM_OR_REPORT = _medium_pattern(f"(?:{MEDIA}|{REPORTS})")


def medium_phrases(text: str, *, reports: bool = False
                   ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """The polls and interviews in ``text`` (with ``reports``, also reports, analyses and
    investigations) that name who ran or gave them, as (phrase span, name span): "said in an
    interview with the Associated Press", "In a poll conducted by the Gazette and Channel
    5", "a Gazette poll found". The name may be a person or a pollster; :func:`name_parts`
    splits it into the names it joins.

    Example:
        >>> text = "Rents will rise, she said in an interview with the Gazette on Monday."
        >>> [text[a:b] for _, (a, b) in medium_phrases(text)]
        ['Gazette']
        >>> text = "A new Herald/Channel 5 poll found the mayor ahead."
        >>> [text[a:b] for (a, b), _ in medium_phrases(text)]
        ['Herald/Channel 5 poll']
    """
    found = []
    for match in (_MEDIUM_OR_REPORT if reports else _MEDIUM).finditer(text):
        group = "after" if match.group("after") else "before"
        found.append((match.span(), match.span(group)))
    return found


_JOINS = re.compile(r"\s+(?:and|&)\s+|/|-|['’]s\b")
_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


def name_parts(name: str) -> list[str]:
    """``name`` whole, then the names it joins with "and", "&", "/" or "-" and the owner
    before a possessive, without a leading article or a final dot: the outlets to look up.

    Example:
        >>> name_parts("Washington Post-ABC News")
        ['Washington Post-ABC News', 'Washington Post', 'ABC News']
        >>> name_parts("CNN's State of the Union")
        ["CNN's State of the Union", 'CNN', 'State of the Union']
    """
    whole = _ARTICLE.sub("", name.strip().rstrip("."))
    parts = [_ARTICLE.sub("", part.strip()) for part in _JOINS.split(whole)]
    return list(dict.fromkeys([whole, *(part for part in parts if part)]))


_SHARE = re.compile(
    r"(?i)^(?:(?:only|just|about|nearly|almost|roughly|around|some|more|fewer|less|than|at|"
    r"least|over|under)\s+)*(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"half|a\s+(?:third|quarter|fifth|majority|plurality)|(?:a\s+|the\s+)?majority)\b")


def is_share(source: str) -> bool:
    """``source`` is a share or a count of people, as a poll reports them ("46 percent of
    voters", "Two-thirds of Republicans", "Only 24 percent", "a majority of adults").

    Example:
        >>> is_share("Just 31 percent of renters"), is_share("Three in 10")
        (True, True)
        >>> is_share("Mayor Jo Ames")
        False
    """
    return _SHARE.match(source.strip()) is not None
