"""Initial schema: sources, articles, mentions, analyst places, claims, corrections.

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-26 08:06:34.893757
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=300), nullable=False),
    sa.Column('aliases', sa.JSON(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('feature_code', sa.String(length=16), nullable=False),
    sa.Column('country_code', sa.String(length=8), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=False),
    sa.Column('radius_km', sa.Float(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('external_id', sa.String(length=200), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('url', sa.String(length=2000), nullable=True),
    sa.Column('source_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('conflict', sa.String(length=100), nullable=True),
    sa.Column('origin', sa.String(length=2000), nullable=True),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['sources.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_published', ['published'], unique=False)
        batch_op.create_index('ix_articles_source', ['source'], unique=False)

    op.create_table('corrections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('who', sa.String(length=200), nullable=True),
    sa.Column('target', sa.String(length=32), nullable=False),
    sa.Column('target_id', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('field', sa.String(length=64), nullable=False),
    sa.Column('from_value', sa.JSON(), nullable=True),
    sa.Column('to_value', sa.JSON(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.create_index('ix_corrections_article', ['article_id'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('place_id', sa.String(length=200), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('feature_code', sa.String(length=16), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=True),
    sa.Column('radius_km', sa.Float(), nullable=True),
    sa.Column('country_code', sa.String(length=8), nullable=True),
    sa.Column('candidates', sa.JSON(), nullable=True),
    sa.Column('corrected', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index('ix_mentions_article', ['article_id'], unique=False)

    op.create_table('claims',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('quote', sa.Text(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('sentence_start', sa.Integer(), nullable=False),
    sa.Column('sentence_end', sa.Integer(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('event_date_end', sa.Date(), nullable=True),
    sa.Column('sort_date', sa.Date(), nullable=True),
    sa.Column('conflict', sa.String(length=100), nullable=True),
    sa.Column('actor', sa.Text(), nullable=True),
    sa.Column('actor_norm', sa.String(length=200), nullable=True),
    sa.Column('action', sa.String(length=32), nullable=True),
    sa.Column('place', sa.Text(), nullable=True),
    sa.Column('place_id', sa.String(length=200), nullable=True),
    sa.Column('place_mention_id', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('precision', sa.String(length=16), nullable=True),
    sa.Column('radius_km', sa.Float(), nullable=True),
    sa.Column('feature_code', sa.String(length=16), nullable=True),
    sa.Column('value_min', sa.Float(), nullable=True),
    sa.Column('value_max', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(length=8), nullable=True),
    sa.Column('qualifier', sa.String(length=32), nullable=True),
    sa.Column('direction', sa.String(length=32), nullable=True),
    sa.Column('alt_value', sa.Float(), nullable=True),
    sa.Column('alt_unit', sa.String(length=8), nullable=True),
    sa.Column('subject', sa.Text(), nullable=True),
    sa.Column('subject_kind', sa.String(length=16), nullable=True),
    sa.Column('subject_place_id', sa.String(length=200), nullable=True),
    sa.Column('subject_mention_id', sa.Integer(), nullable=True),
    sa.Column('subject_lat', sa.Float(), nullable=True),
    sa.Column('subject_lon', sa.Float(), nullable=True),
    sa.Column('anchor', sa.Text(), nullable=True),
    sa.Column('anchor_place_id', sa.String(length=200), nullable=True),
    sa.Column('anchor_mention_id', sa.Integer(), nullable=True),
    sa.Column('anchor_lat', sa.Float(), nullable=True),
    sa.Column('anchor_lon', sa.Float(), nullable=True),
    sa.Column('true_km', sa.Float(), nullable=True),
    sa.Column('diff_km', sa.Float(), nullable=True),
    sa.Column('diff_pct', sa.Float(), nullable=True),
    sa.Column('verdict', sa.Text(), nullable=True),
    sa.Column('bearing', sa.Float(), nullable=True),
    sa.Column('bearing_fits', sa.Boolean(), nullable=True),
    sa.Column('verdict_detail', sa.JSON(), nullable=True),
    sa.ForeignKeyConstraint(['anchor_mention_id'], ['mentions.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['place_mention_id'], ['mentions.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['subject_mention_id'], ['mentions.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.create_index('ix_claims_actor_norm', ['actor_norm'], unique=False)
        batch_op.create_index('ix_claims_anchor_mention', ['anchor_mention_id'], unique=False)
        batch_op.create_index('ix_claims_article', ['article_id'], unique=False)
        batch_op.create_index('ix_claims_conflict', ['conflict'], unique=False)
        batch_op.create_index('ix_claims_kind_date', ['kind', 'sort_date'], unique=False)
        batch_op.create_index('ix_claims_place_mention', ['place_mention_id'], unique=False)
        batch_op.create_index('ix_claims_sort_date', ['sort_date'], unique=False)
        batch_op.create_index('ix_claims_subject_mention', ['subject_mention_id'], unique=False)



def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table('claims', schema=None) as batch_op:
        batch_op.drop_index('ix_claims_subject_mention')
        batch_op.drop_index('ix_claims_sort_date')
        batch_op.drop_index('ix_claims_place_mention')
        batch_op.drop_index('ix_claims_kind_date')
        batch_op.drop_index('ix_claims_conflict')
        batch_op.drop_index('ix_claims_article')
        batch_op.drop_index('ix_claims_anchor_mention')
        batch_op.drop_index('ix_claims_actor_norm')

    op.drop_table('claims')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_mentions_article')

    op.drop_table('mentions')
    with op.batch_alter_table('corrections', schema=None) as batch_op:
        batch_op.drop_index('ix_corrections_article')

    op.drop_table('corrections')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_source')
        batch_op.drop_index('ix_articles_published')

    op.drop_table('articles')
    op.drop_table('sources')
    op.drop_table('places')
