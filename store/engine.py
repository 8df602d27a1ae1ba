"""Engine factory and schema migration for the store.

SQLite (the default, a file in :func:`core.paths.data_dir`) gets WAL journaling, a busy
timeout, foreign keys and ``BEGIN IMMEDIATE`` for write transactions, so two processes
writing the same file queue up instead of failing. PostgreSQL comes from ``DATABASE_URL``
(``postgresql+psycopg://...``). Alembic migrations run programmatically at open, under a
lock (the SQLite write lock, or a PostgreSQL advisory lock), so no set-up step is needed.

A SQLite file the process cannot write (``chmod a-w``, a read-only mount) can still be
opened read-only (``make_engine(url, read_only=True)``; :func:`sqlite_read_only` tells
when). Driver errors that mean a damaged file, a full disk or a read-only database are
raised as :mod:`store.dberrors` classes with a message saying what to do, by a
``handle_error`` hook on every engine.
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from core.errors import StoreError
from core.paths import data_dir
from store.dberrors import DatabaseReadOnly, classify

__all__ = [
    "DEFAULT_DB_NAME",
    "default_url",
    "is_locked_error",
    "make_engine",
    "migrate",
    "sqlite_path",
    "sqlite_read_only",
    "with_retry",
    "write_connection",
]

log = logging.getLogger("conflictmap.store.engine")

DEFAULT_DB_NAME = "conflictmap.sqlite"
#: Milliseconds SQLite waits for a competing writer before reporting "database is locked".
BUSY_TIMEOUT_MS = 30_000
#: Bytes a checkpointed WAL file is truncated back to, so it does not stay huge.
WAL_SIZE_LIMIT = 64 * 1024 * 1024
_MIGRATION_LOCK_KEY = 0x43_4D_41_50  # "CMAP", the PostgreSQL advisory lock id
T = TypeVar("T")


def default_url() -> str:
    """Return ``DATABASE_URL`` if set, else the SQLite file in the data directory."""
    env = os.environ.get("DATABASE_URL", "").strip()
    if env:
        return _normalize_pg_url(env)
    return f"sqlite:///{Path(data_dir()) / DEFAULT_DB_NAME}"


def _normalize_pg_url(url: str) -> str:
    """Make plain ``postgres://``/``postgresql://`` URLs use the installed psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def sqlite_path(url: str) -> Path | None:
    """Return the file of a SQLite URL (None for PostgreSQL, in-memory or unusable URLs)."""
    try:
        parsed = make_url(_normalize_pg_url(url))
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def sqlite_read_only(url: str) -> bool:
    """Tell whether ``url`` is an existing SQLite file this process may read, not write.

    Either the file is not writable, or its folder is not and the WAL side files that
    a writer would create there do not exist.
    """
    path = sqlite_path(url)
    if path is None or not path.is_file() or not os.access(path, os.R_OK):
        return False
    if not os.access(path, os.W_OK):
        return True
    side_files = all(Path(f"{path}{s}").exists() for s in ("-wal", "-shm"))
    return not os.access(path.parent, os.W_OK) and not side_files


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """Create an engine for ``url`` with the project's connection settings.

    ``read_only`` opens a SQLite file with ``mode=ro`` (nothing is ever written, not
    even the WAL switch). Raises :class:`StoreError` for an unusable URL (the message
    names the scheme, never the password).
    """
    url = _normalize_pg_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise StoreError(f"not a database URL: {url.split('://')[0]}://...") from err
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        engine = _sqlite_engine(url, parsed.database, read_only=read_only)
    elif backend == "postgresql":
        engine = create_engine(url, pool_pre_ping=True, future=True)
    else:
        raise StoreError(f"unsupported database backend {backend!r}: use sqlite or postgresql")
    _explain_errors(engine, parsed.database if backend == "sqlite" else None)
    return engine


def _explain_errors(engine: Engine, sqlite_file: str | None) -> None:
    """Raise :mod:`store.dberrors` classes instead of raw driver errors that mean one."""
    where = sqlite_file or engine.url.render_as_string(hide_password=True)

    @event.listens_for(engine, "handle_error")
    def _on_error(context) -> None:  # type: ignore[no-untyped-def]
        explained = classify(context.original_exception, where, sqlite_file)
        if explained is not None:
            raise explained from context.original_exception


def _sqlite_engine(url: str, database: str | None, *, read_only: bool = False) -> Engine:
    """SQLite engine with WAL, busy timeout, foreign keys and explicit BEGIN handling."""
    on_disk = bool(database) and database != ":memory:"
    if on_disk and not read_only:
        Path(database).parent.mkdir(parents=True, exist_ok=True)  # type: ignore[arg-type]
    args: dict[str, object] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    if read_only and on_disk:
        from urllib.parse import quote

        folder_writable = os.access(Path(database).parent, os.W_OK)  # type: ignore[arg-type]
        mode = "mode=ro" if folder_writable else "mode=ro&immutable=1"
        url = f"sqlite:///file:{quote(str(Path(database).resolve()))}?{mode}&uri=true"
    engine = create_engine(url, connect_args=args)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's begin hook emit BEGIN itself (pysqlite's own handling defers it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if on_disk and not read_only:
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
            cur.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # Writers take the write lock at BEGIN, so the busy timeout applies and two
        # writers never deadlock on a read-to-write upgrade.
        mode = "IMMEDIATE" if conn.get_execution_options().get("cm_write") else "DEFERRED"
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def write_connection(engine: Engine) -> Connection:
    """Open a connection whose transactions take the write lock at once on SQLite."""
    return engine.connect().execution_options(cm_write=True)


def is_locked_error(err: BaseException) -> bool:
    """Return True when ``err`` is SQLite's transient "database is locked/busy" error."""
    message = str(getattr(err, "orig", err)).lower()
    return "database is locked" in message or "database is busy" in message


def with_retry(func: Callable[[], T], *, attempts: int = 8, what: str = "write") -> T:
    """Call ``func``, retrying with jittered backoff while the database is locked.

    The busy timeout already waits inside SQLite; this covers the rare cases where
    SQLite returns BUSY at once (e.g. WAL checkpoint races).
    """
    delay = 0.05
    for attempt in range(1, attempts + 1):
        try:
            return func()
        except OperationalError as err:
            if not is_locked_error(err) or attempt == attempts:
                raise
            log.info("database locked during %s, retry %d/%d", what, attempt, attempts)
            time.sleep(delay + random.uniform(0, delay))
            delay = min(delay * 2, 2.0)
    raise AssertionError("unreachable")  # pragma: no cover


def _alembic_config():  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    return cfg


def _head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise StoreError("no migrations found in store/migrations")
    return head


def _current_revision(conn: Connection) -> str | None:
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def migrate(engine: Engine) -> None:
    """Bring the schema to the latest Alembic revision (a no-op when it is current).

    Concurrent openers serialize on a lock, and the revision is re-checked under it,
    so two processes opening a new database at once do not both create the tables.
    """
    head = _head_revision()
    try:
        if with_retry(lambda: _revision_of(engine), what="opening") == head:
            return
        if engine.url.query.get("mode") == "ro":
            name = (engine.url.database or "").removeprefix("file:")
            raise DatabaseReadOnly(
                f"the database {name} is read-only and its schema is not current ({head}): "
                "make it writable once so it can be upgraded")
        with_retry(lambda: _migrate_locked(engine, head), what="migration")
    except SQLAlchemyError as err:
        where = engine.url.render_as_string(hide_password=True)
        reason = getattr(err, "orig", None) or err
        raise StoreError(f"could not open or migrate the database {where}: {reason}") from err


def _revision_of(engine: Engine) -> str | None:
    # The first connection to a new SQLite file switches it to WAL, which can meet a
    # concurrent opener's lock at once (no busy wait), so this read is retried too.
    with engine.connect() as conn:
        return _current_revision(conn)


def _migrate_locked(engine: Engine, head: str) -> None:
    from alembic import command

    with write_connection(engine) as conn:
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                             {"key": _MIGRATION_LOCK_KEY})
            if _current_revision(conn) == head:
                return
            log.info("migrating database schema to %s", head)
            cfg = _alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
