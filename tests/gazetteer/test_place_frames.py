"""Names the gazetteer lacks, in frames that say "a place" (recognition step ``place-frame``).

Sentences written for this project, from several wars. A framed name is recognized and
then placed where the text puts it (its holder, its anchor) or left unresolved with the
reason; the look-alikes (an institution's "District", an adjective before "village", a
mid-name match, a quarter of a year) are not names; switched off, the names are lost.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.place_frames import PLACE_FRAME, framed_unknown_names


def _by_name(parser: Geoparser, text: str) -> dict:
    return {m.text: m for m in parser.geoparse(text)}


@pytest.mark.parametrize(
    ("text", "name", "placed_in"),
    [
        ("Militias clashed in the Abu Salim district of Tripoli.", "Abu Salim", "Tripoli"),
        ("Fighters seized Umm Kadada Gharb, a village west of El Fasher, on Monday.",
         "Umm Kadada Gharb", "El Fasher"),
        ("Gunmen looted Goma's Kyeshero camp overnight.", "Kyeshero", "Goma"),
        ("Residents fled Tarbeesh Wad Ali village, in the locality of Um Ruwaba.",
         "Tarbeesh Wad Ali", "Umm Ruwaba"),
        ("Shelling hit the village of Kroshino Dolne near Pokrovsk.", "Kroshino Dolne",
         "Pokrovsk"),
    ],
)
def test_a_framed_name_is_recognized_and_placed_where_the_text_puts_it(
    parser: Geoparser, text: str, name: str, placed_in: str
) -> None:
    found = _by_name(parser, text)
    assert name in found
    assert found[name].place is not None and found[name].place.name == placed_in
    without = Geoparser(parser.index, disabled=frozenset({PLACE_FRAME}))
    assert name not in _by_name(without, text)


def test_a_framed_name_with_no_holder_is_unresolved_with_a_reason(parser: Geoparser) -> None:
    found = _by_name(parser, "Then Kyeshero camp was shelled near Goma.")
    assert found["Kyeshero"].place is None and found["Kyeshero"].unresolved


@pytest.mark.parametrize(
    "text",
    [
        "The Palestine Independent School District board met on Monday.",
        "Georgian forces attacked an Ossetian-controlled village at dawn.",
        "The incident happened in a Silverado Ranch neighborhood near the mall.",
        "The economy grew in the October-December quarter.",
        "Mayor Reyes, the village trustees and the county agreed.",
        "The superintendent of the grade K-8 district resigned.",
        "Shells hit the Georgian village of Prisi.",
    ],
)
def test_look_alikes_are_no_framed_names(parser: Geoparser, text: str) -> None:
    added = [s.text for s in framed_unknown_names(text, parser.recognize(text))
             if PLACE_FRAME in s.trace]
    assert added in ([], ["Prisi"])
