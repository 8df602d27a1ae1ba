"""The great-circle bound that spares most distance claims the exact geodesic (issue 15).

:func:`claims.extract._implausible_subject` asks whether a subject lies absurdly far from
its anchor; :func:`geo.geodesic.distance_ceiling_km` bounds the WGS84 geodesic from above
(and :func:`~geo.geodesic.distance_floor_km` from below), so a subject clearly within the
limit needs no exact geodesic. These tests
check the bound everywhere on the globe and that the answers are those of the geodesic.
"""

from __future__ import annotations

import random

import pytest

from claims.extract import IMPLAUSIBLE_RATIO, _implausible_subject
from gazetteer.model import Place
from geo.geodesic import distance_ceiling_km, distance_floor_km, distance_km


def _random_point(rng: random.Random) -> tuple[float, float]:
    lat = rng.choice((rng.uniform(-90, 90), rng.choice((-90.0, 90.0, 0.0)), rng.uniform(-5, 5)))
    return lat, rng.uniform(-180, 180)


@pytest.mark.parametrize("seed", range(10))
def test_the_geodesic_lies_between_the_two_spheres(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        a = _random_point(rng)
        # near points, far points and nearly antipodal ones
        b = rng.choice((_random_point(rng), (a[0] + rng.uniform(-1, 1) * 0.5, a[1]),
                        (-a[0] + rng.uniform(-0.5, 0.5), a[1] - 180 if a[1] > 0 else a[1] + 180)))
        b = (max(-90.0, min(90.0, b[0])), b[1])
        geodesic = distance_km(a, b)
        assert distance_floor_km(a, b) <= geodesic <= distance_ceiling_km(a, b)


def _exact(subject: Place, anchor: Place, stated_km: float) -> bool:
    true_km = distance_km((subject.lat, subject.lon), (anchor.lat, anchor.lon))
    return true_km > IMPLAUSIBLE_RATIO * stated_km and true_km - stated_km > 500.0


def test_a_subject_is_implausible_exactly_when_the_geodesic_says_so() -> None:
    rng = random.Random(7)
    for _ in range(400):
        a, b = _random_point(rng), _random_point(rng)
        anchor, subject = Place("a", "A", *a, "PPL"), Place("s", "S", *b, "PPL")
        stated = rng.choice((1.0, 30.0, 60.0, 250.0, 900.0, 3000.0))
        expected = _exact(subject, anchor, stated)
        assert _implausible_subject(subject, anchor, stated, "km") == expected
    # "Tawila, some 60 km west of El Fasher" read as a namesake in Yemen: implausible
    fasher, yemen = Place("f", "El Fasher", 13.63, 25.35, "PPL"), Place("y", "Y", 15.0, 44.0, "PPL")
    assert _implausible_subject(yemen, fasher, 60, "km")
    assert not _implausible_subject(Place("t", "Tawila", 13.5, 24.8, "PPL"), fasher, 60, "km")
