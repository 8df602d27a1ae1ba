"""Store a batch of analysed articles in one transaction, idempotently.

On PostgreSQL the batch's articles go through ``COPY`` into a temporary staging table
and ``INSERT ... SELECT ... ON CONFLICT (content_hash) DO NOTHING RETURNING``, so a
retried task or a re-run of the same input adds nothing; the mentions and claims of
the articles that were new follow in the same transaction (one multi-row insert each).
On SQLite the same happens with ``INSERT ... ON CONFLICT DO NOTHING`` per article
(SQLite has no COPY; its single writer is the bottleneck, not the round trips).
Either the whole batch is stored or none of it, so a worker killed mid-batch leaves
nothing behind and its retry starts clean.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, insert, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError, IntegrityError

from core.errors import IngestError
from store.convert import claim_row, mention_row
from store.engine import with_retry, write_connection
from store.ingest.batch import Prepared
from store.models import Article, Claim
from store.models import Mention as MentionRow
from store.types import IngestResult
from store.writer import article_values, fit_row

__all__ = ["STAGING_TABLE", "stored_ids", "write_batch"]

log = logging.getLogger("conflictmap.store.ingest")

#: Session-local staging table of the PostgreSQL batch write (emptied at each commit).
STAGING_TABLE = "cm_stage_articles"
#: PostgreSQL SQLSTATEs worth retrying the whole batch for: deadlock, serialization.
_RETRY_SQLSTATES = frozenset({"40P01", "40001"})


def stored_ids(engine: Engine, digests: Iterable[str]) -> dict[str, int]:
    """Map each content hash of ``digests`` already stored to its article id."""
    wanted = sorted(set(digests))
    found: dict[str, int] = {}
    with engine.connect() as conn:
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            found.update(conn.execute(select(Article.content_hash, Article.id).where(
                Article.content_hash.in_(chunk))).tuples().all())
    return found


def write_batch(engine: Engine, prepared: Sequence[Prepared]) -> list[IngestResult]:
    """Store ``prepared`` atomically; return one stored/duplicate result per article.

    Raises :class:`IngestError` when the batch cannot be written (nothing of it is kept).
    """
    if not prepared:
        return []

    def run() -> list[IngestResult]:
        with write_connection(engine) as conn, conn.begin():
            if conn.dialect.name == "postgresql":
                new_ids = _insert_articles_pg(conn, prepared)
            else:
                new_ids = _insert_articles_sqlite(conn, prepared)
            counts = _insert_children(conn, [(new_ids[p.digest], p) for p in prepared
                                             if p.digest in new_ids])
            old = _ids_of(conn, [p.digest for p in prepared if p.digest not in new_ids])
        return [_result(p, new_ids, old, counts) for p in prepared]

    for attempt in range(1, 4):
        try:
            return with_retry(run, what="batch ingest")
        except DBAPIError as err:
            state = getattr(err.orig, "sqlstate", None)
            if state in _RETRY_SQLSTATES and attempt < 3:
                log.info("batch write conflict (SQLSTATE %s), retry %d", state, attempt)
                time.sleep(0.1 * attempt)
                continue
            if isinstance(err, IntegrityError):
                raise IngestError(f"could not store the batch: {err.orig}") from err
            raise IngestError(f"could not store the batch: {type(err).__name__}: "
                              f"{err.orig}") from err
    raise AssertionError("unreachable")  # pragma: no cover


def _result(p: Prepared, new_ids: dict[str, int], old: dict[str, int],
            counts: dict[int, tuple[int, int]]) -> IngestResult:
    base = {"content_hash": p.digest, "title": p.article.title, "origin": p.article.origin}
    if p.digest in new_ids:
        mentions, claims = counts.get(new_ids[p.digest], (0, 0))
        return IngestResult("stored", article_id=new_ids[p.digest], mentions=mentions,
                            claims=claims, **base)
    return IngestResult("duplicate", article_id=old.get(p.digest), **base)


def _ids_of(conn: Connection, digests: list[str]) -> dict[str, int]:
    if not digests:
        return {}
    return dict(conn.execute(select(Article.content_hash, Article.id).where(
        Article.content_hash.in_(digests))).tuples().all())


def _article_rows(conn: Connection, prepared: Sequence[Prepared]) -> list[dict[str, Any]]:
    # Sources first, in name order, so two batches never wait on each other's source
    # rows in opposite orders (a deadlock); later lookups hit the rows made here.
    ordered = sorted(prepared, key=lambda p: p.digest)
    for name in sorted({p.article.source for p in ordered if p.article.source}):
        first = next(p for p in ordered if p.article.source == name)
        article_values(conn, first.article, first.digest)
    return [article_values(conn, p.article, p.digest) for p in ordered]


def _insert_articles_pg(conn: Connection, prepared: Sequence[Prepared]) -> dict[str, int]:
    """COPY the articles into the staging table, then insert the new ones; hash -> id."""
    rows = _article_rows(conn, prepared)
    keys = list(rows[0])
    cols = ", ".join(f'"{k}"' for k in keys)
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {STAGING_TABLE} "
        "(LIKE articles INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
    raw = conn.connection.driver_connection
    with raw.cursor() as cur, cur.copy(
            f"COPY {STAGING_TABLE} (id, {cols}) FROM STDIN") as copy:
        for n, row in enumerate(rows):
            copy.write_row([n, *(row[k] for k in keys)])
    inserted = conn.exec_driver_sql(  # noqa: S608 (identifiers from the schema; values go by COPY)
        f"INSERT INTO articles ({cols}) SELECT {cols} FROM {STAGING_TABLE} ORDER BY id "
        "ON CONFLICT (content_hash) DO NOTHING RETURNING content_hash, id").all()
    return {digest: article_id for digest, article_id in inserted}


def _insert_articles_sqlite(conn: Connection, prepared: Sequence[Prepared]
                            ) -> dict[str, int]:
    """One multi-row ``INSERT ... ON CONFLICT DO NOTHING RETURNING``; hash -> new id."""
    rows = _article_rows(conn, prepared)
    result = conn.execute(
        sqlite_insert(Article).on_conflict_do_nothing(index_elements=["content_hash"])
        .returning(Article.content_hash, Article.id), rows)
    return {digest: article_id for digest, article_id in result}


def _insert_children(conn: Connection, stored: list[tuple[int, Prepared]]
                     ) -> dict[int, tuple[int, int]]:
    """Insert all mentions, then all claims, of the new articles; id -> (mentions, claims)."""
    mention_rows = [fit_row(MentionRow.__table__, mention_row(m, article_id))
                    for article_id, p in stored for m in p.mentions]
    ids: list[int] = []
    if mention_rows:
        result = conn.execute(
            insert(MentionRow).returning(MentionRow.id, sort_by_parameter_order=True),
            mention_rows)
        ids = [r[0] for r in result]
    claim_rows: list[dict[str, Any]] = []
    counts: dict[int, tuple[int, int]] = {}
    at = 0
    for article_id, p in stored:
        mention_ids = ids[at:at + len(p.mentions)]
        at += len(p.mentions)
        for i, c in enumerate(p.claims):
            claim_rows.append(fit_row(Claim.__table__, claim_row(
                c, article_id=article_id, published=p.article.published,
                conflict=p.article.conflict, mention_ids=mention_ids, mentions=p.mentions,
                verdict=p.verdicts.get(i))))
        counts[article_id] = (len(p.mentions), len(p.claims))
    if claim_rows:
        conn.execute(insert(Claim), claim_rows)
    return counts
