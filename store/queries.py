"""Read-side queries of the store: the claims frame and the lists the filters offer.

Every filter value is a bound parameter (SQLAlchemy expressions), never formatted
into SQL text, so a search for ``' OR 1=1 --`` is just a string that matches nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, and_, func, or_, select, true
from sqlalchemy.sql.elements import ColumnElement

from store.models import Article, Claim, Correction, Mention
from store.search import text_condition
from store.spatial import bbox_condition, postgis_schema
from store.types import ClaimFilter

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "FRAME_COLUMNS",
    "actors",
    "article",
    "claims_frame",
    "claims_frame_from_rows",
    "conflicts",
    "corrections",
    "date_bounds",
    "filter_condition",
    "frame_select",
    "mentions",
    "sources",
]

_CLAIM_COLUMNS = (
    "kind", "article_id", "event_date", "event_date_end", "sort_date", "actor", "actor_norm",
    "action", "place", "place_id", "lat", "lon", "precision", "radius_km", "feature_code",
    "quote", "start", "end", "sentence_start", "sentence_end", "value_min", "value_max",
    "unit", "qualifier", "direction", "alt_value", "alt_unit", "subject", "subject_kind",
    "subject_place_id", "subject_lat", "subject_lon", "anchor", "anchor_place_id",
    "anchor_lat", "anchor_lon", "true_km", "diff_km", "diff_pct", "verdict", "bearing",
    "bearing_fits", "conflict", "place_mention_id", "anchor_mention_id", "subject_mention_id",
    "why",
)
_ARTICLE_COLUMNS = ("title", "source", "url", "published", "language")
#: Columns of :func:`claims_frame`, in order.
FRAME_COLUMNS: tuple[str, ...] = ("claim_id", *_CLAIM_COLUMNS[:2], *_ARTICLE_COLUMNS,
                                  *_CLAIM_COLUMNS[2:])


def frame_select() -> Select:
    """SELECT of the claims frame's columns (claims joined to their articles)."""
    cols = [Claim.id.label("claim_id"), Claim.kind, Claim.article_id,
            *(getattr(Article, c) for c in _ARTICLE_COLUMNS),
            *(getattr(Claim, c) for c in _CLAIM_COLUMNS[2:])]
    return select(*cols).join(Article, Article.id == Claim.article_id)


def _no_nul(values: object) -> list[str]:
    """Return the values without a NUL character; such a value matches nothing.

    No stored text has one (SQLite would cut the parameter at it, PostgreSQL rejects it).
    """
    return [str(v) for v in values if "\x00" not in str(v)]  # type: ignore[attr-defined]


def _apply_filter(stmt: Select, flt: ClaimFilter, postgis: str | None = None) -> Select:
    stmt = stmt.where(filter_condition(flt, postgis))
    stmt = stmt.order_by(Claim.sort_date.is_(None), Claim.sort_date, Claim.id)
    if flt.limit is not None:
        stmt = stmt.limit(int(flt.limit))
    return stmt


def filter_condition(flt: ClaimFilter, postgis: str | None = None) -> ColumnElement[bool]:
    """Return the WHERE condition of ``flt`` on claims joined to articles (``true()``: none).

    ``postgis`` is the PostGIS schema (:func:`store.spatial.postgis_schema`) for the
    bounding box, or None to compare lat/lon.
    """
    conds: list[ColumnElement[bool]] = []
    if flt.bbox is not None:
        conds.append(bbox_condition(flt.bbox, postgis))
    if flt.since is not None:
        conds.append(Claim.sort_date >= flt.since)
    if flt.until is not None:
        conds.append(Claim.sort_date <= flt.until)
    if flt.sources:
        conds.append(Article.source.in_(_no_nul(flt.sources)))
    if flt.actors:
        wanted = _no_nul(flt.actors)
        conds.append(or_(Claim.actor_norm.in_(wanted),
                         and_(Claim.actor_norm.is_(None), Claim.actor.in_(wanted))))
    if flt.kinds:
        conds.append(Claim.kind.in_(_no_nul(flt.kinds)))
    if flt.conflict:
        conds.append(Claim.conflict.in_(_no_nul([flt.conflict])))
    if flt.language:
        conds.append(Article.language.in_(_no_nul([flt.language])))
    if flt.article_ids:
        conds.append(Claim.article_id.in_([int(i) for i in flt.article_ids]))
    if flt.text and ("\x00" in flt.text or flt.text.strip()):
        conds.append(text_condition(flt.text))  # no join needed: see store.search
    return and_(true(), *conds)


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def claims_frame(conn: Connection, flt: ClaimFilter) -> pd.DataFrame:
    """Run the filtered claims query and return a DataFrame with :data:`FRAME_COLUMNS`.

    Date columns hold :class:`datetime.date` objects (or None); numbers are floats.
    """
    result = conn.execute(_apply_filter(frame_select(), flt, postgis_schema(conn)))
    return claims_frame_from_rows(result.all())


def claims_frame_from_rows(rows: Sequence[Any]) -> pd.DataFrame:
    """DataFrame with :data:`FRAME_COLUMNS` from rows of :func:`frame_select`."""
    import pandas as pd

    frame = pd.DataFrame.from_records(rows, columns=list(FRAME_COLUMNS))
    for col in ("published", "event_date", "event_date_end", "sort_date"):
        frame[col] = pd.Series([_as_date(v) for v in frame[col]], index=frame.index,
                               dtype=object)
    frame["bearing_fits"] = pd.Series(
        [None if v is None else bool(v) for v in frame["bearing_fits"]],
        index=frame.index, dtype=object)
    return frame


def sources(conn: Connection) -> list[str]:
    """Distinct source names of stored articles."""
    stmt = select(Article.source).where(Article.source.is_not(None)).distinct()
    return sorted(conn.execute(stmt).scalars())


def _skip_scan(conn: Connection, column: Any) -> list[Any]:
    """Distinct non-null values of an indexed claims column, one index probe per value.

    PostgreSQL reads the whole index (or table) for ``SELECT DISTINCT``: 0.15 s for the
    conflicts of a million claims. A recursive query that asks for the next larger value each time
    costs one probe per distinct value instead (a few milliseconds for tens of values).
    """
    start = select(func.min(column).label("v")).cte("skip_scan", recursive=True)
    prev = start.alias("prev")
    following = select(func.min(column)).where(column > prev.c.v).scalar_subquery()
    values = start.union_all(select(following).where(prev.c.v.is_not(None)))
    return [v for v in conn.execute(select(values.c.v)).scalars() if v is not None]


def actors(conn: Connection) -> list[str]:
    """Distinct actors of claims: the normalized name, else the actor text."""
    stmt = select(func.coalesce(Claim.actor_norm, Claim.actor)).distinct()
    return sorted(a for a in conn.execute(stmt).scalars() if a)


def conflicts(conn: Connection) -> list[str]:
    """Distinct conflict keys of claims."""
    if conn.dialect.name == "postgresql":
        return sorted(_skip_scan(conn, Claim.conflict))
    stmt = select(Claim.conflict).where(Claim.conflict.is_not(None)).distinct()
    return sorted(conn.execute(stmt).scalars())


def date_bounds(conn: Connection) -> tuple[date | None, date | None]:
    """Minimum and maximum claim date (event date, else publication date)."""
    lo, hi = conn.execute(select(func.min(Claim.sort_date), func.max(Claim.sort_date))).one()
    return _as_date(lo), _as_date(hi)


def article(conn: Connection, article_id: int) -> dict[str, Any] | None:
    """One article as a dict, or None."""
    row = conn.execute(select(*Article.__table__.columns).where(
        Article.id == int(article_id))).mappings().first()
    return dict(row) if row is not None else None


def mentions(conn: Connection, article_id: int) -> list[dict[str, Any]]:
    """Mentions of one article in text order, as dicts."""
    stmt = select(*Mention.__table__.columns).where(
        Mention.article_id == int(article_id)).order_by(Mention.start, Mention.id)
    return [dict(r) for r in conn.execute(stmt).mappings()]


def corrections(conn: Connection, article_id: int | None) -> list[dict[str, Any]]:
    """Correction rows, newest first."""
    stmt = select(*Correction.__table__.columns).order_by(Correction.id.desc())
    if article_id is not None:
        stmt = stmt.where(Correction.article_id == int(article_id))
    return [dict(r) for r in conn.execute(stmt).mappings()]
