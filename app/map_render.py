"""Render a claims map in Streamlit: build it, serve its assets locally, read clicks back.

Kept apart from the page so the distance checker and the comparison page draw maps the same
way, and so the map-to-table link (the claim id at the end of each tooltip) lives in one place.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from typing import Any

import streamlit as st

from app.assets import localize_map

__all__ = ["clicked_claim_id", "offline_assets_ok", "show_map"]

log = logging.getLogger("conflictmap.app.map_render")
_CLAIM_ID = re.compile(r"\[claim ([^\]\s]+)\]")


def offline_assets_ok() -> bool:
    """Return True when Streamlit serves ``./static`` (needed for the vendored Leaflet files)."""
    try:
        return bool(st.get_option("server.enableStaticServing"))
    except (RuntimeError, KeyError):
        return False


def clicked_claim_id(result: dict[str, Any] | None) -> str | None:
    """Return the claim id of the marker (or distance line) clicked last, read from its tooltip.

    >>> clicked_claim_id({"last_object_clicked_tooltip": "Sirte: LNA captured [claim 12]"})
    '12'
    >>> clicked_claim_id({"last_object_clicked_tooltip": None}) is None
    True
    """
    if not result:
        return None
    text = result.get("last_object_clicked_tooltip") or result.get("last_object_clicked_popup")
    if not text:
        return None
    found = _CLAIM_ID.findall(str(text))
    return found[-1] if found else None


def show_map(
    fmap: Any,
    *,
    key: str,
    offline: bool = True,
    height: int = 600,
    returned: Iterable[str] = ("last_object_clicked_tooltip",),
) -> dict[str, Any] | None:
    """Localize the map's assets and render it with streamlit-folium; return its state.

    Only clicks (``returned``) make the app rerun; panning and zooming do not.
    """
    from streamlit_folium import st_folium

    if offline and not offline_assets_ok():
        st.warning(
            "Static file serving is off, so the map's Leaflet files cannot be served locally. "
            "Start the app from the project directory (it reads .streamlit/config.toml) or "
            "pass --server.enableStaticServing true."
        )
    dropped = localize_map(fmap, offline=offline)
    if dropped and offline:
        log.debug("offline: assets without a local copy were left out: %s", dropped)
    return st_folium(
        fmap, key=key, height=height, use_container_width=True, returned_objects=list(returned)
    )
