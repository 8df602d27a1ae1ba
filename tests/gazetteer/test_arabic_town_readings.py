"""Towns of wars written in Arabic the way agencies write them (issue 16): named rules.

Sentences written for the project. Each rule is checked on and switched off:
``translit-retry-unresolved``, ``translit-exact-first`` (gazetteer.translit_bounds),
``translit-exact-tier`` (gazetteer.geoparse),
``arabic-adjective-agreement``, ``arabic-translit-compound``, ``arabic-noun-whole-word``,
``arabic-listed-neighbour`` (gazetteer.arabic_recognize), ``arabic-tsh-as-ch``
(gazetteer.arabic_translit).
"""

from __future__ import annotations

import pytest

from claims.arabic.extract import extract_arabic_claims
from gazetteer.admin_heads import ARABIC_CITY_OVER_UNIT
from gazetteer.arabic_recognize import (
    ADJECTIVE_AGREEMENT,
    LISTED_NEIGHBOUR,
    NOUN_WHOLE_WORD,
    TRANSLIT_COMPOUND,
)
from gazetteer.arabic_translit import TSH_AS_CH
from gazetteer.geoparse import TRANSLIT_EXACT_TIER, Geoparser, get_geoparser
from gazetteer.model import Mention, Place
from gazetteer.translit_bounds import (
    TRANSLIT_EXACT_FIRST,
    TRANSLIT_RETRY,
    bound_translit_mentions,
)
from gazetteer.unresolved import FAR_NAMESAKE

_FAR = Place("t:1", "Farplace", 61.7, 27.3, "PPL", "FI")
_NEAR = Place("t:2", "Nearplace", 13.5, 39.5, "PPL", "ET")


def _without(*rules: str) -> Geoparser:
    parser = get_geoparser()
    return Geoparser(parser.index, disabled=frozenset(parser.disabled) | set(rules))


def _read(text: str, parser: Geoparser | None = None) -> list[tuple[str, str | None, str]]:
    parser = parser or get_geoparser()
    return [(m.text, m.place.country_code if m.place else None,
             m.place.name if m.place else "") for m in parser.geoparse(text)]


def test_a_name_dropped_as_far_is_retried_with_its_own_places_then_its_readings():
    dropped = Mention(0, 5, "اسممم", (), ("arabic-gazetteer", FAR_NAMESAKE))
    out = bound_translit_mentions([dropped], lambda t: False, {"ET"},
                                  places=lambda t: [_FAR, _NEAR])
    assert out[0].place == _NEAR
    out = bound_translit_mentions([dropped], lambda t: False, {"ET"}, lambda t: [_NEAR])
    assert out[0].place == _NEAR
    kept = bound_translit_mentions([dropped], lambda t: False, {"ET"}, lambda t: [_NEAR],
                                   retry=False, places=lambda t: [_NEAR])
    assert kept[0].place is None


def test_pokrovsk_in_a_ukraine_story_is_read_in_ukraine():
    # GeoNames gives بوكروفسك as the Arabic name of a village in Yakutia only
    text = "تواصل القوات الروسية هجومها باتجاه مدينة بوكروفسك في منطقة دونيتسك."
    found = dict((t, cc) for t, cc, _n in _read(text))
    assert found["بوكروفسك"] == "UA"
    assert dict((t, cc) for t, cc, _n in _read(text, _without(TRANSLIT_RETRY)))[
        "بوكروفسك"] is None


def test_a_town_near_no_other_place_keeps_its_war_country_with_a_conflict():
    text = "أعلنت أنقرة أن الفصائل الموالية لها أكملت سيطرتها على بلدة تل أبيض."
    claims = [c for c in extract_arabic_claims(text, conflict="syria") if c.place_ref]
    assert claims and {c.place_ref.country_code for c in claims} == {"SY"}


@pytest.mark.parametrize(("text", "name", "town", "rule"), [
    # the skeleton of كوراخوفي (k-r-kh-v) is Kharkiv's too, a city 70 times larger
    ("سيطرت القوات الروسية على مدينة كوراخوفي في أوكرانيا بعد أشهر من القتال.",
     "كوراخوفي", "Kurakhove", TRANSLIT_EXACT_FIRST),
    # تش is ch when t + sh finds nothing
    ("صمدت الوحدات الأوكرانية أسابيع في مدينة تشاسيف يار غرب باخموت.", "تشاسيف يار",
     "Chasiv Yar", TSH_AS_CH),
    ("انسحبت القوات الروسية من مدينة فوفتشانسك قرب الحدود.", "فوفتشانسك", "Vovchansk",
     TSH_AS_CH),
    ("انسحبت الوحدات الأوكرانية من مدينة ليسيتشانسك بعد معارك طويلة.", "ليسيتشانسك",
     "Lysychansk", TSH_AS_CH),
    # the reading kharkiv spells the city; the oblast, larger, was preferred as skeleton hit
    ("أطلقت القوات الروسية صواريخ على مدينة خاركيف ليل السبت.", "خاركيف", "Kharkiv",
     TRANSLIT_EXACT_TIER),
    ("هاجمت القوات الروسية مواقع جنوب باخموت بالمدفعية.", "باخموت", "Bakhmut",
     TRANSLIT_EXACT_TIER),
])
def test_a_ukrainian_town_is_read_as_itself_by_the_rule(text, name, town, rule):
    assert (name, "UA", town) in _read(text)
    # arabic-city-over-namesake-unit also turns a raion read first into its town (باخموت)
    assert (name, "UA", town) not in _read(text, _without(rule, ARABIC_CITY_OVER_UNIT))


def test_a_masculine_adjective_after_a_feminine_noun_is_a_name():
    text = "وسقطت قذائف على أحياء سكنية في مدينة بحري شمالي العاصمة."
    assert ("بحري", "SD") in [(t, cc) for t, cc, _n in _read(text)]
    assert "بحري" not in [t for t, _cc, _n in _read(text, _without(ADJECTIVE_AGREEMENT))]


@pytest.mark.parametrize("text", [
    "رست سفينة حربية في ميناء بحري قرب الساحل.",  # a masculine noun: its adjective
    "استهدفت المسيرات قاعدة بحرية على البحر الأحمر.",  # feminine noun, feminine adjective
    "قالت المصادر إن المنطقة العسكرية شهدت اشتباكات.",
])
def test_an_agreeing_adjective_is_still_no_name(text):
    assert not any(t in ("بحري", "بحرية", "العسكرية") for t, _cc, _n in _read(text))


def test_a_foreign_name_of_two_words_is_read_whole_after_a_place_noun():
    text = "أعلن الجيش الصومالي أنه طرد المسلحين من بلدة بولو بورتي في وسط الصومال."
    assert ("بولو بورتي", "SO") in [(t, cc) for t, cc, _n in _read(text)]
    assert ("بولو", "TR") in [(t, cc) for t, cc, _n in _read(text, _without(TRANSLIT_COMPOUND))]


@pytest.mark.parametrize(("text", "name"), [
    ("دخلت قوات الدعم السريع مدينة الجنينة بيد من حديد.", "الجنينة"),  # an Arabic name
    ("قصفت القوات الروسية مدينة خاركيف ليلا بالصواريخ.", "خاركيف"),  # an adverb follows
    ("باتت مديرية صرواح تحت سيطرة المسلحين.", "صرواح"),
])
def test_a_compound_stops_before_words_that_are_no_name(text, name):
    assert name in [t for t, _cc, _n in _read(text)]


def test_the_word_after_a_place_noun_is_read_whole():
    text = "قصفت الطائرات مدينة فالوجة بعد ظهر اليوم."  # a common misspelling of الفلوجة
    assert ("فالوجة", "IQ") in [(t, cc) for t, cc, _n in _read(text)]
    assert "فالوجة" not in [t for t, _cc, _n in _read(text, _without(NOUN_WHOLE_WORD))]


def test_a_name_joined_by_and_to_a_name_is_read_in_its_country():
    text = "دخل الجيش المالي مدينة كيدال وأغيلهوك بعد معارك مع المتمردين."
    assert ("أغيلهوك", "ML") in [(t, cc) for t, cc, _n in _read(text)]
    assert "أغيلهوك" not in [t for t, _cc, _n in _read(text, _without(LISTED_NEIGHBOUR))]


@pytest.mark.parametrize("text", [
    "سيطرت القوات على مدينة خاركيف وتقدمت نحو الشرق.",
    "هاجم المسلحون بلدة موبتي وقتلوا عشرة جنود.",
    "سيطرت القوات على مدينة الفاشر وطالبت السكان بالبقاء.",
])
def test_a_verb_after_and_is_no_listed_place(text):
    assert len(_read(text)) == 1
