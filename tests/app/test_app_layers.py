"""Map layers: escaping of article strings, precision, distance rings, assets, basemap."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest

from app.assets import external_urls, local_url_for, localize_map
from geo.claims_map import build_claims_map, prepare_claims, view_bounds
from geo.layers import (
    ACTION_SHAPES,
    actor_colors,
    claim_records,
    distance_color,
    distance_record,
    js_json,
    popup_html,
    safe_url,
)

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>{{ 7*7 }}'


def _row(**over):
    row = {
        "claim_id": 1,
        "kind": "control",
        "article_id": 3,
        "title": XSS,
        "source": XSS,
        "url": "https://example.org/a",
        "published": "2024-01-02",
        "event_date": None,
        "actor": XSS,
        "actor_norm": XSS,
        "action": "captured",
        "place": XSS,
        "place_id": "p",
        "lat": 32.1,
        "lon": 13.2,
        "precision": "town",
        "radius_km": 0.0,
        "quote": XSS,
        "value_min": None,
        "value_max": None,
        "unit": None,
        "qualifier": None,
        "direction": None,
        "subject": None,
        "subject_lat": None,
        "subject_lon": None,
        "anchor": None,
        "anchor_lat": None,
        "anchor_lon": None,
        "true_km": None,
        "diff_km": None,
        "diff_pct": None,
        "verdict": None,
        "bearing": None,
        "conflict": "x",
    }
    row.update(over)
    return row


def _rendered(fmap) -> str:
    from streamlit_folium import _get_map_string

    fmap.get_root().render()
    return _get_map_string(fmap)


def test_popup_and_tooltip_escape_every_article_string():
    html = popup_html(_row())
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "{{" not in html
    record = claim_records([_row()], {})[0]
    for key in ("n", "w", "q", "p"):
        text = record[key]
        assert "<script" not in text and "<img" not in text and "{{" not in text


def test_rendered_map_script_cannot_be_broken_out_of():
    fmap, summary = build_claims_map(
        pd.DataFrame(
            [
                _row(),
                _row(
                    claim_id=2,
                    kind="distance",
                    anchor=XSS,
                    anchor_lat=32.9,
                    anchor_lon=13.1,
                    value_min=90,
                    value_max=90,
                    unit="km",
                ),
            ]
        )
    )
    script = _rendered(fmap)
    assert summary["markers"] == 2
    assert "</script" not in script.lower()
    payload = script.split("ConflictMap.claims(")[1]
    assert "<img" not in payload and "<script" not in payload.lower()
    assert "{{" not in payload


def test_template_syntax_in_articles_is_never_evaluated():
    fmap, _ = build_claims_map(pd.DataFrame([_row(quote="AAA{{ 6*7 }}BBB")]))
    script = _rendered(fmap)
    assert "AAA42BBB" not in script
    assert "AAA\\u0026#123;\\u0026#123; 6*7 \\u0026#125;\\u0026#125;BBB" in script


def test_js_json_escapes_script_breaking_characters():
    text = js_json({"a": "</script><!--\u2028&"})
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == {"a": "</script><!--\u2028&"}


@pytest.mark.parametrize(
    "url,ok",
    [
        ("https://example.org/x", True),
        ("http://a.b", True),
        ("javascript:alert(1)", False),
        ("data:text/html,hi", False),
        (None, False),
        ("", False),
        ("  JAVASCRIPT:x", False),
    ],
)
def test_only_http_links_reach_popups(url, ok):
    assert (safe_url(url) is not None) is ok
    html = popup_html(_row(url=url))
    assert ("href=" in html) is ok


@pytest.mark.parametrize(
    "precision,approx",
    [
        ("site", False),
        ("town", False),
        ("district", False),
        ("region", True),
        ("country", True),
        ("sea", True),
    ],
)
def test_areas_are_never_confident_dots(precision, approx):
    rows = [_row(precision=precision, radius_km=120.0)]
    record = claim_records(rows, {})[0]
    assert bool(record.get("a")) is approx
    prepared = prepare_claims(rows)
    assert (str(1) in prepared.areas) is approx
    assert ("approximate" in record["p"]) is approx
    if approx:
        assert prepared.areas["1"]["r"] == 120.0


def test_markers_coloured_by_actor_and_shaped_by_action():
    colors = actor_colors(["A", "B", "A", None])
    assert list(colors) == ["A", "B"] and colors["A"] != colors["B"]
    rows = [
        _row(claim_id=i, actor_norm=actor, action=action)
        for i, (actor, action) in enumerate(
            [("A", "captured"), ("B", "withdrew"), ("C", "besieged")]
        )
    ]
    records = claim_records(rows, colors)
    assert records[0]["c"] == colors["A"] and records[1]["c"] == colors["B"]
    assert records[2]["c"] not in colors.values()  # "C" has no colour: grey "other"
    assert [r["s"] for r in records] == [
        ACTION_SHAPES[a] for a in ("captured", "withdrew", "besieged")
    ]


def test_distance_ring_band_and_line_colour():
    ring = distance_record(
        _row(
            kind="distance",
            anchor_lat=32.9,
            anchor_lon=13.2,
            subject_lat=32.2,
            subject_lon=13.0,
            value_min=3,
            value_max=9,
            unit="mi",
            diff_pct=-60,
        )
    )
    assert ring["rmin"] == pytest.approx(4.828, rel=1e-3)
    assert ring["rmax"] == pytest.approx(14.484, rel=1e-3)
    assert ring["c"] == distance_color(-60) != distance_color(5)
    assert distance_record(_row(kind="distance")) is None  # no anchor: nothing to draw


def test_rings_are_capped_but_the_selected_one_is_kept():
    rows = [
        _row(
            claim_id=i,
            kind="distance",
            anchor_lat=32.0,
            anchor_lon=13.0,
            value_min=10,
            value_max=10,
            unit="km",
            published=f"2024-01-{i + 1:02d}",
        )
        for i in range(9)
    ]
    _, summary = build_claims_map(pd.DataFrame(rows), max_rings=3, selected="0")
    assert summary["rings"] == 4 and summary["markers"] == 9


def test_view_bounds_ignore_outliers():
    lats = [32.0 + i * 0.01 for i in range(100)] + [-40.0]
    lons = [13.0 + i * 0.01 for i in range(100)] + [170.0]
    (south, west), (north, east) = view_bounds(lats, lons)
    assert south > 30 and east < 20


def test_localized_map_requests_nothing_from_the_internet():
    fmap, _ = build_claims_map(pd.DataFrame([_row()]))
    assert external_urls(fmap)
    localize_map(fmap, offline=True, base_url_path="")
    assert external_urls(fmap) == []
    from streamlit_folium import _get_header

    fmap.get_root().render()
    assert not re.search(r"https?://(?!127\.0\.0\.1)", _get_header(fmap))
    assert (
        local_url_for("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", "/sub/")
        == "/sub/app/static/vendor/leaflet-1.9.3/leaflet.js"
    )


def test_vendored_assets_exist_and_static_dir_is_served_next_to_the_app():
    from app.assets import VENDORED, asset_path
    from core.paths import project_root

    for relative in set(VENDORED.values()):
        assert asset_path(relative).stat().st_size > 500, relative
    assert (project_root() / "static").resolve() == asset_path("").resolve()


def test_offline_basemap_is_cached_geojson(tmp_path, monkeypatch):
    from geo import basemap

    monkeypatch.setenv("CONFLICTMAP_CACHE", str(tmp_path))
    monkeypatch.setattr(basemap, "_memo", {})
    data = json.loads(basemap.countries_geojson())
    names = {f["properties"]["name"] for f in data["features"]}
    assert {"Libya", "Ukraine", "Syria"} <= names and len(data["features"]) > 200
    assert list(tmp_path.glob("basemap/*.geojson"))
