"""Round 9 (issue 16, places): named rules for Arabic town names of far wars.

Sentences written for the project. Each rule is checked on and switched off:
``arabic-preposition-town`` (gazetteer.arabic_prepositions).
"""

from __future__ import annotations

from gazetteer.arabic_prepositions import (
    MIN_PREPOSITION_POPULATION,
    PREPOSITION_TOWN,
    preposition_town,
)
from gazetteer.geoparse import Geoparser, get_geoparser
from gazetteer.model import Place

_TOWN = Place("t:1", "Town", 1.0, 2.0, "PPL", "SO", population=MIN_PREPOSITION_POPULATION)
_HAMLET = Place("t:2", "Hamlet", 1.0, 2.0, "PPL", "SO", population=500)


def _without(rule: str) -> Geoparser:
    parser = get_geoparser()
    return Geoparser(parser.index, disabled=frozenset(parser.disabled) | {rule})


def _names(text: str, parser: Geoparser | None = None) -> list[str]:
    return [m.text for m in (parser or get_geoparser()).geoparse(text)]


def test_a_bare_word_after_a_preposition_of_place_is_a_town_of_some_size():
    assert preposition_town("نحو", "كيسمايو", frozenset(), lambda t: [_TOWN]) == (_TOWN,)
    assert preposition_town("نحو", "كيسمايو", frozenset(), lambda t: [_HAMLET]) == ()
    assert preposition_town("قال", "كيسمايو", frozenset(), lambda t: [_TOWN]) == ()
    assert preposition_town("في", "الحرب", frozenset(), lambda t: [_TOWN]) == ()
    assert preposition_town("في", "كيسمايو", frozenset({"كيسمايو"}), lambda t: [_TOWN]) == ()


def test_common_words_after_a_preposition_stay_words():
    text = "قال المسؤول في حين أكد الوزير من جهته أن الوضع على حاله."
    assert _names(text) == _names(text, _without(PREPOSITION_TOWN)) == []
