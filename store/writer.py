"""Write one analysed article (article, mentions, claims) in a single transaction.

The caller runs the analysis first (CPU work, outside any lock); this module only
writes, so a SQLite write lock is held for milliseconds. A duplicate (same content
hash) is detected before the analysis and again by the UNIQUE constraint when two
processes race.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from gazetteer.model import Mention
from store.convert import claim_row, mention_row
from store.models import Article, Claim, Source
from store.models import Mention as MentionRow
from store.types import ArticleInput

__all__ = ["article_values", "content_hash", "existing_article_id", "fit_row", "source_id",
           "write_article", "write_children"]


def content_hash(text: str) -> str:
    r"""Return the SHA-256 of the text with Unicode (NFC) and whitespace normalized.

    >>> content_hash("Sirte  fell.\n") == content_hash("Sirte fell.")
    True
    """
    normalized = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()


def existing_article_id(conn: Connection, digest: str) -> int | None:
    """Id of the stored article with this content hash, or None."""
    return conn.execute(
        select(Article.id).where(Article.content_hash == digest)
    ).scalar_one_or_none()


def source_id(conn: Connection, name: str | None, url: str | None = None) -> int | None:
    """Get or create the source row named ``name`` (race-safe: ON CONFLICT DO NOTHING)."""
    if not name:
        return None
    found = conn.execute(select(Source.id).where(Source.name == name)).scalar_one_or_none()
    if found is not None:
        return found
    dialect_insert = pg_insert if conn.dialect.name == "postgresql" else sqlite_insert
    conn.execute(
        dialect_insert(Source).values(name=name, url=url, created_at=_now())
        .on_conflict_do_nothing(index_elements=["name"])
    )
    return conn.execute(select(Source.id).where(Source.name == name)).scalar_one()


def fit_row(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    """Every column of ``table`` (None when missing), strings cut to the column length.

    Rows of one executemany must share their keys, and PostgreSQL rejects over-long
    strings that SQLite would keep; a 300-character actor name is cut, not fatal.
    """
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.primary_key:
            continue
        value = row.get(column.key)
        length = getattr(column.type, "length", None)
        if isinstance(value, str) and length and len(value) > length:
            value = value[:length]
        out[column.key] = value
    return out


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def write_article(
    conn: Connection,
    article: ArticleInput,
    digest: str,
    mentions: Sequence[Mention],
    claims: Sequence[Any],
    verdicts: Mapping[int, Any] | None = None,
) -> tuple[int, list[int], int]:
    """Insert the article, its mentions and claims; return (article id, mention ids, claims).

    ``verdicts`` are distance verdicts already computed by the analysis, by claim index.
    Runs inside the caller's transaction; raises ``IntegrityError`` on a duplicate hash.
    """
    article_id = conn.execute(
        insert(Article).returning(Article.id), article_values(conn, article, digest),
    ).scalar_one()
    mention_ids, n_claims = write_children(conn, article_id, article, mentions, claims,
                                           verdicts)
    return article_id, mention_ids, n_claims


def article_values(conn: Connection, article: ArticleInput, digest: str) -> dict[str, Any]:
    """Return the ``articles`` row of ``article`` (its source found or created on ``conn``)."""
    src_id = source_id(conn, article.source[:200] if article.source else None,
                       article.source_url[:2000] if article.source_url else None)
    return fit_row(Article.__table__, {
        "external_id": article.external_id, "title": article.title, "url": article.url,
        "source_id": src_id, "source": article.source, "published": article.published,
        "language": article.language, "conflict": article.conflict,
        "origin": article.origin, "content_hash": digest, "text": article.text,
        "ingested_at": _now(),
    })


def write_children(
    conn: Connection,
    article_id: int,
    article: ArticleInput,
    mentions: Sequence[Mention],
    claims: Sequence[Any],
    verdicts: Mapping[int, Any] | None = None,
) -> tuple[list[int], int]:
    """Insert the mentions and claims of a stored article; return (mention ids, claims)."""
    mention_ids: list[int] = []
    if mentions:
        rows = [fit_row(MentionRow.__table__, mention_row(m, article_id)) for m in mentions]
        result = conn.execute(
            insert(MentionRow).returning(MentionRow.id, sort_by_parameter_order=True), rows)
        mention_ids = [r[0] for r in result]
    claim_rows = [
        fit_row(Claim.__table__, claim_row(c, article_id=article_id, published=article.published,
                  conflict=article.conflict, mention_ids=mention_ids, mentions=mentions,
                  verdict=(verdicts or {}).get(i)))
        for i, c in enumerate(claims)
    ]
    if claim_rows:
        conn.execute(insert(Claim), claim_rows)
    return mention_ids, len(claim_rows)
