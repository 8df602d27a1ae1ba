"""Tests for the famous-namesake preference (gazetteer.namesakes)."""

from __future__ import annotations

from gazetteer.model import Candidate, Place
from gazetteer.names import normalize
from gazetteer.namesakes import famous_namesake


def _town(pid: str, cc: str, admin1: str, population: int) -> Place:
    return Place(
        id=pid, name="Louisville", lat=0.0, lon=0.0, feature_code="PPL", country_code=cc,
        admin1=admin1, population=population, precision="town", geonameid=None,
        source="test", radius_km=5.0,
    )


SMALL = _town("small", "US", "OH", 9_126)
BIG = _town("big", "US", "KY", 624_444)
ABROAD = _town("abroad", "FR", "11", 900_000)


def test_big_namesake_beats_small_town_only_the_region_supports() -> None:
    cands = (Candidate(SMALL, 7.9, ("document region US.OH 42%", "177 km from Columbus")),
             Candidate(BIG, 6.4, ("document country US 88%",)))
    assert famous_namesake(cands, "louisville", normalize)[0].place is BIG


def test_small_town_kept_when_the_text_ties_it_down() -> None:
    near = (Candidate(SMALL, 7.9, ("12 km from Canton",)), Candidate(BIG, 6.4, ()))
    qualified = (Candidate(SMALL, 7.9, ("qualified by Ohio",)), Candidate(BIG, 6.4, ()))
    assert famous_namesake(near, "louisville", normalize)[0].place is SMALL
    assert famous_namesake(qualified, "louisville", normalize)[0].place is SMALL


def test_namesake_abroad_never_wins() -> None:
    cands = (Candidate(SMALL, 7.9, ()), Candidate(ABROAD, 6.4, ()))
    assert famous_namesake(cands, "louisville", normalize)[0].place is SMALL
