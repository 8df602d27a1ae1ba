"""Concurrency: four ingest processes over overlapping batches store every article once.

The database file does not exist when they start, so they also race to create and
migrate it. On PostgreSQL (``CONFLICTMAP_TEST_POSTGRES_URL``) the same runs against a
fresh database created for the test and dropped after it.
"""

from __future__ import annotations

import os
import uuid

import pytest

from bench.reliability import pipeline_ready, scenario_concurrent

pytestmark = pytest.mark.skipif(not pipeline_ready(),
                                reason="the ingest command or claims.analyze_article not landed yet")


def test_four_concurrent_ingests_store_every_article_exactly_once(tmp_path):
    result = scenario_concurrent(tmp_path, processes=4, count=16, per_process=8)
    assert result["crashes"] == 0, result["outputs"]
    assert result["exits"] == [0, 0, 0, 0], result
    assert result["lost"] == 0 and result["duplicates"] == 0, result
    assert result["stored"] == result["distinct_articles"], result
    assert result["integrity"] == "ok"


@pytest.fixture()
def fresh_postgres_url():
    """A new, empty database on the test server, dropped afterwards."""
    base = os.environ.get("CONFLICTMAP_TEST_POSTGRES_URL")
    if not base:
        if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES"):
            pytest.fail("CONFLICTMAP_TEST_POSTGRES_URL is not set but services are required")
        pytest.skip("no PostgreSQL server (set CONFLICTMAP_TEST_POSTGRES_URL)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cm_reliability_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))  # noqa: S608 - generated name
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # noqa: S608
        admin.dispose()


@pytest.mark.postgres
def test_four_concurrent_ingests_on_postgresql_store_every_article_once(tmp_path,
                                                                        fresh_postgres_url):
    result = scenario_concurrent(tmp_path, processes=4, count=16, per_process=8,
                                 database_url=fresh_postgres_url)
    assert result["crashes"] == 0, result["outputs"]
    assert result["exits"] == [0, 0, 0, 0], result
    assert result["lost"] == 0 and result["duplicates"] == 0, result
    assert result["stored"] == result["distinct_articles"], result
