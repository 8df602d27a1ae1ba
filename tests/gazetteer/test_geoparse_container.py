"""A name the text puts inside a state or country (rule ``container-contradicted``).

Sentences written for this project (not the probe files' texts): an apposition naming
the first-level unit or country ("X, a small town in Wisconsin"), a state qualifier
closed by punctuation ("X, Wyoming,"), and the prose and lists that are no such frame.
"""

from __future__ import annotations

import pytest

from gazetteer.container import CONTAINER_CONTRADICTED, container_frame
from gazetteer.geoparse import Geoparser
from gazetteer.model import Mention


@pytest.fixture(scope="module")
def without(parser: Geoparser) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset({CONTAINER_CONTRADICTED}))


def _given(parser: Geoparser, text: str, *names: str) -> dict[str, Mention]:
    spans = [(text.index(n), text.index(n) + len(n)) for n in names]
    return {m.text: m for m in parser.resolve_spans(text, spans)}


@pytest.mark.parametrize(
    ("text", "container"),
    [
        ("Bergen, a village in Alberta, lost its only school.", "Alberta"),
        ("Zurich, a small village in Kansas, held its harvest fair.", "Kansas"),
        ("Hamburg, a farming village in Ghana, lost its well.", "Ghana"),
    ],
)
def test_far_reading_outside_the_named_unit_is_left_unresolved(
    parser: Geoparser, without: Geoparser, text: str, container: str
) -> None:
    name = text.split(",")[0]
    found = _given(parser, text, name, container)[name]
    assert found.place is None
    assert CONTAINER_CONTRADICTED in found.trace
    assert found.unresolved.startswith(f"no place of this name in {container}")
    assert _given(without, text, name, container)[name].place is not None


def test_a_lower_reading_inside_the_unit_is_put_first(
    parser: Geoparser, without: Geoparser
) -> None:
    text = "Lima, a farming town in Ohio, lost power after the storm."
    assert _given(without, text, "Lima", "Ohio")["Lima"].place.country_code == "PE"
    lima = _given(parser, text, "Lima", "Ohio")["Lima"].place
    assert (lima.country_code, lima.admin1) == ("US", "OH")


def test_the_container_reading_that_holds_the_name_is_put_first(parser: Geoparser) -> None:
    text = "Rome, a small city in Georgia, lost power after the storm."
    found = _given(parser, text, "Rome", "Georgia")
    assert (found["Rome"].place.country_code, found["Rome"].place.admin1) == ("US", "GA")
    assert found["Georgia"].place.feature_code == "ADM1"


def test_state_qualifier_closed_by_punctuation(parser: Geoparser, without: Geoparser) -> None:
    text = "Flooding cut the road to Dublin, Wyoming, on Monday."
    assert _given(parser, text, "Dublin")["Dublin"].place is None
    assert _given(without, text, "Dublin")["Dublin"].place.country_code == "IE"
    ohio = "Flooding cut the road to Dublin, Ohio, on Monday."
    assert _given(parser, ohio, "Dublin")["Dublin"].place.admin1 == "OH"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # a country after a comma is prose, not a state qualifier
        ("Talks in Moscow, Ukraine said, went nowhere.", ("Moscow", "Ukraine")),
        # an apposition with no noun of a kind of place
        ("Moscow, the ally of Syria, said it would veto.", ("Moscow", "Syria")),
        # a list of places, not a qualifier
        ("Trips to Dallas, Alaska, Hawaii and Florida filled his year.",
         ("Dallas", "Alaska", "Hawaii", "Florida")),
    ],
)
def test_no_frame_no_change(
    parser: Geoparser, without: Geoparser, text: str, names: tuple[str, ...]
) -> None:
    on, off = _given(parser, text, *names), _given(without, text, *names)
    assert [on[n].place for n in names] == [off[n].place for n in names]
    assert on[names[0]].place is not None


def test_frame_reader() -> None:
    text = "Palmetto, the county seat on the eastern shore of Ruritania, flooded."
    start = text.index("Ruritania")
    container = Mention(start, start + len("Ruritania"), "Ruritania")
    assert container_frame(text, len("Palmetto"), container) == "apposition"
    listed = "Ames, Iowa and Ohio"
    assert container_frame(listed, 4, Mention(6, 10, "Iowa")) is None
