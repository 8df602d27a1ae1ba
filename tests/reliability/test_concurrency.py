"""Concurrency: four ingest processes over overlapping batches store every article once.

The database file does not exist when they start, so they also race to create and
migrate it. On PostgreSQL (``CONFLICTMAP_TEST_POSTGRES_URL``) the same runs against a
fresh database created for the test and dropped after it.
"""

from __future__ import annotations

import importlib.util
import os
import uuid

import pytest

from bench.reliability import scenario_concurrent

pytestmark = pytest.mark.skipif(importlib.util.find_spec("cli.store_cmd") is None,
                                reason="the ingest command (cli/store_cmd.py) has not landed yet")


def test_four_concurrent_ingests_store_every_article_exactly_once(tmp_path):
    result = scenario_concurrent(tmp_path, processes=4, count=16, per_process=8)
    assert result["crashes"] == 0, result["outputs"]
    assert result["exits"] == [0, 0, 0, 0], result
    assert result["lost"] == 0 and result["duplicates"] == 0, result
    assert result["stored"] == result["distinct_articles"], result
    assert result["integrity"] == "ok"
