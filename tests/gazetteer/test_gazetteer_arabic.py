"""Arabic place names: normalization, clitics, stop list and recognition with the gazetteer."""

import json
from pathlib import Path

import pytest

from cli.geoparse_cmd import predict_document, score_predictions
from gazetteer import geoparse, normalize
from gazetteer.arabic import arabic_key, fold_digits, is_arabic, strip_arabic_article
from gazetteer.arabic_names import is_arabic_name
from gazetteer.arabic_recognize import clitic_readings, find_arabic_places, stop_words
from gazetteer.geoparse import get_geoparser
from gazetteer.names import skeleton, variant_keys

ARABIC = Path(__file__).resolve().parent.parent / "data" / "arabic"


@pytest.mark.parametrize(("a", "b"), [
    ("أم درمان", "ام درمان"),  # hamza on alef
    ("إدلب", "ادلب"),
    ("آمرلي", "امرلي"),
    ("مصراتة", "مصراته"),  # ta marbuta / ha
    ("سيناى", "سيناي"),  # alef maqsura / ya
    ("بنـــغازي", "بنغازي"),  # tatweel
    ("مِصْرَاتَة", "مصراته"),  # diacritics
    ("مصراتہ", "مصراته"),  # Urdu heh goal in GeoNames' alternate names
    ("کرکوک", "كركوك"),  # Persian kaf
])
def test_arabic_key_folds_spelling_variants(a, b):
    assert arabic_key(a) == arabic_key(b)
    assert normalize(a) == normalize(b)  # the index's key function dispatches to it


def test_digits_and_script_detection():
    assert fold_digits("١٢٣ و۴۵") == "123 و45"
    assert arabic_key("٢٠٢٠") == "2020"
    assert is_arabic("دخلت القوات مدينة سرت (Sirte)")
    assert not is_arabic("Forces entered Sirte (سرت) on Monday")
    assert not is_arabic("")


def test_article_and_keys():
    assert strip_arabic_article("الخرطوم") == "خرطوم"
    assert strip_arabic_article("دير الزور") == "دير زور"
    assert skeleton(arabic_key("الخرطوم")) == ""  # no transliteration folding for Arabic
    assert variant_keys("الخرطوم") == {"الخرطوم": "exact", "خرطوم": "article"}
    assert normalize("Misrata") == "misrata"  # Latin names keep their keys


def test_clitics_are_cut_only_as_readings():
    assert clitic_readings("وبالخرطوم")[-1] == (4, "خرطوم")
    assert (2, "خرطوم") in clitic_readings("للخرطوم")  # ل + ال written لل
    assert clitic_readings("سرت") == ()  # a name is never cut below three letters


def test_mixed_and_labelled_names_are_not_indexed():
    assert is_arabic_name("الفاشر")
    assert not is_arabic_name("سالم، ایندیانا")  # a label "Salem, Indiana", not a name
    assert not is_arabic_name("msratہ")
    assert not is_arabic_name("ب")


def _found(text):
    return [(m.text, m.place.country_code if m.place else None) for m in geoparse(text)]


def test_names_with_clitic_letters_are_looked_up_whole():
    # سرت starts with no clitic but بنغازي, كركوك and فزان begin with clitic-like letters
    found = dict(_found("وصلت قوات إلى بنغازي وكركوك وسرت"))
    assert found.get("بنغازي") == "LY"
    assert found.get("كركوك") == "IQ"
    assert found.get("سرت") == "LY"


def test_clitics_stripped_after_the_whole_word_failed():
    found = _found("وصل الوفد للخرطوم ثم إلى وبمصراتة")
    assert ("خرطوم", "SD") in found
    assert ("مصراتة", "LY") in found


def test_stop_list_and_place_noun_context():
    assert arabic_key("سالم") in stop_words()
    assert _found("قال سالم إن الاجتماع انتهى") == []  # a personal name
    assert [t for t, _c in _found("وصلوا إلى مدينة سالم مساء")] == ["سالم"]  # after a place noun
    assert _found("قصفت الطائرات يوم الأربعاء") == []  # a weekday is not Larbaa


def test_a_particle_with_a_clitic_is_no_name():
    # وكان is و + كان ("was"), not a village Kan; فمن, ولم likewise
    assert _found("وكان الوفد قد وصل فجر اليوم") == []
    assert _found("ولم يصل الوفد بعد") == []


@pytest.mark.parametrize(("text", "name", "country"), [
    ("هبطت الطائرة في مطار مدينة بنغازي", "بنغازي", "LY"),
    ("سقطت قذائف قرب مستوطنة المطلة", "المطلة", "IL"),
    ("أغلقت السلطات معبر رفح", "رفح", None),
])
def test_facility_nouns_name_the_place_after_them(text, name, country):
    found = dict(_found(text))
    assert name in found, found
    assert country is None or found[name] == country
    assert not any(t in ("مطار", "معبر", "مستوطنة") for t in found)


@pytest.mark.parametrize("text", [
    "ورفع الجنود العلم فوق المبنى",  # the flag, not Al Alam
    "ما أدى إلى مقتل ثلاثة أشخاص",  # led to
    "ويرى خبراء أن الهدنة هشة",  # experts
])
def test_common_words_of_the_stop_list(text):
    assert _found(text) == []


def test_multiword_names_and_place_nouns():
    found = _found("سيطرت القوات على مدينة دير الزور وأم درمان")
    assert [t for t, _c in found] == ["دير الزور", "أم درمان"]
    assert [c for _t, c in found] == ["SY", "SD"]


def test_resolution_prefers_the_town_over_its_region():
    (mention,) = geoparse("دخلت القوات سرت")
    assert mention.place.feature_code.startswith("PPL")


def test_recognizer_with_a_plain_lookup():
    from gazetteer.model import Place

    tripoli = Place(id="t:1", name="Tripoli", lat=32.9, lon=13.2, feature_code="PPLC",
                    country_code="LY", population=1_000_000, precision="town")
    table = {"طرابلس": [tripoli]}
    spans = find_arabic_places("وصلنا وطرابلس هادئة", lambda s: table.get(arabic_key(s), []))
    assert [(s.text, s.start) for s in spans] == [("طرابلس", 7)]


@pytest.mark.eval
def test_arabic_geoparse_dev_set_floor():
    with (ARABIC / "geoparse_ar_dev.jsonl").open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    assert sum(len(d["text"].split(".")) for d in docs) >= 150  # sentences
    parser = get_geoparser()
    gold = [predict_document(d, gold_spans=True, parser=parser) for d in docs]
    assert score_predictions(docs, gold, gold_spans=True)["resolution"]["acc161"] >= 0.93
    e2e = [predict_document(d, gold_spans=False, parser=parser) for d in docs]
    assert score_predictions(docs, e2e, gold_spans=False)["recognition"]["overlap_f1"] >= 0.93


@pytest.mark.parametrize("text", ["هاجموا قاعدة عسكرية في الصحراء", "هبطت في مطار دولي بعيد"])
def test_an_adjective_after_a_place_noun_is_no_name(text):
    assert _found(text) == []


@pytest.mark.parametrize(("text", "names"), [
    # members of a list after a plural noun are read by their Latin spelling too
    ("سيطرت القوات على مدن جبرائيل وفضولي وزنغيلان", ["جبرائيل", "فضولي", "زنغيلان"]),
    ("وصلت القوات إلى بلدتي خيرسون وميكولايف", ["خيرسون", "ميكولايف"]),
])
def test_list_after_a_plural_place_noun(text, names):
    assert [t for t, _c in _found(text)] == names


@pytest.mark.parametrize("text", [
    "سيطرت القوات على مدينة سرت وبدأت التقدم",  # one town, then a verb: no list
    "دخلت القوات مدينتي سرت ومصراتة وبدأت التقدم",  # a verb after the list ends it? no name
])
def test_no_list_reading_of_a_verb(text):
    assert "بدأت" not in [t for t, _c in _found(text)]


@pytest.mark.parametrize("text", ["استولى المسلحون على مقر القيادة", "في مبنى قديم ومجمع سكني"])
def test_facility_words_are_no_names(text):
    assert _found(text) == []


@pytest.mark.parametrize(("name", "country"), [
    ("الكونغو الديمقراطية", "CD"), ("أفريقيا الوسطى", "CF"), ("الإمارات", "AE"),
    ("البوسنة", "BA"), ("أمريكا", "US"), ("أميركا", "US"), ("بريطانيا", "GB"),
    ("المملكة المتحدة", "GB"), ("كوت ديفوار", "CI"),
])
def test_short_arabic_names_of_countries(name, country):
    # the forms news agencies write, beside the official names Natural Earth gives
    found = [(m.text, m.place.country_code, m.place.precision)
             for m in geoparse(f"وصل الوفد إلى {name} أمس، وعاد منها إلى جنيف.") if m.place]
    assert (name, country, "country") in found
