"""The fast tagger gives exactly the tags of NLTK's perceptron tagger, on varied text."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyline import read_example
from storyline import tagger as tagger_module
from storyline.resources import pos_tagger
from storyline.tagger import FastTagger, tag_sentences
from storyline.text import parse, tokens

SENTENCES = [
    "The Kremlin on Friday denied the report, calling it “absolute nonsense”.",
    "‘We won’t back down,’ said Ms. O’Neill, 47, a long-time union organiser.",
    "Shares of Acme Corp. fell 3.5% to $12.40 on Oct. 25, 2024, after the well-known CEO quit.",
    "If the U.S.-led talks fail, prices could rise by 2,000 per cent in 1999-2001 terms.",
    "LOL!!! idk what u mean... #breaking @reporter",
    "Running, jumped, quickly: colourless green ideas sleep furiously; don't they?",
    "Sen. Jane Doe (D-Mass.) told reporters that she'd vote no -- again.",
    "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30",
    "A",
    "",
]


def nltk_tags(words: list[str]) -> tuple[str, ...]:
    return tuple(tag for _, tag in pos_tagger().tag(words))


def split(sentence: str) -> list[str]:
    return [w for w in tokens(sentence).text] if sentence else []


def test_tags_match_nltk_on_varied_sentences_tagged_together():
    batch = [split(s) for s in SENTENCES]
    assert tag_sentences(batch) == [nltk_tags(words) for words in batch]


def test_tags_match_nltk_one_sentence_at_a_time():
    for sentence in SENTENCES:
        words = split(sentence)
        assert tag_sentences([words]) == [nltk_tags(words)]


def test_example_article_tags_match_nltk():
    article = read_example()
    parsed = parse(article)
    text = article.text
    words = [[text[s:e] for s, e in spans] for spans in parsed.tokens]
    assert tag_sentences(words) == [nltk_tags(w) for w in words]


def test_near_ties_are_settled_by_nltks_own_scoring(monkeypatch):
    # with a huge margin every token counts as a near tie and is rescored by NLTK's code
    monkeypatch.setattr(tagger_module, "TIE_MARGIN", 1e9)
    fresh = FastTagger(pos_tagger())
    batch = [split(s) for s in SENTENCES[:4]]
    assert fresh.tag_sentences(batch) == [nltk_tags(words) for words in batch]


def test_word_tables_start_afresh_past_their_limit_and_tags_stay_right(monkeypatch):
    monkeypatch.setattr(tagger_module, "MAX_WORDS", 10)
    fresh = FastTagger(pos_tagger())
    batch = [split(s) for s in SENTENCES[:4]]
    for words in batch:  # every call after the first begins with more than 10 known words
        assert fresh.tag_sentences([words]) == [nltk_tags(words)]
        assert len(fresh._word_ids) == len(set(words))


WORDS = st.sampled_from(["the", "The", "said", "Peskov", "denied", "report", "-", "2024",
                         "3.5", "well-known", "“", "''", ",", ".", "it", "run", "Running",
                         "x", "XYZ", "ünïcode", "officials", "that", "'s", "n't", "ADVERTISEMENT"])


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=6)), max_size=12),
                max_size=5))
def test_tags_match_nltk_on_random_token_lists(batch):
    assert tag_sentences(batch) == [nltk_tags(words) for words in batch]


def test_tags_match_nltk_on_polnear_dev(shared_data):
    path = shared_data / "polnear" / "polnear_dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} not present")
    with path.open(encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle][:10]
    for text in texts:
        batch = [split(s) for s in text.split("\n") if s.strip()]
        assert tag_sentences(batch) == [nltk_tags(words) for words in batch]


def test_the_weight_table_holds_every_weight_of_the_model_and_zeros_elsewhere():
    model = pos_tagger()
    fast = FastTagger(model)
    column = {label: k for k, label in enumerate(fast._classes)}
    expected = 0
    for feature, by_label in model.model.weights.items():
        row = fast._weights[fast._row[feature]]
        for label, weight in by_label.items():
            assert row[column[label]] == weight
        expected += len(by_label)
    assert not fast._weights[0].any()
    assert (fast._weights != 0).sum() == expected - sum(
        weight == 0 for by_label in model.model.weights.values() for weight in by_label.values())


def test_the_previous_tag_table_points_at_each_word_and_tag_feature():
    fast = FastTagger(pos_tagger())
    for feature, row in fast._row.items():
        if feature.startswith("i-1 tag+i word "):
            tag, word = feature.removeprefix("i-1 tag+i word ").split(" ", 1)
            if tag in fast._tag_id:
                index = fast._value_rows[fast._value_ids[word], -1]
                assert fast._previous_word_rows[index, fast._tag_id[tag]] == row
    assert (fast._previous_word_rows != 0).sum() == sum(
        feature.startswith("i-1 tag+i word ") for feature in fast._row)


def test_the_value_table_gives_the_row_of_every_feature_a_words_text_decides():
    fast = FastTagger(pos_tagger())
    found = 0
    for feature, row in fast._row.items():
        for column, template in enumerate(tagger_module._VALUE_TEMPLATES):
            if feature.startswith(f"{template} "):
                value = feature.removeprefix(f"{template} ")
                assert fast._value_rows[fast._value_ids[value], column] == row
                found += 1
    assert found > 40_000
    assert (fast._value_rows[:, :-1] != 0).sum() == found
    assert not fast._value_rows[0].any()


def test_a_growing_table_keeps_its_rows_when_its_array_grows():
    table = tagger_module._GrowingTable(2)
    table.append((np.arange(1000), np.arange(1000) * 2))
    table.append((np.arange(1000, 3000), np.arange(1000, 3000) * 2))
    assert table.size == 3000 and len(table.array) >= 3000
    assert (table.array[:3000, 0] == np.arange(3000)).all()
    assert (table.array[:3000, 1] == np.arange(3000) * 2).all()
