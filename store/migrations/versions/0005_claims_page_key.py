"""An index on claims (sort_date, id): the claims table pages by keyset, not OFFSET.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 21:00:00
"""

from __future__ import annotations

from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("ix_claims_sort_date_id", "claims", ["sort_date", "id"])


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("ix_claims_sort_date_id", table_name="claims")
