"""The map page in headless Chromium against a filled database: time until cells show.

``python -m bench.app_browser --database URL`` serves the real app (``streamlit run``)
on that database, opens it in Debian's Chromium through Python playwright (never a
downloaded browser) and prints the time from navigation until the map's cells or
markers are in the DOM, for a first load (cold server), a second load, and after a pan
and zoom (driven through Leaflet in the page), plus the streamlit process's resident
memory. Targets (issue 15): <= 2 s until markers show, RSS <= 1 GB. Fill the database
first (``python -m bench.app --claims N --database URL``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bench.app import ROOT

#: Drawn cells (SVG circle markers) and markers (icons, clusters) in the map iframe.
_DRAWN_JS = ("() => document.querySelectorAll("
             "'path.leaflet-interactive, .leaflet-marker-icon').length")
_FRAME = "iframe[title='streamlit_folium.st_folium']"


def _map_frame(page: Any) -> Any:
    for element in page.query_selector_all(_FRAME):
        frame = element.content_frame()
        if frame is not None:
            return frame
    return None


def _drawn(page: Any) -> int:
    frame = _map_frame(page)
    if frame is None:
        return 0
    try:
        return int(frame.evaluate(_DRAWN_JS))
    except Exception:  # noqa: BLE001 - the frame may be navigating
        return 0


def _map_id(page: Any) -> str | None:
    """The id of the Leaflet map in the iframe (a new one each time the app redraws it)."""
    frame = _map_frame(page)
    try:
        return frame.evaluate("() => { const m = document.querySelector('.folium-map'); "
                              "return m ? m.id : null; }") if frame else None
    except Exception:  # noqa: BLE001 - the frame may be navigating
        return None


def _idle(page: Any, quiet: float = 0.3) -> bool:
    """True once the app has shown no "running" status for ``quiet`` seconds."""
    end = time.perf_counter() + quiet
    while time.perf_counter() < end:
        try:
            if page.query_selector('[data-testid="stStatusWidget"]'):
                return False
        except Exception:  # noqa: BLE001 - the page may be rerunning
            return False
        time.sleep(0.05)
    return True


def _signature(page: Any) -> tuple[Any, ...]:
    """What changes when the map is redrawn for another view: drawn count, claims in view."""
    return (_drawn(page), _metric(page, "Claims in view"), _metric(page, "Zoom"))


def _metric(page: Any, label: str) -> str | None:
    try:
        return page.evaluate(
            "(label) => { for (const m of document.querySelectorAll("
            "'[data-testid=\"stMetric\"]')) { if (m.innerText.startsWith(label)) "
            "return m.innerText.split('\\n').pop(); } return null; }", label)
    except Exception:  # noqa: BLE001 - the page may be rerunning
        return None


def _wait(page: Any, ready: Any, timeout: float = 120.0) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if ready():
            return True
        time.sleep(0.02)
    return False


def _rss_mb(pid: int) -> float:
    import psutil

    proc = psutil.Process(pid)
    return (proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(True))
            ) / 2**20


def _set_view(page: Any, lat: float, lon: float, zoom: int, attempts: int = 40) -> None:
    """Move the Leaflet map in the iframe as a user's pan and zoom would.

    Retried while the app re-mounts the map (its iframe detached or not yet scripted),
    which a rerun just before the move can cause; the last failure is raised.
    """
    for attempt in range(attempts):
        try:
            _map_frame(page).evaluate(
                "([lat, lon, zoom]) => { const k = Object.keys(window).find("
                "n => n.startsWith('map_') && window[n] && window[n].setView); "
                "window[k].setView([lat, lon], zoom); }", [lat, lon, zoom])
            return
        except Exception:  # noqa: BLE001 - the frame may be detached or navigating
            if attempt == attempts - 1:
                raise
            time.sleep(0.25)


@contextmanager
def served_app(url: str) -> Iterator[tuple[subprocess.Popen, str, Any]]:
    """Serve the real app on database ``url`` and open Debian's Chromium beside it.

    Yields ``(server process, address, browser)`` once the server answers its health
    check; the browser is closed and the server stopped on the way out.
    """
    from playwright.sync_api import sync_playwright

    from app.server import free_port, streamlit_command

    port = free_port()
    env = {**os.environ, "DATABASE_URL": url}
    proc = subprocess.Popen(streamlit_command(port), cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    address = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(f"{address}/_stcore/health", timeout=2).close()
                break
            except OSError:
                time.sleep(0.5)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                         args=["--headless", "--no-sandbox", "--disable-gpu"])
            try:
                yield proc, address, browser
            finally:
                browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run(url: str, *, width: int = 1400, height: int = 1000) -> None:
    """Serve the app on ``url`` and print the browser figures."""
    with served_app(url) as (proc, address, browser):
        for label in ("first page load (cold server)", "second page load"):
            page = browser.new_page(viewport={"width": width, "height": height})
            start = time.perf_counter()
            page.goto(address)
            ok = _wait(page, lambda p=page: _drawn(p) > 0)
            print(f"browser: {label}: {time.perf_counter() - start:.2f} s until "
                  f"{_drawn(page):,} cells/markers are in the map"
                  f"{'' if ok else ' (TIMED OUT)'}  [target <= 2 s]")
            if label == "second page load":
                break
            page.close()
        for name, (lat, lon, zoom) in (("zoom to 6", (29.5, 16.0, 6)),
                                       ("zoom to 8", (29.5, 16.0, 8)),
                                       ("pan 2 degrees east at zoom 8", (29.5, 18.0, 8)),
                                       ("zoom to 10 (claims)", (29.3, 15.6, 10))):
            before = _signature(page)
            start = time.perf_counter()
            _set_view(page, lat, lon, zoom)
            ok = _wait(page, lambda p=page, z=zoom, b=before: _metric(p, "Zoom") == str(z)
                       and _signature(p) != b, timeout=30.0)
            ok = ok and _wait(page, lambda p=page: _idle(p) and _drawn(p) > 0, timeout=30.0)
            seconds = time.perf_counter() - start - 0.3  # less the quiet time of _idle
            print(f"browser: {name}: {seconds:.2f} s until "
                  f"{_drawn(page):,} cells/markers are in the map "
                  f"({_metric(page, 'Claims in view')} claims in view)"
                  f"{'' if ok else ' (TIMED OUT)'}  [target <= 2 s]")
        print(f"streamlit process resident memory: {_rss_mb(proc.pid):.0f} MB"
              "  [target <= 1 GB]")


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--database URL``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, metavar="URL")
    args = parser.parse_args(argv)
    run(args.database)


if __name__ == "__main__":
    main()
