"""Hostile text in the upload preview and the source comparison, in headless Chromium.

Written by the reliability suite (issue 8) to complement ``test_browser_app.py``, whose
server, browser and hostile-article fixtures it reuses: the map popups are covered there;
here the pasted article's highlighted preview and the comparison page must show every
payload as text, open no dialog and run nothing.
"""

from __future__ import annotations

import re
import time

import pytest

pytestmark = pytest.mark.browser

PASTE_TITLE = "Preview <img src=x onerror=\"window.__pwned=11;alert(11)\"> report"
PASTE_TEXT = (
    "The <svg onload=\"window.__pwned=12;alert(12)\">Raiders captured Sirte on Monday, "
    "officials said. <script>window.__pwned=13;alert(13)</script> Residents of "
    "Gharyan<img src=x onerror=\"window.__pwned=14;alert(14)\"> said the town lies about "
    "90 km south of Tripoli.</p></div><iframe src=\"javascript:alert(15)\"></iframe>"
)


def _pwned(page) -> list:
    found = []
    for frame in [page.main_frame, *[e.content_frame() for e in page.query_selector_all("iframe")]]:
        if frame is not None and frame.evaluate("() => window.__pwned !== undefined"):
            found.append(frame.url)
    return found


def test_pasted_article_preview_shows_payloads_as_text(page, app_server):
    page.goto(f"{app_server}/upload")
    page.get_by_role("tab", name="Paste text").click()
    panel = page.get_by_role("tabpanel", name="Paste text")
    panel.get_by_label("Title").fill(PASTE_TITLE)
    panel.get_by_label("Article text").fill(PASTE_TEXT)
    time.sleep(0.5)
    panel.get_by_role("button", name="Preview").click()
    preview = page.locator(".cm-preview").first
    preview.wait_for(timeout=120_000)
    shown = preview.inner_text()
    assert "<script>window.__pwned=13;alert(13)</script>" in shown
    assert "onerror=" in shown and "<svg onload=" in shown
    assert page.evaluate(
        "() => document.querySelectorAll('.cm-preview img, .cm-preview script, "
        ".cm-preview svg, .cm-preview iframe, .cm-preview [onerror], .cm-preview [onload]')"
        ".length") == 0
    time.sleep(1)
    assert page.dialogs == []
    assert _pwned(page) == []


def test_source_comparison_shows_hostile_names_as_text(page, app_server, hostile):
    page.goto(f"{app_server}/compare")
    page.get_by_text("Control of one place").click()
    select = page.locator("[data-testid=stSelectbox]").last
    select.wait_for(timeout=60_000)
    time.sleep(1.5)  # the page reruns after the radio change
    field = select.locator("input")
    field.click()
    field.fill("onerror")  # the list is virtualized: filter it to the hostile place
    option = page.get_by_role("option", name=re.compile("onerror"))
    option.first.wait_for(timeout=20_000)
    assert hostile["place"] in option.first.inner_text()
    option.first.click()
    time.sleep(2)
    assert hostile["place"] in page.inner_text("body")
    assert page.dialogs == []
    assert _pwned(page) == []
    body = page.inner_text("body")
    assert "Traceback" not in body
