"""A name read through its Latin spelling stays near the war's countries and the document's
places (gazetteer.translit_bounds); sentences written for the test, several wars."""

from __future__ import annotations

import pytest

from claims.arabic.extract import extract_arabic_claims
from gazetteer.model import Candidate, Mention, Place
from gazetteer.translit_bounds import TRANSLIT_FAR, TRANSLIT_NEAR, bound_translit_mentions

_FAR = Place("t:1", "Farplace", 61.7, 27.3, "PPLA", "FI")
_NEAR = Place("t:2", "Nearplace", 13.5, 39.5, "PPLA", "ET")
_ANCHOR = Place("t:3", "Anchor", 14.1, 38.9, "PPL", "ET")


def _translit(*places: Place) -> Mention:
    return Mention(0, 5, "اسممم", tuple(Candidate(p, 1.0) for p in places))


def _anchor() -> Mention:
    return Mention(10, 14, "عدوا", (Candidate(_ANCHOR, 1.0),))


def test_far_reading_moves_to_a_candidate_in_the_document_countries():
    out = bound_translit_mentions([_translit(_FAR, _NEAR), _anchor()], lambda t: t == "اسممم")
    assert out[0].place == _NEAR and TRANSLIT_NEAR in out[0].candidates[0].reasons


def test_far_reading_with_no_near_candidate_is_left_unresolved():
    out = bound_translit_mentions([_translit(_FAR), _anchor()], lambda t: t == "اسممم")
    assert out[0].place is None and TRANSLIT_FAR in out[0].trace
    assert out[1].place == _ANCHOR  # names the gazetteer holds in Arabic are not touched


def test_war_countries_alone_bound_a_reading_and_more_readings_are_tried():
    again = bound_translit_mentions([_translit(_FAR)], lambda t: True, {"SD"})
    assert again[0].place is None
    out = bound_translit_mentions(again, lambda t: True, {"ET"}, lambda t: [_FAR, _NEAR])
    assert out[0].place == _NEAR


def test_no_evidence_keeps_the_reading():
    assert bound_translit_mentions([_translit(_FAR)], lambda t: True)[0].place == _FAR


@pytest.mark.parametrize(("text", "conflict", "country"), [
    ("دخلت قوات دفاع تيغراي مدينة ميكيلي مساء الاثنين.", "ethiopia", "ET"),
    ("قصفت القوات الروسية مدينة كراماتورسك شرق البلاد.", "ukraine", "UA"),
    ("دخلت قوات فانو مدينة غوندار بعد معارك.", "ethiopia", "ET"),
    ("سيطرت قوات الدعم السريع على بلدة مليط في شمال دارفور.", "sudan", "SD"),
])
def test_claim_place_read_by_sound_lies_in_the_war(text, conflict, country):
    claims = [c for c in extract_arabic_claims(text, conflict=conflict) if c.place_ref]
    assert claims and {c.place_ref.country_code for c in claims} == {country}
