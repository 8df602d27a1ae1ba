"""Conventional centre points of countries, for the point a country mention is given.

The gazetteer gives each country the Natural Earth label point, which for large countries
lies in the populated part (Russia's near Nizhny Novgorod, Canada's in Saskatchewan).
Gazetteers such as GeoNames and the geoparsing literature's evaluation data use a
conventional centre instead (Russia 60 N 100 E). The PyPI package ``countryinfo`` ships
these centres (``latlng``); where the two disagree by more than
:data:`REPLACE_BEYOND_KM` the conventional centre is used. This is an adapter over the
index's country entries: the index itself is untouched. Without the package, places are
returned as they are.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache

from gazetteer.context import fast_km
from gazetteer.model import Place

__all__ = ["REPLACE_BEYOND_KM", "conventional_point", "with_conventional_point"]

log = logging.getLogger("conflictmap.gazetteer.country_points")

#: Use the conventional centre when the label point is farther than this from it.
REPLACE_BEYOND_KM = 200.0

#: Where the package's centre is coarse: the geographic centre of the contiguous United
#: States (near Lebanon, Kansas), the point gazetteers conventionally give the country.
_OVERRIDES: dict[str, tuple[float, float]] = {"US": (39.76, -98.5)}


@lru_cache(maxsize=512)
def conventional_point(country_code: str) -> tuple[float, float] | None:
    """Return the conventional centre ``(lat, lon)`` of a country (ISO alpha-2), or None."""
    if country_code in _OVERRIDES:
        return _OVERRIDES[country_code]
    try:
        from countryinfo import CountryInfo, CountryNotFoundError  # type: ignore[import-untyped]
    except ImportError:
        return None
    try:
        latlng = CountryInfo(country_code).latlng()
    except (CountryNotFoundError, ValueError, KeyError, TypeError) as err:
        log.debug("no conventional point for %s: %s", country_code, err)
        return None
    if not latlng or len(latlng) != 2:
        return None
    lat, lon = float(latlng[0]), float(latlng[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    return lat, lon


def with_conventional_point(place: Place) -> Place:
    """Return ``place`` with the conventional centre when it is a country whose label point
    lies far from it; any other place is returned unchanged."""
    if not place.feature_code.startswith("PCL") or not place.country_code:
        return place
    point = conventional_point(place.country_code)
    if point is None:
        return place
    far = fast_km(place.lat, place.lon, point[0], point[1]) > REPLACE_BEYOND_KM
    if not far and place.country_code not in _OVERRIDES:
        return place
    return replace(place, lat=point[0], lon=point[1])
