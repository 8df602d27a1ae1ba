"""Rule ``compass-compound``: "Northwest" also reads as "North-West".

Sentences written for this project. First-level regions of Cameroon, South Africa and
Botswana are named "North-West", "South-West" in the gazetteer; reporters write them as
one word. With the rule switched off the one-word name reads as a hamlet or an Emirati
district of that name instead.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import COMPASS_COMPOUND, Geoparser


def _given(parser: Geoparser, text: str, name: str) -> tuple[str | None, str | None]:
    start = text.index(name)
    place = parser.resolve_spans(text, [(start, start + len(name))])[0].place
    return (place.country_code, place.feature_code) if place else (None, None)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Schools stayed shut in Cameroon's Northwest region for a fourth year.", "Northwest"),
        ("Separatists in the Southwest region of Cameroon burned a school near Buea.",
         "Southwest"),
    ],
)
def test_a_one_word_compound_reads_as_the_region(parser: Geoparser, text: str,
                                                 name: str) -> None:
    assert _given(parser, text, name) == ("CM", "ADM1")
    without = Geoparser(parser.index, disabled=frozenset({COMPASS_COMPOUND}))
    assert _given(without, text, name) != ("CM", "ADM1")


def test_the_own_name_reading_keeps_its_tier(parser: Geoparser) -> None:
    tiers = {p.id: t for p, t in parser.matches("Northwest")}
    assert "name" in tiers.values()  # the hamlet called Northwest is still read by name
    without = Geoparser(parser.index, disabled=frozenset({COMPASS_COMPOUND}))
    assert parser.matches("Westbrook") == without.matches("Westbrook")  # no compound
