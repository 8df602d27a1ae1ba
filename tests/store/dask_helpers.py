"""Helpers the Dask tests send to worker processes (pickled by value: not importable there).

:class:`KillOnce` wraps the real analyzer and kills its worker process, once per test,
in the middle of a batch (after ``after`` articles in that process); the marker file
makes the retry on a fresh worker go through.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any


class KillOnce:
    """Analyzer that hard-kills its process once (``os._exit``) mid-batch, then analyses."""

    def __init__(self, marker: Path, after: int = 3) -> None:
        self.marker = str(marker)
        self.after = after
        self.seen = 0

    def __call__(self, text: str, **meta: Any) -> Any:
        from claims import analyze_article

        self.seen += 1
        if self.seen > self.after:
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.close(fd)
                os._exit(9)  # like SIGKILL: no clean-up, the transaction never commits
        return analyze_article(text, **meta)
