"""Lower-case names in informal text, and common words in a list of places.

Each step (``lower-case-name``, ``common-word-in-list``) is tested on sentences written for
this project and switched off by name (``Geoparser(index, disabled={...})``) to show that
the step is what decides.
"""

from __future__ import annotations

import pytest

from gazetteer.exonyms import EXONYM
from gazetteer.geoparse import Geoparser
from gazetteer.informal import (
    COMMON_WORD_IN_LIST,
    COMMON_WORD_QUALIFIED,
    LOWER_CASE_NAME,
    RECOGNITION_STEPS,
    TEXT_LANGUAGE,
    is_informal,
)
from gazetteer.loose_recognition import LOOSE_SPELLING_IN_COUNTRY
from gazetteer.person_discourse import PERSON_FIRST_NAME_IN_DOCUMENT
from gazetteer.recognize import MULTIWORD_STREET


def _without(parser: Geoparser, *names: str) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset(names))


def _found(parser: Geoparser, text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """``{surface: (country code, trace)}`` of the mentions found."""
    return {m.text: (m.place.country_code if m.place else "", m.trace)
            for m in parser.geoparse(text)}


def test_steps_are_named_data() -> None:
    assert [name for name, _example in RECOGNITION_STEPS] == [
        TEXT_LANGUAGE, LOWER_CASE_NAME, COMMON_WORD_IN_LIST, COMMON_WORD_QUALIFIED, EXONYM,
        MULTIWORD_STREET, LOOSE_SPELLING_IN_COUNTRY, PERSON_FIRST_NAME_IN_DOCUMENT]


# -- lower-case-name ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "informal"),
    [
        ("got to lisbon at noon, then a bus up to porto with my sister", True),
        ("ok so we are stuck in the airport again and nobody tells us anything", True),
        ("The ministry in Kyiv said troops had left Kherson on Monday.", False),
        ("short note", False),  # too few words to tell
    ],
)
def test_is_informal_reads_the_share_of_capitals(text: str, informal: bool) -> None:
    assert is_informal(text) is informal


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # after a word of movement, and chained by "then" / "and"
        ("got to lisbon at noon, then a bus up to porto with my sister", {"lisbon", "porto"}),
        ("we drove from chicago then milwaukee and slept the whole way", {"chicago",
                                                                            "milwaukee"}),
        ("my cousin just moved to buenos aires for work, jealous", {"buenos aires"}),
    ],
)
def test_lower_case_names_in_informal_text(parser: Geoparser, text: str, names: set) -> None:
    found = _found(parser, text)
    assert names <= set(found), found
    assert all(LOWER_CASE_NAME in found[name][1] for name in names)
    assert not names & set(_found(_without(parser, LOWER_CASE_NAME), text))


@pytest.mark.parametrize(
    "text",
    [
        # common words and small places stay words, even in lower case
        "going home to reading the paper and then to bed, long day at work honestly",
        "he went in march and stayed in mobile homes near the lake for a week or so",
    ],
)
def test_lower_case_common_words_stay_words(parser: Geoparser, text: str) -> None:
    assert _found(parser, text) == {}


def test_capitalised_text_takes_no_lower_case_names(parser: Geoparser) -> None:
    # ordinary text writes place names capitalised: a lower-case word there is a word
    text = "The family moved from tel aviv in 2019. She later went to denver for a job."
    assert _found(parser, text) == {}


def test_lower_case_name_needs_a_locative_word(parser: Geoparser) -> None:
    text = "ok so tel aviv traffic was the worst part honestly, thanks to everyone here"
    assert "tel aviv" not in _found(parser, text)
    moved = "ok so we moved from tel aviv and the traffic here is worse"
    assert "tel aviv" in _found(parser, moved)


# -- common-word-in-list ------------------------------------------------------------------


def test_common_word_listed_with_places_is_a_place(parser: Geoparser) -> None:
    text = "The festival tours Springfield, Liberty and Joplin in Missouri this summer."
    found = _found(parser, text)
    assert found["Liberty"][0] == "US"
    assert COMMON_WORD_IN_LIST in found["Liberty"][1]
    assert "Liberty" not in _found(_without(parser, COMMON_WORD_IN_LIST), text)


def test_common_word_needs_two_places_in_its_list(parser: Geoparser) -> None:
    # one neighbour place is not a list of places ("Liberty and Joplin" could be anything)
    text = "The speech praised Liberty and Joplin residents alike."
    assert "Liberty" not in _found(parser, text)


# -- common-word-qualified ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "admin1"),
    [
        ("The singer grew up in Hope, Arkansas, before moving north.", "Hope", "AR"),
        ("A choir from Liberty, Missouri, sang at the opening.", "Liberty", "MO"),
    ],
)
def test_common_word_before_its_own_state_is_a_place(parser: Geoparser, text, name,
                                                     admin1) -> None:
    mentions = {m.text: m for m in parser.geoparse(text)}
    assert mentions[name].place.admin1 == admin1
    assert COMMON_WORD_QUALIFIED in mentions[name].trace
    assert name not in _found(_without(parser, COMMON_WORD_QUALIFIED), text)


def test_common_word_before_another_state_stays_a_word(parser: Geoparser) -> None:
    # the gazetteer has no Hope in Japan: the word before the country stays a word
    text = "Their Hope, Japan said, was a quick deal."
    assert "Hope" not in _found(parser, text)
