"""The store's commands through click's runner: ingest, export, places, stats, demo."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'cli.sqlite'}"


@pytest.fixture
def fake_default_analyzer(monkeypatch, analyzer):
    import store.store as store_module

    monkeypatch.setattr(store_module, "_default_analyzer", lambda: analyzer)


def run(*args: str):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result


def test_ingest_reports_stored_duplicates_and_failures(tmp_path: Path, db: str,
                                                       fake_default_analyzer):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Sirte fell to the LNA. Sirte is 100 km from Misrata.")
    (docs / "b.md").write_text("# B\n\nGharyan fell.")
    (docs / "c.txt").write_bytes(b"")
    result = run("ingest", str(docs), "--source", "Wire", "--published", "2020-01-06",
                 "--conflict", "libya", "-q", "--db", db)
    assert result.exit_code == 1
    assert "stored 2 (3 claims), duplicates 0, failed 1" in result.output
    assert "c.txt" in result.output and "empty" in result.output
    (docs / "c.txt").unlink()
    again = run("ingest", str(docs), "-q", "--db", db)
    assert again.exit_code == 0 and "stored 0 (0 claims), duplicates 2, failed 0" in again.output


def test_ingest_rejects_a_bad_date_cleanly(tmp_path: Path, db: str):
    (tmp_path / "a.txt").write_text("x")
    result = run("ingest", str(tmp_path / "a.txt"), "--published", "yesterday", "--db", db)
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output
    assert "Traceback" not in result.output


def test_demo_stats_and_exports(tmp_path: Path, db: str):
    from store.demo import read_demo

    expected = len(read_demo()["claims"])
    assert f"{expected} claims added" in run("demo", "--db", db).output
    assert "0 claims added" in run("demo", "--db", db).output
    stats = json.loads(run("stats", "--json", "--db", db).output)
    assert stats["claims"] == expected and stats["sources"] >= 10

    geo = json.loads(run("export", "--format", "geojson", "--source", "Reuters",
                         "--db", db).output)
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert {f["properties"]["source"] for f in geo["features"]} == {"Reuters"}
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert 9 < lon < 26 and 19 < lat < 34

    out = run("export", "--format", "csv", "--since", "2020-06-01", "--until", "2020-06-30",
              "--actor", "GNA", "--db", db).output
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("2020-06-01" <= r["event_date"] <= "2020-06-30" for r in rows)
    assert {"event_date", "actor1", "action", "location", "latitude", "longitude",
            "geo_precision", "source", "source_url", "notes"} <= set(rows[0])
    assert all(r["actor1"] == "GNA" and r["notes"].startswith('"') for r in rows)

    gpkg = tmp_path / "claims.gpkg"
    result = run("export", "--format", "gpkg", "-o", str(gpkg), "--db", db)
    assert result.exit_code == 0
    import geopandas as gpd

    frame = gpd.read_file(gpkg, layer="claims")
    assert len(frame) == expected and frame.crs.to_epsg() == 4326
    assert run("export", "--format", "gpkg", "--db", db).exit_code != 0


def test_places_add_and_list(db: str, monkeypatch):
    import store.places as places_module

    merged = []
    monkeypatch.setattr(places_module, "merge_into_gazetteer",
                        lambda p, a: merged.append((p, a)))
    result = run("places", "add", "Abu Grein", "31.4381", "15.2507", "--alias", "Abu Qurayn",
                 "--feature-code", "ppl", "--country", "ly", "--db", db)
    assert result.exit_code == 0 and "user:1" in result.output
    assert merged and merged[0][1] == {"user:1": ["Abu Qurayn"]}
    listed = run("places", "list", "--json", "--db", db).output
    place = json.loads(listed.splitlines()[0])
    assert (place["name"], place["feature_code"], place["country_code"]) == (
        "Abu Grein", "PPL", "LY")
    south_west = run("places", "add", "Cape Point", "-34.35", "-18.5", "--db", db)
    assert south_west.exit_code == 0 and "(-34.35000, -18.50000)" in south_west.output
    bad = run("places", "add", "Nowhere", "95", "0", "--db", db)
    assert bad.exit_code == 1 and "latitude" in bad.output and "Traceback" not in bad.output
    bad = run("places", "add", "Nowhere", "1", "2", "--radius-km", "nan", "--db", db)
    assert bad.exit_code == 1 and "radius_km" in bad.output
    bad = run("places", "add", "Nowhere", "1", "2", "--country", "Libya", "--db", db)
    assert bad.exit_code == 1 and "two-letter" in bad.output


def test_corrections_audit_trail(db: str):
    from store import open_store

    run("demo", "--db", db)
    store = open_store(db, merge_places=False)
    claim = store.claims_frame().iloc[0]
    store.correct_place(claim_id=int(claim.claim_id), lat=32.0, lon=13.0, name="Moved",
                        who="tester", note="checked on imagery")
    out = run("corrections", "--db", db).output
    assert "tester" in out and "-> Moved" in out and "checked on imagery" in out
    rows = [json.loads(line) for line in run("corrections", "--json", "--article",
                                             str(claim.article_id), "--db", db).output.splitlines()]
    assert rows and all(r["article_id"] == claim.article_id for r in rows)
    assert run("corrections", "--article", "99999", "--db", db).output == ""
