"""Rules of round 6 (issue 16): each named rule with sentences it must read and hard
negatives it must not, written for these tests (not taken from any probe file)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import controls

from claims.arabic.dates import arabic_event_date
from claims.arabic.text import fold
from claims.extract import extract_claims


# (rule, conflict, sentence, a claim it must give: action, place, actor norm)
@pytest.mark.parametrize(("rule", "conflict", "text", "claim"), [
    ("place first", "syria", "دير الزور سقطت بيد قوات النظام السوري صباح اليوم.",
     ("captured", "دير الزور", "Syrian government")),
    ("place first", "sudan", "وكانت مدينة ود مدني قد سقطت في أيدي قوات الدعم السريع.",
     ("captured", "ود مدني", "RSF")),
    ("place first", "sahel", "وكانت مدينة تمبكتو قد استعيدت من قبل الجيش المالي.",
     ("captured", "تمبكتو", "Malian army")),
    ("place first", "sudan", "وقال الجيش إن مدينة سنجة تعرضت لقصف من قبل قوات الدعم السريع.",
     ("attacked", "سنجة", "RSF")),
    ("subject to", "yemen", "وتخضع مدينة الحديدة لسيطرة الحوثيين.",
     ("holds", "الحديدة", "Houthis")),
    ("subject to", "yemen", "وكانت عدن تخضع لسيطرة الحكومة اليمنية.",
     ("holds", "عدن", "Yemeni government")),
    ("locator, not holder", "iraq", "وكانت تلعفر، غرب الموصل، لا تزال تحت سيطرة التنظيم.",
     ("holds", "تلعفر", "ISIS")),
    ("locator, not holder", "iraq", "وبلدة برطلة شرق الموصل تحت سيطرة القوات العراقية.",
     ("holds", "برطلة", "Iraqi forces")),
    ("raid", "lebanon", "وأغار الطيران الإسرائيلي على مدينة صور فجر اليوم.",
     ("attacked", "صور", "Israel")),
    ("departure", "ukraine", "غادرت القوات الروسية مدينة إيزيوم.",
     ("withdrew", "إيزيوم", "Russia")),
    ("state institution", "syria", "قالت وزارة الدفاع التركية إن قواتها سيطرت على مدينة تل أبيض.",
     ("captured", "تل أبيض", "Turkey")),
    ("state institution", "iraq",
     "وأعلنت قيادة العمليات المشتركة العراقية أن قواتها دخلت مدينة الفلوجة.",
     ("entered", "الفلوجة", "Iraqi forces")),
    # Arabic generic words and spellings of conflicts.json (the war's army, its names)
    ("war's army", "myanmar", "وقصفت طائرات الجيش مواقع للمتمردين قرب مدينة ماندالاي.",
     ("attacked", "ماندالاي", "Tatmadaw")),
    ("war's army", "drc", "واستعاد الجيش السيطرة على بلدة روتشورو.",
     ("captured", "روتشورو", "FARDC")),
    ("spelling", "drc", "وقالت حركة إم23 إن مقاتليها سيطروا على بلدة ساكي.",
     ("captured", "ساكي", "M23")),
    ("spelling", "sahel", "وقالت تنسيقية حركات أزواد إن مقاتليها دخلوا مدينة غاو.",
     ("entered", "غاو", "Tuareg rebels")),
    ("country speaks", "karabakh", "وقالت أذربيجان إنها سيطرت على مدينة شوشة.",
     ("captured", "شوشة", "Azerbaijan")),
    ("country speaks", "ukraine", "وقالت روسيا إن قواتها سيطرت على بلدة أفدييفكا.",
     ("captured", "أفدييفكا", "Russia")),
    ("country speaks", "ukraine", "وقالت كييف إن قواتها انسحبت من مدينة أفدييفكا.",
     ("withdrew", "أفدييفكا", "Ukraine")),
    ("take over", "yemen", "تسلمت قوات المجلس الانتقالي الجنوبي مدينة زنجبار من القوات الحكومية.",
     ("captured", "زنجبار", "STC")),
    ("subject after object pronoun", "syria",
     "سيطرت الفصائل على مدينة سراقب، ثم استعادتها قوات النظام.",
     ("captured", "سراقب", "Syrian government")),
    ("subject after object pronoun", "syria",
     "وانسحبت القوات الأمريكية من مدينة منبج، وتسلمتها قوات النظام.",
     ("captured", "منبج", "Syrian government")),
    ("possessive machines", "sahel",
     "وقال الجيش المالي إن طائراته قصفت مواقع للمتمردين في مدينة كيدال.",
     ("attacked", "كيدال", "Malian army")),
    ("launched by", "yemen", "وتعرضت مدينة مأرب لهجوم صاروخي شنه الحوثيون.",
     ("attacked", "مأرب", "Houthis")),
    ("first conjunct", "syria",
     "وقال المرصد السوري إن القوات التركية والفصائل الموالية لها سيطرت على مدينة عفرين.",
     ("captured", "عفرين", "Turkey")),
    ("backed by", "drc",
     "وقال الجيش الكونغولي إن المتمردين مدعومين من رواندا سيطروا على مدينة غوما.",
     ("captured", "غوما", "M23")),
    # a question after the claim's clause leaves it
    ("question", "ethiopia", "استعادت القوات الحكومية مدينة ميكيلي، فهل تصمد فيها؟",
     ("captured", "ميكيلي", "ENDF")),
    # a place the gazetteer lacks in Arabic, read by its Latin spelling before its verb
    ("subject slot", "sahel", "وكانت كيدال قد سقطت بيد الجيش المالي.",
     ("captured", "كيدال", "Malian army")),
    ("subject slot", "ukraine", "وقال الجيش إن باخموت لا تزال تحت سيطرة القوات الأوكرانية.",
     ("holds", "باخموت", "Ukraine")),
    # one name, several wars: the article's war says whose it is
    ("normalized by war", "ukraine", "وسيطرت قوات فاغنر على بلدة سوليدار.",
     ("captured", "سوليدار", "Russia")),
    ("normalized by war", "libya", "وقصفت قوات فاغنر مدينة طرابلس.",
     ("attacked", "طرابلس", "LNA (Wagner)")),
    ("siege, subject between", "syria", "وأحكمت فصائل المعارضة الطوق على مدينة حلب.",
     ("besieged", "حلب", "Syrian rebels")),
    ("abbreviated country", "iraq", "وشنت طائرات أمريكية غارات على مدينة الرمادي.",
     ("attacked", "الرمادي", "US-led coalition")),
    # the only side with an air force: its generic words (conflicts.json)
    ("war's air force", "ethiopia", "وقصف الطيران الحربي مواقع لقوات تيغراي في مدينة شيري.",
     ("attacked", "شيري", "ENDF")),
    ("war's air force", "yemen", "وشن الطيران الحربي غارات على مدينة صعدة.",
     ("attacked", "صعدة", "Saudi-led coalition")),
    ("country after its verb's pronoun", "syria",
     "ودخل الجيش السوري مدينة منبج، التي كانت تسيطر عليها تركيا.",
     ("holds", "منبج", "Turkey")),
    ("place first", "lebanon",
     "وقالت قوات اليونيفيل إن مواقعها في الناقورة تعرضت لإطلاق نار من قبل الجيش الإسرائيلي.",
     ("attacked", "الناقورة", "Israel")),
    ("launched by", "sudan", "وتعرضت مدينة الأبيض لقذائف مدفعية أطلقتها قوات الدعم السريع.",
     ("attacked", "الأبيض", "RSF")),
    ("siege, verbal noun", "syria", "وتمكنت الفصائل من إحكام الطوق على مدينة حماة.",
     ("besieged", "حماة", "Syrian rebels")),
    ("their hands", "iraq", "وقال مسلحو التنظيم إن مدينة الرمادي سقطت بأيديهم بعد انسحاب الجيش.",
     ("captured", "الرمادي", "ISIS")),
    ("expelled from the towns listed", "somalia",
     "وقالت الحكومة إن الجيش طرد مقاتلي حركة الشباب من بلدات عدة في إقليم هيران، بينها محاس.",
     ("captured", "محاس", "Somali government")),
    ("war's government", "ethiopia",
     "وأعلنت الحكومة أن قواتها استعادت السيطرة على مدينتي ديسي وكومبولشا.",
     ("captured", "كومبولشا", "ENDF")),
    # a place noun makes a water word an administrative name
    ("water", "sudan", "وسيطرت قوات الدعم السريع على ولاية البحر الأحمر.",
     ("captured", "البحر الأحمر", "RSF")),
])
def test_rule_reads(rule: str, conflict: str, text: str, claim: tuple) -> None:
    assert claim in controls(text, conflict), rule


# (rule, conflict, sentence, a claim it must not give: action, place)
@pytest.mark.parametrize(("rule", "conflict", "text", "absent"), [
    # shells fell on the town: the town did not fall
    ("place first", "syria", "وسقطت قذائف على مدينة حلب.", ("captured", "حلب")),
    # a clitic و opens a new clause: Raqqa is the place entered, not what fell
    ("place first", "syria", "دخلت القوات مدينة الرقة وسقطت قذيفة قرب المستشفى.",
     ("captured", "الرقة")),
    # a locator is not what is held
    ("locator, not holder", "iraq", "وكانت تلعفر، غرب الموصل، لا تزال تحت سيطرة التنظيم.",
     ("holds", "الموصل")),
    # civilians leave a town too: no side withdrew
    ("departure", "ukraine", "وغادر آلاف السكان مدينة خاركيف.", ("withdrew", "خاركيف")),
    # a denial reaches the verb through "أن تكون ... قد"
    ("denied that", "syria", "ونفت الفصائل أن تكون قوات النظام قد دخلت بلدة النيرب.",
     ("entered", "النيرب")),
    ("denied that", "yemen", "ونفى الحوثيون أن يكونوا قد انسحبوا من مدينة الحزم.",
     ("withdrew", "الحزم")),
    # civilians receive aid: no take-over
    ("take over", "syria", "وتسلم السكان المساعدات في مدينة حلب.", ("captured", "حلب")),
    # a capital is a place when it is not the speaker
    ("country speaks", "ukraine", "ودخلت القوات الروسية ضواحي كييف.", ("captured", "كييف")),
    # a question tells no event
    ("question", "ethiopia", "وهل تستطيع القوات الحكومية استعادة مدينة ميكيلي؟",
     ("captured", "ميكيلي")),
    ("question", "syria", "من يسيطر على مدينة منبج؟", ("holds", "منبج")),
    # a ship hit at sea off a town: no claim on the sea nor on the town
    ("water", "yemen", "وأعلن الحوثيون أنهم استهدفوا سفينة في البحر الأحمر قبالة الحديدة.",
     ("attacked", "البحر الأحمر")),
    ("offshore", "yemen", "وأعلن الحوثيون أنهم استهدفوا سفينة في البحر الأحمر قبالة الحديدة.",
     ("attacked", "الحديدة")),
])
def test_rule_does_not_read(rule: str, conflict: str, text: str, absent: tuple) -> None:
    assert absent not in [(a, p) for a, p, _ in controls(text, conflict)], rule


def test_place_first_takes_no_speaker_as_agent() -> None:
    """The force that reports an attack on its own positions is not the attacker."""
    claims = controls("وقالت قوات اليونيفيل إن مواقعها في الناقورة تعرضت لإطلاق نار.", "lebanon")
    assert all(norm != "UNIFIL" for action, _, norm in claims if action == "attacked")


def test_framework_is_no_place() -> None:
    """"في إطار" (within the framework of) names no place: the stop word list has إطار."""
    places = {p for _, p, _ in controls(
        "وقالت الحكومة إن قواتها غادرت المدينة في إطار اتفاق لوقف إطلاق النار.", "ethiopia")}
    assert not places & {"إطار", "اطار"}


def test_state_institution_speaking_is_not_the_attacker() -> None:
    """A government that reports (or accuses) is not the side that shelled."""
    claims = controls("وقالت الحكومة السودانية إن قوات الدعم السريع قصفت مدينة الأبيض.", "sudan")
    assert ("attacked", "الأبيض", "RSF") in claims
    assert ("attacked", "الأبيض", "SAF") not in claims


def test_ceasefire_is_no_place() -> None:
    """"وقف إطلاق النار" (ceasefire) names no place: وقف is a stop word."""
    places = {p for _, p, _ in controls("انسحبت القوات من المدينة بموجب وقف إطلاق النار.",
                                        "ethiopia")}
    assert "وقف" not in places


@pytest.mark.parametrize(("text", "day"), [
    ("قصفت المدفعية بلدة كفرنبل ليل السبت الأحد.", None),  # a night over two days
    ("شنت الطائرات غارات على البلدة ليلة الجمعة - السبت.", None),
    ("شنت الطائرات غارات على البلدة ليلة الأحد.", dt.date(2017, 7, 9)),  # one weekday: that day
    ("قصفت المدفعية البلدة يوم الأحد.", dt.date(2017, 7, 9)),
])
def test_night_over_two_days_has_no_date(text: str, day: dt.date | None) -> None:
    """Rule "night over two days": no single event day."""
    assert arabic_event_date(fold(text), dt.date(2017, 7, 10))[0] == day


def test_a_country_that_speaks_is_not_the_attacker_it_reports() -> None:
    """Rule "country speaks": Armenia reports the shelling, Azerbaijan shelled."""
    claims = controls("وقالت أرمينيا إن القوات الأذربيجانية قصفت مدينة ستيباناكيرت.", "karabakh")
    assert [norm for action, _, norm in claims if action == "attacked"] == ["Azerbaijan"]


def test_days_after_count_from_the_sentence_before() -> None:
    """Rule "days after": "وبعد يومين" is two days after the day of the sentence before."""
    text = ("دخلت القوات اليمنية مدينة الخوخة يوم الأربعاء. وقال متحدث عسكري إن القوات تتقدم. "
            "وبعد يومين، اقتحمت القوات مدينة حيس.")
    claims = [c for c in extract_claims(text, conflict="yemen", published="2018-06-16")
              if c.kind == "control" and c.action == "entered"]
    assert [(c.place, c.event_date) for c in claims] == [
        ("الخوخة", dt.date(2018, 6, 13)), ("حيس", dt.date(2018, 6, 15))]


def test_bare_forces_are_the_state_s_only_with_no_side_named_before() -> None:
    """Rule "bare forces, the state's": القوات with no antecedent is the war's government."""
    alone = controls("سيطرت القوات على مدينة جوهر بعد انسحاب مسلحي حركة الشباب.", "somalia")
    assert ("captured", "جوهر", "Somali government") in alone
    # a side named before: the reference is that side's, not the state's
    after = controls("دخلت قوات الدعم السريع مدينة الجنينة. ثم سيطرت القوات على مدينة زالنجي.",
                     "sudan")
    assert ("captured", "زالنجي", "SAF") not in after
    # a war with no government forces of its own words (two states): no guess
    assert ("withdrew", "سوليدار", None) in controls("انسحبت القوات من بلدة سوليدار.", "ukraine")


def test_victims_are_not_the_attacker() -> None:
    """Rule "victims": soldiers counted as killed in an attack did not make it."""
    claims = controls("وقتل عشرات الجنود الماليين في هجوم على معسكر قرب مدينة موبتي.", "sahel")
    assert all(norm != "Malian army" for _, _, norm in claims)
    assert "معسكر" not in {place for _, place, _ in claims}  # a camp, not Mascara


def test_the_capital_is_the_war_s_capital_not_a_town_before_it() -> None:
    """Rule "the capital": العاصمة with no capital named before is the war's capital."""
    claims = [c for c in extract_claims("تقدمت قوات حفتر من محور قصر بن غشير نحو العاصمة.",
                                        conflict="libya") if c.kind == "control"]
    assert [(c.action, c.place) for c in claims] == [("advanced_towards", "Tripoli")]
    named = [c for c in extract_claims("دخلت قوات الدعم السريع الخرطوم. ثم سيطرت على مطار "
                                       "العاصمة.", conflict="sudan") if c.kind == "control"]
    assert ("captured", "الخرطوم") in [(c.action, c.place) for c in named]


def test_since_the_start_of_an_offensive_tells_no_event() -> None:
    """Rule "since the start": "منذ بدء الهجوم على X" dates the clause, it is no attack."""
    claims = controls("سيطرت قوات الوفاق على مدينة صبراتة، في أكبر تقدم لها منذ بدء الهجوم "
                      "على العاصمة قبل عام.", "libya")
    assert [a for a, _, _ in claims] == ["captured"]


def test_a_town_s_sided_districts_refer_back_residential_areas_do_not() -> None:
    """Rule "sided districts": الأحياء الشرقية is the town named before; الأحياء السكنية no."""
    sided = controls("سيطرت القوات العراقية على مدينة الموصل. وقالت إن قواتها دخلت الأحياء "
                     "الغربية.", "iraq")
    assert ("entered", "الموصل", "Iraqi forces") in sided
    plain = controls("دخلت قوات الدعم السريع مدينة نيالا. واتهمها الجيش بقصف الأحياء السكنية.",
                     "sudan")
    assert ("attacked", "نيالا") not in [(a, p) for a, p, _ in plain]


def test_the_force_that_repels_is_not_the_one_advancing() -> None:
    """Rule "repelled": Hezbollah repelled the advance; it did not advance."""
    claims = controls("وقال حزب الله إن عناصره تصدوا لمحاولة تقدم إسرائيلية نحو بلدة الخيام.",
                      "lebanon")
    assert all(norm != "Hezbollah" for _, _, norm in claims)


def test_references_after_bare_forces_mean_the_same_forces() -> None:
    """After "bare forces, the state's", a later وحداتها is the same side."""
    claims = controls("أعلنت القوات المشتركة سيطرتها على مدينة الحديدة. وقالت إن وحداتها تتقدم "
                      "نحو مدينة زبيد.", "yemen")
    assert ("advanced_towards", "زبيد", "Yemeni government") in claims


def test_a_home_force_tells_the_war() -> None:
    """Rule "home force": a Mozambican force outweighs a name several wars list."""
    claims = [c for c in extract_claims(
        "سيطر مسلحون مرتبطون بتنظيم الدولة على بلدة ماكوميا. وقالت قوات الأمن الموزمبيقية "
        "إنها تتقدم نحو البلدة.") if c.kind == "control"]
    assert {c.conflict for c in claims} == {"mozambique"}
    # a foreign force votes for no war of its country: Russian aircraft in Syria
    syria = [c for c in extract_claims("وقصفت طائرات روسية مدينة إدلب.") if c.kind == "control"]
    assert {c.conflict for c in syria} == {"syria"}
