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
    dtypes = {name: str(dtype) for name, dtype in frame.dtypes.items()}
    json_columns = [name for name, dtype in frame.dtypes.items() if str(dtype) == "object"]
    data = {name: (pd.array([_json(v) for v in frame[name]], dtype="string")
                   if name in json_columns else frame[name]) for name in frame.columns}
    table = pa.Table.from_pandas(pd.DataFrame(data), preserve_index=False)
    meta = json.dumps({"dtypes": dtypes, "json_columns": json_columns}).encode()
    # one chunk per column (a frame concatenated from many articles' frames has one per
    # article): a worker's chunk of results then pickles to a third of the bytes, and is
    # pickled and unpickled 3 to 4 times faster
    return table.replace_schema_metadata({_META_KEY: meta}).combine_chunks()


def frame_from_arrow(table: pa.Table) -> pd.DataFrame:
    """The DataFrame :func:`frame_to_arrow` stored: declared dtypes, JSON columns as lists."""
    meta = json.loads((table.schema.metadata or {}).get(_META_KEY, b"{}"))
    frame = table.replace_schema_metadata(None).to_pandas(types_mapper=_NULLABLE.get)
    for name in meta.get("json_columns", []):
        if name in frame:
            frame[name] = pd.Series([None if v is pd.NA else json.loads(v) for v in frame[name]],
                                    dtype=object, index=frame.index)
    for name, dtype in meta.get("dtypes", {}).items():
        if name in frame and dtype != "object" and str(frame[name].dtype) != dtype:
            frame[name] = frame[name].astype(dtype)
    return frame


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
