"""Places from a CSV file in the curated format: ``data/curated_places.csv`` and analysts' files.

Columns: ``id,name,aliases,feature_code,lat,lon,country_code,precision,radius_km,source_checked``
(``aliases`` ``|``-separated; ``source_checked`` names the public source the coordinates were
checked against). Every row is validated; a bad row raises :class:`DataSourceError` naming
the file and line, because a silently wrong coordinate is worse than a refusal.
"""

from __future__ import annotations

import csv
import logging
import math
import re
from collections.abc import Iterator
from pathlib import Path

from core.errors import DataSourceError
from gazetteer.model import PRECISIONS, Place
from gazetteer.sources.base import Entry, Source, file_digest

__all__ = ["COLUMNS", "CURATED_FILE", "LANDMARKS_FILE", "CuratedPlaces", "facility_variants",
           "read_place_rows"]

log = logging.getLogger("conflictmap.gazetteer.sources.curated")

CURATED_FILE = Path(__file__).resolve().parent.parent / "data" / "curated_places.csv"
#: Well-known sites news names metonymically or as venues (stadiums, universities, seats of
#: government, central banks, prisons, famous buildings); same columns, ids ``landmark:<slug>``.
LANDMARKS_FILE = Path(__file__).resolve().parent.parent / "data" / "landmarks.csv"
COLUMNS: tuple[str, ...] = ("id", "name", "aliases", "feature_code", "lat", "lon",
                            "country_code", "precision", "radius_km", "source_checked")
_SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")


def _row_place(row: dict[str, str], namespace: str, where: str) -> Entry:
    try:
        lat, lon = float(row["lat"]), float(row["lon"])
        radius = float(row.get("radius_km") or 0.0)
    except (TypeError, ValueError) as err:
        raise DataSourceError(f"{where}: bad number ({err})") from err
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0) or math.isnan(lat + lon):
        raise DataSourceError(f"{where}: coordinates out of range ({lat}, {lon})")
    slug = (row.get("id") or "").strip()
    if not _SLUG_RE.match(slug):
        raise DataSourceError(f"{where}: id {slug!r} must be a lowercase slug")
    name = (row.get("name") or "").strip()
    if not name:
        raise DataSourceError(f"{where}: empty name")
    precision = (row.get("precision") or "").strip()
    if precision not in PRECISIONS:
        raise DataSourceError(f"{where}: precision {precision!r} not one of {PRECISIONS}")
    code = (row.get("feature_code") or "").strip().upper()
    if not code:
        raise DataSourceError(f"{where}: empty feature_code")
    place = Place(
        id=f"{namespace}:{slug}",
        name=name,
        lat=lat,
        lon=lon,
        feature_code=code,
        country_code=(row.get("country_code") or "").strip().upper() or None,
        population=0,
        precision=precision,
        geonameid=None,
        source=namespace,
        radius_km=radius,
    )
    aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
    aliases += [v for v in facility_variants(name, code) if v not in aliases and v != name]
    return Entry(place, tuple(aliases))


_FACILITY_SUFFIXES: dict[str, tuple[str, ...]] = {
    "AIRB": ("airbase", "air base", "airfield", "base", "military airbase", "military airport"),
    "AIRF": ("airfield", "airbase", "air base"),
    "AIRP": ("airport", "international airport", "airfield"),
    "MILB": ("base", "military base", "naval base"),
}
_FACILITY_RE = re.compile(
    r"\s+(?:military\s+)?(?:international\s+)?(?:air\s*base|airfield|airport|air port|"
    r"naval\s+(?:base|facility)|military\s+base|base|garrison)$", re.IGNORECASE)


def facility_variants(name: str, feature_code: str) -> list[str]:
    """Return the ways news text names a base or airport.

    "Al-Watiya Air Base" is also written "al-Watiya airbase", "Watiya air base",
    "Al-Watiya base".

    >>> facility_variants("Al-Watiya Air Base", "AIRB")[:3]
    ['Al-Watiya airbase', 'Al-Watiya air base', 'Al-Watiya airfield']
    >>> facility_variants("Sirte", "PPL")
    []
    """
    suffixes = _FACILITY_SUFFIXES.get(feature_code.upper())
    if not suffixes:
        return []
    core = _FACILITY_RE.sub("", name).strip()
    if not core or core == name and feature_code.upper() not in ("AIRB", "AIRP"):
        return []
    return [f"{core} {suffix}" for suffix in suffixes]


def read_place_rows(path: Path, namespace: str = "curated") -> list[Entry]:
    """Read and validate every row of a place CSV file (raises DataSourceError on a bad row)."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as err:
        raise DataSourceError(f"cannot read place file {path}: {err}") from err
    entries: list[Entry] = []
    seen: set[str] = set()
    with handle:
        reader = csv.DictReader(handle)
        missing = [c for c in ("id", "name", "lat", "lon", "feature_code", "precision")
                   if c not in (reader.fieldnames or ())]
        if missing:
            raise DataSourceError(f"{path}: missing columns {missing}")
        for line, row in enumerate(reader, start=2):
            entry = _row_place(row, namespace, f"{path.name} line {line}")
            if entry.place.id in seen:
                raise DataSourceError(f"{path.name} line {line}: duplicate id {entry.place.id}")
            seen.add(entry.place.id)
            entries.append(entry)
    return entries


class CuratedPlaces(Source):
    """Our reviewed file of conflict places missing from the packages (ids ``curated:<slug>``)."""

    name = "curated"

    def __init__(self, path: Path = CURATED_FILE, namespace: str = "curated") -> None:
        self.path = path
        self.namespace = namespace

    def version(self) -> str:
        """Return the file's content digest, so an edit rebuilds the index."""
        return f"{self.namespace}-{file_digest(self.path)}"

    def entries(self) -> Iterator[Entry]:
        """Yield the validated rows of the file (none if it is missing)."""
        if not self.path.exists():
            log.warning("curated place file %s is missing", self.path)
            return
        yield from read_place_rows(self.path, self.namespace)
