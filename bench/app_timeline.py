"""Where a first page load of the map goes: a timeline from navigation to the drawn cells.

``python -m bench.app_timeline --database URL`` serves the real app (as
``bench.app_browser`` does), opens it once in Debian's Chromium and prints, in
milliseconds from navigation: the page's own files (Streamlit's bundle, by size), the
websocket opening and every message the server sends (the script run's deltas; their
sizes), the map component's iframe and its files (Leaflet, plugins), when the map div
appears and when the first cells are drawn, and the size of the map's HTML. Times come
from the browser's Performance API (resources, converted to one clock through
``performance.timeOrigin``) and from the websocket events playwright reports.
The server's own script time is printed by ``python -m bench.app --database URL``.
"""

from __future__ import annotations

import argparse
import os
import time
from typing import Any

from bench.app_browser import _drawn, _map_frame, served_app

#: Resources of a document, each as (start, end, transfer size, name) in epoch ms.
_RESOURCES_JS = """() => performance.getEntriesByType('resource').map(e => [
    performance.timeOrigin + e.startTime, performance.timeOrigin + e.responseEnd,
    e.transferSize || e.encodedBodySize || 0, e.name])"""
_NAV_JS = """() => { const n = performance.getEntriesByType('navigation')[0];
    return [performance.timeOrigin, performance.timeOrigin + n.responseEnd,
            performance.timeOrigin + n.domContentLoadedEventEnd,
            document.documentElement.outerHTML.length]; }"""


def _short(url: str) -> str:
    path = url.split("://", 1)[-1].split("/", 1)[-1]
    return "/" + (path if len(path) < 70 else path[:40] + "…" + path[-25:])


def _cpu_seconds(server_pid: int) -> tuple[float, float]:
    """CPU seconds used so far by the server's processes and by this bench's other
    children (playwright's driver and Chromium): figures that a busy machine inflates
    less than wall-clock time."""
    import psutil

    def total(proc: Any) -> float:
        try:
            times = proc.cpu_times()
            return times.user + times.system
        except psutil.Error:
            return 0.0

    server = psutil.Process(server_pid)
    ours = {server_pid, *(c.pid for c in server.children(recursive=True))}
    browser = [c for c in psutil.Process().children(recursive=True) if c.pid not in ours]
    return (total(server) + sum(total(c) for c in server.children(recursive=True)),
            sum(total(c) for c in browser))


def run(url: str, *, width: int = 1400, height: int = 1000) -> None:
    """Serve the app on ``url``, load the page once, print the timeline."""
    events: list[tuple[float, str]] = []
    with served_app(url) as (proc, address, browser):
        page = browser.new_page(viewport={"width": width, "height": height})

        def on_ws(ws: Any) -> None:
            events.append((time.time() * 1000, f"websocket open {_short(ws.url)}"))
            ws.on("framereceived", lambda payload: events.append(
                (time.time() * 1000, f"ws message in, {len(payload):,} B")))
            ws.on("framesent", lambda payload: events.append(
                (time.time() * 1000, f"ws message out, {len(payload):,} B")))

        page.on("websocket", on_ws)
        cpu_before = _cpu_seconds(proc.pid)
        start = time.time() * 1000
        page.goto(address)
        seen_div = None
        deadline = time.perf_counter() + 120
        while time.perf_counter() < deadline:
            frame = _map_frame(page)
            if frame is not None and seen_div is None:
                try:
                    if frame.evaluate("() => !!document.querySelector('.folium-map')"):
                        seen_div = time.time() * 1000
                except Exception:  # noqa: BLE001 - the frame may be navigating
                    pass
            if _drawn(page) > 0:
                break
            time.sleep(0.01)
        drawn_at = time.time() * 1000
        cpu_after = _cpu_seconds(proc.pid)
        origin, html_end, dcl, _size = page.evaluate(_NAV_JS)
        rows = [(origin, "navigation start"), (html_end, "index.html received"),
                (dcl, "DOMContentLoaded")]
        for begin, end, size, name in page.evaluate(_RESOURCES_JS):
            rows.append((end, f"main: {_short(name)} {size / 1024:,.0f} kB "
                         f"({end - begin:,.0f} ms)"))
        frame = _map_frame(page)
        if frame is not None:
            forigin, fend, fdcl, fsize = frame.evaluate(_NAV_JS)
            rows += [(forigin, "map iframe: navigation start"),
                     (fend, "map iframe: index.html received"),
                     (fdcl, f"map iframe: DOMContentLoaded (document {fsize / 1024:,.0f}"
                      " kB)")]
            for begin, end, size, name in frame.evaluate(_RESOURCES_JS):
                rows.append((end, f"iframe: {_short(name)} {size / 1024:,.0f} kB "
                             f"({end - begin:,.0f} ms)"))
            html = frame.evaluate("() => document.documentElement.outerHTML.length")
            rows.append((drawn_at, f"map iframe document now {html / 1024:,.0f} kB"))
        if seen_div is not None:
            rows.append((seen_div, "map div in the iframe"))
        rows.append((drawn_at, f"{_drawn(page):,} cells/markers drawn"))
        rows += events
        for at, what in sorted(rows):
            print(f"{at - start:8.0f} ms  {what}")
        print(f"CPU from navigation until drawn: server {cpu_after[0] - cpu_before[0]:.2f} s,"
              f" browser {cpu_after[1] - cpu_before[1]:.2f} s; wall "
              f"{(drawn_at - start) / 1000:.2f} s; load average "
              f"{os.getloadavg()[0]:.1f}")


def main(argv: list[str] | None = None) -> None:
    """Command line: ``--database URL``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", required=True, metavar="URL")
    args = parser.parse_args(argv)
    run(args.database)


if __name__ == "__main__":
    main()
