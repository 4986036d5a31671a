"""Many articles: every table of the kit for a folder, a table of articles or an iterable.

:func:`analyze_corpus` streams the input in chunks to a pool of worker processes (or to a
Dask cluster), so memory stays flat however long the corpus is. Each worker loads the
tagger and lexicons once and sends back compact Arrow tables, not DataFrames. Every input
ends up either in the ``articles`` table or in the ``errors`` table: a bad article never
stops the rest. With ``out`` the tables are written as Parquet partitions as the run goes
(see :mod:`storyline.partitions`), and a re-run on the same folder skips what is done.

Example:
    >>> result = analyze_corpus("data/articles", workers=1, progress=False)
    >>> list(result.articles.article_id), len(result.errors)
    (['musk-putin-starlink'], 0)
    >>> int((result.claims.article_id == "musk-putin-starlink").sum()) > 10
    True
"""

from __future__ import annotations

import functools
import os
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow as pa

from storyline.analysis import TABLES
from storyline.articles import (
    ARTICLE_SUFFIXES,
    Article,
    ArticleError,
    _record_kwargs,
    article_inputs,
)
from storyline.chunks import MAX_CHARS, analyze_chunk
from storyline.engines import chunked, run_dask, run_local
from storyline.partitions import (
    complete_parts,
    concat_arrow,
    frame_from_arrow,
    next_run,
    read_arrow,
    read_table,
    remove_incomplete,
    table_names,
    write_partition,
)

#: A partition is written at least this often, so an interrupted run loses little work.
FLUSH_SECONDS = 300
#: Inputs per task by engine: a Dask task costs its scheduler and client, in the calling
#: process, about 10 ms of CPU, against well under 1 ms for the local pool's, so Dask gets
#: fewer, bigger tasks (with 840 articles, 32 rather than 8 an article took that process
#: from 2.2 to 1.3 s of CPU).
CHUNK_SIZES = {"local": 8, "dask": 32}


@dataclass
class CorpusResult:
    """The tables of a corpus run, by name (``result.claims`` or ``result["claims"]``).

    With an output folder the tables are read from its Parquet files when first used.

    Example:
        >>> result = analyze_corpus(["Rivers rose, officials said."], progress=False)
        >>> result.summary()["analysed"], result.names[:2]
        (1, ('articles', 'sentences'))
    """

    names: tuple[str, ...]
    out: Path | None = None
    analysed: int = 0
    failed: int = 0
    skipped: int = 0
    seconds: float = 0.0
    tables: dict[str, pd.DataFrame] = field(default_factory=dict, repr=False)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self.tables:
            if self.out is None or name not in self.names:
                raise KeyError(f"no table {name!r}; the tables are {list(self.names)}")
            self.tables[name] = _in_input_order(read_table(self.out, name), self, name)
        return self.tables[name]

    def __getattr__(self, name: str) -> pd.DataFrame:
        if name.startswith("_") or name not in self.__dict__.get("names", ()):
            raise AttributeError(name)
        return self[name]

    def summary(self) -> dict:
        """Counts for this run (``analysed``, ``errors``, ``skipped``, ``seconds``,
        ``articles_per_second``) and for everything in the output (``total_articles``,
        ``total_errors``)."""
        return {
            "analysed": self.analysed,
            "errors": self.failed,
            "skipped": self.skipped,
            "seconds": round(self.seconds, 2),
            "articles_per_second": round(self.analysed / self.seconds, 2) if self.seconds else 0,
            "total_articles": len(self["articles"]),
            "total_errors": len(self["errors"]),
        }


def _in_input_order(frame: pd.DataFrame, result: CorpusResult, name: str) -> pd.DataFrame:
    """Rows sorted by their article's place in the input (resumed runs append out of order)."""
    if name in ("articles", "errors"):
        positions = frame["position"]
    else:
        articles = result["articles"]
        positions = frame["article_id"].map(dict(zip(articles.article_id, articles.position)))
    if positions.is_monotonic_increasing:
        return frame.reset_index(drop=True)
    return frame.iloc[positions.argsort(kind="stable")].reset_index(drop=True)


# ---------------------------------------------------------------- inputs


def check_source(source: object) -> None:
    """Raise ``FileNotFoundError``/``ArticleError`` now for a path that cannot be a corpus."""
    if not isinstance(source, (str, Path)):
        return
    path = Path(source)
    if not path.exists():
        raise FileNotFoundError(f"{path} does not exist")
    readable = (*ARTICLE_SUFFIXES, ".csv", ".jsonl", ".ndjson", ".parquet")
    if path.is_file() and path.suffix.lower() not in readable:
        raise ArticleError(f"{path}: cannot read {path.suffix or 'files without a suffix'}; "
                           "give a folder, .txt/.md/.html, .csv, .jsonl or .parquet")


def corpus_inputs(source: str | Path | Iterable) -> Iterator[tuple[str, object]]:
    """``(reference, input)`` for each article: ``input`` is an :class:`Article` or the
    keyword arguments :func:`storyline.articles.load_input` reads it from."""
    if isinstance(source, (str, Path)):
        yield from article_inputs(source)
        return
    for number, item in enumerate(source):
        if isinstance(item, Article):
            yield item.path or item.id, item
        elif isinstance(item, str):
            yield f"item {number}", {"text": item}
        elif isinstance(item, dict):
            yield f"item {number}", _record_kwargs(item, Path.cwd())
        else:
            yield f"item {number}", {"error": f"expected an Article, str or dict, got "
                                              f"{type(item).__name__}"}


def count_inputs(source: object) -> int | None:
    """How many articles ``source`` holds when that is cheap to know (for the progress bar)."""
    if isinstance(source, (list, tuple)):
        return len(source)
    if not isinstance(source, (str, Path)) or not Path(source).exists():
        return None
    path = Path(source)
    if path.is_dir():
        return sum(1 for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES)
    suffix = path.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if suffix == ".parquet":
        import pyarrow.parquet as pq

        return pq.ParquetFile(path).metadata.num_rows
    return 1 if suffix in ARTICLE_SUFFIXES else None


# ---------------------------------------------------------------- collecting results


class _Sink:
    """Takes chunk results in input order: renames reused ids, counts, writes partitions."""

    def __init__(self, names: tuple[str, ...], out: Path | None, partition_size: int,
                 seen_ids: set[str], progress) -> None:
        self.names, self.out, self.partition_size = names, out, partition_size
        self.seen_ids, self.progress = seen_ids, progress
        self.kept: dict[str, list[pa.Table]] = {name: [] for name in names}
        self.buffered = 0
        self.analysed = self.failed = 0
        self.run = next_run(out) if out else 0
        self.sequence = 0
        self.flushed_at = time.monotonic()

    def add(self, chunk: dict[str, pa.Table], n_items: int) -> None:
        chunk = self._unique_ids(chunk)
        self.analysed += chunk["articles"].num_rows
        self.failed += chunk["errors"].num_rows
        for name in self.names:
            self.kept[name].append(chunk[name])
        self.buffered += n_items
        if self.out and (self.buffered >= self.partition_size
                         or time.monotonic() - self.flushed_at > FLUSH_SECONDS):
            self.flush()
        self.progress.update(n_items)
        if self.failed:
            self.progress.set_postfix(errors=self.failed, refresh=False)

    def _unique_ids(self, chunk: dict[str, pa.Table]) -> dict[str, pa.Table]:
        """Append ``~position`` to an id an earlier input used, in every table of the chunk."""
        articles = chunk["articles"]
        ids = articles.column("article_id").to_pylist()
        positions = articles.column("position").to_pylist()
        unique = []
        for article_id, position in zip(ids, positions):
            unique.append(f"{article_id}~{position}" if article_id in self.seen_ids
                          else article_id)
            self.seen_ids.add(unique[-1])
        if unique == ids:
            return chunk
        notes = articles.column("warnings").to_pylist()
        for k, (old, new) in enumerate(zip(ids, unique)):
            if old != new:
                note = f"article id {old!r} is used by an earlier input; renamed {new!r}"
                notes[k] = "\n".join(filter(None, [notes[k], note]))
        chunk = {**chunk, "articles": _set_column(_set_column(articles, "warnings", notes),
                                                  "article_id", unique)}
        for name in chunk:
            counts = f"n_{name}"
            if counts in articles.column_names:  # rows come grouped by article, in order
                repeated = [new for new, n in zip(unique, articles.column(counts).to_pylist())
                            for _ in range(n)]
                chunk[name] = _set_column(chunk[name], "article_id", repeated)
        return chunk

    def flush(self) -> None:
        if not self.out or not self.buffered:
            return
        name = f"part-{self.run:03d}-{self.sequence:05d}.parquet"
        write_partition(self.out, name, {t: concat_arrow(self.kept[t]) for t in self.names})
        self.kept = {t: [] for t in self.names}
        self.buffered = 0
        self.sequence += 1
        self.flushed_at = time.monotonic()

    def tables(self) -> dict[str, pd.DataFrame]:
        return {name: frame_from_arrow(concat_arrow(parts)) for name, parts in self.kept.items()}


def _set_column(table: pa.Table, name: str, values: list) -> pa.Table:
    index = table.column_names.index(name)
    field = table.field(index)
    return table.set_column(index, field, pa.array(values, type=field.type))


# ---------------------------------------------------------------- the public functions


def analyze_corpus(
    source: str | Path | Iterable,
    *,
    engine: str = "local",
    client=None,
    workers: int | None = None,
    progress: bool = True,
    out: str | Path | None = None,
    tables: Iterable[str] | None = None,
    chunk_size: int | None = None,
    partition_size: int = 500,
    max_chars: int = MAX_CHARS,
) -> CorpusResult:
    """Every table of :data:`storyline.analysis.TABLES` for many articles, plus ``articles``
    (:data:`ARTICLE_COLUMNS`) and ``errors`` (:data:`ERROR_COLUMNS`); each row has its
    ``article_id``.

    ``source`` is a folder (.txt, .md, .html), a .csv, .jsonl or .parquet file with a text
    column (and optional id, outlet, published, url, title), or an iterable of articles,
    texts or dicts. ``engine`` is ``local`` (a process pool of ``workers``, default all
    cores) or ``dask`` (``client`` a ``distributed.Client`` or a scheduler address; default
    a ``LocalCluster`` of ``workers``). With ``out`` the tables are written there as Parquet
    partitions of ``partition_size`` inputs, and inputs already done there are skipped.
    A worker takes ``chunk_size`` inputs at a time (default :data:`CHUNK_SIZES`).

    Example:
        >>> texts = ["Rivers rose, officials said.", "", "The mayor denied it."]
        >>> result = analyze_corpus(texts, progress=False)
        >>> result.summary()["analysed"], result.errors.message.tolist()
        (2, ['item 1 is empty: nothing to analyse'])
    """
    if engine not in ("local", "dask"):
        raise ValueError(f"engine must be 'local' or 'dask', got {engine!r}")
    names = tuple(tables) if tables is not None else tuple(TABLES)
    unknown = [name for name in names if name not in TABLES]
    if unknown:
        raise ValueError(f"unknown tables {unknown}; choose from {list(TABLES)}")
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    check_source(source)
    chunk_size = chunk_size or CHUNK_SIZES[engine]
    out = Path(out) if out is not None else None
    done, seen_ids = _previous_run(out) if out else (set(), set())
    all_names = ("articles", *names, "errors")
    started = time.perf_counter()
    skipped = 0
    total = count_inputs(source)
    if total is not None:  # no more workers than chunks to give them
        workers = max(1, min(workers, -(-(total - len(done)) // chunk_size)))
    bar = _progress_bar(total, progress, len(done))

    def todo() -> Iterator[tuple[int, str, object]]:
        nonlocal skipped
        for position, (reference, given) in enumerate(corpus_inputs(source)):
            if reference in done:
                skipped += 1
                bar.update(1)
                continue
            yield position, reference, given

    sink = _Sink(all_names, out, partition_size, seen_ids, bar)
    work = functools.partial(analyze_chunk, tables=names, max_chars=max_chars)
    chunks = chunked(todo(), chunk_size, workers=workers,
                     expected=None if total is None else total - len(done))
    try:
        if engine == "local":
            run_local(chunks, work, workers, sink)
        else:
            run_dask(chunks, work, client, workers, sink)
    finally:
        sink.flush()
        bar.close()
    result = CorpusResult(all_names, out, sink.analysed, sink.failed, skipped,
                          time.perf_counter() - started)
    if out is None:
        result.tables.update(sink.tables())  # in input order: chunks are taken in order
    return result


def _previous_run(out: Path) -> tuple[set[str], set[str]]:
    """References already analysed or failed in ``out``, and the article ids used there."""
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out} is a file: give a folder for the Parquet tables")
    if not out.is_dir():
        return set(), set()
    remove_incomplete(out)
    done, ids = set(), set()
    for name in ("articles", "errors"):
        table = read_arrow(out, name, columns=["article_id", "reference"])
        if table is not None:
            done.update(table.column("reference").to_pylist())
            if name == "articles":
                ids.update(table.column("article_id").to_pylist())
    return done, ids


def _progress_bar(total: int | None, progress: bool, done: int):
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=not progress, unit=" articles",
                desc="analysing", initial=0, smoothing=0.1, dynamic_ncols=True,
                postfix={"skipped": done} if done else None)


def read_corpus(out: str | Path) -> CorpusResult:
    """The tables a corpus run wrote to ``out``, read from Parquet when first used.

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> texts = [{"id": "r1", "text": "Rivers rose, officials said."}]
        >>> _ = analyze_corpus(texts, out=folder, progress=False)
        >>> read_corpus(folder).claims[["article_id", "source_text", "content"]]
          article_id source_text      content
        0         r1   officials  Rivers rose
    """
    out = Path(out)
    if not complete_parts(out):
        raise FileNotFoundError(f"{out} holds no corpus tables: run analyze_corpus(..., out=) "
                                "or `storyline corpus PATH --out DIR` first")
    written = table_names(out)
    rank = {name: k for k, name in enumerate(("articles", *TABLES))}
    names = tuple(sorted(written, key=lambda name: (name == "errors", rank.get(name, len(rank)))))
    articles = read_arrow(out, "articles", columns=["article_id"])
    errors = read_arrow(out, "errors", columns=["article_id"])
    return CorpusResult(names, out, analysed=articles.num_rows if articles else 0,
                        failed=errors.num_rows if errors else 0)
