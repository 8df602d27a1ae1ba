"""The name after "TOWN in" that a far city and the town's own region share (``town-in-unit``).

Sentences written for this project, from several wars. The region is read when its city
lies far from the town; a city close by, a name already read as a region or country, and
other gaps keep their readings; switched off, the city comes back.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.town_in_unit import TOWN_IN_UNIT


@pytest.fixture(scope="module")
def without(parser: Geoparser) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset({TOWN_IN_UNIT}))


def _places(parser: Geoparser, text: str) -> dict[str, tuple[str, str]]:
    return {m.text: (m.place.name, m.place.feature_code) for m in parser.geoparse(text)
            if m.place is not None}


@pytest.mark.parametrize(
    ("text", "unit", "region"),
    [
        ("The junta bombed Kanbalu in Sagaing on Friday.", "Sagaing", "Sagaing Region"),
        ("Russian missiles struck Kramatorsk in Donetsk overnight.", "Donetsk",
         "Donetsk Oblast"),
        ("Shelling hit Kupiansk in Kharkiv, the governor said.", "Kharkiv", "Kharkiv Oblast"),
    ],
)
def test_the_unit_holding_the_town(
    parser: Geoparser, without: Geoparser, text: str, unit: str, region: str
) -> None:
    found = {m.text: m for m in parser.geoparse(text)}[unit]
    assert (found.place.name, found.place.feature_code) == (region, "ADM1")
    assert TOWN_IN_UNIT in found.trace
    assert found.candidates[0].reasons[0].startswith(f"the region {region}, which holds")
    assert _places(without, text)[unit][1] != "ADM1"


@pytest.mark.parametrize(
    ("text", "name", "reading"),
    [
        # A district of the city itself: the city stays.
        ("Shells landed in Saltivka in Kharkiv.", "Kharkiv", ("Kharkiv", "PPL")),
        # Already a country.
        ("Militants attacked Diffa in Niger.", "Niger", ("Niger", "PCLI")),
        # Not the frame: "near", "and".
        ("Fighting spread from Kramatorsk and Donetsk.", "Donetsk", ("Donetsk", "PPL")),
    ],
)
def test_other_frames_keep_their_readings(
    parser: Geoparser, text: str, name: str, reading: tuple[str, str]
) -> None:
    assert _places(parser, text)[name] == reading
