"""The region a distance claim describes: its ring around the anchor, cut to the direction.

"LNA forces are only 100 km from Misrata" puts the force on a ring of 100 km around
Misrata; "90 km south of Tripoli" on the southern sector of it. The ring is widened by
the wording's tolerance (:func:`geo.verdict.wording_bounds`). Geometry is built from
geodesic :func:`geo.geodesic.destination` points by :func:`geo.ring.ring_region`.

>>> poly = claim_region((32.38, 15.09), 85, 115, None)
>>> poly.geom_type, poly.is_valid
('Polygon', True)
"""

from __future__ import annotations

from shapely.geometry import Polygon

from geo.ring import ring_region

__all__ = ["claim_region"]


def claim_region(anchor_point: tuple[float, float], value_min_km: float, value_max_km: float,
                 direction: str | None = None, *, half_width_deg: float = 22.5) -> Polygon:
    """Return the lon/lat polygon between ``value_min_km`` and ``value_max_km`` of the anchor.

    ``anchor_point`` is ``(lat, lon)``; ``direction`` a compass name ("south-west") or None
    for the whole ring; the sector spans ``half_width_deg`` either side of the direction.
    """
    return ring_region(anchor_point, max(0.0, value_min_km), value_max_km, direction,
                       half_width_deg=half_width_deg)
