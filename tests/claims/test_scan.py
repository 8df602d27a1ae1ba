"""NameScanner finds exactly the matches of its pattern, in ASCII and in non-ASCII text.

News text is rarely pure ASCII (curly quotes, accented names), so the scanner looks words
up by ``claims.prefilter.fold`` there; that must never miss a match ``re.IGNORECASE`` finds.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.actors import _alternation
from claims.prefilter import fold

NAMES = ["LNA", "Libyan National Army", "Haftar", "GNA forces", "Hayat Tahrir al-Sham",
         "rebels", "al-Shabaab", "Wagner", "Rapid Support Forces", "Sudan's army",
         "قوات الدعم السريع", "الجيش", "Forces Armées Maliennes", "Forces"]

SENTENCES = (
    "Haftar’s LNA said on Monday that “rebels” had entered the town.",
    "The Libyan National Army — LNA — and GNA forces clashed near Tarhūna.",
    "HAYAT TAHRIR AL-SHAM fighters and al‑Shabaab’s men; Wagner’s café.",
    "ſudan’s army and the Rapid Support Forces, İSIS and \u212aurdish units.",
    "Haftar-backed forces; anti-Haftar groups; Haftars; xLNA; LNAx; _LNA.",
    "Les Forces Armées Maliennes (FAMa), FORCES ARMÉES MALIENNES, forces armees maliennes.",
    "سيطرت قوات الدعم السريع على المدينة، وقال الجيش إن Haftar انسحب",
    "",
)


@pytest.fixture(scope="module")
def scanner():
    return _alternation(NAMES)


def _same(scanner, text: str) -> None:
    got = [(m.start(), m.end()) for m in scanner.finditer(text)]
    assert got == [(m.start(), m.end()) for m in scanner.pattern.finditer(text)], text


@pytest.mark.parametrize("text", SENTENCES)
def test_scanner_finds_the_pattern_matches(scanner, text):
    _same(scanner, text)


def test_scanner_takes_the_shortcut_in_non_ascii_text(scanner):
    assert scanner._starts("Haftar’s troops") == [(0, "haftar")]
    assert scanner._starts("Residents said “nothing” happened.") == []
    assert scanner._starts("“Forces Armées Maliennes”") == [(1, "forces")]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Haftar", "LNA", "lna", "Libyan", "National", "Army", "’s",
                                 "“", "”", "-", "‑", " ", "é", "İ", "ſ", "\u212a", "x", "_",
                                 "قوات", "الدعم", "السريع", "الجيش", "و", ",", "Wagner",
                                 "Forces", "Armées", "ARMÉES", "Maliennes"]),
                max_size=12))
def test_scanner_equals_the_pattern_on_random_mixes(scanner, words):
    _same(scanner, "".join(words))
    _same(scanner, " ".join(words))


def test_a_word_tries_only_the_names_it_starts(scanner):
    assert scanner._first_pattern("libyan").pattern.count("|") == 0  # one name
    assert [m.group(0) for m in scanner.finditer("the LNA and the Libyan National Army")] \
        == ["LNA", "Libyan National Army"]


def test_fold_gives_the_ascii_letter_of_every_character_ignorecase_matches():
    letters = re.compile(r"[a-z0-9_]", re.IGNORECASE)
    singles = {c: re.compile(re.escape(c), re.IGNORECASE) for c in "abcdefghijklmnopqrstuvwxyz"}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not letters.fullmatch(char) or char.isascii():
            continue
        matched = [c for c, pattern in singles.items() if pattern.fullmatch(char)]
        assert matched and fold(char) in matched, (hex(code), matched, fold(char))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Haftar", "HAFTAR", "haftars", "LNA", "lna", "LnA", "LNALNA",
                                 "x", "_", "9", "-", " ", ".", "'", "Libyan", "National",
                                 "Army", "al", "Sham", "Tahrir", "Hayat", "Forces", "\n"]),
                max_size=14))
def test_ascii_text_finds_whole_words_without_the_regex(scanner, words):
    """In ASCII text, word starts come from the lower-cased text, as the regex finds them."""
    from claims.scan import _word_starts

    text = "".join(words)
    assert text.isascii()
    _same(scanner, text)
    for word in ("haftar", "lna", "al", "forces", "x"):
        assert _word_starts(text, text.lower(), word) == [
            m.start() for m in _whole_word(word).finditer(text)], (text, word)


def _whole_word(word: str) -> re.Pattern[str]:
    """The case-insensitive whole-word pattern of ``word``: where the regex finds it."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["Haftar", "HAFTAR", "haftars", "LNA", "lna", "’s", "“",
                                 "é", "İ", "ſ", "\u212a", "x", "_", "9", "-", " ", "Forces",
                                 "ARMÉES", "قوات", "الجيش", "و", "\u064e", "\n"]),
                min_size=1, max_size=14))
def test_non_ascii_text_finds_every_whole_word_in_the_folded_text(words):
    """Outside ASCII, word starts come from the folded text: every regex match is one."""
    from claims.scan import _WordIndex

    text = "é" + "".join(words)
    index = _WordIndex(text)
    for word in ("haftar", "lna", "forces", "x", "s", "قوات", "الجيش"):
        found = index.starts(word)
        assert set(found) >= {m.start() for m in _whole_word(word).finditer(text)}, (text, word)
        assert found == sorted(found)


def test_an_arabic_name_with_digits_keeps_the_shortcut():
    # "إم23" (M23) starts with a word of Arabic letters and digits: no ASCII text holds it,
    # so it must not send every English text through the whole alternation
    scanner = _alternation([*NAMES, "إم23", "حركة إم23"])
    assert scanner._firsts is not None
    for text in (*SENTENCES, "أعلنت حركة إم23 سيطرتها على غوما", "M23 rebels took Goma"):
        _same(scanner, text)


def test_the_actor_book_of_every_war_keeps_the_shortcut():
    # one alias of an unexpected shape turned the shortcut off for all text (stop 24: 40 %
    # of English analysis time)
    from claims.actors import default_actor_book

    book = default_actor_book()
    scanners = [book._pattern(cid)[0] for cid in [None, *book.conflicts]]
    scanners += list(book._keyword_res.values())
    assert all(s is None or s._firsts is not None for s in scanners)


def test_folding_keeps_offsets_and_word_characters_are_alphanumerics():
    """What the folded-text search rests on, over all of Unicode: each character folds to
    one character (so offsets carry over) and ``\\w`` is ``str.isalnum`` or "_"."""
    from claims.scan import _is_word_char

    word = re.compile(r"\w")
    for code in range(sys.maxunicode + 1):
        if 0xD800 <= code <= 0xDFFF:
            continue
        char = chr(code)
        assert len(fold(char)) == 1, hex(code)
        assert bool(word.match(char)) == _is_word_char(char), hex(code)


@pytest.mark.parametrize("text", ["Sırte’s “İdlib” ſudan \u212aurdish", "café İ", "ſ", "“x”",
                                  "\u212a", "plain ASCII", "قوات ı"])
def test_fold_translates_only_texts_that_need_it(text):
    from claims.prefilter import _IGNORECASE_EXTRAS

    assert fold(text) == text.translate(_IGNORECASE_EXTRAS).lower()
