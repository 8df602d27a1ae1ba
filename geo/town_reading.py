"""The town reading of a region's name: "Sennar" the town, not the centre of Sennar state.

A distance claim names places the way people travel between them: "Sennar, about 90 km
south of Wad Madani" means Sennar town. When the geoparser picked the region of the same
name, :func:`town_reading` finds the populated place of that name inside it (or near its
centre when the containment is unknown) so the verdict measures between towns.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

from geo.geodesic import distance_km

__all__ = ["town_reading"]

log = logging.getLogger("conflictmap.geo.town_reading")

#: Feature codes of populated places a region's name can stand for (GeoNames class P).
_TOWN_PRECISIONS = frozenset({"town", "district"})
#: A town of the region's name this far (× the region's radius) from its centre still counts
#: when the gazetteer does not know which region contains it.
_NEAR_FACTOR = 1.5


def _index() -> Any:
    from gazetteer import get_index

    return get_index()


@lru_cache(maxsize=4096)
def _cached(place: Any) -> Any:
    index = _index()
    best = None
    for candidate in index.lookup(place.name):
        if candidate.precision not in _TOWN_PRECISIONS or candidate.feature_class != "P":
            continue
        if place.country_code and candidate.country_code != place.country_code:
            continue
        inside = False
        try:
            inside = index.within(candidate, place)
        except (LookupError, ValueError):
            inside = False
        near = distance_km((candidate.lat, candidate.lon), (place.lat, place.lon)) \
            <= max(place.radius_km, 25.0) * _NEAR_FACTOR
        if not (inside or near):
            continue
        if best is None or candidate.population > best.population:
            best = candidate
    if best is not None:
        log.debug("town reading of region %s: %s", place.name, best.id)
    return best


def town_reading(place: Any) -> Any:
    """Return the town named like region ``place`` and lying in it, or None.

    ``place`` is a gazetteer :class:`~gazetteer.model.Place` of precision "region"; a town
    must share its country and lie inside it (or within 1.5 × its radius of its centre).
    """
    try:
        return _cached(place)
    except TypeError:  # an unhashable stand-in: look it up uncached
        return _cached.__wrapped__(place)
