"""Scale-out faults of distributed ingest (issue 17): every article stored exactly once.

Each scenario ingests generated articles on Dask into a fresh database, breaks the
cluster on the way, re-runs the ingest when the break stopped it, and returns counts:
``expected`` articles, ``stored`` rows, ``duplicates`` (rows sharing a content hash)
and ``orphans`` (claims without their article). Used by ``tests/reliability`` and by
``python -m bench.reliability``.

* worker killed mid-task: a worker process hard-exits in the middle of a batch;
* scheduler gone: the external scheduler is killed mid-run; the ingest stops with an
  error, a re-run on a new scheduler stores the rest;
* worker out of memory: a worker exceeds its memory limit once and is restarted by its
  nanny; the scheduler re-runs its task.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

__all__ = ["ExplodeOnce", "scenario_oom", "scenario_scheduler_gone", "scenario_worker_killed",
           "stored_counts"]


class ExplodeOnce:
    """Analyzer that, once (marker file), exits hard or allocates ``mb`` MB; may sleep."""

    def __init__(self, marker: Path, *, mb: int = 0, after: int = 2, sleep_s: float = 0.0,
                 kill: bool = False) -> None:
        self.marker, self.mb, self.after, self.sleep_s = str(marker), mb, after, sleep_s
        self.kill = kill
        self.seen = 0
        self.hog: list[bytearray] = []

    def __call__(self, text: str, **meta: Any) -> Any:
        from claims import analyze_article

        self.seen += 1
        if (self.mb or self.kill) and self.seen > self.after:
            try:
                fd = os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                pass
            else:
                os.close(fd)
                if self.kill:
                    os._exit(9)  # like SIGKILL: no clean-up, the transaction never commits
                for _ in range(self.mb):  # touched pages, so the RSS really grows
                    self.hog.append(bytearray(b"x" * 2**20))
                    time.sleep(0.002)
                time.sleep(20)  # the nanny kills this process before this ends
                Path(self.marker + ".survived").touch()
        if self.sleep_s:
            time.sleep(self.sleep_s)
        return analyze_article(text, **meta)


def stored_counts(url: str) -> dict[str, int]:
    """Articles, distinct content hashes and orphan claims in the database at ``url``."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        total, distinct = conn.execute(text(
            "SELECT count(*), count(DISTINCT content_hash) FROM articles")).one()
        orphans = conn.execute(text(
            "SELECT count(*) FROM claims c LEFT JOIN articles a ON a.id = c.article_id "
            "WHERE a.id IS NULL")).scalar_one()
    engine.dispose()
    return {"stored": int(total), "duplicates": int(total - distinct), "orphans": int(orphans)}


def _articles(n: int, words: int = 120) -> list:
    from bench.ingest import generate_articles, place_names

    return generate_articles(n, place_names(120), words=words, seed=17)


def _register_by_value() -> None:
    import cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])


def _judged(result: dict[str, Any]) -> dict[str, Any]:
    """Add ``lost`` and ``survived`` (fault happened, every article stored exactly once)."""
    result["lost"] = max(0, result["expected"] - result["stored"])
    result["survived"] = bool(result["fault_happened"] and result["lost"] == 0
                              and result["duplicates"] == 0 and result["orphans"] == 0)
    return result


def _local_run(url: str, count: int, analyzer: ExplodeOnce, **options: Any) -> dict:
    from store.ingest.dask_engine import DaskIngest

    _register_by_value()
    with DaskIngest(url, workers=2, batch_size=4, analyzer=analyzer, **options) as engine:
        results = list(engine.run(_articles(count)))
    return {"statuses": dict(Counter(r.status for r in results)), **stored_counts(url)}


def scenario_oom(url: str, workdir: Path, *, count: int = 24) -> dict[str, Any]:
    """A worker goes over its memory limit mid-batch; its nanny restarts it."""
    workdir.mkdir(parents=True, exist_ok=True)
    marker = workdir / "oom"
    got = _local_run(url, count, ExplodeOnce(marker, mb=1200), memory_limit="900MB")
    killed = marker.exists() and not Path(str(marker) + ".survived").exists()
    return _judged({"expected": count, "fault_happened": killed, **got})


def scenario_worker_killed(url: str, workdir: Path, *, count: int = 24) -> dict[str, Any]:
    """A worker process exits hard in the middle of a batch; the scheduler retries it."""
    workdir.mkdir(parents=True, exist_ok=True)
    marker = workdir / "killed"
    got = _local_run(url, count, ExplodeOnce(marker, kill=True))
    return _judged({"expected": count, "fault_happened": marker.exists(), **got})


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _start(args: list[str], log: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", *args], stdout=log.open("ab"),
                            stderr=subprocess.STDOUT, start_new_session=True)


def _cluster(workdir: Path) -> tuple[str, list[subprocess.Popen]]:
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    log = workdir / "cluster.log"
    scheduler = _start(["distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port",
                        str(port), "--no-dashboard"], log)
    worker = _start(["distributed.cli.dask_worker", address, "--nworkers", "1", "--nthreads",
                     "1", "--no-dashboard"], log)
    return address, [scheduler, worker]


def _stop(procs: list[subprocess.Popen]) -> None:
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)


def scenario_scheduler_gone(url: str, workdir: Path, *, count: int = 40,
                            kill_after: int = 8) -> dict[str, Any]:
    """Kill the scheduler mid-run; the ingest stops with an error; a re-run completes it."""
    from core.errors import IngestError
    from store.ingest.dask_engine import DaskIngest

    _register_by_value()
    workdir.mkdir(parents=True, exist_ok=True)
    articles = _articles(count)
    analyzer = ExplodeOnce(workdir / "unused", sleep_s=0.05)
    address, procs = _cluster(workdir)
    error = None
    first: list = []
    try:
        with DaskIngest(url, scheduler=address, batch_size=4, analyzer=analyzer) as engine:
            try:
                for result in engine.run(articles):
                    first.append(result)
                    if len(first) == kill_after:
                        os.killpg(procs[0].pid, signal.SIGKILL)
            except IngestError as err:
                error = str(err)
    finally:
        _stop(procs)
    after_first = stored_counts(url)["stored"]
    address, procs = _cluster(workdir)
    try:
        with DaskIngest(url, scheduler=address, batch_size=4, analyzer=analyzer) as engine:
            again = list(engine.run(articles))
    finally:
        _stop(procs)
    return _judged({"expected": count, "fault_happened": error is not None, "error": error,
                    "stored_before_rerun": after_first,
                    "rerun_statuses": dict(Counter(r.status for r in again)),
                    **stored_counts(url)})
