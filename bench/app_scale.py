"""The app's data path at scale: viewport queries, pans, filters and table pages.

Used by ``python -m bench.app --claims N --database URL``: fills the database with N
synthetic claims (``bench.app_data.fill_store_batched``) unless it already holds at
least N, then times what the map page asks the store for (see ``bench.app``).
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import date
from typing import Any

#: The synthetic claims' area (bench.app_data.synthetic_places) and a view of it.
REGION = (10.0, 26.0, 22.0, 33.0)
PLACES = 2_000


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def _shown(view: Any) -> str:
    if view.mode == "cells":
        return f"{len(view.cells)} cells, {view.total:,} claims, {view.source}"
    of = f" (of {view.total:,})" if view.truncated else ""
    return f"{len(view.claims):,} claims{of}"


def run_scale(url: str, n_claims: int) -> None:
    """Fill ``url`` to ``n_claims`` claims if needed, then print the viewport figures."""
    import pandas  # noqa: F401 - loaded in the app already; not part of a query's time
    import psutil

    from bench.app_data import fill_store_batched, synthetic_places
    from store import open_store
    from store.spatial import postgis_schema
    from store.types import ClaimFilter

    store = open_store(url, merge_places=False)
    have = store.count_claims()
    if have < n_claims:
        start = time.perf_counter()
        added = fill_store_batched(store, n_claims - have, places=synthetic_places(PLACES),
                                   seed=11 + have)
        print(f"stored {added:,} claims in {time.perf_counter() - start:.1f} s")
        if store.backend == "postgresql":
            with store.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
    with store.engine.connect() as conn:
        gis = postgis_schema(conn)
    total = store.count_claims()
    print(f"database: {store.backend}{' with PostGIS' if gis else ''}, {total:,} claims")

    west, south, east, north = REGION
    world = (-180.0, -85.0, 180.0, 85.0)
    seconds, view = _timed(lambda: store.viewport(None, world, 2))
    print(f"first map, world at zoom 2: {seconds:.3f} s ({_shown(view)})  [target <= 2 s]")
    seconds, view = _timed(lambda: store.viewport(None, REGION, 6))
    print(f"first map, the war's area at zoom 6: {seconds:.3f} s ({_shown(view)})"
          "  [target <= 2 s]")
    moves: list[tuple[str, float, str]] = []
    for dx, dy in ((1.5, 0.0), (0.0, 1.0), (-2.0, -0.5)):
        box = (west + dx, south + dy, east + dx, north + dy)
        seconds, view = _timed(lambda b=box: store.viewport(None, b, 6))
        moves.append((f"pan {dx:+g},{dy:+g} deg", seconds, _shown(view)))
    filters = {
        "kind=control": ClaimFilter(kinds=("control",)),
        "one source": ClaimFilter(sources=("wire-one.example",)),
        "one month": ClaimFilter(since=date(2024, 3, 1), until=date(2024, 3, 31)),
        "one actor": ClaimFilter(actors=("Coastal Front",)),
        "text 'Place 12'": ClaimFilter(text="Place 12"),
    }
    for name, flt in filters.items():
        seconds, view = _timed(lambda f=flt: store.viewport(f, REGION, 6))
        moves.append((f"filter {name}", seconds, _shown(view)))
    cx, cy = (west + east) / 2, (south + north) / 2
    for zoom, half in ((9, 0.6), (11, 0.15), (13, 0.04)):
        box = (cx - half, cy - half / 2, cx + half, cy + half / 2)
        seconds, view = _timed(lambda b=box, z=zoom: store.viewport(None, b, z))
        moves.append((f"zoom {zoom} (claims)", seconds, _shown(view)))
    for name, seconds, shown in moves:
        print(f"  {name:<24} {seconds:.3f} s  ({shown})")
    times = [s for _, s, _ in moves]
    print(f"pan / filter change / zoom: median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s  [target <= 0.5 s]")
    from store.viewport import page_key

    pages = []
    seconds, first = _timed(lambda: store.claims_page(None, limit=100))
    pages.append(f"page 1 (keyset): {seconds:.3f} s")
    deep = 4_999 * 100  # page 5,000 starts after this many rows
    if total > deep:
        seconds, before = _timed(lambda: store.claims_page(None, offset=deep - 1, limit=1))
        pages.append(f"page 5,000 by OFFSET: {seconds:.3f} s")
        key = page_key(before)
        seconds, page = _timed(lambda: store.claims_page(None, after=key, limit=100))
        pages.append(f"page 5,000 by keyset: {seconds:.3f} s ({len(page)} rows)")
    key = page_key(first)
    seconds, _ = _timed(lambda: store.claims_page(None, after=key, limit=100))
    pages.append(f"page 2 (keyset): {seconds:.3f} s")
    seconds, _ = _timed(lambda: store.claims_page(ClaimFilter(kinds=("distance",)), limit=100))
    pages.append(f"kind=distance: {seconds:.3f} s")
    seconds, count = _timed(lambda: store.count_claims(ClaimFilter(kinds=("distance",))))
    pages.append(f"count kind=distance ({count:,}): {seconds:.3f} s")
    print("claims table, 100-row pages from the database: " + "; ".join(pages))
    store.close()
    _page(url)
    rss = psutil.Process().memory_info().rss / 2**20
    print(f"resident memory of this process (store queries and the page run in it): "
          f"{rss:.0f} MB  [target for the streamlit process <= 1 GB]")


def _page(url: str) -> None:
    """Run the real map page (viewport mode) with streamlit.testing; print its times."""
    import os

    from streamlit.testing.v1 import AppTest

    from bench.app import ROOT, _metric, _run

    os.environ["DATABASE_URL"] = url
    import app.map_page  # noqa: F401 - the page's modules, loaded once per server process

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    first = _run(at)
    print(f"map page, first render in a fresh process (server time, with what a server does "
          f"once at start: imports, component discovery, opening the store): {first:.2f} s, "
          f"claims in view {_metric(at, 'Claims in view')}")
    import streamlit as st

    st.cache_data.clear()  # a started server: modules and store loaded, no query cached
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    started = _run(at)
    print(f"map page, first render of a new session on a started server, no query cached "
          f"(server time): {started:.2f} s  [target <= 2 s]")
    at.multiselect(key="kind").set_value(["control"])
    change = _run(at)
    print(f"map page, filter change kind=control: {change:.2f} s, claims in view "
          f"{_metric(at, 'Claims in view')}  [target <= 0.5 s]")
    at.session_state["viewport"] = {"bbox": (15.0, 29.0, 16.2, 29.6), "zoom": 10,
                                    "center": (29.3, 15.6)}
    zoomed = _run(at)
    print(f"map page, zoom 10 (claims with popups): {zoomed:.2f} s, "
          f"{_metric(at, 'On the map')}")
