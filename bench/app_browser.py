"""The map page in headless Chromium against a filled database: time until cells show.

``python -m bench.app_browser --database URL`` serves the real app (``streamlit run``)
on that database, opens it in Debian's Chromium through Python playwright (never a
downloaded browser) and prints the time from navigation until the map's cells or
markers are in the DOM, for a first load (cold server), a second load, and after a pan
and zoom (driven through Leaflet in the page), plus the streamlit process's resident
memory. Targets (issue 15): <= 2 s until markers show, RSS <= 1 GB. Fill the database
first (``python -m bench.app --claims N --database URL``).

``--floor`` also times two pages that are not the app, served and opened the same way: a
bare Streamlit page with one line of text, and a page that draws one circle marker with
streamlit-folium and the app's local Leaflet files. They are what Streamlit and its map
component cost on this machine before any of the app's work, so the app's figures can be
read against them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from app.server import APP_SCRIPT
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
def served_app(url: str, script: Path | None = None
               ) -> Iterator[tuple[subprocess.Popen, str, Any]]:
    """Serve the real app on database ``url`` and open Debian's Chromium beside it.

    Yields ``(server process, address, browser)`` once the server answers its health
    check; the browser is closed and the server stopped on the way out. ``script``
    serves another page script the same way (``--floor``), from its own folder.
    """
    from playwright.sync_api import sync_playwright

    from app.server import free_port, streamlit_command

    port = free_port()
    env = {**os.environ, "DATABASE_URL": url,
           "PYTHONPATH": os.pathsep.join(filter(None, (str(ROOT), os.environ.get("PYTHONPATH"))))}
    command = streamlit_command(port)
    if script is not None:
        command[command.index(str(APP_SCRIPT))] = str(script)
    proc = subprocess.Popen(command, cwd=script.parent if script else ROOT, env=env,
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


#: The reference pages of ``--floor``: name, page script, and the text that shows it is ready
#: (None: a drawn marker in the map iframe).
FLOOR_PAGES: tuple[tuple[str, str, str | None], ...] = (
    ("bare Streamlit page (one line of text)",
     'import streamlit as st\nst.write("floor page ready")\n', "floor page ready"),
    ("one circle marker with streamlit-folium and the local Leaflet files",
     "import folium\nimport streamlit as st\nfrom app.map_render import show_map\n"
     'st.set_page_config(layout="wide")\n'
     "fmap = folium.Map(location=[29, 16], zoom_start=5, tiles=None)\n"
     "folium.CircleMarker([29, 16], radius=5).add_to(fmap)\n"
     'show_map(fmap, key="floor")\n', None),
)


def run_floor(url: str, loads: int = 3, *, width: int = 1400, height: int = 1000) -> None:
    """Time the ``FLOOR_PAGES`` as the app is timed: navigation until ready, ``loads`` times.

    Each page is written to a temporary folder beside a link to the app's static folder
    (Streamlit serves ``static/`` next to the script), and served by the same command.
    """
    from app.assets import STATIC_DIR

    for name, source, ready_text in FLOOR_PAGES:
        with tempfile.TemporaryDirectory(prefix="conflictmap-floor-") as folder:
            script = Path(folder) / "floor_page.py"
            script.write_text(source, encoding="utf-8")
            (Path(folder) / "static").symlink_to(STATIC_DIR, target_is_directory=True)
            times = []
            with served_app(url, script) as (_proc, address, browser):
                for _ in range(loads):
                    page = browser.new_page(viewport={"width": width, "height": height})
                    start = time.perf_counter()
                    page.goto(address)
                    ready = ((lambda p=page, t=ready_text: t in (p.inner_text("body") or ""))
                             if ready_text else (lambda p=page: _drawn(p) > 0))
                    ok = _wait(page, ready, timeout=60.0)
                    times.append(f"{time.perf_counter() - start:.2f}"
                                 f"{'' if ok else ' (TIMED OUT)'}")
                    page.close()
            print(f"browser floor, {name}: {', '.join(times)} s until ready "
                  "(first load cold, then warm)")


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--database URL [--floor]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, metavar="URL")
    parser.add_argument("--floor", action="store_true",
                        help="also time a bare Streamlit page and a one-marker map")
    args = parser.parse_args(argv)
    print(f"load average {os.getloadavg()[0]:.1f}")
    run(args.database)
    if args.floor:
        run_floor(args.database)


if __name__ == "__main__":
    main()
