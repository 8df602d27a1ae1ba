"""The round-8 English rules, each on sentences of its own (not the probe tables' lines).

Dates (:mod:`claims.dates`): *overnight* (the night before publication) and
*same-day-as-before* ("later in the day", "hours afterwards", "at 08:00" are the day of the
date before them; "later in the day" alone is the day of publication). Triggers
(:mod:`claims.lexicon`): *stormed-facility*, *possessive-capture*, *loss-of*,
*fired-munitions-at*, *holding-positions*. Actors (:mod:`claims.control_actors`):
*weapon-carrier-subject*, *collective-speaker*. Places (:mod:`claims.control_places`):
*described-town-list*, *speaker-is-no-place*. Data (``conflicts.json``): "Riek Machar",
the Colombian army's generic names.
"""

from datetime import date

import pytest

from claims import extract_claims
from claims.dates import resolve_event_date

THURSDAY = date(2023, 6, 15)


def _dated(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(c.action, c.place, c.event_date and c.event_date.isoformat())
            for c in extract_claims(text, published=published, resolve=False)
            if c.kind == "control"]


@pytest.mark.parametrize("text", [
    "Drones hit the fuel depot overnight, the governor said.",
    "Overnight, the militia shelled two villages on the river.",
])
def test_overnight_is_the_night_before_publication(text):
    assert resolve_event_date(text, THURSDAY) == (date(2023, 6, 14), date(2023, 6, 14))


def test_a_weekday_beats_overnight_when_nearer_the_verb():
    text = "The rebels took the bridge on Monday after shelling it overnight."
    near = text.index("took")
    assert resolve_event_date(text, THURSDAY, near=near)[0] == date(2023, 6, 12)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Later in the day", "2023-06-13"),
    ("Hours later", "2023-06-13"),
    ("Later that night", "2023-06-13"),
])
def test_later_in_the_day_is_the_day_of_the_sentence_before(phrase, expected):
    text = (f"Ukrainian troops entered Lyman on Tuesday. {phrase} Russian units pulled out "
            "of Kreminna.")
    assert ("withdrew", "Kreminna", expected) in _dated(text, "2023-06-15")


@pytest.mark.parametrize("second", [
    "At 06:15, Russian units pulled out of Kreminna.",
    "A few hours afterwards Russian units pulled out of Kreminna.",
])
def test_a_clock_time_or_hours_afterwards_keeps_the_day_before(second):
    text = f"Ukrainian troops entered Lyman on Tuesday. {second}"
    assert ("withdrew", "Kreminna", "2023-06-13") in _dated(text, "2023-06-15")


def test_a_clock_time_alone_is_no_date():
    assert resolve_event_date("At 06:15 the rebels left the hill.", THURSDAY) == (None, None)


def test_later_in_the_day_without_a_day_before_is_the_news_day():
    assert resolve_event_date("Later in the day the rebels left the hill.", THURSDAY) == (
        THURSDAY, THURSDAY)


# --- triggers (claims.lexicon) ---

def _claims(text: str, published: str = "2024-05-06") -> list[tuple[str | None, str, str]]:
    return [(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published=published, resolve=False)
            if c.kind == "control"]


#: Storming a building or a post attacks it; storming a town still enters the town.
STORMING = [
    ("Al-Shabaab fighters stormed a police station in Afgooye on Friday.",
     ("al-Shabaab", "attacked", "Afgooye")),
    ("Taliban gunmen stormed the governor's compound in Ghazni overnight.",
     ("Taliban", "attacked", "Ghazni")),
    ("Taliban fighters stormed Ghazni on Friday.", ("Taliban", "entered", "Ghazni")),
]


@pytest.mark.parametrize(("text", "expected"), STORMING)
def test_storming(text, expected):
    assert expected in _claims(text)


def test_the_possessor_of_a_capture_is_the_place():
    text = ("Government troops regained Sinja in November, five months after the city's "
            "capture by the Rapid Support Forces.")
    assert ("RSF", "captured", "Sinja") in _claims(text, "2025-01-13")


def test_loss_of_life_is_no_place():
    assert not _claims("The TPLF regretted the loss of life in Dessie.", "2021-12-08")


def test_forces_loyal_to_a_leader_by_his_name():
    # conflicts.json: "Riek Machar" names SPLA-IO, also after "forces loyal to" and a title
    text = "Forces loyal to the rebel leader Riek Machar captured Malakal on Thursday."
    assert ("SPLA-IO", "captured", "Malakal") in _claims(text, "2014-01-20")


@pytest.mark.parametrize(("text", "conflict", "expected"), [
    ("Houthi fighters fired two ballistic missiles at Marib on Sunday.", "yemen",
     ("Houthis", "attacked", "Marib")),
    ("Al-Shabaab militants lobbed mortar rounds into Baidoa overnight.", "somalia",
     ("al-Shabaab", "attacked", "Baidoa")),
])
def test_firing_munitions_at_a_place_attacks_it(text, conflict, expected):
    assert expected in _claims(text)


def test_firing_at_troops_is_no_claim_on_a_date():
    assert not _claims("Houthi fighters fired missiles at dawn on Sunday.")


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian helicopters struck Kupiansk on Friday.", ("Russia", "attacked", "Kupiansk")),
    ("Ukrainian drones hit Belgorod overnight.", ("Ukraine", "attacked", "Belgorod")),
])
def test_aircraft_and_drones_stand_for_their_side(text, expected):
    assert expected in _claims(text, "2024-05-04")


def test_a_capital_that_denies_is_no_place_for_the_city():
    text = ("Russian troops entered Kupiansk on Monday. Kyiv denied that the town had fallen. "
            "Ukrainian units were advancing on the edge of the city, officials said.")
    found = _claims(text, "2024-05-08")
    assert ("Ukraine", "advanced_towards", "Kupiansk") in found
    assert not [c for c in found if c[2] == "Kyiv"]


def test_a_rebel_body_that_speaks_stands_for_its_forces():
    text = ("Malian soldiers entered Anefis on Monday, backed by Wagner fighters. "
            "The rebel coalition said its fighters had withdrawn from Anefis.")
    assert ("Tuareg rebels", "withdrew", "Anefis") in _claims(text, "2023-10-10")


# --- actors (claims.control_actors) ---

@pytest.mark.parametrize(("text", "conflict_word", "expected"), [
    ("Ethiopian federal troops and allied Amhara militiamen captured Alamata on Friday.",
     "Tigray", ("ENDF", "captured", "Alamata")),
    ("Congolese soldiers and pro-government militiamen entered Masisi on Friday.", "M23",
     ("FARDC", "entered", "Masisi")),
])
def test_the_first_of_coordinated_subjects_leads(text, conflict_word, expected):
    assert expected in _claims(f"{text} The {conflict_word} war goes on.", "2024-05-04")


def test_a_gerund_after_after_takes_the_clause_subject():
    text = ("Government troops said they had pushed al-Shabaab out of Hiiraan after "
            "recapturing Moqokori and Jalalaqsi.")
    found = _claims(text, "2022-09-20")
    assert ("Somali government", "captured", "Jalalaqsi") in found
    assert not [c for c in found if c[0] == "al-Shabaab" and c[1] == "captured"]


#: One sentence per rule and the claims it must give: (rule, text, published, claims).
RULE_CASES = [
    ("loss-of", "Tigrayan forces acknowledged the loss of Dessie on Monday.", "2021-12-08",
     [("TPLF", "lost", "Dessie")]),
    ("loss-of", "The TPLF admitted the loss of Dessie after days of fighting.", "2021-12-08",
     [("TPLF", "lost", "Dessie")]),
    ("holding-positions",
     "Ukrainian troops were holding their positions in Vovchansk, the general staff said.",
     "2024-05-15", [("Ukraine", "holds", "Vovchansk")]),
    ("holding-positions", "Ukrainian forces still hold positions around Vovchansk.",
     "2024-05-15", [("Ukraine", "holds", "Vovchansk")]),
    ("described-town-list",
     "Junta troops still held the river port of Bhamo and the hill town of Kutkai.",
     "2024-05-04", [("Tatmadaw", "holds", "Bhamo"), ("Tatmadaw", "holds", "Kutkai")]),
    ("edge-list", "Hamas fighters attacked Israeli troops in Rafah and on the edge of Khan Younis.",
     "2024-05-20", [("Hamas", "attacked", "Rafah"), ("Hamas", "attacked", "Khan Younis")]),
    # conflicts.json: the Colombian army's generic names (trusted in a Colombian article)
    ("colombian-army-generic",
     "Army troops retook the Colombian town of Toribio from FARC dissidents on Friday.",
     "2012-07-16", [("Colombian army", "captured", "Toribio")]),
    ("forced-out-passive",
     "Houthi fighters were forced out of Harib after days of shelling, a commander said.",
     "2021-10-01", [("Houthis", "withdrew", "Harib")]),
    ("coordinated-demonyms",
     "Nigerien and Malian soldiers drove jihadists out of Menaka on Friday.",
     "2022-06-20", [("Nigerien army", "captured", "Menaka")]),
]


@pytest.mark.parametrize(("rule", "text", "published", "expected"), RULE_CASES,
                         ids=[case[0] for case in RULE_CASES])
def test_rule_cases(rule, text, published, expected):
    found = _claims(text, published)
    assert all(claim in found for claim in expected), (rule, found)
