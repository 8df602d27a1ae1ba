"""Concurrent browser sessions on the running app: page errors and HTTP 404s, counted.

Starts ``streamlit run`` on a free port (a demo database in a temporary directory),
opens ``sessions`` headless Chromium contexts at once on every page, ``rounds`` times,
and records every response of status 400 or more and any page showing a Streamlit
error (``This page cannot be called directly`` was the race of shared ``st.Page``
objects).

The 404s of the first load test were Streamlit's own: when a page URL (``/upload``) is
loaded directly, its frontend first probes ``/upload/_stcore/health`` and
``/upload/_stcore/host-config`` (taking the page path for a base path), gets 404, then
uses ``/_stcore/...`` (streamlit/streamlit#7074, open upstream). Two per direct load of
a page other than the default: about 300 in a load test of 282 page loads. They are
counted apart (``upstream_404s``); any other 404 is a resource the app lacks.
"""

from __future__ import annotations

import asyncio
import os
import re
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

from core.paths import project_root

__all__ = ["UPSTREAM_PROBE", "concurrent_sessions", "page_paths"]

CHROMIUM = Path("/usr/bin/chromium")
#: Streamlit's base-path probe on a direct page load (streamlit/streamlit#7074).
UPSTREAM_PROBE = re.compile(r"^/[^/]+/_stcore/(health|host-config)$")
#: Texts that mean a page failed for the user.
PAGE_ERRORS = ("cannot be called directly", "StreamlitAPIException", "Traceback")


def page_paths() -> list[str]:
    """URL paths of the app's pages ("" for the default one)."""
    from app.pages import PAGE_SPECS

    return [""] + [spec[3] for spec in PAGE_SPECS[1:]]


def _start_server(workdir: Path) -> tuple[subprocess.Popen[bytes], int]:
    from app.server import free_port, streamlit_command

    port = free_port()
    env = dict(os.environ, CONFLICTMAP_HOME=str(workdir / "home"),
               DATABASE_URL=f"sqlite:///{workdir / 'app.sqlite'}")
    proc = subprocess.Popen(streamlit_command(port), env=env, cwd=str(project_root()),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
            return proc, port
        except OSError:
            time.sleep(0.5)
    proc.kill()
    raise RuntimeError("the app did not start within 120 s")


async def _load(browser: Any, url: str, bad: list[tuple[int, str]], errors: list[str]) -> None:
    from urllib.parse import urlparse

    context = await browser.new_context()
    try:
        page = await context.new_page()
        page.on("response", lambda r: bad.append((r.status, urlparse(r.url).path))
                if r.status >= 400 else None)
        await page.goto(url, wait_until="networkidle", timeout=180_000)
        await page.wait_for_timeout(2500)
        body = await page.inner_text("body")
        errors.extend(f"{url}: {marker}" for marker in PAGE_ERRORS if marker in body)
    finally:
        await context.close()


async def _drive(port: int, sessions: int, rounds: int) -> tuple[list[Any], list[str], int]:
    from playwright.async_api import async_playwright

    bad: list[tuple[int, str]] = []
    errors: list[str] = []
    loads = 0
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=str(CHROMIUM),
                                           args=["--no-sandbox", "--disable-gpu"])
        try:
            await _load(browser, f"http://127.0.0.1:{port}/", [], [])  # warm: demo loaded
            for _ in range(rounds):
                for path in page_paths():
                    url = f"http://127.0.0.1:{port}/{path}"
                    await asyncio.gather(*(_load(browser, url, bad, errors)
                                           for _ in range(sessions)))
                    loads += sessions
        finally:
            await browser.close()
    return bad, errors, loads


def concurrent_sessions(workdir: Path, *, sessions: int = 6, rounds: int = 2) -> dict[str, Any]:
    """Load every page in ``sessions`` concurrent sessions ``rounds`` times; count failures."""
    import importlib.util

    if not CHROMIUM.exists() or importlib.util.find_spec("playwright") is None:
        return {"tried": 0, "crashes": 0, "lost": 0, "duplicates": 0, "survived": True,
                "problems": [], "skipped": "needs /usr/bin/chromium and playwright"}
    workdir.mkdir(parents=True, exist_ok=True)
    proc, port = _start_server(workdir)
    try:
        bad, errors, loads = asyncio.run(_drive(port, sessions, rounds))
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    upstream = [p for s, p in bad if s == 404 and UPSTREAM_PROBE.match(p)]
    other = sorted({f"{s} {p}" for s, p in bad if not (s == 404 and UPSTREAM_PROBE.match(p))})
    problems = [*errors[:5], *(f"missing: {o}" for o in other[:5])]
    return {"tried": loads, "crashes": len(errors), "lost": 0, "duplicates": 0,
            "survived": not problems, "problems": problems, "page_errors": len(errors),
            "upstream_404s": len(upstream), "other_error_responses": len(bad) - len(upstream)}
