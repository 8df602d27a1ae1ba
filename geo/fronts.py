"""Areas of control per side and the front lines where opposing areas meet.

From a :class:`geo.control.ControlState` (who holds which place on a day) this module
draws:

* **areas**: the Voronoi cell of every held place (the land closer to it than to any
  other held place), cut to a disk of ``reach_km`` around the place (a town says
  nothing about the desert 400 km away) and to the land of the country the place lies
  in (Natural Earth outlines), then merged per side;
* **front lines**: the edges shared by two cells held by different sides, merged into
  connected lines per pair of sides.

Contested places (sources disagree) generate no cell, so the front runs through the
gap around them. Geometry is computed in a local azimuthal-equidistant projection
(kilometres) and returned in WGS84 lon/lat. Every area and line carries the ids of the
claims that support it and the names of the places it was derived from.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import shapely
from shapely.geometry import MultiPoint, Point, box, mapping

from geo.control import (
    DEFAULT_CONTEST_DAYS,
    DEFAULT_WINDOW_DAYS,
    ControlState,
    PlaceControl,
    control_at,
)

if TYPE_CHECKING:  # pragma: no cover - typing only
    import geopandas
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "DEFAULT_REACH_KM",
    "Area",
    "FrontLine",
    "Fronts",
    "derive_fronts",
    "fronts_at",
    "fronts_geodataframe",
    "fronts_geojson",
]

_log = logging.getLogger("conflictmap.geo.fronts")

#: How far (km) a held place's area may reach from it.
DEFAULT_REACH_KM = 120.0
#: Precisions that are points of a settlement or site, usable as cell generators.
_POINT_PRECISIONS = {None, "site", "district", "town", "region"}
#: A held place offshore by up to this much (km) is snapped to the nearest country.
_COAST_SNAP_KM = 30.0
#: Grid (km) on which shared cell edges are computed.
_GRID_KM = 1e-3


@dataclass(frozen=True, slots=True)
class Area:
    """The land one side holds: a (Multi)Polygon in lon/lat and its support."""

    actor: str
    geometry: BaseGeometry
    claim_ids: tuple[str, ...]
    places: tuple[str, ...]
    conflict: str | None = None


@dataclass(frozen=True, slots=True)
class FrontLine:
    """A connected front line between two sides, in lon/lat, with its support."""

    actors: tuple[str, str]
    geometry: BaseGeometry
    claim_ids: tuple[str, ...]
    places: tuple[str, ...]
    conflict: str | None = None

    @property
    def length_km(self) -> float:
        """Approximate geodesic length in km (sum over segments)."""
        from geo.geodesic import distance_km

        total = 0.0
        for part in shapely.get_parts(self.geometry):
            coords = list(part.coords)
            total += sum(distance_km((a[1], a[0]), (b[1], b[0]))
                         for a, b in zip(coords[:-1], coords[1:], strict=True))
        return total


@dataclass(frozen=True, slots=True)
class Fronts:
    """Areas, front lines and contested places of one day for one set of sources."""

    on: date
    sources: tuple[str, ...] | None
    areas: tuple[Area, ...] = field(default=())
    lines: tuple[FrontLine, ...] = field(default=())
    contested: tuple[PlaceControl, ...] = field(default=())
    state: ControlState | None = None

    def area_of(self, actor: str) -> Area | None:
        """Return the area of one side, or None."""
        return next((a for a in self.areas if a.actor == actor), None)


# --------------------------------------------------------------------------- projection

@lru_cache(maxsize=32)
def _projection_cached(lat0: int, lon0: int):
    """Return lon/lat -> local km and back transformers, centred on whole degrees."""
    from pyproj import Transformer

    crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=km +no_defs"
    forward = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inverse = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    return forward, inverse


def _apply(transformer, geometry):
    return shapely.transform(geometry, lambda xy: np.column_stack(
        transformer.transform(xy[:, 0], xy[:, 1])))


@lru_cache(maxsize=256)
def _projected_country(index: int, lat0: int, lon0: int):
    """Return (iso code, projected outline simplified to 0.3 km and prepared) of one row."""
    from geo.land import countries

    frame = countries()
    forward, _ = _projection_cached(lat0, lon0)
    projected = _apply(forward, frame.geometry.iloc[index])
    geometry = shapely.make_valid(shapely.simplify(projected, 0.3))
    shapely.prepare(geometry)
    return str(frame["iso_a2"].iloc[index]), geometry


def _land_for_points(lonlat: np.ndarray, lat0: int, lon0: int) -> list[Any]:
    """For each point return the projected outline of the country it lies in (or None)."""
    from geo.land import countries

    frame = countries()
    tree = frame.sindex
    points = shapely.points(lonlat)
    hits = tree.query(points, predicate="intersects")
    found: dict[int, int] = {}
    for point_idx, country_idx in zip(hits[0].tolist(), hits[1].tolist(), strict=True):
        found.setdefault(point_idx, country_idx)
    missing = [i for i in range(len(points)) if i not in found]
    if missing:
        near_idx = tree.nearest(points[missing], return_all=False)
        forward, _ = _projection_cached(lat0, lon0)
        pairs = zip(near_idx[0].tolist(), near_idx[1].tolist(), strict=True)
        for point_pos, country_idx in pairs:
            i = missing[point_pos]
            _, outline = _projected_country(country_idx, lat0, lon0)
            if shapely.distance(_apply(forward, points[i]), outline) <= _COAST_SNAP_KM:
                found[i] = country_idx
    return [(_projected_country(found[i], lat0, lon0)[1] if i in found else None)
            for i in range(len(points))]


# ------------------------------------------------------------------------------ cells

def _generators(state: ControlState) -> list[PlaceControl]:
    """Held places with a point, one per location (co-located disagreeing holders drop)."""
    by_point: dict[tuple[float, float], list[PlaceControl]] = {}
    for place in state.places:
        if place.status != "held" or place.holder is None or not place.has_point:
            continue
        if place.precision not in _POINT_PRECISIONS:
            continue
        by_point.setdefault((round(place.lat, 4), round(place.lon, 4)), []).append(place)
    out = []
    for group in by_point.values():
        if len({p.holder for p in group}) == 1:
            out.append(group[0] if len(group) == 1 else _merge_colocated(group))
    return out


def _merge_colocated(group: list[PlaceControl]) -> PlaceControl:
    first = group[0]
    ids = tuple(dict.fromkeys(i for p in group for i in p.claim_ids))
    names = " / ".join(dict.fromkeys(p.place for p in group))
    return PlaceControl(first.key, names, first.place_id, first.lat, first.lon, first.precision,
                        first.radius_km, first.holder, first.status, first.claimants,
                        any(p.front_adjacent for p in group), first.attackers, first.inferred,
                        first.last_date, ids, first.views, first.conflict)


def _cells(xy: np.ndarray, reach_km: float) -> tuple[np.ndarray, np.ndarray]:
    """Return (Voronoi cells in input order, reach disks) of the points."""
    disks = shapely.buffer(shapely.points(xy), reach_km, quad_segs=12)
    extent = box(*(xy.min(axis=0) - 3 * reach_km), *(xy.max(axis=0) + 3 * reach_km))
    if len(xy) == 1:
        return np.array([extent]), disks
    diagram = shapely.voronoi_polygons(MultiPoint(xy), extend_to=extent)
    # A cell may come back as a collection of a polygon and a degenerate sliver.
    parts = [g if shapely.get_type_id(g) == 3 else _polygonal(g)
             for g in shapely.get_parts(diagram)]
    parts = np.array([g for g in parts if g is not None], dtype=object)
    # Match cells to their sites by containment: GEOS's "ordered" option can return an
    # empty collection for a site of a regular grid.
    point_idx, cell_idx = shapely.STRtree(parts).query(shapely.points(xy), predicate="within")
    cells = np.empty(len(xy), dtype=object)
    cells[:] = None
    cells[point_idx] = parts[cell_idx]
    missing = [i for i in range(len(xy)) if cells[i] is None]
    if missing:  # duplicate sites share one cell
        _, near = shapely.STRtree(parts).query_nearest(shapely.points(xy[missing]))
        cells[missing] = parts[near[:len(missing)]]
    return cells, disks


def _clip_to_land(cells: np.ndarray, outlines: list[Any]) -> np.ndarray:
    out = cells.copy()
    for i, outline in enumerate(outlines):
        if outline is None or shapely.contains(outline, cells[i]):
            continue
        out[i] = shapely.make_valid(shapely.intersection(cells[i], outline))
    return out


def _polygonal(geometry):
    parts = [g for g in shapely.get_parts(geometry)
             if shapely.get_type_id(g) in (3, 6) and not g.is_empty]
    if not parts:
        return None
    return shapely.union_all(parts) if len(parts) > 1 else parts[0]


def _lines_only(geometry):
    parts = [g for g in shapely.get_parts(geometry)
             if shapely.get_type_id(g) in (1, 2, 5) and g.length > 1e-6]
    if not parts:
        return None
    return shapely.line_merge(shapely.union_all(parts))


# --------------------------------------------------------------------------- derivation

def derive_fronts(state: ControlState, *, reach_km: float = DEFAULT_REACH_KM,
                  clip_to_land: bool = True) -> Fronts:
    """Draw areas of control and front lines for one :class:`ControlState`.

    Parameters
    ----------
    state:
        Output of :func:`geo.control.control_at`.
    reach_km:
        Farthest distance an area extends from the place that supports it.
    clip_to_land:
        Cut every cell to the land of the country its place lies in.

    """
    contested = tuple(p for p in state.places if p.status == "contested" and p.has_point)
    groups: dict[str, list[PlaceControl]] = {}
    for place in _generators(state):
        groups.setdefault(place.conflict or "", []).append(place)
    areas: list[Area] = []
    lines: list[FrontLine] = []
    # each conflict is drawn on its own: its own projection, no cells shared with another war
    for conflict in sorted(groups):
        group_areas, group_lines = _derive_group(groups[conflict], reach_km, clip_to_land)
        areas += [replace(a, conflict=conflict or None) for a in group_areas]
        lines += [replace(line, conflict=conflict or None) for line in group_lines]
    return Fronts(state.on, state.sources, tuple(areas), tuple(lines), contested, state)


def _centre(lonlat: np.ndarray) -> tuple[int, int]:
    """Whole-degree centre of the points (circular mean of longitudes: antimeridian-safe)."""
    lat0 = int(round(float(np.mean(lonlat[:, 1]))))
    radians = np.radians(lonlat[:, 0])
    lon0 = float(np.degrees(np.arctan2(np.mean(np.sin(radians)), np.mean(np.cos(radians)))))
    return lat0, int(round(lon0))


def _derive_group(generators: list[PlaceControl], reach_km: float, clip_to_land: bool
                  ) -> tuple[tuple[Area, ...], tuple[FrontLine, ...]]:
    """Areas and front lines of the held places of one conflict."""
    lonlat = np.array([(p.lon, p.lat) for p in generators], dtype=float)
    lat0, lon0 = _centre(lonlat)
    forward, inverse = _projection_cached(lat0, lon0)
    x, y = forward.transform(lonlat[:, 0], lonlat[:, 1])
    xy = np.column_stack([x, y])
    raw, disks = _cells(xy, reach_km)
    cells = shapely.intersection(raw, disks)
    outlines: list[Any] = [None] * len(generators)
    if clip_to_land:
        outlines = _land_for_points(lonlat, lat0, lon0)
        cells = _clip_to_land(cells, outlines)
    actors = np.array([p.holder for p in generators], dtype=object)
    areas = _areas(cells, actors, generators, inverse)
    lines = _front_lines(raw, disks, outlines, actors, generators, inverse)
    return areas, lines


def _areas(cells: np.ndarray, actors: np.ndarray, generators: Sequence[PlaceControl],
           inverse) -> tuple[Area, ...]:
    out = []
    for actor in sorted(set(actors.tolist())):
        idx = np.flatnonzero(actors == actor)
        # on the 1 m grid, neighbouring clipped cells dissolve without slivers
        merged = _polygonal(shapely.union_all(cells[idx], grid_size=_GRID_KM))
        if merged is None:
            continue
        ids = tuple(dict.fromkeys(c for i in idx for c in generators[i].claim_ids))
        names = tuple(generators[i].place for i in idx)
        out.append(Area(actor, _apply(inverse, merged), ids, names))
    return tuple(out)


def _front_lines(raw: np.ndarray, disks: np.ndarray, outlines: Sequence[Any],
                 actors: np.ndarray, generators: Sequence[PlaceControl],
                 inverse) -> tuple[FrontLine, ...]:
    """Shared edges of unclipped Voronoi cells of different sides, cut to reach and land.

    Adjacency is found on the unclipped cells, whose shared edges are exact; the edge is
    then cut to where both places reach and to the land of their countries, because
    clipped cells no longer share edges bit for bit.
    """
    tree = shapely.STRtree(raw)
    left, right = tree.query(raw, predicate="intersects")
    keep = (left < right) & (actors[left] != actors[right])
    left, right = left[keep], right[keep]
    if len(left) == 0:
        return ()
    # Snap-rounded overlay: both cells' copies of a shared edge may differ in the last
    # bits; on a 1 m grid they coincide and yield a line.
    shared = shapely.intersection(raw[left], raw[right], grid_size=_GRID_KM)
    segments: dict[tuple[str, str], list[tuple[Any, int, int]]] = {}
    for geom, i, j in zip(shared, left.tolist(), right.tolist(), strict=True):
        line = _lines_only(geom)
        if line is not None:
            line = _lines_only(shapely.intersection(line, disks[i]))
        if line is not None:
            line = _lines_only(shapely.intersection(line, disks[j]))
        if line is None:
            continue
        land = list({id(o): o for o in (outlines[i], outlines[j]) if o is not None}.values())
        if land:
            outline = land[0] if len(land) == 1 else shapely.union_all(land)
            line = _lines_only(shapely.intersection(line, outline))
            if line is None:
                continue
        pair = tuple(sorted((actors[i], actors[j])))
        segments.setdefault(pair, []).append((line, i, j))  # type: ignore[arg-type]
    out: list[FrontLine] = []
    for pair, items in sorted(segments.items()):
        merged = shapely.line_merge(shapely.union_all([s for s, _i, _j in items]))
        components = shapely.get_parts(merged)
        for component in components:
            touching = [(i, j) for s, i, j in items
                        if shapely.dwithin(component, shapely.point_on_surface(s), 1e-3)]
            if not touching:
                continue
            members = sorted({k for ij in touching for k in ij})
            ids = tuple(dict.fromkeys(c for k in members for c in generators[k].claim_ids))
            names = tuple(generators[k].place for k in members)
            out.append(FrontLine(pair, _apply(inverse, component), ids, names))  # type: ignore[arg-type]
    return tuple(out)


def fronts_at(
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    on: date | str,
    *,
    sources: Sequence[str] | None = None,
    window_days: int | None = DEFAULT_WINDOW_DAYS,
    contest_days: int | None = DEFAULT_CONTEST_DAYS,
    conflict: str | None = None,
    sides: Mapping[str, str] | None = None,
    reach_km: float = DEFAULT_REACH_KM,
    clip_to_land: bool = True,
) -> Fronts:
    """Derive control on ``on`` from the claims and draw its areas and front lines."""
    state = control_at(claims, on, sources=sources, window_days=window_days,
                       contest_days=contest_days, conflict=conflict, sides=sides)
    return derive_fronts(state, reach_km=reach_km, clip_to_land=clip_to_land)


# ------------------------------------------------------------------------------ export

def _fronts_records(fronts: Fronts) -> list[dict[str, Any]]:
    day = fronts.on.isoformat()
    records: list[dict[str, Any]] = []
    for area in fronts.areas:
        records.append({"layer": "area", "date": day, "conflict": area.conflict,
                        "actor": area.actor, "actors": [area.actor],
                        "claims": list(area.claim_ids), "places": list(area.places),
                        "geometry": area.geometry})
    for line in fronts.lines:
        records.append({"layer": "front", "date": day, "conflict": line.conflict,
                        "actor": None, "actors": list(line.actors),
                        "claims": list(line.claim_ids), "places": list(line.places),
                        "geometry": line.geometry})
    for place in fronts.contested:
        records.append({"layer": "contested", "date": day, "conflict": place.conflict,
                        "actor": None,
                        "actors": list(place.claimants), "claims": list(place.claim_ids),
                        "places": [place.place], "geometry": Point(place.lon, place.lat)})
    return records


def fronts_geodataframe(
    claims_df: pd.DataFrame | Iterable[Mapping[str, Any]],
    date: date | str,  # noqa: A002 - the agreed public signature
    sources: Sequence[str] | None = None,
    **options: Any,
) -> geopandas.GeoDataFrame:
    """Return the fronts layer of one day as a GeoDataFrame in EPSG:4326.

    One row per side's area (``layer="area"``, Polygon/MultiPolygon, ``actor``), per
    front line (``layer="front"``, LineString/MultiLineString, ``actors``) and per
    contested place (``layer="contested"``, Point, ``actors`` = the claimed holders).
    Every row has ``claims`` (supporting claim ids), ``places`` and ``date``.
    ``options`` are passed to :func:`fronts_at` (window_days, reach_km, ...).
    """
    import geopandas as gpd

    fronts = fronts_at(claims_df, date, sources=sources, **options)
    records = _fronts_records(fronts)
    columns = ["layer", "date", "conflict", "actor", "actors", "claims", "places", "geometry"]
    if not records:
        return gpd.GeoDataFrame(columns=columns, geometry="geometry", crs="EPSG:4326")
    return gpd.GeoDataFrame(records, columns=columns, geometry="geometry", crs="EPSG:4326")


def fronts_geojson(fronts: Fronts) -> dict[str, Any]:
    """Return a GeoJSON FeatureCollection (plain dict) of a :class:`Fronts`.

    Coordinates are rounded to 5 decimals (about 1 m).
    """
    features = []
    for record in _fronts_records(fronts):
        geometry = shapely.transform(record.pop("geometry"), lambda xy: np.round(xy, 5))
        features.append({"type": "Feature", "properties": record,
                         "geometry": mapping(geometry)})
    return {"type": "FeatureCollection", "features": features}

