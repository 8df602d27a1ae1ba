"""Small-place frames, the foreign-namesake reason and anchored readings (issue 13).

Sentences and places made up for this project. The rules end to end, with the gazetteer
and their switches, are tested in ``test_geoparse_unresolved.py``.
"""

from __future__ import annotations

import pytest

from gazetteer.anchored import anchored_readings
from gazetteer.model import Candidate, Mention, Place
from gazetteer.small_place import small_place_frame
from gazetteer.unresolved import FAR_KM, foreign_namesake_reason

# -- the frame -------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "name", "noun"),
    [
        ("Troops shelled the hamlet of Dervo at dawn.", "Dervo", "hamlet"),
        ("Rebels reached Sarkali, a fishing village on the lake.", "Sarkali", "village"),
        ("Fighting spread to Ulma and two nearby villages.", "Ulma", "villages"),
        ("Gunmen raided Tessa overnight. The settlement has no police post.", "Tessa",
         "settlement"),
    ],
)
def test_small_place_frames(text: str, name: str, noun: str) -> None:
    start = text.index(name)
    assert small_place_frame(text, start, start + len(name)) == noun


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A pilot from Dervo flew the last sortie over the coast.", "Dervo"),
        # the noun is about another place, too far after the name
        ("Ulma's mayor met reporters on Monday, weeks after rebels burned three villages.",
         "Ulma"),
        # a noun before the name that does not describe it
        ("The village elders travelled to Tessa for the talks.", "Tessa"),
    ],
)
def test_no_frame(text: str, name: str) -> None:
    start = text.index(name)
    assert small_place_frame(text, start, start + len(name)) is None


# -- foreign namesakes, on made-up places ------------------------------------------------------

_TEXT = "Gunmen burned the hamlet of Xerka near Mopti."
_MOPTI = Place("mopti", "Mopti", 14.49, -4.18, "PPL", "ML", population=120_000)


def _town(cc: str, lat: float, lon: float, population: int = 15_000) -> Place:
    return Place("xerka", "Xerka", lat, lon, "PPL", cc, population=population)


def _mention(place: Place) -> Mention:
    start = _TEXT.index("Xerka")
    return Mention(start, start + 5, "Xerka", (Candidate(place, 2.0, ("main name",)),))


def test_foreign_town_of_a_village_is_a_missing_place() -> None:
    reason = foreign_namesake_reason(_TEXT, _mention(_town("TR", 39.0, 41.0)), [_MOPTI])
    assert reason is not None
    assert "calls it a hamlet" in reason and "Xerka (TR)" in reason and "from Mopti" in reason


@pytest.mark.parametrize(
    "place",
    [
        _town("ML", 16.0, -1.0),  # in the story's country
        _town("BF", 13.0, -2.0),  # within FAR_KM of the story
        _town("TR", 39.0, 41.0, population=80_000),  # a city, not a village's namesake
    ],
)
def test_foreign_rule_keeps_plausible_readings(place: Place) -> None:
    assert foreign_namesake_reason(_TEXT, _mention(place), [_MOPTI]) is None


def test_foreign_rule_needs_a_frame() -> None:
    text = "A trader from Xerka sold cattle in Mopti."
    start = text.index("Xerka")
    mention = Mention(start, start + 5, "Xerka",
                      (Candidate(_town("TR", 39.0, 41.0), 2.0, ("main name",)),))
    assert foreign_namesake_reason(text, mention, [_MOPTI]) is None
    assert FAR_KM >= 161


# -- anchored readings, on made-up places --------------------------------------------------------

_ANCHOR_TEXT = "Rebels took Velka, a hamlet north of Dorin, on Sunday."
_DORIN = Place("dorin", "Dorin", 48.0, 37.0, "PPL", "UA", population=60_000)


def _anchored_pair(*places: Place) -> list[Mention]:
    v, d = _ANCHOR_TEXT.index("Velka"), _ANCHOR_TEXT.index("Dorin")
    velka = Mention(v, v + 5, "Velka", tuple(Candidate(p, 1.0 - k, ("main name",))
                                             for k, p in enumerate(places)))
    dorin = Mention(d, d + 5, "Dorin", (Candidate(_DORIN, 5.0, ("main name",)),))
    return anchored_readings(_ANCHOR_TEXT, [velka, dorin])


def _velka(lat: float, lon: float, pid: str = "velka") -> Place:
    return Place(pid, "Velka", lat, lon, "PPL", "UA", population=900)


def test_anchored_far_reading_is_left_unresolved() -> None:
    velka, dorin = _anchored_pair(_velka(46.0, 30.0))
    assert velka.place is None and "north of Dorin" in velka.unresolved
    assert dorin.place is _DORIN


def test_anchored_reading_near_the_anchor_is_put_first() -> None:
    velka, _ = _anchored_pair(_velka(46.0, 30.0), _velka(48.3, 37.1, "velka-2"))
    assert velka.place is not None and velka.place.id == "velka-2"
    assert "north of Dorin" in velka.candidates[0].reasons[0]


def test_anchored_near_reading_stands() -> None:
    velka, _ = _anchored_pair(_velka(48.4, 37.0))
    assert velka.place is not None and velka.place.id == "velka"


_IN_TEXT = "Rebels took Velka, a farming hamlet in Dorin Oblast, on Sunday."
_OBLAST = Place("dorin-oblast", "Dorin Oblast", 48.0, 37.0, "ADM1", "UA", admin1="05",
                population=2_000_000)


def _in_pair(velka_candidates: tuple[Candidate, ...]) -> Mention:
    v, d = _IN_TEXT.index("Velka"), _IN_TEXT.index("Dorin Oblast")
    velka = Mention(v, v + 5, "Velka", velka_candidates)
    oblast = Mention(d, d + 12, "Dorin Oblast", (Candidate(_OBLAST, 5.0, ("main name",)),))
    return anchored_readings(_IN_TEXT, [velka, oblast])[0]


def test_apposition_in_a_region_leaves_a_reading_of_the_name_alone() -> None:
    outside = Place("velka", "Velka", 48.2, 37.1, "PPL", "UA", admin1="14", population=900)
    assert _in_pair((Candidate(outside, 1.0, ("main name",)),)).place is outside


def test_a_focus_placement_the_apposition_contradicts_moves_to_the_anchor() -> None:
    town = Place("capital", "Capital", 50.4, 30.5, "PPLC", "UA", admin1="12",
                 population=2_900_000)
    focus = Candidate(town, 0.0, ("'Velka' is not in the gazetteer; placed in Capital, the"
                                  " town the article is about",))
    velka = _in_pair((focus,))
    assert velka.place is not None and velka.place.id == "dorin-oblast"
    assert "the text puts it there (in Dorin Oblast)" in velka.candidates[0].reasons[0]
