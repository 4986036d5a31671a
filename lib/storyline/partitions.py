"""Parquet partitions of a corpus run: one folder per table, written as the run goes.

Layout of an output folder ``out``::

    out/articles/part-001-00000.parquet     one row per analysed article
    out/errors/part-001-00000.parquet       one row per input that could not be analysed
    out/claims/part-001-00000.parquet       every other table, each row with its article_id
    ...

A partition ``part-RUN-SEQ`` holds the same articles in every table folder. Its file in
``articles/`` is written last, so it marks the partition as complete: partitions without it
(left by an interrupted run) are ignored when reading and deleted by the next run.

Columns holding Python lists (a source's ``aliases``, ``mentions``) are stored as JSON text,
so every partition of a table has the same Parquet schema; the pandas dtypes are kept in the
schema metadata and restored by :func:`read_table`.

Example:
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"name": pd.array(["Ann"], dtype="string"), "aliases": [["A."]]})
    >>> frame_from_arrow(frame_to_arrow(frame))
      name aliases
    0  Ann    [A.]
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

_META_KEY = b"storyline"
_PART = re.compile(r"part-(\d+)-(\d+)\.parquet$")
#: Arrow types read back as nullable pandas types, then cast to the declared dtype.
_NULLABLE = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype(),
             pa.string(): pd.StringDtype(), pa.large_string(): pd.StringDtype()}


def _json(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    if hasattr(value, "tolist"):
        value = value.tolist()
    return json.dumps(value, ensure_ascii=False, default=str)


def frame_to_arrow(frame: pd.DataFrame) -> pa.Table:
    """An Arrow table of ``frame`` with object columns as JSON text and dtypes in metadata."""
    return frames_to_arrow([frame])


def frames_to_arrow(frames: list[pd.DataFrame], article_ids: list[str] | None = None
                    ) -> pa.Table:
    """One Arrow table of ``frames`` (one table's rows for several articles, the same
    columns in each), as :func:`frame_to_arrow` would make of them concatenated; with
    ``article_ids``, one per frame, each row gets its frame's id in a first ``article_id``
    column (unless the frames have one).

    A corpus worker turns thousands of small frames a minute into Arrow tables, so their
    columns are joined here array by array rather than through ``pd.concat`` and
    ``pa.Table.from_pandas``, which took a third of a worker's time.

    Example:
        >>> frames = [pd.DataFrame({"n": [1, 2]}), pd.DataFrame({"n": [3]})]
        >>> frames_to_arrow(frames, ["a", "b"]).to_pydict()
        {'article_id': ['a', 'a', 'b'], 'n': [1, 2, 3]}
    """
    counts = [len(frame) for frame in frames]
    columns = [_column_arrays(frame) for frame in frames]
    dtypes = [array.dtype for array in columns[0]]
    if any([array.dtype for array in arrays] != dtypes for arrays in columns[1:]):
        whole = pd.concat(frames, ignore_index=True)  # pandas decides the common dtypes
        columns, dtypes = [_column_arrays(whole)], list(whole.dtypes)
    names = [str(name) for name in frames[0].columns]
    data = {name: _arrow_column([arrays[k] for arrays in columns], dtypes[k])
            for k, name in enumerate(names)}
    described = {name: str(dtype) for name, dtype in zip(names, dtypes)}
    if article_ids is not None and "article_id" not in data:
        ids = pa.array(article_ids, type=pa.large_string())
        data = {"article_id": ids.take(np.repeat(np.arange(len(ids)), counts)), **data}
        described = {"article_id": "string", **described}
    meta = json.dumps({"dtypes": described,
                       "json_columns": [name for name, dtype in described.items()
                                        if dtype == "object"]}).encode()
    # one chunk per column: a worker's chunk of results then pickles to a third of the
    # bytes, and is pickled and unpickled 3 to 4 times faster
    return pa.table(data).replace_schema_metadata({_META_KEY: meta}).combine_chunks()


def _column_arrays(frame: pd.DataFrame) -> list:
    """The array behind each column of ``frame``: what ``frame[name].array`` gives without
    building a Series for each column (the public way took a twentieth of a millisecond a
    column, longer than the rules took to fill a small table)."""
    return [frame._get_column_array(k) for k in range(frame.shape[1])]


def _arrow_column(arrays: list, dtype) -> pa.Array:
    """One Arrow array of a column's arrays: object columns as JSON text, other columns as
    ``pa.Table.from_pandas`` converts them (NaN and NaT as nulls)."""
    if str(dtype) == "object":
        return pa.array([_json(value) for array in arrays for value in array],
                        type=pa.large_string())
    if isinstance(arrays[0], np.ndarray):
        joined = arrays[0] if len(arrays) == 1 else np.concatenate(arrays)
    else:
        joined = arrays[0] if len(arrays) == 1 else arrays[0]._concat_same_type(arrays)
    return pa.array(joined, from_pandas=True)


def frame_from_arrow(table: pa.Table) -> pd.DataFrame:
    """The DataFrame :func:`frame_to_arrow` stored: declared dtypes, JSON columns as lists."""
    meta = json.loads((table.schema.metadata or {}).get(_META_KEY, b"{}"))
    frame = table.replace_schema_metadata(None).to_pandas(types_mapper=_NULLABLE.get)
    for name in meta.get("json_columns", []):
        if name in frame:
            frame[name] = pd.Series(_from_json(table.column(name)), dtype=object,
                                    index=frame.index)
    for name, dtype in meta.get("dtypes", {}).items():
        if name in frame and dtype != "object" and str(frame[name].dtype) != dtype:
            frame[name] = frame[name].astype(dtype)
    return frame


def _from_json(texts: pa.ChunkedArray) -> list:
    """The values of a column of JSON texts, nulls as None. They are decoded as one JSON
    array, in one call rather than one per row: a tenth of the time, which the calling
    process spends after its workers are done.

    Example:
        >>> _from_json(pa.chunked_array([['["A."]', None, "[]"]]))
        [['A.'], None, []]
    """
    joined = ",".join("null" if text is None else text for text in texts.to_pylist())
    return json.loads(f"[{joined}]")


def concat_arrow(tables: list[pa.Table]) -> pa.Table:
    """One Arrow table from several, columns added by newer versions filled with nulls."""
    if len(tables) == 1:
        return tables[0]
    meta = {}
    for table in tables:
        meta = table.schema.metadata or meta
    plain = [t.replace_schema_metadata(None) for t in tables]
    return pa.concat_tables(plain, promote_options="default").replace_schema_metadata(meta)


def complete_parts(out: Path) -> list[str]:
    """Names of the complete partitions in ``out`` (those with an ``articles`` file), in order."""
    folder = Path(out) / "articles"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if _PART.match(p.name))


def next_run(out: Path) -> int:
    """The run number for a new run into ``out``: one more than any run found there."""
    runs = [int(_PART.match(p.name).group(1)) for p in Path(out).glob("*/part-*.parquet")
            if _PART.match(p.name)]
    return max(runs, default=0) + 1


def remove_incomplete(out: Path) -> list[Path]:
    """Delete partition files an interrupted run left without their ``articles`` file."""
    complete = set(complete_parts(out))
    removed = []
    for path in Path(out).glob("*/part-*.parquet*"):
        if path.name not in complete:
            path.unlink()
            removed.append(path)
    return removed


def write_partition(out: Path, name: str, tables: dict[str, pa.Table]) -> None:
    """Write one partition of every table, ``articles`` last (it marks the partition done)."""
    order = [t for t in tables if t != "articles"] + ["articles"]
    for table_name in order:
        folder = Path(out) / table_name
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f"{name}.partial"
        pq.write_table(tables[table_name], partial)
        os.replace(partial, folder / name)


def table_names(out: Path) -> list[str]:
    """The tables written in ``out``, by folder name."""
    return sorted(p.name for p in Path(out).iterdir() if p.is_dir() and any(p.glob("part-*")))


def read_arrow(out: Path, name: str, columns: list[str] | None = None) -> pa.Table | None:
    """The complete partitions of one table as one Arrow table (None when there are none)."""
    folder = Path(out) / name
    parts = [folder / part for part in complete_parts(out) if (folder / part).is_file()]
    if not parts:
        return None
    return concat_arrow([pq.read_table(part, columns=columns) for part in parts])


def read_table(out: Path, name: str) -> pd.DataFrame:
    """One table of a written corpus as a DataFrame (``KeyError`` if it was not written)."""
    table = read_arrow(out, name)
    if table is None:
        raise KeyError(f"{out} has no table {name!r}; it has {table_names(out)}")
    return frame_from_arrow(table)
