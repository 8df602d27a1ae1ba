"""The app's pages, in navigation order (used by ``streamlit_app.py`` and the tests)."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

__all__ = ["PAGE_SPECS", "make_pages"]


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


#: (render function, title, icon, url path), in navigation order; the first is the default.
PAGE_SPECS: tuple[tuple[Callable[[], None], str, str, str], ...] = (
    (_map, "Map", ":material/map:", "map"),
    (_upload, "Upload articles", ":material/upload_file:", "upload"),
    (_distance, "Distance checker", ":material/straighten:", "distance"),
    (_compare, "Compare sources", ":material/compare_arrows:", "compare"),
)


def make_pages() -> list[st.Page]:
    """Return new ``st.Page`` objects for this script run (call it in every run and session).

    A page object remembers the session that ran it; shared between sessions (a
    module-level list), one session's run can make another's fail with "This page
    cannot be called directly". Building them per run costs microseconds.
    """
    return [st.Page(func, title=title, icon=icon, url_path=path, default=index == 0)
            for index, (func, title, icon, path) in enumerate(PAGE_SPECS)]
