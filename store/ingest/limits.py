"""Size limits for ingest, declared as data with their defaults and environment overrides.

Limits protect the app and the database from a pasted book or a mislabelled binary;
every rejection names the limit and how to raise it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from core.errors import InputRejected

__all__ = ["Limits", "check_size"]


@dataclass(frozen=True)
class Limits:
    """Ingest limits.

    ``from_env()`` reads ``CONFLICTMAP_MAX_FILE_MB`` and ``CONFLICTMAP_MAX_ARTICLE_CHARS``.
    """

    max_file_bytes: int = 25 * 1024 * 1024
    max_article_chars: int = 1_000_000
    min_article_chars: int = 1

    @classmethod
    def from_env(cls) -> Limits:
        """Defaults, overridden by the environment where set."""
        kwargs: dict[str, int] = {}
        try:
            if os.environ.get("CONFLICTMAP_MAX_FILE_MB"):
                kwargs["max_file_bytes"] = int(
                    float(os.environ["CONFLICTMAP_MAX_FILE_MB"]) * 1024 * 1024)
            if os.environ.get("CONFLICTMAP_MAX_ARTICLE_CHARS"):
                kwargs["max_article_chars"] = int(os.environ["CONFLICTMAP_MAX_ARTICLE_CHARS"])
        except ValueError as err:
            raise InputRejected(f"bad ingest limit in the environment: {err}") from err
        return cls(**kwargs)


def check_size(size: int, limits: Limits, *, what: str) -> None:
    """Raise :class:`InputRejected` when a file of ``size`` bytes is over the limit."""
    if size > limits.max_file_bytes:
        raise InputRejected(
            f"{what} is {size / 1048576:.1f} MB, over the {limits.max_file_bytes / 1048576:.1f} MB"
            " limit (set CONFLICTMAP_MAX_FILE_MB to raise it)")
