"""make_table builds exactly the frame pandas' own conversion would, only faster."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from storyline.tables import check_table, make_table

COLUMNS = {"id": "int64", "text": "string", "flag": "bool", "score": "float64",
           "parent": "Int64", "spans": "object"}
ROWS = [
    {"id": 0, "text": "Peskov said", "flag": True, "score": 0.5, "parent": None,
     "spans": [[0, 6], [7, 11]]},
    {"id": 1, "text": None, "flag": False, "score": None, "parent": 0, "spans": []},
    {"id": 2, "text": "", "flag": True, "score": 2, "parent": pd.NA, "spans": [[1, 2]]},
]


def by_pandas(rows: list[dict], columns: dict[str, str]) -> pd.DataFrame:
    data = {name: pd.Series([row.get(name) for row in rows], dtype=object).astype(dtype)
            for name, dtype in columns.items()}
    return pd.DataFrame(data, columns=list(columns))


@pytest.mark.parametrize("rows", [ROWS, ROWS[:1], []])
def test_make_table_equals_pandas_conversion(rows):
    table = make_table(rows, COLUMNS)
    pd.testing.assert_frame_equal(table, by_pandas(rows, COLUMNS), check_exact=True)
    check_table(table, COLUMNS)


def test_values_of_another_type_are_converted_by_pandas():
    table = make_table([{"text": 7, "parent": 1.0}, {"text": "x", "parent": None}],
                       {"text": "string", "parent": "Int64"})
    assert table.text.tolist() == ["7", "x"]
    assert table.parent.tolist() == [1, pd.NA]


def test_missing_keys_become_missing_values():
    table = make_table([{"id": 1}], {"id": "int64", "text": "string"})
    assert table.text.isna().all()


@pytest.mark.parametrize("values", [[dt.date(2024, 10, 25), None], [None], []])
def test_day_columns_equal_pandas_conversion(values):
    rows = [{"day": value} for value in values]
    columns = {"day": "datetime64[s]"}
    pd.testing.assert_frame_equal(make_table(rows, columns), by_pandas(rows, columns),
                                  check_exact=True)


def test_tables_do_not_share_a_mutable_columns_index():
    first = make_table([], COLUMNS)
    first.columns.name = "renamed"
    assert make_table([], COLUMNS).columns.name is None


def test_columns_sharing_a_dtype_equal_pandas_conversion():
    columns = {"start": "int64", "who": "string", "end": "int64", "cue": "string",
               "hedged": "bool", "denial": "bool", "note": "string"}
    rows = [{"start": 0, "who": "Peskov", "end": 6, "cue": "said", "hedged": False,
             "denial": True, "note": None},
            {"start": 9, "who": None, "end": 12, "cue": "told", "hedged": True,
             "denial": False, "note": "quoted"}]
    table = make_table(rows, columns)
    pd.testing.assert_frame_equal(table, by_pandas(rows, columns), check_exact=True)
    check_table(table, columns)


def test_one_string_column_of_other_values_leaves_the_rest_as_they_are():
    table = make_table([{"a": "x", "b": 7}, {"a": None, "b": "y"}],
                       {"a": "string", "b": "string"})
    assert table.a.tolist() == ["x", pd.NA] and table.b.tolist() == ["7", "y"]


def test_two_day_columns_equal_pandas_conversion():
    columns = {"first": "datetime64[s]", "id": "int64", "last": "datetime64[s]"}
    rows = [{"first": dt.date(2016, 9, 26), "id": 0, "last": None},
            {"first": None, "id": 1, "last": dt.date(1969, 12, 31)}]
    pd.testing.assert_frame_equal(make_table(rows, columns), by_pandas(rows, columns),
                                  check_exact=True)


def test_a_time_of_day_is_kept_as_pandas_keeps_it():
    columns = {"first": "datetime64[s]", "last": "datetime64[s]"}
    rows = [{"first": dt.date(2024, 10, 25), "last": dt.datetime(2024, 10, 25, 13, 30)}]
    table = make_table(rows, columns)
    pd.testing.assert_frame_equal(table, by_pandas(rows, columns), check_exact=True)
    assert table["last"][0] == pd.Timestamp("2024-10-25 13:30")


@pytest.mark.parametrize("rows", [[{"spans": [[0, 6]], "ids": [], "note": None},
                                   {"spans": [], "ids": [3, 4], "note": ("a", 1)}], []])
def test_object_columns_sharing_a_block_keep_their_values_whole(rows):
    columns = {"spans": "object", "id": "int64", "ids": "object", "note": "object"}
    rows = [{**row, "id": number} for number, row in enumerate(rows)]
    table = make_table(rows, columns)
    pd.testing.assert_frame_equal(table, by_pandas(rows, columns), check_exact=True)
    assert table.spans.tolist() == [row["spans"] for row in rows]


def test_tables_hold_together_like_frames_pandas_built():
    columns = {"id": "int64", "day": "datetime64[s]", "text": "string", "parent": "Int64",
               "hedged": "bool", "cue": "string"}
    rows = [{"id": 0, "day": dt.date(2024, 10, 25), "text": "Peskov said", "parent": None,
             "hedged": False, "cue": "said"},
            {"id": 1, "day": None, "text": "officials", "parent": 0, "hedged": True,
             "cue": "told"}]
    table, expected = make_table(rows, columns), by_pandas(rows, columns)
    pd.testing.assert_frame_equal(pd.concat([table, table], ignore_index=True),
                                  pd.concat([expected, expected], ignore_index=True))
    for frame in (table, expected):
        frame.loc[1, ["day", "cue"]] = [pd.Timestamp("2024-10-26"), "added"]
        frame["n"] = frame["id"] + 1
    pd.testing.assert_frame_equal(table, expected)
    pd.testing.assert_frame_equal(table[["cue", "id"]], expected[["cue", "id"]])
