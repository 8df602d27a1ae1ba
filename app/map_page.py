"""The map page: filters, counts, the claims map, the linked claims table, details, export.

Clicking a marker selects its row in the table; selecting a row opens the claim's popup on the
map. The selected claim is kept in the URL (``?claim=<id>``) with the filters, so a shared link
shows the same view.
"""

from __future__ import annotations

import logging
from typing import Any

import pandas as pd
import streamlit as st

from app import data
from app.filters import FilterState, distances_off, filter_widgets, options_from_frame
from app.map_render import clicked_claim_id, show_map
from app.text import md_escape

__all__ = ["TABLE_COLUMNS", "render", "table_frame"]

log = logging.getLogger("conflictmap.app.map_page")

#: Columns of the claims table, in order.
#: Columns of the claims table, in order: the verdict beside the place, its figures before
#: the quote.
TABLE_COLUMNS: tuple[str, ...] = (
    "claim_id",
    "sort_date",
    "place",
    "verdict",
    "value_min",
    "unit",
    "anchor",
    "true_km",
    "diff_pct",
    "actor_norm",
    "action",
    "kind",
    "quote",
    "source",
    "published",
    "precision",
    "url",
)
_SEL = "claim"
#: Session key set once the session has been sent a map.
_MAP_SENT = "_map_sent"
#: Dates on the fronts time slider (each date derives areas and lines once).
_FRONT_STEPS = 16


@st.cache_resource(max_entries=2, show_spinner=False)
def _options(version: str) -> Any:
    """Filter widget options for one data version."""
    return options_from_frame(data.all_claims(version))


def table_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the claims table: chosen columns, only http(s) links (no ``javascript:`` URLs).

    Right-to-left text cells (Arabic quotes, places, actors) are wrapped in Unicode
    isolates so each reads right to left in the grid (:func:`app.text.bidi_cell`).
    """
    from app.text import bidi_cell
    from geo.layers import safe_url

    table = frame[[c for c in TABLE_COLUMNS if c in frame.columns]].reset_index(drop=True)
    if "url" in table.columns:
        table["url"] = table["url"].map(safe_url)
    for column in ("quote", "place", "anchor", "source"):
        if column in table.columns:
            table[column] = table[column].map(bidi_cell)
    return table


def _add_fronts(fmap: Any, frame: pd.DataFrame, state: FilterState) -> str | None:
    """Add areas of control and front lines with their time slider; return a note or None."""
    try:
        from geo.fronts_layer import add_fronts_timeline
    except ImportError:
        return "Front lines are not available in this installation."
    control = frame[frame["kind"] == "control"]
    if control.empty:
        return "No control claims in this view, so no front lines."
    try:
        from geo.fronts_layer import timeline_dates

        safe = _without_template_syntax(control)
        slider = add_fronts_timeline(
            fmap,
            safe,
            dates=timeline_dates(safe, max_steps=_FRONT_STEPS),
            conflict=state.conflict,
        )
    except (ValueError, LookupError, ArithmeticError) as err:
        log.warning("fronts failed: %s", err)
        return f"Front lines could not be drawn: {err}"
    return None if slider is not None else "Not enough control claims for front lines."


@st.cache_resource(max_entries=8, show_spinner="Deriving areas of control and front lines…")
def _fronts_template(version: str, state: FilterState) -> tuple[Any, str | None]:
    """Fronts of one filtered view, built once into a scratch map (copied into each run's map).

    Deriving areas and lines for every slider date is the slow part of the page; caching the
    built layers per data version and filters keeps a marker click or a table selection fast.
    """
    import folium

    scratch = folium.Map(tiles=None)
    note = _add_fronts(scratch, data.filtered_frame(state, version), state)
    return scratch, note


def _attach_fronts(fmap: Any, version: str, state: FilterState) -> str | None:
    """Copy the cached fronts layers (and their time slider) onto ``fmap``; return a note."""
    import copy

    scratch, note = _fronts_template(version, state)
    layers = copy.deepcopy(scratch)
    for name, child in list(layers._children.items()):
        if type(child).__name__ in ("TileLayer",):
            continue
        fmap.add_child(child, name=name)
    return note


def _fronts_legend() -> tuple[tuple[str, str], ...]:
    """Legend rows explaining areas of control, estimates and the front line."""
    try:
        from geo.fronts_layer import FRONTS_LEGEND
    except ImportError:
        return ()
    return FRONTS_LEGEND


def _without_template_syntax(frame: pd.DataFrame) -> pd.DataFrame:
    """Break ``{{``, ``{%`` and ``{#`` in text columns with a zero-width space.

    folium re-parses each rendered element as a Jinja template, so article text holding
    template syntax would run on the server inside layers built with plain folium elements.
    """
    out = frame.copy()
    for column in out.columns:
        if out[column].dtype == object:
            out[column] = out[column].map(
                lambda v: v.replace("{", "{\u200b") if isinstance(v, str) and "{" in v else v
            )
    return out


def _select(claim_id: str | None, *, focus: bool) -> None:
    """Make ``claim_id`` the selected claim (URL and session); ``focus`` also moves the map."""
    if claim_id:
        st.query_params[_SEL] = claim_id
    elif _SEL in st.query_params:
        del st.query_params[_SEL]
    st.session_state["selected_claim"] = claim_id
    if focus:
        st.session_state["map_focus"] = claim_id


def _counts(frame: pd.DataFrame, total: int, shown: int) -> None:
    """Draw the counts row above the map."""
    cols = st.columns(5)
    cols[0].metric("Claims in view", f"{len(frame):,}", help=f"of {total:,} stored")
    cols[1].metric("On the map", f"{shown:,}", help="claims with coordinates")
    cols[2].metric("Control", f"{int((frame['kind'] == 'control').sum()):,}")
    cols[3].metric("Distance", f"{int((frame['kind'] == 'distance').sum()):,}")
    cols[4].metric("Sources", f"{frame['source'].nunique():,}")


def _exports(frame: pd.DataFrame) -> None:
    """Download buttons for the filtered view (built only when clicked)."""
    from store.export import export_bytes

    left, right, _ = st.columns([1, 1, 4])
    left.download_button(
        "Export GeoJSON",
        data=lambda: export_bytes(frame, "geojson"),
        file_name="conflictmap-claims.geojson",
        mime="application/geo+json",
        on_click="ignore",
        key="export_geojson",
    )
    right.download_button(
        "Export CSV",
        data=lambda: export_bytes(frame, "csv"),
        file_name="conflictmap-claims.csv",
        mime="text/csv",
        on_click="ignore",
        key="export_csv",
    )


def _warm_up_after_the_first_map() -> None:
    """Start the gazetteer warm-up (:mod:`app.warmup`) from a session's second map run on.

    A session's first run sends the map, and the browser then fetches the widgets' code, the
    map's iframe and Leaflet from this same Python process; the warm-up's work (about 0.6 CPU
    s even when the index exists) would hold the interpreter lock those requests need. The
    map reports back to the server once it is drawn, which is the session's second run. A
    page that needs the index (upload) starts it itself.
    """
    from app import warmup

    if st.session_state.get(_MAP_SENT):
        warmup.start()
    st.session_state[_MAP_SENT] = True


def render() -> None:
    """Draw the map page."""
    from app.viewport_map import render_viewport, use_viewport

    store = data.get_store()
    if use_viewport(store):  # too many claims to send them all: viewport queries
        render_viewport(store)
        _warm_up_after_the_first_map()
        return
    from app.claim_panel import claim_details
    from geo.claims_map import build_claims_map

    version = data.data_version(store)
    options = _options(version)
    from app import timeline

    timeline.apply_chart_range(st.session_state, options)
    with st.sidebar:
        st.subheader("Filters")
        timeline.date_controls(st, options)
        state = filter_widgets(options)
        online = st.toggle(
            "Online tile layers",
            key="online",
            bind="query-params",
            help="Off: offline country outlines only; nothing leaves this computer.",
        )
        fronts = st.toggle(
            "Areas of control and front lines",
            key="fronts",
            bind="query-params",
            help="Derived from control claims, with a time slider.",
        )
        off_only = st.toggle(
            "Only distances that are off",
            key="off",
            bind="query-params",
            help="Distance claims understated or overstated beyond what their wording "
            "allows (not those plausible as road distance), worst first.",
        )
    frame = data.filtered_frame(state, version)
    if off_only:
        frame = distances_off(frame)

    if "selected_claim" not in st.session_state:
        initial = st.query_params.get(_SEL)
        _select(initial, focus=True)
    selected = st.session_state.get("selected_claim")
    focus = st.session_state.get("map_focus")
    ids = set(frame["claim_id"])
    notes: list[str] = []
    extra = [lambda fmap: notes.append(_attach_fronts(fmap, version, state))] if fronts else []
    fmap, summary = build_claims_map(
        frame,
        offline=not online,
        selected=focus if focus in ids else None,
        prepared=data.prepared(version),
        extra_layers=extra,
        legend_fronts=_fronts_legend() if fronts else (),
    )
    for note in notes:
        if note:
            st.info(md_escape(note))
    _counts(frame, options.total, summary["markers"])
    if options.total == 0:
        st.info("No claims stored yet: upload articles on the Upload page.")
    counts = timeline.daily_counts(frame)
    if not counts.empty:
        st.altair_chart(timeline.day_chart(counts), on_select="rerun", key="day_chart",
                        width="stretch")
        st.caption("Drag across the chart to set the date range.")
    map_col, feed_col = st.columns([4, 1])
    with map_col:
        result = show_map(fmap, key="claims_map", offline=not online)
    timeline.quote_feed(feed_col, frame)

    clicked = clicked_claim_id(result)
    if clicked and clicked != st.session_state.get("_last_click"):
        st.session_state["_last_click"] = clicked
        if clicked != selected:
            _select(clicked, focus=False)
            selected = clicked
            st.session_state["table_gen"] = st.session_state.get("table_gen", 0) + 1

    table = table_frame(frame)
    positions = table.index[table["claim_id"] == selected].tolist() if selected else []
    default = {"selection": {"rows": positions[:1], "columns": []}} if positions else None
    event = st.dataframe(
        table,
        key=f"claims_table_{st.session_state.get('table_gen', 0)}",
        hide_index=True,
        on_select="rerun",
        selection_mode="single-row",
        selection_default=default,
        height=320,
        column_config={
            "claim_id": st.column_config.TextColumn("Claim"),
            "sort_date": st.column_config.DateColumn("Date", help="event date, else published"),
            "published": st.column_config.DateColumn("Published"),
            "source": st.column_config.TextColumn("Source"),
            "kind": st.column_config.TextColumn("Kind"),
            "actor_norm": st.column_config.TextColumn("Actor"),
            "action": st.column_config.TextColumn("Action"),
            "place": st.column_config.TextColumn("Place"),
            "precision": st.column_config.TextColumn("Precision"),
            "value_min": st.column_config.NumberColumn("Stated", format="%g"),
            "unit": st.column_config.TextColumn("Unit"),
            "anchor": st.column_config.TextColumn("From"),
            "verdict": st.column_config.TextColumn("Verdict", width="medium"),
            "url": st.column_config.LinkColumn("Link", display_text="open"),
            "quote": st.column_config.TextColumn("Quote", width="large"),
            "true_km": st.column_config.NumberColumn("True km", format="%.0f"),
            "diff_pct": st.column_config.NumberColumn("Off by %", format="%+.0f"),
        },
    )
    rows = list(getattr(getattr(event, "selection", None), "rows", []) or [])
    picked = str(table.iloc[rows[0]]["claim_id"]) if rows and rows[0] < len(table) else None
    if picked != selected and (picked or positions):
        _select(picked, focus=True)
        st.rerun()

    _exports(frame)
    if selected and selected in ids:
        claim_details(store, frame.loc[selected].to_dict())
    _warm_up_after_the_first_map()
