"""Rules of round 7 (issue 16): each named rule with sentences it must read and hard
negatives it must not, written for these tests (not taken from any probe file)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import control_dates, controls


# (rule, conflict, sentence, the claims it must give: action, place, actor norm)
@pytest.mark.parametrize(("rule", "conflict", "text", "claims"), [
    ("each conjunct", "libya", "وسيطرت قوات حفتر ومرتزقة فاغنر على بلدة ترهونة.",
     [("captured", "ترهونة", "LNA"), ("captured", "ترهونة", "LNA (Wagner)")]),
    ("each conjunct", "drc", "سيطر متمردو إم23 والجيش الرواندي على مدينة غوما.",
     [("captured", "غوما", "M23"), ("captured", "غوما", "Rwanda")]),
    ("each conjunct", "syria",
     "وجاء ذلك بعد انسحاب تنظيم الدولة وهيئة تحرير الشام من بلدة القريتين.",
     [("withdrew", "القريتين", "ISIS"), ("withdrew", "القريتين", "HTS")]),
    ("each conjunct", "syria",
     "وكانت مدينة عفرين قد سقطت بيد الجيش التركي والفصائل الموالية له في مارس.",
     [("captured", "عفرين", "Turkey"), ("captured", "عفرين", "Syrian rebels")]),
    ("liberated, passive", "iraq", "وكانت مدينة الرمادي قد حررت على يد القوات العراقية.",
     [("captured", "الرمادي", "Iraqi forces")]),
    ("liberated, passive", "syria", "وكانت منبج قد حررت على يد قوات سوريا الديمقراطية.",
     [("captured", "منبج", "SDF")]),
    ("subject to siege", "yemen", "وتخضع مدينة تعز لحصار يفرضه الحوثيون منذ سنوات.",
     [("besieged", "تعز", "Houthis")]),
    ("subject to siege", "sudan",
     "وتخضع مدينة الأبيض منذ أسابيع لحصار تفرضه قوات الدعم السريع.",
     [("besieged", "الأبيض", "RSF")]),
    ("fear", "sudan",
     "وسيطرت قوات الدعم السريع على بلدة أم روابة، ويخشى السكان من تقدمها نحو الأبيض.",
     [("captured", "أم روابة", "RSF")]),
    # a fear in another clause does not reach the trigger
    ("fear", "sudan",
     "ويخشى السكان عودة القتال بعد أن سيطر الجيش على مدينة سنجة.",
     [("captured", "سنجة", "SAF")]),
    ("reference, then destination", "sudan",
     "سيطرت قوات الدعم السريع على مدينة ود مدني. وانسحب الجيش من المدينة نحو سنار.",
     [("withdrew", "ود مدني", "SAF")]),
    ("reference, then destination", "libya",
     "دخلت قوات الوفاق مدينة ترهونة. وفرت قوات حفتر من المدينة باتجاه بني وليد.",
     [("withdrew", "ترهونة", "LNA")]),
    # the war's names (claims/data/conflicts.json): an air arm before the Iraq coalition's
    # name, the Myanmar alliance's name without "in Myanmar"
    ("war's names", "iraq", "وقصفت مقاتلات التحالف الدولي مواقع للتنظيم في الحويجة.",
     [("attacked", "الحويجة", "US-led coalition")]),
    ("war's names", "iraq", "وشن طيران التحالف الدولي غارات على قضاء الحويجة.",
     [("attacked", "الحويجة", "US-led coalition")]),
    ("war's names", "yemen", "وشن طيران التحالف غارات على مدينة صعدة.",
     [("attacked", "صعدة", "Saudi-led coalition")]),
    ("war's names", "myanmar", "وهاجم جيش التحالف الوطني الديمقراطي مدينة كوتكاي.",
     [("attacked", "كوتكاي", "Resistance")]),
    ("his country's forces", "ukraine", "وقال وزير الدفاع الروسي إن جيش بلاده دخل بلدة سوليدار.",
     [("entered", "سوليدار", "Russia")]),
    ("his country's forces", "ukraine",
     "وقالت وزيرة الخارجية الأوكرانية إن قوات بلادها انسحبت من مدينة باخموت.",
     [("withdrew", "باخموت", "Ukraine")]),
    ("his country's forces", "ethiopia",
     "وأكد رئيس الوزراء الإثيوبي أن قوات بلاده استعادت مدينة ديسي.",
     [("captured", "ديسي", "ENDF")]),
])
def test_rule_reads(rule: str, conflict: str, text: str,
                    claims: list[tuple[str, str, str | None]]) -> None:
    got = controls(text, conflict)
    for claim in claims:
        assert claim in got, (rule, got)


# (rule, conflict, sentence, the claims it may give at most)
@pytest.mark.parametrize(("rule", "conflict", "text", "allowed"), [
    # two sides of a fight are no joint subject
    ("each conjunct", "sudan", "واندلعت معارك بين الجيش وقوات الدعم السريع داخل مدينة الأبيض.",
     []),
    # a target after و is no second attacker
    ("each conjunct", "sudan",
     "وقصف الجيش السوداني مواقع لقوات الدعم السريع وحلفائها في مدينة الأبيض.",
     [("attacked", "الأبيض", "SAF")]),
    ("liberated, passive", "iraq", "ونفت الحكومة أن تكون الفلوجة قد حررت بالكامل.", []),
    ("subject to siege", "sudan", "ولا تخضع مدينة كسلا لأي حصار حتى الآن.", []),
    ("fear", "yemen", "ويخشى الأهالي أن يقتحم الحوثيون مدينة مأرب.", []),
    ("fear", "sudan", "وتخشى الحكومة أن تسقط الفاشر بيد قوات الدعم السريع.", []),
    ("fear", "ukraine", "ويخاف السكان أن تدخل القوات الروسية مدينة زابوريجيا.", []),
    ("fear", "gaza", "ويخشى مئات آلاف النازحين في خان يونس من اجتياح بري للمدينة.", []),
    ("fear", "ukraine",
     "وانسحبت القوات الأوكرانية من بلدة سوليدار خوفا من تطويقها من قبل القوات الروسية.",
     [("withdrew", "سوليدار", "Ukraine")]),
    ("fear", "somalia",
     "وتسود مخاوف في مقديشو من هجوم واسع تشنه حركة الشباب على العاصمة.", []),
    # the destination is no place left
    ("reference, then destination", "sudan",
     "سيطرت قوات الدعم السريع على مدينة ود مدني. وانسحب الجيش من المدينة نحو سنار.",
     [("captured", "ود مدني", "RSF"), ("withdrew", "ود مدني", "SAF")]),
    # no country named before: "his country" is nobody known
    ("his country's forces", "sahel", "وقال مسؤول إن قوات بلاده دخلت مدينة كيدال.",
     [("entered", "كيدال", None)]),
    # the adjective of another sentence does not reach
    ("his country's forces", "ukraine",
     "التقى الرئيس الروسي نظيره التركي. وقال مسؤول إن قوات بلاده دخلت بلدة سوليدار.",
     [("entered", "سوليدار", None)]),
])
def test_rule_does_not_over_read(rule: str, conflict: str, text: str,
                                 allowed: list[tuple[str, str, str | None]]) -> None:
    got = controls(text, conflict)
    assert all(claim in allowed for claim in got), (rule, got)


# (rule, conflict, article, published, a claim it must give: action, place, event date)
@pytest.mark.parametrize(("rule", "conflict", "text", "published", "claim"), [
    ("day before yesterday", "libya", "قالت قوات حفتر إنها دخلت مدينة ترهونة أمس الأول.",
     dt.date(2020, 6, 7), ("entered", "ترهونة", dt.date(2020, 6, 5))),
    ("day before yesterday", "libya", "وقالت قوات الوفاق إنها دخلت مدينة ترهونة أول أمس.",
     dt.date(2020, 6, 7), ("entered", "ترهونة", dt.date(2020, 6, 5))),
])
def test_date_rule(rule: str, conflict: str, text: str, published: dt.date,
                   claim: tuple[str, str, dt.date | None]) -> None:
    got = control_dates(text, conflict, published)
    assert claim in got, (rule, got)
