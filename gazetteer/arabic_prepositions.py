"""Rule :data:`PREPOSITION_TOWN`: a bare town name right after a preposition of place.

Arabic news names towns of far wars bare after a preposition: "تعزيزات إلى تيلابيري",
"هجوم قرب تمبكتو", "نزحوا نحو أغدام". The recognizer keeps a single word
outside a place noun only when one of its readings is a city of
:data:`~gazetteer.arabic_recognize.MIN_FOREIGN_POPULATION` (most of these towns have
20,000-90,000 people). After one of :data:`PLACE_PREPOSITIONS`, the whole word (no clitic
cut, no article: الـ words after في are mostly nouns) is kept when the gazetteer knows it
as a populated place of :data:`MIN_PREPOSITION_POPULATION` people: the preposition says a
place follows, the population keeps hamlets' alternate names off common words.

The word is looked up in the Arabic name index only: a town that index lacks (كيسمايو،
إيزيوم، بوتيمبو) needs a reading there first; this rule does not transliterate.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from gazetteer.arabic import arabic_key
from gazetteer.model import Place

__all__ = ["MIN_PREPOSITION_POPULATION", "PLACE_PREPOSITIONS", "PREPOSITION_TOWN",
           "preposition_town"]

#: Rule name (switch off with ``--disable arabic-preposition-town``).
PREPOSITION_TOWN = "arabic-preposition-town"
#: Prepositions of place and direction after which a bare word may be a town's name.
PLACE_PREPOSITIONS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "في", "من", "إلى", "نحو", "باتجاه", "صوب", "قرب", "على", "داخل", "بمدينة",
))
#: Smallest population of a town a bare word after a preposition is read as.
MIN_PREPOSITION_POPULATION = 15_000
#: Shortest bare word read (three-letter words after في are mostly common nouns).
MIN_PREPOSITION_LETTERS = 4


def preposition_town(before_key: str, word: str, stops: frozenset[str],
                     places_for: Callable[[str], Sequence[Place]]) -> tuple[Place, ...]:
    """Return the places a bare ``word`` after the word keyed ``before_key`` names, or ().

    The word is looked up whole; it must not carry the article or be a stop word, and a
    reading must be a populated place (``P`` class) of :data:`MIN_PREPOSITION_POPULATION`.
    """
    if before_key not in PLACE_PREPOSITIONS:
        return ()  # asked of every word: the cheap test first
    key = arabic_key(word)
    if key in stops or key.startswith("ال") or len(key) < MIN_PREPOSITION_LETTERS:
        return ()
    places = tuple(places_for(word))
    if any(p.feature_code.startswith("PPL") and p.population >= MIN_PREPOSITION_POPULATION
           for p in places):
        return places
    return ()
