"""Storage of articles, place mentions, claims and corrections (SQLite or PostgreSQL).

``open_store()`` opens (and migrates) the database; everything else is a method of
:class:`Store`. Names are imported lazily so ``import store`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.store import Store, open_store
    from store.types import ArticleInput, ClaimFilter, IngestResult

__all__ = ["ArticleInput", "ClaimFilter", "IngestResult", "Store", "open_store"]

_LAZY = {
    "Store": "store.store", "open_store": "store.store", "ArticleInput": "store.types",
    "ClaimFilter": "store.types", "IngestResult": "store.types",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'store' has no attribute {name!r}")
