"""The literal prefilter never rules out a pattern that would match (claims.prefilter).

The control triggers and the date patterns are searched only in sentences holding one of
their required words; that must give exactly the matches of searching them all, on
sentences written here and on random mixes of trigger words, case changes and the
characters ``re.IGNORECASE`` folds specially.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.control import _matches, _possible_triggers
from claims.dates import _date_index, _searchable
from claims.lexicon import TRIGGERS
from claims.prefilter import fold, literal_needles

#: Sentences in our own words that hit many triggers, and some that hit none.
SENTENCES = (
    "Rebel fighters captured the town of Qusayr on Monday after a week of fighting.",
    "The port FELL TO the militia late on Tuesday, residents said.",
    "Government forces were pushed back from the outskirts of the city.",
    "The army recaptured two villages, including Kafr Nabl, and advanced towards Idlib.",
    "The coalition pulled out of the airbase and the town came under the control of rebels.",
    "Shelling continued through the night as the siege of the old city entered a third week.",
    "Opposition forces are still in the hands of the council, a spokesman said.",
    "Prices of bread and cooking gas have doubled since the start of the year.",
    "Negotiators met again without progress.",
    "Forces loyal to the general SEİZED the airport and withdrew from Sırte.",
    "Militias ſeized the bridge; the Kelvin sign \u212a is no letter of ours.",
    "On 3 March 2021 and again on April 4th, then late on Sunday and two days later.",
    "The town was shelled YESTERDAY, this morning and last night, as in recent days.",
    "Reports from 2019-04-06 said the ſame day; three weeks ago; earlier this month.",
    "",
)

WORDS = sorted({n for trig in TRIGGERS for n in (literal_needles(trig.pattern) or ())}
               | {"the", "town", "of", "by", "to", "from", "Sirte", "forces", "army", ",", "-",
                  "İ", "ı", "ſ", "\u212a", "ß", "under", "control", "was", "were", "has",
                  "been", "in", "their", "hands", "3", "2021", "2019-04-06", "April", "Sept.",
                  "4th", "on", "late", "Sunday", "days", "ago", "later", "this", "week"})


def _all_matches(sentence: str) -> list[tuple[str, int, int]]:
    """Return every trigger's matches, searched without any prefilter."""
    return [(t.name, m.start(), m.end()) for t in TRIGGERS for m in t.pattern.finditer(sentence)]


def _check(sentence: str) -> None:
    possible = {t.name for t in _possible_triggers(sentence)}
    for name, _start, _end in _all_matches(sentence):
        assert name in possible, (name, sentence)
    searchable = _searchable(sentence)
    for pattern in _date_index()[0]:
        if pattern.search(sentence):
            assert pattern in searchable, (pattern.pattern, sentence)


@pytest.mark.parametrize("sentence", SENTENCES)
def test_prefilter_keeps_every_trigger_that_matches(sentence):
    _check(sentence)


def test_prefilter_rules_out_triggers_in_plain_sentences():
    assert _possible_triggers("Prices of bread have doubled since the start of the year.") == []
    assert _matches("Negotiators met again without progress.") == []


def test_prefilter_finds_the_trigger_of_a_control_sentence():
    names = [t.name for t, _m in _matches("Rebel fighters captured Qusayr on Monday.")]
    assert names == ["captured/active/seiz"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(WORDS), max_size=14),
       st.sampled_from((str, str.upper, str.title, str.swapcase)))
def test_prefilter_never_rules_out_a_match_on_random_word_mixes(words, case):
    _check(case(" ".join(words)))


@pytest.mark.parametrize(("pattern", "needles"), [
    (r"\bfell\s+to\b", {"fell"}),
    (r"\b(?:re)?(?:took|tak(?:e|en))\s+over\b", {"take", "took"}),
    (r"\b(?:under|in)\s+(?:the\s+)?control\b", {"control"}),
    (r"\bsurrender(?:ed|s)?\s+(?:\w+\s+)?to\b", {"surrender"}),
    (r"(?:capture|seizure)\s+of", {"capture", "seizure"}),
])
def test_literal_needles_of_patterns(pattern, needles):
    assert literal_needles(re.compile(pattern, re.IGNORECASE)) == needles


@pytest.mark.parametrize("pattern", [r"\w+\s+\d+", r"(?:a|\w)+", r"(?:x)?y?", r"[^a]+"])
def test_literal_needles_none_when_no_literal_is_required(pattern):
    assert literal_needles(re.compile(pattern)) is None


def test_fold_matches_ignorecase_on_the_special_letters():
    for char, letter in (("İ", "i"), ("ı", "i"), ("ſ", "s"), ("\u212a", "k")):
        assert re.fullmatch(letter, char, re.IGNORECASE)
        assert fold(char) == letter


def test_a_branch_that_never_matches_requires_nothing_of_the_text():
    # a lemma with no present or masdar forms compiles to "(?:past|(?!)|(?!))"
    import re

    from claims.prefilter import literal_needles

    assert literal_needles(re.compile(r"(?:(?:raided|raid)|(?!)|(?!))\s+on")) == {"raid"}
    assert literal_needles(re.compile(r"(?:(?!)|(?!))")) is None
