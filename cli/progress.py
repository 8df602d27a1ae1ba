"""Progress of a long command: a bar in a terminal, plain lines anywhere else.

A tqdm bar written to a log file or a CI console is a stream of carriage returns; outside a
terminal :class:`PlainProgress` prints one readable line every ``every_s`` seconds (and at
the end) instead.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

__all__ = ["PlainProgress", "progress"]


class PlainProgress:
    """``update``/``set_postfix``/``close`` like tqdm's, printing ``desc: N units (k=v ...)``."""

    def __init__(self, *, desc: str, unit: str, file: TextIO, every_s: float = 5.0,
                 disable: bool = False) -> None:
        self.desc, self.unit, self.file, self.every_s = desc, unit, file, every_s
        self.disable = disable
        self.n = 0
        self._postfix: dict[str, Any] = {}
        self._last = time.monotonic()

    def _line(self) -> str:
        extra = " ".join(f"{k}={v}" for k, v in self._postfix.items())
        return f"{self.desc}: {self.n} {self.unit}{'s' if self.n != 1 else ''}" + (
            f" ({extra})" if extra else "")

    def update(self, n: int = 1) -> None:
        """Count ``n`` more; print a line when ``every_s`` has passed since the last one."""
        self.n += n
        now = time.monotonic()
        if not self.disable and now - self._last >= self.every_s:
            self._last = now
            print(self._line(), file=self.file, flush=True)

    def set_postfix(self, **values: Any) -> None:
        """Counters shown after the count."""
        self._postfix = values

    def close(self) -> None:
        """Print the final line."""
        if not self.disable and self.n:
            print(self._line(), file=self.file, flush=True)


def progress(*, desc: str, unit: str, disable: bool = False, file: TextIO | None = None) -> Any:
    """Return a tqdm bar when ``file`` (default stderr) is a terminal, else plain lines."""
    stream = file if file is not None else sys.stderr
    if hasattr(stream, "isatty") and stream.isatty():
        from tqdm import tqdm

        return tqdm(unit=unit, disable=disable, file=stream, desc=desc)
    return PlainProgress(desc=desc, unit=unit, file=stream, disable=disable)
