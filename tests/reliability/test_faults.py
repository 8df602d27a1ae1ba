"""Faults: an ingest killed with SIGKILL half-way through a batch, and a locked database.

Both run the real ``conflictmap ingest`` in subprocesses on a SQLite file in a temporary
directory (drivers shared with ``python -m bench.reliability``).
"""

from __future__ import annotations

import pytest

from bench.reliability import pipeline_ready, scenario_kill, scenario_locked

pytestmark = pytest.mark.skipif(not pipeline_ready(),
                                reason="the ingest command or the analysis not landed yet")


def test_sigkill_mid_batch_leaves_a_sound_database_and_the_rerun_completes_it(tmp_path):
    result = scenario_kill(tmp_path, count=60, kill_after=3)
    assert result["killed_mid_batch"], f"the batch finished before it could be killed: {result}"
    assert result["integrity_after_kill"] == "ok", result
    assert result["fk_violations_after_kill"] == 0, result
    assert 0 < result["articles_when_killed"] < result["expected"], result
    assert result["rerun_exit"] == 0, result["rerun_output"]
    assert result["final_articles"] == result["expected"], result
    assert result["duplicates"] == 0, result
    assert result["survived"], result


def test_a_locked_database_is_waited_for_not_failed(tmp_path):
    result = scenario_locked(tmp_path, hold_seconds=2.5)
    assert result["exit"] == 0, result["output"]
    assert result["blocked_while_locked"], "the ingest did not wait for the lock"
    assert result["articles"] == result["expected"], result
    assert result["survived"], result


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_damaged_database_file_gives_a_clean_message(tmp_path, damage):
    import os

    from click.testing import CliRunner

    from bench.reliability import make_batch
    from cli.main import main

    db_path = tmp_path / "damaged.sqlite"
    env = {"DATABASE_URL": f"sqlite:///{db_path}"}
    runner = CliRunner()
    if damage == "garbage":
        db_path.write_bytes(os.urandom(8192))
    else:
        assert runner.invoke(main, ["demo"], env=env).exit_code == 0
        data = db_path.read_bytes()
        for leftover in tmp_path.glob("damaged.sqlite-*"):
            leftover.unlink()
        db_path.write_bytes(data[: len(data) // 2])
    [article] = make_batch(tmp_path / "one", 1, start=43_000)
    for args in (["stats"], ["ingest", "-q", str(article)], ["export", "--format", "csv"]):
        result = runner.invoke(main, args, env=env)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        assert not crashed, f"{args}: {type(result.exception).__name__}: {result.exception}"
        assert result.exit_code == 1, (args, result.output[-400:])
        assert "database" in result.output.lower(), result.output[-400:]


def test_sigkill_of_a_parallel_ingest_leaves_no_workers_and_the_rerun_completes_it(tmp_path):
    result = scenario_kill(tmp_path, count=60, kill_after=3, jobs=2, leak_after_s=40)
    assert result["killed_mid_batch"], f"the batch finished before it could be killed: {result}"
    assert not result["workers_leaked"], "worker processes still alive 40 s after the CLI died"
    assert result["integrity_after_kill"] == "ok", result
    assert result["rerun_exit"] == 0, result["rerun_output"]
    assert result["final_articles"] == result["expected"] and result["duplicates"] == 0, result
