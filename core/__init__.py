"""Shared foundations of Conflict Map: the exception hierarchy and where data lives."""

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
