"""Trigram indexes for the text search (PostgreSQL with ``pg_trgm``; skipped elsewhere).

The text filter (:mod:`store.search`) is ``LIKE '%needle%'`` on one expression per table:
the lower-cased text columns joined by a separator. On PostgreSQL, where the ``pg_trgm``
extension is installed or installable by this user (it ships with the server, in
``postgresql-contrib`` on other systems), each expression gets a GIN trigram index, so a
search at a million claims reads the matching rows instead of every claim. Without the
extension, and on SQLite, nothing is created and the same query scans.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 10:45:00
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

log = logging.getLogger("conflictmap.store.migrations")

#: (index name, table, text columns) as store.search joins them at this revision.
SEARCH_INDEXES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ix_claims_search_trgm", "claims",
     ("quote", "place", "actor", "actor_norm", "anchor", "subject")),
    ("ix_articles_search_trgm", "articles", ("title", "source")),
)
SEPARATOR = "\x1f"


def search_sql(table: str, columns: tuple[str, ...]) -> str:
    """Return the indexed expression (equal to ``store.search.text_sql``; a test checks)."""
    joined = f" || '{SEPARATOR}' || ".join(f"coalesce({table}.{c}, '')" for c in columns)
    return f"lower({joined})"


def trgm_schema(conn: sa.Connection) -> str | None:
    """Return the schema of ``pg_trgm``, creating the extension when available and permitted."""
    found = conn.execute(sa.text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'pg_trgm'")).scalar_one_or_none()
    if found is not None:
        return found
    available = conn.execute(sa.text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).scalar_one_or_none()
    if available is None:
        log.info("pg_trgm is not installed on this server: text search indexes skipped")
        return None
    try:
        with conn.begin_nested():
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError as err:
        log.info("cannot create the pg_trgm extension (%s): text search indexes skipped",
                 getattr(err, "orig", err))
        return None
    return trgm_schema(conn)


def upgrade() -> None:
    """Apply this revision."""
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    schema = trgm_schema(conn)
    if schema is None:
        return
    for name, table, columns in SEARCH_INDEXES:
        op.execute(  # noqa: S608 (identifiers and columns are this module's constants)
            f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin '
            f'(({search_sql(table, columns)}) "{schema}".gin_trgm_ops)')


def downgrade() -> None:
    """Revert this revision (the extension stays: other objects may use it)."""
    if op.get_bind().dialect.name == "postgresql":
        for name, _table, _columns in SEARCH_INDEXES:
            op.execute(f"DROP INDEX IF EXISTS {name}")  # noqa: S608
