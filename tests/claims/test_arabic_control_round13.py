"""Round-13 Arabic rules (issue 16): unread names after a dual/plural place noun or a camp noun.

Rules :data:`claims.arabic.unread_places.LISTED_UNREAD_MEMBER` and
:data:`claims.arabic.unread_places.FACILITY_UNREAD_NAME`. Sentences are the engineer's own,
about several wars; the unread names are made up, so no gazetteer can read them: each claim
must quote the name and carry no point, and disappears with the rule's switch off.
"""
from __future__ import annotations

import doctest
import importlib

import pytest
from arabic_sentences import claim_fields

import claims.arabic.extract as arabic_extract


def _claims(sentence: str, conflict: str, published: str = "2024-03-12") -> list[tuple]:
    return claim_fields(sentence, conflict, published, fields=("action", "place", "place_lat"),
                        article_id="t13")


LISTED = [  # (sentence, war, the unread member)
    ("استعاد الجيش المالي قريتي تيسيت وكوروملدا بعد معارك مع المسلحين.", "sahel", "كوروملدا"),
    ("سيطرت قوات الدعم السريع على مدينتي نيالا وتلقوميت.", "sudan", "تلقوميت"),
    ("سيطر الحوثيون على بلدات حريب وعسيلان وزرنقادة بعد قتال عنيف.", "yemen", "زرنقادة"),
    ("استعادت فصائل المعارضة قرى تلمنس وكفربسلون في ريف إدلب.", "syria", "كفربسلون"),
]

FACILITIES = [  # (sentence, war, the unread camp or base name)
    ("سيطرت قوات الدعم السريع على مخيم دلغموري للنازحين.", "sudan", "دلغموري"),
    ("سيطر جيش أراكان على معسكر تانغمرو بعد حصار دام أسابيع.", "myanmar", "تانغمرو"),
    ("استولت حركة الشباب على قاعدة بورغيلو التي كان يتمركز فيها الجنود.", "somalia", "بورغيلو"),
]


@pytest.mark.parametrize(("sentence", "war", "name"), LISTED)
def test_listed_unread_member_is_kept_unplaced(sentence: str, war: str, name: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A member after بلدتي/قريتي/بلدات/قرى that nothing reads is a claim with no point."""
    on = _claims(sentence, war)
    assert any(place == name and lat is None for _a, place, lat in on), on
    monkeypatch.setattr(arabic_extract, "LISTED_UNREAD_MEMBER_RULE", False)
    assert all(place != name for _a, place, _lat in _claims(sentence, war))


@pytest.mark.parametrize(("sentence", "war", "name"), FACILITIES)
def test_facility_unread_name_is_kept_unplaced(sentence: str, war: str, name: str,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The name after مخيم/معسكر/قاعدة a control verb governs is a claim with no point."""
    on = _claims(sentence, war)
    assert any(place == name and lat is None for _a, place, lat in on), on
    monkeypatch.setattr(arabic_extract, "FACILITY_UNREAD_NAME_RULE", False)
    assert all(place != name for _a, place, _lat in _claims(sentence, war))


@pytest.mark.parametrize(("sentence", "war"), [
    ("عاد إلى بلدتي الأم بعد أن سيطرت القوات على المنطقة.", "sudan"),   # "my home town"
    ("سيطرت القوات على قاعدة عسكرية مهجورة.", "sahel"),                 # a descriptor
    ("سيطر الجيش على معسكر للتدريب تابع للمتمردين.", "myanmar"),
    ("دخلت القوات الحكومية معسكر وادي كرفوش صباح الخميس.", "yemen"),     # definite-like word
    ("قصفت الطائرات مخيم دلغموري قرب الفاشر.", "sudan"),               # located: at the town
    ("زار الوفد مخيم دلغموري للاطلاع على أوضاع النازحين.", "sudan"),    # no control verb
    ("سيطرت القوات على بلدتي وقريتي في الشمال.", "somalia"),            # "my town and village"
    ("استعاد الجيش قريتين قرب الحدود ثم انسحب منهما.", "syria"),        # no names at all
])
def test_no_claim_from_common_words(sentence: str, war: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Common words after the nouns, a located camp and a visit: the rules change nothing."""
    on = _claims(sentence, war)
    monkeypatch.setattr(arabic_extract, "LISTED_UNREAD_MEMBER_RULE", False)
    monkeypatch.setattr(arabic_extract, "FACILITY_UNREAD_NAME_RULE", False)
    assert on == _claims(sentence, war)
    assert all(lat is not None for _a, _p, lat in on), on


@pytest.mark.parametrize(("word", "facility", "name"), [
    ("كوروملدا", False, True), ("الام", False, False), ("عسكريه", True, False),
    ("للنازحين", True, False), ("وقريتي", False, False), ("سيطرت", False, False),
    ("جويه", True, False), ("ليبيه", True, False), ("ليبيه", False, True),
    ("تانغمرو", True, True),
])
def test_unread_name_guard(word: str, facility: bool, name: bool) -> None:
    """Definite words, clitic prepositions, descriptors and verbs are never names."""
    from claims.arabic.control import is_trigger_word
    from claims.arabic.unread_places import unread_name

    assert unread_name(word, set(), is_trigger_word, facility) is name


def test_a_located_camp_stays_an_event_at_its_town() -> None:
    """"مخيم X قرب الفاشر": the attack is told as one on El Fasher (the convention)."""
    places = [p for _a, p, _l in _claims("قصفت قوات الدعم السريع مخيم دلغموري قرب الفاشر.",
                                         "sudan")]
    assert "دلغموري" not in places and "الفاشر" in places


def test_docstring_examples() -> None:
    for name in ("claims.arabic.unread_places", "claims.arabic.control"):
        assert doctest.testmod(importlib.import_module(name)).failed == 0
