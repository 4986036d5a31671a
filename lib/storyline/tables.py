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
import itertools
import operator
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
from pandas.core.arrays import DatetimeArray
from pandas.core.internals.api import _make_block
from pandas.core.internals.managers import BlockManager


def make_table(rows: Iterable[Mapping], columns: Mapping[str, str]) -> pd.DataFrame:
    """A DataFrame holding ``rows`` with exactly ``columns`` (name -> dtype), in that order.

    Tables of a few rows are built thousands of times in a corpus, so pandas' general
    constructor would cost more than the rules that found the rows. Instead the columns of
    one numpy dtype become one block in a single conversion (days through their ordinals,
    which numpy reads far faster than date objects), all string columns one pyarrow array
    (sliced per column), and pandas gets the blocks as they are; a column whose values do
    not convert that way is built alone, as pandas would build it.
    """
    rows = list(rows)
    layout = _layout(tuple(columns.items()))
    values = _transpose(rows, layout)
    blocks = []
    for dtype, places in layout.numpy:
        try:
            blocks.append((_numpy_block([values[i] for i in places], dtype), places))
        except (TypeError, ValueError):
            blocks += [_block(values[i], layout.dtypes[i], layout.places[i]) for i in places]
    if layout.strings:
        blocks += _string_blocks(values, layout)
    blocks += [_block(values[i], layout.dtypes[i], layout.places[i]) for i in layout.others]
    return _frame(blocks, layout.index.view(), pd.RangeIndex(len(rows)))


def _frame(blocks: list[tuple], columns: pd.Index, index: pd.Index) -> pd.DataFrame:
    """The DataFrame of ``blocks`` (array, column positions), taken as they are.

    This is what :func:`pandas.api.internals.create_dataframe_from_blocks` does, less its
    final check that the blocks fit the axes: they come from one declaration, so they do,
    and the check took a tenth of make_table's time. The pandas internals used here (and
    ``DatetimeArray._simple_new`` in :func:`_numpy_block`) are the ones that function and
    pandas' own constructors use; the tests compare every kind of column with pandas' own
    conversion, so a pandas release that changes them fails there.
    """
    manager = BlockManager([_make_block(*block) for block in blocks], [columns, index],
                           verify_integrity=False)
    return pd.DataFrame._from_mgr(manager, manager.axes)


@dataclass(frozen=True)
class _Layout:
    """How a declaration becomes blocks: ``numpy`` pairs a numeric, datetime or object dtype
    with the positions of its columns; ``strings`` and ``others`` are positions of string and
    other columns; ``places`` holds each column's position as the array a one-column block
    takes."""

    names: tuple[str, ...]
    dtypes: tuple[str, ...]
    index: pd.Index  # callers take a view, so a table's column index is its own
    numpy: tuple[tuple[np.dtype, np.ndarray], ...]
    strings: tuple[int, ...]
    others: tuple[int, ...]
    places: tuple[np.ndarray, ...]


@functools.lru_cache(maxsize=256)
def _layout(columns: tuple[tuple[str, str], ...]) -> _Layout:
    """The layout of a declaration, made once (pandas takes longer to make an index than to
    fill a small table)."""
    grouped: dict[np.dtype, list[int]] = {}
    strings, others = [], []
    for place, (_, dtype) in enumerate(columns):
        kind = _dtype(dtype)
        if isinstance(kind, np.dtype) and kind.kind in "iufbMO":
            grouped.setdefault(kind, []).append(place)
        elif _arrow_string(kind):
            strings.append(place)
        else:
            others.append(place)
    names = tuple(name for name, _ in columns)
    return _Layout(names, tuple(dtype for _, dtype in columns), pd.Index(list(names)),
                   tuple((kind, np.array(places)) for kind, places in grouped.items()),
                   tuple(strings), tuple(others),
                   tuple(np.array([place]) for place in range(len(columns))))


def _transpose(rows: list[Mapping], layout: _Layout) -> list[tuple]:
    """The values of each declared column, in declaration order (None where a row lacks it)."""
    names = layout.names
    if not rows:
        return [()] * len(names)
    cells = operator.itemgetter(*names) if len(names) > 1 else \
        lambda row, name=names[0]: (row[name],)
    try:
        return list(zip(*map(cells, rows)))
    except KeyError:
        return list(zip(*([row.get(name) for name in names] for row in rows)))


def _numpy_block(columns: list[tuple], dtype: np.dtype) -> np.ndarray | DatetimeArray:
    """Columns of one numeric, datetime or object dtype as one two-dimensional array; raises
    ``TypeError`` for days that are not all ``datetime.date`` or None.

    Days come as the two-dimensional ``DatetimeArray`` pandas keeps them in, made straight
    from their numpy array: handed the numpy array, pandas would check every value again.
    """
    if dtype.kind == "O":  # values one by one, so lists stay whole
        cells = itertools.chain.from_iterable(columns)
        return np.fromiter(cells, dtype=object, count=len(columns) * len(columns[0])
                           ).reshape(len(columns), -1)
    if dtype.kind != "M":
        return np.array(columns, dtype=dtype)  # exactly what pd.array does for these
    days = [[_NAT if day is None else _ordinal(day) - _EPOCH for day in column]
            for column in columns]
    days = np.array(days, dtype=np.int64).view("datetime64[D]").astype(dtype)
    return DatetimeArray._simple_new(days, dtype=dtype)


_EPOCH = dt.date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min  # numpy's NaT as an integer


def _ordinal(day: dt.date) -> int:
    """The day's ordinal; a datetime (which has a time) or another value is not a day."""
    if type(day) is not dt.date:
        raise TypeError(f"not a day: {day!r}")
    return day.toordinal()


def _string_blocks(values: list[tuple], layout: _Layout) -> list[tuple]:
    """One block per string column, sliced from a single string array of them all."""
    n = len(values[layout.strings[0]])
    flat = [value for i in layout.strings for value in values[i]]
    try:
        strings = pd.arrays.ArrowStringArray(pa.array(flat, type=pa.large_string()),
                                             dtype=_dtype("string"))
    except (TypeError, ValueError, pa.ArrowException):  # not only str and None
        return [_block(values[i], layout.dtypes[i], layout.places[i])
                for i in layout.strings]
    return [(strings[k * n:(k + 1) * n], layout.places[i])
            for k, i in enumerate(layout.strings)]


def _block(values: tuple, dtype: str, place: np.ndarray) -> tuple:
    """A block of one column at ``place``: pandas wants numpy arrays two-dimensional."""
    array = _column(list(values), dtype)
    if isinstance(array, pd.arrays.NumpyExtensionArray):
        array = array.to_numpy()
    if isinstance(array, np.ndarray):
        array = array.reshape(1, -1)
    return array, place


def _arrow_string(kind) -> bool:
    return isinstance(kind, pd.StringDtype) and kind.storage == "pyarrow" and \
        kind.na_value is pd.NA


def _column(values: list, dtype: str):
    """One column as the array pandas would make of ``values`` for ``dtype``."""
    kind = _dtype(dtype)
    if _arrow_string(kind):
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
    if isinstance(kind, np.dtype) and kind.kind == "O":
        return np.fromiter(values, dtype=object, count=len(values))  # lists stay whole
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
