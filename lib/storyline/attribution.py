"""Where the source, recipient and content sit around a reporting cue in one sentence.

The helpers of :func:`storyline.claims.claims`, kept apart so each rule can be read and
tested alone. They work on words and punctuation only (no part-of-speech tags): a source is
the noun phrase walked back from the cue to a clause boundary, content is what the cue
introduces up to the end of the sentence, or the quotation it opens.

Token ranges are ``(first, last)`` half-open token indices; character spans are
``(start, end)`` offsets into the article text.

Example:
    >>> s = Sentence.build("Mr. Lee, 82, told CNN that it failed.", 0, 0, 37,
    ...                    [(0, 3), (4, 7), (7, 8), (9, 11), (11, 12), (13, 17), (18, 21),
    ...                     (22, 26), (27, 29), (30, 36), (36, 37)], [])
    >>> s.text_of(*source_before(s, 5))
    'Mr. Lee, 82'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.quotes import OPENERS, Quote

CLOSERS = frozenset("”’\"»'")
QUOTE_MARKS = frozenset(OPENERS) | CLOSERS
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which"}
OBJECT_WORDS = {"me", "him", "her", "us", "them", "you", "reporters", "journalists",
                "lawmakers", "supporters", "voters", "congress", "parliament", "viewers"}
TIME_WORDS = {
    "today", "yesterday", "tonight", "now", "recently", "earlier", "later", "again", "also",
    "once", "previously", "repeatedly", "publicly", "privately", "then", "still", "already",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "morning", "afternoon", "evening", "night", "last", "this", "next",
    "first", "ago", "long", "reportedly", "allegedly", "separately", "further", "initially",
    "frequently", "often", "never", "always", "has", "have", "had", "will", "would", "could",
    "did", "does", "do", "is", "are", "was", "were", "been", "not", "n't", "flatly", "firmly",
    "strongly", "quickly", "immediately", "loudly", "openly", "widely", "just", "even",
    "n’t",
}
ADJUNCT_START = {"in", "on", "at", "during", "via", "through", "over", "after", "before", "of",
                 "last", "this", "earlier", "late", "early", "while", "with", "to"}
BOUNDARY = {
    "that", "but", "and", "or", "because", "while", "although", "though", "when", "if", "as",
    "since", "so", "after", "before", "where", "whether", "than", "is", "are", "was", "were",
    "be", "been", "being", "has", "have", "had", "will", "would", "could", "should", "can",
    "may", "might", "must", "not", "n't", "n’t", "said", "says", "told", "also", "then", "what",
    "how", "why", "to", "about", "nor", "yet", "once", "until", "unless", "do", "does", "did",
}
PARTICIPLE_END = re.compile(r"(?i)^\w+ing$")


@dataclass(frozen=True)
class Sentence:
    """One sentence: its tokens, their text, and which tokens lie inside a quotation."""

    text: str  # the whole article text
    sentence_id: int
    start: int
    end: int
    tokens: tuple[tuple[int, int], ...]
    words: list[str]
    lowered: list[str]
    quoted: tuple[bool, ...]
    quote_starts: frozenset[int]
    tags: tuple[str, ...] = ()

    @classmethod
    def build(cls, text: str, sentence_id: int, start: int, end: int,
              tokens, quotes: list[Quote], tags: tuple[str, ...] = ()) -> Sentence:
        words = [text[s:e] for s, e in tokens]
        # an unclosed quotation's extent is a guess: its words may still hold a cue
        inside = [q for q in quotes if q.start < end and q.end > start and q.balanced]
        quoted = tuple(any(q.start < s and e < q.end for q in inside) for s, e in tokens) \
            if inside else (False,) * len(tokens)
        return cls(text, sentence_id, start, end, tuple(tokens), words,
                   [w.lower() for w in words], quoted, frozenset(q.start for q in inside),
                   tuple(tags))

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


def _capital(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def source_before(sentence: Sentence, k: int, *, trailing: bool = False) -> tuple[int, int] | None:
    """The source's token range ending just before token ``k`` (the cue), or ``None``.

    Skips adverbs and auxiliaries ("The Kremlin today slammed"), keeps an appositive
    ("Dmitry Peskov, spokesperson for the Kremlin, insisted"). With ``trailing`` the source
    must follow a comma, quotation or dash (the "..., the WSJ reports." pattern).
    """
    words, lowered = sentence.words, sentence.lowered
    end = k
    while end > 0 and lowered[end - 1] in TIME_WORDS:
        end -= 1
    if end == 0:
        return None
    if lowered[end - 1] in PRONOUNS:
        found = (end - 1, end)
    elif words[end - 1] == ",":
        found = _appositive(sentence, end - 1)
    else:
        found = _noun_phrase_back(sentence, end)
    if found is None:
        return None
    found = _refine_with_tags(sentence, found, k)
    if found is None:
        return None
    if trailing:
        first = found[0]
        if first == 0 or not (words[first - 1] in (",", "―", "—", "–", "--", ";")
                              or words[first - 1] in CLOSERS):
            return None
    return _strip_parenthetical(sentence, found)


def _refine_with_tags(sentence: Sentence, found: tuple[int, int],
                      k: int) -> tuple[int, int] | None:
    """Correct a walked-back source with part-of-speech tags: a finite verb inside it means
    it is a clause ("Trump unleashed tweets saying": the subject is the source; "left many
    nations feeling": the object is), and "and" before it may join a longer subject ("The
    family, protesters and civic leaders have demanded")."""
    if not sentence.tags:
        return found
    first, last = found
    verbs = [m for m in range(first, last) if sentence.tag(m)[:3] in ("VBD", "VBZ", "VBP",
                                                                        "MD")]
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
    comma = next((m for m in range(first, end) if words[m] == ","), None)
    if comma is not None and sentence.tag(first) in INTRODUCTORY_TAGS and not any(
            sentence.tag(m)[:3] in ("VBD", "VBZ", "VBP", "MD") for m in range(first, comma)):
        first = comma + 1
    last = first
    while last < end and (sentence.tag(last) in NOUN_PHRASE_TAGS or (
            sentence.lowered[last] in ("and", "&", "of") and last > first)):
        last += 1
    while last > first and (sentence.lowered[last - 1] in ("and", "&", "of") or
                            sentence.tag(last - 1) in ("DT", "POS", "VBN")):
        last -= 1
    if last == first or sentence.tag(last - 1)[:2] not in ("NN", "PR", "CD"):
        return None
    return (first, last)


def _noun_phrase_back(sentence: Sentence, end: int) -> tuple[int, int] | None:
    words, lowered = sentence.words, sentence.lowered
    start = end
    while start > 0:
        word, low = words[start - 1], lowered[start - 1]
        if low == "and" or low == "&":
            if start >= 2 and start < end and _capital(words[start]) and \
                    _capital(words[start - 2]):
                start -= 1
                continue
            break
        if word == "," and start >= 2 and start < end and _capital(words[start]) and \
                _capital(words[start - 2]) and "and" in lowered[start:end]:
            start -= 1
            continue
        if low in BOUNDARY or word in QUOTE_MARKS or sentence.quoted[start - 1]:
            break
        if not (word[0].isalnum() or word in ("(", ")", "-", "’s", "'s", ".", "/")):
            break
        start -= 1
    if start == end or end - start > 14:
        return None
    while start < end and lowered[start] in (")", "-", "/", "."):
        start += 1
    return (start, end) if start < end else None


def _appositive(sentence: Sentence, comma: int) -> tuple[int, int] | None:
    """"NAME, DESCRIPTION," before a cue: the name and its description, without the comma."""
    words, lowered = sentence.words, sentence.lowered
    previous = comma - 1
    while previous > 0 and words[previous] != "," and comma - previous < 25:
        if lowered[previous] in ("said", "says", "told") or words[previous] in QUOTE_MARKS:
            return None
        previous -= 1
    if previous <= 0 or words[previous] != ",":
        return None
    if lowered[previous + 1] in BOUNDARY:
        return None
    name = _noun_phrase_back(sentence, previous)
    if name is None or not _capital(words[name[0]]) and lowered[name[0]] not in (
            "the", "a", "an", "another", "his", "her", "its", "their"):
        return None
    if PARTICIPLE_END.match(words[previous + 1]) or lowered[previous + 1] in ADJUNCT_START | {
            "through", "under", "speaking", "however", "meanwhile"}:
        return name  # "Trump, speaking in Ohio, said": an aside, not part of the source
    return (name[0], comma)


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
    if sum(1 for w in words[i:] if w[:1].isalnum()) < 2:
        return None
    return i


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
            if stop is None:
                return i if lowered[i] == "to" else n
            i = stop
            continue
        break
    return i


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
    if needs in ("to", "object"):
        end = sentence.tokens[clause_end(sentence, start) - 1][1]
    for quote in quotes:
        if content_start <= quote.start < end < quote.end:
            end = quote.end
    return strip_final(text, (content_start, end))


CLAUSE_AFTER_COMMA = {"who", "which", "while", "whereas", "according", "but", "and", "as",
                      "before", "after", "saying", "adding", "although", "though", "even"}
CLAUSE_STARTS = {"because", "while", "although", "though", "since", "after", "before", "when",
                 "whereas", "unless", "until", "despite", "even", ";", "—", "―", "--", ":"}


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
        if low in ("and", "but") and k + 1 < n and sentence.tag(k + 1)[:3] in ("VBD", "VBZ",
                                                                             "VBP", "MD"):
            return k
    while n > start + 1 and not words[n - 1][:1].isalnum() and words[n - 1] not in CLOSERS:
        n -= 1
    return n


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
            return (quote.start, quote.end)
    if words[j - 1] not in (",", "―", "—", "–", "--", ";"):
        return None
    if j < 2:
        return None
    start = sentence.start
    for quote in quotes:
        if quote.start < start < quote.end:
            start = quote.start
    end = sentence.tokens[j - 2][1]
    return (start, end) if end > start else None


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
            lowered[j] not in ADJUNCT_START | BOUNDARY or (
                lowered[j] == "of" and j + 1 < n and words[j + 1][:1].isupper())):
        j += 1
    if j == i or any(sentence.tag(k)[:3] in ("VBD", "VBZ", "VBP", "MD") for k in range(i, j)):
        return None  # "..., said the union expected ...": a clause, not a name
    if j < n and words[j] == "(" and ")" in words[j:j + 10]:
        j = words.index(")", j) + 1
    if j < n and not (words[j] in (".", ",", "!", "?", ";", ":") or words[j] in CLOSERS or
                      lowered[j] in ADJUNCT_START):
        return None  # "..., insisted the plane was safe": a clause, not a name
    if j < n and words[j] == "," and j + 1 < n and (lowered[j + 1] in ("a", "an", "the") or
                                                   words[j + 1][:1].islower()) and \
            not PARTICIPLE_END.match(words[j + 1]) and lowered[j + 1] not in ADJUNCT_START:
        end = n
        while end > j and not words[end - 1][:1].isalnum():
            end -= 1
        j = end
    return (i, j)


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
