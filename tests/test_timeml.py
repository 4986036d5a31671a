"""TimeML reading and TempEval-3 scoring, on a tiny hand-written .tml and on the shared data."""

from __future__ import annotations

import datetime as dt
import math

import pandas as pd
import pytest

from storyline.evaluate import read_timeml, score_timexes
from storyline.tables import check_table
from storyline.timeml import GOLD_TIMEX_COLUMNS, TIMEX_SCORE_COLUMNS, parse_timeml

TINY = """<?xml version="1.0" ?>
<TimeML>
<DOCID>tiny</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-10-25" functionInDocument="CREATION_TIME">
2024-10-25</TIMEX3></DCT>
<TEXT>
Talks have run since <TIMEX3 tid="t1" type="DATE" value="2022" mod="END">late 2022</TIMEX3>
and the ministry &amp; the union <EVENT eid="e1">met</EVENT>
<TIMEX3 tid="t2" type="DATE" value="2024-10-24">yesterday</TIMEX3> for
<TIMEX3 tid="t3" type="DURATION" value="PT2H">two hours</TIMEX3>.
</TEXT>
</TimeML>
"""


@pytest.fixture
def tiny(tmp_path):
    path = tmp_path / "tiny.tml"
    path.write_text(TINY, encoding="utf-8")
    return read_timeml(path)


def test_read_timeml_gives_text_dct_and_offsets(tiny):
    assert tiny.doc == "tiny"
    assert tiny.dct == dt.date(2024, 10, 25)
    assert "&amp;" not in tiny.text and "ministry & the union met" in tiny.text
    table = tiny.timexes
    check_table(table, GOLD_TIMEX_COLUMNS)
    assert table["text"].tolist() == ["late 2022", "yesterday", "two hours"]
    assert table["mod"].tolist() == ["END", "", ""]
    for row in table.itertuples():
        assert tiny.text[row.start:row.end] == row.text


def test_dct_timex_is_not_a_text_annotation(tiny):
    assert "t0" not in tiny.timexes["tid"].tolist()


def _scores(predicted: list[tuple], gold: pd.DataFrame) -> pd.DataFrame:
    table = pd.DataFrame(predicted, columns=["start", "end", "type", "value"]).assign(doc="tiny")
    return score_timexes(table, gold).set_index("metric")


def test_perfect_predictions_score_one(tiny):
    gold = tiny.timexes
    scores = _scores(list(gold[["start", "end", "type", "value"]].itertuples(index=False)), gold)
    assert scores["f1"].tolist() == [1.0, 1.0, 1.0, 1.0]
    assert scores.loc["value", "accuracy"] == 1.0


def test_strict_relaxed_type_and_value_are_told_apart(tiny):
    gold = tiny.timexes.set_index("text")
    late, yesterday = gold.loc["late 2022"], gold.loc["yesterday"]
    predicted = [
        (late.start + 5, late.end, "DATE", "2022"),          # "2022": relaxed only, right value
        (yesterday.start, yesterday.end, "DATE", "2024-10-23"),  # strict, wrong value
        (0, 5, "DATE", "2024"),                               # spurious
    ]
    scores = _scores(predicted, tiny.timexes)
    check_table(scores.reset_index(), TIMEX_SCORE_COLUMNS)
    assert scores.loc["strict", "true_positives"] == 1
    assert scores.loc["relaxed", "true_positives"] == 2
    assert scores.loc["type", "true_positives"] == 2
    assert scores.loc["value", "true_positives"] == 1
    assert scores.loc["relaxed", "precision"] == round(2 / 3, 4)
    assert scores.loc["relaxed", "recall"] == round(2 / 3, 4)
    assert scores.loc["value", "accuracy"] == 0.5
    assert math.isnan(scores.loc["strict", "accuracy"])


def test_one_prediction_matches_one_gold_expression(tiny):
    gold = tiny.timexes
    whole = (gold.start.min(), gold.end.max(), "DATE", "2022")
    assert _scores([whole], gold).loc["relaxed", "true_positives"] == 1


def test_markup_without_text_is_refused():
    with pytest.raises(ValueError, match="no <TEXT>"):
        parse_timeml("<TimeML><DCT/></TimeML>", doc="empty")


def test_missing_and_malformed_files_name_the_path(tmp_path):
    with pytest.raises(FileNotFoundError, match="nowhere.tml"):
        read_timeml(tmp_path / "nowhere.tml")
    bad = tmp_path / "bad.tml"
    bad.write_text("<TimeML><TEXT>open", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.tml"):
        read_timeml(bad)


def test_tempeval_training_files_read_with_exact_offsets(shared_data):
    folder = shared_data / "tempeval3-train" / "timebank"
    if not folder.is_dir():
        pytest.skip(f"{folder} not present")
    for path in sorted(folder.glob("*.tml"))[:20]:
        document = read_timeml(path)
        assert document.dct is not None
        for row in document.timexes.itertuples():
            assert document.text[row.start:row.end] == row.text
