"""Reliability figures: bad inputs, killed ingests, locked databases, concurrent ingests.

``python -m bench.reliability`` runs every scenario on throw-away SQLite databases in a
temporary directory, then the round-two cases of issue 17 (``bench.reliability_cases``:
damaged, full and read-only databases, symbolic links, odd names and charsets,
concurrent browser sessions), and prints: inputs tried, crashes, data lost, duplicates
and the fault scenarios survived. The scenario drivers are plain functions returning dicts so
``tests/reliability`` runs the same code on smaller sizes.

Everything runs the real ``conflictmap`` command in subprocesses (a crash there is a
traceback on the user's terminal) and inspects the database file directly with sqlite3.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from core.paths import project_root

__all__ = [
    "DbState",
    "cli_env",
    "db_state",
    "is_crash",
    "judge",
    "latest_article_text",
    "load_catalogue_module",
    "make_batch",
    "pg_state",
    "pipeline_ready",
    "run_cli",
    "scenario_catalogue",
    "scenario_concurrent",
    "scenario_fuzz",
    "scenario_kill",
    "scenario_locked",
]

#: Tables whose rows make up the user's data (what "lost" and "partial write" count).
DATA_TABLES = ("sources", "articles", "mentions", "claims", "places", "corrections")
CLI = "import sys; from cli.main import main; sys.exit(main())"


def pipeline_ready() -> bool:
    """True once the ingest command and the analysis pipeline it calls are importable."""
    if importlib.util.find_spec("cli.store_cmd") is None:
        return False
    import claims
    import gazetteer

    return hasattr(claims, "analyze_article") and hasattr(gazetteer, "get_index")


def load_catalogue_module() -> Any:
    """Import ``tests/reliability/bad_inputs.py`` (the shared catalogue) from the checkout."""
    path = project_root() / "tests" / "reliability" / "bad_inputs.py"
    spec = importlib.util.spec_from_file_location("conflictmap_bad_inputs", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def make_batch(directory: Path, count: int, *, start: int = 0, words: int = 160) -> list[Path]:
    """Write ``count`` distinct synthetic articles as ``.txt`` files; return their paths."""
    article_text = load_catalogue_module().article_text
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(start, start + count):
        path = directory / f"article-{number:05d}.txt"
        path.write_text(article_text(number, words=words), encoding="utf-8")
        paths.append(path)
    return paths


def cli_env(db_path: Path, home: Path, **extra: str) -> dict[str, str]:
    """Environment for a ``conflictmap`` subprocess on the SQLite file ``db_path``."""
    env = dict(os.environ)
    env.update({"DATABASE_URL": f"sqlite:///{db_path}", "CONFLICTMAP_HOME": str(home),
                "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


def run_cli(args: Sequence[str], env: dict[str, str], *, timeout: float = 300.0,
            memory_limit_mb: int | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``conflictmap ARGS`` in a subprocess and capture its output.

    ``memory_limit_mb`` caps the child's address space, so a runaway read fails fast
    instead of exhausting the machine.
    """
    def limit() -> None:
        import resource

        cap = int(memory_limit_mb) * 1024 * 1024  # type: ignore[arg-type]
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    return subprocess.run([sys.executable, "-c", CLI, *args], env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL,
                          cwd=str(project_root()),
                          preexec_fn=limit if memory_limit_mb else None)  # noqa: PLW1509


def is_crash(returncode: int, output: str) -> bool:
    """A crash: a Python traceback shown to the user, or death by a signal."""
    return "Traceback (most recent call last)" in output or returncode < 0 or returncode > 2


class DbState(dict):
    """Row counts per data table plus integrity figures of one SQLite file."""

    @property
    def articles(self) -> int:
        """Number of stored articles."""
        return int(self.get("articles", 0))


def db_state(db_path: Path) -> DbState:
    """Read counts, ``PRAGMA integrity_check``, foreign-key violations and duplicates."""
    state = DbState()
    if not db_path.exists():
        state.update(integrity="missing", fk_violations=0, duplicate_hashes=0)
        return state
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        for table in DATA_TABLES:
            if table in tables:
                state[table] = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        state["integrity"] = conn.execute("PRAGMA integrity_check").fetchone()[0]
        state["fk_violations"] = len(conn.execute("PRAGMA foreign_key_check").fetchall())
        if "articles" in tables:
            state["duplicate_hashes"] = conn.execute(
                "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
                "HAVING count(*) > 1)").fetchone()[0]
            state["duplicate_texts"] = conn.execute(
                "SELECT count(*) - count(DISTINCT text) FROM articles").fetchone()[0]
        else:
            state["duplicate_hashes"] = state["duplicate_texts"] = 0
    finally:
        conn.close()
    return state


def pg_state(url: str) -> DbState:
    """Counts and duplicate figures of a PostgreSQL database (the server checks integrity)."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    state = DbState(integrity="ok", fk_violations=0)
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            for table in DATA_TABLES:
                if table in tables:
                    state[table] = conn.execute(text(f'SELECT count(*) FROM "{table}"')).scalar()  # noqa: S608
            if "articles" in tables:
                state["duplicate_hashes"] = conn.execute(text(
                    "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
                    "HAVING count(*) > 1) d")).scalar()
                state["duplicate_texts"] = conn.execute(text(
                    "SELECT count(*) - count(DISTINCT text) FROM articles")).scalar()
    finally:
        engine.dispose()
    return state


def _data_counts(state: DbState) -> dict[str, int]:
    return {t: int(state.get(t, 0)) for t in DATA_TABLES}


def latest_article_text(db_path: Path) -> str:
    """The text of the most recently stored article ("" when there is none)."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    try:
        row = conn.execute("SELECT text FROM articles ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    return row[0] if row else ""


def judge(item: Any, before: dict[str, int], db_path: Path, *, exit_code: int | None,
          output: str, crashed: bool) -> list[str]:
    """Compare what happened to a catalogued input with what it should do; list problems.

    ``before`` are the data-table counts before the attempt; ``exit_code`` is None for
    an API call (no exit status to check).
    """
    state = db_state(db_path)
    after = _data_counts(state)
    added = after["articles"] - before["articles"]
    changed = after != before
    problems = []
    if crashed:
        problems.append("crash")
    if item.expect == "reject":
        if changed:
            problems.append("partial write" if added == 0 else "stored a file it should reject")
        if exit_code == 0:
            problems.append("exit status 0 for a rejected file")
    if item.expect == "store":
        if added != 1:
            problems.append(f"not stored (exit {exit_code}): {output.strip()[-200:]}")
        else:
            text = latest_article_text(db_path)
            missing = [w for w in item.must_contain if w not in text]
            if missing:
                problems.append(f"stored text lost {missing!r} (bad decoding)")
    if changed and added == 0 and item.expect != "reject":
        problems.append("partial write: rows written without an article")
    if state.get("integrity") not in ("ok", "missing"):
        problems.append(f"integrity: {state.get('integrity')}")
    if exit_code is not None and not crashed and added == 0 and exit_code == 0 \
            and item.expect == "either":
        problems.append("nothing stored but exit status 0 (the user is not told)")
    return problems


# ------------------------------------------------------------------------------ scenarios

def scenario_catalogue(workdir: Path, *, size_limit_mb: float = 1.0) -> dict[str, Any]:
    """Ingest every catalogued bad input one by one through the CLI; judge each outcome."""
    catalogue = load_catalogue_module()
    db_path, home = workdir / "catalogue.sqlite", workdir / "home"
    env = cli_env(db_path, home, CONFLICTMAP_MAX_FILE_MB=str(size_limit_mb))
    items = catalogue.build_catalogue(workdir / "inputs",
                                      size_limit_bytes=int(size_limit_mb * 1024 * 1024))
    results = []
    for item in items:
        before = _data_counts(db_state(db_path))
        proc = run_cli(["ingest", str(item.path)], env)
        output = proc.stdout + proc.stderr
        problems = judge(item, before, db_path, exit_code=proc.returncode, output=output,
                         crashed=is_crash(proc.returncode, output))
        results.append({"name": item.name, "expect": item.expect, "exit": proc.returncode,
                        "problems": problems, "output": output.strip()[-300:]})
    return {
        "tried": len(results),
        "crashes": sum("crash" in r["problems"] for r in results),
        "partial_writes": sum(any("partial" in p for p in r["problems"]) for r in results),
        "failures": [r for r in results if r["problems"]],
        "results": results,
    }


def _wait_for_articles(db_path: Path, at_least: int, proc: subprocess.Popen, timeout: float
                       ) -> int:
    deadline = time.monotonic() + timeout
    count = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            count = db_state(db_path).articles
        except sqlite3.Error:
            count = 0
        if count >= at_least:
            return count
        time.sleep(0.05)
    return count


def _session_alive(pgid: int) -> bool:
    """True while any process of the session ``pgid`` (the killed CLI's workers) lives."""
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # pragma: no cover - not ours
        return True
    return True


def scenario_kill(workdir: Path, *, count: int = 40, kill_after: int = 5,
                  jobs: int = 1, leak_after_s: float = 120.0) -> dict[str, Any]:
    """SIGKILL an ingest half-way through a batch, check the file, re-run the batch.

    With ``jobs`` > 1 only the parent is killed; its worker processes may finish the
    articles already handed to them, but must then exit (not linger holding memory).
    """
    db_path, home = workdir / "kill.sqlite", workdir / "home"
    env = cli_env(db_path, home)
    batch = make_batch(workdir / "batch", count, start=10_000 + 1000 * jobs)
    args = ["ingest", "-q", str(workdir / "batch")] + (["--jobs", str(jobs)] if jobs > 1 else [])
    proc = subprocess.Popen([sys.executable, "-c", CLI, *args],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, cwd=str(project_root()),
                            start_new_session=True)
    seen = _wait_for_articles(db_path, kill_after, proc, timeout=240)
    killed_mid_batch = proc.poll() is None
    if killed_mid_batch:
        proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    killed_at = time.monotonic()
    while _session_alive(proc.pid) and time.monotonic() - killed_at < leak_after_s:
        time.sleep(0.2)
    workers_exit_s = round(time.monotonic() - killed_at, 1)
    orphans = _session_alive(proc.pid)  # still there after leak_after_s: leaked
    if orphans:
        os.killpg(proc.pid, signal.SIGKILL)  # our own leftover workers
        time.sleep(0.5)
    after_kill = db_state(db_path)
    rerun = run_cli(["ingest", str(workdir / "batch")], env)
    final = db_state(db_path)
    survived = (killed_mid_batch and not orphans and after_kill.get("integrity") == "ok"
                and after_kill.get("fk_violations") == 0 and final.get("integrity") == "ok"
                and final.articles == len(batch) and final.get("duplicate_hashes") == 0
                and final.get("duplicate_texts") == 0 and rerun.returncode == 0)
    return {
        "jobs": jobs, "killed_mid_batch": killed_mid_batch,
        "articles_when_killed": after_kill.articles,
        "seen_before_kill": seen, "integrity_after_kill": after_kill.get("integrity"),
        "fk_violations_after_kill": after_kill.get("fk_violations"),
        "workers_gone_after_s": workers_exit_s, "workers_leaked": orphans,
        "rerun_exit": rerun.returncode, "rerun_output": (rerun.stdout + rerun.stderr)[-300:],
        "final_articles": final.articles, "expected": len(batch),
        "lost": max(0, len(batch) - final.articles),
        "duplicates": int(final.get("duplicate_hashes", 0)) + int(final.get("duplicate_texts", 0)),
        "survived": survived,
    }


def scenario_locked(workdir: Path, *, hold_seconds: float = 3.0) -> dict[str, Any]:
    """Hold the SQLite write lock from another connection while an ingest runs."""
    db_path, home = workdir / "locked.sqlite", workdir / "home"
    env = cli_env(db_path, home)
    make_batch(workdir / "warm", 1, start=20_000)
    warm = run_cli(["ingest", str(workdir / "warm")], env)  # creates and migrates the file
    batch = make_batch(workdir / "locked-batch", 3, start=20_100)
    locker = sqlite3.connect(str(db_path), timeout=30, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # the write lock, as a long writer would hold it
    locker.execute("CREATE TABLE IF NOT EXISTS _reliability_lock_probe (x INTEGER)")
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-c", CLI, "ingest", str(workdir / "locked-batch")],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            stdin=subprocess.DEVNULL, cwd=str(project_root()))
    time.sleep(hold_seconds)
    # Still running and nothing new stored: it is waiting for the lock, not failing.
    blocked = proc.poll() is None and db_state(db_path).articles == 1
    locker.execute("ROLLBACK")
    locker.close()
    out, _ = proc.communicate(timeout=120 + hold_seconds)
    elapsed = time.monotonic() - started
    proc.stdout, proc.stderr = out, ""  # type: ignore[assignment]
    final = db_state(db_path)
    output = proc.stdout + proc.stderr
    survived = (blocked and warm.returncode == 0 and proc.returncode == 0
                and not is_crash(proc.returncode, output)
                and final.articles == 1 + len(batch) and final.get("integrity") == "ok")
    return {"hold_seconds": hold_seconds, "blocked_while_locked": blocked,
            "waited_seconds": round(elapsed, 2),
            "exit": proc.returncode, "articles": final.articles, "expected": 1 + len(batch),
            "output": output[-300:], "survived": survived}


def scenario_concurrent(workdir: Path, *, processes: int = 4, count: int = 24,
                        per_process: int = 12, database_url: str | None = None
                        ) -> dict[str, Any]:
    """Start ``processes`` ingests at once over overlapping slices of one batch.

    The database (a new SQLite file, or the empty PostgreSQL database ``database_url``)
    has no schema yet, so the processes also race to create and migrate it. Every
    article must end up stored exactly once.
    """
    db_path, home = workdir / "concurrent.sqlite", workdir / "home"
    env = cli_env(db_path, home)
    if database_url:
        env["DATABASE_URL"] = database_url
    batch = make_batch(workdir / "all", count, start=30_000)
    step = max(1, count // processes)
    procs = []
    for index in range(processes):
        chosen = [batch[(index * step + k) % count] for k in range(per_process)]
        procs.append(subprocess.Popen(
            [sys.executable, "-c", CLI, "ingest", *map(str, chosen)], env=env,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            stdin=subprocess.DEVNULL, cwd=str(project_root())))
    outputs = [p.communicate(timeout=600)[0] for p in procs]
    covered = {batch[(i * step + k) % count] for i in range(processes) for k in range(per_process)}
    final = pg_state(database_url) if database_url else db_state(db_path)
    exits = [p.returncode for p in procs]
    crashes = sum(is_crash(code, out) for code, out in zip(exits, outputs, strict=True))
    lost = max(0, len(covered) - final.articles)
    duplicates = int(final.get("duplicate_hashes", 0)) + int(final.get("duplicate_texts", 0))
    survived = (all(code == 0 for code in exits) and crashes == 0 and lost == 0
                and duplicates == 0 and final.articles == len(covered)
                and final.get("integrity") == "ok")
    return {"processes": processes, "exits": exits, "crashes": crashes,
            "distinct_articles": len(covered), "stored": final.articles, "lost": lost,
            "duplicates": duplicates, "integrity": final.get("integrity"),
            "outputs": [o[-300:] for o in outputs if o and "Traceback" in o], "survived": survived}


def _mutants(rng: Any, base: bytes, count: int) -> list[bytes]:
    out = []
    for _ in range(count):
        data = bytearray(base)
        for _ in range(rng.randint(1, 6)):
            at = rng.randrange(len(data))
            data[at:at + rng.randint(0, 12)] = rng.choice(
                [b"<<", b">>", b"[", b"]", b"0 R", b"/Length 99999", b"endobj", b"\x00",
                 bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 8)))])
        out.append(bytes(data[: rng.randint(8, len(data))] if rng.random() < 0.3 else data))
    return out


def scenario_fuzz(count: int = 2000, *, seed: int = 8) -> dict[str, Any]:
    """Feed ``count`` random and mutated files to the shared reader (``read_bytes``).

    Counts the inputs that raised anything but a :class:`ConflictMapError` (a crash for
    the user) or yielded an article whose text cannot be stored as UTF-8.
    """
    import json
    import logging
    import random

    catalogue = load_catalogue_module()
    rng = random.Random(seed)
    pdf = catalogue.make_text_pdf(["Fighting near Benghazi on Tuesday, officials said.",
                                   "The front is some 60 km south of Misrata."])
    html = ("<html><head><title>T</title></head><body><p>"
            + catalogue.article_text(1) + "</p></body></html>").encode()
    jsonl = "\n".join(json.dumps({"text": catalogue.article_text(i), "title": f"t{i}"})
                      for i in range(3)).encode()
    kinds = [(".pdf", pdf), (".html", html), (".jsonl", jsonl), (".txt", html)]
    crashes: list[str] = []
    pypdf_log = logging.getLogger("pypdf")
    previous_level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)  # thousands of "EOF marker not found" warnings
    try:
        _fuzz_loop(rng, kinds, count, crashes)
    finally:
        pypdf_log.setLevel(previous_level)
    return {"tried": count, "crashes": len(crashes), "examples": crashes[:5]}


def _fuzz_loop(rng: Any, kinds: list[tuple[str, bytes]], count: int, crashes: list[str]) -> None:
    from core.errors import ConflictMapError
    from store.ingest import read_bytes
    from store.types import ArticleInput

    for number in range(count):
        suffix, base = kinds[number % len(kinds)]
        if number % 5 == 4:
            data = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 2000)))
        else:
            data = _mutants(rng, base, 1)[0]
        try:
            items = read_bytes(f"fuzz{suffix}", data)
        except ConflictMapError:
            continue
        except Exception as err:  # noqa: BLE001 - what we count
            crashes.append(f"{suffix}: {type(err).__name__}: {str(err)[:80]}")
            continue
        for item in items:
            if isinstance(item, ArticleInput):
                try:
                    item.text.encode("utf-8")
                except UnicodeEncodeError:
                    crashes.append(f"{suffix}: text with lone surrogates accepted")


# --------------------------------------------------------------------------------- report

def _on_fresh_postgres(base_url: str, run: Any) -> dict[str, Any]:
    """Run ``run(url)`` on a new database of the server at ``base_url``; drop it after."""
    import uuid

    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cm_reliability_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))  # noqa: S608 - generated name
        return run(make_url(base_url).set(database=name).render_as_string(hide_password=False))
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # noqa: S608
        admin.dispose()


def main(argv: Sequence[str] | None = None) -> int:
    """Run every scenario and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kill-batch", type=int, default=60)
    parser.add_argument("--concurrent-batch", type=int, default=40)
    parser.add_argument("--fuzz", type=int, default=2000, help="fuzzed files for the reader")
    parser.add_argument("--no-browser", action="store_true",
                        help="skip the concurrent browser sessions (Chromium) case")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="conflictmap-reliability-") as tmp:
        root = Path(tmp)
        started = time.monotonic()
        catalogue = scenario_catalogue(root / "catalogue")
        fuzz = scenario_fuzz(args.fuzz)
        print(f"inputs tried: {catalogue['tried'] + fuzz['tried']} "
              f"({catalogue['tried']} catalogued files through the CLI, "
              f"{fuzz['tried']} fuzzed files through the reader)")
        print(f"  fuzzed files: crashes {fuzz['crashes']} {fuzz['examples'] or ''}")
        print(f"bad inputs tried: {catalogue['tried']}")
        print(f"  crashes (traceback shown): {catalogue['crashes']}")
        print(f"  partial writes: {catalogue['partial_writes']}")
        print(f"  inputs handled wrongly: {len(catalogue['failures'])}")
        for failure in catalogue["failures"]:
            print(f"    - {failure['name']}: {'; '.join(failure['problems'])}")
        scenarios = {
            "SIGKILL mid-batch, re-run": scenario_kill(root / "kill", count=args.kill_batch),
            "SIGKILL mid-batch with --jobs 2, re-run": scenario_kill(
                root / "kill-jobs", count=args.kill_batch, jobs=2),
            "database locked for 3 s": scenario_locked(root / "locked"),
            "4 concurrent ingests": scenario_concurrent(
                root / "concurrent", count=args.concurrent_batch,
                per_process=args.concurrent_batch // 2),
        }
        postgres = os.environ.get("CONFLICTMAP_TEST_POSTGRES_URL")
        if postgres:
            scenarios["4 concurrent ingests on PostgreSQL"] = _on_fresh_postgres(
                postgres, lambda url: scenario_concurrent(
                    root / "concurrent-pg", count=args.concurrent_batch,
                    per_process=args.concurrent_batch // 2, database_url=url))
        cases = _round_two(root / "round-two", browser=not args.no_browser)
        scenarios.update(cases)
        lost = sum(int(s.get("lost", 0)) for s in scenarios.values())
        duplicates = sum(int(s.get("duplicates", 0)) for s in scenarios.values())
        for name, result in scenarios.items():
            hidden = ("output", "outputs", "rerun_output")
            shown = {k: v for k, v in result.items() if k not in hidden}
            print(f"{name}: {'survived' if result['survived'] else 'FAILED'} {shown}")
        survived = sum(bool(s["survived"]) for s in scenarios.values())
        case_tried = sum(int(c.get("tried", 0)) for c in cases.values())
        case_crashes = sum(int(c.get("crashes", 0)) for c in cases.values())
        print(f"round-two cases (issue 17): inputs tried {case_tried}, crashes {case_crashes}, "
              f"survived {sum(bool(c['survived']) for c in cases.values())}/{len(cases)}")
        print(f"inputs tried, all: {catalogue['tried'] + fuzz['tried'] + case_tried}")
        print(f"crashes, all: {catalogue['crashes'] + fuzz['crashes'] + case_crashes}")
        print(f"data lost (articles): {lost}")
        print(f"duplicates: {duplicates}")
        print(f"fault scenarios survived: {survived}/{len(scenarios)}")
        print(f"elapsed: {time.monotonic() - started:.1f} s")
    ok = survived == len(scenarios) and catalogue["crashes"] == 0 and fuzz["crashes"] == 0
    return 0 if ok else 1


def _round_two(workdir: Path, *, browser: bool) -> dict[str, dict[str, Any]]:
    """Run the issue-17 cases (``bench.reliability_cases``), each in its own directory."""
    from bench.reliability_cases import CASES, case_sessions_and_404s

    results: dict[str, dict[str, Any]] = {}
    for number, (name, case) in enumerate(CASES.items()):
        if case is case_sessions_and_404s and not browser:
            continue
        results[name] = case(workdir / f"case-{number:02d}")
    return results


if __name__ == "__main__":
    raise SystemExit(main())
