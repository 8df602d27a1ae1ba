"""Generic ways Arabic reporting names a side: force + country adjective (claims.arabic.
demonyms), the subject after the verb, and the target of a strike that is not the actor.
Sentences written for the test, from several wars."""

from __future__ import annotations

import pytest

from claims.arabic.demonyms import country_actor, find_arabic_demonym_actors
from claims.arabic.extract import extract_arabic_claims
from claims.arabic.text import fold


def _actors(text: str, conflict: str) -> list[tuple[str, str, str | None]]:
    return [(c.action, c.place, c.actor_norm)
            for c in extract_arabic_claims(text, conflict=conflict)
            if c.__class__.__name__ == "ControlClaim"]


@pytest.mark.parametrize(("text", "conflict", "norm"), [
    ("دخلت القوات الأوكرانية مدينة خيرسون صباح الجمعة.", "ukraine", "Ukraine"),
    ("قصفت المدفعية الروسية مدينة خاركيف ليلا.", "ukraine", "Russia"),
    ("سيطر الجيش السوداني على مدينة سنجة بعد معارك.", "sudan", "SAF"),
    ("شنت طائرات تركية مسيرة غارات على مدينة القامشلي.", "syria", "Turkey"),
    ("دخلت القوات الإثيوبية بلدة شيري في إقليم تيغراي.", "ethiopia", "ENDF"),
    ("دخل الجيش الصومالي بلدة جلالقسي بعد معارك عنيفة.", "somalia", "Somali government"),
    ("قصفت الطائرات الإسرائيلية بلدة الخيام جنوب لبنان.", "lebanon", "Israel"),
])
def test_force_and_country_adjective_is_the_war_s_actor(text, conflict, norm):
    assert {n for _a, _p, n in _actors(text, conflict)} == {norm}


def test_a_country_no_single_actor_stands_for_gives_no_norm():
    assert country_actor("libya", "LY") is None
    found = find_arabic_demonym_actors(fold("دخلت القوات الليبية مدينة سرت"), "libya")
    assert [a.norm for a in found] == [None]


def test_adjective_agrees_in_definiteness():
    assert find_arabic_demonym_actors(fold("القوات روسيه"), "ukraine") == []


@pytest.mark.parametrize(("text", "conflict", "norm"), [
    ("شنت جماعة الحوثي هجوما واسعا على مواقع القوات الحكومية في مديرية صرواح.", "yemen",
     "Houthis"),
    ("قصفت المدفعية الروسية مواقع للقوات الأوكرانية قرب مدينة باخموت.", "ukraine", "Russia"),
    ("استهدفت قوات الدعم السريع تجمعات للجيش السوداني في مدينة الأبيض.", "sudan", "RSF"),
])
def test_the_target_of_a_strike_is_not_its_actor(text, conflict, norm):
    assert {n for _a, _p, n in _actors(text, conflict)} == {norm}


@pytest.mark.parametrize(("text", "conflict", "norm"), [
    ("شنت قوات الدعم السريع هجوما على مدينة الفاشر فجر الجمعة.", "sudan", "RSF"),
    ("شنت حركة الشباب هجوما على بلدة مقديشو ليلا.", "somalia", "al-Shabaab"),
])
def test_subject_inside_the_verb_phrase_is_the_actor(text, conflict, norm):
    assert {n for _a, _p, n in _actors(text, conflict)} == {norm}


@pytest.mark.parametrize(("text", "conflict", "norm"), [
    ("هاجم مسلحون من جماعة نصرة الإسلام والمسلمين موقعا للجيش قرب مدينة موبتي.", "sahel",
     "JNIM"),
    ("دخلت فصائل المعارضة بقيادة هيئة تحرير الشام مدينة حماة فجر الخميس.", "syria", "HTS"),
    ("انسحبت المجموعات المسلحة الموالية لحكومة الوفاق من مدينة ترهونة.", "libya", "GNA"),
    ("دخل مقاتلون من مجموعة فاغنر الروسية مدينة كيدال أمس.", "sahel", "Wagner"),
])
def test_a_force_joined_to_the_side_it_belongs_to(text, conflict, norm):
    assert {n for _a, _p, n in _actors(text, conflict)} == {norm}


def test_a_backer_is_not_the_side():
    text = "سيطرت القوات المشتركة المدعومة من التحالف على مدينة الخوخة."
    assert "Saudi-led coalition" not in {n for _a, _p, n in _actors(text, "yemen")}


@pytest.mark.parametrize(("text", "conflict", "place", "norm"), [
    ("تقع البلدة شمال مدينة دونيتسك، التي تسيطر عليها القوات الروسية منذ سنوات.", "ukraine",
     "دونيتسك", "Russia"),
    ("وصلت قافلة إلى مدينة الأبيض، التي تحاصرها قوات الدعم السريع منذ أشهر.", "sudan",
     "الأبيض", "RSF"),
    ("زار الوزير مدينة عدن، التي باتت تحت سيطرة المجلس الانتقالي الجنوبي.", "yemen", "عدن",
     "STC"),
    ("تبعد مدينة نوفا كاخوفكا، التي لا تزال تحت سيطرة القوات الروسية، نحو 60 كيلومترا.",
     "ukraine", "نوفا كاخوفكا", "Russia"),
])
def test_relative_clause_qualifies_the_place_before_it(text, conflict, place, norm):
    assert [(p, n) for _a, p, n in _actors(text, conflict)] == [(place, norm)]


@pytest.mark.parametrize(("text", "conflict", "place", "norm"), [
    ("دخلت القوات الأوكرانية مدينة خيرسون بعد انسحاب القوات الروسية إلى الضفة الشرقية.",
     "ukraine", "خيرسون", "Russia"),
    ("سيطر الجيش السوداني على مدينة سنجة عقب انسحاب قوات الدعم السريع.", "sudan", "سنجة",
     "RSF"),
    ("دخلت قوات الوفاق مدينة ترهونة وسط انسحاب مرتزقة فاغنر نحو الجنوب.", "libya", "ترهونة",
     "LNA (Wagner)"),
])
def test_withdrawal_told_as_the_circumstance_of_a_capture(text, conflict, place, norm):
    assert ("withdrew", place, norm) in _actors(text, conflict)


def test_withdrawal_with_nothing_taken_before_gives_no_claim():
    assert _actors("أعلن المتحدث بعد انسحاب القوات الروسية أن الوضع هادئ.", "ukraine") == []


@pytest.mark.parametrize(("text", "conflict", "norm"), [
    ("وقالت المصادر إن مقاتلي الجماعة تقدموا نحو مدينة الحديدة.", "yemen", "Houthis"),
    ("ولا يزال التنظيم يسيطر على بلدة هجين شرق دير الزور.", "syria", "ISIS"),
    ("وشنت الحركة هجوما على بلدة مركا يوم الجمعة.", "gaza", "Hamas"),
    ("وقال الحزب إن مقاتليه قصفوا بلدة المطلة.", "lebanon", "Hezbollah"),
])
def test_bare_head_of_an_organisation_name_is_that_organisation(text, conflict, norm):
    assert {n for _a, _p, n in _actors(text, conflict)} == {norm}


def test_a_head_two_actors_share_gives_no_norm():
    from claims.arabic.actors import generic_norm
    assert generic_norm("الجبهه", "syria") is None  # جبهة النصرة, الجبهة الوطنية للتحرير


@pytest.mark.parametrize(("lines", "conflict", "norm"), [
    (["سيطرت قوات الدعم السريع على مدينة ود مدني.", "ثم اقتحمت القوات مقر الفرقة الأولى."],
     "sudan", "RSF"),
    (["دخلت القوات الأوكرانية مدينة إيزيوم.", "وسيطرت وحدات أخرى على بلدة بالاكليا."],
     "ukraine", "Ukraine"),
])
def test_bare_units_mean_the_force_named_before(lines, conflict, norm):
    found = _actors(" ".join(lines), conflict)
    assert found and {n for _a, _p, n in found} == {norm}


@pytest.mark.parametrize(("text", "conflict", "norm"), [
    ("استعاد الجيش الصومالي، بمساندة مقاتلين من العشائر، السيطرة على بلدة بولوبردي.",
     "somalia", "Somali government"),
    ("دخل الجيش السوداني، بدعم من مسلحين محليين، مدينة سنجة.", "sudan", "SAF"),
])
def test_a_helper_is_not_the_subject(text, conflict, norm):
    assert {n for _a, _p, n in _actors(text, conflict)} == {norm}


def test_fighters_of_a_named_group_are_that_group():
    text = "وقالت مصادر إن مقاتلين من مجموعة فاغنر الروسية دخلوا مدينة كيدال."
    assert _actors(text, "sahel") == [("entered", "كيدال", "Wagner")]


def test_units_of_a_country_force_with_words_between():
    text = "وأكد المرصد أن وحدات من الشرطة العسكرية الروسية دخلت مدينة سراقب."
    assert _actors(text, "syria") == [("entered", "سراقب", "Russia")]


def test_relative_clause_after_a_locator_qualifies_the_located_place():
    text = "ينتشر الجيش في بلدة برطلة شرق الموصل، التي استعادها من التنظيم في أكتوبر."
    assert ("captured", "برطلة", "Iraqi forces") in _actors(text, "iraq")


def test_generic_words_with_hamza_are_read_folded():
    assert _actors("وكانت الفصائل قد سيطرت على مدينة حماة.", "syria") == [
        ("captured", "حماة", "Syrian rebels")]


@pytest.mark.parametrize(("text", "conflict", "places"), [
    ("وقال الجيش الإسرائيلي إن قواته دخلت عدة قرى في جنوب لبنان، بينها كفرشوبا ومرجعيون.",
     "lebanon", ["كفرشوبا", "مرجعيون"]),
    ("سيطرت قوات الدعم السريع على عدد من البلدات في ولاية الجزيرة، من بينها الحصاحيصا.",
     "sudan", ["الحصاحيصا"]),
])
def test_places_listed_after_a_plural_place_noun(text, conflict, places):
    assert [p for _a, p, _n in _actors(text, conflict)] == places
