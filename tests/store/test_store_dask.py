"""Distributed ingest on a 2-worker Dask LocalCluster gives the single-process rows.

On PostgreSQL (with PostGIS when ``.ci/run`` started it) and on SQLite: the same
articles, mentions and claims as ``Store.ingest_many``; a re-run adds nothing; a worker
killed in the middle of a batch is replaced, its batch retried, nothing lost or doubled.
"""

from __future__ import annotations

import os
import uuid
from collections import Counter
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from bench.reliability_dask import ExplodeOnce, stored_counts

pytest.importorskip("distributed")

N_ARTICLES = 40


@pytest.fixture(scope="module")
def articles():
    """Generated 120-word articles naming gazetteer places (no shared text)."""
    from bench.ingest import generate_articles, place_names

    return generate_articles(N_ARTICLES, place_names(120), words=120, seed=5)


@pytest.fixture
def second_pg_url(pg_url: str):
    """Another fresh schema next to ``pg_url`` (for the single-process reference)."""
    base = os.environ["CONFLICTMAP_TEST_POSTGRES_URL"]
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


def _rows(url: str) -> dict[str, tuple]:
    """Per article (by content hash): its fields, mentions and claims, without ids."""
    engine = create_engine(url)
    with engine.connect() as conn:
        arts = conn.execute(text(
            "SELECT id, content_hash, title, source, published, conflict FROM articles")).all()
        ments = conn.execute(text(
            'SELECT article_id, start, "end", place_id, lat, lon FROM mentions')).all()
        claims = conn.execute(text(
            'SELECT article_id, kind, start, "end", actor_norm, action, place_id, lat, lon, '
            "value_min, anchor_place_id, verdict, true_km FROM claims")).all()
    engine.dispose()
    by_id = {a[0]: a[1] for a in arts}
    out = {a[1]: [tuple(a[2:]), [], []] for a in arts}
    for m in ments:
        out[by_id[m[0]]][1].append(tuple(m[1:]))
    for c in claims:
        out[by_id[c[0]]][2].append(tuple(c[1:]))
    return {k: (v[0], tuple(sorted(v[1], key=repr)), tuple(sorted(v[2], key=repr)))
            for k, v in out.items()}


def _reference(url: str, articles) -> dict[str, tuple]:
    from store import open_store

    with open_store(url) as store:
        assert all(r.status == "stored" for r in store.ingest_many(articles))
    return _rows(url)


def _statuses(results) -> Counter:
    return Counter(r.status for r in results)


def _check_exactly_once(url: str, n: int) -> None:
    assert stored_counts(url) == {"stored": n, "duplicates": 0, "orphans": 0}


@pytest.mark.postgres
def test_two_dask_workers_on_postgresql_store_the_single_process_rows_and_rerun_adds_nothing(
        pg_url: str, second_pg_url: str, articles):
    from store.ingest.dask_engine import DaskIngest

    with DaskIngest(pg_url, workers=2, batch_size=8) as engine:
        assert engine.n_workers() == 2
        first = list(engine.run(articles))
        again = list(engine.run(articles))
        stats = engine.worker_stats()
    assert _statuses(first) == {"stored": N_ARTICLES}
    assert _statuses(again) == {"duplicate": N_ARTICLES}
    assert len(stats) == 2 and all(s["index_load_s"] is not None for s in stats.values())
    _check_exactly_once(pg_url, N_ARTICLES)
    assert _rows(pg_url) == _reference(second_pg_url, articles)


def test_two_dask_workers_on_sqlite_store_the_single_process_rows(tmp_path: Path, articles):
    from store.ingest.dask_engine import DaskIngest

    url = f"sqlite:///{tmp_path / 'dask.sqlite'}"
    with DaskIngest(url, workers=2, batch_size=8) as engine:
        assert _statuses(engine.run(articles)) == {"stored": N_ARTICLES}
    assert _rows(url) == _reference(f"sqlite:///{tmp_path / 'one.sqlite'}", articles)


@pytest.mark.postgres
def test_a_worker_killed_mid_batch_is_replaced_and_nothing_is_lost_or_doubled(
        pg_url: str, tmp_path: Path, articles):
    from store.ingest.dask_engine import DaskIngest

    marker = tmp_path / "killed"
    with DaskIngest(pg_url, workers=2, batch_size=8,
                    analyzer=ExplodeOnce(marker, after=3, kill=True)) as engine:
        results = list(engine.run(articles))
    assert marker.exists(), "no worker was killed: the test did not test anything"
    assert _statuses(results) == {"stored": N_ARTICLES}
    _check_exactly_once(pg_url, N_ARTICLES)



def _running(dask_scheduler) -> int:
    """Tasks the scheduler still has waiting or running (not finished or forgotten)."""
    return sum(1 for t in dask_scheduler.tasks.values()
               if t.state in ("waiting", "queued", "processing", "no-worker"))


def _scheduler_idle(engine, wait: float = 5.0) -> bool:
    import time

    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if not engine.client.run_on_scheduler(_running):
            return True
        time.sleep(0.1)
    return False


def _stop_at_full(results) -> tuple[list[str], BaseException | None]:
    seen: list[str] = []
    try:
        for result in results:
            seen.append(result.status)
    except Exception as err:  # noqa: BLE001 - the test checks which one
        return seen, err
    return seen, None


def test_a_full_disk_stops_the_dask_ingest_on_sqlite_with_nothing_half_written(
        tmp_path: Path, articles):
    from sqlalchemy import event

    from store.dberrors import DatabaseFull
    from store.ingest.dask_engine import DaskIngest
    from store.types import ArticleInput

    url = f"sqlite:///{tmp_path / 'full.sqlite'}"
    big = [ArticleInput(text=a.text + " filler" * 8000, title=a.title) for a in articles]
    with DaskIngest(url, workers=2, batch_size=4) as engine:
        # Room for the schema and a few batches: then SQLITE_FULL, as on a full disk.
        event.listen(engine.store.engine, "connect",
                     lambda conn, _r: conn.execute("PRAGMA max_page_count = 200"))
        engine.store.engine.dispose()
        seen, err = _stop_at_full(engine.run(big))
    assert isinstance(err, DatabaseFull) and "full" in str(err), err
    assert seen and set(seen) == {"stored"}  # it stopped: no article failed one by one
    counts = stored_counts(url)
    assert counts == {"stored": len(seen), "duplicates": 0, "orphans": 0}


@pytest.mark.postgres
def test_a_full_disk_stops_the_dask_ingest_on_postgresql_at_the_first_batch(
        pg_url: str, articles):
    from store.dberrors import DatabaseFull
    from store.ingest.dask_engine import DaskIngest

    with DaskIngest(pg_url, workers=2, batch_size=4) as engine:
        # The server's "disk full" (SQLSTATE 53100) once 12 articles are stored.
        engine_sql = create_engine(pg_url)
        with engine_sql.begin() as conn:
            conn.execute(text(
                "CREATE FUNCTION cm_test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ "
                "BEGIN IF (SELECT count(*) FROM articles) >= 12 THEN RAISE EXCEPTION "
                "'could not extend file: No space left on device' USING ERRCODE = "
                "'disk_full'; END IF; RETURN NEW; END $$"))
            conn.execute(text("CREATE TRIGGER cm_test_disk_full BEFORE INSERT ON articles "
                              "FOR EACH ROW EXECUTE FUNCTION cm_test_disk_full()"))
        engine_sql.dispose()
        seen, err = _stop_at_full(engine.run(articles))
        assert _scheduler_idle(engine), "batches still run after the stop"
    assert isinstance(err, DatabaseFull) and "full" in str(err), err
    assert set(seen) <= {"stored"} and len(seen) < N_ARTICLES
    counts = stored_counts(pg_url)
    assert counts["duplicates"] == 0 and counts["orphans"] == 0
    assert counts["stored"] % 4 == 0 and counts["stored"] >= len(seen)  # whole batches only
