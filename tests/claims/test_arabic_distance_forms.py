"""Arabic distance statements, breadth (issue 16): each written form of an amount, a unit, a
frame and a direction as agencies write them, one probe per form (sentences written for
these tests, about many wars), and hard negatives: numbers that are not distances."""

from __future__ import annotations

import pytest

from claims import extract_claims
from claims.arabic.numbers import find_arabic_amounts
from claims.arabic.text import fold, without_marks


def _distances(text: str) -> list:
    return [c for c in extract_claims(text, published="2024-03-08") if c.kind == "distance"]


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("٧٠٫٥ كيلومترا", (70.5, 70.5, "km", None), id="arabic-decimal-sign"),
    pytest.param("1٬500 متر", (1.5, 1.5, "km", None), id="arabic-thousands-sign"),
    pytest.param("نحو 2,5 كم", (2.5, 2.5, "km", "about"), id="decimal-comma"),
    pytest.param("نصف كيلومتر", (0.5, 0.5, "km", None), id="fraction-half"),
    pytest.param("ربع ميل", (0.25, 0.25, "mi", None), id="fraction-quarter"),
    pytest.param("ثلاثة كيلومترات ونصف", (3.5, 3.5, "km", None), id="and-a-half"),
    pytest.param("آلاف الكيلومترات", (2000, 9000, "km", None), id="vague-thousands"),
    pytest.param("خمسة عشر كيلومترا", (15, 15, "km", None), id="teen-words"),
    pytest.param("أحد عشر ميلا", (11, 11, "mi", None), id="eleven"),
    pytest.param("30 كيلو شمال", (30, 30, "km", None), id="unit-kilo"),
    pytest.param("30 كيلو مترات", (30, 30, "km", None), id="unit-kilo-metres-two-words"),
    pytest.param("على بعد كيلومتر من", (1, 1, "km", None), id="singular-unit-is-one"),
    pytest.param("زهاء مئة ميل بحري", (100, 100, "nmi", "about"), id="nautical-miles"),
    pytest.param("على بعد كيلومترات قليلة", (2, 9, "km", None), id="vague-after-plural"),
    pytest.param("مئات الأمتار", (0.2, 0.9, "km", None), id="vague-hundreds-of-metres"),
    pytest.param("مسافة تقارب 12 كيلومترا", (12, 12, "km", "about"), id="verb-qualifier-about"),
    pytest.param("مسافة لا تقل عن 4 أميال", (4, 4, "mi", "more than"), id="not-less-than"),
])
def test_amount_forms(text, expected):
    (amount,) = find_arabic_amounts(fold(text))
    assert (amount.value_min, amount.value_max, amount.unit, amount.qualifier) == expected


@pytest.mark.parametrize("text", [
    pytest.param("سيطرت القوات على مساحة 40 كيلومترا مربعا شرق دير الزور.", id="area"),
    pytest.param("حلقت المسيّرة على ارتفاع 3 كيلومترات فوق الموصل.", id="altitude"),
    pytest.param("أطلقت الجماعة صاروخا يبلغ مداه 300 كيلومتر من صنعاء.", id="weapon-range"),
    pytest.param("سارت القافلة بسرعة 60 كيلومترا في الساعة من سرت.", id="speed"),
    pytest.param("ضبطت الشرطة 20 كيلو غرام من المتفجرات في الرقة.", id="weight"),
    pytest.param("قصفت المدفعية بقذائف عيار 155 ملم مواقع قرب خيرسون.", id="calibre"),
    pytest.param("قتل 40 مدنيا ودمرت 12 آلية قرب مأرب عام 2016.", id="counts-and-years"),
    pytest.param("يقع الموقع على بعد 500 متر من مبنى البلدية القديم في غزة.", id="to-a-building"),
    pytest.param("تمركزت الوحدة على بعد ثلاثمئة متر من السياج الحدودي قرب عفرين.",
                 id="to-a-border-fence"),
    pytest.param("انسحبت القوات إلى مسافة 5 كيلومترات من الحدود مع تركيا.", id="to-a-border"),
    pytest.param("رصدت الزوارق على بعد 800 متر من ملتقى نهري دجلة والفرات.",
                 id="to-a-river-confluence"),
    pytest.param("دمرت الغارات مزارع مساحتها 12 كم² جنوب حمص.", id="area-superscript"),
    pytest.param("تقع بيسان على بعد 30 كيلومترا إلى الجنوب من بحيرة طبريا.", id="to-a-lake"),
    pytest.param("قتل 15 شخصا بقصف جنوب حمص بـ12 صاروخا.", id="direction-anchor-then-a-count"),
])
def test_not_distances(text):
    assert _distances(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("سيطر المقاتلون على بلدة السخنة الواقعة على بعد ٧٠ كيلومترًا شرق تدمر.",
                 (70, "km", None, "east", "تدمر", "السخنة"), id="tanween-on-unit"),
    pytest.param("تقع الدلنج على بعد 130 كيلومتراً شماليَّ كادقلي.",
                 (130, "km", None, "north", "كادقلي", "الدلنج"), id="marks-after-alef"),
    pytest.param("تبعد مدينة الرمادي عن بغداد قرابة 110 كيلومترات.",
                 (110, "km", "about", None, "بغداد", "الرمادي"), id="verb-anchor-amount"),
    pytest.param("وصلت الاشتباكات إلى منطقة تبعد عن دمشق نحو 40 كيلومترا.",
                 (40, "km", "about", None, "دمشق", None), id="verb-anchor-amount-event"),
    pytest.param("المسافة بين حلب وإدلب 60 كيلومترا تقريبا.",
                 (60, "km", "about", None, "إدلب", "حلب"), id="between-x-and-y"),
    pytest.param("انتشرت القوات في دائرة نصف قطرها 20 كيلومترا حول كركوك.",
                 (20, "km", None, None, "كركوك", None), id="radius-around"),
    pytest.param("توغلت الدبابات إلى عمق 15 كيلومترا داخل مقاطعة كورسك.",
                 (15, "km", None, None, "كورسك", None), id="depth-inside"),
    pytest.param("تقع بلدة سنجة على بعد 60 كلم إلى الجنوب الشرقي من سنار.",
                 (60, "km", None, "south-east", "سنار", "سنجة"), id="to-the-direction-of"),
    pytest.param("تقع بلدة جرابلس 125 كم شمال شرقي حلب.",
                 (125, "km", None, "north-east", "حلب", "جرابلس"), id="bare-amount-direction"),
    pytest.param("باتت قوات حفتر على بعد زهاء 25 كيلومترا من طرابلس.",
                 (25, "km", "about", None, "طرابلس", None), id="zuhaa"),
    pytest.param("تقدمت القوات إلى مسافة لا تتجاوز خمسة كيلومترات من سرت.",
                 (5, "km", "less than", None, "سرت", None), id="not-exceeding"),
    pytest.param("تقع قرية الباغوز على بعد عدة كيلومترات من البوكمال.",
                 (3, "km", None, None, "البوكمال", "الباغوز"), id="several-km"),
    pytest.param("تمركزت الوحدات على بعد نصف كيلومتر من بلدة الباب.",
                 (0.5, "km", None, None, "الباب", None), id="half-a-km"),
    pytest.param("يفصلها عن الخرطوم نحو 180 كيلومترا.",
                 (180, "km", "about", None, "الخرطوم", None), id="separation-verb"),
    pytest.param("اندلعت المعارك على مسافة 60 كيلومترا بين حلب وإدلب.",
                 (60, "km", None, None, "إدلب", "حلب"), id="amount-then-between"),
    pytest.param("باتت القوات على بعد نحو 30 كيلومترا من وسط العاصمة الليبية طرابلس.",
                 (30, "km", "about", None, "طرابلس", None), id="adjective-not-counted-in-gap"),
    pytest.param("رصدت الزوارق على بعد 20 ميلاً بحرياً قبالة سواحل الحديدة.",
                 (20, "nmi", None, None, "الحديدة", None), id="offshore-qubalat"),
    pytest.param("تقع بلدة خان شيخون جنوب إدلب بنحو 60 كيلومترا.",
                 (60, "km", "about", "south", "إدلب", "خان شيخون"),
                 id="direction-anchor-then-amount"),
    pytest.param("وتقع منبج شمال شرقي مدينة حلب بـ80 كيلومترا.",
                 (80, "km", None, "north-east", "حلب", "منبج"), id="direction-anchor-bi-tatweel"),
    pytest.param("تقع بلدة مرجعيون على بعد كيلومترات قليلة من الحدود شمال صور.",
                 None, id="border-gap-is-no-anchor"),
])
def test_distance_forms(text, expected):
    if expected is None:
        assert _distances(text) == []
        return
    (claim,) = _distances(text)
    value, unit, qualifier, direction, anchor, subject = expected
    assert (claim.value_min, claim.unit, claim.qualifier, claim.direction, claim.anchor) == \
        (value, unit, qualifier, direction, anchor)
    if subject is not None:
        assert claim.subject == subject
    assert text[claim.provenance.start:claim.provenance.end] == claim.provenance.quote


def test_reference_subject_is_resolved_not_dropped():
    """"وتقع المدينة على بعد ...": the town of the sentence before is the subject."""
    (claim,) = _distances("سيطرت قوات حفتر على مدينة ترهونة. وتقع المدينة على بعد 65 كيلومترا "
                          "جنوب شرق طرابلس.")
    assert (claim.value_min, claim.anchor, claim.subject) == (65, "طرابلس", "ترهونة")


def test_pronoun_anchor_is_resolved():
    """"على بعد 10 كيلومترات منها": the pronoun is the place named before."""
    (claim,) = _distances("وصلت القوات إلى مشارف حلب. وتمركزت على بعد 10 كيلومترات منها.")
    assert (claim.value_min, claim.anchor) == (10, "حلب")
    (claim,) = _distances("وصلت القوات إلى مشارف حلب. وتمركزت على بعد 10 كيلومترات إلى "
                          "الشمال منها.")
    assert (claim.value_min, claim.direction, claim.anchor) == (10, "north", "حلب")


def test_pronoun_after_the_verb_is_resolved():
    """"لا يبعد عنها سوى": the anchor is the place of the sentence before."""
    (claim,) = _distances("دخلت القوات الأوكرانية مدينة خيرسون. ولا تبعد عنها خطوط القوات "
                          "الروسية سوى 3 كيلومترات.")
    assert (claim.value_min, claim.qualifier, claim.anchor) == (3, "only", "خيرسون")


def test_without_marks_maps_offsets_back():
    text = "على بعد ٥٠ كيلومترًا تقريبًا"
    bare, index = without_marks(text)
    assert "ً" not in bare and len(index) == len(bare) + 1
    assert text[index[bare.index("تقريبا")]:index[len(bare) - 1] + 1] == "تقريبًا"
