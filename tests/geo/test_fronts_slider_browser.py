"""The fronts time slider in headless Chromium: moving it swaps the day's areas and fronts."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import folium
import pytest

CHROMIUM = Path("/usr/bin/chromium")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="no playwright"),
]


def _claims():
    towns = {"West": (32.0, 13.0), "Middle": (32.0, 14.0), "East": (32.0, 15.0)}
    plan = [("2020-01-01", "A", "West"), ("2020-01-01", "B", "Middle"), ("2020-01-01", "B", "East"),
            ("2020-02-01", "A", "Middle")]
    return [{"claim_id": f"s{i}", "kind": "control", "actor_norm": actor, "action": "captured",
             "place": town, "place_id": f"t:{town}", "lat": towns[town][0], "lon": towns[town][1],
             "precision": "town", "published": day, "event_date": day, "source": "one.example",
             "quote": f"{actor} took {town}", "conflict": "slider"}
            for i, (day, actor, town) in enumerate(plan)]


def test_slider_steps_through_dates(tmp_path):
    assets = pytest.importorskip("app.assets")
    from playwright.sync_api import sync_playwright

    from geo.fronts_layer import add_fronts_timeline

    fmap = folium.Map(location=(32.0, 14.0), zoom_start=7, tiles=None)
    slider = add_fronts_timeline(fmap, _claims(), ["2020-01-15", "2020-02-15"], reach_km=80,
                                 initial="2020-01-15")
    assert slider is not None
    assets.localize_map(fmap, base_url_path="")
    page_html = fmap.get_root().render().replace(
        '"/app/static/', f'"{assets.STATIC_DIR.as_uri()}/')
    page_file = tmp_path / "slider.html"
    page_file.write_text(page_html, encoding="utf-8")

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 900, "height": 600})
            errors: list[str] = []
            page.on("pageerror", lambda err: errors.append(str(err)))
            page.goto(page_file.as_uri())
            page.wait_for_selector(".cm-time-slider")
            label = page.locator(".cm-time-slider b")
            assert label.inner_text() == "2020-01-15"
            tooltips_before = page.evaluate(_AREA_TOOLTIPS)
            page.evaluate("""() => {
                const input = document.querySelector('.cm-time-slider input');
                input.value = 1; input.dispatchEvent(new Event('input'));
            }""")
            assert label.inner_text() == "2020-02-15"
            tooltips_after = page.evaluate(_AREA_TOOLTIPS)
            assert not errors, errors
        finally:
            browser.close()
    # on 15 January B holds Middle and East; on 15 February only East
    before, after = " ".join(tooltips_before), " ".join(tooltips_after)
    assert "Middle (B)" in before and "Middle (A)" not in before
    assert "Middle (A)" in after and "Middle (B)" not in after
    assert "2020-01-15" in before and "2020-01-15" not in after


_AREA_TOOLTIPS = """() => {
    const out = [];
    for (const key of Object.keys(window)) {
        const map = window[key];
        if (!key.startsWith('map_') || !map || !map.eachLayer) continue;
        map.eachLayer(layer => {
            const tip = layer.getTooltip && layer.getTooltip();
            if (tip && map.hasLayer(layer)) out.push(String(tip.getContent()));
        });
    }
    return out;
}"""
