"""Helpers the benchmark scripts share: where the shared data is, and real texts to run on."""

from __future__ import annotations

import json
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
