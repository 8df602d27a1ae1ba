"""The offline basemap is fetched from a file the app serves, not resent with every map.

About 900 kB of country outlines used to travel inside each map's HTML (over the
websocket, on every rerun); :func:`app.assets.localize_map` now points the layer at
:func:`app.assets.publish_basemap`'s content-hashed copy under the static folder, and
embeds the outlines only when that folder cannot be written or is not served.
"""

from __future__ import annotations

import json
import subprocess
import sys

import folium
import pytest

from app import assets
from geo.basemap import OfflineBasemap, countries_geojson


@pytest.fixture
def static_dir(tmp_path, monkeypatch):
    """A fresh static folder and no basemap published yet in this process."""
    monkeypatch.setattr(assets, "STATIC_DIR", tmp_path / "static")
    monkeypatch.setattr(assets, "_published", {})
    return tmp_path / "static"


def _html(serve: bool | None) -> str:
    fmap = folium.Map(tiles=None)
    OfflineBasemap().add_to(fmap)
    assets.localize_map(fmap, offline=True, base_url_path="/sub", serve_basemap=serve)
    return fmap.get_root().render()


def test_a_served_basemap_is_fetched_from_its_published_file(static_dir):
    html = _html(True)
    relative = assets.publish_basemap()
    assert relative.startswith("generated/countries-") and relative.endswith(".json")
    assert f'fetch("/sub/app/static/{relative}")' in html
    assert len(html) < 50_000  # the outlines themselves are not in the page
    published = static_dir / relative
    assert json.loads(published.read_text(encoding="utf-8")) == json.loads(countries_geojson())


def test_the_basemap_is_embedded_when_not_served_or_not_writable(static_dir):
    assert len(_html(False)) > 500_000 and "fetch(" not in _html(False)
    static_dir.parent.mkdir(exist_ok=True)
    static_dir.write_text("a file where the folder should be")  # mkdir fails: OSError
    html = _html(True)
    assert assets.publish_basemap() is None
    assert len(html) > 500_000 and "fetch(" not in html


def test_warming_up_without_a_runtime_declares_no_components():
    code = ("import sys; from app import startup; startup.warm(); "
            "print(sorted(m for m in ('streamlit_folium', 'app.data', 'app.map_page', "
            "'folium', 'pandas', 'store.store') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert out.strip() == "['folium', 'pandas', 'store.store']"
