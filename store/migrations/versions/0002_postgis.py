"""Spatial indexes: a (lat, lon) index everywhere, PostGIS points with GiST where available.

On PostgreSQL with the PostGIS extension installed, or installable by this user
(Debian's ``postgresql-NN-postgis-3``), claims and mentions get a generated
``geom geometry(Point, 4326)`` column, kept in step with ``lat``/``lon`` by the server
(so corrections need no extra code), and a GiST index on it; bounding-box queries use
it (:mod:`store.spatial`). Without PostGIS, and on SQLite, that part is skipped and the
B-tree index on (lat, lon) serves the same queries.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 17:40:00
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

log = logging.getLogger("conflictmap.store.migrations")

#: Tables that get a PostGIS point, each from its own lat/lon columns.
SPATIAL_TABLES: tuple[str, ...] = ("claims", "mentions")


def _postgis_schema(conn: sa.Connection) -> str | None:
    """Return the PostGIS extension's schema, installing it when available and permitted."""
    found = conn.execute(sa.text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'postgis'")).scalar_one_or_none()
    if found is not None:
        return found
    available = conn.execute(sa.text(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")).scalar_one_or_none()
    if available is None:
        log.info("PostGIS is not installed on this server: spatial columns skipped")
        return None
    try:
        with conn.begin_nested():
            conn.execute(sa.text("CREATE EXTENSION IF NOT EXISTS postgis"))
    except sa.exc.DBAPIError as err:
        log.info("cannot create the PostGIS extension (%s): spatial columns skipped",
                 getattr(err, "orig", err))
        return None
    return _postgis_schema(conn)


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_claims_lat_lon", "claims", ["lat", "lon"])
    conn = op.get_bind()
    if conn.dialect.name != "postgresql":
        return
    schema = _postgis_schema(conn)
    if schema is None:
        return
    gis = f'"{schema}"'
    for table in SPATIAL_TABLES:
        op.execute(  # noqa: S608 (identifiers are this module's constants)
            f"ALTER TABLE {table} ADD COLUMN geom {gis}.geometry(Point, 4326) "
            f"GENERATED ALWAYS AS (CASE WHEN lat IS NOT NULL AND lon IS NOT NULL THEN "
            f"{gis}.ST_SetSRID({gis}.ST_MakePoint(lon, lat), 4326) END) STORED")
        op.execute(f"CREATE INDEX ix_{table}_geom ON {table} USING gist (geom)")  # noqa: S608


def downgrade() -> None:
    """Revert this revision."""
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        for table in SPATIAL_TABLES:
            op.execute(f"DROP INDEX IF EXISTS ix_{table}_geom")  # noqa: S608
            op.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS geom")  # noqa: S608
    op.drop_index("ix_claims_lat_lon", table_name="claims")
