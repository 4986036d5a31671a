"""Build DataFrames whose columns and dtypes are declared once, in code.

Every table-producing function declares its columns as a ``dict`` of name -> pandas dtype and
builds its result with :func:`make_table`, so empty results still have the right columns.

Example:
    >>> make_table([{"start": 0, "end": 3, "text": "Foo"}],
    ...            {"start": "int64", "end": "int64", "text": "string"})
       start  end text
    0      0    3  Foo
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd
import pyarrow as pa


def make_table(rows: Iterable[Mapping], columns: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame holding ``rows`` with exactly ``columns`` (name -> dtype), in that order.

    Built column by column with the declared dtype, straight from numpy or pyarrow arrays
    (tables of a few rows are built thousands of times in a corpus, so pandas' general
    constructor would cost more than the rules that found the rows).
    """
    rows = list(rows)
    arrays = [_column([row.get(name) for row in rows], dtype) for name, dtype in columns.items()]
    return pd.DataFrame._from_arrays(arrays, columns=_index(tuple(columns)).view(),
                                     index=pd.RangeIndex(len(rows)), verify_integrity=False)


@functools.lru_cache(maxsize=256)
def _index(names: tuple[str, ...]) -> pd.Index:
    """The column index of a table, made once per set of columns (pandas takes longer to make
    one than to fill a small table); callers take a view, so a table's index is its own."""
    return pd.Index(list(names))


def _column(values: list, dtype: str):
    """One column as the array pandas would make of ``values`` for ``dtype``."""
    kind = _dtype(dtype)
    if isinstance(kind, pd.StringDtype) and kind.storage == "pyarrow" and \
            kind.na_value is pd.NA:
        try:
            return pd.arrays.ArrowStringArray(pa.array(values, type=pa.large_string()))
        except (TypeError, ValueError, pa.ArrowException):
            pass  # not only str and None: pandas converts them below
    if isinstance(kind, pd.Int64Dtype) and all(type(v) is int or v is None or v is pd.NA
                                               for v in values):
        missing = np.array([v is None or v is pd.NA for v in values], dtype=bool)
        numbers = np.array([0 if v is None or v is pd.NA else v for v in values],
                           dtype=np.int64)
        return pd.arrays.IntegerArray(numbers, missing)
    if isinstance(kind, np.dtype) and kind.kind == "M" and \
            all(type(v) is dt.date or v is None for v in values):
        return np.array(values, dtype=kind)  # days and None (NaT), as pd.array reads them
    try:
        if isinstance(kind, np.dtype) and kind.kind in "iufb":
            return np.array(values, dtype=kind)  # exactly what pd.array does for these
        return pd.array(values, dtype=kind)
    except (TypeError, ValueError):
        return pd.Series(values, dtype=object).astype(dtype).array


@functools.lru_cache(maxsize=256)
def _dtype(name: str):
    """The pandas dtype object a declared dtype name stands for (parsed once)."""
    return pd.api.types.pandas_dtype(name)


def check_table(frame: pd.DataFrame, columns: Mapping[str, str]) -> None:
    """Raise ``AssertionError`` if ``frame`` lacks a declared column or has another dtype."""
    assert list(frame.columns[: len(columns)]) == list(columns), (
        f"columns {list(frame.columns)} do not start with {list(columns)}"
    )
    for name, dtype in columns.items():
        assert str(frame[name].dtype) == str(pd.Series([], dtype=dtype).dtype), (
            f"column {name!r} has dtype {frame[name].dtype}, declared {dtype}"
        )
