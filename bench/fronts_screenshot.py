"""Render the fronts map of the demo dataset offline and screenshot it in headless Chromium.

Run ``python -m bench.fronts_screenshot [--date 2020-07-01] [--out docs/fronts-slider.png]``.
The map uses the offline basemap and the Leaflet files vendored in ``app/static`` (no
network), the fronts time slider positioned on ``--date``, and the "sources disagree"
layer. It prints how long the layers took to build and where the HTML and PNG went.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import folium

from core.paths import project_root


def demo_frame():
    """Load the demo dataset into a throw-away SQLite store and return its claims frame."""
    from store import open_store

    path = Path(tempfile.mkdtemp(prefix="fronts-shot-")) / "demo.db"
    with open_store(f"sqlite:///{path}") as store:
        store.load_demo()
        return store.claims_frame()


def render(on: str, html_path: Path) -> float:
    """Write the map HTML (assets as file:// URLs) and return the layer build time (s)."""
    from app.assets import STATIC_DIR, localize_map
    from geo.basemap import OfflineBasemap
    from geo.fronts_layer import add_disagreements_layer, add_fronts_timeline

    frame = demo_frame()
    fmap = folium.Map(location=(31.4, 15.6), zoom_start=7, tiles=None, control_scale=True)
    OfflineBasemap().add_to(fmap)
    start = time.perf_counter()
    add_fronts_timeline(fmap, frame, initial=on)
    add_disagreements_layer(fmap, frame, start="2019-04-01", end=on)
    elapsed = time.perf_counter() - start
    folium.LayerControl(collapsed=False).add_to(fmap)
    localize_map(fmap, base_url_path="")
    page = fmap.get_root().render().replace('"/app/static/', f'"{STATIC_DIR.as_uri()}/')
    html_path.write_text(page, encoding="utf-8")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", default="2020-07-01")
    parser.add_argument("--out", type=Path, default=project_root() / "docs" / "fronts-slider.png")
    args = parser.parse_args()
    html_path = Path(tempfile.mkdtemp(prefix="fronts-shot-")) / "fronts.html"
    elapsed = render(args.date, html_path)
    print(f"fronts layers for every slider date built in {elapsed:.2f} s -> {html_path}")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    f"--screenshot={args.out}", "--window-size=1200,800",
                    "--virtual-time-budget=4000", html_path.as_uri()],
                   check=True, capture_output=True, timeout=120)
    print(f"screenshot: {args.out}")


if __name__ == "__main__":
    main()
