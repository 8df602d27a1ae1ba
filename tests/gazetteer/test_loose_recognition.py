"""Recognition step ``loose-spelling-in-country`` (:mod:`gazetteer.loose_recognition`).

Sentences written for this project. A town GeoNames holds under another spelling is found
in running text when the document already names its country through another place; words
that merely resemble places, parts of longer names and people are left alone. Switching
the step off loses the town.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.loose_recognition import LOOSE_SPELLING_IN_COUNTRY


def _found(parser: Geoparser, text: str) -> dict[str, str | None]:
    return {m.text: (m.place.country_code if m.place else None) for m in parser.geoparse(text)}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Drones hit a depot near Zaporizhzhia and a school in Huliaipole overnight.",
         "Huliaipole", "UA"),
        ("Soldiers from Gao and Ménaka were ambushed near Anderamboukane.", "Anderamboukane",
         "ML"),
        ("The ferry from Tripoli called at Zuwara before turning back to Misrata.", "Zuwara",
         "LY"),
    ],
)
def test_a_variant_spelling_in_the_story_country_is_found(
    parser: Geoparser, text: str, name: str, country: str
) -> None:
    assert _found(parser, text).get(name) == country
    without = Geoparser(parser.index, disabled=frozenset({LOOSE_SPELLING_IN_COUNTRY}))
    assert name not in _found(without, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Officials in Hanoi met the Minister of Defence on Monday.", "Defence"),
        ("Shoppers in Chicago crowded into Woodfield Shopping Center.", "Woodfield"),
        ("In Kyiv, according to Petrenko, the talks went well.", "Petrenko"),
        ("Drones hit Odesa again, and Huliaipole was shelled.", "Huliaipole"),  # no lead
    ],
)
def test_words_names_and_parts_are_left_alone(parser: Geoparser, text: str, word: str) -> None:
    found = _found(parser, text)
    assert word not in found or found[word] is None
