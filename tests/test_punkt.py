"""FastPunkt finds exactly the sentences of NLTK's Punkt splitter, on varied text."""

from __future__ import annotations

import json

import nltk
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline.lexicons import abbreviations
from storyline.punkt import FastPunkt
from storyline.resources import sentence_splitter

TEXTS = [
    "Mr. Obama met Sen. Warren. They talked. Gov. Jay Inslee was not there!",
    "He said: “Why?” Then he left. ‘No,’ she said. “Enough.” Later, they met.",
    "The U.S. economy grew 2.5 percent. In 2024 it slowed. No. 5 was next... Or not.",
    "John F. Kennedy Jr. spoke. J. Smith and A. B. Jones did too. It was Jan. 5. Monday came.",
    "Shares fell 3.5% to $12.40 on Oct. 25. Acme Corp. said so. Acme Corp. Ltd. did not.",
    "Stop!!! What?! (It happened.) [Really.] 'Yes.' \"No.\" The end; he said. i am here.",
    "She worked at the Dept. of State. The dept. said nothing. St. Louis is in Mo. Yes.",
    "Line one.\nLine two. \n\nA new paragraph... with an ellipsis. ... And more.",
    "Odd separators.\x1cThey are no spaces to Punkt. Nor\x1f is this. The end.\u2028Next. Yes.",
    "The vote in Washington, D.C. ended at 9 p.m. Tuesday. A U.S. judge ruled on Sept. 4 that "
    "T. Okafor, the mayor of Lagos, N.G., could stay. The U.S.A.! Rain fell in St. Paul, Minn.",
]


@pytest.fixture(scope="module")
def nltk_splitter() -> nltk.tokenize.PunktTokenizer:
    """NLTK's own splitter with the kit's abbreviations, as the reference."""
    splitter = nltk.tokenize.PunktTokenizer("english")
    splitter._params.abbrev_types.update(abbreviations())
    return splitter


def test_the_kit_splits_sentences_with_fast_punkt():
    assert isinstance(sentence_splitter(), FastPunkt)


@pytest.mark.parametrize("text", TEXTS)
def test_sentences_match_nltk_on_varied_text(text, nltk_splitter):
    assert list(sentence_splitter().span_tokenize(text)) == \
        list(nltk_splitter.span_tokenize(text))


def test_common_candidates_are_settled_without_punkts_tokens():
    splitter = sentence_splitter()
    settled = [splitter._settled(context) for context in
               ("said. The", "officials.”", "what? No", "Mr. Obama", "Mr. and", "J. Smith")]
    assert settled == [True, True, True, False, False, None]


def test_dotted_words_known_initials_and_numbers_after_an_abbreviation_are_settled(
        nltk_splitter):
    contexts = ("U.S. officials", "U.S. They", "a.m.\xa0on", "N.G.”", "Sept. 11", "Oct. 2016,",
                "T. Okafor,", "U.S? No", "J. Smith.”", "A. Smith")
    settled = [sentence_splitter()._settled(context) for context in contexts]
    assert settled == [False, True, False, True, False, False, False, True, None, None]
    assert settled[:8] == [nltk_splitter.text_contains_sentbreak(c) for c in contexts[:8]]


def test_an_abbreviation_before_a_word_with_a_clitic_or_comma_is_settled_too():
    splitter = sentence_splitter()
    settled = [splitter._settled(context) for context in
               ("Gov. Mendez’s", "Dr. Okafor,", "Rep. Lindqvist”", "Gov. Mendez's?!")]
    assert settled == [False, False, False, None]


PIECES = st.sampled_from([
    "Mr.", "Sen.", "said.", "It", "it", "?", "!", "“", "”", '"', "'", "(", ")", "U.S.",
    "No.", "a.", "J.", "the", "The", "\n", "..", "2.", "Obama", "Inc.", "co.", "Ms.", "'s",
    "—", "however", "However", "i", ";", ",", "...", "5", "Obama’s", "Obama,", "Ms.”",
    "They's?", "”", "Inc.’s", "x)", "Then", "a.m.", "D.C.", "Sept.", "11", "T.", "U.S.A.",
    "e.g.",
])


@settings(max_examples=200, deadline=None)
@given(pieces=st.lists(st.tuples(PIECES, st.sampled_from(["", " ", "  "])), min_size=1,
                       max_size=20))
def test_sentences_match_nltk_on_random_pieces(pieces, nltk_splitter):
    text = "".join(piece + space for piece, space in pieces)
    assert list(sentence_splitter().span_tokenize(text)) == \
        list(nltk_splitter.span_tokenize(text))


def test_sentences_match_nltk_on_polnear_dev(shared_data, nltk_splitter):
    path = shared_data / "polnear" / "polnear_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle]
    for text in texts:
        assert list(sentence_splitter().span_tokenize(text)) == \
            list(nltk_splitter.span_tokenize(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="”’\"')]} \n\t\x1c\x1f\xa0-aZ.", max_size=12), st.integers(0, 3))
def test_the_realignment_pattern_matches_where_nltks_does(text, start):
    ours = FastPunkt("english")._realignment
    nltks = nltk.tokenize.punkt.PunktLanguageVars.re_boundary_realignment
    mine, theirs = ours.match(text, start), nltks.match(text, start)
    assert (mine and mine.span()) == (theirs and theirs.span())
