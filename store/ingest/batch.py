"""Analyse a batch of articles without writing: the work a distributed worker does.

:func:`analyse_batch` validates each article (empty text, length limit), drops the ones
whose content hash is already stored or repeats in the batch, and runs the analysis
(``claims.analyze_article``) on the rest. The result is a list of :class:`Prepared`
articles plus the results of those it did not prepare; :mod:`store.batch_writer`
stores the prepared ones in one transaction. Keeping analysis and writing apart lets
workers analyse in parallel while one writer (SQLite) or one transaction per batch
(PostgreSQL) stores.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from core.errors import ConflictMapError, IngestError, InputRejected
from store.ingest.limits import Limits
from store.types import ArticleInput, IngestResult
from store.writer import content_hash

__all__ = ["Prepared", "analyse_batch", "check_article"]

log = logging.getLogger("conflictmap.store.ingest")


@dataclass
class Prepared:
    """One analysed article ready to store: the article, its hash and what was found."""

    article: ArticleInput
    digest: str
    mentions: list[Any] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    verdicts: dict[int, Any] = field(default_factory=dict)


def check_article(article: ArticleInput, limits: Limits) -> None:
    """Raise :class:`InputRejected` for an article the store would refuse (same rules)."""
    if not article.text.strip():
        raise InputRejected("the article text is empty")
    if len(article.text) > limits.max_article_chars:
        raise InputRejected(
            f"the article has {len(article.text):,} characters, over the limit of "
            f"{limits.max_article_chars:,} (set CONFLICTMAP_MAX_ARTICLE_CHARS)")


def _failed(article: ArticleInput, reason: str) -> IngestResult:
    return IngestResult("failed", title=article.title, origin=article.origin, reason=reason)


def analyse(article: ArticleInput, analyzer: Callable[..., Any]) -> Any:
    """Run ``analyzer`` on one article; any failure but ours becomes an :class:`IngestError`.

    The one boundary between an article's text and the analysis, for the single-process
    store and the batch workers alike: no text may stop a batch with a traceback (the
    traceback is kept at debug level).
    """
    try:
        return analyzer(article.text, title=article.title, published=article.published,
                        source=article.source, url=article.url,
                        article_id=article.external_id, conflict=article.conflict)
    except ConflictMapError:
        raise
    except Exception as err:  # noqa: BLE001 - boundary: any text must not stop a batch
        log.warning("analysis failed for %s: %s", article.origin or article.title, err)
        log.debug("analysis failed for %s", article.origin or article.title, exc_info=True)
        raise IngestError(f"analysis failed: {type(err).__name__}: {err}") from err


def analyse_batch(
    articles: Sequence[ArticleInput],
    *,
    stored_ids: Callable[[Iterable[str]], dict[str, int]] | None = None,
    analyzer: Callable[..., Any] | None = None,
    limits: Limits | None = None,
) -> tuple[list[Prepared], list[IngestResult]]:
    """Prepare ``articles`` for storing; return (prepared, results of the others).

    ``stored_ids(hashes)`` maps the hashes already in the database to their article
    ids (skipped without analysis); omit it when the writer checks instead. An article
    repeating an earlier one of the batch is a duplicate, an unusable one failed.
    """
    if analyzer is None:
        from claims import analyze_article as analyzer
    limits = limits or Limits.from_env()
    digests: dict[int, str] = {}
    done: list[IngestResult] = []
    for i, article in enumerate(articles):
        try:
            check_article(article, limits)
        except InputRejected as err:
            done.append(_failed(article, str(err)))
            continue
        digests[i] = content_hash(article.text)
    known = stored_ids(set(digests.values())) if stored_ids and digests else {}
    prepared: list[Prepared] = []
    seen: set[str] = set()
    for i, digest in digests.items():
        article = articles[i]
        base = {"content_hash": digest, "title": article.title, "origin": article.origin}
        if digest in known or digest in seen:
            done.append(IngestResult("duplicate", article_id=known.get(digest), **base))
            continue
        seen.add(digest)
        try:
            analysis = analyse(article, analyzer)
        except ConflictMapError as err:
            done.append(_failed(article, str(err)))
            continue
        detected = getattr(analysis, "conflict", None)
        if article.conflict is None and isinstance(detected, str) and detected:
            article = dataclasses.replace(article, conflict=detected)
        prepared.append(Prepared(
            article, digest, list(getattr(analysis, "mentions", []) or []),
            list(getattr(analysis, "claims", []) or []),
            dict(getattr(analysis, "verdicts", None) or {})))
    return prepared, done
