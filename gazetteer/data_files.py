"""Readers of the gazetteer's own data files (``gazetteer/data``).

Shared by the index builder (:mod:`gazetteer.build`), the sources
(:mod:`gazetteer.sources.regions` reads the common words) and the public country helpers
(:mod:`gazetteer.countries` reads the demonyms), so none of them imports another for a file.
"""

from __future__ import annotations

import csv
from pathlib import Path

from gazetteer.names import normalize

__all__ = [
    "ALIASES_FILE",
    "COMMON_WORDS_FILE",
    "DATA_DIR",
    "DEMONYMS_FILE",
    "read_aliases",
    "read_common_words",
    "read_demonyms",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMONYMS_FILE = DATA_DIR / "demonyms.csv"
ALIASES_FILE = DATA_DIR / "aliases.csv"
COMMON_WORDS_FILE = DATA_DIR / "common_words.txt"


def read_common_words(path: Path = COMMON_WORDS_FILE) -> set[str]:
    """Read the place names that are also common English words (one per line, # comments)."""
    if not path.exists():
        return set()
    words: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(normalize(line))
    return words


def read_demonyms(path: Path = DEMONYMS_FILE) -> list[tuple[str, str]]:
    """Read ``demonyms.csv`` (``demonym,target``; target a country code or a place id)."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["demonym"].strip(), row["target"].strip()) for row in csv.DictReader(handle)
                if row.get("demonym") and row.get("target")]


def read_aliases(path: Path = ALIASES_FILE) -> list[tuple[str, str]]:
    """Read ``aliases.csv`` (``target,alias``): extra names of entries from the packages.

    For example AP-style state abbreviations ("W.Va." -> ``adm:US.WV``).
    """
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return [(row["alias"].strip(), row["target"].strip()) for row in csv.DictReader(handle)
                if row.get("alias") and row.get("target")]
