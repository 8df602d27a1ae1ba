"""The Arabic trigger gate never skips a rule that would match (claims.arabic.prefilter).

The control rules are searched only in texts holding one of their required literals, read
from the compiled rules themselves. That must give exactly what searching every rule
gives: on texts generated from each rule's own regex, on random mixes of trigger stems,
on sentences written here (many wars, hard negatives), and on every sentence of the Arabic
development and probe sets (tune and holdout; the blind set is not read).
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
from claims.arabic.prefilter import TriggerGate
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
    assert _words_outputs(fold(sentence)) == gated


def test_dev_and_probe_sets_same_claims_with_and_without_gate(monkeypatch):
    """Every Arabic dev and probe sentence (tune, holdout), through the whole extractor."""
    texts = [*_sentences(), *SENTENCES]
    assert len(texts) > 200
    gated = [extract_arabic_claims(t, resolve=False) for t in texts]
    words = [_words_outputs(fold(t)) for t in texts]
    monkeypatch.setattr(control, "_GATE", _Ungated(control._RULE_RES))
    assert [extract_arabic_claims(t, resolve=False) for t in texts] == gated
    assert [_words_outputs(fold(t)) for t in texts] == words
