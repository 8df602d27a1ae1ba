"""The ring a distance claim draws around its anchor, and how it compares with a front.

"LNA forces are 100 km from Misrata" places the force somewhere on a circle of 100 km
around Misrata; "90 km south of Tripoli" on the part of that circle within the
direction's sector (±22.5° around south by default). A value range ("80 to 100 km")
widens the circle into an annulus. All points are computed on the WGS84 ellipsoid
with PROJ's geodesics (Karney's algorithm, as :func:`geo.geodesic.destination`), so the
ring is true at any latitude.

:func:`compare_with_front` measures how far the derived front line lies from the
anchor inside that sector, so the map can say "claimed 100 km; front at 96 km".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point, Polygon

from core.errors import InputRejected
from geo.geodesic import COMPASS_POINTS, distance_km, validate_point

__all__ = [
    "DEFAULT_HALF_WIDTH_DEG",
    "RingComparison",
    "check_ring",
    "compare_with_front",
    "ring_arc",
    "ring_region",
    "sector_bounds",
]

#: Half-width of a compass direction's sector: eight points of 45° each.
DEFAULT_HALF_WIDTH_DEG = 22.5
_STEP_DEG = 3.0


def sector_bounds(
    direction: str | None, half_width_deg: float = DEFAULT_HALF_WIDTH_DEG
) -> tuple[float, float]:
    """Return the (start, end) bearings in degrees of a direction's sector; full circle if None.

    >>> sector_bounds("south")
    (157.5, 202.5)
    >>> sector_bounds(None)
    (0.0, 360.0)
    """
    if direction is None:
        return 0.0, 360.0
    key = direction.strip().lower().replace(" ", "-")
    if key not in COMPASS_POINTS:
        raise InputRejected(
            f"unknown direction {direction!r}; expected one of {sorted(COMPASS_POINTS)}"
        )
    centre = COMPASS_POINTS[key]
    return centre - half_width_deg, centre + half_width_deg


def _bearings(start: float, end: float) -> np.ndarray:
    count = max(2, int(np.ceil((end - start) / _STEP_DEG)) + 1)
    return np.linspace(start, end, count)


@lru_cache(maxsize=1)
def _wgs84():
    """Return the WGS84 ellipsoid of PROJ (the same Karney geodesics as geographiclib, in C)."""
    from pyproj import Geod

    return Geod(ellps="WGS84")


def _arc_coords(anchor: tuple[float, float], km: float, bearings: Iterable[float]) -> list:
    """``(lon, lat)`` points at ``km`` from ``anchor`` along each bearing, one C call."""
    azimuths = np.asarray(list(bearings), dtype=float) % 360.0
    if azimuths.size == 0:
        return []
    count = azimuths.size
    lons, lats, _back = _wgs84().fwd(
        np.full(count, anchor[1]), np.full(count, anchor[0]), azimuths, np.full(count, km * 1000.0)
    )
    return [(float(lon), float(lat)) for lon, lat in zip(lons, lats, strict=True)]


def ring_arc(
    anchor: tuple[float, float],
    km: float,
    direction: str | None = None,
    *,
    half_width_deg: float = DEFAULT_HALF_WIDTH_DEG,
) -> LineString:
    """Return the arc at ``km`` from ``anchor`` (lat, lon) within the direction's sector.

    Coordinates are lon/lat. Without a direction the arc is the whole circle.
    """
    anchor = validate_point(*anchor)
    if not km > 0:
        raise InputRejected(f"ring distance must be > 0 km, got {km!r}")
    start, end = sector_bounds(direction, half_width_deg)
    return LineString(_arc_coords(anchor, km, _bearings(start, end)))


def check_ring(
    anchor: tuple[float, float],
    km_min: float,
    km_max: float,
    direction: str | None = None,
    *,
    half_width_deg: float = DEFAULT_HALF_WIDTH_DEG,
) -> tuple[float, float]:
    """Raise InputRejected where :func:`ring_region` would; return the validated anchor.

    The checks without the polygon, for a ring built later (:mod:`geo.lazy_region`).

    >>> check_ring((10.0, 20.0), 5, 8, "south")
    (10.0, 20.0)
    """
    anchor = validate_point(*anchor)
    if not (km_max > 0 and 0 <= km_min <= km_max):
        raise InputRejected(f"bad ring range {km_min!r}..{km_max!r} km")
    sector_bounds(direction, half_width_deg)
    return anchor


def ring_region(
    anchor: tuple[float, float],
    km_min: float,
    km_max: float,
    direction: str | None = None,
    *,
    half_width_deg: float = DEFAULT_HALF_WIDTH_DEG,
) -> Polygon:
    """Return the annular sector between ``km_min`` and ``km_max`` (lon/lat polygon)."""
    anchor = check_ring(anchor, km_min, km_max, direction, half_width_deg=half_width_deg)
    start, end = sector_bounds(direction, half_width_deg)
    bearings = _bearings(start, end)
    outer = _arc_coords(anchor, km_max, bearings)
    if km_min > 0:
        inner = _arc_coords(anchor, km_min, bearings[::-1])
    else:
        inner = [(anchor[1], anchor[0])]
    if direction is None and km_min > 0:
        return Polygon(outer, [inner])
    return Polygon(outer + inner)


@dataclass(frozen=True, slots=True)
class RingComparison:
    """A distance claim set against the derived front, within the claim's sector."""

    claimed_min_km: float
    claimed_max_km: float
    front_km: float | None  # nearest front point in the sector (None: no front there)
    front_point: tuple[float, float] | None  # (lat, lon)

    @property
    def diff_km(self) -> float | None:
        """How far the front lies outside the claimed range (0 when inside)."""
        if self.front_km is None:
            return None
        if self.front_km < self.claimed_min_km:
            return self.front_km - self.claimed_min_km
        if self.front_km > self.claimed_max_km:
            return self.front_km - self.claimed_max_km
        return 0.0

    @property
    def label(self) -> str:
        """A short human-readable comparison."""
        claimed = (
            f"{self.claimed_min_km:.0f}"
            if self.claimed_min_km == self.claimed_max_km
            else f"{self.claimed_min_km:.0f}-{self.claimed_max_km:.0f}"
        )
        if self.front_km is None:
            return f"claimed {claimed} km; no derived front in that sector"
        return f"claimed {claimed} km; derived front at {self.front_km:.0f} km"


def compare_with_front(
    anchor: tuple[float, float],
    km_min: float,
    km_max: float,
    direction: str | None,
    front_lines: Iterable,
    *,
    half_width_deg: float = DEFAULT_HALF_WIDTH_DEG,
    search_km: float = 1000.0,
) -> RingComparison:
    """Find the nearest point of the front lines (lon/lat geometries) in the claim's sector.

    The sector is searched out to ``search_km``; the nearest front vertex or crossing
    point is measured with a geodesic distance from the anchor.
    """
    anchor = validate_point(*anchor)
    lines = [g for g in front_lines if g is not None and not g.is_empty]
    if not lines:
        return RingComparison(km_min, km_max, None, None)
    region = ring_region(
        anchor, 0.0, max(search_km, km_max), direction, half_width_deg=half_width_deg
    )
    inside = shapely.intersection(shapely.union_all(lines), region)
    if inside.is_empty:
        return RingComparison(km_min, km_max, None, None)
    densified = shapely.segmentize(inside, 0.02)  # ~2 km between vertices
    coords = shapely.get_coordinates(densified)
    best_km, best = None, None
    for lon, lat in coords:
        km = distance_km(anchor, (lat, lon))
        if best_km is None or km < best_km:
            best_km, best = km, (float(lat), float(lon))
    # the exact nearest point in lon/lat space, in case it falls between vertices
    nearest = shapely.ops.nearest_points(inside, Point(anchor[1], anchor[0]))[0]
    km = distance_km(anchor, (nearest.y, nearest.x))
    if best_km is None or km < best_km:
        best_km, best = km, (nearest.y, nearest.x)
    return RingComparison(km_min, km_max, best_km, best)
