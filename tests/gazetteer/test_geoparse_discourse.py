"""Document-level evidence the geoparser reads around a mention (gazetteer.discourse).

Each case is a sentence of our own, resolved on the real gazetteer index with the spans
given, as the ``--gold-spans`` evaluation does.
"""

from __future__ import annotations

import re

import pytest

from gazetteer import resolve_spans
from gazetteer.evaluation import great_circle_km
from gazetteer.fallback import part_of_name
from gazetteer.model import Candidate, Mention, Place


def _spans(text: str, *names: str) -> list[tuple[int, int]]:
    """The spans of each name's occurrences in ``text`` (every occurrence, in order)."""
    spans = [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    return sorted(spans)


def _resolved(text: str, *names: str) -> dict[str, Mention]:
    mentions = resolve_spans(text, _spans(text, *names))
    return {m.text: m for m in mentions}


def _near(mention: Mention, lat: float, lon: float, km: float = 60.0) -> bool:
    place = mention.place
    return place is not None and great_circle_km(place.lat, place.lon, lat, lon) <= km


@pytest.mark.parametrize(
    ("text", "name", "container", "lat", "lon"),
    [
        (
            "The boy was moved to the Zorvath Children's Hospital in Rome last week.",
            "Zorvath Children's Hospital",
            "Rome",
            41.89,
            12.48,
        ),
        (
            "Talks resumed at the Palais Quellin in Geneva on Monday, diplomats said.",
            "Palais Quellin",
            "Geneva",
            46.20,
            6.14,
        ),
        (
            "Doctors at the Brindle Street Clinic, where she is treated in Liverpool, objected.",
            "Brindle Street Clinic",
            "Liverpool",
            53.41,
            -2.98,
        ),
    ],
)
def test_unknown_facility_is_placed_in_the_town_the_text_puts_it_in(
    text: str, name: str, container: str, lat: float, lon: float
) -> None:
    mentions = _resolved(text, name, container)
    facility = mentions[name]
    assert _near(facility, lat, lon), facility.place
    assert "the text puts it there" in facility.candidates[0].reasons[0]


def test_a_doubtful_container_does_not_move_a_name() -> None:
    """A small namesake read far from the article's region is no container."""
    text = (
        "Zaltor Square at Gravesville is quiet. Gravesville lies in Kansas. "
        "Wichita and Topeka are busy; Wichita police said so."
    )
    mentions = _resolved(text, "Zaltor Square", "Wichita", "Topeka", "Kansas")
    square = mentions["Zaltor Square"]
    assert square.place is not None and square.place.country_code == "US"
    assert not any("the text puts it there" in r for r in square.candidates[0].reasons)


def test_unknown_acronym_reads_as_initials_of_an_area_the_article_spells_out() -> None:
    text = (
        "Mining towns across South Africa depend on platinum. In SA, chiefs hold "
        "much of the land around the mines."
    )
    sa = _resolved(text, "South Africa", "SA")["SA"]
    assert sa.place is not None and sa.place.country_code == "ZA"
    assert sa.place.precision == "country"
    assert "initials" in sa.candidates[0].reasons[0]


def test_acronym_without_a_spelled_out_area_stays_unresolved() -> None:
    text = "The QX office in Nairobi opened on Monday."
    qx = _resolved(text, "QX", "Nairobi")["QX"]
    assert qx.place is None or qx.place.country_code == "KE"
    assert not qx.candidates or "initials" not in qx.candidates[0].reasons[0]


def test_state_abbreviation_in_a_dateline_decides_the_bare_state_name() -> None:
    text = (
        "OLYMPIA, Wash. - The team is rarely at home in Washington; it also flew to "
        "Washington, D.C. twice this year and to Seattle once."
    )
    spans = _spans(text, "OLYMPIA", "Wash.", "Seattle")
    bare = [m.start() for m in re.finditer(r"Washington(?!, D)", text)]
    spans = sorted(spans + [(s, s + len("Washington")) for s in bare])
    mentions = resolve_spans(text, spans)
    washington = next(m for m in mentions if m.text == "Washington")
    assert washington.place.feature_code == "ADM1" and washington.place.admin1 == "WA"


def test_one_sense_for_states_lifts_the_state_over_the_capital() -> None:
    from gazetteer.discourse import one_sense_for_states
    from gazetteer.names import normalize

    state = Place(
        "x:wa", "Washington", 47.5, -120.5, "ADM1", "US", admin1="WA", population=7_000_000
    )
    capital = Place(
        "x:dc", "Washington", 38.9, -77.0, "PPLC", "US", admin1="DC", population=7 * 10**5
    )
    dateline = Mention(0, 5, "Wash.", (Candidate(state, 3.0, ("alias match",)),))
    bare = Mention(
        30,
        40,
        "Washington",
        (Candidate(capital, 4.0, ("main name",)), Candidate(state, 3.5, ("main name",))),
    )
    out = one_sense_for_states([dateline, bare], normalize)
    assert out[1].place is state
    assert "Wash." in out[1].candidates[0].reasons[0]
    assert [c.place for c in out[1].candidates] == [state, capital]


def test_all_caps_dateline_names_a_city() -> None:
    text = "(NEW YORK) — Officers answered three calls in Brooklyn on Wednesday."
    mentions = _resolved(text, "NEW YORK", "Brooklyn")
    assert mentions["NEW YORK"].place.precision == "town"
    assert _near(mentions["NEW YORK"], 40.71, -74.01, 30.0)


def test_the_same_name_inside_a_sentence_stays_a_state() -> None:
    text = "Farmers in New York and Vermont said the dry spring hurt the crop."
    mentions = _resolved(text, "New York", "Vermont")
    assert mentions["New York"].place.feature_code == "ADM1"


#: (case, text, names given as spans, the name checked, lat, lon, km, reason that must lead)
PLACED_NEAR = [
    (
        "loose spelling far from the story gives way to its town",
        "New Orleans kept its old street names. Almonaster was the name of a street near the "
        "river in New Orleans.",
        ("New Orleans", "Almonaster"),
        "Almonaster",
        29.95,
        -90.07,
        40.0,
        None,
    ),
    (
        "loose spelling next to a plainly named town stands",
        "Forces moved from Tripoli towards Gharian, a town in the mountains, on Monday.",
        ("Tripoli", "Gharian"),
        "Gharian",
        32.17,
        13.02,
        20.0,
        None,
    ),
    (
        "street named after a city stays in the article town",
        "Nelson opened a new office this week. The office, at 333 Victoria St., is the third "
        "in Nelson, officials in British Columbia said.",
        ("Nelson", "333 Victoria St.", "British Columbia"),
        "333 Victoria St.",
        49.49,
        -117.29,
        30.0,
        None,
    ),
    (
        "a reviewed landmark is not a weak reading",
        "Aberdeen fund managers met on Monday. Elsewhere, the Bank of Japan will keep policy "
        "loose, analysts in Aberdeen said.",
        ("Aberdeen", "Bank of Japan"),
        "Bank of Japan",
        35.69,
        139.77,
        10.0,
        None,
    ),
    (
        "a weak small namesake gives way to a reviewed site of the name",
        "It turns out the Broadway star really had shingles, his publicist said.",
        ("Broadway",),
        "Broadway",
        40.76,
        -73.98,
        15.0,
        "reviewed",
    ),
    (
        "a square named after a far town lies in the article town",
        "New Orleans grew along the river. The new avenue got a park, Washington Square, and "
        "New Orleans got a streetcar line to it.",
        ("New Orleans", "Washington Square"),
        "Washington Square",
        29.95,
        -90.07,
        40.0,
        None,
    ),
    (
        "a reading far outside the place after 'in' yields to it",
        "Doctors at the CHU in Montpellier said the operation had gone well.",
        ("CHU", "Montpellier"),
        "CHU",
        43.61,
        3.88,
        30.0,
        "the text puts it there",
    ),
    (
        "a facility at a landmark lies at the landmark",
        "Sicily's growers sent lemons for the feast. The wedding takes place in the Zorvath "
        "Chapel at Windsor Castle, and Sicily will be watching.",
        ("Sicily", "Zorvath Chapel", "Windsor Castle"),
        "Zorvath Chapel",
        51.48,
        -0.60,
        5.0,
        None,
    ),
    (
        "a landmark is found by its former name",
        "Norwich travel north this weekend to face Hull at the KCOM Stadium.",
        ("Norwich", "Hull", "KCOM Stadium"),
        "KCOM Stadium",
        53.746,
        -0.368,
        3.0,
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "names", "name", "lat", "lon", "km", "reason"),
    [pytest.param(*case[1:], id=case[0]) for case in PLACED_NEAR],
)
def test_name_is_placed_where_the_article_puts_it(
    text: str,
    names: tuple[str, ...],
    name: str,
    lat: float,
    lon: float,
    km: float,
    reason: str | None,
) -> None:
    mention = _resolved(text, *names)[name]
    assert _near(mention, lat, lon, km), mention.place
    assert reason is None or reason in mention.candidates[0].reasons[0]


@pytest.mark.parametrize(
    ("name", "part"),
    [
        ("Bank of England", "England"),
        ("British Embassy Tokyo", "Tokyo"),
        ("Embassy of the Republic of Armenia", "Republic of Armenia"),
        ("Colorado State University", "Colorado State"),
        ("Robinson College Cambridge", "Cambridge"),
        ("Anthony Creek Lodge", "Anthony"),
    ],
)
def test_part_of_name_prefers_the_place_after_of_and_names_over_adjectives(
    name: str, part: str
) -> None:
    from gazetteer.geoparse import get_geoparser
    from gazetteer.people import is_personal_name

    parser = get_geoparser()
    found = part_of_name(name, parser._strict_places, parser._is_adjective, is_personal_name)
    assert found is not None and found[0] == part


def test_contained_reading_keeps_the_far_namesake_as_an_alternative() -> None:
    from gazetteer.discourse import contained_readings

    far = Place("x:far", "Zed", 10.0, 10.0, "PPL", "AA", population=500)
    city = Place("x:city", "Bigtown", 50.0, 5.0, "PPLA", "BB", population=900_000)
    text = "the Zed Hospital in Bigtown"
    weak = Mention(4, 16, "Zed Hospital", (Candidate(far, 1.0, ("part match (-0.5)",)),))
    town = Mention(20, 27, "Bigtown", (Candidate(city, 5.0, ("main name",)),))
    out = contained_readings(text, [weak, town], [True, False])
    assert out[0].place.id == city.id and out[0].place.radius_km >= 10.0
    assert [c.place.id for c in out[0].candidates] == [city.id, far.id]
    assert out[1] is town


def test_a_site_is_not_the_focus_of_a_story_that_names_a_town() -> None:
    from gazetteer.fallback import focus_place

    town = Place("x:t", "Hull", 53.74, -0.33, "PPL", "GB", population=260_000)
    ground = Place("x:s", "KCOM Stadium", 53.75, -0.37, "STDM", "GB", precision="site")
    mentions = [
        Mention(0, 4, "KCOM", (Candidate(ground, 1.0, ("main name",)),)),
        Mention(10, 14, "KCOM", (Candidate(ground, 1.0, ("main name",)),)),
        Mention(20, 24, "Hull", (Candidate(town, 1.0, ("main name",)),)),
    ]
    assert focus_place(mentions) is town
    assert focus_place(mentions[:2]) is ground


def test_weak_hamlet_gives_way_to_the_airport_named_after_it() -> None:
    text = (
        "Kansas City wants more pet shipments. Officials from Kansas City visited, and "
        "28 million fish passed through Heathrow last year."
    )
    heathrow = _resolved(text, "Kansas City", "Heathrow")["Heathrow"]
    assert heathrow.place.feature_code == "AIRP" and heathrow.place.country_code == "GB"


def test_a_city_state_in_a_facility_name_beats_the_article_town() -> None:
    text = (
        "Pilgrims from Yerevan came to see it. The statue now stands in the Vatican Zorgan "
        "Gardens, far from Yerevan and Yerevan's churches."
    )
    spans = _spans(text, "Yerevan", "Vatican Zorgan Gardens")
    mention = next(m for m in resolve_spans(text, spans) if m.text.startswith("Vatican"))
    assert mention.place.country_code == "VA"


def test_a_name_after_of_keeps_its_reading() -> None:
    """'Gregory of Narek in Vatican': the statue is in the Vatican, Narek stays in Armenia."""
    text = "A statue of St. Gregory of Narek in Vatican was unveiled; Armenia sent a delegation."
    narek = _resolved(text, "Narek", "Vatican", "Armenia")["Narek"]
    assert narek.place is not None and narek.place.country_code == "AM"


def test_name_with_a_reading_inside_the_container_takes_it() -> None:
    from gazetteer.discourse import contained_readings

    italy = Place("x:fi", "Florence", 43.77, 11.25, "PPLA", "IT", population=370_000)
    alabama_town = Place(
        "x:fa", "Florence", 34.80, -87.68, "PPL", "US", admin1="AL", population=40_000
    )
    state = Place(
        "x:al",
        "Alabama",
        32.75,
        -86.75,
        "ADM1",
        "US",
        admin1="AL",
        population=4_800_000,
        precision="region",
        radius_km=240.0,
    )
    text = "the tour moved to Florence in Alabama"
    start = text.index("Florence")
    florence = Mention(
        start,
        start + 8,
        "Florence",
        (Candidate(italy, 5.0, ("main name",)), Candidate(alabama_town, 4.0, ("main name",))),
    )
    where = text.index("Alabama")
    container = Mention(where, where + 7, "Alabama", (Candidate(state, 6.0, ("main name",)),))
    out = contained_readings(text, [florence, container], [False, False])
    assert out[0].place is alabama_town
    assert "where the text puts it" in out[0].candidates[0].reasons[0]


def test_a_capital_is_not_moved_by_one_in() -> None:
    text = "The fair moved to Athens in Georgia last spring, organisers said."
    athens = _resolved(text, "Athens", "Georgia")["Athens"]
    assert not athens.candidates[0].reasons[0].startswith("'Athens' placed in")


@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        (
            "The U.S. urged Ukraine to follow the Venice Commission on the new law, and "
            "the United States said Ukraine should act.",
            "Venice",
            "IT",
        ),
        (
            "Talks on the Minsk agreements stalled, officials in Washington and Kyiv said.",
            "Minsk",
            "BY",
        ),
    ],
)
def test_place_naming_an_agreement_or_body_is_its_famous_namesake(
    text: str, name: str, cc: str
) -> None:
    names = [n for n in ("U.S.", "Ukraine", "United States", "Washington", "Kyiv") if n in text]
    mention = _resolved(text, name, *names)[name]
    assert mention.place is not None and mention.place.country_code == cc, mention.place


def test_state_inside_a_shop_name_gives_way_to_the_article_town_in_that_state() -> None:
    text = (
        "Manassas keeps growing. Virginia Kelvar Gateway offers groceries, and Manassas "
        "residents shop there."
    )
    mentions = _resolved(text, "Manassas", "Virginia Kelvar Gateway")
    gateway = mentions["Virginia Kelvar Gateway"]
    assert _near(gateway, 38.75, -77.47, 30.0), gateway.place
    assert any(c.place.feature_code == "ADM1" for c in gateway.candidates[1:])


def test_national_institution_stays_with_its_country() -> None:
    text = "Ciudad Juarez exporters watched the Bank of Mexico; Ciudad Juarez banks waited."
    bank = _resolved(text, "Ciudad Juarez", "Bank of Mexico")["Bank of Mexico"]
    assert bank.place is not None and bank.place.precision == "country"


def test_the_town_in_the_title_is_the_focus_for_unknown_venues() -> None:
    from gazetteer import resolve_spans as resolve

    text = (
        "Tasting notes from Turtle Rock wines were shared at the Zorvath Gallery launch. "
        "Turtle Rock again sold out, and Santa Barbara diners loved it in Santa Barbara."
    )
    spans = _spans(text, "Turtle Rock", "Zorvath Gallery", "Santa Barbara")
    title = "Epicurean Santa Barbara opens"
    mentions = {m.text: m for m in resolve(text, spans, title=title)}
    gallery = mentions["Zorvath Gallery"]
    assert _near(gallery, 34.42, -119.70, 20.0), gallery.place


def test_place_heading_a_two_word_body_name_keeps_its_reading() -> None:
    text = (
        "Moscow hosted the meeting. He is research director of the Valdai Discussion Club, "
        "Moscow's best-known forum."
    )
    valdai = _resolved(text, "Moscow", "Valdai")["Valdai"]
    assert _near(valdai, 57.98, 33.24, 20.0), valdai.place
    assert "named after" in valdai.candidates[0].reasons[0]


def test_small_place_known_only_by_an_alternate_name_is_a_weak_reading() -> None:
    from gazetteer.readings import is_weak_reading

    hamlet = Place(
        "x:h", "Newcomerstown", 40.27, -81.60, "PPL", "US", admin1="OH", population=20_000
    )
    by_alias = Mention(
        0,
        9,
        "Newcomers",
        (
            Candidate(
                hamlet, 1.0, ("population 20,000", "alias match (-0.2)", "document country US 66%")
            ),
        ),
    )
    by_name = Mention(
        0,
        13,
        "Newcomerstown",
        (Candidate(hamlet, 1.0, ("population 20,000", "main name", "document country US 66%")),),
    )
    assert is_weak_reading(by_alias) and not is_weak_reading(by_name)


def test_village_in_a_region_named_after_it_takes_the_reading_there() -> None:
    text = (
        "Cambridge mourns its baker, a native of the village of Flumeri in southern "
        "Italy who opened his first shop in Cambridge in 1960."
    )
    flumeri = _resolved(text, "Cambridge", "Flumeri", "Italy")["Flumeri"]
    assert flumeri.place is not None and flumeri.place.country_code == "IT"


def test_hamlet_backed_only_by_the_country_is_a_weak_reading() -> None:
    from gazetteer.readings import is_weak_reading

    hamlet = Place("x:b", "Booker", 36.45, -100.54, "PPL", "US", admin1="TX", population=1_600)
    only_country = Mention(
        0,
        6,
        "Booker",
        (
            Candidate(
                hamlet,
                1.0,
                ("population 1,600", "main name", "document country US 66%", "document names US"),
            ),
        ),
    )
    local = Mention(
        0,
        6,
        "Booker",
        (Candidate(hamlet, 1.0, ("population 1,600", "main name", "document region US.TX 40%")),),
    )
    assert is_weak_reading(only_country) and not is_weak_reading(local)


def test_a_county_list_is_no_town_container() -> None:
    text = (
        "The refuge lies on the upper Zorvath River in Anderson and Cherokee counties, "
        "Texas wildlife officials said."
    )
    river = _resolved(text, "Zorvath River", "Anderson", "Cherokee", "Texas")["Zorvath River"]
    assert not any("the text puts it there" in r for r in river.candidates[0].reasons)


def test_weak_small_namesake_gives_way_to_a_populous_region() -> None:
    text = (
        "Jeffersonville honoured its veterans. The tank landed on the beaches of Normandy "
        "during the invasion, Jeffersonville's mayor recalled."
    )
    normandy = _resolved(text, "Jeffersonville", "Normandy")["Normandy"]
    assert normandy.place.country_code == "FR"


def test_famous_area_lifts_a_populous_region_but_not_for_a_part_of_a_name() -> None:
    from gazetteer.namesakes import famous_area

    hamlet = Place("x:n", "Normandy", 38.72, -90.30, "PPL", "US", population=5_000)
    region = Place(
        "x:r", "Normandie", 49.0, 0.0, "ADM1", "FR", population=3_300_000, precision="region"
    )
    weak = Mention(
        0,
        8,
        "Normandy",
        (Candidate(hamlet, 2.0, ("main name",)), Candidate(region, 1.0, ("alias match (-0.2)",))),
    )
    lifted = famous_area(weak)
    assert lifted is not None and lifted.place is region
    assert "populous" in lifted.candidates[0].reasons[0]
    part = Mention(
        0,
        8,
        "Normandy Metro",
        (
            Candidate(hamlet, 2.0, ("part match (-0.5)",)),
            Candidate(region, 1.0, ("part match (-0.5)",)),
        ),
    )
    assert famous_area(part) is None
