"""Benchmark of the analyst's app: map page render and filter changes with 10,000 claims.

Run ``python -m bench.app [--claims N]``. It stores N synthetic claims (default 10,000) in a
temporary SQLite database through ``Store.ingest_article``, then drives the real page script
(``streamlit_app.py``) with ``streamlit.testing`` and prints:

* first render: the first run of the map page in a fresh session with empty caches (reading
  the claims, escaping popups, building and serializing the map);
* filter changes: reruns after changing the text search, the claim kind and the sources,
  each a new filter state (a cache miss), so this is the server time of a real change;
* the size of the map script sent to the browser.

Targets (issue 6): first render <= 2 s, filter change <= 0.5 s of server time.

With ``--database URL`` (``postgresql+psycopg://...`` or ``sqlite:///...``) it measures
the store at scale instead (issue 15): it fills the database with N synthetic claims
through the batch writer (skipped when it already holds them), then times the viewport
queries the map makes (:meth:`store.Store.viewport`: grid cells coloured by actor below
the detail zoom, claims above it), pans, filter changes, claims-table pages and counts,
and prints this process's resident memory. Targets: first map <= 2 s, a pan or filter
change <= 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(at) -> float:
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    if at.exception:
        raise SystemExit(f"the page failed: {[e.value for e in at.exception]}")
    return elapsed


def _metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def main(argv: list[str] | None = None) -> None:
    """Fill a store, then time the map page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument(
        "--browser",
        action="store_true",
        help="also time the page in headless Chromium (/usr/bin/chromium)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument("--database", default=None, metavar="URL",
                        help="measure the store's viewport queries on this database")
    args = parser.parse_args(argv)
    if args.database:
        from bench.app_scale import run_scale

        run_scale(args.database, args.claims)
        return

    home = tempfile.mkdtemp(prefix="conflictmap-bench-app-")
    os.environ["CONFLICTMAP_HOME"] = home
    os.environ.pop("DATABASE_URL", None)

    from bench.app_data import fill_store
    from store import open_store

    store = open_store(merge_places=False)
    start = time.perf_counter()
    added = fill_store(store, args.claims, per_article=10)
    print(f"stored {added:,} claims in {time.perf_counter() - start:.1f} s ({home})")
    store.close()

    from streamlit.testing.v1 import AppTest

    start = time.perf_counter()
    import streamlit_folium  # noqa: F401

    import app.map_page  # noqa: F401 - the page's modules, loaded once per server process

    imports = time.perf_counter() - start
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300)
    first = _run(at)
    print(f"importing the app's modules (once per server process): {imports:.2f} s")
    print(
        f"first render of the map page (empty caches): {first:.2f} s  [target <= 2 s]"
        f"  claims in view {_metric(at, 'Claims in view')}"
    )
    print(f"first render including the imports (cold server): {first + imports:.2f} s")
    again = _run(AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=300))
    print(f"first render in a new session (warm caches): {again:.2f} s")

    changes = []
    for word in ("Place 1", "Place 2", "Report 3", "Northern", "Place 4"):
        at.text_input(key="q").set_value(word)
        changes.append(("search " + word, _run(at), _metric(at, "Claims in view")))
    at.text_input(key="q").set_value("")
    changes.append(("clear search", _run(at), _metric(at, "Claims in view")))
    at.multiselect(key="kind").set_value(["control"])
    changes.append(("kind=control", _run(at), _metric(at, "Claims in view")))
    at.multiselect(key="source").set_value(["wire-one.example", "daily-two.example"])
    changes.append(("two sources", _run(at), _metric(at, "Claims in view")))
    at.multiselect(key="kind").set_value([])
    at.multiselect(key="source").set_value([])
    changes.append(("all claims", _run(at), _metric(at, "Claims in view")))
    for name, seconds, shown in changes:
        print(f"  filter change {name:<16} {seconds:.3f} s  ({shown} claims)")
    times = [s for _, s, _ in changes]
    print(
        f"filter change: median {statistics.median(times):.3f} s, max {max(times):.3f} s"
        f"  [target <= 0.5 s]"
    )

    from app.data import all_claims, data_version, prepared
    from app.filters import FilterState
    from geo.claims_map import build_claims_map

    version = data_version()
    fmap, summary = build_claims_map(all_claims(version), prepared=prepared(version))
    from streamlit_folium import _get_map_string

    fmap.get_root().render()
    size = len(_get_map_string(fmap).encode("utf-8"))
    print(
        f"map script for {summary['markers']:,} markers: {size / 1e6:.1f} MB "
        f"(rings drawn: {summary['rings']}, approximate areas: {summary['areas']})"
    )
    assert FilterState() == FilterState()
    if args.browser:
        _browser(home, summary["markers"])
    if not args.keep:
        import shutil

        shutil.rmtree(home, ignore_errors=True)


def _browser(home: str, expected: int) -> None:
    """Time a real page load: from navigation until every marker is in the Leaflet layer."""
    import subprocess
    import urllib.request

    from playwright.sync_api import sync_playwright

    from app.server import free_port, streamlit_command

    port = free_port()
    cmd = streamlit_command(port)
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        env={**os.environ, "CONFLICTMAP_HOME": home},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).close()
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=["--headless", "--no-sandbox", "--disable-gpu"],
            )
            for label in ("first page load (cold server)", "second page load"):
                page = browser.new_page(viewport={"width": 1400, "height": 1000})
                start = time.perf_counter()
                page.goto(url)
                count = _wait_markers(page, expected)
                print(
                    f"browser: {label}: {time.perf_counter() - start:.2f} s until "
                    f"{count:,} markers are on the map"
                )
                page.close()
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _wait_markers(page, expected: int, timeout: float = 120.0) -> int:
    """Poll the map iframe until the claims layer holds ``expected`` markers."""
    deadline = time.perf_counter() + timeout
    count = 0
    while time.perf_counter() < deadline:
        for element in page.query_selector_all("iframe[title='streamlit_folium.st_folium']"):
            frame = element.content_frame()
            try:
                count = frame.evaluate(
                    "() => window.cmClaims ? window.cmClaims.group.getLayers().length : 0"
                )
            except Exception:  # noqa: BLE001 - the frame may be navigating
                count = 0
            if count >= expected:
                return count
        time.sleep(0.05)
    return count


if __name__ == "__main__":
    main()
