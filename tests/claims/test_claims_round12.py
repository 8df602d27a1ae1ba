"""The round-12 English rules, each on sentences of its own (not the probe tables').

References (:mod:`claims.discourse`), each described where its sentences are.
"""

import pytest

from claims import extract_claims
from claims.discourse import Discourse
from gazetteer.model import Place


def _claims(text: str, published: str) -> list[tuple[str | None, str, str]]:
    return [(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published=published) if c.kind == "control"]


#: rule *home-country-antecedent*: "the city" means the war's city, not a capitalised word
#: before it that the gazetteer reads as a small town abroad ("the Citadel", "the Old City").
HOME_COUNTRY = [
    ("US Marines fought their way into the Citadel in Hue on Monday. North Vietnamese "
     "troops still held most of the city, officers said.", "1968-02-20",
     ("North Vietnam", "holds", "Hue")),
    ("Iraqi special forces pushed into the Old City in Mosul on Sunday. Islamic State "
     "fighters seized the city in June 2014.", "2017-06-19", ("ISIS", "captured", "Mosul")),
    ("Russian marines reached the Old City in Grozny on Thursday. Chechen fighters abandoned "
     "the city days later.", "1995-01-20", ("Chechen rebels", "withdrew", "Grozny")),
    ("Government troops reached the Citadel in Aleppo overnight. Rebels withdrew from the "
     "city on Thursday.", "2016-12-23", ("Syrian rebels", "withdrew", "Aleppo")),
]


@pytest.mark.parametrize(("text", "published", "expected"), HOME_COUNTRY)
def test_the_city_means_a_place_of_the_wars_countries(text, published, expected):
    assert expected in _claims(text, published)


def test_a_place_abroad_is_still_meant_when_no_home_place_fits():
    discourse = Discourse(countries=frozenset({"CD"}))
    discourse.note_place("Gisenyi", "town", Place("g", "Gisenyi", -1.7, 29.26, "PPL",
                                                  country_code="RW"))
    discourse.next_sentence()
    assert discourse.place_for("town").name == "Gisenyi"


def test_without_the_wars_countries_the_latest_place_is_meant():
    discourse = Discourse()
    discourse.note_place("Hue", "city", Place("h", "Hue", 16.5, 107.6, "PPLA", country_code="VN"))
    discourse.note_place("Citadel", "town", Place("c", "Citadel", 44.6, -63.6, "PPL",
                                                  country_code="CA"))
    discourse.next_sentence()
    assert discourse.place_for("town").name == "Citadel"


#: rule *withdrew-to-outside*: withdrawing to somewhere "outside the city", "south of the
#: village", "beyond the town" leaves that place.
OUTSIDE = [
    ("Rebels held out in Kismayo for a week. The Kenyan-backed militia fell back to positions "
     "north of the town on Friday.", "2012-09-30", ("withdrew", "Kismayo")),
    ("Fighting raged in Severodonetsk for days. Ukrainian troops withdrew to new lines beyond "
     "the city, the governor said.", "2022-06-25", ("withdrew", "Severodonetsk")),
    ("Sri Lankan troops shelled Kilinochchi all night. The Tigers retreated to bunkers outside "
     "the town, the military said.", "2009-01-02", ("withdrew", "Kilinochchi")),
]


@pytest.mark.parametrize(("text", "published", "expected"), OUTSIDE)
def test_a_withdrawal_to_outside_a_place_left_it(text, published, expected):
    assert expected in [(action, place) for _, action, place in _claims(text, published)]


def test_a_withdrawal_to_a_place_of_its_own_names_no_place_left():
    assert not [c for c in _claims("The Tigers retreated to the jungle.", "2009-01-02")]
