"""Shared fixtures: an isolated data directory per test session and the development sets."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from core.paths import eval_dir


@pytest.fixture(autouse=True, scope="session")
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Point CONFLICTMAP_HOME at a temporary directory so tests never touch user data."""
    import os

    home = tmp_path_factory.mktemp("conflictmap-home")
    previous = os.environ.get("CONFLICTMAP_HOME")
    os.environ["CONFLICTMAP_HOME"] = str(home)
    yield
    if previous is None:
        os.environ.pop("CONFLICTMAP_HOME", None)
    else:
        os.environ["CONFLICTMAP_HOME"] = previous


@pytest.fixture(scope="session")
def shared_eval() -> Path:
    """The shared development sets; tests that need them skip with a reason when absent."""
    path = eval_dir()
    if path is None:
        pytest.skip("development sets not found (set CONFLICTMAP_EVAL_DIR or check out ../shared)")
    return path


def read_jsonl(path: Path) -> list[dict]:
    """Read a JSON-lines file into a list of dicts."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def controls(text: str, conflict: str) -> list[tuple[str, str, str | None]]:
    """The (action, place, actor norm) of each control claim extracted from ``text``."""
    from claims.extract import extract_claims

    return [(c.action, c.place, c.actor_norm) for c in extract_claims(text, conflict=conflict)
            if c.kind == "control"]


def control_dates(text: str, conflict: str, published: dt.date) -> list[tuple]:
    """The (action, place, event date) of each control claim extracted from ``text``."""
    from claims.extract import extract_claims

    return [(c.action, c.place, c.event_date)
            for c in extract_claims(text, conflict=conflict, published=published)
            if c.kind == "control"]


@pytest.fixture(scope="session")
def seed_article() -> str:
    """The example article from ../shared/seeds (read at test time, never copied)."""
    path = eval_dir()
    seeds = (path.parent / "seeds") if path else None
    files = sorted(seeds.glob("*.txt")) if seeds and seeds.is_dir() else []
    if not files:
        pytest.skip("example article not found in ../shared/seeds")
    return files[0].read_text(encoding="utf-8")


_ROOT_CONFTEST = sys.modules[__name__]


def pytest_pycollect_makemodule(module_path, parent):  # noqa: ARG001 - pytest hook signature
    """Point ``conftest`` back at this file before each test module is imported.

    Sub-directory conftest.py files (there is no __init__.py) take over
    ``sys.modules["conftest"]``; test modules import helpers from this one with
    ``from conftest import read_jsonl``.
    """
    sys.modules["conftest"] = _ROOT_CONFTEST
