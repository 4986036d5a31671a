"""Shared fixtures: the example article and the optional shared development data."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pandas as pd
import pytest

from storyline import claims, read_article

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "articles" / "musk-putin-starlink.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def example():
    """The bundled example article, read with its metadata from data/articles.csv."""
    return read_article(EXAMPLE)


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data, or a skip when this machine does not have it."""
    folder = SHARED / "data"
    if not folder.is_dir():
        pytest.skip(f"development data not present at {folder}")
    return folder


def only(text: str, **where) -> pd.Series:
    """The one claim of ``text`` (among those whose columns equal ``where``); fails the test
    showing what was found when there is not exactly one."""
    table = claims(text)
    for column, value in where.items():
        table = table[table[column] == value]
    assert len(table) == 1, table[["source_text", "cue", "content"]]
    return table.iloc[0]
