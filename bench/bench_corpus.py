"""Corpus runs: articles per second per core, memory against corpus size, speed-up from one
to two workers (local pool and Dask), and corroboration time against the number of claims.

Usage::

    python bench/bench_corpus.py                       # every part, sizes 1000 and 10000
    python bench/bench_corpus.py --parts memory --sizes 1000,10000,100000
    python bench/bench_corpus.py --parts speedup --articles 160

Real texts come from ../shared/data/polnear (skipped when absent). CPU time and peak memory
are summed over this process and every process it starts (pool workers, Dask nanny and
workers), sampled with psutil. On a shared machine wall-clock speed-ups depend on what else
runs: the load average is printed next to them, and so is the CPU each worker actually got.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
from common import polnear

from storyline import analyze_corpus
from storyline.corroborate import corroborate
from storyline.similarity import overlap, shared_key_pairs


class TreeMonitor:
    """Samples CPU seconds and memory (RSS) of this process and all its descendants."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval, self.cpu, self.peak_rss = interval, {}, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        rss = 0
        for process in [me, *me.children(recursive=True)]:
            try:
                times = process.cpu_times()
                self.cpu[process.pid] = times.user + times.system
                rss += process.memory_info().rss
            except psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, rss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> TreeMonitor:
        self._sample()
        self.start_cpu = sum(self.cpu.values())
        self.started = time.perf_counter()
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.wall = time.perf_counter() - self.started

    @property
    def cpu_seconds(self) -> float:
        return sum(self.cpu.values()) - self.start_cpu


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f}/{five:.1f}/{fifteen:.1f} on {os.cpu_count()} cores"


def write_jsonl(path: Path, documents: list[dict], n: int) -> None:
    """``n`` articles cycling through ``documents``, each with its own id (streamed out)."""
    with path.open("w", encoding="utf-8") as handle:
        for k in range(n):
            doc = documents[k % len(documents)]
            record = {"id": f"{doc['doc']}#{k}", "text": doc["text"],
                      "outlet": doc["publisher"], "published": doc["date"]}
            handle.write(json.dumps(record) + "\n")


def run(source, **options) -> tuple[TreeMonitor, object]:
    with TreeMonitor() as monitor:
        result = analyze_corpus(source, progress=False, **options)
    return monitor, result


def per_core(documents: list[dict], n: int) -> None:
    print(f"\n## Full analysis, one worker ({n} PolNeAR dev articles, all tables)")
    from storyline.chunks import start_worker

    start_worker()  # load the tagger first: per-core speed is the steady state
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        write_jsonl(path, documents, n)
        monitor, result = run(path, workers=1)
    print(f"{result.analysed} articles in {monitor.wall:.1f} s wall, {monitor.cpu_seconds:.1f} s"
          f" CPU: {result.analysed / monitor.cpu_seconds:.2f} articles/s per core "
          f"({result.analysed / monitor.wall:.2f} articles/s wall; {load_average()})")


def memory(documents: list[dict], sizes: list[int], workers: int, tables: tuple | None) -> None:
    what = "all tables" if tables is None else "tables " + ",".join(tables)
    print(f"\n## Peak memory (RSS of parent + workers), {workers} workers, {what}, "
          "streamed from JSONL into Parquet")
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "in.jsonl"
            write_jsonl(path, documents, n)
            monitor, result = run(path, workers=workers, out=Path(folder) / "out",
                                  tables=tables)
        print(f"{n:>7} articles: peak {monitor.peak_rss / 2**20:7.0f} MiB, {monitor.wall:7.1f} s, "
              f"{result.analysed / monitor.wall:6.2f} articles/s ({load_average()})")


def speedup(documents: list[dict], n: int) -> None:
    print(f"\n## Speed-up from 1 to 2 workers ({n} articles, all tables, start-up included)")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        write_jsonl(path, documents, n)
        for engine in ("local", "dask"):
            walls = {}
            for workers in (1, 2):
                monitor, result = run(path, engine=engine, workers=workers)
                walls[workers] = monitor.wall
                busy = monitor.cpu_seconds / monitor.wall
                print(f"{engine:>5} {workers} worker(s): {monitor.wall:6.1f} s, "
                      f"{result.analysed / monitor.wall:5.2f} articles/s, CPU {busy:.2f} cores "
                      f"busy ({load_average()})")
            print(f"{engine:>5} speed-up 1 -> 2 workers: {walls[1] / walls[2]:.2f}x")


def corroboration(corpus: str | None) -> None:
    print("\n## Corroboration time against the number of claims")
    if corpus:
        import pandas as pd

        from storyline import read_corpus

        result = read_corpus(corpus)
        tables = {name: result[name] for name in ("claims", "articles", "sources")}
        span = tables["articles"].published.max() - tables["articles"].published.min()
        print("the corpus, then copies of it with new ids, each dated after the last:")
        for copies in (1, 2, 4, 8):
            part = {}
            for name, table in tables.items():
                frames = []
                for k in range(copies):
                    frame = table.assign(article_id=table.article_id + f"~{k}")
                    if name == "articles":
                        frame = frame.assign(published=frame.published + k * (span * 2))
                    frames.append(frame)
                part[name] = pd.concat(frames, ignore_index=True)
            started = time.process_time()
            groups = corroborate(part)
            seconds = time.process_time() - started
            print(f"{len(part['claims']):>7} claims ({len(part['articles'])} articles): "
                  f"{seconds:6.2f} s CPU, {len(groups)} groups "
                  f"({(groups.n_outlets >= 2).sum()} across outlets)")
    else:
        print("(give --corpus DIR, a written corpus folder, for the real-claims figures)")
    print("candidate search alone, random 12-word contents, 10 % near copies:")
    import random

    rng = random.Random(1)
    vocabulary = [f"w{k}" for k in range(5000)]
    for n in (10_000, 40_000, 160_000):
        texts = [rng.choices(vocabulary, k=12) for _ in range(n)]
        texts[: n // 10] = [t[:5] + ["x"] + t[6:] for t in texts[-(n // 10):]]
        started = time.process_time()
        keys = [{f"{a} {b}" for a, b in zip(t, t[1:])} for t in texts]
        pairs = shared_key_pairs(keys)
        found = sum(overlap(set(texts[i]), set(texts[j]))[1] >= 0.4 for i, j in pairs)
        print(f"{n:>7} contents: {time.process_time() - started:6.2f} s CPU, "
              f"{len(pairs)} candidates, {found} matches")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--parts", default="percore,memory,speedup,corroboration")
    parser.add_argument("--sizes", default="1000,10000", help="corpus sizes for memory")
    parser.add_argument("--memory-tables", default="sentences",
                        help="tables built in the memory runs ('all' for every table)")
    parser.add_argument("--articles", type=int, default=84, help="articles for speed parts")
    parser.add_argument("--workers", type=int, default=2, help="workers for the memory runs")
    parser.add_argument("--corpus", help="a written corpus folder for corroboration timing")
    args = parser.parse_args()
    parts = args.parts.split(",")
    documents = polnear("dev") + polnear("train")
    print(f"# bench_corpus on {len(documents)} PolNeAR texts; {load_average()}")
    if "percore" in parts:
        per_core(documents, args.articles)
    if "memory" in parts:
        tables = None if args.memory_tables == "all" else tuple(args.memory_tables.split(","))
        memory(documents, [int(s) for s in args.sizes.split(",")], args.workers, tables)
    if "speedup" in parts:
        speedup(documents, args.articles)
    if "corroboration" in parts:
        corroboration(args.corpus)


if __name__ == "__main__":
    sys.exit(main())
