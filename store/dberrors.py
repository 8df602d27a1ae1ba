"""Database failures a user can act on: a damaged file, a full disk, a read-only database.

A raw driver error says ``(sqlite3.DatabaseError) database disk image is malformed
[SQL: SELECT ...]``; these classes say what happened to which database and what to do.
They derive from :class:`DatabaseUnusable`: while one holds, no further article can be
stored, so a batch stops at the first one with one message instead of failing every
article with the same traceback. :func:`classify` maps a driver exception (SQLite's
result code, PostgreSQL's SQLSTATE) to one of them, or ``None`` for anything else; the
engine installs it as a ``handle_error`` hook, so every query of the store is covered.
"""

from __future__ import annotations

from core.errors import StoreError

__all__ = ["DatabaseDamaged", "DatabaseFull", "DatabaseReadOnly", "DatabaseUnusable",
           "classify"]


class DatabaseUnusable(StoreError):
    """The database cannot be used now: a batch stops at once (nothing more can be stored)."""


class DatabaseDamaged(DatabaseUnusable):
    """The database file is corrupt (damaged pages, not a database at all)."""


class DatabaseFull(DatabaseUnusable):
    """The disk (or the database's size limit) is full."""


class DatabaseReadOnly(DatabaseUnusable):
    """The database can be read but not written."""


#: SQLite primary result codes (the low byte of extended codes) that we explain. An I/O
#: error (10) is almost always a write refused by a full disk or a file size limit
#: (``EFBIG`` is reported as ``SQLITE_IOERR_WRITE``, not ``SQLITE_FULL``).
_SQLITE_CODES: dict[int, str] = {11: "damaged", 26: "damaged", 13: "full", 10: "io",
                                 8: "read-only"}
#: PostgreSQL SQLSTATE prefixes (class 53: insufficient resources; XX001/XX002: corrupt).
_PG_STATES: tuple[tuple[str, str], ...] = (("53100", "full"), ("XX001", "damaged"),
                                           ("XX002", "damaged"), ("25006", "read-only"))

_MESSAGES: dict[str, tuple[type[DatabaseUnusable], str]] = {
    "damaged": (DatabaseDamaged,
                "the database {where} is damaged ({reason}). Nothing more can be read from "
                "or written to it safely. Recover what it holds with `sqlite3 {file} "
                "\".recover\" | sqlite3 recovered.sqlite` and point DATABASE_URL at the new "
                "file, or restore it from a backup"),
    "full": (DatabaseFull,
             "the disk holding the database {where} is full ({reason}). What was stored "
             "before is kept; free some space and run the command again (articles already "
             "stored are recognised as duplicates)"),
    "io": (DatabaseFull,
           "the database {where} could not be written ({reason}): the disk is probably "
           "full, or failing. What was stored before is kept; free some space (or check "
           "the disk) and run the command again"),
    "read-only": (DatabaseReadOnly,
                  "the database {where} is read-only ({reason}): it can be viewed and "
                  "exported, not changed. Make the file and its folder writable to add to it"),
}


def _kind(orig: BaseException) -> str | None:
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CODES.get(code & 0xFF)
    state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None),
                                                       "sqlstate", None)
    if isinstance(state, str):
        for prefix, kind in _PG_STATES:
            if state.startswith(prefix):
                return kind
    message = str(orig).lower()
    if "no space left on device" in message:
        return "full"
    return None


def classify(orig: BaseException, where: str, file: str | None = None
             ) -> DatabaseUnusable | None:
    """Return the :class:`DatabaseUnusable` that ``orig`` (a driver exception) means, if any.

    ``where`` names the database for the message (a path, or a URL without password);
    ``file`` is the SQLite file the recovery command should read.
    """
    kind = _kind(orig)
    if kind is None:
        return None
    cls, template = _MESSAGES[kind]
    reason = (str(orig).splitlines() or ["?"])[0][:200]
    return cls(template.format(where=where, reason=reason, file=file or where))
