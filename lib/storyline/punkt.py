"""NLTK's Punkt sentence splitter, deciding the common candidate breaks itself.

Punkt finds each candidate break (".", "?" or "!" before a space or a quote mark), cuts the
words around it into token objects and runs its two annotation passes over them: that is
most of the time it takes. Most candidates need none of that, as Punkt's own rules settle
them from the characters alone:

* "?" or "!" always ends a sentence;
* a word of letters, not a known abbreviation, then "." ("said.", "officials.”") ends one,
  unless the word starts one of Punkt's collocations (we leave those to Punkt);
* a known abbreviation then a word of letters ("Mr. Obama", "Sen. Warren") ends one only if
  the next word is capitalised and is, by Punkt's statistics, a sentence starter or a word
  seen in lower case but never capitalised inside a sentence.

Everything else (initials, numbers, ellipses, other punctuation) goes to Punkt's own code.
``tests/test_punkt.py`` checks the sentences are NLTK's.

Example:
    >>> splitter = FastPunkt("english")
    >>> list(splitter.span_tokenize("Mr. Lee left. He said: “Why?” Then he stopped."))
    [(0, 13), (14, 29), (30, 46)]
"""

from __future__ import annotations

import re

import nltk
from nltk.tokenize.punkt import _ORTHO_LC, _ORTHO_MID_UC


class FastPunkt(nltk.tokenize.PunktTokenizer):
    """A Punkt sentence splitter (same model, same sentences) that settles common candidate
    breaks without Punkt's token objects; see the module docstring."""

    def __init__(self, lang: str = "english") -> None:
        super().__init__(lang)
        # a word of letters, the end mark, and what may follow it in a candidate's context
        after = rf"(?=\s|{self._lang_vars._re_non_word_chars})"
        self._word_then_end = re.compile(rf"([^\W\d_]*)([.?!]){after}")
        self._abbreviation_then_word = re.compile(r"([^\W\d_]+)\.\s+([^\W\d_]+)")
        self._collocation_starts = {first for first, _ in self._params.collocations}

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
        if len(word) < 2 or lower in self._collocation_starts:
            return None  # initials and collocations: Punkt's own code
        if lower not in params.abbrev_types:
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
