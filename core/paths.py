"""Where Conflict Map keeps its files.

The user's data directory holds the SQLite database and the gazetteer index cache.
``CONFLICTMAP_HOME`` overrides it (tests point it at a temporary directory).
"""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_cache_dir, user_data_dir

__all__ = ["cache_dir", "data_dir", "eval_dir", "project_root"]


def project_root() -> Path:
    """Return the directory of the source checkout (the parent of this package)."""
    return Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    """Return (and create) the directory for the database and caches."""
    override = os.environ.get("CONFLICTMAP_HOME")
    path = Path(override) if override else Path(user_data_dir("conflictmap", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Return (and create) the directory for rebuildable caches such as the gazetteer index.

    ``CONFLICTMAP_CACHE`` overrides it. It is separate from :func:`data_dir` so tests can
    use a throw-away database without rebuilding the index every time.
    """
    override = os.environ.get("CONFLICTMAP_CACHE")
    path = Path(override) if override else Path(user_cache_dir("conflictmap", appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def eval_dir() -> Path | None:
    """Return the shared development sets directory, or None when it is not available.

    ``CONFLICTMAP_EVAL_DIR`` wins; otherwise ``../shared/eval`` next to the checkout.
    """
    candidates = []
    if os.environ.get("CONFLICTMAP_EVAL_DIR"):
        candidates.append(Path(os.environ["CONFLICTMAP_EVAL_DIR"]))
    candidates += [project_root().parent / "shared" / "eval", Path("/work/shared/eval")]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None
