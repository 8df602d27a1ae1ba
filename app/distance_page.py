"""Distance checker: a stored claim, or one typed in ("90 km south of Tripoli").

A typed claim is parsed with ``claims.extract_claims``; when it names no place for the subject
("100 km from Misrata") the analyst names one (resolved with the gazetteer) or types
coordinates. ``geo.verdict.check_distance`` then gives the true geodesic distance, the
difference, the bearing and the range a road route would typically add; the map shows the
anchor, the stated ring and the line to the subject.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from typing import Any

import pandas as pd
import streamlit as st

from app import data
from app.claim_panel import describe_distance
from app.text import md_escape
from core.errors import ConflictMapError

__all__ = ["render", "verdict_row"]

log = logging.getLogger("conflictmap.app.distance_page")


def verdict_row(claim: Any, verdict: Any, claim_id: str = "typed") -> dict[str, Any]:
    """Return a claims-frame row for a typed distance claim and its verdict (map and table)."""
    anchor, subject = claim.anchor_place, claim.subject_place
    drawn = subject or anchor
    return {
        "claim_id": claim_id,
        "kind": "distance",
        "quote": claim.provenance.quote,
        "place": (claim.subject or (subject.name if subject else claim.anchor)),
        "lat": drawn.lat if drawn else None,
        "lon": drawn.lon if drawn else None,
        "precision": drawn.precision if drawn else None,
        "radius_km": drawn.radius_km if drawn else None,
        "value_min": claim.value_min,
        "value_max": claim.value_max,
        "unit": claim.unit,
        "qualifier": claim.qualifier,
        "direction": claim.direction,
        "subject": claim.subject,
        "anchor": claim.anchor,
        "anchor_lat": anchor.lat if anchor else None,
        "anchor_lon": anchor.lon if anchor else None,
        "subject_lat": subject.lat if subject else None,
        "subject_lon": subject.lon if subject else None,
        "true_km": getattr(verdict, "true_km", None),
        "diff_km": getattr(verdict, "diff_km", None),
        "diff_pct": getattr(verdict, "diff_pct", None),
        "verdict": getattr(verdict, "label", None),
        "bearing": getattr(verdict, "bearing", None),
        "source": "typed",
        "title": None,
    }


def _fmt(value: Any, unit: str = "", digits: int = 0) -> str:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "—"
    if not math.isfinite(number):
        return "—"
    return f"{number:,.{digits}f}{unit}"


def _figures(row: dict[str, Any], verdict: Any = None) -> None:
    """Show the numbers of a check: true km, difference, bearing, road range."""
    cols = st.columns(4)
    cols[0].metric("True (geodesic)", _fmt(row.get("true_km"), " km"))
    cols[1].metric(
        "Stated minus true",
        _fmt(row.get("diff_km"), " km"),
        delta=_fmt(row.get("diff_pct"), " %") if row.get("diff_pct") is not None else None,
        delta_color="off",
    )
    bearing = row.get("bearing")
    compass = getattr(verdict, "bearing_compass", None)
    cols[2].metric("Bearing from anchor", _fmt(bearing, "°") + (f" {compass}" if compass else ""))
    if verdict is not None and getattr(verdict, "road_min_km", None) is not None:
        cols[3].metric(
            "Typical road distance", f"{_fmt(verdict.road_min_km)}–{_fmt(verdict.road_max_km)} km"
        )
    elif _fmt(row.get("true_km")) != "—":
        from geo.verdict import ROAD_FACTOR

        true_km = float(row["true_km"])
        cols[3].metric(
            "Typical road distance",
            f"{_fmt(true_km * ROAD_FACTOR[0])}–{_fmt(true_km * ROAD_FACTOR[1])} km",
            help=f"straight line × {ROAD_FACTOR[0]}–{ROAD_FACTOR[1]}",
        )
    st.text(describe_distance(row) or "No verdict: the anchor or subject has no position.")


def _map(
    rows: list[dict[str, Any]], selected: str, region: Any = None, key: str = "dist_map"
) -> None:
    """Draw the claim(s) with their rings and lines."""
    from geo.claims_map import build_claims_map

    extra = []
    if region is not None:
        import folium
        from shapely.geometry import mapping

        extra.append(
            folium.GeoJson(
                {"type": "Feature", "properties": {}, "geometry": mapping(region)},
                name="Where the claim puts the subject",
                style_function=lambda _f: {"color": "#7a3db8", "weight": 1, "fillOpacity": 0.15},
            )
        )
    fmap, _ = build_claims_map(
        pd.DataFrame(rows), selected=selected, cluster=False, extra_layers=extra
    )
    from app.map_render import show_map

    show_map(fmap, key=key, height=460, returned=())


def _stored() -> None:
    """Pick a stored distance claim and show its check."""
    version = data.data_version()
    frame = data.all_claims(version)
    distance = frame[frame["kind"] == "distance"]
    if distance.empty:
        st.info("No distance claims stored yet.")
        return
    ids = distance["claim_id"].tolist()
    labels = {
        cid: f"{str(q)[:90]} — {s or '?'}, {p or '?'}"
        for cid, q, s, p in zip(
            ids, distance["quote"], distance["source"], distance["published"], strict=True
        )
    }
    chosen = st.selectbox("Stored distance claim", ids, format_func=labels.get, key="dist_claim")
    row = frame.loc[chosen].to_dict()
    st.text(str(row.get("quote") or ""))
    _figures(row)
    _map([row], selected=chosen, key="dist_map_stored")


def _resolve_subject(name: str, context: str) -> Any:
    """Return the best gazetteer candidate for a subject name, or None."""
    from gazetteer import resolve_name

    candidates = resolve_name(name, context_text=context or None)
    return candidates[0].place if candidates else None


def _typed() -> None:
    """Parse a typed claim, complete its subject, check it."""
    from claims import extract_claims
    from geo.verdict import check_distance

    with st.form("typed_claim"):
        text = st.text_input("Claim", placeholder="Gharyan, 90 km south of Tripoli", max_chars=500)
        c1, c2, c3 = st.columns([2, 1, 1])
        subject_name = c1.text_input("Subject place (if the claim names none)", max_chars=120)
        lat = c2.number_input("or latitude", -90.0, 90.0, value=None, format="%.4f")
        lon = c3.number_input("longitude", -180.0, 180.0, value=None, format="%.4f")
        go = st.form_submit_button("Check", type="primary")
    if not go or not text.strip():
        return
    try:
        found = [c for c in extract_claims(text) if getattr(c, "kind", "") == "distance"]
    except ConflictMapError as err:
        st.error(f"Could not read the claim: {md_escape(err)}")
        return
    if not found:
        st.warning(
            "No distance found. Write it like “100 km from Misrata” or “90 km south of Tripoli”."
        )
        return
    claim = found[0]
    if claim.anchor_place is None:
        st.error(
            f"The anchor “{md_escape(claim.anchor)}” is not in the gazetteer; "
            "add it as a place first."
        )
        return
    subject = claim.subject_place
    if lat is not None and lon is not None:
        from app.preview import manual_place

        subject = manual_place(subject_name or "typed point", lat, lon)
    elif subject_name.strip():
        subject = _resolve_subject(subject_name.strip(), text) or subject
        if subject is None:
            st.warning(
                f"“{md_escape(subject_name)}” is not in the gazetteer; type coordinates instead."
            )
    if subject is not None:
        claim = dataclasses.replace(
            claim,
            subject_place=subject,
            subject_kind="place",
            subject=claim.subject or subject.name,
        )
    verdict = check_distance(claim)
    row = verdict_row(claim, verdict)
    _figures(row, verdict)
    if subject is None:
        st.caption("No subject position: the shaded area is where the claim puts it.")
    _map([row], selected="typed", region=getattr(verdict, "region", None), key="dist_map_typed")


def render() -> None:
    """Draw the distance checker page."""
    st.header("Distance checker")
    st.caption(
        "The straight-line (geodesic) distance is compared with the stated one; roads "
        "are typically 20–40 % longer, so a claim can be right by road and wrong on the map."
    )
    mode = st.radio("Check", ["A stored claim", "Type a claim"], horizontal=True, key="dist_mode")
    if mode == "A stored claim":
        _stored()
    else:
        _typed()
