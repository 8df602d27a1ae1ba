"""Arabic control grammar: each lexicon row and inflection on sentences of several wars,
generic actor words through the article's conflict, and references to places and actors
named before (written for these tests, not taken from the dev set)."""

from __future__ import annotations

import doctest
import importlib

import pytest

from claims import extract_claims
from claims.arabic.actors import generic_norm
from claims.arabic.control_lexicon import LEMMAS, RULES


def _control(text: str) -> list[tuple[str, str, str | None]]:
    return [(c.action, c.place, c.actor_norm) for c in extract_claims(text)
            if c.kind == "control"]


@pytest.mark.parametrize("name", ["claims.arabic.morphology", "claims.arabic.actors",
                                  "claims.arabic.references", "claims.arabic.text"])
def test_docstring_examples(name):
    assert doctest.testmod(importlib.import_module(name)).failed == 0


# One row per lemma and form kind: (sentence, action, place).
@pytest.mark.parametrize(("text", "action", "place"), [
    # control: past plural, with و, present dual, masdar with a possessive after a light verb
    ("وسيطروا على مدينة الرقة بعد أسابيع.", "captured", "الرقة"),
    ("تسيطران على بلدة هجين منذ الصيف.", "holds", "هجين"),
    ("أحكمت القوات سيطرتها على مدينة نيالا.", "captured", "نيالا"),
    ("بسط الجيش العراقي سيطرته على قضاء تلعفر.", "captured", "تلعفر"),
    # seize: استولى / استولت / الاستيلاء
    ("استولت الميليشيات على مدينة زنجبار.", "captured", "زنجبار"),
    ("أعلنت قوات الدعم السريع الاستيلاء على مدينة الجنينة.", "captured", "الجنينة"),
    # recapture: present, passive, masdar after نجح في
    ("تستعيد القوات العراقية مدينة الرمادي تدريجيا.", "captured", "الرمادي"),
    ("نجح الجيش اليمني في استرداد مدينة حرض.", "captured", "حرض"),
    ("حررت القوات العراقية مدينة الفلوجة.", "captured", "الفلوجة"),
    # storm / enter / incursion
    ("اجتاحت قوات الدعم السريع بلدة ود مدني.", "entered", "ود مدني"),
    ("سيدخلون مدينة إدلب قريبا.", "entered", "إدلب"),
    ("توغلت القوات التركية في بلدة رأس العين.", "entered", "رأس العين"),
    # siege: passive, masdar with an accusative alef after a light verb
    ("حوصرت مدينة الفاشر لأشهر.", "besieged", "الفاشر"),
    ("فرضت قوات الحوثي حصارا خانقا على مدينة تعز.", "besieged", "تعز"),
    # shelling: present plural, masdar, nouns of attack after على
    ("يقصفون مدينة حماة كل ليلة.", "attacked", "حماة"),
    ("نفذت الطائرات غارات عنيفة على مدينة صعدة.", "attacked", "صعدة"),
    # withdrawal: masdar with a possessive
    ("أعلن الجيش انسحابه من مدينة بيجي.", "withdrew", "بيجي"),
    # advance: masdar with a possessive, approach, reaching the outskirts
    ("تواصل القوات تقدمها نحو مدينة سنجة.", "advanced_towards", "سنجة"),
    ("اقتربت قوات الحوثي من مدينة مأرب.", "advanced_towards", "مأرب"),
    ("وصلت القوات إلى مشارف مدينة الحديدة.", "advanced_towards", "الحديدة"),
    # loss, fall (into hands)
    ("خسرت قوات النظام مدينة سراقب.", "lost", "سراقب"),
    ("بعد سقوط مدينة الموصل بيد تنظيم الدولة.", "captured", "الموصل"),
    ("وقعت بلدة هون في قبضة قوات حفتر.", "captured", "هون"),
    # held: باتت / أصبحت تحت سيطرة، الخاضعة لسيطرة
    ("أصبحت مدينة عدن تحت سيطرة المجلس الانتقالي الجنوبي.", "holds", "عدن"),
    ("دخلت الشاحنات مدينة درنة الخاضعة لسيطرة قوات حفتر.", "holds", "درنة"),
])
def test_each_lexicon_row(text, action, place):
    assert (action, place) in [(a, p) for a, p, _n in _control(text)]


def test_every_lemma_is_used_by_a_rule():
    verbs = "".join(rule.verb for rule in RULES)
    for lemma in LEMMAS.values():
        assert lemma.past[0] in verbs, lemma.name


def test_expel_gives_capture_to_the_subject_and_withdrawal_to_the_object():
    found = _control("طردت القوات العراقية تنظيم داعش من مدينة الموصل.")
    assert ("captured", "الموصل", "Iraqi forces") in found
    assert ("withdrew", "الموصل", "ISIS") in found


@pytest.mark.parametrize("text", [
    "لم تتمكن قوات حفتر من دخول طرابلس.",  # negation, the subject in between
    "نفى الجيش السوداني سقوط مدينة ود مدني.",  # denial
    "سقطت قذائف على مدينة تعز.",  # shells fell: no town fell
    "وقعت اشتباكات عنيفة في مدينة عدن.",  # clashes occurred
])
def test_no_claim_where_nothing_was_taken(text):
    assert [c for c in _control(text) if c[0] in ("captured", "entered")] == []


def test_an_attempt_is_an_attack():
    assert _control("حاولت قوات الدعم السريع اقتحام مدينة الأبيض.") == \
        [("attacked", "الأبيض", "RSF")]


@pytest.mark.parametrize(("text", "places"), [
    ("سيطرت قوات سوريا الديمقراطية على بلدتي الباغوز وهجين.", ["الباغوز", "هجين"]),
    ("سيطر تنظيم الدولة على تكريت وبيجي والشرقاط.", ["تكريت", "بيجي", "الشرقاط"]),
    ("استعاد الجيش السوداني مدن سنار، وسنجة.", ["سنار", "سنجة"]),
])
def test_coordinated_places(text, places):
    assert [p for a, p, _n in _control(text) if a == "captured"] == places


@pytest.mark.parametrize(("text", "norm"), [
    ("سيطرت القوات الحكومية على مدينة عدن.", "Yemeni government"),
    ("سيطر الجيش على مدينة سنجة.", "SAF"),
    ("استعاد الجيش مدينة تكريت.", "Iraqi forces"),
    ("سيطر المتمردون على مدينة الجنينة.", "RSF"),
    ("استعاد مقاتلو المعارضة بلدة سراقب.", "Syrian rebels"),
])
def test_generic_actor_words_through_the_conflict(text, norm):
    assert [n for _a, _p, n in _control(text)] == [norm]


def test_generic_word_ambiguous_in_its_war_keeps_the_surface_only():
    (claim,) = [c for c in extract_claims("اقتحم المسلحون بلدة سراقب.") if c.kind == "control"]
    assert claim.actor == "المسلحون" and claim.actor_norm is None
    assert generic_norm("الجيش", None) is None


def test_place_reference_to_an_earlier_sentence_says_why():
    text = "وصلت قوات الحوثي إلى مدينة مأرب. ثم دخلت القوات المدينة بعد يومين."
    (claim,) = [c for c in extract_claims(text) if c.kind == "control"]
    assert (claim.action, claim.place, claim.place_text) == ("entered", "مأرب", "المدينة")
    assert claim.place_reason == "المدينة -> مأرب, named 1 sentence before"
    assert claim.place_ref is not None and claim.place_ref.country_code == "YE"


@pytest.mark.parametrize(("text", "action", "place"), [
    ("اقتحمت قوات الدعم السريع مدينة الجنينة واستولت عليها.", "captured", "الجنينة"),
    ("حاصرت قوات النظام بلدة سراقب. وبعد أسبوع اقتحمتها.", "entered", "سراقب"),
    ("دخل الجيش العراقي الموصل. ثم انسحب منها.", "withdrew", "الموصل"),
])
def test_attached_pronoun_means_the_latest_place(text, action, place):
    found = [c for c in extract_claims(text) if c.kind == "control" and c.action == action]
    assert [c.place for c in found] == [place]
    assert found[0].place_reason.startswith(found[0].place_text + " -> " + place)


def test_a_reference_with_nothing_before_it_gives_no_claim():
    assert _control("ثم دخلت القوات المدينة.") == []


def test_possessive_forces_mean_the_speaker():
    found = extract_claims("قالت قوات الدعم السريع إن قواتها سيطرت على مدينة الفاشر.")
    (claim,) = [c for c in found if c.kind == "control"]
    assert claim.actor_norm == "RSF" and claim.actor == "قواتها"
    assert claim.actor_reason.startswith("قواتها -> RSF")


def test_bench_prints_one_line_per_arabic_set(tmp_path, capsys):
    from bench.claims import ARABIC_DIR, print_arabic_sets

    assert print_arabic_sets([ARABIC_DIR, tmp_path]) == 0
    dev, missing = capsys.readouterr().out.splitlines()
    assert dev.startswith("arabic (101 control, 49 distance gold): control P ")
    assert missing.startswith(f"{tmp_path.name}: no distance_claims_ar_dev.jsonl")


def test_expel_with_no_actor_named():
    found = _control("بعد طرد المسلحين من مدينة الموصل.")
    assert ("captured", "الموصل", None) in found


@pytest.mark.parametrize("text", [
    "تسعى القوات الحكومية إلى السيطرة على مدينة الحديدة.",  # an aim
    "وتقول الحكومة إنها عازمة على استعادة مدينة سرت.",  # a resolve
    "تستعد القوات لشن هجوم مضاد لاستعادة مدينة الرمادي.",  # a plan, a purpose
    "قد تتقدم القوات نحو مدينة مأرب إذا وصلت التعزيزات.",  # a possibility, a condition
    "ونفت الحكومة سقوط مدينة الفاشر.",  # a denial with a conjunction
])
def test_aims_plans_and_conditions_are_no_claims(text):
    assert _control(text) == []


def test_past_perfect_with_qad_is_a_claim():
    assert ("entered", "الموصل") in [(a, p) for a, p, _n in
                                     _control("وكانت القوات العراقية قد اقتحمت مدينة الموصل.")]


def test_still_held_is_held():
    assert ("holds", "مأرب") in [(a, p) for a, p, _n in
                                 _control("ما زالت مدينة مأرب تحت سيطرة القوات الحكومية.")]


def test_capture_from_an_actor_is_its_loss():
    found = _control("استعادت القوات العراقية مدينة الفلوجة من تنظيم داعش.")
    assert ("captured", "الفلوجة", "Iraqi forces") in found
    assert ("lost", "الفلوجة", "ISIS") in found


def test_stronghold_of_an_actor_is_held_and_locators_are_skipped():
    text = "تقع مدينة بني وليد على بعد 170 كيلومترا جنوب شرق طرابلس، وتعد معقلا لقوات حفتر."
    assert [(a, p, n) for a, p, n in _control(text)] == [("holds", "بني وليد", "LNA")]


def test_noun_reference_prefers_the_place_an_earlier_sentence_is_about():
    text = ("سيطرت قوات حفتر على مدينة غريان الواقعة على بعد 90 كيلومترا من طرابلس. "
            "وقال المتحدث إن وحداتها دخلت المدينة دون مقاومة.")
    found = [c for c in extract_claims(text) if c.kind == "control" and c.action == "entered"]
    assert [(c.place, c.place_text) for c in found] == [("غريان", "المدينة")]


def test_facility_named_before_is_what_the_facility_noun_means():
    text = "تقدمت القوات نحو مطار الحديدة. وبعد يومين اقتحمت القوات المطار."
    (claim,) = [c for c in extract_claims(text) if c.kind == "control" and c.action == "entered"]
    assert claim.place == "مطار الحديدة" and claim.place_ref.country_code == "YE"


def test_more_wars_have_arabic_actor_names():
    assert _control("قصفت القوات الروسية مدينة خاركيف في أوكرانيا.") == \
        [("attacked", "خاركيف", "Russia")]
    assert ("entered", "غزة", "Israel") in _control("اقتحمت قوات الاحتلال الإسرائيلي مدينة غزة.")


def test_a_verb_inside_an_actor_name_is_no_trigger():
    found = _control("دخلت هيئة تحرير الشام مدينة إدلب.")
    assert found == [("entered", "إدلب", "HTS")]


def test_distance_anchor_given_by_reference_says_why():
    text = ("سيطر الجيش السوري على مدينة حلب. "
            "وتوجهت الحافلات غربا على مسافة تتراوح بين 20 و30 كيلومترا من المدينة.")
    (claim,) = [c for c in extract_claims(text) if c.kind == "distance"]
    assert (claim.value_min, claim.value_max, claim.anchor) == (20, 30, "حلب")
    assert claim.anchor_reason == "المدينة -> حلب, named 1 sentence before"
    assert claim.anchor_place.country_code == "SY"
