"""Details of the selected claim and the form that corrects its place.

Article strings are shown with ``st.text`` (never as Markdown), so a quote cannot add
links, images or markup to the page; a right-to-left (Arabic) quote is shown as an
HTML-escaped block laid out right to left (:func:`app.text.quote_html`).
"""

from __future__ import annotations

import logging
import math
from typing import Any

import streamlit as st

from app.text import is_rtl, md_escape, quote_html
from core.errors import ConflictMapError
from geo.claim_records import distance_check_parts

__all__ = ["claim_details", "describe_distance"]

log = logging.getLogger("conflictmap.app.claim_panel")


def _num(value: Any) -> float | None:
    """Return a finite float or None."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _plain(value: Any) -> str:
    """Text of a value, empty for None/NaN."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)


def describe_distance(row: dict[str, Any]) -> str:
    """One plain-text line: stated distance, true distance, difference, verdict.

    >>> describe_distance({"value_min": 100, "value_max": 100, "unit": "km", "anchor": "Misrata",
    ...                    "true_km": 192.4, "diff_km": -92.4, "diff_pct": -48.0,
    ...                    "verdict": "understated"})
    'stated 100 km from Misrata · true 192 km · off by -92 km (-48 %) · understated'
    """
    return " · ".join(distance_check_parts(row))


def claim_details(store: Any, row: dict[str, Any]) -> None:
    """Show one claim (quote, source, dates, place, check) and let the analyst fix its place."""
    from app import data
    from geo.layers import safe_url

    st.subheader(f"Claim {row.get('claim_id')}")
    left, right = st.columns([3, 2])
    with left:
        quote = _plain(row.get("quote"))
        if is_rtl(quote):
            st.html(quote_html(quote))  # escaped: the quote's text, right to left
        else:
            st.text(quote)
        if row.get("kind") == "distance":
            st.text(describe_distance(row))
        else:
            who = _plain(row.get("actor_norm")) or _plain(row.get("actor")) or "unknown actor"
            st.text(f"{who} · {_plain(row.get('action'))} · {_plain(row.get('place'))}")
    with right:
        st.caption("Article")
        st.text(_plain(row.get("title")) or "(untitled)")
        st.text(
            f"{_plain(row.get('source')) or 'unknown source'} · published "
            f"{_plain(row.get('published')) or '?'} · event {_plain(row.get('event_date')) or '?'}"
        )
        url = safe_url(row.get("url"))
        if url:
            st.link_button("Open the source", url)
        precision = _plain(row.get("precision"))
        st.caption(
            f"Drawn at {_num(row.get('lat'))}, {_num(row.get('lon'))} — precision: "
            f"{precision or 'unknown'}"
        )

    with st.expander("Correct this claim's place"):
        with st.form(f"correct_{row.get('claim_id')}"):
            name = st.text_input(
                "Place name", value=_plain(row.get("place")) or _plain(row.get("subject"))
            )
            c1, c2 = st.columns(2)
            lat = c1.number_input(
                "Latitude",
                min_value=-90.0,
                max_value=90.0,
                format="%.5f",
                value=_num(row.get("lat")) or 0.0,
            )
            lon = c2.number_input(
                "Longitude",
                min_value=-180.0,
                max_value=180.0,
                format="%.5f",
                value=_num(row.get("lon")) or 0.0,
            )
            note = st.text_input("Note (why)", value="")
            if st.form_submit_button("Save correction"):
                try:
                    changed = store.correct_place(
                        claim_id=int(row["claim_id"]),
                        lat=lat,
                        lon=lon,
                        name=name or None,
                        note=note or None,
                        who="app",
                    )
                except (ConflictMapError, ValueError) as err:
                    st.error(f"Not saved: {md_escape(err)}")
                else:
                    data.bump_version()
                    st.success(f"Saved; {changed} claim(s) updated.")
                    st.rerun()
