"""How to start the app as a local server (used by the browser tests and ``bench.app``)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

__all__ = ["free_port", "streamlit_command"]

APP_SCRIPT = Path(__file__).resolve().parent.parent / "streamlit_app.py"


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def streamlit_command(port: int, *extra: str) -> list[str]:
    """Return the command line that serves the app headless on ``127.0.0.1:port``.

    It is the README's ``streamlit run streamlit_app.py`` (whose server loads the map
    page's modules while it starts: :mod:`app.startup`).
    """
    return [
        sys.executable, "-m", "streamlit", "run", str(APP_SCRIPT),
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--server.enableStaticServing", "true",
        "--browser.gatherUsageStats", "false",
        *extra,
    ]
