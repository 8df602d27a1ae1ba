"""Common personal names, to tell "Linda Brown said" from "Brown County".

Many small places carry first names or surnames (Linda, California; Brown, Ohio), and news
is full of people. The US Census name frequency lists shipped by the PyPI package
``names`` (first names by sex, surnames) give the recognizer two cheap tests: is this
word a common first name, is it a common surname. Loaded lazily; when the package is
missing both sets are empty and recognition falls back to its other rules.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

__all__ = [
    "common_first_names",
    "common_surnames",
    "is_first_name",
    "is_personal_name",
    "is_surname",
]

log = logging.getLogger("conflictmap.gazetteer.people")

#: How many of the most frequent names count as "common".
FIRST_NAME_RANK = 1200
SURNAME_RANK = 6000


def _read_ranked(filename: str, limit: int) -> frozenset[str]:
    try:
        import names  # type: ignore[import-untyped]
    except ImportError:
        log.info("package 'names' not installed; personal-name rules disabled")
        return frozenset()
    path = Path(names.__file__).with_name(filename)
    words: set[str] = set()
    try:
        with path.open(encoding="ascii", errors="ignore") as handle:
            for rank, line in enumerate(handle):
                if rank >= limit:
                    break
                word = line.split(" ", 1)[0].strip().lower()
                if word:
                    words.add(word)
    except OSError as err:
        log.warning("cannot read %s: %s", path, err)
        return frozenset()
    return frozenset(words)


@lru_cache(maxsize=1)
def common_first_names() -> frozenset[str]:
    """Return the most frequent US first names (lower case), both sexes."""
    return _read_ranked("dist.male.first", FIRST_NAME_RANK // 2) | _read_ranked(
        "dist.female.first", FIRST_NAME_RANK
    )


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """Return the most frequent US surnames (lower case)."""
    return _read_ranked("dist.all.last", SURNAME_RANK)


def is_first_name(word: str) -> bool:
    """Whether ``word`` is a common first name ("Linda" yes, "Tripoli" no)."""
    return word.lower() in common_first_names()


def is_surname(word: str) -> bool:
    """Whether ``word`` is a common surname ("Brown" yes, "Tripoli" no)."""
    return word.lower() in common_surnames()


def is_personal_name(word: str) -> bool:
    """Whether one word is a common first name or surname ("Robinson", "Cornell")."""
    return " " not in word.strip() and (is_first_name(word) or is_surname(word))
