"""A name the gazetteer lacks, then the unit it is and its holder (``unit-gap-container``).

Sentences written for this project, from several wars: the unit noun may follow the name
("the X health zone of", "X village, in") or precede the holder ("in the township of"). A
name with a reading of its own is not moved, and nothing happens with the switch off.
"""

from __future__ import annotations

import pytest

from gazetteer.discourse import UNIT_GAP_CONTAINER
from gazetteer.geoparse import Geoparser
from gazetteer.model import Mention


@pytest.fixture(scope="module")
def without(parser: Geoparser) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset({UNIT_GAP_CONTAINER}))


def _given(parser: Geoparser, text: str, *names: str) -> dict[str, Mention]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return {m.text: m for m in parser.resolve_spans(text, spans)}


# (text, focus town, unknown name, holder, the holder's reading it must take)
CASES = [
    ("Fighting displaced thousands in Kananga. Militiamen burned homes in the Bulape health"
     " zone of Kasai province, officials said.", "Kananga", "Bulape", "Kasai", "Kasaï"),
    ("Troops raided Shwebo on Monday. Residents of Nyaung Pin Thar village, in the township"
     " of Kanbalu, fled.", "Shwebo", "Nyaung Pin Thar", "Kanbalu", "Kanbalu"),
    ("The convoy left El Obeid at dawn. Gunmen looted the market of Hillat Wad Tarbeesh"
     " village, in the locality of Um Ruwaba, hours later.", "El Obeid",
     "Hillat Wad Tarbeesh", "Um Ruwaba", "Umm Ruwaba"),
]


@pytest.mark.parametrize(("text", "focus", "name", "holder", "reading"), CASES)
def test_unknown_name_goes_to_the_unit_the_text_names(
    parser: Geoparser, without: Geoparser, text: str, focus: str, name: str, holder: str,
    reading: str,
) -> None:
    found = _given(parser, text, focus, name, holder)[name]
    assert found.place is not None and found.place.name == reading
    assert "contained-reading" in found.trace
    assert found.candidates[0].reasons[0].startswith(f"'{name}' placed in {reading}")
    # Switched off, the name stays in the article's focus town.
    before = _given(without, text, focus, name, holder)[name]
    assert before.place is None or before.place.name != reading


def test_a_name_with_a_reading_of_its_own_is_not_moved(parser: Geoparser) -> None:
    text = "Drones struck Kramatorsk city, in the region of Kharkiv, a report wrongly said."
    found = _given(parser, text, "Kramatorsk", "Kharkiv")["Kramatorsk"]
    assert found.place is not None and found.place.name == "Kramatorsk"


@pytest.mark.parametrize(
    "gap",
    [" health zone of ", " village, in the township of ", ", in the district of ",
     " locality of ", " commune in the "],
)
def test_unit_gaps(gap: str) -> None:
    from gazetteer.discourse import _unit_gap

    assert _unit_gap(gap)


@pytest.mark.parametrize("gap", [" of ", " in ", ", ", " and the ", " village near "])
def test_gaps_without_a_unit_are_not_unit_gaps(gap: str) -> None:
    from gazetteer.discourse import _unit_gap

    assert not _unit_gap(gap)


# (text, the name with no reading of its own, the holder named in the possessive)
POSSESSIVE_CASES = [
    ("Drones struck Odesa's Pivdennyi port and a depot near Izmail.", "Pivdennyi", "Odesa"),
    ("Rebels took Aleppo's Sheikh Maqsoud district after clashes near Azaz.",
     "Sheikh Maqsoud", "Aleppo"),
]


@pytest.mark.parametrize(("text", "name", "holder"), POSSESSIVE_CASES)
def test_a_name_after_its_holders_possessive_is_in_the_holder(
    parser: Geoparser, text: str, name: str, holder: str
) -> None:
    from gazetteer.discourse import POSSESSIVE_CONTAINER

    found = _given(parser, text, holder, name)[name]
    assert found.place is not None and found.place.name == holder
    assert "contained-reading" in found.trace
    off = Geoparser(parser.index, disabled=frozenset({POSSESSIVE_CONTAINER}))
    before = _given(off, text, holder, name)[name]
    assert "contained-reading" not in before.trace


@pytest.mark.parametrize(
    ("text", "name", "holder"),
    [
        # The owner is recognized on its own ("Kinshasa's") but not given.
        ("Officials in Goma said the cargo left Kinshasa's Ndolo Freight Reception Center"
         " on Friday.", "Ndolo Freight Reception Center", "Kinshasa"),
        ("Talks moved from Kansas City to Khartoum's Tuti Kaafouri pavilion on Monday.",
         "Tuti Kaafouri", "Khartoum"),
    ],
)
def test_the_owner_of_a_given_span_is_read_from_the_text(
    parser: Geoparser, text: str, name: str, holder: str
) -> None:
    first = text.split(" ")[2] if text.startswith("Officials") else "Kansas City"
    place = _given(parser, text, first, name)[name].place
    assert place is not None and place.name == holder
