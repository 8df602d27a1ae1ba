"""Round-11 Arabic control rules (issue 16: towns the Arabic name index cannot read).

Sentences are the engineer's own, about several wars each; none is a probe sentence.
"""
from __future__ import annotations

import pytest
from arabic_sentences import claim_fields

from claims.lines import run_file

_claims = claim_fields


@pytest.mark.parametrize(("sentence", "conflict", "want"), [
    ("وشنت عناصر بوكو حرام هجوما على ثكنة للجيش في دامبوا فجر الأحد.", "nigeria",
     ("attacked", "دامبوا", "Boko Haram")),
    ("وقصفت المدفعية الروسية مخازن للوقود في سيليدوفي بمقاطعة دونيتسك خلال الليل.", "ukraine",
     ("attacked", "سيليدوفي", "Russia")),
    ("وهاجم المتمردون دورية للقوات الموزمبيقية قرب مويدا في أقصى الشمال.", "mozambique",
     ("attacked", "مويدا", "Insurgents")),
])
def test_locator_slot(sentence: str, conflict: str, want: tuple) -> None:
    """Rule LOCATOR_SLOT: the object is no place (ثكنة، مخازن، دورية), the town after في is."""
    assert want in _claims(sentence, conflict)


@pytest.mark.parametrize(("sentence", "conflict"), [
    ("وهاجم المسلحون قافلة للإغاثة في الطريق إلى الشمال.", "sahel"),
    ("وقصفت الطائرات مواقع في المنطقة الجبلية.", "yemen"),
    ("وشن الجيش هجوما على مواقع للمتمردين، في حين فر السكان إلى كوبو.", "ethiopia"),
])
def test_locator_slot_needs_a_name_in_the_clause(sentence: str, conflict: str) -> None:
    """Rule LOCATOR_SLOT reads no definite word and nothing past a clause boundary."""
    assert _claims(sentence, conflict) == []


def _points(sentence: str) -> list[tuple]:
    row = {"article_id": "t", "sentence": sentence, "published": "2023-05-10"}
    return [(c.get("place"), c.get("place_lat"), c.get("place_lon"))
            for c in run_file([row])[0].get("claims", []) if c.get("kind") == "control"]


@pytest.mark.parametrize(("sentence", "place", "country_box"), [
    ("وشن مقاتلو القوات الديمقراطية المتحالفة هجوما على مدينة بيني في شمال كيفو.", "بيني",
     ((-2, 2), (27, 31))),                       # Beni, not Penne in Italy
    ("وسيطر مسلحو بوكو حرام على بلدة باما في ولاية بورنو.", "باما",
     ((10, 13), (12, 15))),                      # Bama, not Pama in Burkina Faso
    ("وتقدمت القوات الروسية نحو مدينة ليمان في مقاطعة دونيتسك.", "ليمان",
     ((48, 50), (36, 39))),                      # Lyman, not Lyman in the United States
])
def test_war_country_reading(sentence: str, place: str, country_box: tuple) -> None:
    """Rule WAR_COUNTRY_READING: a small far namesake yields to the war's town."""
    (lat0, lat1), (lon0, lon1) = country_box
    assert any(p == place and lat is not None and lat0 <= lat <= lat1 and lon0 <= lon <= lon1
               for p, lat, lon in _points(sentence))


@pytest.mark.parametrize(("sentence", "want"), [
    ("وسيطرت فصائل المعارضة السورية على بلدتي جرابلس والباب، وفق المرصد السوري.",
     ("captured", "الباب", "Syrian rebels")),
    ("وانسحب عناصر تنظيم الدولة من سامراء وبلد بعد غارات التحالف.",
     ("withdrew", "بلد", "ISIS")),
    ("وتقدمت القوات الحكومية اليمنية نحو عسيلان وعين في محافظة شبوة.",
     ("advanced_towards", "عين", "Yemeni government")),
])
def test_stop_listed_member(sentence: str, want: tuple) -> None:
    """Rule STOP_LISTED_MEMBER: a stop-listed word ending a list of places is a town."""
    assert want in _claims(sentence, "any")


def test_stop_listed_member_needs_the_list_to_end() -> None:
    """Rule STOP_LISTED_MEMBER: a phrase that goes on after the word is no member."""
    claims = _claims("وسيطرت القوات الحكومية اليمنية على عسيلان وعين الحقيقة تشهد.", "any")
    assert all(place != "عين" for _a, place, _n in claims)


@pytest.mark.parametrize("sentence", [
    "وقصفت الطغمة العسكرية قرى قرب مدينة ماندالاي في وسط ميانمار.",
    "واستعادت الطغمة الحاكمة في ميانمار السيطرة على بلدة مياوادي.",
])
def test_junta_is_the_tatmadaw(sentence: str) -> None:
    """Data rule (conflicts.json, Tatmadaw generic): الطغمة العسكرية/الحاكمة is the junta."""
    assert any(norm == "Tatmadaw" for _a, _p, norm in _claims(sentence, "myanmar"))
