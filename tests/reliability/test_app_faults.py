"""The app with a damaged database: a clear message on the page, never a traceback.

Runs ``streamlit_app.py`` through Streamlit's AppTest with ``CONFLICTMAP_HOME`` pointing
at a directory whose database file is garbage.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.paths import project_root

APP = project_root() / "streamlit_app.py"
pytestmark = pytest.mark.skipif(not APP.exists(), reason="streamlit_app.py has not landed")


@pytest.fixture()
def damaged_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    (home / "conflictmap.sqlite").write_bytes(os.urandom(8192))
    monkeypatch.setenv("CONFLICTMAP_HOME", str(home))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    return home


def test_damaged_database_shows_a_message_not_a_traceback(damaged_home: Path):
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(str(APP), default_timeout=120)
    app.run()
    tracebacks = [str(e.value)[:200] for e in app.exception]
    assert not tracebacks, f"traceback shown to the user: {tracebacks}"
    shown = " ".join(str(e.value) for e in app.error)
    assert "database" in shown.lower(), "no message about the database on the page"
