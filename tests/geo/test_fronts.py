"""Areas of control, front lines, rings and the fronts map layer on synthetic claims."""

from __future__ import annotations

import json
from pathlib import Path

import folium
import pandas as pd
import pytest
import shapely
from shapely.geometry import LineString, Point

from core.errors import InputRejected
from geo.control import control_at
from geo.fronts import derive_fronts, fronts_at, fronts_geodataframe, fronts_geojson
from geo.fronts_layer import (
    actor_colors,
    add_disagreements_layer,
    add_fronts_timeline,
    timeline_dates,
)
from geo.geodesic import distance_km
from geo.land import country_outline
from geo.ring import compare_with_front, ring_arc, ring_region, sector_bounds

DEMO = Path(__file__).resolve().parents[2] / "store" / "data" / "demo_claims.json"


def control(claim_id, actor, action, place, lat, lon, day="2020-01-01", source="alpha.example",
            conflict="testwar", quote=None):
    return {"claim_id": claim_id, "kind": "control", "actor_norm": actor, "action": action,
            "place": place, "place_id": f"test:{place}", "lat": lat, "lon": lon,
            "precision": "town", "radius_km": 3.0, "published": day, "event_date": day,
            "source": source, "quote": quote or f"{actor} {action} {place}", "conflict": conflict}


@pytest.fixture
def two_sides():
    """Side A holds six places at lon < 0, side B six at lon > 0 (open sea: no land clip)."""
    rows = []
    for lon in (-0.9, -0.5, -0.2, 0.2, 0.5, 0.9):
        for lat in (-0.3, 0.0, 0.3):
            side = "A" if lon < 0 else "B"
            rows.append(control(f"{side}{len(rows)}", side, "holds", f"P{len(rows)}", lat, lon))
    return rows


@pytest.fixture
def libya():
    """A small two-sided war along the Libyan coast (coordinates, no article text)."""
    places = {"Tripoli": (32.887, 13.191), "Misrata": (32.375, 15.093),
              "Tarhuna": (32.435, 13.634), "Sirte": (31.209, 16.589),
              "Jufra": (29.127, 15.948), "Benghazi": (32.117, 20.067)}
    plan = [("GNA", "Tripoli"), ("GNA", "Misrata"), ("GNA", "Tarhuna"), ("LNA", "Sirte"),
            ("LNA", "Jufra"), ("LNA", "Benghazi")]
    return [control(f"ly{i}", actor, "holds", name, *places[name], day="2020-06-20",
                    conflict="libya") for i, (actor, name) in enumerate(plan)]


def test_front_runs_between_the_two_sides(two_sides):
    fronts = fronts_at(two_sides, "2020-01-02", clip_to_land=False)
    assert [a.actor for a in fronts.areas] == ["A", "B"]
    assert len(fronts.lines) == 1
    line = fronts.lines[0]
    assert line.actors == ("A", "B")
    xs = shapely.get_coordinates(line.geometry)[:, 0]
    assert abs(xs).max() < 0.01  # the bisector of lon -0.2 / +0.2 is lon 0
    assert line.length_km > 150
    assert set(line.places) == {"P6", "P7", "P8", "P9", "P10", "P11"}
    assert set(line.claim_ids) == {"A6", "A7", "A8", "B9", "B10", "B11"}


def test_areas_hold_their_places_and_claims(two_sides):
    fronts = fronts_at(two_sides, "2020-01-02", clip_to_land=False)
    area_a, area_b = fronts.area_of("A"), fronts.area_of("B")
    for row in two_sides:
        point = Point(row["lon"], row["lat"])
        own, other = (area_a, area_b) if row["actor_norm"] == "A" else (area_b, area_a)
        assert own.geometry.contains(point) and not other.geometry.contains(point)
    assert set(area_a.claim_ids) == {r["claim_id"] for r in two_sides if r["actor_norm"] == "A"}
    assert area_a.geometry.geom_type in {"Polygon", "MultiPolygon"}


def test_reach_limits_areas_and_fronts():
    rows = [control("a", "A", "holds", "Far west", 0.0, -3.0),
            control("b", "B", "holds", "Far east", 0.0, 3.0)]
    fronts = fronts_at(rows, "2020-01-02", clip_to_land=False, reach_km=100)
    assert fronts.lines == ()
    assert not fronts.area_of("A").geometry.contains(Point(-1.5, 0.0))
    wide = fronts_at(rows, "2020-01-02", clip_to_land=False, reach_km=400)
    assert len(wide.lines) == 1


def test_contested_place_makes_no_cell_and_is_reported(two_sides):
    rows = two_sides + [control("c1", "A", "captured", "Middle", 0.0, 0.0, day="2020-01-01"),
                        control("c2", "B", "holds", "Middle", 0.0, 0.0, source="beta.example")]
    fronts = fronts_at(rows, "2020-01-02", clip_to_land=False)
    assert [p.place for p in fronts.contested] == ["Middle"]
    assert "Middle" not in fronts.area_of("A").places + fronts.area_of("B").places
    gdf = fronts_geodataframe(rows, "2020-01-02", clip_to_land=False)
    contested = gdf[gdf["layer"] == "contested"].iloc[0]
    assert set(contested["claims"]) == {"c1", "c2"} and contested["actors"] == ["A", "B"]


def test_one_side_only_gives_an_area_and_no_front():
    rows = [control("a1", "A", "holds", "One", 0.0, 0.0),
            control("a2", "A", "holds", "Two", 0.0, 1.0)]
    fronts = fronts_at(rows, "2020-01-02", clip_to_land=False)
    assert len(fronts.areas) == 1 and fronts.lines == ()
    single = fronts_at(rows[:1], "2020-01-02", clip_to_land=False)
    assert single.area_of("A").geometry.contains(Point(0.0, 0.0))


def test_nothing_held_gives_empty_layers():
    assert fronts_at([], "2020-01-02").areas == ()
    gdf = fronts_geodataframe([], "2020-01-02")
    assert gdf.empty and {"actor", "actors", "claims"} <= set(gdf.columns)


def test_areas_are_clipped_to_the_country_and_front_lies_between_misrata_and_sirte(libya):
    fronts = fronts_at(libya, "2020-07-01")
    outline = country_outline("LY")
    for area in fronts.areas:
        outside = area.geometry.difference(outline.buffer(0.05))
        assert outside.area < 0.01 * area.geometry.area
    gna, lna = fronts.area_of("GNA"), fronts.area_of("LNA")
    assert gna.geometry.contains(Point(13.191, 32.887))
    assert lna.geometry.contains(Point(16.589, 31.209))
    misrata_sirte = [line for line in fronts.lines if {"Misrata", "Sirte"} <= set(line.places)]
    assert misrata_sirte, [line.places for line in fronts.lines]
    nearest = shapely.ops.nearest_points(misrata_sirte[0].geometry, Point(15.093, 32.375))[0]
    km_misrata = distance_km((32.375, 15.093), (nearest.y, nearest.x))
    assert 80 < km_misrata < 110  # about half of the 192 km between Misrata and Sirte


def test_geodataframe_layout(libya):
    gdf = fronts_geodataframe(libya, "2020-07-01", sources=["alpha.example"])
    assert gdf.crs.to_epsg() == 4326
    areas, fronts = gdf[gdf["layer"] == "area"], gdf[gdf["layer"] == "front"]
    assert set(areas.geom_type) <= {"Polygon", "MultiPolygon"}
    assert set(areas["actor"]) == {"GNA", "LNA"}
    assert set(fronts.geom_type) <= {"LineString", "MultiLineString"} and len(fronts) >= 1
    assert all(row == ["GNA", "LNA"] for row in fronts["actors"])
    assert all(claims for claims in fronts["claims"])
    assert fronts_geodataframe(libya, "2020-07-01", sources=["nobody.example"]).empty


def test_geojson_is_serializable(libya):
    collection = fronts_geojson(fronts_at(libya, "2020-07-01"))
    text = json.dumps(collection)
    kinds = {f["properties"]["layer"] for f in json.loads(text)["features"]}
    assert kinds == {"area", "front"}


def test_derive_fronts_from_a_state_keeps_it(two_sides):
    state = control_at(two_sides, "2020-01-02")
    fronts = derive_fronts(state, clip_to_land=False)
    assert fronts.state is state and fronts.on == state.on


@pytest.mark.parametrize("direction", ["south", "north-east", None])
def test_ring_arc_lies_at_the_distance_and_in_the_sector(direction):
    anchor = (32.375, 15.093)
    arc = ring_arc(anchor, 100.0, direction)
    for lon, lat in arc.coords:
        assert distance_km(anchor, (lat, lon)) == pytest.approx(100.0, abs=0.01)
    start, end = sector_bounds(direction)
    assert end - start == (360.0 if direction is None else 45.0)
    assert ring_region(anchor, 90, 110, direction).is_valid


def test_ring_rejects_bad_input():
    with pytest.raises(InputRejected):
        sector_bounds("upwards")
    with pytest.raises(InputRejected):
        ring_arc((32.0, 15.0), 0.0)
    with pytest.raises(InputRejected):
        ring_region((32.0, 15.0), 50.0, 10.0)


def test_compare_ring_with_front():
    anchor = (32.375, 15.093)
    front = LineString([(16.0, 33.5), (16.0, 29.0)])  # about 85 km east of the anchor
    east = compare_with_front(anchor, 100, 100, "east", [front])
    assert 80 < east.front_km < 90 and east.diff_km < 0
    assert "derived front at" in east.label
    west = compare_with_front(anchor, 100, 100, "west", [front])
    assert west.front_km is None and west.diff_km is None
    inside = compare_with_front(anchor, 80, 100, None, [front])
    assert inside.diff_km == 0.0


def test_layer_escapes_quotes_and_has_a_slider(libya):
    rows = [dict(r) for r in libya]
    rows[0]["quote"] = "<script>alert('x')</script> & more"
    rows.append({"claim_id": "ring1", "kind": "distance", "anchor": "Misrata",
                 "anchor_lat": 32.375, "anchor_lon": 15.093, "value_min": 100, "value_max": 100,
                 "unit": "km", "direction": "south-east", "subject": "LNA forces",
                 "subject_lat": None,
                 "published": "2020-06-20", "event_date": "2020-06-20", "source": "alpha.example",
                 "quote": "forces 100 km from Misrata"})
    fmap = folium.Map(location=(31.5, 15.5), zoom_start=6, tiles=None)
    slider = add_fronts_timeline(fmap, rows, ["2020-06-20", "2020-07-01"],
                                 tracks={"all": None, "alpha": ["alpha.example"]})
    add_disagreements_layer(fmap, rows)
    page = fmap.get_root().render()
    assert slider.labels == ["2020-06-20", "2020-07-01"] and len(slider.tracks) == 2
    assert "cm-time-slider" in page and 'type = "range"' in page
    assert "<script>alert(" not in page
    assert "&lt;script&gt;alert(" in page
    assert "claimed 100 km; derived front at" in page
    assert add_fronts_timeline(folium.Map(tiles=None), [], None) is None


def test_colors_and_dates_are_stable(libya):
    assert actor_colors(["B", "A", None]) == {"A": "#1f77b4", "B": "#d62728"}
    rows = libya + [control("x", "GNA", "captured", "Sirte", 31.209, 16.589, day="2020-06-01")]
    assert [d.isoformat() for d in timeline_dates(rows)] == ["2020-06-01", "2020-06-20"]
    many = [control(f"m{i}", "A", "holds", f"P{i}", 0.0, float(i) / 10,
                    day=(pd.Timestamp("2020-01-01") + pd.Timedelta(days=i)).date().isoformat())
            for i in range(100)]
    steps = timeline_dates(many, max_steps=10)
    assert len(steps) == 10 and steps[0].isoformat() == "2020-01-01"


@pytest.fixture(scope="module")
def demo_frame(tmp_path_factory):
    """The store's demo dataset as a claims frame (skips until the store can load it)."""
    if not DEMO.is_file():
        pytest.skip("store/data/demo_claims.json not there yet")
    store_module = pytest.importorskip("store")
    path = tmp_path_factory.mktemp("fronts-demo") / "demo.db"
    with store_module.open_store(f"sqlite:///{path}") as store:
        store.load_demo()
        return store.claims_frame()


def test_demo_front_on_1_july_2020_lies_between_misrata_and_sirte(demo_frame):
    fronts = fronts_at(demo_frame, "2020-07-01")
    held = {p.place: p.holder for p in fronts.state.held()}
    for town in ("Tripoli", "Misrata", "Gharyan", "Tarhuna"):
        assert held.get(town) == "GNA", (town, held)
    for town in ("Sirte", "Jufra", "Benghazi"):
        assert held.get(town, "LNA") == "LNA", (town, held)
    assert held.get("Sirte") == "LNA"
    lines = [line for line in fronts.lines if "Sirte" in line.places]
    assert lines, [line.places for line in fronts.lines]
    misrata = (32.3754, 15.0925)
    nearest = shapely.ops.nearest_points(lines[0].geometry, Point(misrata[1], misrata[0]))[0]
    assert 60 < distance_km(misrata, (nearest.y, nearest.x)) < 150


@pytest.mark.parametrize("day,town,holder", [("2019-04-20", "Gharyan", "LNA"),
                                             ("2019-07-01", "Gharyan", "GNA"),
                                             ("2020-01-10", "Sirte", "LNA")])
def test_demo_front_moves(demo_frame, day, town, holder):
    state = fronts_at(demo_frame, day).state
    assert {p.place: p.holder for p in state.places}.get(town) == holder


def test_export_command_writes_the_fronts_layer(tmp_path):
    if not DEMO.is_file():
        pytest.skip("store/data/demo_claims.json not there yet")
    from click.testing import CliRunner

    from cli.main import main

    db = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    assert runner.invoke(main, ["demo", "--db", db]).exit_code == 0
    out = tmp_path / "fronts.geojson"
    result = runner.invoke(main, ["export", "--layer", "fronts", "--date", "2020-07-01",
                                  "--db", db, "-o", str(out)])
    assert result.exit_code == 0, result.output
    features = json.loads(out.read_text())["features"]
    areas = [f for f in features if f["properties"]["layer"] == "area"]
    fronts = [f for f in features if f["properties"]["layer"] == "front"]
    assert {f["properties"]["actor"] for f in areas} == {"GNA", "LNA"}
    assert fronts and all(f["properties"]["actors"] == ["GNA", "LNA"] for f in fronts)
    assert all(f["geometry"]["type"] in {"LineString", "MultiLineString"} for f in fronts)
    missing = runner.invoke(main, ["export", "--layer", "fronts", "--db", db])
    assert missing.exit_code != 0 and "--date" in missing.output


@pytest.mark.parametrize("payload", ["{{ 7*7 }}", "{% if 1 %}JINJA{% endif %}", "`${alert(1)}`",
                                     "</script><script>alert(1)</script>", "x\\`"])
def test_layer_neutralizes_template_and_script_syntax(libya, payload):
    rows = [dict(r) for r in libya]
    for row in rows:
        row["quote"] = f"QUOTE {payload} END"
        row["place"] = f"{row['place']} {payload}"
        row["source"] = f"src {payload}"
        row["actor_norm"] = f"{row['actor_norm']} {payload}"
    fmap = folium.Map(tiles=None)
    add_fronts_timeline(fmap, rows, ["2020-07-01"], tracks={f"track {payload}": None})
    add_disagreements_layer(fmap, rows)
    page = fmap.get_root().render()
    assert "QUOTE 49 END" not in page and "QUOTE JINJA END" not in page
    assert payload not in page
    assert "QUOTE " in page


def test_each_conflict_is_drawn_on_its_own(two_sides):
    far = [control("f1", "X", "holds", "Far one", 45.0, 100.0, conflict="other"),
           control("f2", "Y", "holds", "Far two", 45.0, 100.5, conflict="other")]
    fronts = fronts_at(two_sides + far, "2020-01-02", clip_to_land=False)
    by_conflict = {(a.conflict, a.actor) for a in fronts.areas}
    assert by_conflict == {("testwar", "A"), ("testwar", "B"), ("other", "X"), ("other", "Y")}
    assert {(line.conflict, line.actors) for line in fronts.lines} == {
        ("testwar", ("A", "B")), ("other", ("X", "Y"))}
    gdf = fronts_geodataframe(two_sides + far, "2020-01-02", clip_to_land=False)
    assert set(gdf["conflict"]) == {"testwar", "other"}
