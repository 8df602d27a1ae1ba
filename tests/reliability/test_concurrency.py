"""Concurrency: four ingest processes over overlapping batches store every article once.

The database file does not exist when they start, so they also race to create and
migrate it. On PostgreSQL (``CONFLICTMAP_TEST_POSTGRES_URL``) the same runs against a
fresh database created for the test and dropped after it.
"""

from __future__ import annotations

import pytest
from fresh_databases import fresh_postgres_url

from bench.reliability import pipeline_ready, scenario_concurrent

pytestmark = pytest.mark.skipif(not pipeline_ready(),
                                reason="the ingest command or the analysis not landed yet")


def test_four_concurrent_ingests_store_every_article_exactly_once(tmp_path):
    result = scenario_concurrent(tmp_path, processes=4, count=16, per_process=8)
    assert result["crashes"] == 0, result["outputs"]
    assert result["exits"] == [0, 0, 0, 0], result
    assert result["lost"] == 0 and result["duplicates"] == 0, result
    assert result["stored"] == result["distinct_articles"], result
    assert result["integrity"] == "ok"


@pytest.fixture()
def postgres_url():
    with fresh_postgres_url() as url:
        yield url


@pytest.mark.postgres
def test_four_concurrent_ingests_on_postgresql_store_every_article_once(tmp_path,
                                                                        postgres_url):
    result = scenario_concurrent(tmp_path, processes=4, count=16, per_process=8,
                                 database_url=postgres_url)
    assert result["crashes"] == 0, result["outputs"]
    assert result["exits"] == [0, 0, 0, 0], result
    assert result["lost"] == 0 and result["duplicates"] == 0, result
    assert result["stored"] == result["distinct_articles"], result
