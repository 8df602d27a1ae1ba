"""Arabic claims: number words, units, qualifiers, directions, each control verb form, dates,
and floors on the Arabic development set (``tests/data/arabic``, written for the project)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from claims import extract_claims
from claims.arabic.dates import arabic_event_date
from claims.arabic.distance import parse_direction
from claims.arabic.numbers import find_arabic_amounts, parse_number_words
from claims.arabic.text import fold
from cli.main import main

ARABIC = Path(__file__).resolve().parent.parent / "data" / "arabic"
FRIDAY = date(2019, 6, 28)


@pytest.mark.parametrize(("phrase", "value"), [
    ("خمسة", 5), ("عشرين", 20), ("خمسة وعشرين", 25), ("مئة", 100), ("مائة", 100),
    ("مئتي", 200), ("مئتين", 200), ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("مئة وخمسين", 150),
    ("ألف", 1000), ("ألفي", 2000), ("1,500", 1500), ("2.5", 2.5), ("١٢٠", 120),
])
def test_number_words(phrase, value):
    assert parse_number_words(phrase) == value


@pytest.mark.parametrize(("text", "expected"), [
    ("على بعد 100 كيلومتر", (100, 100, "km", None)),
    ("نحو 90 كم", (90, 90, "km", "about")),
    ("حوالي 65 كيلومترا", (65, 65, "km", "about")),
    ("قرابة 640 كيلومترا", (640, 640, "km", "about")),
    ("أكثر من 140 كيلومترا", (140, 140, "km", "more than")),
    ("أقل من 10 كيلومترات", (10, 10, "km", "less than")),
    ("بين 10 و15 كيلومترا", (10, 15, "km", None)),
    ("من 20 إلى 30 ميلا", (20, 30, "mi", None)),
    ("مئتي ميل", (200, 200, "mi", None)),
    ("كيلومترين", (2, 2, "km", None)),
    ("500 متر", (0.5, 0.5, "km", None)),
    ("بضعة كيلومترات", (2, 9, "km", None)),
    ("عشرين كيلومترا تقريبا", (20, 20, "km", "about")),
    ("خمسة كيلومترات فقط", (5, 5, "km", "only")),
    ("١٥ كم", (15, 15, "km", None)),
])
def test_amounts(text, expected):
    (amount,) = find_arabic_amounts(fold(text))
    assert (amount.value_min, amount.value_max, amount.unit, amount.qualifier) == expected


def test_no_amount_without_unit():
    assert find_arabic_amounts(fold("قتل 12 شخصا في 2019")) == []


@pytest.mark.parametrize(("words", "direction"), [
    ("شمال", "north"), ("جنوب شرق", "south-east"), ("الشمال الغربي", "north-west"),
    ("غربي", "west"), ("شرقا", "east"), ("شمال شرقي", "north-east"),
])
def test_directions(words, direction):
    assert parse_direction(fold(words)) == direction


def _one(text, kind="distance", published="2019-06-28"):
    found = [c for c in extract_claims(text, published=published) if c.kind == kind]
    assert len(found) == 1, found
    return found[0]


def test_distance_with_direction_and_anchor():
    claim = _one("تقع غريان على بعد نحو 90 كيلومترا جنوب طرابلس.")
    assert (claim.value_min, claim.unit, claim.qualifier, claim.direction) == \
        (90, "km", "about", "south")
    assert claim.anchor == "طرابلس" and claim.anchor_place.country_code == "LY"
    assert claim.subject == "غريان" and claim.subject_kind == "place"
    assert claim.provenance.quote in "تقع غريان على بعد نحو 90 كيلومترا جنوب طرابلس."


def test_distance_of_a_force_and_with_preposition():
    claim = _one("قالت مصادر إن قوات حفتر باتت على بعد 25 كم من مصراتة.")
    assert claim.subject_kind == "force" and claim.actor_norm == "LNA"
    assert claim.anchor == "مصراتة" and claim.direction is None


@pytest.mark.parametrize(("text", "action", "actor", "place"), [
    ("سيطرت قوات حفتر على مدينة سرت.", "captured", "LNA", "سرت"),  # VSO
    ("قوات حفتر سيطرت على سرت.", "captured", "LNA", "سرت"),  # SVO
    ("تسيطر قوات الدعم السريع على نيالا.", "holds", "RSF", "نيالا"),  # present
    ("أعلن الجيش السوداني السيطرة على سنجة.", "captured", "SAF", "سنجة"),  # verbal noun
    ("تمت السيطرة على هون من قبل قوات حفتر.", "captured", "LNA", "هون"),  # passive
    ("باتت غريان تحت سيطرة قوات الوفاق.", "holds", "GNA", "غريان"),
    ("استعادت قوات الوفاق غريان.", "captured", "GNA", "غريان"),
    ("دخل الجيش العراقي الموصل.", "entered", "Iraqi forces", "الموصل"),
    ("اقتحمت قوات الوفاق قاعدة الوطية.", "entered", "GNA", "قاعدة الوطية"),
    ("حاصرت قوات الدعم السريع الفاشر.", "besieged", "RSF", "الفاشر"),
    ("يحاصر الحوثيون تعز.", "besieged", "Houthis", "تعز"),
    ("قصف الجيش التركي منبج.", "attacked", "Turkey", "منبج"),
    ("هاجمت قوات حفتر الزاوية.", "attacked", "LNA", "الزاوية"),
    ("انسحبت قوات الدعم السريع من ود مدني باتجاه الخرطوم.", "withdrew", "RSF", "ود مدني"),
    ("تقدمت قوات النظام نحو سراقب.", "advanced_towards", "Syrian government", "سراقب"),
    ("سقطت ترهونة بيد قوات الوفاق.", "captured", "GNA", "ترهونة"),  # passive, actor after
    ("سقطت مدينة الجنينة في يد قوات الدعم السريع.", "captured", "RSF", "الجنينة"),
])
def test_control_verbs(text, action, actor, place):
    claim = _one(text, kind="control")
    assert (claim.action, claim.actor_norm, claim.place) == (action, actor, place)
    assert claim.place_ref is not None


def test_list_of_places_gives_one_claim_each():
    found = [c for c in extract_claims("سيطرت قوات حفتر على مرزق وأوباري.") if c.kind == "control"]
    assert [c.place for c in found] == ["مرزق", "أوباري"]


def test_capture_near_a_town_is_not_a_claim_on_it():
    text = "سيطر الجيش الوطني الليبي على حقل الشرارة النفطي قرب أوباري."
    found = [c for c in extract_claims(text) if c.kind == "control"]
    assert "أوباري" not in [c.place for c in found]
    # the field itself is a reviewed place (curated, with its Arabic name): it was taken
    assert [(c.action, c.place) for c in found] == [("captured", "حقل الشرارة")]


@pytest.mark.parametrize(("phrase", "day"), [
    ("أمس", date(2019, 6, 27)), ("أول أمس", date(2019, 6, 26)), ("اليوم", FRIDAY),
    ("منذ يومين", date(2019, 6, 26)), ("منذ ثلاثة أيام", date(2019, 6, 25)),
    ("يوم الأربعاء", date(2019, 6, 26)), ("الثلاثاء الماضي", date(2019, 6, 25)),
    ("فجر الاثنين", date(2019, 6, 24)), ("الجمعة الماضي", date(2019, 6, 21)),
    ("الجمعة", FRIDAY), ("12 مارس", date(2019, 3, 12)), ("12 آذار", date(2019, 3, 12)),
    ("3 تشرين الأول 2018", date(2018, 10, 3)), ("26 يونيو 2019", date(2019, 6, 26)),
    ("5 كانون الثاني", date(2019, 1, 5)), ("٢١ سبتمبر ٢٠١٤", date(2014, 9, 21)),
])
def test_dates(phrase, day):
    assert arabic_event_date(fold(f"قصفت القوات المدينة {phrase}"), FRIDAY)[0] == day


def test_dates_need_publication_for_relative_words():
    assert arabic_event_date(fold("قصفت القوات المدينة أمس"), None) == (None, None)


def test_english_text_still_takes_the_english_rules():
    claims = extract_claims("Haftar's forces captured Gharyan on Wednesday.",
                            published="2019-06-28")
    assert [c.place for c in claims if c.kind == "control"] == ["Gharyan"]


def _score(path: Path) -> dict[str, float]:
    result = CliRunner().invoke(main, ["extract-claims", "--score", str(path)])
    assert result.exit_code == 0, result.output
    return {k: float(v) for k, v in
            (line.split(": ") for line in result.stderr.splitlines() if ": " in line)}


@pytest.mark.eval
def test_arabic_distance_dev_set_floor():
    metrics = _score(ARABIC / "distance_claims_ar_dev.jsonl")
    assert metrics["distance_f1"] >= 0.9, metrics
    assert metrics["direction_accuracy"] >= 0.9, metrics


@pytest.mark.eval
def test_arabic_control_dev_set_floor():
    metrics = _score(ARABIC / "control_claims_ar_dev.jsonl")
    assert metrics["control_f1"] >= 0.9, metrics
    assert metrics["control_actor_f1"] >= 0.85, metrics


def test_long_arabic_text_without_full_stops_is_read_in_bounded_pieces():
    from claims.arabic.text import MAX_SENTENCE_CHARS, split_arabic_sentences

    text = "سيطرت قوات حفتر على سرت على بعد 450 كيلومترا شرق طرابلس و" * 400
    pieces = split_arabic_sentences(text)
    assert all(e - s <= MAX_SENTENCE_CHARS for s, e, _t in pieces)
    assert "".join(t for _s, _e, t in pieces) == text
    assert len(extract_claims(text[:5000], resolve=False)) > 10
