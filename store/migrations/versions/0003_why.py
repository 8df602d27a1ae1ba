"""Why a claim is where it is: the claim's reasons and the rules that placed its mention.

``claims.why`` holds, as a JSON list of short lines, what the extractor and the gazetteer
said about the claim: a reference it resolved ("the city -> Wad Madani, named 1 sentence
before"), the rules that kept and placed the mention of its place, and the candidate's
reasons (population, qualifiers, the document's country). ``mentions.trace`` keeps the rule
names of each mention. The app shows them in the "why this place?" part of a popup.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 18:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.add_column("claims", sa.Column("why", sa.JSON(), nullable=True))
    op.add_column("mentions", sa.Column("trace", sa.JSON(), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("mentions") as batch:
        batch.drop_column("trace")
    with op.batch_alter_table("claims") as batch:
        batch.drop_column("why")
