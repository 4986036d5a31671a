"""Where a corpus run's chunks are analysed: a local process pool, or a Dask cluster.

Both take chunks in input order and hand each chunk's tables to ``sink.add`` in that order,
so the two engines give identical tables. Only a few chunks per worker are in flight, so
memory stays bounded however long the input is.

Example:
    >>> list(chunked(range(5), 2))
    [[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from storyline.chunks import WORKER_GC_THRESHOLDS, load_models, start_worker


def chunked(items: Iterable, size: int, *, expected: int | None = None,
            workers: int = 1) -> Iterator[list]:
    """Lists of ``size`` items. When ``expected``, the number of items, is known and there are
    several ``workers``, the last chunks get smaller (a share of what is left for each
    worker), so that at the end of a run no worker sits idle while another finishes a full
    chunk.

    Example:
        >>> [len(chunk) for chunk in chunked(range(40), 8, expected=40, workers=2)]
        [8, 8, 6, 5, 4, 3, 2, 1, 1, 1, 1]
    """
    iterator = iter(items)
    left = expected
    while True:
        take = size
        if workers > 1 and left is not None and left > 0:
            take = max(1, min(size, -(-left // (2 * workers))))
        chunk = list(itertools.islice(iterator, take))
        if not chunk:
            return
        yield chunk
        if left is not None:
            left -= len(chunk)


# ---------------------------------------------------------------- engines


@contextmanager
def models_frozen() -> Iterator[None]:
    """Keep the objects this process holds now (the models, once loaded) out of the garbage
    collector's passes until the run ends (:func:`gc.freeze`, undone after), as in a worker.
    A process whose objects are frozen already keeps them as they are."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _worker_thresholds() -> Iterator[None]:
    """Run the block with the garbage collector's thresholds a worker has
    (:data:`storyline.chunks.WORKER_GC_THRESHOLDS`), then give the caller its own back. Set
    before the models load, so loading them is spared the collections too, and workers forked
    from this process start with them."""
    thresholds = gc.get_threshold()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _unless_empty(chunks: Iterator[list]) -> Iterator[list] | None:
    """The chunks, or None when there are none (then no pool or cluster is started)."""
    first = next(chunks, None)
    return None if first is None else itertools.chain([first], chunks)


def run_local(chunks: Iterator[list], work: Callable, workers: int, sink) -> None:
    """Chunks through a process pool, a few per worker in flight, results taken in order.

    Where it is safe the workers are forked from this process once it has loaded the tagger
    and lexicons, so a pool starts as fast as one worker in this process does."""
    chunks = _unless_empty(chunks)
    if chunks is None:
        return
    context = _pool_context() if workers > 1 else None
    with _worker_thresholds():
        if workers == 1 or context.get_start_method() == "fork":
            load_models()
        with models_frozen():
            if workers == 1:
                for chunk in chunks:
                    sink.add(work(chunk), len(chunk))
            else:
                _run_pool(chunks, work, workers, context, sink)


def _run_pool(chunks: Iterator[list], work: Callable, workers: int,
              context: multiprocessing.context.BaseContext, sink) -> None:
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=start_worker)
    try:
        pending: deque = deque()
        for chunk in chunks:
            pending.append((pool.submit(work, chunk), len(chunk)))
            if len(pending) >= 3 * workers:
                future, size = pending.popleft()
                sink.add(future.result(), size)
        while pending:
            future, size = pending.popleft()
            sink.add(future.result(), size)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork on Linux when this process runs no other Python thread (tqdm's monitor aside);
    otherwise start workers from a fresh process: a fork copies the locks other threads hold
    (a Dask client's, a notebook kernel's), which can hang a worker forever."""
    if _can_fork():
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["storyline.chunks"])
        return context
    return multiprocessing.get_context("spawn")


def _can_fork() -> bool:
    """Whether workers may be forked from this process: on Linux, while no other thread runs."""
    return sys.platform.startswith("linux") and _no_other_threads()


def _no_other_threads() -> bool:
    from tqdm import TMonitor

    return all(thread is threading.main_thread() or isinstance(thread, TMonitor)
               for thread in threading.enumerate())


def run_dask(chunks: Iterator[list], work: Callable, client, workers: int,
             sink) -> None:
    """Chunks as partitions of Dask bags, a window at a time so memory stays bounded."""
    chunks = _unless_empty(chunks)
    if chunks is None:
        return
    import dask.bag as db

    from storyline.daskwarm import WarmUp

    fork = client is None and _can_fork()
    with _worker_thresholds():
        if fork:
            load_models()
        # frozen before a cluster of ours forks its workers, as the local pool is
        with models_frozen(), _dask_client(client, workers, fork) as client:
            client.register_plugin(WarmUp())
            window = 2 * max(1, len(client.scheduler_info()["workers"]))
            pending: deque = deque()
            for batch in chunked(chunks, window):
                bag = db.from_sequence(batch, npartitions=len(batch)).map(work)
                futures = client.compute(bag.to_delayed())
                pending.append((futures, [len(chunk) for chunk in batch]))
                if len(pending) > 1:
                    _take_window(pending.popleft(), sink)
            while pending:
                _take_window(pending.popleft(), sink)


@contextmanager
def _dask_client(client, workers: int, fork: bool) -> Iterator:
    """``client`` itself when it is a ``distributed.Client``; otherwise a new client, of the
    scheduler at the address ``client``, or of a new ``LocalCluster`` of ``workers`` (forked
    from this process when ``fork``), closed after."""
    from distributed import Client

    if client is not None and not isinstance(client, str):
        yield client
        return
    cluster = _local_cluster(workers, fork) if client is None else None
    try:
        with Client(cluster or client) as own:
            yield own
    finally:
        if cluster is not None:
            cluster.close()


#: Settings of the cluster a run starts itself: no profiler, the event-loop checks a
#: dashboard needs made less often (idle, a 2-worker cluster then takes a twentieth of a
#: core rather than an eighth), and each worker's memory checked every second rather than
#: ten times a second (which halves what the idle cluster takes again: from 2% of a core to
#: 1% in the main process, the same in the workers).
_OWN_CLUSTER = {"distributed.worker.profile.enabled": False,
                "distributed.admin.tick.interval": "1s",
                "distributed.admin.system-monitor.interval": "2s",
                "distributed.worker.memory.monitor-interval": "1s"}


def _local_cluster(workers: int, fork: bool):
    """A ``LocalCluster`` of single-threaded worker processes; with ``fork``, as for the local
    pool, they are forked from this process (which has loaded the tagger and lexicons)."""
    import dask
    from distributed import LocalCluster

    options = dict(_OWN_CLUSTER)
    if fork:
        options["distributed.worker.multiprocessing-method"] = "fork"
    with dask.config.set(options):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                            dashboard_address=None)


def _take_window(window: tuple[list, list[int]], sink) -> None:
    futures, sizes = window
    for future, size in zip(futures, sizes):
        [result] = future.result()
        sink.add(result, size)
        future.release()


