"""Address-style codes, administrative head words, and city versus unit of the same name.

Each rule (``address-codes``, ``admin-head``, ``city-over-state`` and its switch
``city-over-namesake-unit``) is tested on probe
sentences written for this project about several countries, and switched off by name
(``Geoparser(index, disabled={...})``) to show that the rule is what decides.
"""

from __future__ import annotations

import pytest

from gazetteer import MENTION_PASSES, RECOGNITION_RULES
from gazetteer.admin_codes import address_codes_after, subdivision_admin1
from gazetteer.admin_heads import (
    CITY_OVER_NAMESAKE_UNIT,
    HEAD_LEVELS,
    admin_context,
    admin_head,
)
from gazetteer.container import CONTAINER_CONTRADICTED
from gazetteer.geoparse import Geoparser
from gazetteer.qualifiers import QUALIFIER_RULES


def _without(parser: Geoparser, *names: str) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset(names))


def _place(parser: Geoparser, text: str, name: str):
    for mention in parser.geoparse(text):
        if mention.text == name or mention.text.rstrip("’'s") == name:
            return mention
    raise AssertionError(f"{name!r} not found in {text!r}")


def _given(parser: Geoparser, text: str, name: str):
    start = text.index(name)
    return parser.resolve_spans(text, [(start, start + len(name))])[0]


# -- the switch ---------------------------------------------------------------------------


def test_disabled_rules_leave_the_tables_and_nothing_else(parser: Geoparser) -> None:
    names = {"common-word", "eponym", "address-codes"}
    off = _without(parser, *names)
    assert {r.name for r in off.recognizer.rules} == {r.name for r in RECOGNITION_RULES} - names
    assert {p.name for p in off.passes} == {p.name for p in MENTION_PASSES} - names
    assert off.disabled == frozenset(names)
    assert "address-codes" in {name for name, _example in QUALIFIER_RULES}


# -- address-codes ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("Kingston, ON, CA, is on the lake.", 8, {("CA", subdivision_admin1("CA", "ON"))}),
        ("Winterthur, ZH, CH", 10, {("CH", "ZH")}),
        ("Dover, DE, USA.", 5, {("US", "DE")}),
        ("Fremantle WA 6160", 9, None),  # checked below: several WA, Australia among them
    ],
)
def test_address_codes_read_a_division_and_a_country(text, end, expected) -> None:
    codes = address_codes_after(text, end)
    assert codes is not None
    if expected is None:
        assert ("AU", subdivision_admin1("AU", "WA")) in codes.readings
    else:
        assert codes.readings == expected


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("In Paris, US officials met on Monday.", 8),  # a code followed by prose
        ("Berlin, DE and FR teams drew.", 6),
        ("They flew from Rome to DE last year.", 19),  # no comma, no postcode
        ("Leeds, QX, ZZ.", 5),  # no such division or country
    ],
)
def test_codes_outside_address_position_are_not_qualifiers(text: str, end: int) -> None:
    assert address_codes_after(text, end) is None


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Tickets for the show in London, ON, CA sold out.", "London", "CA"),
        ("Send the forms to 4 Bay Road, Perth WA 6000 by Friday.", "Perth", "AU"),
        ("The office at Hamilton, ON, CA opens in May.", "Hamilton", "CA"),
    ],
)
def test_address_codes_pick_the_namesake(parser: Geoparser, text, name, country) -> None:
    assert _place(parser, text, name).place.country_code == country
    assert _given(parser, text, name).place.country_code == country


def test_address_codes_switched_off_leave_the_famous_namesake(parser: Geoparser) -> None:
    text = "Tickets for the show in London, ON, CA sold out."
    assert _place(_without(parser, "address-codes"), text, "London").place.country_code == "GB"


def test_a_code_pair_picks_the_city_not_the_canton(parser: Geoparser) -> None:
    mention = _place(parser, "Our branch in Zurich, ZH, CH moved.", "Zurich")
    assert mention.place.feature_code.startswith("PPL")
    assert any("qualified by ZH, CH" in r for r in mention.candidates[0].reasons)


# -- admin-head ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end", "head"),
    [
        ("fighting in Helmand province went on", 12, 19, "province"),
        ("across Kherson Oblast", 7, 21, "oblast"),
        ("the governorate of Idlib", 19, 24, "governorate"),
        ("graduates of Kano State University", 13, 17, None),
        ("a state visit to Kano", 17, 21, None),
    ],
)
def test_admin_head_words(text, start, end, head) -> None:
    assert admin_head(text, start, end) == head


@pytest.mark.parametrize(
    ("text", "name", "codes", "country"),
    [
        ("Shelling was reported across the Aleppo governorate overnight.", "Aleppo",
         ("ADM1",), "SY"),
        ("Ukrainian troops pushed into Kherson oblast again.", "Kherson", ("ADM1",), "UA"),
        ("Clashes broke out in Kandahar district on Sunday.", "Kandahar", ("ADM2",), "AF"),
        ("Tribal elders met in the district of Marib last week.", "Marib", ("ADM2",), "YE"),
        ("Heavy rain flooded parts of Kano state.", "Kano", ("ADM1",), "NG"),
    ],
)
def test_a_head_word_makes_the_unit(parser: Geoparser, text, name, codes, country) -> None:
    for mention in (_place(parser, text, name), _given(parser, text, name)):
        assert mention.place.feature_code in codes
        assert mention.place.country_code == country
        assert mention.text == name  # the span is not changed


def test_admin_head_switched_off_keeps_the_city(parser: Geoparser) -> None:
    text = "Shelling was reported across the Aleppo governorate overnight."
    place = _place(_without(parser, "admin-head"), text, "Aleppo").place
    assert place.feature_code.startswith("PPL")


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("تواصلت الاشتباكات في محافظة إدلب طوال الليل.", "إدلب", "SY"),
        ("نزح آلاف المدنيين من ولاية الجزيرة الأسبوع الماضي.", "الجزيرة", "SD"),
        ("وقعت غارة جوية بمحافظة حجة صباح اليوم.", "حجة", "YE"),
        ("قصفت الطائرات مواقع في إقليم تيغراي.", "تيغراي", "ET"),
    ],
)
def test_an_arabic_head_word_before_the_name_makes_the_unit(
    parser: Geoparser, text, name, country
) -> None:
    for mention in (_place(parser, text, name), _given(parser, text, name)):
        assert mention.place.feature_code == "ADM1", mention.place
        assert mention.place.country_code == country


def test_an_arabic_city_noun_is_no_head_word(parser: Geoparser) -> None:
    assert admin_head("سيطرت القوات على مدينة حلب", 23, 26) is None
    assert _place(parser, "سيطرت القوات على مدينة حلب.", "حلب").place.feature_code == "PPL"


def test_a_unit_named_by_its_head_word_is_never_a_missing_hamlet(parser: Geoparser) -> None:
    """A far reading elsewhere in the text does not unresolve a governorate named as one."""
    mention = _place(parser, "قتل مدنيان في غارة على مديرية حيران بمحافظة حجة.", "حجة")
    assert not mention.unresolved
    assert (mention.place.country_code, mention.place.feature_code) == ("YE", "ADM1")


def test_every_head_word_prefers_an_administrative_level() -> None:
    assert all(levels and levels[0].startswith("ADM") for levels in HEAD_LEVELS.values())


# -- city-over-state ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Traffic in Lagos was gridlocked after the storm.", "Lagos", "NG"),
        ("Bus fares rose in Sao Paulo this spring.", "Sao Paulo", "BR"),
        ("A tram strike hit Zurich on Tuesday.", "Zurich", "CH"),
        ("Traders in Kano reopened the market.", "Kano", "NG"),
        ("A new bridge opened in Khartoum.", "Khartoum", "SD"),
    ],
)
def test_a_bare_name_is_the_city(parser: Geoparser, text, name, country) -> None:
    for mention in (_place(parser, text, name), _given(parser, text, name)):
        assert mention.place.feature_code.startswith("PPL"), mention.place
        assert mention.place.country_code == country


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The governor of Lagos said schools would reopen.", "Lagos"),
        ("Kano's governor signed the budget.", "Kano"),
        ("Voters in Lagos State go to the polls.", "Lagos State"),
    ],
)
def test_the_unit_when_the_text_says_so(parser: Geoparser, text, name) -> None:
    assert _place(parser, text, name).place.feature_code == "ADM1"


def test_admin_context() -> None:
    assert admin_context("the deputy governor of Kano said", 23, 27)
    assert not admin_context("a market in Kano", 12, 16)


def test_city_over_state_switched_off_keeps_the_unit(parser: Geoparser) -> None:
    text = "Traffic in Lagos was gridlocked after the storm."
    assert _place(_without(parser, "city-over-state"), text, "Lagos").place.feature_code == "ADM1"


def test_a_state_without_a_city_of_its_own_name_stays(parser: Geoparser) -> None:
    # GeoNames calls the city "New York City": the bare name stays the state.
    place = _place(parser, "Snow closed schools across New York on Monday.", "New York").place
    assert place.feature_code == "ADM1"


# -- own-qualifier ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The tour stops in Portland, Maine, and then in Portland, Oregon, in June.",
         [("Portland", "ME"), ("Portland", "OR")]),
        ("The rowing club of Perth, Scotland, hosted a crew from Perth, Western Australia.",
         [("Perth", "GB"), ("Perth", "AU")]),
    ],
)
def test_one_name_qualified_two_ways(parser: Geoparser, text: str, expected) -> None:
    found = [(m.text, m.place) for m in parser.geoparse(text) if m.text == expected[0][0]]
    assert len(found) == 2
    for (_name, place), (_n, where) in zip(found, expected, strict=True):
        assert where in (place.admin1, place.country_code)
    # switched off (and container-contradicted, which reads "X, Maine," the same way):
    # one reading for both
    off = [m.place.id for m in _without(parser, "own-qualifier", CONTAINER_CONTRADICTED)
           .geoparse(text) if m.text == expected[0][0]]
    assert off[0] == off[1]


def test_a_bare_repeat_keeps_the_shared_qualifier(parser: Geoparser) -> None:
    text = "Police in Springfield, Ore., said a bridge in Springfield would close."
    places = [m.place for m in parser.geoparse(text) if m.text == "Springfield"]
    assert [p.admin1 for p in places] == ["OR", "OR"]


# -- postcode-gap -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Returns go to 12 Dundas St, London, N6A 3K7, Canada.", "London", "CA"),
        ("Parcels: 8 Quay Road, Perth, 6000, Australia.", "Perth", "AU"),
        ("Shipping from 5 rue Haute, Paris 75002, France, every week.", "Paris", "FR"),
    ],
)
def test_a_postcode_between_place_and_country(parser: Geoparser, text, name, country) -> None:
    assert _place(parser, text, name).place.country_code == country
    assert _given(parser, text, name).place.country_code == country


def test_postcode_gap_switched_off(parser: Geoparser) -> None:
    text = "Returns go to 12 Dundas St, London, N6A 3K7, Canada."
    assert _place(_without(parser, "postcode-gap"), text, "London").place.country_code == "GB"


# -- city-over-namesake-unit ------------------------------------------------------------------


def test_unit_yields_to_a_namesake_city_at_least_as_populous(parser: Geoparser) -> None:
    text = "Egypt and Jordan sent aid to Gaza by air."
    gaza = _given(parser, text, "Gaza").place
    assert (gaza.country_code, gaza.feature_code) == ("PS", "PPL")
    kept = _given(_without(parser, CITY_OVER_NAMESAKE_UNIT), text, "Gaza").place
    assert kept.country_code == "MZ"


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        # the head word names the unit
        ("Drought hit farmers in Gaza province, in southern Mozambique.", "Gaza", "MZ"),
        # no namesake city as populous as the unit
        ("Floods hit Punjab on Monday.", "Punjab", "IN"),
    ],
)
def test_unit_stays_without_a_bigger_namesake_city_or_with_a_head_word(
    parser: Geoparser, text: str, name: str, code: str
) -> None:
    found = _given(parser, text, name).place
    assert (found.country_code, found.feature_code) == (code, "ADM1")
