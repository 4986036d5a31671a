"""Quote marks are found as a pattern would find them, whatever surrounds them."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from storyline.quotes import _marks, quote_spans

PATTERN = re.compile("''|[“”‘’\"«»]")  # the marks, as a regular expression reads them


@given(st.text(alphabet="ab '\"“”‘’«»\n.", max_size=40))
def test_marks_are_those_a_pattern_finds(text):
    assert _marks(text) == [(m.start(), m.group()) for m in PATTERN.finditer(text)]


def test_three_straight_quotes_are_a_double_quote_and_an_apostrophe():
    assert _marks("''' x") == [(0, "''")]
    assert [(q.start, q.end) for q in quote_spans("He said ''Go home'' and left.")] == [(8, 19)]
