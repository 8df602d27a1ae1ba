"""What the Arabic recognizer works out once per word form (``_word_facts``).

The per-form facts must say what the per-occurrence checks said: a particle or a place
noun starts no name, a facility noun only a longer one, a stop-listed word with a clitic
is still listed, and the single-word readings leave out stop words and short rests.
"""

from __future__ import annotations

import pytest

from gazetteer.arabic import arabic_key
from gazetteer.arabic_recognize import _word_facts as word_facts
from gazetteer.arabic_recognize import find_arabic_places, stop_words

STOPS = stop_words()


def facts(word: str, heads: frozenset[str] | None = None):
    return word_facts(word, arabic_key(word), STOPS, heads)


@pytest.mark.parametrize("word", ["في", "مدينة", "بلدة", "وقرية"])
def test_particles_and_place_nouns_are_blocked(word):
    assert facts(word).blocked


def test_a_facility_noun_is_not_blocked_but_marked():
    airport = facts("مطار")
    assert airport.facility and not airport.blocked


def test_a_listed_word_with_a_clitic_is_still_listed():
    listed = next(iter(sorted(STOPS)))
    assert facts("و" + listed).stopped and facts(listed).stopped
    assert all(key not in STOPS for _c, _r, key in facts("و" + listed).singles)


def test_singles_drop_short_rests_and_keep_the_whole_word_first():
    singles = facts("وبالخرطوم").singles
    assert [rest for _c, rest, _k in singles][:2] == ["وبالخرطوم", "بالخرطوم"]
    assert all(len(key) >= 3 for _c, _r, key in singles)


def test_heads_filter_the_readings_that_start_longer_names():
    heads = frozenset({arabic_key("دير")})
    assert [r for _c, r, _k in facts("ودير", heads).heads_of] == ["دير"]
    assert facts("ودير", frozenset()).heads_of == ()
    assert facts("ودير", None).heads_of == facts("ودير", None).readings


def test_the_birthplace_phrase_is_asked_of_its_first_word_only():
    assert facts("ومسقط").phrase_first and not facts("مسقط").blocked
    assert not facts("الخرطوم").phrase_first


def test_same_places_on_repeated_words_with_the_facts_kept():
    """A word form met twice is read the same both times (facts come from the cache)."""
    places = {"الخرطوم": ["Khartoum"], "خرطوم": ["Khartoum"]}

    class Town:
        feature_code, precision, source, country_code, population = "PPLC", "town", "", "SD", 50_000

    lookup = lambda name: [Town()] if name in places else []  # noqa: E731
    text = "وصلت القوات إلى الخرطوم ثم غادرت الخرطوم وبالخرطوم"
    found = [s.text for s in find_arabic_places(text, lookup, repeat_names=False,
                                                preposition_town=False)]
    assert found == ["الخرطوم", "الخرطوم", "الخرطوم"]


def _town(country: str = "UA", population: int = 50_000):
    class Town:
        feature_code, precision, source = "PPL", "town", ""
    town = Town()
    town.country_code, town.population = country, population
    return town


def test_preposition_town_asks_the_preposition_first():
    """After no preposition of place a town's name is not looked up at all."""
    from gazetteer.arabic_prepositions import preposition_town

    asked: list[str] = []

    def lookup(name):
        asked.append(name)
        return [_town()]

    assert preposition_town(arabic_key("قال"), "تيلابيري", STOPS, lookup) == ()
    assert asked == []
    assert preposition_town(arabic_key("نحو"), "تيلابيري", STOPS, lookup)
    assert asked == ["تيلابيري"]


def test_latin_readings_only_after_a_noun_a_compass_word_or_a_list_opener():
    """The word is read by its Latin spelling after شرق or مدينة, never after a verb."""
    read: list[str] = []

    def translit(name):
        read.append(name)
        return [_town()] if name == "خيرسون" else []

    lookup = lambda name: []  # noqa: E731
    for text, found in (("تقدمت القوات شرق خيرسون", ["خيرسون"]),
                        ("دخلت القوات مدينة خيرسون", ["خيرسون"]),
                        ("وصلت خيرسون القوات", [])):
        read.clear()
        spans = find_arabic_places(text, lookup, translit_for=translit, repeat_names=False)
        assert [s.text for s in spans] == found, text
        assert read == found or (found and read[-1] == found[0]), read
