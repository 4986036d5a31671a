"""A Dask worker plugin that loads the tagger and lexicons on every worker of a cluster, and
on any worker that joins it later, before the worker's first corpus chunk.

It lives apart from :mod:`storyline.engines` so that importing storyline never imports
``distributed``; :func:`storyline.engines.run_dask` registers it.

Example:
    >>> WarmUp.name
    'storyline-warm-up'
"""

from __future__ import annotations

from distributed import WorkerPlugin

from storyline.chunks import start_worker


class WarmUp(WorkerPlugin):
    """Runs :func:`storyline.chunks.start_worker` once on each worker."""

    name = "storyline-warm-up"
    idempotent = True

    def setup(self, worker) -> None:
        start_worker()
