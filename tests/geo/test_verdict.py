import pytest
from shapely.geometry import Point

from claims.model import DistanceClaim, Provenance
from gazetteer.model import Place
from geo.geodesic import destination
from geo.sector import claim_region
from geo.verdict import ROAD_FACTOR, check_distance, wording_bounds

ANCHOR = Place("t1", "Anchorville", 32.0, 13.0, "PPLC", "XX", None, 1_000_000, "town", None,
               "test", 5.0)


def place_at(bearing, km, name="Subjectton"):
    lat, lon = destination((ANCHOR.lat, ANCHOR.lon), bearing, km)
    return Place("t2", name, lat, lon, "PPL", "XX", None, 10_000, "town", None, "test", 2.0)


def claim(value, *, qualifier=None, direction=None, subject=None, unit="km", vmax=None,
          kind="place"):
    prov = Provenance("q", 0, 1, 0, 1)
    return DistanceClaim(prov, value, vmax if vmax is not None else value, unit, qualifier,
                         direction, "s", kind, "Anchorville", anchor_place=ANCHOR,
                         subject_place=subject)


def test_consistent_within_about():
    v = check_distance(claim(90, qualifier="about", direction="south", subject=place_at(180, 100)))
    assert v.within_wording and v.bearing_fits
    assert v.true_km == pytest.approx(100, abs=0.01)
    assert v.diff_km == pytest.approx(-10, abs=0.01) and v.diff_pct == pytest.approx(-10, abs=0.1)
    assert v.label.startswith("consistent")


def test_bare_figure_in_road_band_is_plausible_as_road():
    truth = 100
    v = check_distance(claim(truth * (ROAD_FACTOR[0] + ROAD_FACTOR[1]) / 2,
                             subject=place_at(90, truth)))
    assert not v.within_wording and v.plausible_as_road
    assert "road" in v.label


def test_understated_and_wrong_bearing():
    v = check_distance(claim(100, direction="east", subject=place_at(180, 192)))
    assert not v.within_wording and not v.plausible_as_road
    assert v.bearing_fits is False and v.bearing_compass == "south"
    assert v.label.startswith("understated") and "not east" in v.label


def test_miles_are_converted():
    v = check_distance(claim(62, unit="mi", qualifier="about", subject=place_at(0, 100)))
    assert v.stated_min_km == pytest.approx(99.78, abs=0.01) and v.within_wording


@pytest.mark.parametrize(("qualifier", "true_km", "ok"), [
    ("more than", 80, True), ("more than", 50, False), ("less than", 2.9, True),
    ("less than", 5, False), ("within", 20, True), (None, 64, True), (None, 70, False),
])
def test_qualifiers(qualifier, true_km, ok):
    value = 3 if qualifier == "less than" else (30 if qualifier == "within" else 60)
    v = check_distance(claim(value, qualifier=qualifier, subject=place_at(45, true_km)))
    assert v.within_wording is ok


def test_range_claim():
    v = check_distance(claim(2, vmax=9, subject=place_at(10, 8)))
    assert v.within_wording


def test_force_subject_front_past_held_place():
    held = place_at(110, 192, "Heldtown")  # the place the force is said to be beyond
    v = check_distance(claim(100, kind="force"), held_place=held)
    assert v.true_km is None and v.front_past_km == pytest.approx(92, abs=0.5)
    assert "~90 km past Heldtown" in v.label
    assert v.region is not None and v.region.is_valid


def test_unresolved_anchor_gives_no_verdict():
    c = DistanceClaim(Provenance("q", 0, 1, 0, 1), 5, 5, "km", None, None, "s", "place", "X")
    assert check_distance(c) is None


def test_wording_bounds_only_and_more_than():
    assert wording_bounds(100, 100, "only")[1] == pytest.approx(115)
    assert wording_bounds(60, 60, "more than")[1] == float("inf")


def test_claim_region_sector_contains_points_in_direction_only():
    region = claim_region((ANCHOR.lat, ANCHOR.lon), 80, 120, "south")
    south = place_at(180, 100)
    north = place_at(0, 100)
    assert region.contains(Point(south.lon, south.lat))
    assert not region.contains(Point(north.lon, north.lat))
    ring = claim_region((ANCHOR.lat, ANCHOR.lon), 80, 120, None)
    assert ring.contains(Point(north.lon, north.lat))
    assert not ring.contains(Point(ANCHOR.lon, ANCHOR.lat))


def test_far_away_held_place_is_another_front():
    far = place_at(90, 371, "Fartown")
    v = check_distance(claim(5, kind="force"), held_place=far)
    assert v.front_past_km is None and v.held_place is None
    assert v.label.startswith("ring of 5.0 km")


def test_nearest_held_place_is_the_forward_position():
    from geo.verdict import nearest_held_place

    near, far, other_side = place_at(90, 192, "Near"), place_at(90, 300, "Far"), \
        place_at(270, 150, "West")
    c = claim(100, kind="force", direction="east")
    assert nearest_held_place(c, [far, near, other_side]) == near
    assert nearest_held_place(claim(100, kind="force"), [far, other_side]) == other_side
    assert nearest_held_place(claim(5, kind="force"), [far]) is None


def test_a_country_is_an_area_not_a_point_to_check_against():
    """'1,000 km inside Russia' runs from the border: no verdict against the centre point."""
    country = Place("t3", "Bigland", 60.0, 100.0, "PCLI", "BL", None, 100_000_000, "country",
                    None, "test", 2000.0)
    from dataclasses import replace

    v = check_distance(replace(claim(1000, subject=place_at(0, 50)), anchor_place=country))
    assert v.true_km is None and v.within_wording is None
    assert "is an area" in v.label


# --- areas, town readings and wording (issue 18) -------------------------------------------

from geo.verdict import Spot, hedge_word, judge, verdict_class  # noqa: E402

REGION = Place("t4", "Regionia", 0.0, 0.0, "ADM1", "XX", "01", 500_000, "region", None, "test",
               60.0)


def _region_claim(value, region=REGION, **kw):
    """A claim whose subject is ``region`` and whose anchor is 130 km from its centre."""
    from dataclasses import replace

    anchor = place_at(0, 0)
    anchor = replace(anchor, lat=region.lat + 130 / 111.2, lon=region.lon, name="Anchorville")
    c = claim(value, **kw)
    return replace(c, anchor_place=anchor, subject_place=region)


def test_region_takes_the_town_reading_of_its_name():
    """'Sennar, about 90 km from Wad Madani': Sennar town, not the centre of Sennar state."""
    town = Place("t5", "Regionia", REGION.lat + 35 / 111.2, REGION.lon, "PPLA", "XX", "01",
                 100_000, "town", None, "test", 3.0)
    v = check_distance(_region_claim(90, qualifier="about"), town_reading=lambda p: town)
    assert v.status == "consistent" and v.measured_from is None
    assert v.true_km == pytest.approx(95, abs=1)


def test_region_without_a_town_is_measured_from_its_edge_and_says_so():
    v = check_distance(_region_claim(70, qualifier="about"), town_reading=lambda p: None)
    assert v.true_km == pytest.approx(130 - 60, abs=1)
    assert v.status == "consistent" and v.measured_from == "the edge of Regionia"
    assert v.label.startswith("from the edge of Regionia")
    centre = check_distance(_region_claim(130, qualifier="about"), town_reading=False)
    assert centre.true_km == pytest.approx(70, abs=1)  # never the centre point's 130 km


def test_some_and_about_get_the_same_verdict_and_nearly_is_not_about():
    truth = place_at(180, 100)
    some = check_distance(replace_quote(claim(90, qualifier="about", subject=truth),
                                        "Gharyan, some 90 km south of Anchorville"))
    about = check_distance(replace_quote(claim(90, qualifier="about", subject=truth),
                                         "Gharyan, about 90 km south of Anchorville"))
    assert (some.status, some.allowed_min_km, some.allowed_max_km) == \
        (about.status, about.allowed_min_km, about.allowed_max_km)
    assert "some 90 km" in some.label and "about 90 km" in about.label
    far = place_at(0, 2150)
    nearly = check_distance(replace_quote(claim(2000, qualifier="about", subject=far),
                                          "lies nearly 2,000 km from Anchorville"))
    assert "nearly 2,000 km" in nearly.label and "about" not in nearly.label
    assert nearly.status != "consistent"  # 2,150 km is not "nearly 2,000"
    assert hedge_word("roughly 5 km", 5) == "roughly"


def replace_quote(c, quote):
    from dataclasses import replace

    return replace(c, provenance=Provenance(quote, 0, len(quote), 0, len(quote)))


@pytest.mark.parametrize("factor", [1.15, 1.45])
def test_road_verdict_only_inside_the_road_range_it_shows(factor):
    v = check_distance(claim(100 * factor, subject=place_at(90, 100)))
    assert not v.plausible_as_road and v.status == "overstated"
    inside = check_distance(claim(130, subject=place_at(90, 100)))
    assert inside.status == "road" and inside.road_min_km <= 130 <= inside.road_max_km


def test_judge_takes_points_and_numbers_and_the_module_does_not_import_claims():
    import ast
    import inspect

    import geo.verdict as verdict

    tree = ast.parse(inspect.getsource(verdict))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)} | {
        a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(m and m.split(".")[0] == "claims" for m in imported)
    v = judge(Spot("A", 0.0, 0.0), Spot("B", 0.0, 1.0), 111.0, 111.0)
    assert v.status == "consistent" and verdict_class(v.label) == "consistent"
