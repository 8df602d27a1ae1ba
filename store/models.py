"""SQLAlchemy 2 table models of the Conflict Map database.

One module declares every table so Alembic migrations and queries share one schema:
sources, articles, mentions, analyst places, claims and the corrections audit trail.
Claims keep every field of :mod:`claims.model` plus the resolved coordinates and the
distance verdict, so a map can be drawn from the claims table alone (joined to articles).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = ["Article", "Base", "Claim", "Correction", "Mention", "Source", "UserPlace"]


class Base(DeclarativeBase):
    """Declarative base holding the metadata Alembic migrates."""


class Source(Base):
    """A news outlet (name unique), e.g. "Reuters", with an optional home page URL."""

    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, nullable=False)
    url: Mapped[str | None] = mapped_column(String(2000))
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class Article(Base):
    """One ingested article; ``content_hash`` (SHA-256 of the normalized text) is unique."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(String(2000))
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id"))
    source: Mapped[str | None] = mapped_column(String(200))
    published: Mapped[date | None] = mapped_column(Date)
    language: Mapped[str | None] = mapped_column(String(16))
    conflict: Mapped[str | None] = mapped_column(String(100))
    origin: Mapped[str | None] = mapped_column(String(2000))
    content_hash: Mapped[str] = mapped_column(String(64), unique=True, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    ingested_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)

    __table_args__ = (
        Index("ix_articles_published", "published"),
        Index("ix_articles_source", "source"),
    )


class Mention(Base):
    """A place mention in an article: span, chosen place and the ranked candidates (JSON)."""

    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    )
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    text: Mapped[str] = mapped_column(Text, nullable=False)
    place_id: Mapped[str | None] = mapped_column(String(200))
    place_name: Mapped[str | None] = mapped_column(Text)
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    feature_code: Mapped[str | None] = mapped_column(String(16))
    precision: Mapped[str | None] = mapped_column(String(16))
    radius_km: Mapped[float | None] = mapped_column(Float)
    country_code: Mapped[str | None] = mapped_column(String(8))
    candidates: Mapped[list | None] = mapped_column(JSON)
    #: The names of the rules that kept and placed the mention, in order (gazetteer trace).
    trace: Mapped[list | None] = mapped_column(JSON)
    corrected: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    __table_args__ = (Index("ix_mentions_article", "article_id"),)


class UserPlace(Base):
    """A place added by an analyst; merged into the gazetteer as ``user:<id>`` at open."""

    __tablename__ = "places"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(300), nullable=False)
    aliases: Mapped[list | None] = mapped_column(JSON)
    lat: Mapped[float] = mapped_column(Float, nullable=False)
    lon: Mapped[float] = mapped_column(Float, nullable=False)
    feature_code: Mapped[str] = mapped_column(String(16), nullable=False)
    country_code: Mapped[str | None] = mapped_column(String(8))
    precision: Mapped[str] = mapped_column(String(16), nullable=False)
    radius_km: Mapped[float] = mapped_column(Float, nullable=False, default=0.0)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False)


class Claim(Base):
    """A control or distance claim with provenance, resolved points and verdict.

    ``lat``/``lon`` is where the claim is drawn (control: the place; distance: the
    subject's position when known, else the anchor). ``sort_date`` is the event date,
    falling back to the article's publication date, so date filters use one index.
    """

    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), nullable=False
    )
    kind: Mapped[str] = mapped_column(String(16), nullable=False)
    quote: Mapped[str] = mapped_column(Text, nullable=False)
    start: Mapped[int] = mapped_column(Integer, nullable=False)
    end: Mapped[int] = mapped_column(Integer, nullable=False)
    sentence_start: Mapped[int] = mapped_column(Integer, nullable=False)
    sentence_end: Mapped[int] = mapped_column(Integer, nullable=False)
    event_date: Mapped[date | None] = mapped_column(Date)
    event_date_end: Mapped[date | None] = mapped_column(Date)
    sort_date: Mapped[date | None] = mapped_column(Date)
    conflict: Mapped[str | None] = mapped_column(String(100))
    # control claims
    actor: Mapped[str | None] = mapped_column(Text)
    actor_norm: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str | None] = mapped_column(String(32))
    place: Mapped[str | None] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(String(200))
    place_mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL")
    )
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    precision: Mapped[str | None] = mapped_column(String(16))
    radius_km: Mapped[float | None] = mapped_column(Float)
    feature_code: Mapped[str | None] = mapped_column(String(16))
    # distance claims
    value_min: Mapped[float | None] = mapped_column(Float)
    value_max: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(8))
    qualifier: Mapped[str | None] = mapped_column(String(32))
    direction: Mapped[str | None] = mapped_column(String(32))
    alt_value: Mapped[float | None] = mapped_column(Float)
    alt_unit: Mapped[str | None] = mapped_column(String(8))
    subject: Mapped[str | None] = mapped_column(Text)
    subject_kind: Mapped[str | None] = mapped_column(String(16))
    subject_place_id: Mapped[str | None] = mapped_column(String(200))
    subject_mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL")
    )
    subject_lat: Mapped[float | None] = mapped_column(Float)
    subject_lon: Mapped[float | None] = mapped_column(Float)
    anchor: Mapped[str | None] = mapped_column(Text)
    anchor_place_id: Mapped[str | None] = mapped_column(String(200))
    anchor_mention_id: Mapped[int | None] = mapped_column(
        ForeignKey("mentions.id", ondelete="SET NULL")
    )
    anchor_lat: Mapped[float | None] = mapped_column(Float)
    anchor_lon: Mapped[float | None] = mapped_column(Float)
    # verdict (geo.verdict.check_distance)
    true_km: Mapped[float | None] = mapped_column(Float)
    diff_km: Mapped[float | None] = mapped_column(Float)
    diff_pct: Mapped[float | None] = mapped_column(Float)
    verdict: Mapped[str | None] = mapped_column(Text)
    #: Why the claim is where it is: resolved references, the mention's rules and reasons.
    why: Mapped[list | None] = mapped_column(JSON)
    bearing: Mapped[float | None] = mapped_column(Float)
    bearing_fits: Mapped[bool | None] = mapped_column(Boolean)
    verdict_detail: Mapped[dict | None] = mapped_column(JSON)

    __table_args__ = (
        Index("ix_claims_article", "article_id"),
        Index("ix_claims_sort_date", "sort_date"),
        Index("ix_claims_sort_date_id", "sort_date", "id"),  # keyset pages of the table
        Index("ix_claims_kind_date", "kind", "sort_date"),
        Index("ix_claims_actor_norm", "actor_norm"),
        Index("ix_claims_conflict", "conflict"),
        Index("ix_claims_lat_lon", "lat", "lon"),
        Index("ix_claims_place_mention", "place_mention_id"),
        Index("ix_claims_anchor_mention", "anchor_mention_id"),
        Index("ix_claims_subject_mention", "subject_mention_id"),
    )


class Correction(Base):
    """Audit trail: who changed what (target kind + id, field), from what, to what, when."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False)
    who: Mapped[str | None] = mapped_column(String(200))
    target: Mapped[str] = mapped_column(String(32), nullable=False)
    target_id: Mapped[int | None] = mapped_column(Integer)
    article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE")
    )
    field: Mapped[str] = mapped_column(String(64), nullable=False)
    from_value: Mapped[dict | None] = mapped_column(JSON)
    to_value: Mapped[dict | None] = mapped_column(JSON)
    note: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_corrections_article", "article_id"),)
