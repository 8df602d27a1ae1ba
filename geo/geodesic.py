"""Geodesic distance and bearing on the WGS84 ellipsoid.

Distances and bearings use Karney's algorithm through geographiclib, never a spherical
haversine. Distances are computed exactly as geopy's ``geodesic`` computes them (its
WGS-84 ellipsoid in kilometres, its treatment of the points), without building geopy's
ellipsoid anew for every pair (about 40 µs each).
"""

from __future__ import annotations

import math

from geographiclib.geodesic import Geodesic
from geopy.distance import ELLIPSOIDS

from core.errors import InputRejected

__all__ = [
    "COMPASS_POINTS",
    "KM_PER_UNIT",
    "bearing_fits",
    "compass_point",
    "destination",
    "distance_and_bearing",
    "distance_ceiling_km",
    "distance_floor_km",
    "distance_km",
    "initial_bearing",
    "to_km",
    "validate_point",
]

KM_PER_UNIT: dict[str, float] = {"km": 1.0, "mi": 1.609344, "nmi": 1.852, "m": 0.001}

COMPASS_POINTS: dict[str, float] = {
    "north": 0.0, "north-east": 45.0, "east": 90.0, "south-east": 135.0,
    "south": 180.0, "south-west": 225.0, "west": 270.0, "north-west": 315.0,
    "north-north-east": 22.5, "east-north-east": 67.5, "east-south-east": 112.5,
    "south-south-east": 157.5, "south-south-west": 202.5, "west-south-west": 247.5,
    "west-north-west": 292.5, "north-north-west": 337.5,
}

_WGS84 = Geodesic.WGS84
#: geopy's WGS-84 geodesic: semi-major axis in km and flattening, as ``geodesic`` builds it.
_GEOPY_WGS84_KM = Geodesic(ELLIPSOIDS["WGS-84"][0], ELLIPSOIDS["WGS-84"][2])


def validate_point(lat: float, lon: float) -> tuple[float, float]:
    """Return ``(lat, lon)`` as floats or raise :class:`InputRejected` naming the bad value.

    >>> validate_point(32.9, 13.2)
    (32.9, 13.2)
    >>> validate_point(91, 0)
    Traceback (most recent call last):
    ...
    core.errors.InputRejected: latitude 91.0 is outside [-90, 90]
    """
    try:
        lat_f, lon_f = float(lat), float(lon)
    except (TypeError, ValueError) as err:
        raise InputRejected(f"coordinates must be numbers, got {lat!r}, {lon!r}") from err
    if math.isnan(lat_f) or math.isnan(lon_f):
        raise InputRejected(f"coordinates must not be NaN, got {lat!r}, {lon!r}")
    if not -90.0 <= lat_f <= 90.0:
        raise InputRejected(f"latitude {lat_f} is outside [-90, 90]")
    if not -180.0 <= lon_f <= 180.0:
        raise InputRejected(f"longitude {lon_f} is outside [-180, 180]")
    return lat_f, lon_f


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the WGS84 geodesic distance in km between two ``(lat, lon)`` points.

    >>> round(distance_km((31.2089, 16.5887), (32.3754, 15.0925)))  # Sirte - Misrata
    192
    >>> distance_km((10.0, 20.0), (10.0, 20.0))
    0.0
    """
    (lat1, lon1), (lat2, lon2) = validate_point(*a), validate_point(*b)
    # geopy's Point reads -0.0 as 0.0 (``float(x or 0.0)``) and geopy's Distance adds the
    # length to 0, so a -0.0 length is 0.0: both kept, the same result to the bit.
    s12 = _GEOPY_WGS84_KM.Inverse(lat1 or 0.0, lon1 or 0.0, lat2 or 0.0, lon2 or 0.0,
                                  Geodesic.DISTANCE)["s12"]
    return float(s12 + 0.0)


#: The smallest radius of curvature of the WGS84 ellipsoid (meridional, at the equator:
#: a(1 - e^2)), in km, less a part in a million for rounding.
_FLOOR_RADIUS_KM = 6378.137 * (1 - 0.00669437999014) * (1 - 1e-6)
#: The ellipsoid's largest radius of curvature (the polar one, a / sqrt(1 - e²)), a hair more.
_CEILING_RADIUS_KM = 6378.137 / math.sqrt(1 - 0.00669437999014) * (1 + 1e-6)


def _great_circle_km(a: tuple[float, float], b: tuple[float, float], radius_km: float) -> float:
    """Return the haversine distance on a sphere of ``radius_km`` (latitudes, longitudes as its)."""
    (lat1, lon1), (lat2, lon2) = validate_point(*a), validate_point(*b)
    p1, p2 = math.radians(lat1), math.radians(lat2)
    h = math.sin((p2 - p1) / 2) ** 2 + \
        math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * radius_km * math.asin(min(1.0, math.sqrt(h)))


def distance_floor_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return a cheap lower bound of :func:`distance_km` (never above it).

    The great circle on a sphere of the ellipsoid's smallest radius of curvature, with
    latitudes and longitudes read as the sphere's: in those coordinates the ellipsoid's
    length element is never shorter than that sphere's, so no path between two points,
    the geodesic included, is shorter there. A hundred times cheaper than the geodesic:
    for ruling out points far beyond a limit.

    >>> sirte, misrata = (31.2089, 16.5887), (32.3754, 15.0925)
    >>> distance_floor_km(sirte, misrata) <= distance_km(sirte, misrata)
    True
    >>> round(distance_floor_km(sirte, misrata))
    191
    """
    # less a millimetre: geographiclib rounds tiny angles (1e-44 degrees) to zero
    return max(0.0, _great_circle_km(a, b, _FLOOR_RADIUS_KM) - 1e-6)


def distance_ceiling_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return a cheap upper bound of :func:`distance_km` (never below it).

    The same great circle on a sphere of the ellipsoid's largest radius of curvature: there
    the ellipsoid's length element is never longer than the sphere's, so the geodesic is no
    longer than that circle. About 1 % above the geodesic: for ruling points in.

    >>> sirte, misrata = (31.2089, 16.5887), (32.3754, 15.0925)
    >>> true_km = distance_km(sirte, misrata)
    >>> true_km <= distance_ceiling_km(sirte, misrata) <= 1.011 * true_km
    True
    """
    return _great_circle_km(a, b, _CEILING_RADIUS_KM) + 1e-6


def initial_bearing(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Return the initial bearing from ``a`` to ``b`` in degrees clockwise from north, [0, 360).

    >>> round(initial_bearing((32.89, 13.19), (32.17, 13.02)))  # Tripoli -> Gharyan
    191
    """
    (lat1, lon1), (lat2, lon2) = validate_point(*a), validate_point(*b)
    azimuth = _WGS84.Inverse(lat1, lon1, lat2, lon2)["azi1"]
    bearing = azimuth % 360.0
    # A tiny negative azimuth (-1e-15) rounds to exactly 360.0 under ``%``; keep [0, 360).
    return 0.0 if bearing >= 360.0 else bearing


def distance_and_bearing(a: tuple[float, float],
                         b: tuple[float, float]) -> tuple[float, float]:
    """Return ``(distance_km(a, b), initial_bearing(a, b))`` from one geodesic solution.

    The same numbers to the bit: geographiclib's azimuths do not depend on the size of the
    ellipsoid, only on its flattening, which geopy's and the library's WGS84 share. A
    coordinate written -0.0 (which :func:`distance_km` reads as 0.0) is solved twice.

    >>> distance_and_bearing((32.89, 13.19), (32.17, 13.02)) == (
    ...     distance_km((32.89, 13.19), (32.17, 13.02)),
    ...     initial_bearing((32.89, 13.19), (32.17, 13.02)))
    True
    """
    (lat1, lon1), (lat2, lon2) = validate_point(*a), validate_point(*b)
    if any(x == 0 and math.copysign(1.0, x) < 0 for x in (lat1, lon1, lat2, lon2)):
        return distance_km(a, b), initial_bearing(a, b)
    out = _GEOPY_WGS84_KM.Inverse(lat1, lon1, lat2, lon2, Geodesic.DISTANCE | Geodesic.AZIMUTH)
    bearing = out["azi1"] % 360.0
    return float(out["s12"] + 0.0), 0.0 if bearing >= 360.0 else bearing


def destination(origin: tuple[float, float], bearing_deg: float, km: float) -> tuple[float, float]:
    """Return the point ``km`` along the geodesic leaving ``origin`` at ``bearing_deg``.

    A non-finite bearing or distance is rejected, since it would silently yield NaN.
    """
    lat, lon = validate_point(*origin)
    if not (math.isfinite(bearing_deg) and math.isfinite(km)):
        raise InputRejected(f"bearing and distance must be finite, got {bearing_deg!r}, {km!r}")
    result = _WGS84.Direct(lat, lon, bearing_deg, km * 1000.0)
    return result["lat2"], ((result["lon2"] + 180.0) % 360.0) - 180.0


def compass_point(bearing_deg: float) -> str:
    """Return the nearest of the eight compass points for a bearing.

    >>> compass_point(191), compass_point(350), compass_point(44)
    ('south', 'north', 'north-east')
    """
    eight = (
        "north", "north-east", "east", "south-east", "south", "south-west", "west", "north-west"
    )
    return eight[int(((bearing_deg % 360.0) + 22.5) // 45.0) % 8]


def bearing_fits(bearing_deg: float, direction: str, tolerance_deg: float = 45.0) -> bool:
    """Tell whether a bearing lies within ``tolerance_deg`` of a named direction.

    >>> bearing_fits(191, "south"), bearing_fits(191, "east")
    (True, False)
    """
    target = COMPASS_POINTS[direction]
    delta = abs((bearing_deg - target + 180.0) % 360.0 - 180.0)
    return delta <= tolerance_deg


def to_km(value: float, unit: str) -> float:
    """Convert a distance in ``km``, ``mi``, ``nmi`` or ``m`` to kilometres.

    >>> to_km(60, "mi")
    96.56064
    """
    try:
        return value * KM_PER_UNIT[unit]
    except KeyError as err:
        expected = sorted(KM_PER_UNIT)
        raise InputRejected(f"unknown distance unit {unit!r}; expected one of {expected}") from err
