"""NLTK's Punkt sentence splitter, deciding the common candidate breaks itself.

Punkt finds each candidate break (".", "?" or "!" before a space or a quote mark), cuts the
words around it into token objects and runs its two annotation passes over them: that is
most of the time it takes. Most candidates need none of that, as Punkt's own rules settle
them from the characters alone:

* "?" or "!" always ends a sentence;
* a word of letters (or letters with inner dots: "U.S", "a.m"), not a known abbreviation,
  then "." ("said.", "officials.”", "D.C.”") ends one, unless the word starts one of
  Punkt's collocations (we leave those to Punkt);
* a known abbreviation then a word of letters or digits ("Mr. Obama", "Sen. Warren",
  "U.S. officials", "Sept. 11", also with a clitic, quote mark or comma after it:
  "Mr. Obama’s") ends one only if the next word is capitalised and is, by Punkt's
  statistics, a sentence starter or a word seen in lower case but never capitalised inside
  a sentence;
* an initial Punkt knows as an abbreviation, then such a word ("J. Blige", "R. Biden,"),
  never ends one.

Everything else (other initials, numbers, ellipses, other punctuation) goes to Punkt's own
code.
The steps around the decisions (finding candidates and their contexts, moving a closing
quote onto the sentence it ends) are NLTK's, written as plain loops over lists.
``tests/test_punkt.py`` checks the sentences are NLTK's.

Example:
    >>> splitter = FastPunkt("english")
    >>> list(splitter.span_tokenize("Mr. Lee left. He said: “Why?” Then he stopped."))
    [(0, 13), (14, 29), (30, 46)]
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from itertools import repeat

import nltk
from nltk.tokenize.punkt import _ORTHO_LC, _ORTHO_MID_UC


class FastPunkt(nltk.tokenize.PunktTokenizer):
    """A Punkt sentence splitter (same model, same sentences) that settles common candidate
    breaks without Punkt's token objects; see the module docstring."""

    def __init__(self, lang: str = "english") -> None:
        super().__init__(lang)
        # a word of letters (maybe with inner dots: "U.S"), the end mark, and what may
        # follow it in a candidate's context
        word = r"[^\W\d_]+(?:\.[^\W\d_]+)*"
        after = rf"(?=\s|{self._lang_vars._re_non_word_chars})"
        self._word_then_end = re.compile(rf"((?:{word})?)([.?!]){after}")
        # the word after an abbreviation is Punkt's next token up to a character that cannot
        # be in a word ("Obama’s", "Obama,"), if nothing after it can end a sentence
        non_word = self._lang_vars._re_non_word_chars
        self._abbreviation_then_word = re.compile(
            rf"({word})\.\s+([^\W_]+)(?:(?={non_word})[^.?!]*|,)?")
        self._collocation_starts = {first for first, _ in self._params.collocations}
        self._closing = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
        self._candidates = _candidate_pattern(self._lang_vars)
        self._realignment = _realignment_pattern(self._lang_vars)

    def span_tokenize(self, text: str,
                      realign_boundaries: bool = True) -> Iterator[tuple[int, int]]:
        """Punkt's sentence spans of ``text``: NLTK's own steps (candidate breaks, their
        contexts, closing quotes moved onto the sentence before), in one loop each."""
        slices = self._breaks(text)
        if realign_boundaries:
            slices = self._realigned(text, slices)
        return iter(slices)

    def _contexts(self, text: str) -> list[tuple[re.Match, str]]:
        """Each candidate break with its context: the word before it (back to a space, but
        not into the previous candidate's word), the mark, and what follows it."""
        found = []
        previous = None
        previous_start = previous_stop = 0
        for match in self._candidates.finditer(text):
            at = match.start()
            # the last ASCII space after the previous candidate, unless it is right there
            space = max(map(text.rfind, string.whitespace, repeat(previous_stop), repeat(at)))
            start = space + 1 if space > previous_stop else previous_start
            if previous is not None and previous_stop <= start:
                found.append((previous, text[previous_start:previous_stop] +
                              previous.group() + previous.group("after_tok")))
            previous, previous_start, previous_stop = match, start, at
        if previous is not None:
            found.append((previous, text[previous_start:previous_stop] +
                          previous.group() + previous.group("after_tok")))
        return found

    def _breaks(self, text: str) -> list[tuple[int, int]]:
        """Sentence spans before realignment: a break after each candidate whose context
        holds one; a sentence ends at its mark and the next starts at its next word."""
        spans = []
        last = 0
        for match, context in self._contexts(text):
            if self.text_contains_sentbreak(context):
                spans.append((last, match.end()))
                following = match.start("next_tok")
                last = following if following >= 0 else match.end()
        spans.append((last, len(text.rstrip())))
        return spans

    def _realigned(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Spans with the closing quotes and brackets that start a sentence moved onto the
        end of the sentence before ('He left.” Then' ends after the quote), and empty ones
        left out."""
        realignment = self._realignment
        closing = self._closing
        found = []
        shift = 0
        for (start, end), following in zip(spans, [*spans[1:], None]):
            start += shift
            if following is None:
                if start < end:
                    found.append((start, end))
                continue
            match = None
            if text[following[0]:following[0] + 1] in closing:
                match = realignment.match(text, *following)
            if match:
                found.append((start, following[0] + len(match.group(0).rstrip())))
                shift = match.end() - following[0]
            else:
                shift = 0
                if start < end:
                    found.append((start, end))
        return found

    def text_contains_sentbreak(self, text: str) -> bool:
        """Whether a candidate's context (the word before the mark, the mark, what follows)
        holds a sentence break, as Punkt decides it."""
        decided = self._settled(text)
        return super().text_contains_sentbreak(text) if decided is None else decided

    def _settled(self, context: str) -> bool | None:
        """Punkt's decision where its rules settle it from the characters, else None."""
        match = self._word_then_end.match(context)
        if not match:
            return None
        word, mark = match.groups()
        if mark != ".":
            return True
        params = self._params
        lower = word.lower()
        known = lower in params.abbrev_types
        if len(word) == 1 and known:
            # Punkt only ever takes a break away from a known initial ("J. Blige")
            return False if self._abbreviation_then_word.fullmatch(context) else None
        if len(word) < 2 or lower in self._collocation_starts:
            return None  # other initials and collocations: Punkt's own code
        if not known:
            return True
        match = self._abbreviation_then_word.fullmatch(context)
        if not match:
            return None
        following = match.group(2)
        if not following[0].isupper():
            return False
        kind = following.lower()
        seen = params.ortho_context.get(kind, 0)
        return bool(seen & _ORTHO_LC and not seen & _ORTHO_MID_UC) or \
            kind in params.sent_starters


#: ``regex``'s \s and \S in ``re``'s terms: ``re``'s \s also takes U+001C-U+001F.
_SPACE, _NON_SPACE = r"[^\S\x1c-\x1f]", r"[\S\x1c-\x1f]"


def _candidate_pattern(lang_vars: nltk.tokenize.punkt.PunktLanguageVars) -> re.Pattern:
    """Punkt's pattern of candidate breaks (a mark, then punctuation or a space and the next
    token), compiled by Python's ``re``, three times faster here than the ``regex`` module
    NLTK compiles it with. ``regex``'s \\s leaves out the four separators U+001C-U+001F that
    ``re``'s includes, so the classes are spelled out to match exactly the same (should NLTK
    word its pattern otherwise, its own compiled pattern is used)."""
    pattern = lang_vars._period_context_fmt % {
        "NonWord": lang_vars._re_non_word_chars, "SentEndChars": lang_vars._re_sent_end_chars}
    space = r"\s+(?P<next_tok>\S+)"
    if space not in pattern:
        return lang_vars.period_context_re()
    return re.compile(pattern.replace(space, rf"{_SPACE}+(?P<next_tok>{_NON_SPACE}+)"),
                      re.UNICODE | re.VERBOSE)


def _realignment_pattern(lang_vars: nltk.tokenize.punkt.PunktLanguageVars) -> re.Pattern:
    """Punkt's pattern of the closing marks that start a sentence but end the one before,
    compiled by Python's ``re``, its \\s spelled out as in :func:`_candidate_pattern` (should
    NLTK word its pattern otherwise, its own compiled pattern is used)."""
    realignment = lang_vars.re_boundary_realignment
    if r"(?:\s+|" not in realignment.pattern:
        return realignment
    return re.compile(realignment.pattern.replace(r"(?:\s+|", rf"(?:{_SPACE}+|"),
                      realignment.flags & re.MULTILINE)
