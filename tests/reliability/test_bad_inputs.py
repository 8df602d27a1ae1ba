"""The catalogue of bad inputs through the app's upload path and the ``conflictmap`` CLI.

Each input gives a clear message or a sane result: never a traceback, never a partial
write (every data table is counted before and after), and text in odd encodings is
stored intact. The catalogue itself is generated in ``bad_inputs.py``.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from bad_inputs import ABSURD_DATES, BAD_COORDINATES, build_catalogue

from bench.reliability import DATA_TABLES, db_state, judge, pipeline_ready
from core.errors import ConflictMapError

LIMIT_MB = 1.0
LIMIT_BYTES = int(LIMIT_MB * 1024 * 1024)
has_cli = importlib.util.find_spec("cli.store_cmd") is not None


needs_pipeline = pytest.mark.skipif(not pipeline_ready(),
                                    reason="the analysis pipeline has not landed yet")


def _counts(db_path: Path) -> dict[str, int]:
    state = db_state(db_path)
    return {t: int(state.get(t, 0)) for t in DATA_TABLES}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory):
    return build_catalogue(tmp_path_factory.mktemp("bad-inputs"), size_limit_bytes=LIMIT_BYTES)


@pytest.fixture()
def sqlite_url(tmp_path):
    return tmp_path / "bad.sqlite", f"sqlite:///{tmp_path / 'bad.sqlite'}"


def _report(failures: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}: {'; '.join(problems)}" for name, problems in failures.items())


@needs_pipeline
def test_upload_path_handles_every_bad_input(catalogue, sqlite_url):
    """What the app's upload does: read_bytes(name, data) then Store.ingest_many."""
    from store import open_store
    from store.ingest import Limits, read_bytes

    db_path, url = sqlite_url
    store = open_store(url, merge_places=False)
    limits = Limits(max_file_bytes=LIMIT_BYTES)
    failures: dict[str, list[str]] = {}
    try:
        for item in catalogue:
            before = _counts(db_path)
            crashed, message = False, ""
            try:
                articles = read_bytes(item.path.name, item.path.read_bytes(), limits=limits)
                results = list(store.ingest_many(articles))
                message = "; ".join(r.reason or r.status for r in results)
            except ConflictMapError as err:
                message = str(err)
            except Exception as err:  # noqa: BLE001 - any other exception is the bug we look for
                crashed, message = True, f"{type(err).__name__}: {err}"
            problems = judge(item, before, db_path, exit_code=None, output=message,
                             crashed=crashed)
            if item.expect == "reject" and not crashed and not message.strip():
                problems.append("rejected without a message")
            if problems:
                failures[item.name] = problems
    finally:
        store.close()
    assert not failures, _report(failures)


@needs_pipeline
@pytest.mark.skipif(not has_cli, reason="the ingest command (cli/store_cmd.py) has not landed yet")
def test_cli_ingest_handles_every_bad_input(catalogue, sqlite_url):
    from click.testing import CliRunner

    from cli.main import main

    db_path, url = sqlite_url
    env = {"DATABASE_URL": url, "CONFLICTMAP_MAX_FILE_MB": str(LIMIT_MB)}
    runner = CliRunner()
    failures: dict[str, list[str]] = {}
    for item in catalogue:
        before = _counts(db_path)
        result = runner.invoke(main, ["ingest", str(item.path)], env=env)
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        output = result.output + (f"\n{type(result.exception).__name__}: {result.exception}"
                                  if crashed else "")
        problems = judge(item, before, db_path, exit_code=result.exit_code, output=output,
                         crashed=crashed or "Traceback" in result.output)
        if problems:
            failures[item.name] = problems
    assert not failures, _report(failures)


@pytest.mark.skipif(not has_cli, reason="the ingest command (cli/store_cmd.py) has not landed yet")
@pytest.mark.parametrize("published", ABSURD_DATES)
def test_cli_rejects_absurd_publication_dates_cleanly(tmp_path, sqlite_url, published):
    from click.testing import CliRunner

    from bench.reliability import make_batch
    from cli.main import main

    db_path, url = sqlite_url
    [path] = make_batch(tmp_path / "one", 1, start=40_000)
    before = _counts(db_path)
    result = CliRunner().invoke(main, ["ingest", str(path), "--published", published],
                                env={"DATABASE_URL": url})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert result.output.strip(), "rejected without a message"
    assert _counts(db_path) == before


@pytest.mark.skipif(not has_cli, reason="the places command (cli/store_cmd.py) has not landed yet")
@pytest.mark.parametrize(("lat", "lon"), BAD_COORDINATES)
def test_places_add_rejects_coordinates_out_of_range(sqlite_url, lat, lon):
    from click.testing import CliRunner

    from cli.main import main

    db_path, url = sqlite_url
    before = _counts(db_path)
    result = CliRunner().invoke(main, ["places", "add", "Testville", "--", lat, lon],
                                env={"DATABASE_URL": url})
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    assert _counts(db_path) == before


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (0.0, 181.0), (float("nan"), 0.0),
                                          (0.0, float("inf")), (-90.5, 10.0)])
def test_store_add_place_rejects_coordinates_out_of_range(sqlite_url, lat, lon):
    from core.errors import InputRejected
    from store import open_store

    db_path, url = sqlite_url
    store = open_store(url, merge_places=False)
    try:
        before = _counts(db_path)
        with pytest.raises(InputRejected):
            store.add_place("Testville", lat, lon)
        assert _counts(db_path) == before
    finally:
        store.close()


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "..\\..\\windows\\win.ini.txt",
                                  "/etc/cron.d/evil.txt", "a/../../b.txt", "\x00.txt"])
def test_upload_names_never_become_paths(name):
    from bench.reliability import load_catalogue_module
    from store.ingest import read_bytes

    text = load_catalogue_module().article_text(41_000).encode()
    try:
        items = read_bytes(name, text)
    except ConflictMapError:
        return
    for item in items:
        origin = getattr(item, "origin", "") or ""
        assert "/" not in origin and "\\" not in origin and ".." not in origin, origin


@pytest.mark.parametrize("radius", [float("nan"), float("inf"), -1.0])
def test_store_add_place_rejects_impossible_extents(sqlite_url, radius):
    from core.errors import InputRejected
    from store import open_store

    db_path, url = sqlite_url
    store = open_store(url, merge_places=False)
    try:
        before = _counts(db_path)
        with pytest.raises(InputRejected):
            store.add_place("Testville", 10.0, 10.0, radius_km=radius)
        assert _counts(db_path) == before
    finally:
        store.close()


@pytest.mark.parametrize(("lat", "lon"), [(91.0, 0.0), (0.0, -181.0), (float("nan"), 1.0)])
def test_corrections_reject_coordinates_out_of_range(sqlite_url, lat, lon):
    from core.errors import InputRejected
    from store import open_store
    from store.types import ClaimFilter

    db_path, url = sqlite_url
    store = open_store(url, merge_places=False)
    try:
        store.load_demo()
        claim_id = int(store.claims_frame(ClaimFilter(limit=1))["claim_id"].iloc[0])
        before = _counts(db_path)
        with pytest.raises(InputRejected):
            store.correct_place(claim_id=claim_id, lat=lat, lon=lon, name="typed")
        assert _counts(db_path) == before
    finally:
        store.close()


@pytest.mark.skipif(not has_cli, reason="the ingest command (cli/store_cmd.py) has not landed yet")
@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_ingest_refuses_devices_and_pipes_named_like_articles(tmp_path, kind):
    """``ln -s /dev/zero zero.txt`` or a named pipe in a batch must not hang or eat memory."""
    import os
    import subprocess

    from bench.reliability import cli_env, make_batch, run_cli

    folder = tmp_path / "batch"
    make_batch(folder, 2, start=42_000)
    special = folder / f"special-{kind}.txt"
    if kind == "device":
        special.symlink_to("/dev/zero")
    else:
        os.mkfifo(special)
    db_path = tmp_path / "special.sqlite"
    env = cli_env(db_path, tmp_path / "home")
    for target in (special, folder):
        try:
            proc = run_cli(["ingest", "-q", str(target)], env, timeout=25, memory_limit_mb=4000)
        except subprocess.TimeoutExpired:
            pytest.fail(f"ingest of {target.name} hung on a {kind}")
        output = proc.stdout + proc.stderr
        assert "Traceback" not in output, output[-800:]
        assert proc.returncode == 1, output[-800:]
    assert db_state(db_path).articles == 2  # the regular files of the batch are stored


ODD_EVAL_LINES = (
    {"id": "surrogate", "text": "Tripoli \ud800 fell to the rebels on Monday.",
     "toponyms": [{"start": 0, "end": 7, "name": "Tripoli"},
                  {"start": 8, "end": 9, "name": "\ud800"}]},
    {"id": "absurd-date", "text": "The town lies 90 km south of Tripoli.",
     "published": "31 Febtember 99999", "toponyms": []},
    {"id": "end-of-time", "text": "Aleppo was captured by rebels on Monday, on January 8.",
     "published": "9999-12-31", "toponyms": [{"start": 0, "end": 6, "name": "Aleppo"}]},
    {"id": "empty", "text": "", "toponyms": []},
    {"id": None, "text": "Idlib, " * 3000, "toponyms": [{"start": 0, "end": 5, "name": "Idlib"}]},
)


@pytest.mark.parametrize("command", [["geoparse"], ["geoparse", "--gold-spans"],
                                     ["extract-claims"]])
def test_evaluation_commands_survive_odd_but_valid_lines(tmp_path, command):
    import json

    from click.testing import CliRunner

    from cli.main import main

    path = tmp_path / "odd.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in ODD_EVAL_LINES) + "\n")
    result = CliRunner().invoke(main, [*command, str(path)])
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"{type(result.exception).__name__}: {result.exception}"
    assert result.exit_code == 0, result.output[-500:]
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert len(lines) == len(ODD_EVAL_LINES), "one output line per input line"


def test_articles_over_the_length_limit_are_refused_when_read_before_analysis():
    """The app analyses an upload for its preview before saving it, so the store's
    length limit must already hold when the text is read, not only at ingest."""
    from store.ingest import Limits, article_from_text, read_bytes

    limits = Limits(max_article_chars=50_000)
    long_text = "Fighting continued near Sirte, officials said. " * 2_000  # ~94,000 chars
    items = []
    try:
        items = read_bytes("long.txt", long_text.encode(), limits=limits)
    except ConflictMapError:
        pass
    assert all(isinstance(i, ConflictMapError) for i in items), "over-long article accepted"
    with pytest.raises(ConflictMapError):
        article_from_text(long_text * 11)  # over the default million characters


@pytest.mark.parametrize(("lat", "lon"), [(999.0, 0.0), (0.0, -181.0), (float("nan"), 10.0)])
def test_preview_overrides_with_impossible_coordinates_store_nothing(sqlite_url, lat, lon):
    """The preview's "set coordinates" choice is saved with the article: a bad point must
    reject the whole article (one transaction), never store a claim at latitude 999."""
    from core.errors import InputRejected
    from gazetteer.model import Place
    from store import open_store
    from store.ingest import article_from_text

    db_path, url = sqlite_url
    store = open_store(url, merge_places=False)
    try:
        text = "Rebels captured Sirte on Monday, officials said. Sirte lies 190 km from Misrata."
        bad = Place(id="manual:bad", name="Typed", lat=lat, lon=lon, feature_code="PPL",
                    precision="town", source="manual")
        before = _counts(db_path)
        with pytest.raises(InputRejected):
            store.ingest_article(article_from_text(text), overrides={(16, 21): bad})
        assert _counts(db_path) == before
    finally:
        store.close()


@pytest.mark.skipif(not has_cli, reason="the export command (cli/store_cmd.py) has not landed yet")
@pytest.mark.parametrize("fmt", ["csv", "geojson", "gpkg", "fronts"])
def test_export_to_an_unwritable_place_gives_a_clean_message(tmp_path, fmt):
    from click.testing import CliRunner

    from cli.main import main

    url = f"sqlite:///{tmp_path / 'export.sqlite'}"
    runner = CliRunner()
    assert runner.invoke(main, ["demo"], env={"DATABASE_URL": url}).exit_code == 0
    args = (["export", "--layer", "fronts", "--format", "geojson", "--date", "2020-01-15"]
            if fmt == "fronts" else ["export", "--format", fmt])
    for target in (tmp_path, tmp_path / "missing-dir" / "x" / "out.file", "/proc/version"):
        result = runner.invoke(main, [*args, "-o", str(target)], env={"DATABASE_URL": url})
        crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
        assert not crashed, f"{target}: {type(result.exception).__name__}: {result.exception}"
        if result.exit_code != 0:
            assert result.output.strip(), f"{target}: failed without a message"
