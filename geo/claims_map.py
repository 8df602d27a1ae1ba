"""Compose the analyst's map: basemap, approximate areas, distance checks, extra layers, claims.

:func:`build_claims_map` turns a claims DataFrame (``Store.claims_frame`` columns) into a
``folium.Map``. It does not know about Streamlit; the app localizes the map's assets
(``app.assets.localize_map``) and renders it with streamlit-folium.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import folium
from branca.element import MacroElement
from jinja2 import Template

from geo.basemap import OfflineBasemap, add_online_tiles
from geo.layers import (
    _RECORD_COLUMNS,
    OTHER_COLOR,
    AreasLayer,
    ClaimsLayer,
    DistanceLayer,
    FitData,
    Legend,
    TownLabels,
    _actor_key,
    _ensure_library,
    actor_colors,
    area_record,
    claim_records,
    distance_record,
    js_json,
    select_rings,
)
from geo.town_labels import town_labels as town_label_rows
from geo.verbatim import VerbatimScriptMixin

_RING_COLUMNS = ("anchor_lat", "anchor_lon", "subject_lat", "subject_lon")

__all__ = ["MapSummary", "PreparedClaims", "build_claims_map", "prepare_claims", "view_bounds"]

log = logging.getLogger("conflictmap.geo.claims_map")


class MapSummary(dict):
    """What a built map shows (markers, areas, distance rings), for counts and tests."""


@dataclass
class PreparedClaims:
    """Per-claim map records computed once for a whole dataset.

    Building records (escaping, popups) is the costly part of a map; with a dataset's records
    prepared once, a filter change only picks records by claim id. Actor colours are fixed for
    the dataset, so an actor keeps its colour whatever the filters.
    """

    colors: dict[str, str]
    markers: dict[str, dict[str, Any]] = field(default_factory=dict)
    fragments: dict[str, str] = field(default_factory=dict)
    articles: dict[str, str] = field(default_factory=dict)
    areas: dict[str, dict[str, Any]] = field(default_factory=dict)
    rings: dict[str, dict[str, Any]] = field(default_factory=dict)
    actions: dict[str, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.markers)


def prepare_claims(frame: Any) -> PreparedClaims:
    """Compute the map records of every claim in ``frame`` (see :class:`PreparedClaims`)."""
    if hasattr(frame, "columns"):
        wanted = [c for c in (*_RECORD_COLUMNS, *_RING_COLUMNS) if c in frame.columns]
        rows = frame[list(dict.fromkeys(wanted))].to_dict("records")
    else:
        rows = [dict(r) for r in frame]
    colors = actor_colors(_actor_key(r) for r in rows if r.get("kind") != "distance")
    prepared = PreparedClaims(colors=colors)
    for record in claim_records(rows, colors, prepared.articles):
        prepared.markers[record["id"]] = record
        prepared.fragments[record["id"]] = js_json(record)
    for row in rows:
        cid = str(row.get("claim_id"))
        area = area_record(row, colors)
        if area is not None:
            prepared.areas[cid] = area
        ring = distance_record(row)
        if ring is not None:
            prepared.rings[cid] = ring
        prepared.actions[cid] = (
            "distance" if row.get("kind") == "distance" else str(row.get("action"))
        )
    return prepared


def view_bounds(lats: list[float], lons: list[float]) -> list[list[float]] | None:
    """Bounds ``[[south, west], [north, east]]`` around the points, ignoring far outliers.

    With more than 40 points the 2nd and 98th percentiles are used, so one mis-placed claim on
    another continent does not zoom the map out to the whole world.

    >>> view_bounds([32.0, 33.0], [13.0, 15.0])
    [[31.9, 12.9], [33.1, 15.1]]
    >>> view_bounds([], []) is None
    True
    """
    if not lats:
        return None
    lat_sorted = sorted(lats)
    lon_sorted = sorted(lons)
    if len(lats) > 40:
        cut = max(1, int(len(lats) * 0.02))
        lat_sorted = lat_sorted[cut:-cut]
        lon_sorted = lon_sorted[cut:-cut]
    south, north = lat_sorted[0], lat_sorted[-1]
    west, east = lon_sorted[0], lon_sorted[-1]
    pad = max(0.1, 0.05 * max(north - south, east - west))
    return [
        [round(max(-85.0, south - pad), 4), round(max(-180.0, west - pad), 4)],
        [round(min(85.0, north + pad), 4), round(min(180.0, east + pad), 4)],
    ]


def build_claims_map(
    frame: Any,
    *,
    offline: bool = True,
    selected: str | None = None,
    prepared: PreparedClaims | None = None,
    cluster: bool = True,
    max_rings: int = 400,
    extra_layers: Iterable[Any] = (),
    notes: Iterable[str] = (),
    town_labels: bool = True,
    legend_fronts: Iterable[tuple[str, str]] = (),
) -> tuple[folium.Map, MapSummary]:
    """Build the claims map for the rows of ``frame``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Claims with the ``Store.claims_frame`` columns (missing optional columns are fine).
    offline : bool
        Offline outlines as the only basemap (default); otherwise online tile layers plus the
        outlines as an optional overlay.
    selected : str or None
        Claim id to highlight; its popup opens and its distance ring is drawn (the rings of
        other claims are drawn only while their marker or line is hovered).
    prepared : PreparedClaims or None
        Records of a superset of ``frame`` from :func:`prepare_claims` (computed when None).
    cluster : bool
        Cluster markers (MarkerCluster), which keeps 10,000 claims readable.
    max_rings : int
        Distance rings/lines drawn at most (the most recent claims); markers are never capped.
    extra_layers : iterable of folium layers or callables
        Layers drawn below the claims, such as front lines and areas of control; a callable
        is called with the map (for builders that add several layers themselves). They are
        added before the layer control so it can list them.
    notes : iterable of str
        Extra lines for the legend (escaped).
    town_labels : bool
        Name the towns around the data, each from its zoom level (``geo.town_labels``).
    legend_fronts : iterable of (symbol html, label)
        Legend rows explaining the areas of control and front lines, when drawn.

    Returns
    -------
    (folium.Map, MapSummary)
        The map and counts: ``markers``, ``areas``, ``rings``, ``actors``.

    """
    if prepared is None:
        prepared = prepare_claims(frame)
    ids = _claim_ids(frame)
    colors = prepared.colors
    markers = [prepared.markers[i] for i in ids if i in prepared.markers]
    areas = list(
        {
            tuple(a.values()): a for a in (prepared.areas[i] for i in ids if i in prepared.areas)
        }.values()
    )
    ring_pool = [prepared.rings[i] for i in ids if i in prepared.rings]
    rings = select_rings(ring_pool, limit=max_rings, always=selected)
    kinds = [prepared.actions.get(i, "") for i in ids]

    fmap = folium.Map(
        location=[20.0, 0.0],
        zoom_start=2,
        tiles=None,
        control_scale=True,
        prefer_canvas=False,
        world_copy_jump=True,
        **{"maxZoom": 14, "minZoom": 2},
    )
    _ensure_library(fmap)
    if offline:
        OfflineBasemap().add_to(fmap)
    else:
        add_online_tiles(fmap)
        OfflineBasemap("Country outlines", fill=False, overlay=True, show=False).add_to(fmap)
    if areas:
        AreasLayer(areas).add_to(fmap)
    if rings:
        DistanceLayer(rings).add_to(fmap)
    for layer in extra_layers:
        if callable(layer) and not hasattr(layer, "add_to"):
            layer(fmap)
        else:
            layer.add_to(fmap)
    bounds = _data_bounds(markers, rings)
    labels = town_label_rows(bounds) if town_labels else []
    if labels:
        TownLabels(labels).add_to(fmap)
    used = {m["m"] for m in markers}
    payload = (
        '{"articles":'
        + js_json({k: v for k, v in prepared.articles.items() if k in used})
        + ',"claims":['
        + ",".join(prepared.fragments[m["id"]] for m in markers)
        + "]}"
    )
    ClaimsLayer(payload, len(markers), cluster=cluster).add_to(fmap)

    used_colors = {m["c"] for m in markers}
    legend_colors = {name: color for name, color in colors.items() if color in used_colors}
    has_other = OTHER_COLOR in used_colors
    legend_notes = list(notes)
    n_distance = sum(1 for k in kinds if k == "distance")
    if len(ring_pool) > len(rings):
        legend_notes.append(
            f"distance rings shown for the {len(rings)} most recent of "
            f"{len(ring_pool)} distance claims"
        )
    Legend(
        legend_colors,
        actions=set(kinds),
        has_distance=n_distance > 0,
        has_other=has_other,
        notes=legend_notes,
        fronts=legend_fronts,
    ).add_to(fmap)
    folium.LayerControl(collapsed=True).add_to(fmap)
    if bounds:
        FitData(bounds).add_to(fmap)
    if selected is not None:
        _SelectClaim(str(selected)).add_to(fmap)
    summary = MapSummary(
        markers=len(markers), areas=len(areas), rings=len(rings), actors=len(colors),
        bounds=bounds, labels=len(labels),
    )
    return fmap, summary


def _data_bounds(markers: list[dict[str, Any]], rings: list[dict[str, Any]],
                 ) -> list[list[float]] | None:
    """Bounds of the markers and ring anchors; a map of a few claims shows their whole rings."""
    lats = [m["lat"] for m in markers] + [r["alat"] for r in rings]
    lons = [m["lon"] for m in markers] + [r["alon"] for r in rings]
    if len(markers) <= 5:  # a single check: show its whole ring
        for ring in rings:
            dlat = ring["rmax"] / 111.0
            dlon = dlat / max(0.1, math.cos(math.radians(ring["alat"])))
            lats += [ring["alat"] - dlat, ring["alat"] + dlat]
            lons += [ring["alon"] - dlon, ring["alon"] + dlon]
    return view_bounds(lats, lons)


class _SelectClaim(VerbatimScriptMixin, MacroElement):
    """Highlight one claim and open its popup once the markers exist."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        ConflictMap.select({{ this._parent.get_name() }}, {{ this.claim_id }});
        {% endmacro %}
        """
    )

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self._name = "SelectClaim"
        self.claim_id = js_json(claim_id)


def _claim_ids(frame: Any) -> list[str]:
    """Claim ids of a DataFrame or an iterable of mappings, as strings, in order."""
    if hasattr(frame, "columns"):
        if "claim_id" not in frame.columns:
            return []
        return [str(v) for v in frame["claim_id"].tolist()]
    return [str(dict(r).get("claim_id")) for r in frame]
