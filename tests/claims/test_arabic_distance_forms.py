"""Arabic distance statements, breadth (issue 16): each written form of an amount, a unit, a
frame and a direction as agencies write them, one probe per form (sentences written for
these tests, about many wars, in ``data/arabic_distance_forms.json``), and hard negatives:
numbers that are not distances."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims import extract_claims
from claims.arabic.numbers import find_arabic_amounts
from claims.arabic.text import fold, without_marks

#: The probe tables (written for these tests): amounts, non-distances, statements, by id.
FORMS = json.loads((Path(__file__).parent / "data" / "arabic_distance_forms.json")
                   .read_text(encoding="utf-8"))


def _params(table: str) -> list:
    return [pytest.param(row["text"], row.get("expected"), id=row["id"]) for row in FORMS[table]]


def _distances(text: str) -> list:
    return [c for c in extract_claims(text, published="2024-03-08") if c.kind == "distance"]


@pytest.mark.parametrize(("text", "expected"), _params("amount_forms"))
def test_amount_forms(text, expected):
    (amount,) = find_arabic_amounts(fold(text))
    assert [amount.value_min, amount.value_max, amount.unit, amount.qualifier] == expected


@pytest.mark.parametrize(("text", "expected"), _params("not_distances"))
def test_not_distances(text, expected):
    assert expected is None and _distances(text) == []


@pytest.mark.parametrize(("text", "expected"), _params("distance_forms"))
def test_distance_forms(text, expected):
    """``expected``: value, unit, qualifier, direction, anchor, subject (null: not checked);
    null as a whole: no statement."""
    if expected is None:
        assert _distances(text) == []
        return
    (claim,) = _distances(text)
    value, unit, qualifier, direction, anchor, subject = expected
    assert (claim.value_min, claim.unit, claim.qualifier, claim.direction, claim.anchor) == \
        (value, unit, qualifier, direction, anchor)
    if subject is not None:
        assert claim.subject == subject
    assert text[claim.provenance.start:claim.provenance.end] == claim.provenance.quote


def test_reference_subject_is_resolved_not_dropped():
    """"وتقع المدينة على بعد ...": the town of the sentence before is the subject."""
    (claim,) = _distances("سيطرت قوات حفتر على مدينة ترهونة. وتقع المدينة على بعد 65 كيلومترا "
                          "جنوب شرق طرابلس.")
    assert (claim.value_min, claim.anchor, claim.subject) == (65, "طرابلس", "ترهونة")


def test_pronoun_anchor_is_resolved():
    """"على بعد 10 كيلومترات منها": the pronoun is the place named before."""
    (claim,) = _distances("وصلت القوات إلى مشارف حلب. وتمركزت على بعد 10 كيلومترات منها.")
    assert (claim.value_min, claim.anchor) == (10, "حلب")
    (claim,) = _distances("وصلت القوات إلى مشارف حلب. وتمركزت على بعد 10 كيلومترات إلى "
                          "الشمال منها.")
    assert (claim.value_min, claim.direction, claim.anchor) == (10, "north", "حلب")


def test_pronoun_after_the_verb_is_resolved():
    """"لا يبعد عنها سوى": the anchor is the place of the sentence before."""
    (claim,) = _distances("دخلت القوات الأوكرانية مدينة خيرسون. ولا تبعد عنها خطوط القوات "
                          "الروسية سوى 3 كيلومترات.")
    assert (claim.value_min, claim.qualifier, claim.anchor) == (3, "only", "خيرسون")


def test_without_marks_maps_offsets_back():
    text = "على بعد ٥٠ كيلومترًا تقريبًا"
    bare, index = without_marks(text)
    assert "ً" not in bare and len(index) == len(bare) + 1
    assert text[index[bare.index("تقريبا")]:index[len(bare) - 1] + 1] == "تقريبًا"
