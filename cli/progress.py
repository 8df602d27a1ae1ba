"""Progress of a long command on stderr: a tqdm bar on a terminal, plain lines otherwise.

A bar redrawn with carriage returns turns a log file or a CI job's output into one
unreadable line, so outside a terminal the progress is a plain line every
:data:`PLAIN_EVERY_S` seconds (and one at the end) with the counts and the rate.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Mapping
from typing import Any, TextIO

__all__ = ["PLAIN_EVERY_S", "Progress"]

#: Seconds between two plain progress lines.
PLAIN_EVERY_S = 10.0


class Progress:
    """Counts of stored / duplicate / failed articles as they come; a context manager."""

    def __init__(self, *, disabled: bool = False, stream: TextIO | None = None,
                 every_s: float = PLAIN_EVERY_S) -> None:
        self.stream = stream or sys.stderr
        self.disabled = disabled
        self.every_s = every_s
        self.total = 0
        self._counts: dict[str, int] = {}
        self._start = time.monotonic()
        self._last = self._start
        self._bar: Any = None
        if not disabled and getattr(self.stream, "isatty", lambda: False)():
            from tqdm import tqdm

            self._bar = tqdm(unit="article", file=self.stream, desc="ingest")

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def update(self, counts: Mapping[str, int]) -> None:
        """Record one more article, given the running counts by status."""
        self.total += 1
        self._counts = dict(counts)
        if self._bar is not None:
            self._bar.update(1)
            self._bar.set_postfix(stored=counts.get("stored", 0),
                                  dup=counts.get("duplicate", 0),
                                  failed=counts.get("failed", 0))
            return
        now = time.monotonic()
        if not self.disabled and now - self._last >= self.every_s:
            self._last = now
            self._line(now)

    def _line(self, now: float) -> None:
        rate = self.total / max(now - self._start, 1e-9)
        self.stream.write(
            f"ingest: {self.total} articles, stored {self._counts.get('stored', 0)}, "
            f"skipped as already stored {self._counts.get('duplicate', 0)}, rejected "
            f"{self._counts.get('failed', 0)} ({rate:.1f} articles/s)\n")
        self.stream.flush()

    def close(self) -> None:
        """Close the bar, or write the last plain line."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None
        elif not self.disabled and self.total:
            self._line(time.monotonic())
            self.disabled = True
