import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import read_article, sentences, tokens
from storyline.text import _token_pattern, paragraph_spans, parse


def test_sentences_skip_boilerplate_and_never_cross_paragraphs(example):
    table = sentences(example)
    assert not table.text.str.contains("Advertisement|Read more at|Want more stories").any()
    for row in table.itertuples():
        assert "\n" not in row.text
        assert example.text[row.start:row.end] == row.text


def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("Sen. Elizabeth Warren met U.S. officials on Jan. 5 in Washington. "
            "John F. Kennedy Jr. was mentioned by Gov. Jay Inslee. Nobody disagreed.")
    assert sentences(text).text.tolist() == [
        "Sen. Elizabeth Warren met U.S. officials on Jan. 5 in Washington.",
        "John F. Kennedy Jr. was mentioned by Gov. Jay Inslee.",
        "Nobody disagreed.",
    ]


def test_a_line_break_ends_a_paragraph_unless_the_text_is_hard_wrapped():
    assert len(paragraph_spans("Headline without a stop\nThe body starts here.")) == 2
    wrapped = "\n".join(["This line of a hard-wrapped press release goes on for quite a while"] * 6)
    assert len(paragraph_spans(wrapped)) == 1


def test_tokens_split_clitics_and_keep_abbreviations():
    table = tokens("Russia’s envoy didn't visit the U.S. on Jan. 5, officials said.")
    assert table.text.tolist()[:8] == ["Russia", "’s", "envoy", "did", "n't", "visit", "the",
                                        "U.S."]
    assert "Jan." in table.text.tolist()
    assert table.loc[table.text == "said", "pos"].item() == "VBD"


def test_a_clitic_after_a_number_or_a_hyphenated_name_is_its_own_token():
    assert tokens("Lai Ching-te's 1990's and 1,000's").text.tolist() == [
        "Lai", "Ching-te", "'s", "1990's", "and", "1,000", "'s"]


def test_an_abbreviation_before_an_ellipsis_keeps_its_dot_and_loses_no_text():
    assert tokens("Ask Sen... or J... now.").text.tolist() == [
        "Ask", "Sen.", "..", "or", "J.", "..", "now", "."]


@pytest.mark.filterwarnings("ignore:the text given does not look like English")
@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "The minister said", "“It is false,”", "Sen. Doe", "U.S.", "\n", "\n\n", "Advertisement\n",
    "’s", "2,000", "terminals.", "(pictured)", "‘absurd’", "Read more at x.com\n", "é", "—", " ",
    "Jan...", "didn’t", "1,000's", "Ching-te's", "F.",
]), min_size=1, max_size=30))
def test_sentence_and_token_offsets_always_slice_to_their_text(pieces):
    text = " ".join(pieces)
    if not text.strip():
        return
    article = read_article(text + " end.")
    for table in (sentences(article), tokens(article)):
        for row in table.itertuples():
            assert article.text[row.start:row.end] == row.text
    covered = set()
    for row in tokens(article).itertuples():
        covered.update(range(row.start, row.end))
    for row in sentences(article).itertuples():  # every character but spaces is in a token
        assert all(k in covered or article.text[k].isspace() for k in range(row.start, row.end))


def test_place_initialisms_the_pronoun_i_and_plan_letters_still_end_sentences():
    for text, first in [
        ("The rally was held in Washington, D.C. The mayor said it went well.",
         "The rally was held in Washington, D.C."),
        ("Neither do I. This debate needs to change.", "Neither do I."),
        ("The sponsor said, citing Plan B. Opponents said it was rushed.",
         "The sponsor said, citing Plan B."),
    ]:
        assert list(sentences(text).text)[0] == first


def test_initials_and_initialisms_inside_a_name_keep_the_sentence_whole():
    for text in ["In April, Douglas J. Band wrote a memo to the board.",
                 "'It was not fun,' said J.M. Berger, a fellow at the institute.",
                 "Former U.N. Ambassador John Bolton said he would vote for the plan.",
                 "The S.&P. 500 closed the week down slightly."]:
        assert list(sentences(text).text) == [text]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([
    "The mayor said.", "“It is false.”Then", "(D-Ore.)", "U.S.", "Gov.", "didn’t", "’s",
    "J.", "3.5%", "...", "--", "Ching-te's", "AT&T", "end.”", "?!", "\n", "\n\n", ",",
    "Advertisement\n", "x", "a.m.", "Mr.", "said", "’", "‘no’",
]), min_size=1, max_size=30), st.sampled_from(["", " "]))
def test_tokens_of_the_whole_text_pass_are_those_of_each_sentence_alone(pieces, space):
    text = space.join(pieces)
    article = read_article(text + " end.")
    parsed, article_text = parse(article), article.text
    for (_, start, end), spans, words in zip(parsed.sentences, parsed.tokens, parsed.words):
        alone = [m.span() for m in _token_pattern().finditer(article_text, start, end)]
        assert list(spans) == alone
        assert list(words) == [article_text[s:e] for s, e in alone]
