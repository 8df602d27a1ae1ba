"""The map page for large stores: the map asks the store for its viewport, never for all claims.

Used by :func:`app.map_page.render` when the store holds more than
:data:`VIEWPORT_MIN_CLAIMS` claims (``CONFLICTMAP_VIEWPORT_MIN_CLAIMS``). The filter
options come from the database (distinct sources, actors, date bounds), the map
shows what :meth:`store.Store.viewport` returns for the bounds and zoom streamlit-folium
reports back (grid cells coloured by actor when zoomed out, claims with popups when
zoomed in), and the claims table, shown by a toggle under the map (:data:`TABLE_PARAM`),
pages through the database.
"""

from __future__ import annotations

import logging
import os
from typing import Any

import streamlit as st

from app import data
from app.filters import FilterOptions, FilterState, filter_widgets

__all__ = ["PAGE_ROWS", "TABLE_PARAM", "VIEWPORT_MIN_CLAIMS", "render_viewport",
           "use_viewport"]

log = logging.getLogger("conflictmap.app.viewport_map")

#: Stores with more claims than this get the viewport map.
VIEWPORT_MIN_CLAIMS = 50_000
PAGE_ROWS = 100
#: The toggle (and URL query parameter) that shows the claims table under the map. Off by
#: default: the table's grid is Streamlit's largest lazily loaded code (about 1.5 MB of
#: JavaScript), which would otherwise load, and compete with the map, on every first visit.
TABLE_PARAM = "table"
_WORLD = (-180.0, -85.0, 180.0, 85.0)
_START = {"bbox": _WORLD, "zoom": 2, "center": (20.0, 0.0)}


def _threshold() -> int:
    try:
        return int(os.environ.get("CONFLICTMAP_VIEWPORT_MIN_CLAIMS", VIEWPORT_MIN_CLAIMS))
    except ValueError:
        return VIEWPORT_MIN_CLAIMS


def use_viewport(store: Any) -> bool:
    """Return True when the store is too large to send every claim to the browser."""
    return data.recent_claim_count(store) > _threshold()


@st.cache_data(max_entries=2, show_spinner=False)
def _options(version: str) -> FilterOptions:
    store = data.get_store()
    first, last = store.date_bounds()
    return FilterOptions(first=first, last=last, sources=tuple(store.sources()),
                         actors=tuple(store.actors()), conflicts=tuple(store.conflicts()),
                         total=store.count_claims())


@st.cache_data(max_entries=64, show_spinner=False)
def _count(version: str, state: FilterState) -> int:
    return int(data.get_store().count_claims(state.to_claim_filter()))


@st.cache_data(max_entries=64, show_spinner=False)
def _view(version: str, state: FilterState, bbox: tuple[float, ...], zoom: int) -> Any:
    return data.get_store().viewport(state.to_claim_filter(), bbox, zoom)


def _rounded(bounds: Any) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) from streamlit-folium's bounds, rounded for caching."""
    try:
        sw, ne = bounds["_southWest"], bounds["_northEast"]
        return (round(float(sw["lng"]), 3), round(float(sw["lat"]), 3),
                round(float(ne["lng"]), 3), round(float(ne["lat"]), 3))
    except (KeyError, TypeError, ValueError):
        return None


def _fig_bounds(fmap: Any) -> tuple[float, float, float, float] | None:
    """Return the map's own bounds as :func:`_rounded` does (streamlit-folium's default)."""
    try:
        (south, west), (north, east) = fmap.get_bounds()
        return _rounded({"_southWest": {"lat": south, "lng": west},
                         "_northEast": {"lat": north, "lng": east}})
    except (AttributeError, TypeError, ValueError):
        return None


def _build(view: Any, offline: bool, center: tuple[float, float], zoom: int) -> Any:
    import folium

    from geo.aggregate import add_cells

    if view.mode == "claims":
        from geo.claims_map import build_claims_map

        frame = view.claims.copy()
        frame["claim_id"] = frame["claim_id"].astype(str)
        fmap, _summary = build_claims_map(frame.set_index("claim_id", drop=False),
                                          offline=offline)
        for key, child in list(fmap._children.items()):  # keep the user's view, no refit
            if type(child).__name__ == "FitBounds":
                del fmap._children[key]
        return fmap
    from geo.basemap import OfflineBasemap, add_online_tiles

    fmap = folium.Map(location=list(center), zoom_start=zoom, tiles=None,
                      control_scale=True, world_copy_jump=True, maxZoom=14, minZoom=2)
    if offline:
        OfflineBasemap().add_to(fmap)
    else:
        add_online_tiles(fmap)
    add_cells(fmap, view.cells)
    return fmap


def render_viewport(store: Any) -> None:
    """Draw the map page from viewport queries (see module docstring)."""
    from streamlit_folium import st_folium

    from app.assets import localize_map
    from app.map_page import table_frame

    version = data.recent_version(store)  # counting every table on each rerun: 0.3 s at 1M
    options = _options(version)
    with st.sidebar:
        st.subheader("Filters")
        state = filter_widgets(options)
        online = st.toggle("Online tile layers", key="online", bind="query-params")
    current = st.session_state.setdefault("viewport", dict(_START))
    view = _view(version, state, tuple(current["bbox"]), int(current["zoom"]))
    cols = st.columns(3)
    cols[0].metric("Claims in view", f"{view.total:,}", help=f"of {options.total:,} stored")
    cols[1].metric("On the map", f"{len(view.cells):,} areas" if view.mode == "cells"
                   else f"{len(view.claims):,} claims")
    cols[2].metric("Zoom", str(current["zoom"]))
    if view.mode == "cells":
        st.caption("Zoomed out: counts per area, coloured by the actor with most claims; "
                   "zoom in for individual claims.")
    elif view.truncated:
        st.caption(f"The {len(view.claims):,} most recent of {view.total:,} claims here; "
                   "zoom in for the rest.")
    fmap = _build(view, not online, tuple(current["center"]), int(current["zoom"]))
    localize_map(fmap, offline=not online)
    unreported = _fig_bounds(fmap)  # what st_folium returns before the browser reports
    result = st_folium(fmap, key="claims_viewport", height=600, use_container_width=True,
                       center=list(current["center"]), zoom=int(current["zoom"]),
                       returned_objects=["bounds", "zoom", "center"])
    box = _rounded((result or {}).get("bounds"))
    zoom = (result or {}).get("zoom")
    if box and box != unreported and zoom is not None and (box != tuple(current["bbox"])
                                     or int(zoom) != int(current["zoom"])):
        center = (result or {}).get("center") or {}
        st.session_state["viewport"] = {
            "bbox": box, "zoom": int(zoom),
            "center": (float(center.get("lat", current["center"][0])),
                       float(center.get("lng", current["center"][1])))}
        st.rerun()

    if st.toggle("Claims table", key=TABLE_PARAM, bind="query-params",
                 help=f"Pages of {PAGE_ROWS} claims from the database, for the filters "
                 "in the sidebar."):
        count = _count(version, state)
        frame = _table_page(store, state.to_claim_filter(), state, count)
        frame["claim_id"] = frame["claim_id"].astype(str)
        st.dataframe(table_frame(frame), hide_index=True, height=320)


def _table_page(store: Any, flt: Any, state: FilterState, count: int) -> Any:
    """Return the claims table's current page, read by keyset (after the previous key).

    The keys of the pages before are kept in the session (reset when the filter changes),
    so "Next" and "Previous" cost one indexed query whatever the depth.
    """
    from store.viewport import page_key

    if st.session_state.get("table_filter") != state:
        st.session_state["table_filter"] = state
        st.session_state["table_keys"] = [None]
    keys = st.session_state.setdefault("table_keys", [None])
    frame = store.claims_page(flt, after=keys[-1], limit=PAGE_ROWS)
    pages = max(1, -(-count // PAGE_ROWS))
    back, label, forward = st.columns([1, 4, 1])
    if back.button("Previous", key="table_previous", disabled=len(keys) == 1):
        keys.pop()
        st.rerun()
    label.caption(f"Claims table page {len(keys):,} of {pages:,} ({count:,} claims)")
    if forward.button("Next", key="table_next", disabled=len(frame) < PAGE_ROWS):
        keys.append(page_key(frame))
        st.rerun()
    return frame
