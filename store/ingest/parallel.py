"""Ingest with several worker processes: analysis in parallel, writes serialized by the DB.

Analysis (geoparsing, claim extraction) is CPU-bound Python, so a batch on a machine with
several cores goes faster with one process per core. Each worker opens its own
:class:`store.Store`; the database keeps the writes safe (SQLite's write lock with a
busy timeout and retries, PostgreSQL's transactions) and the content hash keeps every
article once, whichever worker gets there first.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from core.errors import ConflictMapError
from store.types import ArticleInput, IngestResult

__all__ = ["ingest_parallel"]

log = logging.getLogger("conflictmap.store.ingest")

_WORKER_STORE: Any = None


def _exit_with_parent(parent: int) -> None:
    """Stop this worker once the parent is gone (killed): never linger as an orphan.

    A killed parent cannot tell its pool to shut down, and the worker's task queue
    never reports end-of-file (the worker holds a writer end too), so it watches.
    Stopping mid-article is safe: its transaction is simply never committed.
    """
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _init_worker(url: str, parent: int) -> None:
    global _WORKER_STORE
    from store import open_store

    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True,
                     name="exit-with-parent").start()
    _WORKER_STORE = open_store(url)


def _ingest_one(article: ArticleInput) -> IngestResult:
    from store.dberrors import DatabaseUnusable

    try:
        return _WORKER_STORE.ingest_article(article)
    except DatabaseUnusable:
        raise  # a full disk or a damaged database: the parent stops the batch, once
    except ConflictMapError as err:
        return IngestResult("failed", title=article.title, origin=article.origin,
                            reason=str(err))


def _failed(item: ConflictMapError) -> IngestResult:
    return IngestResult("failed", origin=getattr(item, "origin", None), reason=str(item))


def ingest_parallel(url: str, items: Iterable[ArticleInput | ConflictMapError], *,
                    jobs: int) -> Iterator[IngestResult]:
    """Ingest ``items`` into the database at ``url`` with ``jobs`` worker processes.

    Yields one result per item, in order; reader errors become failed results.
    """
    if jobs < 2:
        from store import open_store

        yield from open_store(url).ingest_many(items)
        return
    pending: list[ArticleInput | ConflictMapError] = list(items)
    articles = [i for i in pending if isinstance(i, ArticleInput)]
    # "spawn": SQLite connections (the store's, the gazetteer index's) must not be
    # inherited across fork; each worker opens its own.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_init_worker,
                             initargs=(url, os.getpid())) as pool:
        results = pool.map(_ingest_one, articles, chunksize=4)
        for item in pending:
            yield _failed(item) if isinstance(item, ConflictMapError) else next(results)
