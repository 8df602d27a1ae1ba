"""Control statements in Arabic: who took, entered, besieged, shelled or left which place.

The rules are named data (:data:`claims.arabic.control_lexicon.RULES`, built from verb
lemmas with all their inflections). Arabic is mostly verb-subject-object: "سيطرت قوات
حفتر على سرت" names the actor between the verb and the place; "قوات حفتر سيطرت على سرت"
before the verb; the passive "سقطت سرت بيد قوات حفتر" and "تحت سيطرة ..." after the
place. A list of places joined by و or a comma (على سرت والجفرة، بلدتي X وY) gives one
statement per place. "طرد الجيش داعش من الموصل" gives two: the army took Mosul, IS left
it. A negation before the trigger (لم، دون، نفت) drops the statement; an attempt
(حاولت اقتحام) makes it an attack. Places may be references (المدينة، عليها), spans
with a ``ref`` that the extractor resolves. Works on folded text.

This module holds the triggers and the checks made before a statement is built
(negation, aims, calls, conditions); the statement builders by voice are in
:mod:`claims.arabic.control_voices`, the place and actor finders in
:mod:`claims.arabic.control_slots`, the records in :mod:`claims.arabic.control_types`.
:func:`name_slots` and :func:`find_arabic_control` are unchanged by that split.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from claims.arabic.actors import ArabicActor
from claims.arabic.control_lexicon import (
    ATTEMPT_RE,
    CONDITION_RE,
    FEAR_RE,
    INTENT_RE,
    NEGATION_RE,
    PAST_RE,
    PLACE_SUBJECT_RE,
    PLEDGE_RE,
    RULES,
    STILL_RE,
    WARNING_RE,
    Rule,
)
from claims.arabic.control_slots import _prep_re, _words, is_locator
from claims.arabic.control_types import ArabicControl, PlaceSpan
from claims.arabic.control_voices import (
    _by_force,
    _siege_as_circumstance,
    _statement,
    _withdrawal_from_taken,
    conjunct_statements,
)
from claims.arabic.locator_slots import locator_slot
from claims.arabic.prefilter import TriggerGate
from claims.arabic.text import first_letter

__all__ = ["ArabicControl", "PlaceSpan", "RULES", "Rule", "find_arabic_control", "is_locator",
           "facility_name_slots", "is_trigger_word", "name_slots", "object_locator_slots",
           "subject_slots"]


_RULE_RES = tuple(
    (rule, re.compile(rf"(?<![\w])[وفل]?(?:{rule.verb})(?![\w])"),
     re.compile(rf"[وفل]?(?:{rule.objects})") if rule.objects else None)
    for rule in RULES)
#: Only the rules whose trigger literals occur in a text are searched (the same matches).
_GATE = TriggerGate(_RULE_RES)
#: Words a negation or an attempt may stand before the trigger ("لم تتمكن من السيطرة").
NEGATION_REACH_WORDS = 3
#: A clause boundary: a negation or attempt before it says nothing of the trigger.
_CLAUSE_RE = re.compile(r"[,،.;:؛]|(?<![\w])(?:و?بعد|و?قبل|حيث|فيما|بينما|ثم)(?![\w])"
                        r"(?!\s+ذلك)")


@lru_cache(maxsize=16384)
def is_trigger_word(folded_word: str) -> bool:
    """Whether a word is a control trigger as a whole (حصار، قصف): a verb or verbal noun.

    Such a word is the statement, not its place, even when the gazetteer knows a village
    spelt the same way (a place noun before it still makes it a name: قرية حصار). Kept
    per word: every place of every sentence is asked about, and the rules are fixed.

    >>> is_trigger_word("حصار"), is_trigger_word("والقصف"), is_trigger_word("سرت")
    (True, True, False)
    """
    return any(pattern.fullmatch(folded_word) for _r, pattern, _o in _GATE.rules(folded_word))


#: The word a control verb governs (دخلت القوات X، سيطرت على X): a place name slot.
_SLOT_WORD_RE = re.compile(r"\s*(?P<word>[^\s،,.:;؛()]+)")
#: Words in a slot that are never a place read by its spelling: definite words, place
#: nouns (their own names are read by the recognizer), particles.
_NOT_SLOT_RE = re.compile(r"(?:[وفبل]?ال|مدين|بلد|قري|منطق|محافظ|ولاي|مطار|قاعد|معبر|"
                          r"مواقع|مناطق|احياء)|(?:في|من|علي|الي|عن|مع|بعد|قبل|منذ|نحو|"
                          r"قرب|خلال|حيث|فيما|ان|انه|انها|التي|الذي)$")

#: Rule "arabic-list-members": a place noun before a name or a list (مدينة، بلدتي، قرى،
#: بلدات، مدن، مديريات، مناطق): the slot is the first name after it, where the list starts.
_LIST_NOUN_RE = re.compile(r"(?:مدين|مدن|بلد|قري|منطق|مناطق|مديري|احياء|مستوطن)\S*")


def _object_positions(folded: str, actors: Sequence[ArabicActor]) -> list[int]:
    """Return where the object of each active control trigger starts.

    Past the rule's preposition and a subject standing between, in the order the rules
    find them (shared by :func:`name_slots` and :func:`object_locator_slots`).
    """
    out: list[int] = []
    starts = [a.start for a in actors]
    starts = starts if starts == sorted(starts) else None  # bisect only a sorted list
    for rule, pattern, _objects in _GATE.rules(folded):
        if rule.voice != "active":
            continue
        for m in _GATE.finditer(pattern, folded):
            pos = m.end()
            if rule.prep:
                prep = _prep_re(rule.prep).search(folded, pos, pos + 40)
                if prep is None or _words(folded[pos:prep.start()]) > 3:
                    continue
                pos = prep.end()
            # the subject between the verb and its object (VSO): an actor starting at or
            # before the first letter from ``pos`` on has only blanks before it
            out.append(_past_subject(folded, pos, actors, starts))
    return out


def name_slots(folded: str, actors: Sequence[ArabicActor]) -> list[tuple[int, int]]:
    """Return the spans of the words control triggers govern, where a place is expected.

    The word right after a trigger without a preposition (دخولها كيدال), after the
    subject standing between (دخلت القوات المالية كيدال), or after the rule's
    preposition (سيطرت على X): a name there the gazetteer lacks in Arabic may be read by
    its Latin spelling (the extractor asks, within the war's countries).

    >>> [(s, e) for s, e in name_slots("سيطروا علي كيدال امس", [])]
    [(11, 16)]
    """
    out: list[tuple[int, int]] = []
    for pos in _object_positions(folded, actors):
        word = _SLOT_WORD_RE.match(folded, pos)
        if word is not None and _LIST_NOUN_RE.fullmatch(word["word"]):
            word = _SLOT_WORD_RE.match(folded, word.end())  # "علي مديريات X وY وZ"
        if word is None or _NOT_SLOT_RE.match(word["word"]) or len(word["word"]) < 3:
            continue
        span = (word.start("word"), word.end("word"))
        if span not in out:
            out.append(span)
    return sorted(out)


#: Rule ``FACILITY_UNREAD_NAME`` (:mod:`claims.arabic.unread_places`): a camp or base noun
#: as a control verb's object (folded, with a clitic و/ب).
_FACILITY_OBJECT_RE = re.compile(r"[وب]?(?:مخيم|معسكر|قاعده)")


def facility_name_slots(folded: str, actors: Sequence[ArabicActor]) -> list[tuple[int, int]]:
    """Return the spans of the names after a camp or base noun a control trigger governs.

    Rule ``FACILITY_UNREAD_NAME``: "سيطرت القوات على مخيم زمزم": the slot is the name.

    >>> f = "سيطروا علي معسكر كنغاري امس"
    >>> [f[s:e] for s, e in facility_name_slots(f, [])]
    ['كنغاري']
    """
    out: list[tuple[int, int]] = []
    for pos in _object_positions(folded, actors):
        noun = _SLOT_WORD_RE.match(folded, pos)
        if noun is None or not _FACILITY_OBJECT_RE.fullmatch(noun["word"]):
            continue
        word = _SLOT_WORD_RE.match(folded, noun.end())
        if word is None or _NOT_SLOT_RE.match(word["word"]):
            continue
        span = (word.start("word"), word.end("word"))
        if span not in out:
            out.append(span)
    return sorted(out)


def object_locator_slots(folded: str, actors: Sequence[ArabicActor]
                         ) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """Return ``(object span, town span)`` pairs of rule ``LOCATOR_SLOT``.

    :data:`claims.arabic.locator_slots.LOCATOR_SLOT`: "هجوما على معسكر للجيش في بوريم".

    The extractor reads the town only when the object itself is no place.

    >>> f = "شنوا هجوما علي معسكر للجيش في بوريم"
    >>> [(f[a:b], f[c:d]) for (a, b), (c, d) in object_locator_slots(f, [])]
    [('معسكر', 'بوريم')]
    """
    out: list[tuple[tuple[int, int], tuple[int, int]]] = []
    for pos in _object_positions(folded, actors):
        word = _SLOT_WORD_RE.match(folded, pos)
        if word is None:
            continue
        town = locator_slot(folded, word.start("word"))
        if town is None or _NOT_SLOT_RE.match(folded[town[0]:town[1]]):
            continue
        pair = ((word.start("word"), word.end("word")), town)
        if pair not in out:
            out.append(pair)
    return sorted(out)


def _past_subject(folded: str, pos: int, actors: Sequence[ArabicActor],
                  starts: list[int] | None) -> int:
    """Return where the object of a verb starts: past the actors right after ``pos`` (VSO).

    An actor starting at or before the first letter from ``pos`` on has only blanks before
    it: the subject between the verb and its object (دخلت القوات المالية كيدال). ``starts``
    are the actors' starts when they are sorted by start (None: they are not): then the
    search starts at the first actor from ``pos`` on and stops at the first past the letter,
    as no later one can stand before it.

    >>> from claims.arabic.actors import ArabicActor
    >>> army = ArabicActor(5, 19, "القوات المالية", "Mali army", ())
    >>> _past_subject("دخلت القوات المالية كيدال", 4, [army], [5])
    19
    >>> _past_subject("دخلت القوات المالية كيدال", 4, [army], None)
    19
    """
    letter = first_letter(folded, pos)
    if starts is None:
        for actor in actors:
            if pos <= actor.start <= letter:
                pos = actor.end
                letter = first_letter(folded, pos)
        return pos
    for k in range(bisect_left(starts, pos), len(actors)):
        actor = actors[k]
        if actor.start > letter:
            break
        if pos <= actor.start:
            pos = actor.end
            letter = first_letter(folded, pos)
    return pos


def _before_trigger(folded: str, start: int, actors: Sequence[ArabicActor]) -> str:
    """Return the few words before a trigger, up to the last clause boundary, without actors.

    The subject may stand between a negation and the verb: "لم تتمكن قوات حفتر من دخول".
    """
    cut = 0
    for m in _CLAUSE_RE.finditer(folded, 0, start):
        cut = m.end()
    head = folded[cut:start]
    for actor in sorted(actors, key=lambda a: -a.start):
        if actor.start >= cut and actor.end <= start:
            head = head[:actor.start - cut] + " " + head[actor.end - cut:]
    head = _BRIDGE_RE.sub(" ", _ADVERB_RE.sub(" ", head))
    return " ".join(head.split()[-NEGATION_REACH_WORDS:])


#: Adverbs between a negation or a "may" and its verb: "قد تحاول بعد ذلك التقدم".
_ADVERB_RE = re.compile(r"(?<![\w])(?:بعد\s+ذلك|قبل\s+ذلك|ايضا|كذلك|مجددا|مره\s+اخري)(?![\w])")


#: The words before which a place is the subject (rule "place first" and "X تحت سيطرة"):
#: a place-first verb (after an optional قد), or "تحت سيطرة" (after باتت، لا تزال ...).
#: It starts only at a word's start (the lookbehind): where a word fails, its tails fail too,
#: and trying each of them cost time quadratic in the word's length.
_SUBJECT_SLOT_RE = re.compile(
    r"(?<![^\s،,.:;؛()])(?P<word>[^\s،,.:;؛()]+)\s+(?:قد\s+)?"
    r"(?=(?:" + PLACE_SUBJECT_RE.pattern + r")(?![\w])|"
    r"(?:(?:بات|اصبح|صار|كان)(?:ت|تا|وا|ا)?\s+|(?:لا|ما)\s+[يت]?زال(?:ت|وا)?\s+)?"
    r"تحت\s+(?:ال)?سيطر)")


#: Words before such a verb that are no place: the copulas and particles of the phrase.
_NOT_SUBJECT_RE = re.compile(r"[وف]?(?:كان|بات|اصبح|صار|زال|[يت]زال|لا|ما|قد|التي|الذي)\S*")


def subject_slots(folded: str) -> list[tuple[int, int]]:
    """Return the spans of words standing where a place-first verb expects its place.

    "كيدال سقطت بيد ..."، "وكانت باخموت قد سقطت"، "كيدال باتت تحت سيطرة ...": like
    :func:`name_slots` for the place before its verb, so a name the gazetteer lacks in
    Arabic may be read by its Latin spelling there.

    >>> subject_slots("وكانت كيدال قد سقطت بيد المتمردين")
    [(6, 11)]
    >>> subject_slots("وسقطت قذايف علي المدينه"), subject_slots("اصبحت تحت سيطره الجيش")
    ([], [])
    """
    out = []
    for m in _SUBJECT_SLOT_RE.finditer(folded):
        word = m["word"]
        if _NOT_SLOT_RE.match(word) or len(word) < 3 or _NOT_SUBJECT_RE.fullmatch(word):
            continue
        out.append((m.start("word"), m.end("word")))
    return out


#: Rule "denied that": "أن تكون / أن يكونوا (قد)" between a denial and its verb ("نفت
#: الفصائل أن تكون قوات النظام قد دخلت البلدة") is no clause of its own: the negation
#: reaches the verb through it.
#: Rule "denied that, place first": the place may stand between them ("نفى المتحدث أن تكون
#: باخموت قد سقطت"): up to three words before قد go with the bridge.
_BRIDGE_RE = re.compile(r"(?<![\w])ان\s+[يت]كون(?:وا|ا)?(?:(?:\s+[^\s،,.]+){0,3}?\s+قد)?(?![\w])")


#: A call or a demand governing the verbal noun after it: "دعا X إلى الانسحاب"، "طالبهم
#: بالانسحاب" (up to four words between, in one clause). A commander's order (أمر بسحب
#: الوحدات) is reported as carried out: not here.
_CALL_RE = re.compile(r"(?<![\w])[وف]?(?:دعا|دعت|دعوا|[يتن]دعو|دعوه|دعوات|طالب\S*|[يتن]طالب\S*|"
                      r"مطالب\S*|ناشد\S*|[يتن]ناشد\S*)\s+"
                      r"(?:[^\s،,.]+\s+){0,4}?(?P<to>الي\s+)?$")


def _is_present(word: str) -> bool:
    """Whether a trigger word is a present-tense verb (not a past one that starts with ت).

    "قد تقدموا" is "had advanced" (past of تقدم), "قد تتقدم" is "may advance".

    >>> _is_present("تقدموا"), _is_present("تتقدم"), _is_present("يسيطرون")
    (False, True, True)
    """
    return bool(re.match(r"[وف]?[يتن]", word)) and not PAST_RE.fullmatch(word)


def _unreal(folded: str, m: re.Match[str], before: str) -> bool:
    """Tell whether a trigger reports no event: an aim, a plan, a purpose, a condition.

    "لاستعادة" (to retake) is a purpose; "قد" before a present verb is "may" (before a
    past one it is "has": "قد اقتحمت"); a condition (إذا) in the clause governs it.
    """
    word = m.group()
    if re.match(r"[وف]?ل", word):
        return True  # "لاستعادة الرمادي", "للسيطرة على": in order to (no stem starts with ل)
    if _in_question(folded, m):
        return True  # "هل تستطيع القوات استعادة المدينة؟"
    cut = max((c.end() for c in _CLAUSE_RE.finditer(folded, 0, m.start())), default=0)
    if FEAR_RE.search(folded, cut, m.start()):
        return True  # "ويخشى نحو مليون نازح في رفح من اجتياح المدينة": feared, not told
    if PLEDGE_RE.search(folded, cut, m.start()):
        return True  # "تعهد حفتر بمواصلة القتال حتى تحرير طرابلس": promised, not told
    if WARNING_RE.search(folded, cut, m.start()):
        return True  # "حذرت الأمم المتحدة من أن اقتحام الفاشر قد يؤدي": warned of, not told
    if _SINCE_START_RE.search(folded, max(0, m.start() - 30), m.start()):
        return True  # "منذ بدء الهجوم على العاصمة قبل عام": a time, not an event told
    call = _CALL_RE.search(folded, max(0, m.start() - 80), m.start())
    if call and (call["to"] or word.startswith("ب")):
        return True  # "دعت الأمم المتحدة القوات إلى الانسحاب": a call, not an event
    for intent in INTENT_RE.finditer(before):
        if intent.group().lstrip("وف") != "قد":
            return True
        after = (before[intent.end():] + " " + word).split()
        if after and _is_present(after[0]):  # "قد تحاول التقدم", "قد تتقدم": may
            return True
    return CONDITION_RE.search(folded, m.end(), m.end() + 80) is not None or \
        CONDITION_RE.search(before) is not None


#: Rule "since the start": "منذ بدء / مع انطلاق / منذ اندلاع" + a verbal noun dates the
#: clause by an earlier campaign; it tells no event of its own.
_SINCE_START_RE = re.compile(r"(?<![\w])(?:منذ|مع)\s+(?:بدء|بدايه|انطلاق|اندلاع)\s+$")


#: Rule "question": هل opening the trigger's clause, or a question mark closing it.
_QUESTION_WORD_RE = re.compile(r"(?<![\w])[وف]?هل(?![\w])[^،,.;:؛!؟]*$")
_QUESTION_END_RE = re.compile(r"[^،,.;:؛!؟]*؟")


def _in_question(folded: str, m: re.Match[str]) -> bool:
    """Whether the clause of a trigger is a question (rule "question"): no event is told.

    >>> text = "وهل تستطيع القوات استعاده المدينه؟"
    >>> _in_question(text, re.search("استعاده", text))
    True
    >>> text = "سيطرت القوات علي المدينه، فهل تصمد؟"
    >>> _in_question(text, re.search("سيطرت", text))
    False
    """
    return _QUESTION_WORD_RE.search(folded, max(0, m.start() - 80), m.start()) is not None \
        or _QUESTION_END_RE.match(folded, m.end()) is not None


def find_arabic_control(folded: str, places: Sequence[PlaceSpan],
                        actors: Sequence[ArabicActor],
                        original: str | None = None) -> list[ArabicControl]:
    """Return the control statements of one folded sentence, in order of their verbs.

    ``original`` is the sentence before folding (it tells ة from the pronoun ه).
    """
    out: list[ArabicControl] = []
    taken: set[tuple] = set()  # (place, action), and (place, action, actor) of conjuncts
    places = sorted(places, key=lambda p: p.start)
    claimed: list[tuple[int, int]] = []
    sieges: list[re.Match[str]] = []
    for rule, pattern, objects in _GATE.rules(folded):
        for m in _GATE.finditer(pattern, folded):
            if any(s <= m.start() < e for s, e in claimed):
                continue  # inside a longer trigger matched first ("تحت سيطره")
            if any(a.start <= m.start() < a.end for a in actors if a.kind == "name"):
                continue  # "هيئة تحرير الشام" names an actor: no "liberation" in it
            before = _before_trigger(folded, m.start(), actors)
            if NEGATION_RE.search(STILL_RE.sub(" ", before)) or _unreal(folded, m, before):
                claimed.append((m.start(), m.end()))
                continue  # "لم تسيطر", "نفت دخول", "تسعى إلى السيطرة": no claim of the event
            found = _statement(folded, rule, m, objects, places, actors, original)
            if rule.force_only:
                found = [st for st in found if _by_force(folded, m, st, places)]
            if not found and rule.action == "withdrew":
                found = _withdrawal_from_taken(folded, m, out, actors)
            if not found and rule.action == "besieged":
                sieges.append(m)  # perhaps the circumstance of another statement
            if not found:
                continue
            claimed.append((m.start(), m.end()))
            attempt = rule.voice == "active" and ATTEMPT_RE.search(before) is not None
            for st in found:
                if attempt and st.action in ("captured", "entered"):
                    st = ArabicControl("attacked", st.place, st.actor, st.start, st.end,
                                       st.trigger_start, st.rule)
                if (st.place.start, st.action) not in taken:
                    taken.add((st.place.start, st.action))
                    out.append(st)
                    for other in conjunct_statements(folded, st, actors):
                        if (other.place.start, other.action, other.actor) not in taken:
                            taken.add((other.place.start, other.action, other.actor))
                            out.append(other)
    for m in sieges:
        for st in _siege_as_circumstance(folded, m, out):
            if (st.place.start, st.action) not in taken:
                taken.add((st.place.start, st.action))
                out.append(st)
    return sorted(out, key=lambda s: (s.trigger_start, s.place.start))


