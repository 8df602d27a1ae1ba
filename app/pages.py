"""The app's pages, in navigation order (used by ``streamlit_app.py`` and the tests)."""

from __future__ import annotations

import streamlit as st

__all__ = ["PAGES"]


def _map() -> None:
    from app.map_page import render

    render()


def _upload() -> None:
    from app.upload_page import render

    render()


def _distance() -> None:
    from app.distance_page import render

    render()


def _compare() -> None:
    from app.compare import render

    render()


PAGES = [
    st.Page(_map, title="Map", icon=":material/map:", url_path="map", default=True),
    st.Page(_upload, title="Upload articles", icon=":material/upload_file:", url_path="upload"),
    st.Page(_distance, title="Distance checker", icon=":material/straighten:", url_path="distance"),
    st.Page(
        _compare, title="Compare sources", icon=":material/compare_arrows:", url_path="compare"
    ),
]
