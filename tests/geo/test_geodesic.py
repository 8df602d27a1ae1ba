"""Geodesic distance and bearing on WGS84.

Known distances, symmetry, poles, antimeridian, bad input.
"""

from __future__ import annotations

import doctest
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo.geodesic as geodesic_module
from core.errors import InputRejected
from geo.geodesic import (
    bearing_fits,
    compass_point,
    destination,
    distance_km,
    initial_bearing,
    to_km,
    validate_point,
)

SIRTE = (31.2089, 16.5887)
MISRATA = (32.3754, 15.0925)
TRIPOLI = (32.8872, 13.1913)
GHARYAN = (32.1722, 13.0203)

KNOWN_DISTANCES = [
    pytest.param(SIRTE, MISRATA, 192.0, 2.0, id="sirte-misrata"),
    pytest.param(TRIPOLI, GHARYAN, 81.0, 5.0, id="tripoli-gharyan"),
    pytest.param((0.0, 0.0), (0.0, 1.0), 111.3195, 0.001, id="one-degree-equator"),
    pytest.param((90.0, 0.0), (-90.0, 0.0), 20003.93, 0.01, id="pole-to-pole"),
    pytest.param((0.0, 179.5), (0.0, -179.5), 111.3195, 0.001, id="across-antimeridian"),
    pytest.param((0.0, 0.0), (0.5, 179.7), 19_950.0, 60.0, id="near-antipodal"),
]


@pytest.mark.parametrize(("a", "b", "expected", "tolerance"), KNOWN_DISTANCES)
def test_known_distances(a, b, expected, tolerance):
    assert distance_km(a, b) == pytest.approx(expected, abs=tolerance)


@pytest.mark.parametrize(("a", "b", "expected", "tolerance"), KNOWN_DISTANCES)
def test_distance_is_symmetric(a, b, expected, tolerance):
    assert distance_km(a, b) == pytest.approx(distance_km(b, a), abs=1e-6)


@pytest.mark.parametrize(("a", "b"), [(p.values[0], p.values[1]) for p in KNOWN_DISTANCES] + [
    ((-0.0, -0.0), (0.0, 0.0)), ((-0.0, 180.0), (45.0, -0.0)), (SIRTE, SIRTE)])
def test_distance_is_geopys_to_the_bit(a, b):
    from geopy.distance import geodesic

    expected = geodesic(a, b).km
    got = distance_km(a, b)
    assert got == expected and math.copysign(1.0, got) == math.copysign(1.0, expected)


@pytest.mark.parametrize("point", [SIRTE, (90.0, 0.0), (-90.0, 45.0), (0.0, 180.0)])
def test_zero_on_the_diagonal(point):
    assert distance_km(point, point) == 0.0


def test_bearing_tripoli_to_gharyan_is_south():
    bearing = initial_bearing(TRIPOLI, GHARYAN)
    assert 180 <= bearing <= 200
    assert compass_point(bearing) == "south"
    assert bearing_fits(bearing, "south")
    assert not bearing_fits(bearing, "north")


def test_bearing_across_antimeridian_is_east():
    assert initial_bearing((0.0, 179.5), (0.0, -179.5)) == pytest.approx(90.0, abs=1e-6)


def test_destination_round_trips_with_distance_and_bearing():
    point = destination(TRIPOLI, 135.0, 250.0)
    assert distance_km(TRIPOLI, point) == pytest.approx(250.0, abs=1e-6)
    assert initial_bearing(TRIPOLI, point) == pytest.approx(135.0, abs=1e-6)


def test_destination_normalizes_longitude_across_antimeridian():
    _, lon = destination((0.0, 179.9), 90.0, 100.0)
    assert -180.0 <= lon <= 180.0


@pytest.mark.parametrize(
    ("lat", "lon", "message"),
    [
        (91, 0, "latitude 91.0"),
        (0, -181, "longitude -181.0"),
        (math.nan, 0, "NaN"),
        ("north", 0, "must be numbers"),
        (None, 0, "must be numbers"),
    ],
)
def test_validate_point_rejects_bad_values_naming_them(lat, lon, message):
    with pytest.raises(InputRejected, match=message):
        validate_point(lat, lon)


def test_bad_point_is_also_a_value_error():
    with pytest.raises(ValueError):
        distance_km((100.0, 0.0), (0.0, 0.0))


@pytest.mark.parametrize(
    ("value", "unit", "km"),
    [(1, "km", 1), (60, "mi", 96.56064), (10, "nmi", 18.52), (500, "m", 0.5)],
)
def test_to_km(value, unit, km):
    assert to_km(value, unit) == pytest.approx(km)


def test_to_km_rejects_unknown_unit():
    with pytest.raises(InputRejected, match="furlong"):
        to_km(1, "furlong")


def test_docstring_examples_hold():
    assert doctest.testmod(geodesic_module).failed == 0


@settings(max_examples=400, deadline=None)
@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180),
       st.floats(0, 1))
def test_distance_floor_is_never_above_the_geodesic(lat1, lon1, lat2, lon2, near):
    """The cheap floor that rules out far held places never exceeds the true distance."""
    from geo.geodesic import distance_floor_km

    if near < 0.5:  # close pairs too: the floor is tightest along a meridian at the equator
        lat2 = max(-90.0, min(90.0, lat1 + (lat2 - lat1) * 1e-3))
        lon2 = max(-180.0, min(180.0, lon1 + (lon2 - lon1) * 1e-3))
    floor = distance_floor_km((lat1, lon1), (lat2, lon2))
    assert 0 <= floor <= distance_km((lat1, lon1), (lat2, lon2))


@settings(max_examples=400, deadline=None)
@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180),
       st.floats(0, 1))
def test_distance_ceiling_is_never_below_the_geodesic(lat1, lon1, lat2, lon2, near):
    """The cheap ceiling that rules near subjects in never falls short of the true distance."""
    from geo.geodesic import distance_ceiling_km

    if near < 0.5:  # close pairs too
        lat2 = max(-90.0, min(90.0, lat1 + (lat2 - lat1) * 1e-3))
        lon2 = max(-180.0, min(180.0, lon1 + (lon2 - lon1) * 1e-3))
    a, b = (lat1, lon1), (lat2, lon2)
    assert distance_km(a, b) <= distance_ceiling_km(a, b)


@pytest.mark.parametrize("pair", [((0.0, 0.0), (0.01, 0.0)), ((0.0, 0.0), (0.0, 179.9)),
                                  ((0.0, 0.0), (0.5, 179.7)), ((89.9, 0.0), (-89.9, 180.0)),
                                  ((10.0, 10.0), (10.0, 10.0))])
def test_distance_floor_at_the_extremes(pair):
    from geo.geodesic import distance_floor_km

    assert distance_floor_km(*pair) <= distance_km(*pair)
    assert distance_floor_km(*pair) >= 0.99 * distance_km(*pair)  # tight enough to rule out


@settings(max_examples=400, deadline=None)
@given(st.floats(-90, 90), st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180))
def test_distance_and_bearing_equal_the_two_solutions(lat1, lon1, lat2, lon2):
    """One geodesic solution for both (the verdicts use it): the same floats to the bit."""
    from geo.geodesic import distance_and_bearing

    a, b = (lat1, lon1), (lat2, lon2)
    assert distance_and_bearing(a, b) == (distance_km(a, b), initial_bearing(a, b))


@pytest.mark.parametrize("a, b", [((-0.0, 10.0), (1.0, 10.0)), ((0.0, -0.0), (0.0, 0.0)),
                                  ((90.0, 0.0), (-90.0, 0.0)), ((0.0, 0.0), (0.0, 180.0)),
                                  ((12.5, 30.0), (12.5, 30.0))])
def test_distance_and_bearing_at_signed_zeros_and_poles(a, b):
    from geo.geodesic import distance_and_bearing

    assert distance_and_bearing(a, b) == (distance_km(a, b), initial_bearing(a, b))
