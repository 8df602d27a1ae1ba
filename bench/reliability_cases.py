"""Reliability round two (issue 17): the ten failures a hidden probe found, as cases.

Each case builds its inputs in a temporary directory, runs the real ``conflictmap``
command in subprocesses (:func:`bench.reliability.run_cli`) and returns a dict with the
figures ``python -m bench.reliability`` sums: ``tried`` (inputs or runs), ``crashes``
(tracebacks or signals), ``lost`` (articles that should be stored and are not),
``duplicates``, ``survived`` and the ``problems`` seen. ``tests/reliability`` runs the
same functions. :data:`CASES` lists them in the issue's order.
"""

from __future__ import annotations

import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.reliability import (
    CLI,
    cli_env,
    db_state,
    is_crash,
    load_catalogue_module,
    make_batch,
    run_cli,
)
from core.paths import project_root

__all__ = ["CASES", "case_damaged_database", "case_disk_full", "case_false_charset",
           "case_huge_integer", "case_list_title", "case_name_once", "case_punycode_charset",
           "case_read_only", "case_sessions_and_404s", "case_surrogate_names", "case_symlinks",
           "fsize_limited"]

Result = dict[str, Any]


def _result(tried: int, outputs: list[tuple[int, str]], problems: list[str], *,
            lost: int = 0, duplicates: int = 0, **detail: Any) -> Result:
    crashes = sum(is_crash(code, out) for code, out in outputs)
    if crashes:
        problems = [*problems, f"{crashes} run(s) showed a traceback"]
    return {"tried": tried, "crashes": crashes, "lost": lost, "duplicates": duplicates,
            "survived": not problems and not lost and not duplicates, "problems": problems,
            **detail}


def _run(args: list[str], env: dict[str, str], **kwargs: Any) -> tuple[int, str]:
    proc = run_cli(args, env, **kwargs)
    return proc.returncode, proc.stdout + proc.stderr


def _column(db_path: Path, column: str) -> list[Any]:
    """One column of the stored articles, in order (read-only; empty when no database)."""
    if column not in {"title", "origin", "text"}:
        raise ValueError(f"not an article column read here: {column!r}")
    if not db_path.exists():
        return []
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute(f"SELECT {column} FROM articles ORDER BY id")]  # noqa: S608 (a column from the fixed set above)
    finally:
        conn.close()


# ---------------------------------------------------------------------- data lost

def case_huge_integer(workdir: Path) -> Result:
    """A JSON line with a 5,000-digit integer: its neighbours are stored, no traceback.

    Also through the upload path (``read_bytes``): an error item, not an exception.
    """
    from core.errors import ConflictMapError
    from store.ingest import read_bytes

    catalogue = load_catalogue_module()
    db_path = workdir / "huge.sqlite"
    env = cli_env(db_path, workdir / "home")
    path = next(i.path for i in catalogue.build_catalogue(workdir / "inputs")
                if i.name == "huge_integer.jsonl")
    code, out = _run(["ingest", str(path)], env)
    problems = []
    stored = db_state(db_path).articles
    if code != 1 or f"{path}:2" not in out:
        problems.append(f"line 2 not reported as failed (exit {code}): {out[-200:]}")
    try:
        items = read_bytes(path.name, path.read_bytes())
        errors = [i for i in items if isinstance(i, ConflictMapError)]
        if len(items) != 3 or len(errors) != 1:
            problems.append(f"upload path: {len(items)} items, {len(errors)} errors")
    except Exception as err:  # noqa: BLE001 - what this case looks for
        problems.append(f"upload path raised {type(err).__name__}")
    return _result(2, [(code, out)], problems, lost=max(0, 2 - stored), stored=stored)


def case_punycode_charset(workdir: Path) -> Result:
    """A directory whose middle file declares ``charset=punycode``: every file is stored."""
    catalogue = load_catalogue_module()
    folder = workdir / "dir"
    folder.mkdir(parents=True)
    make_batch(folder, 1, start=50_000)  # article-50000.txt sorts first
    source = next(i.path for i in catalogue.build_catalogue(workdir / "inputs")
                  if i.name == "punycode_charset.html")
    (folder / "b-punycode.html").write_bytes(source.read_bytes())
    (folder / "c-after.txt").write_text(catalogue.article_text(50_001), encoding="utf-8")
    db_path = workdir / "puny.sqlite"
    code, out = _run(["ingest", str(folder)], cli_env(db_path, workdir / "home"))
    stored = db_state(db_path).articles
    problems = [] if code == 0 else [f"exit {code}: {out[-200:]}"]
    return _result(3, [(code, out)], problems, lost=max(0, 3 - stored), stored=stored)


# ------------------------------------------------------------- tracebacks shown

def _damage_middle(db_path: Path) -> None:
    """Overwrite every page but the first (schema) and the last with random bytes."""
    _checkpoint(db_path)
    pages = db_path.stat().st_size // 4096
    with db_path.open("r+b") as handle:
        for page in range(1, max(2, pages - 1)):
            handle.seek(page * 4096)
            handle.write(os.urandom(4096))


def case_damaged_database(workdir: Path) -> Result:
    """Middle pages of a SQLite file destroyed: a "damaged" message and how to recover."""
    db_path = workdir / "damaged.sqlite"
    env = cli_env(db_path, workdir / "home")
    _run(["demo"], env)
    _damage_middle(db_path)
    [article] = make_batch(workdir / "one", 1, start=51_000)
    runs = [_run(args, env) for args in (["stats"], ["ingest", "-q", str(article)],
                                         ["export", "--format", "csv"])]
    problems = []
    for args, (code, out) in zip(("stats", "ingest", "export"), runs, strict=True):
        if "[SQL:" in out or "sqlalche.me" in out:
            problems.append(f"{args}: SQL text shown")
        if code != 0 and not ("damaged" in out and ".recover" in out):
            problems.append(f"{args}: exit {code} without the recovery advice: {out[-160:]}")
    if all(code == 0 for code, _ in runs):
        problems.append("the damage went unnoticed")
    return _result(len(runs), runs, problems)


def fsize_limited(limit_bytes: int) -> Callable[[], None]:
    """A ``preexec_fn`` capping files the child writes at ``limit_bytes`` (a "full disk").

    SIGXFSZ is ignored, so the write that crosses the cap fails with ``EFBIG`` (or is
    cut short), as a write to a full disk fails with ``ENOSPC``.
    """
    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return limit


def _run_limited(args: list[str], env: dict[str, str], limit_bytes: int) -> tuple[int, str]:
    proc = subprocess.run([sys.executable, "-c", CLI, *args], env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL,
                          cwd=str(project_root()),
                          preexec_fn=fsize_limited(limit_bytes))  # noqa: PLW1509
    return proc.returncode, proc.stdout + proc.stderr


def case_disk_full(workdir: Path, *, count: int = 24) -> Result:
    """Ingest, ``demo`` and ``export -o`` against a full disk (a file size cap).

    The ingest stops at the first failed write with one message; ``demo`` is all or
    nothing; the export leaves no file. A re-run without the cap stores the rest once.
    """
    db_path = workdir / "full.sqlite"
    env = cli_env(db_path, workdir / "home")
    make_batch(workdir / "batch", count, start=52_000)
    runs = [_run(["stats"], env)]  # creates the schema (about 100 kB)
    _checkpoint(db_path)
    cap = db_path.stat().st_size + 200_000
    runs.append(_run_limited(["ingest", "-q", str(workdir / "batch")], env, cap))
    code, out = runs[-1]
    problems = []
    if code != 1 or out.count("stopped:") != 1 or "full" not in out:
        problems.append(f"ingest: exit {code}, not one 'disk full' stop: {out[-200:]}")
    if "failed:" in out:
        problems.append("ingest: articles reported one by one after the disk was full")
    before_demo = db_state(db_path).articles
    _checkpoint(db_path)
    runs.append(_run_limited(["demo"], env, db_path.stat().st_size + 8_000))
    demo_rows = db_state(db_path).articles - before_demo
    if runs[-1][0] == 0 or demo_rows != 0:
        problems.append(f"demo: exit {runs[-1][0]}, {demo_rows} demo articles left behind")
    runs.append(_run(["ingest", "-q", str(workdir / "batch")], env))
    runs.append(_run(["demo"], env))
    output = workdir / "claims.geojson"
    runs.append(_run_limited(["export", "-o", str(output)], env, 40_000))
    leftovers = [p.name for p in workdir.iterdir() if p.name.startswith((".claims", "claims"))]
    if runs[-1][0] == 0 or leftovers:
        problems.append(f"export -o: exit {runs[-1][0]}, left {leftovers}")
    final = db_state(db_path)
    from_batch = sum(o.startswith(str(workdir / "batch")) for o in _column(db_path, "origin"))
    return _result(len(runs), runs, problems, lost=max(0, count - from_batch),
                   duplicates=int(final.get("duplicate_hashes", 0)),
                   batch_stored_after_rerun=from_batch,
                   demo_articles=final.articles - from_batch)


def _checkpoint(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def case_surrogate_names(workdir: Path) -> Result:
    """File names with bytes that are not UTF-8 are stored, shown as ``\\xNN``."""
    catalogue = load_catalogue_module()
    folder = workdir / "names"
    folder.mkdir(parents=True)
    names = [b"caf\xe9-2020-01-13.txt", b"\xff\xfe-report.md", b"plain.txt"]
    for number, raw in enumerate(names):
        (folder / os.fsdecode(raw)).write_text(catalogue.article_text(53_000 + number))
    db_path = workdir / "names.sqlite"
    env = cli_env(db_path, workdir / "home")
    runs = [_run(["ingest", str(folder)], env),
            _run(["ingest", os.fsdecode(folder / os.fsdecode(names[0]))], env)]
    stored = db_state(db_path).articles
    problems = [f"exit {c}: {o[-200:]}" for c, o in runs if c != 0]
    if stored == len(names) and not any("\\xe9" in o for o in _column(db_path, "origin")):
        problems.append("the undecodable byte is not shown in the origin")
    return _result(len(names) + 1, runs, problems, lost=max(0, len(names) - stored))


# -------------------------------------------------------------- wrong but quiet

def case_false_charset(workdir: Path) -> Result:
    """A UTF-8 page with ``<meta charset=iso-8859-1>``: the accents survive."""
    catalogue = load_catalogue_module()
    item = next(i for i in catalogue.build_catalogue(workdir / "inputs")
                if i.name == "false_latin1_charset.html")
    db_path = workdir / "charset.sqlite"
    code, out = _run(["ingest", str(item.path)], cli_env(db_path, workdir / "home"))
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        text = (conn.execute("SELECT text FROM articles").fetchone() or [""])[0]
    finally:
        conn.close()
    missing = [w for w in item.must_contain if w not in text]
    problems = [f"garbled: {missing} missing"] if missing else []
    return _result(1, [(code, out)], problems, lost=0 if text else 1)


def _read_only_view(folder: Path) -> tuple[Path | None, Callable[[], None]]:
    """``folder`` made unwritable for this process: chmod, or a read-only bind mount for root.

    Returns (the folder to use, undo); (None, no-op) when neither is possible.
    """
    if os.geteuid() != 0:
        for path in (*folder.iterdir(), folder):
            path.chmod(0o555 if path.is_dir() else 0o444)
        return folder, lambda: [p.chmod(0o755) for p in (folder, *folder.iterdir())]
    view = folder.parent / f"{folder.name}-ro"
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(folder), str(view)],
                             capture_output=True).returncode == 0
    if mounted and subprocess.run(["mount", "-o", "remount,bind,ro", str(view)],
                                  capture_output=True).returncode == 0:
        return view, lambda: subprocess.run(["umount", str(view)], check=False)
    if mounted:
        subprocess.run(["umount", str(view)], check=False)
    return None, lambda: None


def case_read_only(workdir: Path) -> Result:
    """A read-only database: ``stats`` and ``export`` read it; ``ingest`` says read-only."""
    folder = workdir / "db"
    folder.mkdir(parents=True)
    db_path = folder / "ro.sqlite"
    run_env = cli_env(db_path, workdir / "home")
    _run(["demo"], run_env)
    _checkpoint(db_path)
    view, undo = _read_only_view(folder)
    if view is None:
        return {**_result(0, [], []), "skipped": "cannot make a read-only file here"}
    try:
        env = cli_env(view / db_path.name, workdir / "home")
        [article] = make_batch(workdir / "one", 1, start=54_000)
        runs = [_run(["stats", "--json"], env), _run(["export", "--format", "csv"], env),
                _run(["ingest", "-q", str(article)], env)]
    finally:
        undo()
    problems = []
    if runs[0][0] != 0 or '"claims"' not in runs[0][1]:
        problems.append(f"stats: exit {runs[0][0]}: {runs[0][1][-160:]}")
    if runs[1][0] != 0 or runs[1][1].count("\n") < 10:
        problems.append(f"export: exit {runs[1][0]}: {runs[1][1][-160:]}")
    if runs[2][0] == 0 or "read-only" not in runs[2][1]:
        problems.append(f"ingest: exit {runs[2][0]} without 'read-only': {runs[2][1][-160:]}")
    return _result(len(runs), runs, problems)


def case_symlinks(workdir: Path) -> Result:
    """Links out of the directory are not followed unless ``--follow-symlinks``."""
    catalogue = load_catalogue_module()
    outside = workdir / "outside"
    outside.mkdir(parents=True)
    (outside / "secret.txt").write_text(catalogue.article_text(55_000))
    (outside / "more").mkdir()
    (outside / "more" / "deep.txt").write_text(catalogue.article_text(55_001))
    folder = workdir / "upload"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "inside.txt").write_text(catalogue.article_text(55_002))
    (folder / "a-secret.txt").symlink_to(outside / "secret.txt")
    (folder / "b-dir").symlink_to(outside / "more", target_is_directory=True)
    (folder / "c-inside.txt").symlink_to(folder / "sub" / "inside.txt")
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    db_path = workdir / "links.sqlite"
    env = cli_env(db_path, workdir / "home")
    runs = [_run(["ingest", str(folder)], env)]
    texts = _column(db_path, "text")
    problems = []
    if any("55000" in t or "55001" in t for t in texts):
        problems.append("a file outside the directory was stored")
    if runs[0][1].count("not followed") != 2:
        problems.append(f"links out not reported: {runs[0][1][-200:]}")
    stored_default = len(texts)
    runs.append(_run(["ingest", "--follow-symlinks", str(folder)], env))
    final = db_state(db_path)
    if runs[1][0] != 0 or final.articles != 3:
        problems.append(f"--follow-symlinks: exit {runs[1][0]}, {final.articles} articles")
    return _result(2, runs, problems, lost=max(0, 1 - stored_default),
                   duplicates=int(final.get("duplicate_hashes", 0)))


def case_list_title(workdir: Path) -> Result:
    """``"title": ["Sirte falls", "day 3"]`` is stored as text, not as a Python repr."""
    catalogue = load_catalogue_module()
    path = workdir / "titles.jsonl"
    workdir.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"title": ["Sirte falls", "day 3"],
                                "text": catalogue.article_text(56_000)}) + "\n")
    db_path = workdir / "titles.sqlite"
    code, out = _run(["ingest", str(path)], cli_env(db_path, workdir / "home"))
    titles = _column(db_path, "title")
    problems = [] if titles == ["Sirte falls; day 3"] else [f"stored titles {titles!r}"]
    return _result(1, [(code, out)], problems, lost=0 if titles else 1)


def case_name_once(workdir: Path) -> Result:
    """Failure messages name the file once (was ``big20.txt: big20.txt: ...``)."""
    folder = workdir / "files"
    folder.mkdir(parents=True)
    (folder / "big20.txt").write_bytes(b"Sirte. " * 200_000)
    (folder / "bad.jsonl").write_text('{"text": "Sirte fell."}\n{broken\n')
    (folder / "empty.md").write_text("")
    env = cli_env(workdir / "once.sqlite", workdir / "home", CONFLICTMAP_MAX_FILE_MB="1")
    code, out = _run(["ingest", str(folder)], env)
    lines = [ln for ln in out.splitlines() if "failed:" in ln]
    problems = [f"repeated: {ln.strip()}" for ln in lines
                if max(ln.count(n) for n in ("big20.txt", "bad.jsonl", "empty.md")) > 1]
    if len(lines) != 3:
        problems.append(f"{len(lines)} failure lines, expected 3: {out[-300:]}")
    return _result(3, [(code, out)], problems)


def case_sessions_and_404s(workdir: Path, *, sessions: int = 6, rounds: int = 2) -> Result:
    """Concurrent browser sessions on every page: no page error, and 404s accounted for.

    Needs Chromium and playwright (skipped otherwise). See
    :mod:`bench.reliability_browser`.
    """
    from bench.reliability_browser import concurrent_sessions

    return concurrent_sessions(workdir, sessions=sessions, rounds=rounds)


#: The issue's cases in its order, by the name the report prints.
CASES: dict[str, Callable[[Path], Result]] = {
    "JSON line with a 5,000-digit integer": case_huge_integer,
    "meta charset=punycode in a directory": case_punycode_charset,
    "SQLite file damaged in its middle pages": case_damaged_database,
    "6 concurrent browser sessions (st.Page, 404s)": case_sessions_and_404s,
    "disk full: ingest, demo, export -o": case_disk_full,
    "file names with undecodable bytes": case_surrogate_names,
    "false meta charset on a UTF-8 page": case_false_charset,
    "read-only database": case_read_only,
    "symbolic links out of the directory": case_symlinks,
    "title given as a list": case_list_title,
    "file name once per message": case_name_once,
}
