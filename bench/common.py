"""Helpers the benchmark scripts share: where the shared data is, and real texts to run on."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; exits with a message when this machine does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        sys.exit(f"skipped: {path} is not on this machine")
    return path


def polnear(split: str = "dev") -> list[dict]:
    """PolNeAR documents of one split (each with text, publisher, date, attributions)."""
    path = shared_path("data", "polnear", f"polnear_{split}.jsonl")
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def fastest_runs(runs: int, argv: list[str]) -> list[dict]:
    """Run a benchmark's measuring part ``runs`` times, each in a new Python process (so no
    run inherits another's caches or learned words), and return the figures each printed as
    its last line of JSON, fastest (least ``total``) first.

    On a shared virtual machine the CPU time of the same work swings by a quarter from one
    run to the next as other guests come and go. That noise only ever adds time, so the
    fastest run is the closest to the code's own cost, as ``timeit`` takes the minimum; the
    scripts print the slowest beside it.
    """
    results = []
    for _ in range(runs):
        done = subprocess.run([sys.executable, *argv], capture_output=True, text=True,
                              check=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return sorted(results, key=lambda figures: figures["total"])
