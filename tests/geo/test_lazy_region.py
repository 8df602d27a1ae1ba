"""The verdict ring polygon is built when read, and is the polygon built eagerly before."""

import dataclasses

import pytest
from shapely.geometry import Polygon

from claims.model import DistanceClaim, Provenance
from core.errors import InputRejected
from gazetteer.model import Place
from geo.lazy_region import PendingRing, stored
from geo.sector import claim_region
from geo.verdict import DistanceVerdict, check_distance

# A made-up anchor town on the Euphrates and a force said to be 40 to 60 km west of it.
DEIR = Place("t9", "Riverton", 35.33, 40.14, "PPLA", "XX", None, 300_000, "town", None,
             "test", 4.0)


def _force_claim(lo: float, hi: float, direction: str | None) -> DistanceClaim:
    prov = Provenance("q", 0, 1, 0, 1)
    return DistanceClaim(prov, lo, hi, "km", None, direction, "s", "force", "Riverton",
                         anchor_place=DEIR)


def _slot(verdict: DistanceVerdict) -> object:
    """The stored value of ``region``, read past the property."""
    return stored(verdict, "region")


def test_region_is_pending_until_read_then_kept():
    verdict = check_distance(_force_claim(40, 60, "west"))
    assert isinstance(_slot(verdict), PendingRing)
    first = verdict.region
    assert isinstance(first, Polygon) and verdict.region is first
    assert isinstance(_slot(verdict), Polygon)


@pytest.mark.parametrize("lo, hi, direction", [(40, 60, "west"), (25, 25, None),
                                               (5, 12, "north-east")])
def test_lazy_region_equals_the_eager_polygon(lo, hi, direction):
    verdict = check_distance(_force_claim(lo, hi, direction))
    pending = _slot(verdict)
    eager = claim_region(pending.anchor_point, pending.value_min_km, pending.value_max_km,
                         direction)
    assert list(verdict.region.exterior.coords) == list(eager.exterior.coords)
    assert len(verdict.region.interiors) == len(eager.interiors)


def test_asdict_and_equality_read_the_polygon():
    a, b = (check_distance(_force_claim(40, 60, "west")) for _ in range(2))
    assert a == b  # each side builds its polygon to compare
    assert isinstance(dataclasses.asdict(check_distance(_force_claim(8, 10, None)))["region"],
                      Polygon)


def test_bad_ring_rejected_when_the_verdict_is_made():
    with pytest.raises(InputRejected):
        PendingRing((35.3, 40.1), 10, 5, None)
    with pytest.raises(InputRejected):
        PendingRing((35.3, 40.1), 1, 5, "upriver")
    with pytest.raises(InputRejected):
        PendingRing((95.0, 40.1), 1, 5, None)
