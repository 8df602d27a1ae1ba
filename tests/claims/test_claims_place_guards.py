"""Words that only look like names are no places of a control claim.

Rules *force-modifier* and *opening-word-no-referent* (``claims/control_places.py``). The
sentences are written for these tests, about several wars.
"""

from __future__ import annotations

import pytest
from conftest import controls


@pytest.mark.parametrize("text", [
    "Rebel troops seized the airport on Monday.",
    "Rebel forces captured the town after a week of fighting.",
    "Junta soldiers pulled out of the base before dawn.",
])
def test_a_word_before_a_force_noun_is_no_place(text):
    assert not [c for c in controls(text, None) if c[1] in {"Rebel", "Junta"}]


@pytest.mark.parametrize(("text", "conflict", "place"), [
    ("Misrata brigades entered Sirte on Friday.", "libya", "Sirte"),
    ("Wagner fighters entered Soledar on Tuesday.", "ukraine", "Soledar"),
])
def test_the_place_after_a_modified_force_is_still_read(text, conflict, place):
    assert place in {c[1] for c in controls(text, conflict)}


@pytest.mark.parametrize("text", [
    "Crowds cheered as Russian troops entered the city.",
    "Witnesses said government forces had retaken the town.",
])
def test_a_sentence_opening_word_is_no_referent(text):
    assert not [c for c in controls(text, None) if c[1] in {"Crowds", "Witnesses"}]


def test_a_placed_opening_name_is_still_a_referent():
    text = "Gharyan fell on Tuesday after the LNA had besieged the town for days."
    assert "Gharyan" in {c[1] for c in controls(text, "libya")}
