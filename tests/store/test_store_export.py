"""Exports from a claims frame: located claims only in spatial formats, safe CSV cells."""

from __future__ import annotations

import csv
import io
import json

import pytest

from core.errors import InputRejected
from store import ArticleInput
from store.export import ACLED_COLUMNS, export_bytes, to_acled_csv, to_geojson


@pytest.fixture
def frame(sqlite_store, analyzer):
    sqlite_store.ingest_article(ArticleInput(
        text="Sirte fell to the LNA. Sirte is 100 km from Misrata. Nowhere is 5 km from Xyz.",
        title="=HYPERLINK(\"http://evil\")", source="@Wire", published="2020-01-06"),
        analyzer=analyzer)
    return sqlite_store.claims_frame()


def test_geojson_has_only_located_claims(frame):
    assert len(frame) == 3 and frame.lat.isna().sum() == 1
    data = json.loads(to_geojson(frame))
    assert len(data["features"]) == 2
    props = data["features"][0]["properties"]
    assert props["published"] == "2020-01-06" and props["event_date"] is None
    assert json.loads(to_geojson(frame.iloc[0:0]))["features"] == []
    odd = frame.copy()
    odd.loc[odd.index[0], "radius_km"] = float("inf")
    strict = json.loads(to_geojson(odd), parse_constant=lambda c: pytest.fail(c))
    assert strict["features"][0]["properties"]["radius_km"] is None


def test_acled_csv_layout_and_formula_cells_defused(frame):
    rows = list(csv.DictReader(io.StringIO(to_acled_csv(frame))))
    assert list(rows[0]) == list(ACLED_COLUMNS) and len(rows) == 3
    control = next(r for r in rows if r["action"] == "captured")
    assert control["event_date"] == "2020-01-06" and control["actor1"] == "LNA"
    assert control["source"] == "'@Wire" and control["geo_precision"] == "1"
    assert control["notes"].startswith('"Sirte fell"') and "'=" not in control["notes"][:1]
    distance = next(r for r in rows if r["claim_kind"] == "distance" and r["latitude"])
    assert distance["stated_distance"] == "100 km from Misrata"


def test_gpkg_bytes_and_bad_format(frame):
    assert export_bytes(frame, "gpkg")[:16].startswith(b"SQLite format 3")
    with pytest.raises(InputRejected):
        export_bytes(frame, "kml")
    with pytest.raises(InputRejected):
        export_bytes(frame.drop(columns=["lat"]), "csv")


@pytest.mark.parametrize("fmt", ["csv", "geojson", "gpkg"])
def test_unwritable_targets_give_a_clean_error(frame, tmp_path, fmt):
    from store.export import write_export

    for target in (tmp_path, tmp_path / "missing" / "out.file"):
        with pytest.raises(InputRejected, match="cannot write"):
            write_export(frame, fmt, target)
    out = write_export(frame, fmt, tmp_path / f"ok.{fmt}")
    assert out.stat().st_size > 0
    assert write_export(frame, fmt, out) == out  # overwrites
