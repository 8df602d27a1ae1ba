"""Property-based tests of the WGS84 geodesic helpers on arbitrary points.

The table tests in ``tests/geo/test_geodesic.py`` pin known distances; these check the
invariants on thousands of generated points: symmetry, zero on the diagonal, bounds,
the triangle inequality, poles, the antimeridian, near-antipodal pairs, and that bad
numbers are rejected with :class:`InputRejected` rather than producing NaN.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from core.errors import InputRejected
from geo.geodesic import (
    COMPASS_POINTS,
    KM_PER_UNIT,
    bearing_fits,
    compass_point,
    destination,
    distance_km,
    initial_bearing,
    to_km,
    validate_point,
)

#: Half the WGS84 meridian (pole to pole), the longest geodesic between two points, in km.
HALF_MERIDIAN_KM = 20003.9315
PROPS = settings(max_examples=150, deadline=None)

lats = st.floats(min_value=-90.0, max_value=90.0, allow_nan=False, allow_infinity=False)
lons = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False, allow_infinity=False)
points = st.tuples(lats, lons)
bearings = st.floats(min_value=-720.0, max_value=720.0, allow_nan=False, allow_infinity=False)
any_float = st.floats(allow_nan=True, allow_infinity=True)


@PROPS
@given(points, points)
def test_distance_is_symmetric_and_bounded(a, b):
    forward, backward = distance_km(a, b), distance_km(b, a)
    assert forward == pytest.approx(backward, abs=1e-6)
    assert 0.0 <= forward <= HALF_MERIDIAN_KM + 1e-6


@PROPS
@given(points)
def test_distance_to_itself_is_zero(a):
    assert distance_km(a, a) == pytest.approx(0.0, abs=1e-9)


@PROPS
@given(points, points, points)
def test_triangle_inequality(a, b, c):
    assert distance_km(a, c) <= distance_km(a, b) + distance_km(b, c) + 1e-6


@PROPS
@given(lats)
def test_antimeridian_edges_are_the_same_meridian(lat):
    assert distance_km((lat, 180.0), (lat, -180.0)) == pytest.approx(0.0, abs=1e-6)


@PROPS
@given(lats, st.floats(min_value=0.0, max_value=5.0), st.floats(min_value=0.0, max_value=5.0))
def test_crossing_the_antimeridian_is_short(lat, east_of, west_of):
    # A point just west of 180 and one just east of -180 are close, never half the globe apart.
    assume(abs(lat) < 89.0)
    a, b = (lat, 180.0 - east_of), (lat, -180.0 + west_of)
    across = distance_km(a, b)
    assert across <= distance_km((0.0, 0.0), (0.0, east_of + west_of)) + 1e-6


@PROPS
@given(lons, lons)
def test_every_longitude_of_a_pole_is_the_same_point(lon_a, lon_b):
    assert distance_km((90.0, lon_a), (90.0, lon_b)) == pytest.approx(0.0, abs=1e-6)
    assert distance_km((-90.0, lon_a), (-90.0, lon_b)) == pytest.approx(0.0, abs=1e-6)


@PROPS
@given(lons, lons)
def test_pole_to_pole_is_half_the_meridian(lon_a, lon_b):
    assert distance_km((90.0, lon_a), (-90.0, lon_b)) == pytest.approx(HALF_MERIDIAN_KM, abs=0.01)


@PROPS
@given(
    st.floats(min_value=-60.0, max_value=60.0),
    lons,
    st.floats(min_value=-0.5, max_value=0.5),
    st.floats(min_value=-0.5, max_value=0.5),
)
def test_near_antipodal_points_converge_and_are_far(lat, lon, dlat, dlon):
    # Near-antipodal pairs are where naive solvers fail to converge or return NaN.
    anti_lon = ((lon + 180.0 + dlon + 180.0) % 360.0) - 180.0
    anti_lat = max(-90.0, min(90.0, -lat + dlat))
    d = distance_km((lat, lon), (anti_lat, anti_lon))
    assert math.isfinite(d)
    assert 19_800.0 <= d <= HALF_MERIDIAN_KM + 1e-6


@PROPS
@given(points, points)
def test_bearing_is_in_range(a, b):
    bearing = initial_bearing(a, b)
    assert math.isfinite(bearing)
    assert 0.0 <= bearing < 360.0


@PROPS
@given(
    st.tuples(st.floats(min_value=-80.0, max_value=80.0), lons),
    st.floats(min_value=0.0, max_value=359.9),
    st.floats(min_value=0.001, max_value=9_000.0),
)
def test_destination_round_trips(origin, bearing, km):
    lat, lon = destination(origin, bearing, km)
    assert -90.0 <= lat <= 90.0
    assert -180.0 <= lon <= 180.0
    assert distance_km(origin, (lat, lon)) == pytest.approx(km, rel=1e-7, abs=1e-6)
    if km > 0.01:
        delta = abs((initial_bearing(origin, (lat, lon)) - bearing + 180.0) % 360.0 - 180.0)
        assert delta < 1e-4


@PROPS
@given(points, bearings, st.floats(min_value=0.0, max_value=60_000.0))
def test_destination_stays_on_the_globe(origin, bearing, km):
    lat, lon = destination(origin, bearing, km)
    assert -90.0 <= lat <= 90.0
    assert -180.0 <= lon <= 180.0


@PROPS
@given(st.floats(allow_nan=False, allow_infinity=False))
def test_compass_point_names_a_direction_that_fits(bearing):
    assume(abs(bearing) < 1e12)
    name = compass_point(bearing)
    assert name in COMPASS_POINTS
    assert bearing_fits(bearing, name, tolerance_deg=22.5 + 1e-6)


@PROPS
@given(st.floats(min_value=0.0, max_value=360.0), st.sampled_from(sorted(COMPASS_POINTS)))
def test_bearing_fits_is_symmetric_about_the_direction(offset, direction):
    target = COMPASS_POINTS[direction]
    plus = bearing_fits(target + offset, direction, 45.0)
    assert plus == bearing_fits(target - offset, direction, 45.0)


@PROPS
@given(any_float, any_float)
def test_validate_point_accepts_exactly_the_valid_range(lat, lon):
    valid = (not math.isnan(lat) and not math.isnan(lon)
             and -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0)
    if valid:
        assert validate_point(lat, lon) == (lat, lon)
    else:
        with pytest.raises(InputRejected):
            validate_point(lat, lon)


@PROPS
@given(st.one_of(st.text(max_size=12), st.none(), st.lists(st.integers(), max_size=2)), lons)
def test_validate_point_rejects_non_numbers_cleanly(junk, lon):
    try:
        value = float(junk)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        value = None
    if value is not None and -90.0 <= value <= 90.0:
        assert validate_point(junk, lon)[0] == value
    else:
        with pytest.raises(InputRejected):
            validate_point(junk, lon)


@PROPS
@given(
    st.tuples(any_float, any_float),
    st.tuples(lats, lons),
)
def test_distance_never_returns_nan_for_bad_points(bad, good):
    # Either a real distance (the point was valid after all) or a clean rejection.
    try:
        d = distance_km(bad, good)
    except InputRejected:
        return
    assert math.isfinite(d)


@PROPS
@given(st.floats(min_value=0.0, max_value=1e6), st.sampled_from(sorted(KM_PER_UNIT)))
def test_to_km_is_linear_and_non_negative(value, unit):
    assert to_km(value, unit) >= 0.0
    assert to_km(2 * value, unit) == pytest.approx(2 * to_km(value, unit))


@PROPS
@given(st.text(max_size=8).filter(lambda u: u not in KM_PER_UNIT))
def test_to_km_rejects_unknown_units(unit):
    with pytest.raises(InputRejected):
        to_km(1.0, unit)


@pytest.mark.parametrize(
    ("bearing", "km"),
    [(math.nan, 10.0), (10.0, math.nan), (math.inf, 10.0), (10.0, -math.inf)],
)
def test_destination_rejects_non_finite_bearing_or_distance(bearing, km):
    with pytest.raises(InputRejected):
        destination((0.0, 0.0), bearing, km)


def test_bearing_towards_the_pole_from_the_equator_stays_below_360():
    # Found by hypothesis: azimuth -1e-15 became 360.0 under ``%``.
    assert initial_bearing((0.0, -72.0), (89.99999999999999, 109.0)) < 360.0
