"""Claim counts per grid cell, day, actor, kind and conflict, kept by triggers.

``claim_summary`` (see :mod:`store.aggregates`) lets a zoomed-out map read a few thousand
precomputed rows instead of grouping up to a million claims. The triggers on ``claims``
keep it in step inside every writing transaction; the table is filled here from the
claims already stored (``conflictmap rebuild-aggregates`` does the same later).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 20:45:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

#: The grid levels this revision stores (store.aggregates.LEVELS at the time).
LEVELS: tuple[int, ...] = (2, 4, 6, 8)


def upgrade() -> None:
    """Apply this revision."""
    from store import aggregates

    op.create_table(
        "claim_summary",
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("gx", sa.Integer(), nullable=False),
        sa.Column("gy", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("actor", sa.String(length=aggregates.ACTOR_CHARS), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("conflict", sa.String(length=100), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.Column("sum_lat", sa.Float(), nullable=False),
        sa.Column("sum_lon", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("level", "gx", "gy", "day", "actor", "kind", "conflict",
                                name="pk_claim_summary"),
    )
    op.create_index("ix_claim_summary_empty", "claim_summary", ["level"],
                    sqlite_where=sa.text("n <= 0"), postgresql_where=sa.text("n <= 0"))
    conn = op.get_bind()
    aggregates.install_triggers(conn, LEVELS)
    aggregates.rebuild(conn, LEVELS)


def downgrade() -> None:
    """Revert this revision."""
    from store import aggregates

    aggregates.drop_triggers(op.get_bind())
    op.drop_index("ix_claim_summary_empty", table_name="claim_summary")
    op.drop_table("claim_summary")
