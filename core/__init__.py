"""Shared foundations of Conflict Map.

The exception hierarchy, where data lives, and the control-action vocabulary (what gives,
takes or presses control).
"""

from core.actions import ACTIONS, GIVES, PRESSURE, TAKES
from core.errors import (
    ConflictMapError,
    DataSourceError,
    ExtractionError,
    IngestError,
    InputRejected,
    StoreError,
    UnknownPlaceError,
)
from core.paths import cache_dir, data_dir, eval_dir

__all__ = [
    "ACTIONS",
    "GIVES",
    "PRESSURE",
    "TAKES",
    "ConflictMapError",
    "DataSourceError",
    "ExtractionError",
    "IngestError",
    "InputRejected",
    "StoreError",
    "UnknownPlaceError",
    "cache_dir",
    "data_dir",
    "eval_dir",
]
