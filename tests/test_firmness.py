"""Hedges and denials: the quick substring test before the patterns changes no answer."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.firmness import ASCII_LOOKALIKES, _entries_in, _may_match, _pattern, hedges_of


def row(content: str, source: str = "The mayor") -> dict:
    return {"content": content, "cue_kind": "assert", "cue_lemma": "say",
            "source_text": source, "quote_type": "indirect"}


def test_ascii_lookalikes_are_every_character_ignorecase_takes_for_ascii():
    others = "".join(chr(c) for c in range(128, sys.maxunicode + 1)
                     if not 0xD800 <= c <= 0xDFFF)
    assert set(re.findall(r"[\x00-\x7f]", others, re.IGNORECASE)) == set(ASCII_LOOKALIKES)


@pytest.mark.parametrize("content", [
    "that the levee may fail before spring",
    "the plan was reportedly shelved by the council",
    "that it was \u017fuggested the fund ran dry",  # a long s, which the pattern reads as s
    "the bridge would reopen in May",
    "that the vote was rigged",
])
def test_hedges_are_those_the_pattern_finds(content):
    expected = list(dict.fromkeys(m.group() for m in _pattern("hedges", "word").finditer(content)
                                  if m.group().islower()))
    assert hedges_of(row(content)) == expected


@pytest.mark.parametrize("content, denied", [
    ("the audit report was NOT TRUE in any respect", True),
    ("the claims were baseless and politically driven", True),
    ("that the ferry schedule would change in June", False),
    ("the figures were Untrue", True),
    ("the story was a l\u0131e", True),  # a dotless i, which the pattern reads as i
])
def test_denial_phrases_are_those_the_pattern_finds(content, denied):
    found = bool(_pattern("denials", "phrase").search(content))
    assert found is denied
    assert _may_match("denials", "phrase", content) or not found


def test_entries_in_keeps_only_entries_some_claim_holds():
    contents = ["the council may vote in June", "the levee held", "it was NOT TRUE at all"]
    assert _entries_in("hedges", "word", contents) == ("may",)
    assert _entries_in("denials", "phrase", contents) == ("not true",)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(
    ["may", "MAY", "Reportedly", "not true", "l\u0131e", "\u017fuggest", "the", "dam", "-",
     "mayor", "lies", ",", "\u212aept", "untrue", "\u0130t is understood", "\u03a3"]),
    max_size=8).map(" ".join), min_size=1, max_size=4))
def test_narrowed_entries_miss_no_match(contents):
    for lexicon, column in (("hedges", "word"), ("denials", "phrase")):
        among = _entries_in(lexicon, column, contents)
        for content in contents:
            found = bool(_pattern(lexicon, column).search(content))
            assert _may_match(lexicon, column, content, among=among) or not found
