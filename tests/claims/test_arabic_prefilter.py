"""The Arabic trigger gate never skips a match (claims.arabic.prefilter).

The control rules are searched only in texts holding one of their required literals, and
only in windows around them, both read from the compiled rules themselves. That must give
exactly what searching every rule everywhere gives: on texts generated from each rule's
own regex (alone and inside long padding), on random mixes of trigger stems, on sentences
written here (many wars, hard negatives), and on every sentence and whole article of the
Arabic development and probe sets (tune and holdout; the blind set is not read).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.arabic import control
from claims.arabic.control import find_arabic_control, is_trigger_word, name_slots
from claims.arabic.extract import extract_arabic_claims
from claims.arabic.prefilter import TriggerGate, longest_run, match_reach
from claims.arabic.text import fold

ARABIC_DIR = Path(__file__).resolve().parent.parent / "data" / "arabic"
#: The sets whose sentences are compared (never the blind set: measurement only).
SETS = (ARABIC_DIR, ARABIC_DIR / "probes_tune", ARABIC_DIR / "probes_holdout")

#: Sentences in our own words, many wars: claims, near misses and no claim at all.
SENTENCES = (
    "سيطرت قوات الدعم السريع على مدينة ود مدني بعد انسحاب الجيش منها.",
    "قال مسؤولون إن الحوثيين شنوا هجوما على مواقع للقوات الحكومية قرب مأرب.",
    "استعادت القوات الأوكرانية بلدة كليشتشيفكا جنوب باخموت، وفق هيئة الأركان.",
    "طرد الجيش الصومالي حركة الشباب من بلدة عيل بور وسط البلاد.",
    "لم تتمكن القوات المالية من دخول كيدال رغم القصف المكثف.",
    "فر السكان من المدينة بعد أن حاصرها المسلحون أياما.",
    "باتت مدينة ميكيلي تحت سيطرة قوات دفاع تيغراي منذ يونيو.",
    "توغلت القوات الإسرائيلية في رفح، وأطلقت قذائف على حي الجنينة.",
    "تسعى فصائل المعارضة إلى السيطرة على مدينة حماة خلال أيام.",
    "أعلن جيش ميانمار أنه استعاد السيطرة على بلدة لاشيو في ولاية شان.",
    "انتشرت قوات أذربيجانية في شوشة بعد خروج القوات الأرمنية منها.",
    "وصلت القوات العراقية إلى مشارف الموصل من جهة الشرق.",
    "ارتفعت أسعار الخبز والوقود في الأسواق منذ بداية العام.",
    "افتتح الوزير مدخل المستشفى الجديد وسط حضور رسمي.",
    "التقى المبعوث الأممي بممثلين عن الطرفين في جنيف دون تقدم يذكر.",
    "",
)


class _Ungated:
    """A gate that lets every rule through: the reference the real gate must equal."""

    def __init__(self, entries: tuple) -> None:
        self._entries = entries

    def rules(self, _text: str) -> list:
        return list(self._entries)

    def finditer(self, pattern, text: str):
        return pattern.finditer(text)


def _sentences() -> list[str]:
    """Return every sentence of the Arabic development and probe sets (tune, holdout)."""
    out: set[str] = set()
    for base in SETS:
        for path in sorted(base.glob("*.jsonl")):
            assert "blind" not in str(path)
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    if line.strip():
                        row = json.loads(line)
                        out.add(row.get("sentence") or row.get("text") or "")
    return sorted(out)


def _words_outputs(folded: str) -> tuple:
    """Return what the rules say of a folded text without places: slots, trigger words."""
    return (name_slots(folded, []), [is_trigger_word(w) for w in folded.split()],
            find_arabic_control(folded, [], []))


def test_every_rule_has_required_literals():
    """Every rule of the table is gated (a rule without literals would always be searched)."""
    triggers = control._GATE.triggers()
    assert len(triggers) == len(control.RULES)
    missing = [rule.name for rule, found in zip(control.RULES, triggers, strict=True)
               if not found]
    assert not missing, f"rules searched in every text: {missing}"


def test_gate_drops_rules_without_their_stems():
    folded = fold("ارتفعت أسعار الخبز في الأسواق")
    assert control._GATE.rules(folded) == []
    names = [rule.name for rule, _p, _o in control._GATE.rules(fold("انسحبت القوات من البلدة"))]
    assert "withdrawal" in names and "enter" not in names


@pytest.mark.parametrize("index", range(len(control.RULES)))
def test_gate_admits_every_text_a_rule_matches(index):
    """Texts drawn from each rule's own regex: the gate always lets that rule through."""
    entry = control._RULE_RES[index]
    gate = control._GATE

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(entry[1]))
    def check(text: str) -> None:
        if entry[1].search(text):
            assert entry in gate.rules(text), (entry[0].name, text)

    check()


_STEMS = sorted({n for found in TriggerGate(control._RULE_RES).triggers() for n in found or ()}
                | {"قوات", "علي", "من", "في", "المدينه", "ال", "و", "ب", "ت", "ها", "وا", "ه",
                   "،", ".", "مدخل", "تحت", "بيد"})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_STEMS), max_size=12), st.lists(st.booleans(), max_size=12))
def test_random_mixes_of_stems_give_the_same_output(words, glue):
    """Stems glued to clitics and endings, or spaced: gated and ungated outputs agree."""
    text = "".join(w + (" " if i < len(glue) and glue[i] else "") for i, w in enumerate(words))
    gated = _words_outputs(text)
    saved = control._GATE
    control._GATE = _Ungated(control._RULE_RES)
    try:
        assert _words_outputs(text) == gated, text
    finally:
        control._GATE = saved


@pytest.mark.parametrize("sentence", SENTENCES)
def test_written_sentences_same_with_and_without_gate(sentence, monkeypatch):
    gated = _words_outputs(fold(sentence))
    monkeypatch.setattr(control, "_GATE", _Ungated(control._RULE_RES))
    is_trigger_word.cache_clear()  # its answers are kept per word: ask the ungated rules
    try:
        assert _words_outputs(fold(sentence)) == gated
    finally:
        is_trigger_word.cache_clear()


def test_dev_and_probe_sets_same_claims_with_and_without_gate(monkeypatch):
    """Every Arabic dev and probe sentence (tune, holdout), through the whole extractor."""
    texts = [*_sentences(), *SENTENCES]
    assert len(texts) > 200
    gated = [extract_arabic_claims(t, resolve=False) for t in texts]
    words = [_words_outputs(fold(t)) for t in texts]
    monkeypatch.setattr(control, "_GATE", _Ungated(control._RULE_RES))
    is_trigger_word.cache_clear()  # its answers are kept per word: ask the ungated rules
    try:
        assert [extract_arabic_claims(t, resolve=False) for t in texts] == gated
        assert [_words_outputs(fold(t)) for t in texts] == words
    finally:
        is_trigger_word.cache_clear()


def _articles() -> list[str]:
    """Return the Arabic development and probe articles (tune, holdout), and all joined."""
    texts = []
    for base in SETS:
        path = base / "geoparse_ar_dev.jsonl"
        with path.open(encoding="utf-8") as handle:
            texts += [json.loads(line)["text"] for line in handle if line.strip()]
    return [*texts, "\n\n".join(texts)]


def _all_matches(gate, text: str) -> list:
    return [(e[0].name, m.span(), m.groupdict()) for e in control._RULE_RES
            for m in gate.finditer(e[1], text)]


def test_windowed_search_finds_every_match_of_whole_articles():
    """Long texts (name_slots reads the whole article): windows give every match."""
    reference = _Ungated(control._RULE_RES)
    for text in _articles():
        folded = fold(text)
        assert _all_matches(control._GATE, folded) == _all_matches(reference, folded)
        assert name_slots(folded, []) == _slots_ungated(folded)


def _slots_ungated(folded: str) -> list:
    saved = control._GATE
    control._GATE = _Ungated(control._RULE_RES)
    try:
        return name_slots(folded, [])
    finally:
        control._GATE = saved


_PADDING = st.lists(st.sampled_from([" ", "  ", "\n\n", "،", ".", "قوات", "كيلومترا", "x" * 30,
                                     "علي", "من", "في", "بين", "الي"]), max_size=40).map("".join)


@pytest.mark.parametrize("index", range(len(control.RULES)))
def test_windows_never_cut_a_match(index):
    """A rule's own matches inside long padding (long words, runs of spaces): all found."""
    entry = control._RULE_RES[index]
    gate = TriggerGate(control._RULE_RES)

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(_PADDING, st.from_regex(entry[1], fullmatch=True), _PADDING,
           st.from_regex(entry[1], fullmatch=True), _PADDING)
    def check(a: str, m1: str, b: str, m2: str, c: str) -> None:
        text = a + " " + m1 + " " + b + m2 + " " + c
        assert [x.span() for x in gate.finditer(entry[1], text)] == \
            [x.span() for x in entry[1].finditer(text)], text

    check()


def test_reach_bounds_and_runs():
    import re

    assert match_reach(re.compile(r"(?<![\w])دخل(?:ت|وا)?(?![\w])")) == (6, 0)
    assert match_reach(re.compile(r"شن\s+غارات")) == (7, 1)
    assert match_reach(re.compile(r"شن.+غارات")) is None  # "." crosses spaces and words
    assert match_reach(re.compile(r"(?:شن\s)+")) is None
    assert longest_run("a  bcd\n\n\n e") == 4 and longest_run("   ") == 3
    assert all(r is not None for r in control._GATE.reaches()), "a rule searched in full"


@pytest.mark.parametrize("gap", [" ", " " * 40, "\n\n" * 15])
def test_long_runs_of_space_inside_a_match(gap):
    """Runs of white space and long words inside matches of unbounded rules (\\s+, \\S+)."""
    long_word = "ال" + "مقاتلين" * 6
    text = fold(f"{long_word} قال مسؤول إن الطائرات شنت{gap}{long_word}{gap}غارات{gap}علي"
                f"{gap}البلدة، وباتت المدينة تحت{gap}سيطره{gap}القوات ثم وقعت{gap}{long_word}"
                f"{gap}في{gap}يد المسلحين.")
    reference = _Ungated(control._RULE_RES)
    found = _all_matches(control._GATE, text)
    assert found == _all_matches(reference, text)
    assert {"shelling", "held by", "fell to"} <= {name for name, _s, _g in found}



@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(
    ["أ", "إ", "آ", "ة", "ى", "ئ", "ؤ", "ی", "ک", "ـ", "٣", "۴", "ه", "ي", "ا", "و", "ك", "س",
     " ", "a", "3", "،"]), max_size=30))
def test_fold_by_replacements_is_the_table_translation(text):
    """fold replaces, character by character, what ``str.translate`` of its table gives."""
    from claims.arabic.text import _TABLE

    assert fold(text) == text.translate(_TABLE)


def test_no_folded_character_is_folded_again():
    """The replacements may run in any order: none gives a character another replaces."""
    from claims.arabic.text import _PAIRS

    assert not {to for _, to in _PAIRS} & {char for char, _ in _PAIRS}


@pytest.mark.parametrize("text", ["كيدال سقطت بيد المتمردين", "وكانت كيدال قد سقطت بيد المسلحين",
                                  "مدينة باخموت باتت تحت سيطره القوات"])
def test_subject_slots_start_only_at_a_word_start(text):
    """A word's tail is never tried on its own: where the word fails, so does each tail."""
    from claims.arabic.control import _SUBJECT_SLOT_RE, subject_slots

    starts = {start for start, _ in subject_slots(text)}
    assert starts
    for pos in range(1, len(text)):
        if not text[pos - 1].isspace() and text[pos - 1] not in "()":
            assert _SUBJECT_SLOT_RE.match(text, pos) is None, pos


def _alias_keys() -> list[str]:
    from claims.arabic.actors import _table

    return sorted(_table()[1])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(["", " ", "  ", "و", "ف", "ب", "ل", "لل", "وال", "ك",
                                           "فب", "،", "x", "ال", "\n"]),
                          st.one_of(st.sampled_from(_alias_keys()),
                                    st.sampled_from(["قوات", "الجيش", "سرت", "في", "حفتر"]))),
                max_size=6))
def test_alias_matches_are_the_pattern_matches(parts):
    """Trying the alias pattern only at runs that start a name finds what finditer finds."""
    from claims.arabic.actors import _alias_matches, _first_words, _table

    assert _first_words() is not None  # every first word is a plain run: the shortcut holds
    text = "".join(glue + name for glue, name in parts)
    pattern = _table()[0]
    assert [(m.span(), m["name"]) for m in _alias_matches(pattern, text)] == \
        [(m.span(), m["name"]) for m in pattern.finditer(text)]


@pytest.mark.parametrize("seed", range(10))
def test_first_letter_bounds_the_blank_stretches(seed: int) -> None:
    """``is_blank(text, start, end)`` holds exactly for ends up to ``first_letter``."""
    import random

    from claims.arabic.text import first_letter, is_blank

    rng = random.Random(seed)
    text = "".join(rng.choice(" \n\tقوات،") for _ in range(rng.randint(0, 30)))
    for start in range(len(text) + 1):
        letter = first_letter(text, start)
        assert [is_blank(text, start, end) for end in range(start, len(text) + 1)] == \
            [end <= letter for end in range(start, len(text) + 1)]


def _date_and_amount_gates() -> list:
    from claims.arabic import dates, numbers

    return [(module, entry) for module in (dates, numbers) for entry in module._GATE._entries]


@pytest.mark.parametrize("index", range(len(_date_and_amount_gates())))
def test_date_and_amount_gates_admit_every_text_their_pattern_matches(index):
    """Texts drawn from each date and amount pattern: its gate never rules the pattern out."""
    module, (_name, pattern) = _date_and_amount_gates()[index]

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern))
    def check(text: str) -> None:
        if pattern.search(text):
            assert module._GATE.may_match(pattern, text), text

    check()


def test_dev_and_probe_sets_same_dates_and_amounts_without_their_gates(monkeypatch):
    """Every Arabic dev and probe sentence: dates and amounts as with every pattern searched."""
    from datetime import date

    from claims.arabic import dates, numbers

    texts = [fold(t) for t in [*_sentences(), *SENTENCES]]
    day = date(2024, 5, 14)

    def outputs() -> list:
        return [(dates.arabic_event_date(t, day), dates.has_date_phrase(t),
                 numbers.find_arabic_amounts(t)) for t in texts]

    gated = outputs()
    assert any(amounts for _d, _h, amounts in gated) and any(h for _d, h, _a in gated)
    for module in (dates, numbers):
        monkeypatch.setattr(module, "_GATE", TriggerGate(()))  # no entry: never rules out
    assert outputs() == gated


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(" \t\n\u00a0\u2003\u3000\x1c\x85ابa.،"), max_size=16))
def test_longest_run_is_the_longest_regex_run(text):
    """Split-based runs equal the \\s+ / \\S+ runs of the regex definition, any white space."""
    import re

    expected = max(map(len, re.findall(r"\s+|\S+", text)), default=0)
    assert longest_run(text) == expected
    assert longest_run(str(text)) == expected  # the kept last text: asked again, same answer


def test_longest_run_of_a_new_text_is_not_the_kept_one():
    """The kept run belongs to one text object: an equal-length other text is measured anew."""
    assert longest_run("الجيش دخل القرى") == 5
    assert longest_run("قصفت    المدفعية") == 8
    assert longest_run("قصفت    مدفع") == 4


def test_trigger_words_kept_per_word_answer_as_the_rules_do():
    """The kept answer of is_trigger_word is the rules' answer, asked again or not."""
    words = ["حصار", "والقصف", "سرت", "اقتحام", "مدينه", "انسحبت"]
    first = [is_trigger_word(w) for w in words]
    is_trigger_word.cache_clear()
    fresh = [any(p.fullmatch(w) for _r, p, _o in control._GATE.rules(w)) for w in words]
    assert first == fresh == [is_trigger_word(w) for w in words]
    assert first[0] and first[1] and not first[2] and not first[4]
