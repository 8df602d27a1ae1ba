"""Engine factory and schema migration for the store.

SQLite (the default, a file in :func:`core.paths.data_dir`) gets WAL journaling, a busy
timeout, foreign keys and ``BEGIN IMMEDIATE`` for write transactions, so two processes
writing the same file queue up instead of failing. PostgreSQL comes from ``DATABASE_URL``
(``postgresql+psycopg://...``). Alembic migrations run programmatically at open, under a
lock (the SQLite write lock, or a PostgreSQL advisory lock), so no set-up step is needed.
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

__all__ = [
    "DEFAULT_DB_NAME",
    "default_url",
    "is_locked_error",
    "make_engine",
    "migrate",
    "with_retry",
    "write_connection",
]

log = logging.getLogger("conflictmap.store.engine")

DEFAULT_DB_NAME = "conflictmap.sqlite"
#: Milliseconds SQLite waits for a competing writer before reporting "database is locked".
BUSY_TIMEOUT_MS = 30_000
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


def make_engine(url: str) -> Engine:
    """Create an engine for ``url`` with the project's connection settings.

    Raises :class:`StoreError` for an unusable URL (the message names the scheme, never
    the password).
    """
    url = _normalize_pg_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError as err:
        raise StoreError(f"not a database URL: {url.split('://')[0]}://...") from err
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        return _sqlite_engine(url, parsed.database)
    if backend == "postgresql":
        return create_engine(url, pool_pre_ping=True, future=True)
    raise StoreError(f"unsupported database backend {backend!r}: use sqlite or postgresql")


def _sqlite_engine(url: str, database: str | None) -> Engine:
    """SQLite engine with WAL, busy timeout, foreign keys and explicit BEGIN handling."""
    if database and database != ":memory:":
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # Let SQLAlchemy's begin hook emit BEGIN itself (pysqlite's own handling defers it).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA foreign_keys = ON")
        if database and database != ":memory:":
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
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
