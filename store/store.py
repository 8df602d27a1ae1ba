"""The :class:`Store`: one object the CLI and the app use for everything they keep.

It owns the engine, runs migrations at open, ingests articles atomically and
idempotently, answers claim queries as DataFrames, records corrections and keeps the
analyst's places (merged into the gazetteer at open).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from core.errors import ConflictMapError, IngestError, InputRejected, StoreError
from gazetteer.model import Place
from geo.geodesic import validate_point
from store import corrections, places, queries, viewport
from store.dberrors import DatabaseReadOnly, DatabaseUnusable
from store.demo import load_demo
from store.engine import (
    default_url,
    make_engine,
    migrate,
    sqlite_path,
    sqlite_read_only,
    with_retry,
    write_connection,
)
from store.ingest.batch import analyse
from store.ingest.limits import Limits
from store.models import Article, Claim, Correction, Mention, Source, UserPlace
from store.types import ArticleInput, ClaimFilter, IngestResult
from store.writer import content_hash, existing_article_id, write_article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Analyzer", "Store", "open_store"]

log = logging.getLogger("conflictmap.store")

#: ``analyzer(text, *, title, published, source, url, article_id, conflict)`` returning
#: an object with ``mentions`` and ``claims`` (``claims.analyze_article``).
Analyzer = Callable[..., Any]


def _default_analyzer() -> Analyzer:
    from claims import analyze_article

    return analyze_article


def open_store(url: str | None = None, *, merge_places: bool = True,
               for_reading: bool = False) -> Store:
    """Open (creating and migrating if needed) the database at ``url``.

    ``None`` means ``DATABASE_URL`` or the SQLite file in the data directory. With
    ``merge_places`` the analyst's places are added to the gazetteer index. With
    ``for_reading`` (``stats``, ``export``, the app) a SQLite file this process may
    not write is opened read-only instead of failing; writes to it then raise
    :class:`store.dberrors.DatabaseReadOnly`.
    """
    url = url or default_url()
    read_only = sqlite_read_only(url)
    if read_only and not for_reading:
        raise DatabaseReadOnly(
            f"the database {sqlite_path(url)} is read-only: it can be viewed (stats, export, "
            "the app) but nothing can be added to it. Make the file and its folder writable")
    store = Store(url, read_only=read_only)
    if merge_places:
        store.merge_places_into_gazetteer()
    return store


class Store:
    """A migrated database plus the operations on it (see module docstring)."""

    def __init__(self, url: str, *, limits: Limits | None = None,
                 read_only: bool = False) -> None:
        self.url = url
        self.limits = limits or Limits.from_env()
        self.read_only = read_only
        self.engine: Engine = make_engine(url, read_only=read_only)
        migrate(self.engine)

    @property
    def backend(self) -> str:
        """``"sqlite"`` or ``"postgresql"``."""
        return self.engine.dialect.name

    def close(self) -> None:
        """Release all connections."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.engine.url.render_as_string(hide_password=True)!r})"

    # ------------------------------------------------------------------ ingest
    def ingest_article(
        self,
        article: ArticleInput,
        *,
        analyzer: Analyzer | None = None,
        overrides: Mapping[tuple[int, int], Place] | None = None,
        who: str | None = None,
    ) -> IngestResult:
        """Analyse and store one article atomically; report stored, duplicate or failed.

        ``overrides`` maps a mention span ``(start, end)`` to the place the analyst chose
        in the preview; they are applied in the same transaction and audited as
        corrections. Raises :class:`InputRejected` for unusable input and
        :class:`IngestError` when writing fails (nothing of the article is kept).
        """
        text = article.text
        if not text.strip():
            raise InputRejected("the article text is empty")
        if len(text) > self.limits.max_article_chars:
            raise InputRejected(
                f"the article has {len(text):,} characters, over the limit of "
                f"{self.limits.max_article_chars:,} (set CONFLICTMAP_MAX_ARTICLE_CHARS)")
        for place in (overrides or {}).values():  # refuse a bad point before any work
            if isinstance(place, Place):
                validate_point(place.lat, place.lon)
        digest = content_hash(text)
        base = {"content_hash": digest, "title": article.title, "origin": article.origin}
        with self.engine.connect() as conn:
            found = existing_article_id(conn, digest)
        if found is not None:
            return IngestResult("duplicate", article_id=found, **base)
        analysis = self._analyze(article, analyzer)
        mentions = list(getattr(analysis, "mentions", []) or [])
        claims = list(getattr(analysis, "claims", []) or [])
        verdicts = dict(getattr(analysis, "verdicts", None) or {})
        detected = getattr(analysis, "conflict", None)
        if article.conflict is None and isinstance(detected, str) and detected:
            article = dataclasses.replace(article, conflict=detected)

        def write() -> tuple[int, list[int], int]:
            with write_connection(self.engine) as conn, conn.begin():
                ids = write_article(conn, article, digest, mentions, claims, verdicts)
                if overrides:
                    corrections.apply_overrides(conn, ids[0], mentions, ids[1], overrides,
                                                who=who)
                return ids

        try:
            article_id, mention_ids, n_claims = with_retry(write, what="ingest")
        except IntegrityError as err:
            with self.engine.connect() as conn:
                found = existing_article_id(conn, digest)
            if found is not None:
                return IngestResult("duplicate", article_id=found, **base)
            raise IngestError(f"could not store the article: {err.orig}") from err
        except ConflictMapError:
            raise
        except (SQLAlchemyError, TypeError, ValueError, AttributeError, LookupError,
                UnicodeError) as err:
            log.warning("could not store %s: %s", article.origin or article.title, err)
            log.debug("could not store %s", article.origin or article.title, exc_info=True)
            raise IngestError(f"could not store the article: {type(err).__name__}: {err}"
                              ) from err
        return IngestResult("stored", article_id=article_id, mentions=len(mention_ids),
                            claims=n_claims, **base)

    def _analyze(self, article: ArticleInput, analyzer: Analyzer | None) -> Any:
        return analyse(article, analyzer or _default_analyzer())

    def ingest_many(
        self, articles: Iterable[ArticleInput | ConflictMapError], *,
        analyzer: Analyzer | None = None,
    ) -> Iterator[IngestResult]:
        """Ingest each article, yielding one result each; a failure never stops the batch.

        Items may be errors from a reader (a file that could not be read); they are
        yielded as failed results with the reason. A :class:`DatabaseUnusable` (a full
        disk, a damaged or read-only database) is raised at the first article it stops:
        every later article would fail the same way.
        """
        for item in articles:
            if isinstance(item, ConflictMapError):
                yield IngestResult("failed", origin=getattr(item, "origin", None),
                                   reason=str(item))
                continue
            try:
                yield self.ingest_article(item, analyzer=analyzer)
            except DatabaseUnusable:
                raise
            except ConflictMapError as err:
                yield IngestResult("failed", title=item.title, origin=item.origin,
                                   reason=str(err))

    # ----------------------------------------------------------------- queries
    def claims_frame(self, flt: ClaimFilter | None = None) -> pd.DataFrame:
        """Claims matching ``flt`` as a DataFrame with the agreed columns (see common API)."""
        with self.engine.connect() as conn:
            return queries.claims_frame(conn, flt or ClaimFilter())

    def viewport(self, flt: ClaimFilter | None, bbox: Any, zoom: int, **options: Any
                 ) -> viewport.Viewport:
        """Return grid cells (low zoom) or claims (high zoom) of ``flt`` in ``bbox``.

        See :func:`store.viewport.viewport`; the map never loads every claim.
        """
        with self.engine.connect() as conn:
            return viewport.viewport(conn, flt or ClaimFilter(), bbox, zoom, **options)

    def claims_page(self, flt: ClaimFilter | None = None, *, after: Any = None,
                    offset: int = 0, limit: int = 100) -> pd.DataFrame:
        """One page of the claims table, read from the database (date, then id order).

        ``after``: the previous page's :func:`store.viewport.page_key` (keyset paging).
        """
        with self.engine.connect() as conn:
            return viewport.claims_page(conn, flt or ClaimFilter(), after=after,
                                        offset=offset, limit=limit)

    def count_claims(self, flt: ClaimFilter | None = None) -> int:
        """Count the claims matching ``flt`` in the database."""
        with self.engine.connect() as conn:
            return viewport.count_claims(conn, flt or ClaimFilter())

    def sources(self) -> list[str]:
        """Names of all sources with at least one article, sorted."""
        with self.engine.connect() as conn:
            return queries.sources(conn)

    def actors(self) -> list[str]:
        """Return normalized actor names (actor text when not normalized) of all claims, sorted."""
        with self.engine.connect() as conn:
            return queries.actors(conn)

    def conflicts(self) -> list[str]:
        """Conflict keys of all claims, sorted."""
        with self.engine.connect() as conn:
            return queries.conflicts(conn)

    def date_bounds(self) -> tuple[date | None, date | None]:
        """Earliest and latest claim date (event date, else publication date)."""
        with self.engine.connect() as conn:
            return queries.date_bounds(conn)

    def row_counts(self) -> dict[str, int]:
        """Rows of the tables analysts write (articles, claims, corrections, places).

        A cheaper :meth:`stats` for change detection: no mentions count, no per-kind
        grouping, no date range (together about 0.25 s at a million claims on PostgreSQL).
        """
        with self.engine.connect() as conn:
            return {name: int(conn.execute(select(func.count()).select_from(model)).scalar_one())
                    for name, model in (("articles", Article), ("claims", Claim),
                                        ("corrections", Correction), ("places", UserPlace))}

    def stats(self) -> dict[str, Any]:
        """Row counts per table, claims per kind, and the date range."""
        with self.engine.connect() as conn:
            counts = {
                name: conn.execute(select(func.count()).select_from(model)).scalar_one()
                for name, model in (("articles", Article), ("mentions", Mention),
                                    ("claims", Claim), ("sources", Source),
                                    ("places", UserPlace), ("corrections", Correction))
            }
            kinds = dict(conn.execute(
                select(Claim.kind, func.count()).group_by(Claim.kind)).all())
            bounds = queries.date_bounds(conn)
        return {**counts, "claims_by_kind": kinds, "first_date": bounds[0],
                "last_date": bounds[1], "backend": self.backend}

    def article(self, article_id: int) -> dict[str, Any] | None:
        """One article row as a dict (title, text, source, ...), or None."""
        with self.engine.connect() as conn:
            return queries.article(conn, article_id)

    def mentions(self, article_id: int) -> list[dict[str, Any]]:
        """Mentions of an article (span, chosen place, candidates), in text order."""
        with self.engine.connect() as conn:
            return queries.mentions(conn, article_id)

    def corrections(self, article_id: int | None = None) -> list[dict[str, Any]]:
        """Return the audit trail, newest first (optionally for one article)."""
        with self.engine.connect() as conn:
            return queries.corrections(conn, article_id)

    # ------------------------------------------------------------- corrections
    def correct_place(
        self,
        mention_id: int | None = None,
        place: Place | None = None,
        *,
        claim_id: int | None = None,
        lat: float | None = None,
        lon: float | None = None,
        name: str | None = None,
        who: str | None = None,
        note: str | None = None,
        all_in_article: bool = True,
    ) -> int:
        """Set the place of a mention (or of a claim) and re-resolve what depends on it.

        Give ``mention_id`` or ``claim_id`` and either a :class:`Place` or ``lat``/``lon``
        (with an optional ``name``). With ``all_in_article`` the other mentions of the same
        name resolved to the same place in that article change too. Claims using those
        mentions get the new coordinates and a recomputed distance verdict; every change is
        audited. Returns the number of claims updated.
        """
        if (mention_id is None) == (claim_id is None):
            raise InputRejected("give exactly one of mention_id or claim_id")

        def run() -> int:
            with write_connection(self.engine) as conn, conn.begin():
                chosen = corrections.resolve_target_place(conn, place, lat, lon, name,
                                                          mention_id, claim_id)
                if mention_id is not None:
                    return corrections.correct_mention(conn, mention_id, chosen, who=who,
                                                       note=note,
                                                       all_in_article=all_in_article)
                return corrections.correct_claim(conn, claim_id, chosen, who=who, note=note,
                                                 all_in_article=all_in_article)

        try:
            return with_retry(run, what="correction")
        except SQLAlchemyError as err:
            raise StoreError(f"could not save the correction: {err}") from err

    # ------------------------------------------------------------------ places
    def add_place(self, name: str, lat: float, lon: float, *, aliases: Iterable[str] = (),
                  feature_code: str = "PPL", country: str | None = None,
                  radius_km: float = 0.0) -> Place:
        """Store an analyst's place and add it to the running gazetteer; return it."""
        def run() -> Place:
            with write_connection(self.engine) as conn, conn.begin():
                return places.add_place(conn, name, lat, lon, aliases=aliases,
                                        feature_code=feature_code, country=country,
                                        radius_km=radius_km)

        place = with_retry(run, what="add place")
        places.merge_into_gazetteer([place], {place.id: list(aliases)})
        return place

    def places(self) -> list[Place]:
        """All analyst-added places, oldest first."""
        with self.engine.connect() as conn:
            return [p for p, _ in places.list_places(conn)]

    def merge_places_into_gazetteer(self) -> int:
        """Add the stored analyst places to the gazetteer index; return how many."""
        with self.engine.connect() as conn:
            listed = places.list_places(conn)
        if not listed:
            return 0
        places.merge_into_gazetteer([p for p, _ in listed], {p.id: a for p, a in listed})
        return len(listed)

    # -------------------------------------------------------------------- demo
    def load_demo(self) -> int:
        """Load the bundled demo dataset idempotently; return the number of claims added."""
        return load_demo(self)
