"""The helpers that make finding time expressions fast give what the plain definitions give:
the word before a point, the words' marks, the spans already taken, the nearest tokens."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.timepatterns import (
    _WORDS,
    _compiled,
    _key_words,
    _lead_words,
    _opening_words,
    _settle,
    _Spans,
    _word_mark,
    _word_role,
    find_candidates,
    previous_word,
)
from storyline.timeresolve import _nearest

#: Letters, digits, the marks a word may hold, spaces and quotes: the characters that decide
#: where the word before a point starts and ends.
_CHARACTERS = "aZ7 .'’-,\n_é\"“?"


def _previous_word_by_search(text: str, start: int) -> str:
    """The definition: the leftmost run of word characters and marks ('’.-) in the 40
    characters before ``start`` that only non-word characters follow."""
    match = re.search(r"([\w'’.-]+)\W*$", text[max(0, start - 40):start])
    return match.group(1) if match else ""


def test_previous_word_skips_punctuation_and_keeps_abbreviations():
    text = "Talks began in the U.S. - on Friday"
    assert previous_word(text, text.index("on")) == "U.S."
    assert previous_word("The budget (for 2024) ", 22) == "2024"
    assert previous_word("... then", 4) == "..."
    assert previous_word("  ", 2) == ""


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_CHARACTERS, max_size=60), st.data())
def test_previous_word_is_the_last_word_a_search_finds(text, data):
    start = data.draw(st.integers(0, len(text)))
    assert previous_word(text, start) == _previous_word_by_search(text, start)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab1'’-s_é", min_size=1, max_size=8))
def test_a_word_mark_is_the_mark_of_its_role(word):
    assert _word_mark(word) == _word_role(word).mark


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="aAbB1'’-sS_éÉ", min_size=1, max_size=8))
def test_a_word_is_marked_as_its_lower_case_form_is(word):
    assert _word_mark(word) == _word_role(word.lower()).mark


def test_lexicon_words_have_the_mark_of_their_role():
    for word in sorted(_key_words() | _lead_words() | _opening_words()):
        for form in (word, word + "s", word + "ss"):
            assert _word_mark(form) == _word_role(form).mark, form


def _candidates_by_trying_every_pattern(text: str) -> list[tuple]:
    """The definition: every pattern tried at the start of every word."""
    found = []
    for word in _WORDS.finditer(text):
        for priority, (_, pattern) in enumerate(_compiled()):
            match = pattern.match(text, word.start())
            if match:
                found.append((word.start() - match.end(), priority, word.start(), match))
    return [(c.start, c.end, c.rule, c.groups) for c in _settle(found, text)]


#: Words and marks that time expressions are made of, numbers of every shape among them.
_PIECES = ["2024", "1990s", "'90s", "’90s", "21st", "3rd", "3rd-quarter", "5", "12", "10",
           "2,000", "3.5", "5-year", "5pm", "5 p.m.", "10:30", "10/25/2024", "2024-10-25",
           "25", "of", "March", "May", "the", "last", "a", "two", "years", "year", "ago",
           "quarter", "century", "times", "week", "Friday", "in", "since", "-", ",", ".", "/",
           "%", "$", "people", "fiscal", "mid", "early", "every", "per", "day", "Q3", "²"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PIECES),
                          st.sampled_from([" ", ", ", "  ", "\n", " — ", "\u00a0", "("])),
                max_size=12))
def test_candidates_are_those_of_every_pattern_tried_at_every_word(pieces):
    """Pieces apart, as words stand in news text: glued ones ("mid1990s") are words no
    pattern is tried at, on purpose (see :func:`storyline.timepatterns._rules_for`). Words
    are found in the pieces of text between spaces, so some gaps hold none."""
    text = "".join(piece + gap for piece, gap in pieces)
    found = [(c.start, c.end, c.rule, c.groups) for c in find_candidates(text)]
    assert found == _candidates_by_trying_every_pattern(text)


def test_candidates_do_not_overlap_a_longer_one():
    candidates = find_candidates("Sales rose on Friday, Oct. 25, 2024, and again on May 2.")
    assert [c.text for c in candidates] == ["Friday, Oct. 25, 2024", "May 2"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 6)), max_size=12),
       st.integers(0, 60), st.integers(1, 6))
def test_spans_overlap_as_a_scan_of_them_all_finds(spans, start, length):
    taken, kept = _Spans([]), []
    for first, width in spans:
        if not any(first < e and s < first + width for s, e in kept):
            taken.add(first, first + width)
            kept.append((first, first + width))
    end = start + length
    assert taken.overlaps(start, end) == any(start < e and s < end for s, e in kept)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 100), unique=True, max_size=30), st.integers(-2, 102),
       st.integers(0, 20))
def test_nearest_tokens_come_as_a_stable_sort_by_distance_gives_them(starts, position, count):
    spans = tuple((start, start + 1) for start in sorted(starts))
    by_distance = sorted(spans, key=lambda span: abs(span[0] - position))[:count]
    assert list(_nearest(spans, position, count)) == by_distance
