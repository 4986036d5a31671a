"""Quotations in an article: where each opens and closes, and whether it closes at all.

Curly double quotes (“ ”), straight double quotes (") and British single quotes (‘ ’) are
recognised. The right single quote ’ is also the apostrophe ("Russia’s", "officials’"), so it
closes a quotation only when a ‘ is open and it is not between two letters. A quotation may
run over several paragraphs when the next paragraph opens with a quote mark again (the news
convention of leaving the closing mark off a paragraph that the quote continues past).
A quotation still open at the end of the article, or one whose paragraph ends open and the
next does not continue it, is returned with ``balanced=False`` so callers can flag it rather
than fail.

Example:
    >>> [(q.start, q.end, q.balanced) for q in quote_spans("He said ‘Russia’s forces’ left.")]
    [(8, 25, True)]
    >>> quote_spans('"Open and never closed')[0].balanced
    False
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass

OPENERS = {"“": "”", "‘": "’", '"': '"', "«": "»", "''": "''"}


@dataclass(frozen=True)
class Quote:
    """A quotation: ``text[start:end]`` runs from the opening mark through the closing one
    (or to the end of the last paragraph it covers when it never closes)."""

    start: int
    end: int
    balanced: bool
    mark: str


def _opens(text: str, i: int, width: int = 1) -> bool:
    """A straight or single mark at ``i`` opens a quote: nothing word-like before it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isalnum() and not after.isspace()


def _closes(text: str, i: int, width: int = 1) -> bool:
    """A ’ or ' at ``i`` closes a quote unless it is an apostrophe between letters."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not (before.isalpha() and after.isalpha()) and not before.isspace()


#: Marks of one family: sloppy copy opens with “ and closes with " (or the reverse), or
#: types “ where ” belongs ('“It's unusual,“ said Ames').
_FAMILY = {"“": "“”\"", '"': "“”\""}


def _closing(text: str, i: int, char: str, mark: str) -> bool:
    """The mark ``char`` at ``i`` closes the quotation opened with ``mark``."""
    if char == OPENERS[mark]:
        return mark in "“«" or _closes(text, i, len(char))
    if char == mark == "“":  # '“It's unusual,“ said Ames'
        return _after_word(text, i)
    if char not in _FAMILY.get(mark, ""):
        return False
    if char == "”":
        return True
    return _closes(text, i) and (char != "“" or _after_word(text, i))


def _after_word(text: str, i: int) -> bool:
    """A mark at ``i`` sits after a word or punctuation and before a space or the end."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and (after.isspace() or after in ".,;:!?")


_MARKS = ("“", "”", "‘", "’", '"', "«", "»", "''")  # '' is a double quote in some wire copy


def _marks(text: str) -> list[tuple[int, str]]:
    """Every quote mark of ``text`` as (position, mark), in order (three ' in a row are a ''
    and a lone '). ``str.find`` skips the text between marks far quicker than a pattern."""
    found = []
    for mark in _MARKS:
        at = text.find(mark)
        while at >= 0:
            found.append((at, mark))
            at = text.find(mark, at + len(mark))
    found.sort()
    return found


def quote_spans(text: str) -> list[Quote]:
    """Every top-level quotation in ``text``, in order (quotes nested inside are not listed)."""
    quotes: list[Quote] = []
    open_at: int | None = None
    mark = ""
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    marks = _marks(text)
    next_mark = 0
    for number, (p_start, p_end) in enumerate(paragraphs):
        while next_mark < len(marks) and marks[next_mark][0] < p_end:  # no mark is a newline
            i, char = marks[next_mark]
            next_mark += 1
            if open_at is None:
                if char in OPENERS and (char in "“«" or _opens(text, i, len(char))):
                    open_at, mark = i, char
                elif char == "”" and _opens(text, i) and (i == p_start or text[i - 1].isspace()):
                    open_at, mark = i, "“"  # '”Fear. I am afraid.” ― Ana Cruz': a typo for “
            elif _closing(text, i, char, mark):
                quotes.append(Quote(open_at, i + len(char), True, mark))
                open_at = None
        if open_at is None:
            continue
        following = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
        if following is None or not any(text.startswith(m, following)
                                        for m in _FAMILY.get(mark, mark)):
            quotes.append(Quote(open_at, len(text[:p_end].rstrip()), False, mark))
            open_at = None
        else:
            # the paragraph ends inside the quote and the next one reopens it: one quotation
            quotes_open = open_at
            open_at = None
            quotes.append(Quote(quotes_open, -1, True, mark))
    return _join_continued(quotes)


def overlapping(quotes: list[Quote], start: int, end: int) -> list[Quote]:
    """The quotations of ``quotes`` (as :func:`quote_spans` gives them: in text order, none
    inside another, so their ends are in order too) that overlap ``start``..``end``, found
    by bisection.

    Example:
        >>> quotes = quote_spans('"A," he said. "B." Then "C."')
        >>> [(q.start, q.end) for q in overlapping(quotes, 10, 20)]
        [(14, 18)]
    """
    first = bisect.bisect_right(quotes, start, key=_END)
    last = bisect.bisect_left(quotes, end, key=_START)
    return quotes[first:last]


_START, _END = operator.attrgetter("start"), operator.attrgetter("end")  # quicker than lambdas


def _join_continued(quotes: list[Quote]) -> list[Quote]:
    """Merge a quotation left open at a paragraph end (marked ``end == -1``) with the next."""
    joined: list[Quote] = []
    pending: Quote | None = None
    for quote in quotes:
        if pending is not None:
            quote = Quote(pending.start, quote.end, quote.balanced, pending.mark)
            pending = None
        if quote.end == -1:
            pending = quote
        else:
            joined.append(quote)
    return joined
