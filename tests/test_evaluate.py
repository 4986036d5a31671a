"""The PolNeAR-style scorer: spans exact and overlapping, found relations one to one."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from storyline.evaluate import GOLD_COLUMNS, METRIC_COLUMNS, found_pairs, read_polnear, score_claims
from storyline.tables import check_table

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT / ".." / "shared" / "data" / "polnear"
TEXT = "Ann said the dam broke. Bob said the road is shut."
#       0   4    9            23  28   33


def table(rows: list[tuple]) -> pd.DataFrame:
    names = ["source_start", "source_end", "cue_start", "cue_end", "content_start",
             "content_end"]
    frame = pd.DataFrame(rows, columns=names).assign(doc="d")
    frame["content_frags"] = [[[r[4], r[5]]] for r in rows]
    return frame


GOLD = table([(0, 3, 4, 8, 9, 22), (24, 27, 28, 32, 33, 49)])


def metrics(pred: pd.DataFrame) -> pd.DataFrame:
    return score_claims(pred, GOLD, texts={"d": TEXT}).set_index(["metric", "match"])


def test_perfect_prediction_scores_one():
    scores = metrics(GOLD.drop(columns="content_frags"))
    assert (scores.f1 == 1.0).all()
    check_table(scores.reset_index(), METRIC_COLUMNS)


def test_half_overlapping_content_is_found_but_not_exact():
    pred = table([(0, 3, 4, 8, 9, 17)])  # "the dam" of "the dam broke": 2 of 3 tokens
    scores = metrics(pred)
    assert scores.loc[("found", "relation"), "precision"] == 1.0
    assert scores.loc[("found", "relation"), "recall"] == 0.5
    assert scores.loc[("content", "exact"), "true_positives"] == 0


def test_too_small_overlap_is_not_found():
    pred = table([(0, 3, 4, 8, 9, 12)])  # "the": 1 of 3 gold tokens
    assert metrics(pred).loc[("found", "relation"), "true_positives"] == 0


def test_one_prediction_matches_one_gold_only():
    pred = table([(0, 3, 4, 8, 0, 49)])  # covers both contents but is found for neither
    assert metrics(pred).loc[("found", "relation"), "true_positives"] == 0
    pairs = found_pairs(table([(0, 3, 4, 8, 9, 22), (0, 3, 4, 8, 9, 22)]), GOLD, TEXT)
    assert len(pairs) == 1


def test_found_with_wrong_source_is_not_found_plus_source():
    pred = table([(24, 27, 4, 8, 9, 22)])
    scores = metrics(pred)
    assert scores.loc[("found", "relation"), "true_positives"] == 1
    assert scores.loc[("found+source", "relation"), "true_positives"] == 0


def test_exact_match_ignores_trailing_punctuation():
    pred = table([(0, 3, 4, 8, 9, 23)])  # "the dam broke." with the full stop
    assert metrics(pred).loc[("content", "exact"), "true_positives"] == 1


def test_read_polnear_jsonl(tmp_path):
    record = {"doc": "x", "text": TEXT, "attributions": [
        {"id": "E1", "source": [0, 3], "source_text": "Ann", "cue": [4, 8], "cue_text": "said",
         "content": [9, 22], "content_frags": [[9, 22]], "content_text": "the dam broke",
         "type": "indirect"},
        {"id": "E2", "source": None, "cue": [4, 8], "cue_text": "said", "content": [9, 22],
         "type": "indirect"}]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    gold, texts = read_polnear(path)
    check_table(gold, GOLD_COLUMNS)
    assert texts == {"x": TEXT}
    assert gold.source_start.tolist() == [0, -1]


def test_read_polnear_names_bad_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl, line 1"):
        read_polnear(path)


def test_gold_example_spans_match_the_article():
    gold, texts = read_polnear(ROOT / "data" / "gold" / "musk-putin-starlink.json")
    text = texts["musk-putin-starlink"]
    assert len(gold) >= 20
    for row in gold.itertuples():
        assert text[row.content_start:row.content_end] == row.content_text
        assert text[row.cue_start:row.cue_end] == row.cue_text
        if row.source_start >= 0:
            assert text[row.source_start:row.source_end] == row.source_text


@pytest.mark.skipif(not POLNEAR.exists(), reason="PolNeAR not available at ../shared/data")
def test_polnear_dev_reads_and_offsets_hold():
    gold, texts = read_polnear(POLNEAR / "polnear_dev.jsonl")
    assert len(texts) == 84 and len(gold) == 2193
    row = gold.iloc[0]
    assert texts[row.doc][row.cue_start:row.cue_end] == row.cue_text
