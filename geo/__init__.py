"""Geography: geodesic distances and bearings, distance verdicts, fronts, map layers.

Public API (imported lazily: the map modules pull in pyproj, shapely and folium, so
``import geo`` stays cheap):

- :func:`distance_km`, :func:`destination`, :func:`initial_bearing`, :func:`compass_point`,
  :func:`to_km` -- WGS84 geodesics (:mod:`geo.geodesic`);
- :func:`check_distance`, :class:`DistanceVerdict` -- a stated distance checked against the
  geodesic one (:mod:`geo.verdict`);
- :func:`derive_fronts`, :func:`fronts_at`, :class:`Fronts` -- front lines from control
  claims (:mod:`geo.fronts`);
- :func:`claim_region`, :func:`ring_region` -- the area a distance claim allows;
- :func:`build_claims_map` -- the folium map of claims (:mod:`geo.claims_map`).
"""

from __future__ import annotations

from core.lazy import lazy_exports

__all__ = [
    "DistanceVerdict",
    "Fronts",
    "build_claims_map",
    "check_distance",
    "claim_region",
    "compass_point",
    "derive_fronts",
    "destination",
    "distance_km",
    "fronts_at",
    "initial_bearing",
    "ring_region",
    "to_km",
]

_LAZY: dict[str, str] = {
    "DistanceVerdict": "geo.verdict",
    "Fronts": "geo.fronts",
    "build_claims_map": "geo.claims_map",
    "check_distance": "geo.verdict",
    "claim_region": "geo.sector",
    "compass_point": "geo.geodesic",
    "derive_fronts": "geo.fronts",
    "destination": "geo.geodesic",
    "distance_km": "geo.geodesic",
    "fronts_at": "geo.fronts",
    "initial_bearing": "geo.geodesic",
    "ring_region": "geo.ring",
    "to_km": "geo.geodesic",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__, globals())
