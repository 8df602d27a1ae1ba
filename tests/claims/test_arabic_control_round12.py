"""Round-12 Arabic rules (issue 16): unresolved places scored by name, actors named many ways.

Sentences are the engineer's own, about several wars each; none is a probe sentence.
"""
from __future__ import annotations

import pytest
from arabic_sentences import claim_fields

from claims.lines import run_file
from claims.score import arabic_names_match, score_claims

_claims = claim_fields


def _gold(place: str, hint: str, action: str = "captured") -> dict:
    return {"sentence": "…", "action": action, "place": place, "place_hint": hint,
            "actor": None, "actor_norm": None, "event_date": None}


@pytest.mark.parametrize(("pred", "gold", "same"), [
    ("كرنوي", "كرنوي", True),                     # the same town, unplaced
    ("ميناء بربرة", "بربرة", True),                # a run of the gold's words
    ("تلعفر", "تل عفر", False),                   # other words: not a spelling match here
    ("البلدة", "البلدة", False),                   # a reference word names nothing
    ("Kurmuk", "الكرمك", False),                   # Latin against Arabic: names_match's job
])
def test_arabic_names_match(pred: str, gold: str, same: bool) -> None:
    """Rule UNRESOLVED_ARABIC_BY_NAME compares Arabic words, article and spelling folded."""
    assert arabic_names_match(pred, [gold]) is same


def test_unresolved_claim_is_scored_by_its_name() -> None:
    """A claim with no point counts when it quotes the gold town; a wrong point does not."""
    gold = [_gold("عين الحلوة", "Nowhere Town, Lebanon")]
    unplaced = {"claims": [{"kind": "control", "action": "captured", "place": "عين الحلوة",
                            "place_lat": None, "place_lon": None}]}
    wrong_point = {"claims": [{"kind": "control", "action": "captured", "place": "عين الحلوة",
                               "place_lat": 10.0, "place_lon": 10.0}]}
    assert score_claims(gold, [unplaced]).ctl_tp == 1
    assert score_claims(gold, [wrong_point]).ctl_tp == 0
    other_action = {"claims": [{**unplaced["claims"][0], "action": "withdrew"}]}
    assert score_claims(gold, [other_action]).ctl_tp == 0


@pytest.mark.parametrize("name", ["claims.arabic.war_readings", "claims.score"])
def test_docstring_examples(name: str) -> None:
    import doctest
    import importlib

    assert doctest.testmod(importlib.import_module(name)).failed == 0


@pytest.mark.parametrize(("sentence", "norm"), [
    ("وقال متحدث باسم الجيش الإثيوبي إن قواته دخلت بلدة عدوة صباح الأحد.", "ENDF"),
    ("وانسحبت جبهة تحرير تيغراي من بلدة عدوة تحت ضغط القصف.", "TPLF"),
])
def test_far_namesake_is_left_unplaced(sentence: str, norm: str) -> None:
    """Rule WAR_NAMESAKE_UNPLACED: عدوة is read as a hamlet in Egypt; in a war report it is
    left unplaced (its claim keeps name and actor) instead."""
    row = {"article_id": "t", "sentence": sentence, "published": "2021-03-10"}
    claims = [c for c in run_file([row])[0]["claims"] if c.get("place") == "عدوة"]
    assert claims and all(c["place_lat"] is None and c["actor_norm"] == norm
                          for c in claims), claims


def test_far_namesake_rule_keeps_a_war_town() -> None:
    """Rule WAR_NAMESAKE_UNPLACED leaves a town the index places in the war as it is."""
    got = _claims("وسيطر الجيش على مدينة الأبيض بعد معارك.", "sudan")
    assert ("captured", "الأبيض", "SAF") in got


@pytest.mark.parametrize(("sentence", "conflict", "want"), [
    ("وأقرت موسكو الأحد بسحب قواتها من خيرسون.", "ukraine", ("withdrew", "خيرسون", "Russia")),
    ("واعترفت كييف أمس بانسحاب قواتها من سوليدار.", "ukraine",
     ("withdrew", "سوليدار", "Ukraine")),
    ("وأقرت دمشق بأن قواتها انسحبت من مدينة تدمر.", "syria",
     ("withdrew", "تدمر", "Syrian government")),
])
def test_capital_admits(sentence: str, conflict: str, want: tuple) -> None:
    """Rule "capital admits": the state that concedes a loss is the side of "قواتها"."""
    assert want in _claims(sentence, conflict)


def test_capital_admits_needs_a_control_noun_or_a_clause() -> None:
    """An admitting verb before a capital that is only a place makes it no speaker."""
    got = _claims("وأقرت الحكومة خطة لإعادة الإعمار في دمشق بعد سيطرة الجيش على حرستا.",
                  "syria")
    assert all(place != "دمشق" or norm is None for _a, place, norm in got)
