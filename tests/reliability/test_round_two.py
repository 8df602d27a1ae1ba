"""Reliability round two (issue 17): each failure the probe found, run as a case.

The cases live in ``bench/reliability_cases.py`` (shared with ``python -m
bench.reliability``); each runs the real ``conflictmap`` command in subprocesses on
inputs built in a temporary directory and reports tracebacks, lost articles,
duplicates and the problems it saw.
"""

from __future__ import annotations

import os

import pytest

from bench.reliability import pipeline_ready
from bench.reliability_cases import CASES

pytestmark = pytest.mark.skipif(not pipeline_ready(),
                                reason="the ingest command or the analysis not landed yet")

BROWSER_CASE = "6 concurrent browser sessions (st.Page, 404s)"


@pytest.mark.parametrize("name", [n for n in CASES if n != BROWSER_CASE])
def test_round_two_case(tmp_path, name):
    result = CASES[name](tmp_path)
    if result.get("skipped"):
        pytest.skip(result["skipped"])
    assert result["crashes"] == 0, result
    assert result["lost"] == 0, result
    assert result["duplicates"] == 0, result
    assert not result["problems"], result["problems"]
    assert result["survived"] and result["tried"] > 0, result


@pytest.mark.browser
def test_concurrent_browser_sessions_show_no_page_error_and_no_missing_resource(tmp_path):
    """Three sessions at once on every page; Streamlit's own base-path probes are allowed.

    Three are enough for the race this pins (shared ``st.Page`` objects); ``python -m
    bench.reliability`` runs six, twice.

    A direct load of ``/upload`` makes Streamlit's frontend ask for
    ``/upload/_stcore/health`` first (404, streamlit/streamlit#7074); any other error
    response is a resource the app lacks.
    """
    from bench.reliability_cases import case_sessions_and_404s

    result = case_sessions_and_404s(tmp_path, sessions=3, rounds=1)
    if result.get("skipped"):
        if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES") == "1":
            pytest.fail(result["skipped"])
        pytest.skip(result["skipped"])
    assert result["page_errors"] == 0, result["problems"]
    assert result["other_error_responses"] == 0, result["problems"]
    assert result["survived"], result
