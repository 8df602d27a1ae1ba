"""Rules of round 8 (issue 16): each named rule with sentences it must read and hard
negatives it must not, written for these tests (not taken from any probe file)."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import control_dates, controls


# (rule, conflict, sentence, the claims it must give: action, place, actor norm)
@pytest.mark.parametrize(("rule", "conflict", "text", "claims"), [
    ("time adverbial", "syria", "واستعاد الجيش السوري قبل أيام بلدة كفرنبل.",
     [("captured", "كفرنبل", "Syrian government")]),
    ("time adverbial", "iraq", "ودخلت القوات العراقية بعد ساعات مدينة الرمادي.",
     [("entered", "الرمادي", "Iraqi forces")]),
    ("retreat", "ukraine", "وتراجعت القوات الروسية من بلدة كليشيفكا تحت القصف.",
     [("withdrew", "كليشيفكا", "Russia")]),
    ("retreat", "sudan", "وانكفأ الجيش السوداني من مدينة سنجة إلى الضفة الشرقية.",
     [("withdrew", "سنجة", "SAF")]),
    ("the army's other names", "sahel", "ودخلت القوات المسلحة بلدة أنسونغو دون قتال.",
     [("entered", "أنسونغو", "Malian army")]),
    ("the army's other names", "iraq", "وحاصرت القطعات العسكرية قضاء تلعفر من ثلاثة محاور.",
     [("besieged", "تلعفر", "Iraqi forces")]),
    ("apposition before the agent", "syria",
     "وسقطت بلدة كفرنبل، أحد أبرز معاقل المعارضة في الجنوب، بيد قوات النظام.",
     [("captured", "كفرنبل", "Syrian government")]),
    ("apposition before the agent", "yemen",
     "سقطت مدينة الحزم، مركز محافظة الجوف، في يد الحوثيين بعد معارك.",
     [("captured", "الحزم", "Houthis")]),
    ("his forces, a national speaker", "ukraine",
     "وقال وزير الدفاع الروسي إن قواته سيطرت على قرية أوروجايني.",
     [("captured", "أوروجايني", "Russia")]),
    ("his forces, a national speaker", "ethiopia",
     "وأعلن رئيس الوزراء الإثيوبي في خطاب متلفز أن جيشه دخل مدينة ديسي.",
     [("entered", "ديسي", "ENDF")]),
    ("exposed to, present", "sudan", "وتتعرض مدينة الأبيض لقصف مدفعي منذ أسبوع.",
     [("attacked", "الأبيض", None)]),
    ("exposed to, present", "ukraine", "ويتعرض مركز مدينة خاركيف لضربات صاروخية يومية.",
     [("attacked", "خاركيف", None)]),
    ("the army's other names", "iraq", "وانسحب الجنود من بلدة تلعفر دون قتال.",
     [("withdrew", "تلعفر", "Iraqi forces")]),
    # Myanmar's Arabic generic names (claims/data/conflicts.json) through the rule
    ("generic outside its war", "myanmar", "وسيطرت قوات المعارضة على مدينة لاشيو.",
     [("captured", "لاشيو", "Resistance")]),
])
def test_rule_reads(rule: str, conflict: str, text: str,
                    claims: list[tuple[str, str, str | None]]) -> None:
    got = controls(text, conflict)
    for claim in claims:
        assert claim in got, (rule, got)


# (rule, conflict, sentence, the claims it may give at most)
@pytest.mark.parametrize(("rule", "conflict", "text", "allowed"), [
    # تراجع عن is "went back on"; prices and civilians do not retreat
    ("retreat", "yemen", "وتراجع الحوثيون عن قرارهم بعد مفاوضات في مسقط.", []),
    ("retreat", "sudan", "وتراجع عدد السكان في مدينة الفاشر بعد موجات النزوح.", []),
    ("retreat", "sudan", "وتراجع آلاف المدنيين من مدينة الفاشر نحو طويلة.", []),
    # an apposition that is a clause of its own ends the reach
    ("apposition before the agent", "syria",
     "وسقطت قذائف على بلدة كفرنبل، وقال ناشطون إن الغارات نفذت بيد مجهولة.", []),
    # soldiers killed are no side acting
    ("the army's other names", "iraq", "وقتل ثلاثة من الجنود في هجوم على بلدة كركوك.",
     [("attacked", "كركوك", None)]),
    # a person exposed to danger is no place attacked
    ("exposed to, present", "sudan", "ويتعرض المدنيون في مدينة الأبيض لخطر المجاعة.", []),
    # the national speaker is no agent of what it announces
    ("his forces, a national speaker", "karabakh", "وأعلن الرئيس الأذربيجاني تحرير بلدة هادروت.",
     [("captured", "هادروت", None)]),
    ("pledge", "yemen", "وتوعد الحوثيون باقتحام مدينة مأرب خلال أيام.", []),
    ("pledge", "libya",
     "وتعهد قائد ميداني بمواصلة الهجوم على القوات المعادية حتى تحرير مدينة سرت.", []),
    ("pledge", "sudan", "وتعهد الجيش السوداني في بيان باستعادة مدينة ود مدني.", []),
])
def test_rule_does_not_over_read(rule: str, conflict: str, text: str,
                                 allowed: list[tuple[str, str, str | None]]) -> None:
    got = controls(text, conflict)
    assert all(claim in allowed for claim in got), (rule, got)


# "before" opening a clause still ends the object: the strike is not on the town entered
def test_time_adverbial_is_no_clause() -> None:
    got = controls("وقصفت الطائرات الروسية مواقع قبل أن تدخل القوات بلدة كفرنبل.", "syria")
    assert not [c for c in got if c[0] == "attacked"], got


# rule "generic outside its war": Syria's name for its rebels is no Syrian actor elsewhere
@pytest.mark.parametrize(("conflict", "text"), [
    ("sudan", "وهاجمت المعارضة المسلحة مدينة كادقلي."),
    ("ethiopia", "وقصفت المعارضة المسلحة بلدة ولديا."),
])
def test_generic_outside_its_war(conflict: str, text: str) -> None:
    from claims.arabic.actors import find_arabic_actors, normalize_by_war
    from claims.arabic.text import fold

    norms = [a.norm for a in normalize_by_war(find_arabic_actors(fold(text)), conflict)]
    assert "Syrian rebels" not in norms, norms


# (rule, conflict, article, published, a claim it must give: action, place, event date)
@pytest.mark.parametrize(("rule", "conflict", "text", "published", "claim"), [
    ("date in a name", "drc", "وهاجم متمردو حركة 23 مارس بلدة كيتشانغا أمس.",
     dt.date(2023, 1, 26), ("attacked", "كيتشانغا", dt.date(2023, 1, 25))),
    ("date in a name", "libya2011", "ودخلت كتيبة 17 فبراير مدينة البريقة.",
     dt.date(2011, 8, 22), ("entered", "البريقة", None)),
    ("came after", "syria",
     "دخلت قوات النظام بلدة خان شيخون يوم الثلاثاء. وجاءت سيطرتها على البلدة بعد معارك عنيفة.",
     dt.date(2019, 8, 22), ("captured", "خان شيخون", dt.date(2019, 8, 20))),
])
def test_date_rule(rule: str, conflict: str, text: str, published: dt.date,
                   claim: tuple[str, str, dt.date | None]) -> None:
    got = control_dates(text, conflict, published)
    assert claim in got, (rule, got)


# rule "case": a name listed in the nominative is read in the genitive too
def test_case_forms_of_a_listed_name() -> None:
    got = controls("ودخل الجيش المالي بلدة أغيلهوك، معقل المتمردين الطوارق.", "sahel")
    assert ("holds", "أغيلهوك", "Tuareg rebels") in got, got


# "وجاء ذلك بعد انسحاب": the event after بعد came before; it keeps no day
def test_came_after_this_is_no_same_event() -> None:
    got = control_dates("دخلت قوات النظام بلدة خان شيخون يوم الثلاثاء. "
                        "وجاء ذلك بعد انسحاب الفصائل من البلدة.", "syria", dt.date(2019, 8, 22))
    assert ("withdrew", "خان شيخون", None) in got, got


# rule "the place again": a capture or an entry of "the town" keeps the day told just before
@pytest.mark.parametrize(("text", "claim"), [
    ("سيطرت قوات الدعم السريع على مدينة الضعين يوم الثلاثاء. "
     "وقال سكان إن عناصرها دخلوا المدينة من ثلاثة محاور.",
     ("entered", "الضعين", dt.date(2023, 11, 21))),
    ("هاجمت قوات الدعم السريع مدينة الضعين أمس. "
     "وأكد مصدر محلي أن المهاجمين بسطوا سيطرتهم على المدينة بعد ساعات.",
     ("captured", "الضعين", dt.date(2023, 11, 21))),
    # no day told just before: none carried
    ("سيطرت قوات الدعم السريع على مدينة الضعين الشهر الماضي. "
     "وقال سكان إن عناصرها دخلوا المدينة من ثلاثة محاور.",
     ("entered", "الضعين", None)),
    # a withdrawal told after is mostly earlier: no day
    ("سيطرت قوات الدعم السريع على مدينة الضعين يوم الثلاثاء. "
     "وكان الجيش قد انسحب من المدينة نحو الشمال.",
     ("withdrew", "الضعين", None)),
])
def test_the_place_again(text: str, claim: tuple[str, str, dt.date | None]) -> None:
    got = control_dates(text, "sudan", dt.date(2023, 11, 22))
    assert claim in got, got


# a sentence with no such opening takes no date from the one before
def test_came_after_needs_the_opening() -> None:
    got = control_dates("دخلت قوات النظام بلدة خان شيخون يوم الثلاثاء. "
                        "وقصفت الطائرات البلدة بعد معارك.", "syria", dt.date(2019, 8, 22))
    assert ("attacked", "خان شيخون", None) in got, got
