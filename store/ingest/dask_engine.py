"""Ingest on ``dask.distributed``: a LocalCluster of worker processes, or a cluster by address.

The client reads the inputs as a stream and sends batches of articles as tasks, never
more than a few per worker in flight (so millions of inputs never sit in memory). A
worker plugin loads the gazetteer index and opens the store once per worker process,
not once per task. On PostgreSQL each task analyses its batch and stores it in one
transaction (:func:`store.batch_writer.write_batch`: COPY into a staging table,
``INSERT ... ON CONFLICT`` on the content hash); on SQLite the workers only analyse and
this process, the one writer, stores each returned batch the same way.

A worker killed mid-task loses an uncommitted transaction only; the scheduler runs the
task again elsewhere and the content hash makes a batch that did commit a no-op, so
nothing is lost or doubled. A batch that keeps killing workers (Dask's
``KilledWorker``) is reported as failed with that reason; a lost scheduler stops the run
with :class:`core.errors.IngestError` after reporting the batches that finished (a
re-run stores the rest and skips what is stored).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import distributed as dd

from core.errors import ConflictMapError, IngestError
from store.dberrors import DatabaseUnusable
from store.ingest.batch import Prepared, analyse_batch
from store.types import ArticleInput, IngestResult

__all__ = ["PLUGIN_NAME", "DaskIngest", "IngestWorkerPlugin", "ingest_dask"]

log = logging.getLogger("conflictmap.store.ingest.dask")

PLUGIN_NAME = "conflictmap-ingest"
#: Articles per task: large enough that scheduling overhead (~1 ms a task) and one
#: transaction per batch are small against the analysis (~10 ms an article).
DEFAULT_BATCH = 16
#: Analysed once per worker at set-up, so lazily built tables load then, not in a task.
WARM_UP_TEXT = ("Forces captured Sirte on Monday, 50 km east of Misrata, officials in "
                "Tripoli said.")


class IngestWorkerPlugin(dd.WorkerPlugin):
    """Worker plugin: per worker process, load the gazetteer and open the store once.

    ``write`` says whether tasks store their batch themselves (PostgreSQL) or return it
    to the client (SQLite). ``analyzer`` replaces ``claims.analyze_article`` (tests).
    """

    name = PLUGIN_NAME

    def __init__(self, url: str, *, write: bool, analyzer: Callable[..., Any] | None = None
                 ) -> None:
        self.url = url
        self.write = write
        self.analyzer = analyzer
        self.store: Any = None
        self.index_load_s: float | None = None

    def setup(self, worker: Any = None) -> None:
        """Load the gazetteer index and the analysis (timed), open the store in this worker."""
        start = time.perf_counter()
        from gazetteer import get_index
        from store import open_store

        get_index()
        self.store = open_store(self.url)  # also adds the analyst's places to the index
        if self.analyzer is None:  # load what the analysis loads lazily, before any task
            from claims import analyze_article

            analyze_article(WARM_UP_TEXT, published="2020-01-01")
        self.index_load_s = time.perf_counter() - start
        log.info("worker %s ready in %.2f s", getattr(worker, "address", "?"),
                 self.index_load_s)

    def teardown(self, worker: Any = None) -> None:
        """Close the worker's store."""
        if self.store is not None:
            self.store.close()


def _plugin() -> IngestWorkerPlugin:
    from distributed import get_worker

    return get_worker().plugins[PLUGIN_NAME]


def _run_batch(batch: list[ArticleInput]
               ) -> tuple[list[Prepared], list[IngestResult], DatabaseUnusable | None]:
    """Run the task: analyse a batch, store it (PostgreSQL); return what is left to store.

    A database that takes no more writes (full disk ...) is returned, not raised, so the
    scheduler does not retry the batch against it; the client stops the ingest.
    """
    from store.batch_writer import stored_ids, write_batch

    plugin = _plugin()
    engine = plugin.store.engine
    prepared, done = analyse_batch(batch, stored_ids=lambda h: stored_ids(engine, h),
                                   analyzer=plugin.analyzer, limits=plugin.store.limits)
    if not plugin.write:
        return prepared, done, None
    try:
        done.extend(write_batch(engine, prepared))
    except DatabaseUnusable as err:
        return [], [], err
    except IngestError as err:
        done.extend(_failed_all([p.article for p in prepared], str(err)))
    return [], done, None


def _worker_stats(dask_worker: Any) -> dict[str, float | None]:
    import psutil

    plugin = dask_worker.plugins.get(PLUGIN_NAME)
    return {"rss_mb": psutil.Process().memory_info().rss / 2**20,
            "index_load_s": getattr(plugin, "index_load_s", None)}


def _failed_all(articles: Iterable[ArticleInput], reason: str) -> list[IngestResult]:
    return [IngestResult("failed", title=a.title, origin=a.origin, reason=reason)
            for a in articles]


class DaskIngest:
    """A Dask client set up for ingest into ``url``; use as a context manager.

    With ``scheduler`` (``tcp://host:port``) it joins that cluster, else it starts a
    LocalCluster of ``workers`` processes (one thread each: the analysis holds the GIL).
    """

    def __init__(self, url: str, *, workers: int | None = None, scheduler: str | None = None,
                 batch_size: int = DEFAULT_BATCH, analyzer: Callable[..., Any] | None = None,
                 memory_limit: str | None = None) -> None:
        from store import open_store

        self.url = url
        self.batch_size = max(1, int(batch_size))
        self.store = open_store(url)  # migrates once, before any worker opens it
        self._write_on_workers = self.store.backend == "postgresql"
        self._analyzer = analyzer
        self._scheduler = scheduler
        self._workers = workers or max(1, (os.cpu_count() or 2))
        self._memory_limit = memory_limit
        self.cluster: Any = None
        self.client: Any = None

    def __enter__(self) -> DaskIngest:
        try:
            if self._scheduler:
                self.client = dd.Client(self._scheduler, timeout="20s")
            else:
                self.cluster = dd.LocalCluster(
                    n_workers=self._workers, threads_per_worker=1, processes=True,
                    dashboard_address=None, silence_logs=logging.ERROR,
                    memory_limit=self._memory_limit or "auto")
                self.client = dd.Client(self.cluster)
        except (OSError, TimeoutError) as err:
            self.close()
            raise IngestError(f"cannot reach the Dask scheduler {self._scheduler}: {err}"
                              ) from err
        self.client.register_plugin(IngestWorkerPlugin(
            self.url, write=self._write_on_workers, analyzer=self._analyzer))
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the client and the LocalCluster this object started (not a remote one)."""
        for thing in (self.client, self.cluster):
            if thing is not None:
                try:
                    thing.close()
                except (OSError, RuntimeError, TimeoutError):  # already gone
                    log.debug("closing %r failed", thing, exc_info=True)
        self.client = self.cluster = None
        self.store.close()

    def worker_stats(self) -> dict[str, dict[str, float | None]]:
        """Per worker address: resident memory (MB) and gazetteer index load time (s)."""
        return self.client.run(_worker_stats)

    def n_workers(self) -> int:
        """Workers currently connected to the scheduler."""
        return len(self.client.scheduler_info().get("workers", {}))

    def run(self, items: Iterable[ArticleInput | ConflictMapError]
            ) -> Iterator[IngestResult]:
        """Ingest ``items``; yield one result per item as batches finish.

        Reader errors in ``items`` are yielded at once as failed results.
        """
        from store.batch_writer import write_batch

        limit = 2 * max(1, self.n_workers()) + 2
        queue = dd.as_completed()
        batches: dict[str, list[ArticleInput]] = {}
        futures: dict[str, Any] = {}

        def finish(future: Any) -> list[IngestResult]:
            batch = batches.pop(future.key)
            futures.pop(future.key, None)
            try:
                prepared, done, unusable = future.result()
            except dd.KilledWorker as err:
                log.warning("a batch of %d articles kept killing workers", len(batch))
                return _failed_all(batch, f"analysis killed its worker repeatedly ({err})")
            except (OSError, TimeoutError, dd.client.FutureCancelledError) as err:
                raise IngestError(
                    f"lost the Dask scheduler ({type(err).__name__}: {err}); "
                    f"{len(batches) + 1} batches unfinished, re-run to store them "
                    "(stored articles are skipped)") from err
            if unusable is not None:
                raise unusable
            if prepared:
                try:
                    done.extend(write_batch(self.store.engine, prepared))
                except IngestError as err:
                    done.extend(_failed_all([p.article for p in prepared], str(err)))
            return done

        def submit(batch: list[ArticleInput]) -> None:
            future = self.client.submit(_run_batch, batch, pure=False, retries=1)
            batches[future.key] = batch
            futures[future.key] = future
            queue.add(future)

        try:
            yield from self._feed(items, submit, finish, queue, limit)
        except DatabaseUnusable as err:
            # A full disk, a damaged or read-only database: every later batch would fail
            # the same way, so the ingest stops at the first one, as the local path does.
            # Each batch is one transaction, so nothing is half-written; a re-run after
            # freeing space skips what was stored.
            log.warning("stopping the ingest: %s (%d batches cancelled)", err, len(futures))
            self.client.cancel(list(futures.values()), force=True)
            futures.clear()
            raise

    def _feed(self, items: Iterable[ArticleInput | ConflictMapError],
              submit: Callable[[list[ArticleInput]], None],
              finish: Callable[[Any], list[IngestResult]], queue: Any, limit: int
              ) -> Iterator[IngestResult]:
        """Batch ``items``, keep at most ``limit`` batches in flight, yield their results."""
        batch: list[ArticleInput] = []
        for item in items:
            if isinstance(item, ConflictMapError):
                yield IngestResult("failed", origin=getattr(item, "origin", None),
                                   reason=str(item))
                continue
            batch.append(item)
            if len(batch) >= self.batch_size:
                submit(batch)
                batch = []
                while queue.count() >= limit:
                    yield from finish(next(queue))
        if batch:
            submit(batch)
        for future in queue:
            yield from finish(future)


def ingest_dask(url: str, items: Iterable[ArticleInput | ConflictMapError], *,
                workers: int | None = None, scheduler: str | None = None,
                batch_size: int = DEFAULT_BATCH) -> Iterator[IngestResult]:
    """Ingest ``items`` into ``url`` on Dask (see :class:`DaskIngest`); yield results."""
    with DaskIngest(url, workers=workers, scheduler=scheduler,
                    batch_size=batch_size) as engine:
        yield from engine.run(items)
