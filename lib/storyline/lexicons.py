"""Editable word lists, kept as CSV files in ``data/lexicons/``.

Each lexicon is a CSV with a column saying what each entry means (``note`` or ``kind``).
Add rows to extend the kit; set ``STORYLINE_LEXICONS`` to a folder of your own CSVs to
replace the shipped ones file by file (a file missing there falls back to the shipped one).

Example:
    >>> "sen" in abbreviations()
    True
    >>> read_lexicon("outlets").columns.tolist()
    ['name', 'aliases', 'note']
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import pandas as pd

#: The shipped lexicons: ``lib/storyline/lexicons`` links to the repository's ``data/lexicons``.
SHIPPED = Path(__file__).with_name("lexicons")


def lexicon_path(name: str) -> Path:
    """Path of lexicon ``name`` (without ``.csv``), preferring ``$STORYLINE_LEXICONS``."""
    override = os.environ.get("STORYLINE_LEXICONS")
    if override and (Path(override) / f"{name}.csv").exists():
        return Path(override) / f"{name}.csv"
    path = SHIPPED / f"{name}.csv"
    if not path.exists():
        raise FileNotFoundError(f"lexicon {name!r} not found at {path}")
    return path


@functools.cache
def read_lexicon(name: str) -> pd.DataFrame:
    """The lexicon ``name`` as a DataFrame of strings (empty cells are ``""``)."""
    return pd.read_csv(lexicon_path(name), dtype=str, keep_default_na=False, comment="#")


def split_aliases(cell: str) -> list[str]:
    """Aliases are stored ``|``-separated in one cell."""
    return [alias.strip() for alias in cell.split("|") if alias.strip()]


@functools.cache
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations (without the final dot) that never end a sentence."""
    return frozenset(read_lexicon("abbreviations")["abbreviation"].str.lower().str.rstrip("."))


@functools.cache
def name_index(lexicon: str) -> dict[str, str]:
    """Map every name and alias of ``lexicon`` (lower-cased) to its canonical ``name``."""
    index: dict[str, str] = {}
    for row in read_lexicon(lexicon).itertuples():
        for alias in [row.name, *split_aliases(row.aliases)]:
            index[alias.lower()] = row.name
    return index
