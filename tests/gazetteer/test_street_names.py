"""Rule ``street-name`` and its switch ``multiword-street-name``.

Sentences written for this project. A place's name right before a street word is the
street's name, not the place: one word ("Wichita Drive") and, with the switch, several
("Green Oaks Boulevard", "a Mineral Wells Avenue store"). The town named elsewhere in the
sentence stays; switching the multi-word part off brings the street's place back.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.recognize import MULTIWORD_STREET


def _names(parser: Geoparser, text: str) -> list[str]:
    return [m.text for m in parser.geoparse(text)]


@pytest.mark.parametrize(
    ("text", "street", "town"),
    [
        ("The new clinic opens on Green Oaks Boulevard in Arlington next week.",
         "Green Oaks", "Arlington"),
        ("Police were called to a Mineral Wells Avenue shop in Fort Worth.", "Mineral Wells",
         "Fort Worth"),
        ("The fire started at 410 Hot Springs Drive, Little Rock firefighters said.",
         "Hot Springs", "Little Rock"),
    ],
)
def test_a_street_named_after_places_is_no_place(
    parser: Geoparser, text: str, street: str, town: str
) -> None:
    names = _names(parser, text)
    assert street not in names and town in names
    without = Geoparser(parser.index, disabled=frozenset({MULTIWORD_STREET}))
    assert street in _names(without, text)


def test_a_one_word_street_name_is_dropped_without_the_switch(parser: Geoparser) -> None:
    without = Geoparser(parser.index, disabled=frozenset({MULTIWORD_STREET}))
    assert "Wichita" not in _names(without, "A crash closed Wichita Drive in Dallas.")
