"""Corpus runs: articles per second per core, memory against corpus size, speed-up from one
to two workers (local pool and Dask), and corroboration time against the number of claims.

Usage::

    python bench/bench_corpus.py                       # every part, sizes 1000 and 10000
    python bench/bench_corpus.py --parts memory --sizes 1000,10000,100000
    python bench/bench_corpus.py --parts speedup --articles 420 --repeats 3

Real texts come from ../shared/data/polnear (skipped when absent). Each measured run is a new
Python process: its CPU time is counted with getrusage (itself and the processes it started),
its peak memory is the RSS of it and all its descendants, sampled with psutil from outside.
On a shared machine wall-clock speed-ups depend on what else runs: the load average is
printed next to them, and ``--repeats`` keeps the fastest of several runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
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
    """Samples the memory (RSS) of a process and all its descendants, from outside it."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval, self.peak_rss = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        try:
            root = psutil.Process(self.pid)
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            return
        rss = 0
        for process in tree:
            try:
                rss += process.memory_info().rss
            except psutil.Error:
                continue
        self.peak_rss = max(self.peak_rss, rss)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self._sample()

    def __enter__(self) -> TreeMonitor:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


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


def fresh_run(path: Path, engine: str = "local", workers: int = 1, **options) -> dict:
    """Figures of one :func:`analyze_corpus` run in a new Python process: no run inherits
    another's warm-up, and the measured process runs no thread of ours (a thread would stop
    the local engine from forking its workers). Import time is not counted: a user has
    imported storyline before calling. Memory is sampled from here, CPU is counted there."""
    spec = json.dumps({"path": str(path), "engine": engine, "workers": workers, **options})
    process = subprocess.Popen([sys.executable, __file__, "--one", spec],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    with TreeMonitor(process.pid) as monitor:
        output, _ = process.communicate()
    if process.returncode:
        raise RuntimeError(f"the run {spec} failed with exit code {process.returncode}")
    return {**json.loads(output.strip().splitlines()[-1]), "peak_rss": monitor.peak_rss}


def one_run(spec: str) -> None:
    """Run analyze_corpus as ``spec`` (JSON) says; print wall seconds, CPU seconds of this
    process (``parent_cpu``: reading, bookkeeping, for Dask the scheduler) and of it plus the
    processes it started and waited for (``cpu``), as JSON."""
    options = json.loads(spec)
    path = options.pop("path")
    parent, children = cpu_seconds(resource.RUSAGE_SELF), cpu_seconds(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = analyze_corpus(path, progress=False, **options)
    wall = time.perf_counter() - started
    parent = cpu_seconds(resource.RUSAGE_SELF) - parent
    children = cpu_seconds(resource.RUSAGE_CHILDREN) - children
    print(json.dumps({"wall": wall, "cpu": parent + children, "parent_cpu": parent,
                      "analysed": result.analysed}))


def per_core(documents: list[dict], n: int) -> None:
    print(f"\n## Full analysis, one worker ({n} PolNeAR dev articles, all tables)")
    from storyline.chunks import start_worker

    start_worker()  # load the tagger first: per-core speed is the steady state
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "in.jsonl"
        write_jsonl(path, documents, n)
        cpu, started = cpu_seconds(resource.RUSAGE_SELF), time.perf_counter()
        result = analyze_corpus(path, workers=1, progress=False)
        cpu, wall = cpu_seconds(resource.RUSAGE_SELF) - cpu, time.perf_counter() - started
    print(f"{result.analysed} articles in {wall:.1f} s wall, {cpu:.1f} s CPU: "
          f"{result.analysed / cpu:.2f} articles/s per core "
          f"({result.analysed / wall:.2f} articles/s wall; {load_average()})")


def memory(documents: list[dict], sizes: list[int], workers: int, tables: tuple | None) -> None:
    what = "all tables" if tables is None else "tables " + ",".join(tables)
    print(f"\n## Peak memory (RSS of parent + workers), {workers} workers, {what}, "
          "streamed from JSONL into Parquet")
    for n in sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "in.jsonl"
            write_jsonl(path, documents, n)
            figures = fresh_run(path, workers=workers, out=str(Path(folder) / "out"),
                                tables=list(tables) if tables else None)
        print(f"{n:>7} articles: peak {figures['peak_rss'] / 2**20:7.0f} MiB, "
              f"{figures['wall']:7.1f} s, {figures['analysed'] / figures['wall']:6.2f} "
              f"articles/s ({load_average()})")


def speedup(documents: list[dict], n: int, repeats: int) -> None:
    print(f"\n## Speed-up from 1 to 2 workers ({n} and {2 * n} articles, all tables, "
          f"best of {repeats} runs each)")
    print("start-up included: the whole call on 2n articles, pool or cluster start included;\n"
          "steady state: the n extra articles over the extra seconds of the 2n run against the "
          "n run;\nparent CPU: seconds of the calling process (reading input, bookkeeping, and "
          "for\nDask the scheduler), which on 2 cores is taken from the workers")
    with tempfile.TemporaryDirectory() as folder:
        paths = {}
        for size in (n, 2 * n):
            paths[size] = Path(folder) / f"in-{size}.jsonl"
            write_jsonl(paths[size], documents, size)
        for engine in ("local", "dask"):
            best: dict[tuple[int, int], dict] = {}
            for _ in range(repeats):
                for workers in (1, 2):
                    for size in (n, 2 * n):
                        figures = fresh_run(paths[size], engine, workers)
                        assert figures["analysed"] == size, figures
                        if (workers, size) not in best or figures["wall"] < best[workers, size][
                                "wall"]:
                            best[workers, size] = figures
            rates = {}
            for workers in (1, 2):
                whole, half = best[workers, 2 * n], best[workers, n]
                rates[workers] = (2 * n / whole["wall"],
                                  n / max(whole["wall"] - half["wall"], 1e-9))
                print(f"{engine:>5} {workers} worker(s): {half['wall']:5.1f} s for {n}, "
                      f"{whole['wall']:5.1f} s for {2 * n}: {rates[workers][0]:5.2f} articles/s "
                      f"start-up included, {rates[workers][1]:5.2f} steady; "
                      f"CPU {whole['cpu']:5.1f} s, parent {whole['parent_cpu']:5.1f} s")
            print(f"{engine:>5} speed-up 1 -> 2 workers: {rates[2][0] / rates[1][0]:.2f}x start-up "
                  f"included, {rates[2][1] / rates[1][1]:.2f}x steady state ({load_average()})")


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
    parser.add_argument("--repeats", type=int, default=1,
                        help="runs of each speed-up setting; the fastest is kept")
    parser.add_argument("--workers", type=int, default=2, help="workers for the memory runs")
    parser.add_argument("--corpus", help="a written corpus folder for corroboration timing")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # engine,workers,path: one fresh run
    args = parser.parse_args()
    if args.one:
        return one_run(args.one)
    parts = args.parts.split(",")
    documents = polnear("dev") + polnear("train")
    print(f"# bench_corpus on {len(documents)} PolNeAR texts; {load_average()}")
    if "percore" in parts:
        per_core(documents, args.articles)
    if "memory" in parts:
        tables = None if args.memory_tables == "all" else tuple(args.memory_tables.split(","))
        memory(documents, [int(s) for s in args.sizes.split(",")], args.workers, tables)
    if "speedup" in parts:
        speedup(documents, args.articles, args.repeats)
    if "corroboration" in parts:
        corroboration(args.corpus)


if __name__ == "__main__":
    sys.exit(main())
