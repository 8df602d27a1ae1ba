"""Rule ``recognized-context``: with given spans, the areas the text names elsewhere vote.

Sentences written for this project. With only the town's span given, a country or
first-level region that recognition finds elsewhere in the text (not adjacent, so not a
qualifier) moves the town to its namesake there, as an end-to-end run would; a demonym
and a county do not. Switching the rule off brings the other reading back.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.qualifiers import RECOGNIZED_CONTEXT


def _given(parser: Geoparser, text: str, name: str) -> tuple[str | None, str | None]:
    start = text.index(name)
    place = parser.resolve_spans(text, [(start, start + len(name))])[0].place
    return (place.country_code, place.admin1) if place else (None, None)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Police in Salvador, the capital of Bahia, arrested two men after the carnival.",
         "Salvador", ("BR", None)),
        ("Albany detectives and agents of the Georgia Bureau of Investigation searched a house.",
         "Albany", ("US", "GA")),
    ],
)
def test_an_area_named_elsewhere_places_the_given_town(
    parser: Geoparser, text: str, name: str, expected: tuple[str, str | None]
) -> None:
    country, admin1 = _given(parser, text, name)
    assert country == expected[0]
    assert expected[1] is None or admin1 == expected[1]
    without = Geoparser(parser.index, disabled=frozenset({RECOGNIZED_CONTEXT}))
    assert _given(without, text, name) != (country, admin1)


def test_a_demonym_is_not_read_as_the_area(parser: Geoparser) -> None:
    text = "Israeli shells hit homes in Qlailehweh, a hamlet north of the Litani, residents said."
    assert parser._names_area("Israeli") is False
    start = text.index("Qlailehweh")
    mention = parser.resolve_spans(text, [(start, start + len("Qlailehweh"))])[0]
    assert mention.place is None or mention.place.country_code != "IL"


def test_counties_are_not_areas(parser: Geoparser) -> None:
    assert parser._names_area("Georgia") and parser._names_area("Bahia")
    assert not parser._names_area("Madison") and not parser._names_area("Martin")



def test_arabic_text_is_left_out(parser: Geoparser) -> None:
    # "the northern border" reads as Saudi Arabia's Northern Borders region: as context
    # it would move both Vietnamese towns there.
    text = "حاصرت القوات لانغ سون ثم تقدمت نحو كاو بانغ قرب الحدود الشمالية."
    spans = [(text.index(n), text.index(n) + len(n)) for n in ("لانغ سون", "كاو بانغ")]
    assert {m.place.country_code for m in parser.resolve_spans(text, spans)} == {"VN"}
