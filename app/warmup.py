"""Build the gazetteer index when the app starts, not behind the first upload's spinner.

On a fresh machine the place index is built once (about 45 s); the basemap's town names are
read too (under a second). :func:`start` begins that
in a background thread as soon as the app serves its first page; :func:`wait_with_progress`
shows the analyst how long it has been running against the usual build time, instead of a
bare spinner, and returns when the index is ready.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any

__all__ = ["TYPICAL_BUILD_S", "Warmup", "start", "status", "wait_with_progress"]

log = logging.getLogger("conflictmap.app.warmup")

#: How long a first build usually takes on the project's 2-core machine (README figure).
TYPICAL_BUILD_S = 45.0


@dataclass
class Warmup:
    """State of the one background build of this process."""

    started: float = field(default_factory=time.monotonic)
    done: threading.Event = field(default_factory=threading.Event)
    error: BaseException | None = None
    was_built: bool = False


_lock = threading.Lock()
_state: Warmup | None = None


def _needs_build() -> bool:
    from gazetteer.index import index_path

    return not index_path().exists()


def _run(state: Warmup) -> None:
    try:
        from gazetteer import get_index
        from geo.town_labels import preload

        preload()  # the basemap's town names, read once per process
        get_index()
    except Exception as err:  # noqa: BLE001 - reported to the page, which falls back
        log.warning("building the gazetteer index failed: %s", err)
        state.error = err
    finally:
        state.done.set()


def start() -> Warmup:
    """Start building (or opening) the gazetteer index in the background, once per process."""
    global _state
    with _lock:
        if _state is None:
            _state = Warmup()
            try:
                _state.was_built = _needs_build()
            except (OSError, ImportError) as err:
                log.debug("cannot tell whether the index exists: %s", err)
            threading.Thread(target=_run, args=(_state,), name="gazetteer-warmup",
                             daemon=True).start()
        return _state


def status() -> Warmup | None:
    """Return the background build's state, or None when :func:`start` was not called."""
    return _state


def wait_with_progress(st: Any) -> None:
    """Wait for the index, showing elapsed time against the usual build time in a bar."""
    state = start()
    if state.done.is_set():
        return
    bar = st.progress(0.0, text="Building the place index (once per installation)…")
    while not state.done.wait(0.5):
        elapsed = time.monotonic() - state.started
        bar.progress(min(elapsed / TYPICAL_BUILD_S, 0.99),
                     text=f"Building the place index, once per installation: {elapsed:.0f} s "
                     f"of usually about {TYPICAL_BUILD_S:.0f} s")
    bar.empty()
