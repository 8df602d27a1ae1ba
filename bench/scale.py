"""Scale-out of ingest: ``python -m bench.scale [--articles N] [--database URL]``.

Generates N (default 5,000) articles of about 500 words (``bench.ingest``'s generator:
gazetteer place names and sentence templates, no real article text) and ingests them
into a fresh database three times: on a Dask LocalCluster with 1 worker, with 2
workers, and with the local process pool (``--jobs 2``). Prints for each the articles
per second (wall clock, cluster start-up excluded and printed apart), the speed-up of 2
Dask workers over 1, each worker's resident memory and gazetteer index load time, and
an Amdahl extrapolation to 8, 32 and 128 workers from the serial fraction implied by
the measured speed-up, labelled as an estimate. The default database is a temporary
SQLite file (workers analyse, one writer stores); give a PostgreSQL URL to let the
workers write their own batches (each run gets its own schema, dropped afterwards).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

WORKER_COUNTS = (1, 2)
EXTRAPOLATE_TO = (8, 32, 128)


@contextlib.contextmanager
def fresh_database(base: str | None, label: str) -> Iterator[str]:
    """URL of an empty database: a temporary SQLite file, or a new PostgreSQL schema."""
    if not base:
        with tempfile.TemporaryDirectory() as tmp:
            yield f"sqlite:///{Path(tmp) / f'{label}.sqlite'}"
        return
    from sqlalchemy import create_engine, text

    schema = f"bench_{label}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))  # noqa: S608 (a schema name the bench made)
    sep = "&" if "?" in base else "?"
    try:
        yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))  # noqa: S608
        admin.dispose()


def amdahl(speedup: float, measured_at: int) -> float:
    """Serial fraction f with speed-up ``speedup`` at ``measured_at`` workers (Amdahl).

    >>> round(amdahl(1.8, 2), 3)
    0.111
    """
    n = measured_at
    return min(1.0, max(0.0, (n / speedup - 1) / (n - 1)))


def predicted(serial: float, n: int) -> float:
    """Amdahl speed-up at ``n`` workers for serial fraction ``serial``."""
    return 1.0 / (serial + (1.0 - serial) / n)


def _check(results: list, n: int, what: str) -> None:
    counts = Counter(r.status for r in results)
    if counts.get("stored", 0) != n:
        raise SystemExit(f"{what}: expected {n} stored, got {dict(counts)}")


def run_dask(url: str, articles: list, workers: int) -> dict:
    """Ingest ``articles`` on a LocalCluster of ``workers``; rates and worker figures."""
    from store.ingest.dask_engine import DaskIngest

    t0 = time.perf_counter()
    with DaskIngest(url, workers=workers) as engine:
        startup = time.perf_counter() - t0
        t1 = time.perf_counter()
        results = list(engine.run(articles))
        elapsed = time.perf_counter() - t1
        stats = engine.worker_stats()
    _check(results, len(articles), f"dask {workers}")
    return {"rate": len(articles) / elapsed, "elapsed": elapsed, "startup": startup,
            "workers": stats}


def run_pool(url: str, articles: list, jobs: int) -> dict:
    """Ingest ``articles`` with the local process pool of ``jobs`` processes."""
    from store import open_store
    from store.ingest.parallel import ingest_parallel

    open_store(url, merge_places=False).close()
    t0 = time.perf_counter()
    results = list(ingest_parallel(url, articles, jobs=jobs))
    elapsed = time.perf_counter() - t0
    _check(results, len(articles), f"pool {jobs}")
    return {"rate": len(articles) / elapsed, "elapsed": elapsed}


def main(argv: list[str] | None = None) -> None:
    """Run the three ingests and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5_000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--database", default=os.environ.get("CONFLICTMAP_BENCH_DATABASE"),
                        help="postgresql+psycopg://... (default: a temporary SQLite file)")
    args = parser.parse_args(argv)
    from bench.ingest import generate_articles, place_names

    articles = generate_articles(args.articles, place_names(), words=args.words)
    words = sum(len(a.text.split()) for a in articles) / len(articles)
    backend = "PostgreSQL" if args.database else "SQLite"
    print(f"articles: {len(articles)} generated ({words:.0f} words on average); "
          f"database: {backend}; {os.cpu_count()} cores")
    rates: dict[int, float] = {}
    for workers in WORKER_COUNTS:
        with fresh_database(args.database, f"dask{workers}") as url:
            got = run_dask(url, articles, workers)
        rates[workers] = got["rate"]
        print(f"dask, {workers} worker{'s' if workers > 1 else ''}: {got['rate']:.1f} "
              f"articles/s ({got['elapsed']:.1f} s; cluster start {got['startup']:.1f} s; "
              f"load average {os.getloadavg()[0]:.1f})")
        for address, stats in sorted(got["workers"].items()):
            print(f"  worker {address}: RSS {stats['rss_mb']:.0f} MB, gazetteer index "
                  f"load {stats['index_load_s']:.2f} s")
    with fresh_database(args.database, "pool") as url:
        pool = run_pool(url, articles, max(WORKER_COUNTS))
    print(f"local pool, --jobs {max(WORKER_COUNTS)}: {pool['rate']:.1f} articles/s "
          f"({pool['elapsed']:.1f} s)")
    speedup = rates[2] / rates[1]
    serial = amdahl(speedup, 2)
    print(f"speed-up, 2 Dask workers over 1: {speedup:.2f}x; Dask 2 workers vs local pool: "
          f"{rates[2] / pool['rate']:.2f}x")
    print(f"estimate (Amdahl, serial fraction {serial:.3f} from the measured speed-up; "
          "assumes one free core per worker and a database that keeps up):")
    for n in EXTRAPOLATE_TO:
        s = predicted(serial, n)
        print(f"  {n} workers: {s:.1f}x, about {rates[1] * s:.0f} articles/s")
    if os.getloadavg()[0] > (os.cpu_count() or 1):
        print("note: the load average exceeded the core count, so other processes shared "
              "the cores; the speed-up (and the serial fraction) is pessimistic")


if __name__ == "__main__":
    main()
