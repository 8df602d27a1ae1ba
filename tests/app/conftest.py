"""Fixtures of the app tests: a fresh store per test module and cleared Streamlit caches."""

from __future__ import annotations

from pathlib import Path

import pytest

APP = str(Path(__file__).resolve().parents[2] / "streamlit_app.py")


def _clear_streamlit_caches() -> None:
    import streamlit as st

    st.cache_resource.clear()
    st.cache_data.clear()


@pytest.fixture(scope="module")
def app_home(tmp_path_factory: pytest.TempPathFactory):
    """A CONFLICTMAP_HOME of its own (empty database) for one test module."""
    home = tmp_path_factory.mktemp("app-home")
    mp = pytest.MonkeyPatch()
    mp.setenv("CONFLICTMAP_HOME", str(home))
    mp.delenv("DATABASE_URL", raising=False)
    _clear_streamlit_caches()
    yield home
    _clear_streamlit_caches()
    mp.undo()


@pytest.fixture(scope="module")
def demo_store(app_home):
    """The store of ``app_home`` with the demo dataset loaded (what the app opens on)."""
    from store import open_store

    store = open_store(merge_places=False)
    store.load_demo()
    yield store
    store.close()


@pytest.fixture()
def app_path() -> str:
    """Path of streamlit_app.py."""
    return APP
