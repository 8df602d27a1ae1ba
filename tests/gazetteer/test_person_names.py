"""Personal names that are also places (rules ``person-name-run`` and ``leader-tenure``).

Sentences written for this project: a place's name that starts a person's full name, a
middle initial, a leader's time in office; and the frames that keep the place (a county,
a park, a dateline, a city's own administration). Each rule switched off brings the
place back, so the tests can fail.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.recognition_rules import (
    ACRONYM_BEFORE_NOUN,
    FIRST_NAME_UNKNOWN_SURNAME,
    LEADER_TENURE,
    LOCATIVE_PERSONAL_NAME,
    PERSON_NAME_RUN,
)


def _names(parser: Geoparser, text: str) -> list[str]:
    return [m.text for m in parser.geoparse(text)]


@pytest.mark.parametrize(
    ("rule", "text", "name"),
    [
        (PERSON_NAME_RUN, "The award went to Jackson Cole and two classmates.", "Jackson"),
        (PERSON_NAME_RUN, "Volunteers included Mary Alice Brennan, a retired nurse.", "Mary"),
        (PERSON_NAME_RUN, "The letter was signed by Mary Z. Holloway of the turnpike board.",
         "Mary"),
        (PERSON_NAME_RUN, "Deputies Chad Morrison and Lee Park arrested him.", "Chad"),
        (FIRST_NAME_UNKNOWN_SURNAME, "Lori Vandermolen answered the door of the farmhouse.",
         "Lori"),
        (FIRST_NAME_UNKNOWN_SURNAME, "Victoria Bramblewood chairs the parish council.",
         "Victoria"),
        (ACRONYM_BEFORE_NOUN, "A police SWAT team surrounded the house in Tulsa.", "SWAT"),
        (ACRONYM_BEFORE_NOUN, "The city's NICE program pays for new sidewalks.", "NICE"),
        (LEADER_TENURE, "The Bush administration sent more troops to Iraq.", "Bush"),
        (LEADER_TENURE, "Aid fell under the Clinton and Bush administrations.", "Clinton"),
        (LEADER_TENURE, "Relations cooled under Bush Sr. and warmed again later.", "Bush"),
    ],
)
def test_the_person_is_no_place(parser: Geoparser, rule: str, text: str, name: str) -> None:
    assert name not in _names(parser, text)
    without = Geoparser(parser.index, disabled=frozenset({rule}))
    assert name in _names(without, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Floods closed roads in Jackson County on Monday.", "Jackson County"),
        ("Protesters marched through Lincoln Park.", "Lincoln Park"),
        ("LONDON Pope Francis spoke to pilgrims on Sunday.", "LONDON"),
        ("The Kharkiv administration reported shelling overnight.", "Kharkiv"),
        ("Tourists flocked to Victoria Falls in May.", "Victoria Falls"),
        ("Aid convoys reached Lori province on Monday.", "Lori"),
        ("Medics said Chad Okafor had been released.", "Chad"),
        ("Doctors at the CHU in Montpellier treated the boy.", "CHU"),
        ("SWAT, Pakistan — Troops patrolled the valley.", "SWAT"),
        ("Fighting spread to Chad Basin villages.", "Chad"),
    ],
)
def test_places_in_frames_that_look_alike(parser: Geoparser, text: str, name: str) -> None:
    assert name in _names(parser, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Federal agents raided a meatpacking plant in Worthington on Tuesday.", "Worthington"),
        ("Two motorists were rescued near Pratt after the blizzard.", "Pratt"),
        ("Mills were operating in Clinton during the war.", "Clinton"),
    ],
)
def test_a_personal_name_after_a_locative_preposition_is_the_place(
    parser: Geoparser, text: str, name: str
) -> None:
    assert name in _names(parser, text)
    without = Geoparser(parser.index, disabled=frozenset({LOCATIVE_PERSONAL_NAME}))
    assert name not in _names(without, text)


def test_a_possessive_after_in_stays_a_person(parser: Geoparser) -> None:
    assert "Clinton" not in _names(parser, "Voters lost faith in Clinton's campaign.")
