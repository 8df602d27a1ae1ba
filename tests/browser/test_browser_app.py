"""The app in headless Chromium: markers, date filter, upload, hostile text, offline, screenshot."""

from __future__ import annotations

import re
import time
from datetime import date

import pytest

pytestmark = pytest.mark.browser
ARTICLE = (
    "The LNA captured Gharyan on Monday, residents said. Gharyan is about 90 km south of Tripoli."
)


def _store(home):
    from store import open_store

    return open_store(f"sqlite:///{home}/conflictmap.sqlite", merge_places=False)


def _mapped(frame) -> int:
    return int(frame["lat"].notna().sum())


def _frames(page) -> list:
    """The main frame and the content frames of every iframe (components included)."""
    frames = [page.main_frame]
    for element in page.query_selector_all("iframe"):
        frame = element.content_frame()
        if frame is not None:
            frames.append(frame)
    return frames


def _map_frame(page, timeout: float = 60.0):
    """The streamlit-folium iframe once its claims layer exists."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        for element in page.query_selector_all("iframe[title='streamlit_folium.st_folium']"):
            frame = element.content_frame()
            try:
                if frame is not None and frame.evaluate(
                    "() => !!(window.cmClaims && window.cmClaims.group)"
                ):
                    return frame
            except Exception:  # noqa: BLE001 - the frame may be navigating
                pass
        time.sleep(0.3)
    raise AssertionError("the Leaflet map did not appear")


def _marker_count(frame) -> int:
    return frame.evaluate("() => window.cmClaims.count")


def _wait_count(page, expected: int, timeout: float = 60.0) -> int:
    """Wait until the map shows ``expected`` markers (the map re-mounts on reruns)."""
    deadline = time.time() + timeout
    count = -1
    while time.time() < deadline:
        try:
            count = _marker_count(_map_frame(page, timeout=10))
        except Exception:  # noqa: BLE001 - frame replaced during a rerun
            count = -1
        if count == expected:
            return count
        time.sleep(0.5)
    return count


def _external(requests: list[str], base: str) -> list[str]:
    return [u for u in requests if not u.startswith((base, "data:", "blob:", "about:"))]


def test_map_shows_every_stored_claim_offline(page, app_server, browser_home, screenshot_dir):
    expected = _mapped(_store(browser_home).claims_frame())
    page.goto(app_server)
    frame = _map_frame(page)
    assert _wait_count(page, expected) == expected
    assert frame.evaluate("() => document.querySelector('#map_div').dataset.claimCount") == str(
        expected
    )
    outlines = frame.evaluate(
        "() => document.querySelectorAll('.leaflet-overlay-pane path').length"
    )
    assert outlines > 100, "the offline country outlines were not drawn"
    assert _external(page.requests, app_server) == []
    assert page.dialogs == [] and page.errors == []
    page.goto(f"{app_server}/?fronts=true")  # the README's screenshot: claims and fronts
    _map_frame(page)
    time.sleep(3)
    page.screenshot(path=str(screenshot_dir / "screenshot.png"))
    assert _external(page.requests, app_server) == []


def test_clicking_a_marker_selects_its_table_row_and_fronts_draw(page, app_server):
    page.goto(f"{app_server}/?kind=control&fronts=true")
    frame = _map_frame(page)
    claim_id = frame.evaluate("""() => { const s = window.cmClaims;
        const m = Object.values(s.markers)[0];
        s.show(m, () => m.fire('click', {latlng: m.getLatLng()}, true));
        return m.cmId; }""")
    page.get_by_role("heading", name=f"Claim {claim_id}").wait_for(timeout=60_000)
    selected = page.locator("tr[aria-selected='true']").first
    selected.wait_for(state="attached", timeout=30_000)  # the grid's accessible (hidden) table
    assert (selected.text_content() or "").startswith(str(claim_id))
    frame = _map_frame(page)
    assert (
        frame.evaluate("() => document.querySelectorAll('.leaflet-overlay-pane path').length") > 100
    )
    assert page.errors == [], page.errors
    assert _external(page.requests, app_server) == []


def test_selecting_a_table_row_opens_its_popup_on_the_map(page, app_server):
    page.goto(f"{app_server}/?kind=control")
    _map_frame(page)
    grid = page.locator("[data-testid=stDataFrame]").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    # the grid is a canvas: click the selection checkbox of its second row
    page.mouse.click(box["x"] + 18, box["y"] + 35 + 35 + 17)
    page.wait_for_url(re.compile(r"claim=\d+"), timeout=60_000)
    claim_id = re.search(r"claim=(\d+)", page.url).group(1)
    page.get_by_role("heading", name=f"Claim {claim_id}").wait_for(timeout=60_000)
    deadline = time.time() + 60
    text = ""
    while time.time() < deadline and f"[claim {claim_id}]" not in text:
        try:
            text = _map_frame(page, timeout=10).evaluate(
                "() => { const p = document.querySelector('.leaflet-popup-content');"
                " return p ? p.innerText : ''; }")
        except Exception:  # noqa: BLE001 - the map re-mounts with the selection
            text = ""
        time.sleep(0.5)
    assert f"[claim {claim_id}]" in text
    assert page.errors == [], page.errors


def test_narrowing_the_date_range_changes_the_markers(page, app_server, browser_home):
    from store import ClaimFilter

    store = _store(browser_home)
    everything = _mapped(store.claims_frame())
    since, until = date(2019, 5, 1), date(2019, 6, 30)
    expected = _mapped(store.claims_frame(ClaimFilter(since=since, until=until)))
    assert 0 < expected < everything
    page.goto(f"{app_server}/?dates={since}&dates={until}")
    assert _wait_count(page, expected) == expected
    assert _external(page.requests, app_server) == []


def test_uploading_a_text_file_adds_its_claims_to_the_map(page, app_server, browser_home, tmp_path,
                                                         screenshot_dir):
    store = _store(browser_home)
    before = _mapped(store.claims_frame())
    path = tmp_path / "gharyan-report.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 this is not really a PDF")
    page.goto(f"{app_server}/upload")
    page.get_by_role("tab", name="Upload files").click()
    page.locator("input[type=file]").set_input_files([str(path), str(broken)])
    panel = page.get_by_role("tabpanel", name="Upload files")
    panel.get_by_label("Source (outlet)").fill("upload-test.example")
    panel.get_by_label("Published (YYYY-MM-DD)").fill("2020-02-02")
    time.sleep(1)
    panel.get_by_role("button", name="Read files").click()
    page.get_by_text(re.compile(r"Skipped — broken\.pdf")).wait_for(timeout=120_000)
    # the preview shows each distance claim's verdict before anything is saved
    checks = page.get_by_text(re.compile(r"Gharyan: 90 km south from Tripoli: consistent"))
    checks.wait_for(timeout=120_000)
    assert "true 8" in (checks.text_content() or "")
    page.get_by_text("Distance checks").scroll_into_view_if_needed()
    page.screenshot(path=str(screenshot_dir / "preview-verdicts.png"), full_page=True)
    assert (screenshot_dir / "preview-verdicts.png").stat().st_size > 10_000
    page.get_by_role("button", name="Save to the database").click(timeout=120_000)
    page.get_by_text(re.compile(r"saved, \d+ claim")).wait_for(timeout=120_000)
    after_frame = store.claims_frame()
    added = _mapped(after_frame) - before
    assert added >= 1 and "upload-test.example" in set(after_frame["source"])
    page.goto(app_server)
    assert _wait_count(page, before + added) == before + added
    assert page.dialogs == []


def test_hostile_titles_text_and_places_show_as_text(page, app_server, browser_home, hostile):
    frame = _store(browser_home).claims_frame()
    rows = frame[frame["source"] == "hostile.example"]
    assert len(rows) == 2
    claim_id = str(rows["claim_id"].iloc[0])
    page.goto(f"{app_server}/?q=Raiders&claim={claim_id}")
    assert _wait_count(page, 2) == 2
    mapframe = _map_frame(page)
    mapframe.evaluate("""() => { const s = window.cmClaims; const m = Object.values(s.markers)[0];
        s.show(m, () => m.openPopup()); }""")
    popup = mapframe.locator(".leaflet-popup-content")
    popup.wait_for(timeout=20_000)
    text = popup.inner_text()
    assert hostile["place"] in text and hostile["title"][:30] in text
    assert hostile["actor"] in text
    assert (
        mapframe.evaluate(
            "() => document.querySelectorAll('.leaflet-popup-content img, .leaflet-popup-content "
            "script, .leaflet-popup-content svg, "
            ".leaflet-popup-content a[href^=javascript]').length"
        )
        == 0
    )
    page.get_by_text(hostile["title"]).first.wait_for(timeout=30_000)  # claim details, as text
    time.sleep(1)
    for f in _frames(page):
        assert f.evaluate("() => window.__pwned === undefined")
    assert page.dialogs == []
    assert _external(page.requests, app_server) == []
