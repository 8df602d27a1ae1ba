"""Browser-test fixtures: a prepared database, a ``streamlit run`` server, headless Chromium.

The server runs on a free 127.0.0.1 port with ``CONFLICTMAP_HOME`` in a temporary directory
(the demo dataset plus one article carrying script payloads in its title, text and place
names). Chromium is Debian's (``/usr/bin/chromium``), driven by Python playwright; the tests
skip with a reason when it is missing, unless ``CONFLICTMAP_REQUIRE_SERVICES=1``.
"""

from __future__ import annotations

import os
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from app.server import free_port, streamlit_command

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
#: Payloads in the hostile article (title, text and place names).
XSS_TITLE = 'Hostile <script>window.__pwned=1;alert("title")</script> report'
XSS_PLACE = 'Qasr<img src=x onerror="window.__pwned=2;alert(2)">'
XSS_ACTOR = '<svg onload="alert(3)">Raiders'


#: Set to ``docs`` to refresh the README's screenshots; otherwise they go to a temporary directory.
SCREENSHOTS_ENV = "CONFLICTMAP_SCREENSHOTS"


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    """Where the browser tests save their screenshots.

    A test run must not rewrite tracked files, so screenshots go to a temporary directory
    unless ``CONFLICTMAP_SCREENSHOTS=docs`` asks for the README's copies under ``docs/``
    to be refreshed.
    """
    if os.environ.get(SCREENSHOTS_ENV) == "docs":
        return ROOT / "docs"
    return tmp_path_factory.mktemp("screenshots")


def _require_or_skip(reason: str) -> None:
    if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def add_hostile_article(store) -> int:
    """Store one article whose title, quotes, actor and place names carry payloads."""
    from bench.app_data import SyntheticAnalysis
    from claims.model import ControlClaim, Provenance
    from gazetteer.model import Place
    from store.types import ArticleInput

    place = Place(
        id="synthetic:hostile",
        name=XSS_PLACE,
        lat=31.2,
        lon=16.6,
        feature_code="PPL",
        country_code="LY",
        precision="town",
        source="synthetic",
    )
    text = (
        f"The {XSS_ACTOR} captured {XSS_PLACE} on Sunday. "
        f"Witnesses said <script>alert(4)</script> the {XSS_ACTOR} hold {XSS_PLACE}."
    )
    claims = []
    for action in ("captured", "holds"):
        start = text.index(XSS_ACTOR)
        prov = Provenance(
            text[: text.index(".") + 1],
            0,
            text.index(".") + 1,
            0,
            text.index(".") + 1,
            source="hostile.example",
        )
        claims.append(ControlClaim(prov, XSS_ACTOR, XSS_ACTOR, action, XSS_PLACE, place_ref=place))
        assert start >= 0
    article = ArticleInput(
        text=text,
        title=XSS_TITLE,
        source="hostile.example",
        url="javascript:alert(5)",
        published="2020-01-05",
        origin="test",
    )
    result = store.ingest_article(
        article, analyzer=lambda *a, **k: SyntheticAnalysis(claims=claims)
    )
    return result.claims


@pytest.fixture(scope="session")
def hostile(browser_home) -> dict[str, str]:
    """Store the hostile article in the browser tests' database; return its payloads."""
    from store import open_store

    store = open_store(f"sqlite:///{browser_home}/conflictmap.sqlite", merge_places=False)
    add_hostile_article(store)
    store.close()
    return {"title": XSS_TITLE, "place": XSS_PLACE, "actor": XSS_ACTOR}


@pytest.fixture(scope="session")
def browser_home(tmp_path_factory):
    """A data directory with the demo dataset (the hostile article is added by its test)."""
    if not CHROMIUM.exists():
        _require_or_skip("Debian chromium is not installed at /usr/bin/chromium")
    pytest.importorskip("playwright")
    home = tmp_path_factory.mktemp("browser-home")
    from store import open_store

    store = open_store(f"sqlite:///{home}/conflictmap.sqlite", merge_places=False)
    store.load_demo()
    store.close()
    return home


@pytest.fixture(scope="session")
def app_server(browser_home):
    """``streamlit run streamlit_app.py`` on a free port; yields its base URL."""
    port = free_port()
    env = {**os.environ, "CONFLICTMAP_HOME": str(browser_home)}
    env.pop("DATABASE_URL", None)
    cmd = streamlit_command(port, "--server.fileWatcherType", "none")
    log = open(browser_home / "streamlit.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    break
        except OSError:
            time.sleep(0.3)
    else:
        proc.terminate()
        log.close()
        pytest.fail("streamlit did not start: " + (browser_home / "streamlit.log").read_text())
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module.

    Module scope: playwright's sync API cannot run twice at once, and other test modules
    start their own ``sync_playwright()``.
    """
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):
    """A fresh page that records every request, dialog and uncaught script error."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.dialogs = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()
