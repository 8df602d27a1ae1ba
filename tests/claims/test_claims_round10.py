"""The round-10 English rules, each on sentences of its own (not the probe tables').

Withdrawals whose place stands elsewhere than after the verb (:mod:`claims.lexicon`,
:mod:`claims.control`): *fell-back* ("fell back", "pulled its fighters out of X" are
withdrawals), *withdrew-towards* (a side that retreats towards, to or into somewhere has
left the town the sentence named before the verb) and *withdrew-implied-place* (a
withdrawal with no place and no destination left the town the article named last).
Places and actors (:mod:`claims.control`, :mod:`claims.actors`): *locative-object-is-place*,
*former-holder*, *own-alias-leads*, *shared-subject*, *flag-raised-passive*,
*side-positions-lead*, *offensive-in*, *stormed-positions*,
*advance-into*, *feared-event*, *un-designation-lead*, *blockade-by*; each
is
described where its sentences are.
"""

import pytest

from claims import extract_claims


def _claims(text: str, published: str) -> list[tuple[str | None, str, str]]:
    return [(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published=published, resolve=False)
            if c.kind == "control"]


#: rule *fell-back*: "fell back", "falling back" and "pulled its men out of" withdraw.
FELL_BACK = [
    ("Ukrainian units fell back from Soledar after weeks of fighting.", "2023-01-16",
     ("Ukraine", "withdrew", "Soledar")),
    ("The Taliban said they had pulled their fighters out of Kunduz to spare civilians.",
     "2015-10-13", ("Taliban", "withdrew", "Kunduz")),
    ("Tigrayan forces captured Weldiya as federal troops fell back, residents said.",
     "2021-08-13", ("ENDF", "withdrew", "Weldiya")),
    ("Al-Shabaab pulled its militants out of Baidoa overnight, elders in Somalia said.",
     "2009-01-27", ("al-Shabaab", "withdrew", "Baidoa")),
]


@pytest.mark.parametrize(("text", "published", "expected"), FELL_BACK)
def test_falling_back_is_a_withdrawal(text, published, expected):
    assert expected in _claims(text, published)


#: rule *withdrew-towards*: the place left is the town named before the verb.
WITHDREW_TOWARDS = [
    ("Rebels seized Bentiu in South Sudan as government troops retreated towards Juba.",
     "2014-04-16", ("SPLA", "withdrew", "Bentiu")),
    ("M23 fighters took Sake, and Congolese soldiers fell back towards Goma.", "2024-02-08",
     ("FARDC", "withdrew", "Sake")),
    ("Houthi fighters entered Aden after government forces fled into the port district.",
     "2015-04-03", ("Yemeni government", "withdrew", "Aden")),
]


@pytest.mark.parametrize(("text", "published", "expected"), WITHDREW_TOWARDS)
def test_retreating_towards_a_place_leaves_the_place_named_before(text, published, expected):
    claims = _claims(text, published)
    assert expected in claims
    # where the side went is neither taken nor approached
    destination = text.split()[-1].rstrip(".")
    assert not [c for c in claims if c[2] == destination]


#: rule *withdrew-implied-place*: no place, no destination: the article's last town.
IMPLIED = [
    ("Islamic State fighters attacked Tikrit in Iraq on Monday. "
     "Iraqi soldiers withdrew after hours of fighting, officials said.", "2014-06-17",
     ("Iraqi forces", "withdrew", "Tikrit")),
    ("Arakan Army fighters surrounded Paletwa in Myanmar's Chin state. "
     "Junta troops pulled out on Saturday, the group said.", "2024-01-16",
     ("Tatmadaw", "withdrew", "Paletwa")),
]


@pytest.mark.parametrize(("text", "published", "expected"), IMPLIED)
def test_a_withdrawal_without_a_place_left_the_town_named_last(text, published, expected):
    assert expected in _claims(text, published)


@pytest.mark.parametrize("text", [
    # a destination and no place left: no claim
    "Tuareg rebels fought in Mali for days. The fighters then fled into the desert.",
    # not the verb's subject: the civilians fled, the attackers did not
    "Insurgents in Mozambique stormed Palma on Wednesday, and foreign workers fled to a hotel.",
    # the peacekeepers are no side of the war
    "Bosnian Serb forces captured Zepa in Bosnia, as Ukrainian peacekeepers pulled back to "
    "their base.",
])
def test_a_flight_that_names_no_place_left_or_no_side_is_no_withdrawal(text):
    assert not [c for c in _claims(text, "2021-03-28") if c[1] == "withdrew"]


#: rule *locative-object-is-place*: "attacked X in <region>": X was attacked, not the region.
LOCATIVE_OBJECT = [
    ("Islamic State fighters attacked Tikrit in northern Iraq on Monday.", "2014-06-17",
     ("ISIS", "attacked", "Tikrit")),
    ("RSF fighters shelled El Fasher in North Darfur, Sudanese officials said.", "2024-05-12",
     ("RSF", "attacked", "El Fasher")),
    ("Al-Shabaab fighters raided Mahaday in Middle Shabelle, Somali officials said.",
     "2023-02-03", ("al-Shabaab", "attacked", "Mahaday")),
]


@pytest.mark.parametrize(("text", "published", "expected"), LOCATIVE_OBJECT)
def test_an_attacked_place_is_not_its_region(text, published, expected):
    assert expected in _claims(text, published)


def test_a_force_attacked_in_a_place_still_locates_the_attack():
    assert ("Hamas", "attacked", "Beit Hanoun") in _claims(
        "Hamas fighters ambushed Israeli tanks in Beit Hanoun in Gaza.", "2023-11-20")


#: rule *former-holder*: a hold the same sentence's capture ended is no claim.
FORMER_HOLDER = [
    ("Malian troops took control of Kidal in Mali on Tuesday, a town held by Tuareg rebels "
     "for nearly a decade.", "2023-11-15", ("Malian army", "captured", "Kidal"), "Kidal"),
    ("Mozambican forces recaptured Mocimboa da Praia in Mozambique, a port held by insurgents "
     "since 2020.", "2021-08-09", ("Mozambican forces", "captured", "Mocimboa da Praia"),
     "Mocimboa da Praia"),
    ("Iraqi troops retook Ramadi in Iraq, a city controlled by Islamic State since May.",
     "2015-12-28", ("Iraqi forces", "captured", "Ramadi"), "Ramadi"),
    ("Myanmar rebels captured Lashio, which the junta had held for decades.", "2024-08-04",
     ("Resistance", "captured", "Lashio"), "Lashio"),
]


@pytest.mark.parametrize(("text", "published", "expected", "place"), FORMER_HOLDER)
def test_the_hold_a_capture_ended_is_no_claim(text, published, expected, place):
    claims = _claims(text, published)
    assert expected in claims
    assert not [c for c in claims if c[1] == "holds" and c[2] == place]


def test_the_same_side_taking_and_holding_a_place_keeps_both():
    claims = _claims("FARC guerrillas attacked Mitu in Colombia and held the town for three "
                     "days.", "1998-11-05")
    assert ("FARC", "holds", "Mitu") in claims


#: rule *own-alias-leads* (:mod:`claims.actors`): another war's longer alias that opens with
#: an alias of the article's war names the article's side.
OWN_ALIAS = [
    ("Wagner fighters captured Soledar in eastern Ukraine, Kyiv said.", "2023-01-13",
     ("Russia", "captured", "Soledar")),
    ("Wagner fighters and Malian troops entered Kidal in Mali.", "2023-11-15",
     ("Wagner", "entered", "Kidal")),
    ("Al-Shabab fighters attacked Macomia in Mozambique's Cabo Delgado province.",
     "2024-05-11", ("Insurgents", "attacked", "Macomia")),
    ("Al-Shabab fighters attacked Beledweyne in Somalia.", "2024-05-11",
     ("al-Shabaab", "attacked", "Beledweyne")),
]


@pytest.mark.parametrize(("text", "published", "expected"), OWN_ALIAS)
def test_the_articles_war_names_an_alias_it_opens(text, published, expected):
    assert expected in _claims(text, published)


#: rule *shared-subject* (:mod:`claims.control`): "A drove B out of X and were advancing
#: towards Y": the second verb is A's, not its object B's.
SHARED_SUBJECT = [
    ("Sudan's army said its soldiers had driven RSF fighters out of Sinja and were advancing "
     "towards Sennar.", "2024-11-24", ("SAF", "advanced_towards", "Sennar")),
    ("Azerbaijani troops pushed Armenian forces out of Jabrayil and then moved towards Hadrut.",
     "2020-10-10", ("Azerbaijan", "advanced_towards", "Hadrut")),
    ("Houthi fighters drove government troops from Harib and were closing in on Marib in "
     "Yemen.", "2021-10-20", ("Houthis", "advanced_towards", "Marib")),
]


@pytest.mark.parametrize(("text", "published", "expected"), SHARED_SUBJECT)
def test_a_coordinated_verb_shares_the_subject_not_the_object(text, published, expected):
    assert expected in _claims(text, published)


def test_a_coordinated_clause_with_its_own_subject_keeps_it():
    claims = _claims("Rebels captured Bor in South Sudan and government troops retreated "
                     "towards Juba.", "2013-12-19")
    assert ("SPLA", "withdrew", "Bor") in claims


#: rule *flag-raised-passive*: "a Ukrainian flag was raised over X": the flag's side took X.
FLAG_PASSIVE = [
    ("A Ukrainian flag was raised over the city council building in Kherson, officials said.",
     "2022-11-12", ("Ukraine", "captured", "Kherson")),
    ("The Taliban's white flag has been hoisted above the governor's office in Ghazni.",
     "2021-08-13", ("Taliban", "captured", "Ghazni")),
    ("The M23 flag was raised over the border post at Bunagana in Congo.", "2022-06-14",
     ("M23", "captured", "Bunagana")),
    ("An Azerbaijani flag was planted atop the main mosque in Shusha.", "2020-11-09",
     ("Azerbaijan", "captured", "Shusha")),
]


@pytest.mark.parametrize(("text", "published", "expected"), FLAG_PASSIVE)
def test_a_flag_raised_in_the_passive_is_its_sides_capture(text, published, expected):
    assert expected in _claims(text, published)


def test_a_flag_of_no_side_is_no_capture():
    assert not _claims("A flag was raised over the town hall in Gao.", "2013-01-27")


#: rule *side-positions-lead* (:mod:`claims.control_places`): "strikes on Houthi positions
#: around Sirwah", "rockets at Israeli soldiers gathering near Shlomi": a side's name before
#: its positions or troops does not stop the place's lead-in.
SIDE_POSITIONS = [
    ("Coalition warplanes carried out a dozen strikes on Houthi positions around Sirwah in "
     "Yemen.", "2021-02-15", ("Saudi-led coalition", "attacked", "Sirwah")),
    ("Nigerian jets bombed Boko Haram hideouts near Gwoza, the air force said.", "2015-03-01",
     ("Nigerian army", "attacked", "Gwoza")),
    ("Israeli jets struck Hezbollah positions near Khiam in Lebanon.", "2024-10-01",
     ("Israel", "attacked", "Khiam")),
    # the side's troops, massing or stationed near a place
    ("Hezbollah said its fighters had fired rockets at Israeli soldiers gathering near Shlomi.",
     "2024-10-05", ("Hezbollah", "attacked", "Shlomi")),
    ("Houthi forces fired missiles at Saudi troops stationed near Najran.", "2015-06-05",
     ("Houthis", "attacked", "Najran")),
]


@pytest.mark.parametrize(("text", "published", "expected"), SIDE_POSITIONS)
def test_strikes_on_a_sides_positions_near_a_place_attack_it(text, published, expected):
    assert expected in _claims(text, published)


#: rule *offensive-in* (:mod:`claims.lexicon`): launching an offensive in or on a place
#: attacks it; one mentioned in a relative clause is not the sentence's event.
OFFENSIVE_IN = [
    ("Sudan's army launched an offensive in Khartoum on Thursday, military sources said.",
     "2024-09-28", ("SAF", "attacked", "Khartoum")),
    ("Ukrainian forces launched a counteroffensive against Russian positions in Robotyne.",
     "2023-08-20", ("Ukraine", "attacked", "Robotyne")),
    ("The Syrian army launched a major offensive on Idlib in Syria.", "2019-05-06",
     ("Syrian government", "attacked", "Idlib")),
]


@pytest.mark.parametrize(("text", "published", "expected"), OFFENSIVE_IN)
def test_an_offensive_launched_in_a_place_attacks_it(text, published, expected):
    assert expected in _claims(text, published)


def test_an_offensive_in_a_relative_clause_is_no_attack():
    assert not _claims("The army, which launched an offensive in Khartoum last year, said it "
                       "was regrouping in Sudan.", "2025-01-06")


#: rule *stormed-positions* (:mod:`claims.lexicon`): storming villages, positions or
#: defences near a town attacks it; storming the town itself still enters it.
STORMED_POSITIONS = [
    ("Russian troops stormed several villages near Vovchansk, the governor said.",
     "2024-05-11", ("Russia", "attacked", "Vovchansk")),
    ("JNIM fighters stormed army positions outside Djibo in Burkina Faso.", "2023-11-27",
     ("JNIM", "attacked", "Djibo")),
    ("Tigrayan fighters stormed federal defences at Alamata, residents said.", "2021-07-10",
     ("TPLF", "attacked", "Alamata")),
]


@pytest.mark.parametrize(("text", "published", "expected"), STORMED_POSITIONS)
def test_storming_positions_near_a_town_attacks_it(text, published, expected):
    claims = _claims(text, published)
    assert expected in claims
    assert not [c for c in claims if c[1] == "entered"]


def test_storming_a_town_still_enters_it():
    assert ("Israel", "entered", "Jenin") in _claims("Israeli troops stormed Jenin in the "
                                                     "West Bank.", "2023-07-04")


#: rule *advance-into* (:mod:`claims.lexicon`, nominal): "the rebels' advance into Goma":
#: the possessor entered the place; a feared advance is none (*feared-event*).
ADVANCE_INTO = [
    ("The rebels' advance into Goma a day earlier had embarrassed Kinshasa, Congolese "
     "officials said.", "2025-01-29", ("M23", "entered", "Goma")),
    ("Israel's thrust into Rafah drew criticism from Egypt.", "2024-05-08",
     ("Israel", "entered", "Rafah")),
    ("The army's push into Omdurman in Sudan was the biggest in months.", "2023-09-01",
     ("SAF", "entered", "Omdurman")),
]


@pytest.mark.parametrize(("text", "published", "expected"), ADVANCE_INTO)
def test_an_advance_into_a_place_enters_it(text, published, expected):
    assert expected in _claims(text, published)


@pytest.mark.parametrize("text", [
    "Diplomats feared an advance into Tripoli by Haftar's forces in Libya.",
    "Aid groups warned of an incursion into Rafah by Israeli troops in Gaza.",
])
def test_a_feared_advance_is_no_entry(text):
    assert not _claims(text, "2019-04-08")


#: rule *un-designation-lead* (:mod:`claims.control_places`): "the UN safe area of Zepa",
#: "the UN safe haven of Gorazde": the UN's designation is part of the place's lead-in.
UN_DESIGNATION = [
    ("Bosnian Serb forces overran the UN safe area of Zepa in Bosnia.", "1995-07-26",
     ("Bosnian Serb forces", "captured", "Zepa")),
    ("Bosnian Serb forces shelled the UN safe haven of Gorazde in Bosnia.",
     "1994-04-10", ("Bosnian Serb forces", "attacked", "Gorazde")),
]


@pytest.mark.parametrize(("text", "published", "expected"), UN_DESIGNATION)
def test_a_un_designation_leads_into_the_place(text, published, expected):
    assert expected in _claims(text, published)


def test_a_un_base_near_a_town_still_locates_the_attack_in_the_town():
    assert ("M23", "attacked", "Sake") in _claims("M23 fighters attacked a UN base near Sake in "
                                                  "eastern Congo.", "2024-02-10")


#: rule *blockade-by* (:mod:`claims.lexicon`): "under blockade by X" besieges as "under
#: siege by X" does.
BLOCKADE_BY = [
    ("JNIM fighters attacked Djibo in Burkina Faso. The town has been under blockade by the "
     "militants for months.", "2023-11-27", ("JNIM", "besieged", "Djibo")),
    ("Jabalia has been under blockade by Israeli forces for weeks, Gaza officials said.",
     "2024-10-20", ("Israel", "besieged", "Jabalia")),
    ("Sinjar in Iraq has been under blockade by Islamic State fighters for weeks.",
     "2014-10-20", ("ISIS", "besieged", "Sinjar")),
]


@pytest.mark.parametrize(("text", "published", "expected"), BLOCKADE_BY)
def test_a_blockade_by_a_side_besieges(text, published, expected):
    assert expected in _claims(text, published)
