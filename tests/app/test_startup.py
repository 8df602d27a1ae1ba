"""``streamlit run streamlit_app.py`` serves an ``st.App`` whose lifespan warms the app up."""

from __future__ import annotations

import subprocess
import sys

from app.server import APP_SCRIPT


def _python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True, cwd=APP_SCRIPT.parent).stdout.strip()


def test_streamlit_run_finds_the_server_app_in_the_entry_script():
    from streamlit.web.server.app_discovery import discover_asgi_app

    found = discover_asgi_app(APP_SCRIPT)
    assert found.is_asgi_app and found.import_string == "streamlit_app:app"


def test_imported_the_entry_script_defines_the_server_and_draws_no_page():
    out = _python("import sys, streamlit as st, streamlit_app; from app import startup; "
                  "print(isinstance(streamlit_app.app, st.App), "
                  "streamlit_app.app._user_lifespan is startup.lifespan, "
                  "'app.pages' in sys.modules)")
    assert out == "True True False"


def test_the_lifespan_imports_the_map_modules_in_the_background():
    out = _python(
        "import asyncio, sys, threading\n"
        "from app.startup import lifespan, WARM_MODULES\n"
        "async def main():\n"
        "    async with lifespan(None):\n"
        "        warm = [t for t in threading.enumerate() if t.name == 'conflictmap-warm']\n"
        "    warm[0].join(120)\n"
        "    print(len(warm), all(m in sys.modules for m in WARM_MODULES),\n"
        "          'streamlit_folium' in sys.modules)\n"
        "asyncio.run(main())\n")
    assert out == "1 True False"
