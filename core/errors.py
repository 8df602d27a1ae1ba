"""One exception hierarchy for the whole project.

Every error Conflict Map raises on purpose derives from :class:`ConflictMapError`.
Subclasses also inherit the matching builtin, so callers can catch either
(``except ValueError`` still works for bad input), as geopy does in ``geopy/exc.py``.
The CLI and the app turn these into clean messages; anything else is a bug.
"""

from __future__ import annotations

__all__ = [
    "ConflictMapError",
    "DataSourceError",
    "ExtractionError",
    "IngestError",
    "InputRejected",
    "StoreError",
    "UnknownPlaceError",
]


class ConflictMapError(Exception):
    """Root of every error raised on purpose by Conflict Map."""


class DataSourceError(ConflictMapError, OSError):
    """A bundled data source (gazetteer package, outline or curated file) is missing or broken."""


class UnknownPlaceError(ConflictMapError, LookupError):
    """A place name could not be resolved to any gazetteer entry."""


class InputRejected(ConflictMapError, ValueError):
    """User input (a file, a pasted text, a date, a coordinate) is not acceptable.

    The message says why.
    """


class ExtractionError(ConflictMapError, ValueError):
    """Text could not be turned into an article (empty, binary, unreadable PDF or HTML)."""


class IngestError(ConflictMapError):
    """An article could not be stored; nothing of it was written."""


class StoreError(ConflictMapError):
    """The database could not be opened, migrated or queried."""
