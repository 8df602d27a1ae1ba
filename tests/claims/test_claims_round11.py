"""The round-11 English rules, each on sentences of its own (not the probe tables').

Actors (:mod:`claims.actors`, ``claims/data/conflicts.json``) and triggers
(:mod:`claims.lexicon`), each described where its sentences are.
"""

import pytest

from claims import extract_claims
from claims.actors import default_actor_book


def _claims(text: str, published: str) -> list[tuple[str | None, str, str]]:
    return [(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published=published, resolve=False)
            if c.kind == "control"]


#: rule *patron-word*: "forces loyal to <patron>" where the patron's name is a word of one
#: side's aliases only ("Hadi's forces", "Riek Machar", "Kyiv's troops").
PATRON_WORD = [
    ("Forces loyal to President Hadi seized Zinjibar, east of Aden, on Tuesday.",
     "2016-08-17", ("Yemeni government", "captured", "Zinjibar")),
    ("Troops loyal to exiled President Hadi entered Aden after the Houthis fled.",
     "2015-07-18", ("Yemeni government", "entered", "Aden")),
    ("Fighters loyal to Machar captured Malakal, the capital of Upper Nile state.",
     "2014-02-19", ("SPLA-IO", "captured", "Malakal")),
    ("Units still loyal to Kyiv retook Kupiansk after a week of fighting.", "2022-09-11",
     ("Ukraine", "captured", "Kupiansk")),
]


@pytest.mark.parametrize(("text", "published", "expected"), PATRON_WORD)
def test_forces_loyal_to_a_patron_named_by_word_take_the_patrons_side(text, published,
                                                                      expected):
    assert expected in _claims(text, published)


def test_a_patron_word_of_several_sides_or_a_demonym_names_no_actor():
    book = default_actor_book()
    # "Sudan" is a word of the army's, its allies' and the SPLM-N's aliases: no side
    assert not book.find("Militias allied with Port Sudan shelled the town", "sudan")
    # "the Libyan leader": the capitalised word is not the end of the patron's name
    assert not [m for m in book.find("Forces loyal to the Libyan leader shelled the town",
                                     "libya2011") if m.norm]
    found = book.find("Forces loyal to President Hadi advanced", "yemen")
    assert [(m.text, m.norm) for m in found] == [("Forces loyal to President Hadi",
                                                 "Yemeni government")]


#: rule *country-speaker*: a country of the war that speaks ("Ethiopia's government said",
#: "Somalia said") stands for the side its demonym names, which "its forces" then mean.
COUNTRY_SPEAKER = [
    ("Ethiopia's government said its forces had recaptured Dessie from the TPLF.",
     "2021-12-07", ("ENDF", "captured", "Dessie")),
    ("Iraq's government said its forces had retaken Ramadi from Islamic State.", "2015-12-29",
     ("Iraqi forces", "captured", "Ramadi")),
    ("Mozambique's government said its troops had retaken Palma from the insurgents.",
     "2021-04-06", ("Mozambican forces", "captured", "Palma")),
    ("Somalia's government said its forces had retaken Harardhere from al-Shabaab.",
     "2023-01-17", ("Somali government", "captured", "Harardhere")),
]


@pytest.mark.parametrize(("text", "published", "expected"), COUNTRY_SPEAKER)
def test_a_country_of_the_war_speaks_for_its_side(text, published, expected):
    assert expected in _claims(text, published)


#: rule *unit-name-lead*: a military unit's name describes the facility taken; the town
#: after it is the claim's place.
UNIT_NAME_LEAD = [
    ("The RSF said it had seized the headquarters of the army's 22nd Infantry Division in "
     "Babanusa.", "2025-01-20", ("RSF", "captured", "Babanusa")),
    ("Ukrainian troops took the base of the 155th Marine Brigade in Vuhledar.", "2023-02-10",
     ("Ukraine", "captured", "Vuhledar")),
    ("The Arakan Army overran the headquarters of the Western Command in Ann, in Rakhine.",
     "2024-12-21", ("Resistance", "captured", "Ann")),
]


@pytest.mark.parametrize(("text", "published", "expected"), UNIT_NAME_LEAD)
def test_a_unit_name_before_the_place_is_part_of_its_lead_in(text, published, expected):
    assert expected in _claims(text, published)


#: rule *possessor-lead*: a person's name before his compound, residence or office describes
#: it; the town after it is the claim's place.
POSSESSOR_LEAD = [
    ("Rebel fighters overran Muammar Gaddafi's compound in Tripoli after a day of fighting.",
     "2011-08-24", ("NTC", "captured", "Tripoli")),
    ("Taliban fighters seized Abdul Rashid Dostum's residence in Sheberghan.", "2021-08-15",
     ("Taliban", "captured", "Sheberghan")),
]


@pytest.mark.parametrize(("text", "published", "expected"), POSSESSOR_LEAD)
def test_a_persons_possessive_before_his_seat_is_part_of_the_lead_in(text, published,
                                                                     expected):
    assert expected in _claims(text, published)


def test_a_possessive_name_before_other_nouns_still_ends_the_lead_in():
    # "Haftar's fighters in Tarhuna" names no seat of Haftar: no capture of Tarhuna here
    claims = _claims("The GNA captured Haftar's fighters in Tarhuna, a spokesman said.",
                     "2020-06-05")
    assert ("GNA", "captured", "Tarhuna") not in claims


#: rule *pushed-back-into*: "pushed back into X" re-enters X; "pushed back" alone still
#: drives its object back.
PUSHED_BACK_INTO = [
    ("Junta forces pushed back into Hpakant on Tuesday, residents said.", "2024-03-13",
     ("Tatmadaw", "entered", "Hpakant")),
    ("Russian troops pushed back into Krynky after the marines left.", "2024-02-21",
     ("Russia", "entered", "Krynky")),
]


@pytest.mark.parametrize(("text", "published", "expected"), PUSHED_BACK_INTO)
def test_pushing_back_into_a_town_enters_it(text, published, expected):
    assert expected in _claims(text, published)


def test_pushing_a_side_back_is_still_its_withdrawal():
    claims = _claims("Ukrainian forces pushed back Russian units from Robotyne.", "2023-08-29")
    assert ("Russia", "withdrew", "Robotyne") in claims


#: rule *through-the-town*: a side that walks, drives or parades through a town's centre or
#: streets is in the town.
THROUGH_THE_TOWN = [
    ("M23 fighters walked through the centre of Bukavu on Sunday.", "2025-02-17",
     ("M23", "entered", "Bukavu")),
    ("Ukrainian soldiers drove through the streets of Kherson to cheering crowds.",
     "2022-11-12", ("Ukraine", "entered", "Kherson")),
    ("Taliban fighters paraded through the heart of Kandahar on Friday.", "2021-08-14",
     ("Taliban", "entered", "Kandahar")),
]


@pytest.mark.parametrize(("text", "published", "expected"), THROUGH_THE_TOWN)
def test_moving_through_a_towns_streets_enters_it(text, published, expected):
    assert expected in _claims(text, published)


def _article(sentences: list[str], published: str) -> list[list[tuple[str | None, str, str]]]:
    from claims.lines import run_file

    rows = [{"article_id": "a", "sentence": s, "published": published} for s in sentences]
    return [[(c["actor_norm"], c["action"], c["place"]) for c in out["claims"]
             if c["kind"] == "control"] for out in run_file(rows, resolve=True)]


#: rule *facility-names-its-town*: "Hodeidah airport" names Hodeidah too, so a later "the
#: city" means it.
FACILITY_TOWN = [
    (["Rebels of the M23 seized Goma airport on Monday.",
      "The rebels said they now controlled the city's centre."], "2025-01-28",
     ("M23", "holds", "Goma")),
    (["Yemeni government forces seized Hodeidah airport from the Houthis on Tuesday.",
      "The rebels still control the city's port, a coalition spokesman said."], "2018-06-20",
     ("Houthis", "holds", "Hodeidah")),
    (["Russian paratroopers landed at Hostomel airport on Thursday.",
      "Ukrainian troops shelled the city's outskirts overnight."], "2022-02-25",
     ("Ukraine", "attacked", "Hostomel")),
]


@pytest.mark.parametrize(("sentences", "published", "expected"), FACILITY_TOWN)
def test_a_facility_named_after_its_town_names_the_town(sentences, published, expected):
    assert expected in _article(sentences, published)[-1]


#: rule *town-quarters*: "the northern districts", "its eastern neighbourhoods" with no
#: "of X" are a part of the town just spoken of.
TOWN_QUARTERS = [
    (["Iraqi troops entered Mosul on Tuesday.",
      "Islamic State fighters still hold the western districts, officers said."],
     "2016-11-02", ("ISIS", "holds", "Mosul")),
    (["The army pushed into Omdurman on Monday.",
      "RSF fighters still control its southern neighbourhoods."],
     "2024-02-13", ("RSF", "holds", "Omdurman")),
]


@pytest.mark.parametrize(("sentences", "published", "expected"), TOWN_QUARTERS)
def test_a_towns_quarters_by_direction_are_the_town(sentences, published, expected):
    assert expected in _article(sentences, published)[-1]


def test_quarters_of_a_named_place_are_not_the_last_town():
    claims = _article(["Iraqi troops entered Mosul on Tuesday.",
                       "Militants still hold the western districts of Tal Afar."],
                      "2016-11-02")[-1]
    assert ("ISIS", "holds", "Mosul") not in claims


#: rule *denying-speaker*: a capital or demonym that denies, insists or admits speaks for its
#: side, which "its troops" then means.
DENYING_SPEAKER = [
    ("Baku denied the Armenian report, saying its troops still held Shusha.",
     "2020-11-08", ("Azerbaijan", "holds", "Shusha")),
    ("Kyiv insisted its soldiers still held positions in Avdiivka.", "2024-02-15",
     ("Ukraine", "holds", "Avdiivka")),
    ("Moscow admitted its troops had pulled out of Kherson.", "2022-11-10",
     ("Russia", "withdrew", "Kherson")),
]


@pytest.mark.parametrize(("text", "published", "expected"), DENYING_SPEAKER)
def test_a_side_that_denies_speaks_for_its_troops(text, published, expected):
    assert expected in _claims(text, published)


#: rule *state-by-name*: a side named as a state's army, police or government is state
#: forces, which "the group" never means.
def test_a_side_named_as_an_army_is_a_state_force():
    from claims.control_actors import state_actors

    states = state_actors(default_actor_book(), "sahel")
    assert {"Burkinabe army", "Nigerien army"} <= states
    assert "JNIM" not in states
    assert "Haitian police" in state_actors(default_actor_book(), "haiti")


STATE_BY_NAME = [
    (["JNIM fighters attacked Djibo on Sunday, killing dozens of soldiers.",
      "Burkinabe troops later drove the attackers back, the junta said.",
      "The group has besieged Djibo for two years."], "2024-05-28",
     ("JNIM", "besieged", "Djibo")),
]


@pytest.mark.parametrize(("sentences", "published", "expected"), STATE_BY_NAME)
def test_the_group_passes_over_a_state_army_named_last(sentences, published, expected):
    assert expected in _article(sentences, published)[-1]


#: rule *under-side-assault*: a place "under <side> assault/attack/fire" is attacked by the
#: side named after "under".
UNDER_SIDE_ASSAULT = [
    ("Marib came under Houthi attack on Sunday, officials in Yemen said.", "2021-02-15",
     ("Houthis", "attacked", "Marib")),
    ("El Fasher has been under RSF bombardment for weeks, aid groups in Sudan say.",
     "2024-06-01", ("RSF", "attacked", "El Fasher")),
    ("Chasiv Yar is under Russian artillery fire day and night.", "2024-04-10",
     ("Russia", "attacked", "Chasiv Yar")),
]


@pytest.mark.parametrize(("text", "published", "expected"), UNDER_SIDE_ASSAULT)
def test_a_place_under_a_sides_assault_is_attacked_by_it(text, published, expected):
    assert expected in _claims(text, published)


def test_under_control_is_still_a_hold():
    assert ("Houthis", "holds", "Hodeidah") in _claims(
        "Hodeidah is still under Houthi control, residents in Yemen said.", "2018-06-20")


#: rule *fighting-for*: a side that "is fighting for (control of)" a place attacks it; the
#: noun ("fighting for the town went on") names no side.
FIGHTING_FOR = [
    ("Russian forces are still fighting for control of Toretsk, Ukrainian officials said.",
     "2024-08-15", ("Russia", "attacked", "Toretsk")),
    ("M23 rebels were battling for Sake on Wednesday, a UN source in Congo said.",
     "2024-02-08", ("M23", "attacked", "Sake")),
]


@pytest.mark.parametrize(("text", "published", "expected"), FIGHTING_FOR)
def test_a_side_fighting_for_a_place_attacks_it(text, published, expected):
    assert expected in _claims(text, published)


def test_fighting_as_a_noun_names_no_attacker():
    claims = _claims("Armenian officials said fighting for Shusha was still going on.",
                     "2020-11-09")
    assert not [c for c in claims if c[1] == "attacked"]
