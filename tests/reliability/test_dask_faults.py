"""Scale-out faults (issue 17): a worker out of memory, the scheduler gone, on PostgreSQL.

Each ends with every article stored exactly once and no orphan rows (the worker killed
mid-task is ``tests/store/test_store_dask.py``). Scenarios: ``bench.reliability_dask``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fresh_databases import fresh_postgres_url

pytest.importorskip("distributed")


def _exactly_once(result: dict) -> None:
    assert result["fault_happened"], f"the fault did not happen, nothing was tested: {result}"
    assert result["stored"] == result["expected"], result
    assert result["duplicates"] == 0 and result["orphans"] == 0, result


def test_a_worker_over_its_memory_limit_is_restarted_and_its_batch_stored_once(tmp_path: Path):
    from bench.reliability_dask import scenario_oom

    with fresh_postgres_url() as url:
        result = scenario_oom(url, tmp_path)
    _exactly_once(result)
    assert result["statuses"] == {"stored": result["expected"]}, result


def test_when_the_scheduler_is_gone_the_ingest_stops_and_a_rerun_stores_the_rest(
        tmp_path: Path):
    from bench.reliability_dask import scenario_scheduler_gone

    with fresh_postgres_url() as url:
        result = scenario_scheduler_gone(url, tmp_path)
    _exactly_once(result)
    assert "lost the Dask scheduler" in result["error"], result
    assert result["stored_before_rerun"] < result["expected"], result
    assert result["rerun_statuses"].get("stored", 0) == (
        result["expected"] - result["stored_before_rerun"]), result
