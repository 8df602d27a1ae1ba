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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from claims.arabic.actors import ArabicActor
from claims.arabic.clauses import (
    LIST_GLUE_RE,
    LOCATIVE_ACTIONS,
    locative_head,
    speaker_not_agent,
    strike_after,
)
from claims.arabic.control_lexicon import (
    ATTEMPT_RE,
    BY_RE,
    CIVILIANS_RE,
    CONDITION_RE,
    FROM_ACTOR_RE,
    INTENT_RE,
    NEGATION_RE,
    PAST_RE,
    RULES,
    STILL_RE,
    Rule,
)
from claims.arabic.prefilter import TriggerGate
from claims.arabic.text import is_blank

__all__ = ["ArabicControl", "PlaceSpan", "RULES", "Rule", "find_arabic_control", "is_locator",
           "is_trigger_word", "name_slots"]


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place recognized in the sentence (offsets in the sentence).

    ``ref`` is set when the span is a reference, not a name: the discourse noun it stands
    for ("city" for المدينة, "it" for the pronoun of عليها).
    """

    start: int
    end: int
    name: str
    ref: str | None = None


_RULE_RES = tuple(
    (rule, re.compile(rf"(?<![\w])[وفل]?(?:{rule.verb})(?![\w])"),
     re.compile(rf"[وفل]?(?:{rule.objects})") if rule.objects else None)
    for rule in RULES)
#: Only the rules whose trigger literals occur in a text are searched (the same matches).
_GATE = TriggerGate(_RULE_RES)
#: Most words allowed between the verb (or preposition) and the place it governs.
MAX_GAP_WORDS = 6
#: Words a negation or an attempt may stand before the trigger ("لم تتمكن من السيطرة").
NEGATION_REACH_WORDS = 3
#: Place nouns that may stand between a "fell" verb and its place (سقطت مدينة X).
_PLACE_NOUN_RE = re.compile(r"^(?:\s*(?:ال)?(?:مدين|بلد|قري|منطق|مديري|محافظ|ولاي|قاعد|"
                            r"مطار|ميناء|حي|مخيم|قضاء|ناحي)\S*)?\s*$")
#: Place nouns do not count in the gap ("مواقع في بلدة X").
_PLACE_NOUNS_RE = re.compile(r"(?<![\w])[وب]?(?:ال)?(?:مدين|بلد|قري|منطق|مديري|محافظ|ولاي|ناحي)\S*")
#: A pronoun for the place inside the gap after the preposition ("من مقر القيادة فيها").
_PRONOUN_IN_GAP_RE = re.compile(r"(?<![\w])(?:فيها|فيه|بها|داخلها)(?![\w])")
#: Actions told of a town when told of its surroundings ("قصف محيط X", "انسحبت من محيط X").
_NEAR_OK = frozenset({"attacked", "withdrew"})
#: "Near": an attack near a town is reported as one on it; a capture near it is not.
_NEAR_RE = re.compile(r"(?<![\w])(?:قرب|بالقرب\s+من|بمحيط)(?![\w])")  # محيط: clauses.locative_head
_COMPASS_RE = re.compile(r"شمال|جنوب|شرق|غرب")
_STOP_RE = re.compile(r"(?<![\w])(?:علي\s+بعد|بعد|قبل|حيث|فيما|بينما|شمال|جنوب|"
                      r"شرق|غرب|نحو|باتجاه|صوب)(?![\w])")
#: A clause boundary: a negation or attempt before it says nothing of the trigger.
_CLAUSE_RE = re.compile(r"[,،.;:؛]|(?<![\w])(?:و?بعد|و?قبل|حيث|فيما|بينما|ثم)(?![\w])"
                        r"(?!\s+ذلك)")
#: A pronoun attached to the preposition: "سيطروا عليها", "انسحبوا منه".
_PRONOUN_AFTER_PREP = re.compile(r"(?:ها|ه)(?![\w])")


@dataclass(frozen=True, slots=True)
class ArabicControl:
    """A control statement; offsets index the sentence."""

    action: str
    place: PlaceSpan
    actor: ArabicActor | None
    start: int
    end: int
    trigger_start: int
    rule: str = ""


def is_trigger_word(folded_word: str) -> bool:
    """Whether a word is a control trigger as a whole (حصار، قصف): a verb or verbal noun.

    Such a word is the statement, not its place, even when the gazetteer knows a village
    spelt the same way (a place noun before it still makes it a name: قرية حصار).

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
            for actor in actors:  # the subject between the verb and its object (VSO)
                if actor.start >= pos and is_blank(folded, pos, actor.start):
                    pos = actor.end
            word = _SLOT_WORD_RE.match(folded, pos)
            if word is None or _NOT_SLOT_RE.match(word["word"]) or len(word["word"]) < 3:
                continue
            span = (word.start("word"), word.end("word"))
            if span not in out:
                out.append(span)
    return sorted(out)


def is_locator(folded: str, span: PlaceSpan, previous: PlaceSpan | None) -> bool:
    """Tell whether a place only locates the one before it ("سراقب في ريف إدلب")."""
    lo = previous.end if previous is not None else max(0, span.start - 30)
    return previous is not None and _LOCATOR_RE.search(folded[lo:span.start]) is not None or \
        _DISTANCE_ANCHOR_RE.search(folded[max(0, span.start - 40):span.start]) is not None


#: The words before a distance's anchor: "على بعد 90 كيلومترا من طرابلس" locates only.
_DISTANCE_ANCHOR_RE = re.compile(r"(?:كم|كيلومتر\S*|ميلا|ميل|اميال|متر\S*)\s+(?:\S+\s+){0,2}?"
                                 r"(?:من|عن)?\s*(?:ال)?\S*$")
#: The words before a place that make it a locator of the place before it.
_LOCATOR_RE = re.compile(r"(?<![\w])(?:في\s+|ب)?(?:ريف|محافظه|ولايه|اقليم|قضاء|شمال|جنوب|"
                         r"شرق|غرب|شمالي|جنوبي|شرقي|غربي|قرب|وسط|ضواحي)\S*\s*$")


@lru_cache(maxsize=64)
def _prep_re(prep: str) -> re.Pattern[str]:
    """Return the regex of a rule's preposition as a whole word, or with a pronoun (عليها).

    A preposition is never the start of a longer word: الي (إلى) is not the start of اليوم.

    >>> bool(_prep_re("الي").search("تقدم المسلحون اليوم")), bool(_prep_re("علي").search("عليها"))
    (False, True)
    """
    return re.compile(rf"(?<![\w])(?:{prep})(?=(?:ها|ه)?(?![\w]))")


def _words(text: str) -> int:
    return len(text.split())


def _place_after(folded: str, pos: int, places: Sequence[PlaceSpan],
                 actors: Sequence[ArabicActor], prep_needed: bool,
                 near_ok: bool = False) -> PlaceSpan | None:
    for place in places:
        if place.start < pos:
            continue
        gap = folded[pos:place.start]
        for actor in actors:  # the subject may stand between verb and place (VSO)
            if actor.start >= pos and actor.end <= place.start:
                gap = gap.replace(folded[actor.start:actor.end], " ")
        stop = _STOP_RE.search(gap)
        if stop and near_ok and _COMPASS_RE.fullmatch(stop.group()):
            stop = None  # "هجمات على المواقع الروسية شمال باخموت": an attack on its outskirts
        if _words(_PLACE_NOUNS_RE.sub(" ", gap)) > MAX_GAP_WORDS or (
                not prep_needed and stop):
            return None
        if not near_ok and _NEAR_RE.search(gap):
            return None  # "took the oil field near Ubari" is not a claim on Ubari
        return place
    return None


def _listed(folded: str, first: PlaceSpan, places: Sequence[PlaceSpan]) -> list[PlaceSpan]:
    out = [first]
    if first.ref:
        return out
    for place in places:
        if place.ref:
            continue
        if place.start > out[-1].end and LIST_GLUE_RE.match(folded[out[-1].end:place.start]):
            out.append(place)
        elif place.start > out[-1].end:
            break
    return out


def _actor_near(actors: Sequence[ArabicActor], lo: int, hi: int) -> ArabicActor | None:
    inside = [a for a in actors if a.start >= lo and a.end <= hi]
    return inside[0] if inside else None


#: Nouns for what is struck (positions, gatherings, bases ...): an actor right after one is
#: the target, not the one acting ("قصفت الطائرات مواقع لقوات النظام": the regime was hit).
_TARGET_BEFORE_RE = re.compile(r"(?<![\w])(?:مواقع|موقعا|موقع|تجمعات|تجمعا|تجمع|مقرات|مقرا|"
                               r"مقر|ثكنات|اهدافا|"
                               r"تحصينات|معاقل|اليات|اهداف|نقاط|نقطه|دوريات|دوريه|قوافل|"
                               r"مخازن|منصات)(?:\s+عسكريه)?(?:\s+تابعه)?\s+$")


#: Words before a force that helps the subject ("بمساندة مقاتلين من العشائر"): not the actor.
_HELPER_BEFORE_RE = re.compile(r"(?<![\w])(?:بمسانده|بدعم(?:\s+من)?|بمشاركه|بغطاء(?:\s+من)?|"
                               r"باسناد(?:\s+من)?|الي\s+جانب)\s+$")


def _is_target(folded: str, actor: ArabicActor) -> bool:
    """Whether ``actor`` is named as the target of a strike (after :data:`_TARGET_BEFORE_RE`).

    >>> from claims.arabic.actors import find_arabic_actors
    >>> text = "قصفت طايرات مواقع لقوات حفتر"
    >>> _is_target(text, find_arabic_actors(text)[0])
    True
    """
    head = re.sub(r"[وفبل]{1,2}$", "", folded[max(0, actor.start - 40):actor.start])
    # "مواقع لقوات": the clitic is outside; a helper (بمساندة X) is no subject either
    return bool(_TARGET_BEFORE_RE.search(head) or _HELPER_BEFORE_RE.search(head))


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
    return " ".join(_ADVERB_RE.sub(" ", head).split()[-NEGATION_REACH_WORDS:])


#: Adverbs between a negation or a "may" and its verb: "قد تحاول بعد ذلك التقدم".
_ADVERB_RE = re.compile(r"(?<![\w])(?:بعد\s+ذلك|قبل\s+ذلك|ايضا|كذلك|مجددا|مره\s+اخري)(?![\w])")


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


def find_arabic_control(folded: str, places: Sequence[PlaceSpan],
                        actors: Sequence[ArabicActor],
                        original: str | None = None) -> list[ArabicControl]:
    """Return the control statements of one folded sentence, in order of their verbs.

    ``original`` is the sentence before folding (it tells ة from the pronoun ه).
    """
    out: list[ArabicControl] = []
    taken: set[tuple[int, str]] = set()
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
    for m in sieges:
        for st in _siege_as_circumstance(folded, m, out):
            if (st.place.start, st.action) not in taken:
                taken.add((st.place.start, st.action))
                out.append(st)
    return sorted(out, key=lambda s: (s.trigger_start, s.place.start))


def _by_force(folded: str, m: re.Match[str], st: ArabicControl,
              places: Sequence[PlaceSpan]) -> bool:
    """Whether a :attr:`Rule.force_only` statement is a force's, not civilians' (فر السكان).

    Place names are no people: "ود مدني" holds the word for civilian.
    """
    if st.actor is None or st.actor.kind == "generic" and st.actor.norm is None:
        return False
    lo = max(0, min(m.start(), st.actor.start) - 20)
    window = list(folded[lo:max(st.place.end, m.end())])
    for place in places:
        for i in range(max(place.start, lo), min(place.end, lo + len(window))):
            window[i - lo] = " "
    return CIVILIANS_RE.search("".join(window)) is None


#: A siege told as the circumstance of another statement: "بعد حصار استمر أسابيع",
#: "بعد أسابيع من الحصار", "إثر حصار دام".
_SIEGE_CIRCUMSTANCE_RE = re.compile(
    r"(?<![\w])(?:بعد|عقب|اثر|في\s+اعقاب)\s+(?:(?:\S+\s+){1,2}?من\s+)?$")


def _siege_as_circumstance(folded: str, m: re.Match[str],
                           out: Sequence[ArabicControl]) -> list[ArabicControl]:
    """"اقتحمت A المستشفى بعد حصار استمر أياما": the place of the statement was besieged.

    Only for a siege noun with no place of its own after a circumstance word
    (:data:`_SIEGE_CIRCUMSTANCE_RE`), and only when a statement before it in the sentence
    names a place. Who besieged is its actor when that actor took or entered the place;
    a force that withdrew may have been the besieger or the besieged: no actor.
    """
    if not re.match(r"(?:ال)?حصار", m.group()) or not _SIEGE_CIRCUMSTANCE_RE.search(
            folded, max(0, m.start() - 30), m.start()):
        return []
    before = [st for st in out if st.trigger_start < m.start() and st.action != "besieged"]
    if not before:
        return []
    last = before[-1]
    actor = last.actor if last.action in ("captured", "entered", "attacked") else None
    return [ArabicControl("besieged", last.place, actor, last.start, m.end(), m.start(),
                          "siege, circumstance")]


#: "بعد انسحاب", "وسط انسحاب", "إثر انسحاب": a withdrawal told as the circumstance of a
#: capture or an entry before it in the sentence.
_CIRCUMSTANCE_RE = re.compile(r"(?<![\w])(?:بعد|وسط|عقب|اثر|مع|في\s+اعقاب|اثناء)\s+$")


def _withdrawal_from_taken(folded: str, m: re.Match[str], out: Sequence[ArabicControl],
                           actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """"دخلت A مدينة X بعد انسحاب B" with no "من": B withdrew from X, the place just taken.

    Only for the verbal noun after a circumstance word (:data:`_CIRCUMSTANCE_RE`), and
    only when a capture or an entry earlier in the sentence names the place.
    """
    if not _CIRCUMSTANCE_RE.search(folded[max(0, m.start() - 20):m.start()]):
        return []
    taken = [st for st in out if st.action in ("captured", "entered")
             and st.trigger_start < m.start() and not st.place.ref]
    if not taken:
        return []
    actor = _actor_near([a for a in actors if not _is_target(folded, a)], m.end(),
                        m.end() + 60)
    if actor is None or actor.norm is None and actor.kind == "reference":
        return []
    place = taken[-1].place
    return [ArabicControl("withdrew", place, actor, m.start(), actor.end, m.start(),
                          "withdrawal, circumstance")]


def _object_pronoun(m: re.Match[str], objects: re.Pattern[str] | None,
                    original: str | None) -> PlaceSpan | None:
    """Return the object pronoun of a verb form as a place reference ("اقتحموها": stormed it).

    ه is only a pronoun where the original text writes ه (a folded ة is a verbal noun's
    ending: استعادة).
    """
    if objects is None or not objects.fullmatch(m.group()):
        return None
    end = m.end()
    size = 2 if m.group().endswith("ها") else 1
    if size == 1 and (original is None or original[end - 1] != "ه"):
        return None
    return PlaceSpan(end - size, end, m.group()[-size:], "it")


def _statement(folded: str, rule: Rule, m: re.Match[str], objects: re.Pattern[str] | None,
               places: Sequence[PlaceSpan], actors: Sequence[ArabicActor],
               original: str | None = None) -> list[ArabicControl]:
    start, end = m.start(), m.end()
    if rule.voice == "under":
        return _under(folded, rule, start, end, places, actors)
    if rule.voice == "expel":
        return _expel(folded, rule, start, end, places, actors)
    if rule.voice == "stronghold":
        return _stronghold(folded, rule, start, end, places, actors)
    place: PlaceSpan | None = None
    pronoun = _object_pronoun(m, objects, original)
    pos = end
    if place is None and rule.prep:
        prep = _prep_re(rule.prep).search(folded, end, end + 80)
        if prep is None:
            return []
        pron = _PRONOUN_AFTER_PREP.match(folded, prep.end())
        if pron is not None and (rule.prep == "من" or not _words(folded[end:prep.start()]) > 4):
            place = PlaceSpan(pron.start(), pron.end(), folded[pron.start():pron.end()], "it")
        elif re.match(r"(?![\w])", folded[prep.end():prep.end() + 1] or " "):
            pos = prep.end()
        else:
            return []
    if place is None:
        # the object may follow the subject (VSO): "دخل مسلحو X المناطق ... بما فيها Y"
        after_subject = max((a.end for a in actors if pos <= a.start <= pos + 30), default=pos)
        place = _among(folded, pos, places) or _among(folded, after_subject, places) or \
            _place_after(
            folded, pos, places, actors, rule.prep is not None, near_ok=rule.action in _NEAR_OK)
    if place is None and rule.prep:
        inside = _PRONOUN_IN_GAP_RE.search(folded, pos, pos + 60)
        if inside is not None and _words(folded[pos:inside.start()]) <= MAX_GAP_WORDS:
            place = PlaceSpan(inside.start() + 2 if inside.group().startswith("في") else
                              inside.start() + 1, inside.end(), inside.group(), "it")
    if place is None:
        place = pronoun  # "استعادوها": no place named after it, the pronoun is the place
    if place is None:
        return []
    after_pronoun = None
    if place.ref == "it" and (head := _relative_antecedent(folded, start, places)):
        place, after_pronoun = head, place.end  # the actor follows: "تسيطر عليها روسيا"
    if rule.voice == "fell" and not _PLACE_NOUN_RE.match(folded[end:place.start]):
        return []  # "سقطت قذائف على X": shells fell, the town did not
    listed = _listed(folded, place, places)
    acting = [a for a in actors if not _is_target(folded, a)]
    # the subject after the verb (VSO): inside a verb phrase that spans it ("شنت جماعة
    # الحوثي هجوما على"), else between the verb and the place
    actor = _actor_near(acting, start, end) or _actor_near(acting, end, place.start)
    if actor is None and after_pronoun is not None:  # not "استعادها من التنظيم": the loser
        actor = _actor_near([a for a in acting if not re.search(
            r"(?<![\w])من\s+$", folded[max(0, a.start - 6):a.start])],
            after_pronoun, after_pronoun + 60)
    last = listed[-1].end
    if actor is None and rule.action == "attacked":
        actor = strike_after(folded, last, acting)  # "تعرضت بلدة X لغارات روسية"
    if actor is None:
        by = BY_RE.search(folded, last, last + 40)
        if by is not None and _words(folded[last:by.start()]) <= 2:
            actor = _actor_near(actors, by.end(), by.end() + 60)
    if actor is None and rule.voice != "fell":
        earlier = [a for a in actors if a.end <= start
                   and not speaker_not_agent(folded, a, start, rule.action)]
        actor = earlier[-1] if earlier else None
    q_start = min(start, actor.start) if actor else start
    q_end = max(last, actor.end) if actor else last
    action = rule.action
    if action in LOCATIVE_ACTIONS and locative_head(folded[pos:place.start]):
        action = "advanced_towards"  # "سيطرت على تلال شمال الموصل": Mosul is reached, not taken
    out = [ArabicControl(action, p, actor, q_start, q_end, start, rule.name)
           for p in listed]
    loser = _taken_from(folded, last, actors) if rule.action == "captured" else None
    if loser is not None and (actor is None or loser.norm != actor.norm):
        out += [ArabicControl("lost", p, loser, q_start, max(q_end, loser.end), start,
                              f"{rule.name}, from") for p in listed]
    return out


def _taken_from(folded: str, last: int, actors: Sequence[ArabicActor]) -> ArabicActor | None:
    """Return the actor a place was taken from: "استعاد الجيش تدمر من داعش" (IS lost it)."""
    for actor in actors:
        if actor.start >= last and FROM_ACTOR_RE.match(folded[last:actor.start]):
            return actor
    return None


def _stronghold(folded: str, rule: Rule, start: int, end: int, places: Sequence[PlaceSpan],
                actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """Return "X، آخر معاقل حفتر": the actor after the noun holds X (adjacent, else first)."""
    actor = _actor_near(actors, end, end + 40)
    if actor is None or _words(folded[end:actor.start]) > 3:
        return []
    before = [p for i, p in enumerate(places) if p.end <= start and not p.ref
              and not is_locator(folded, p, places[i - 1] if i else None)]
    if not before:
        return []
    place = before[-1] if _words(folded[before[-1].end:start]) <= 2 else before[0]
    return [ArabicControl(rule.action, place, actor, place.start, actor.end, start, rule.name)]


#: A plural place noun as the object, its members named after "بينها" / "بما فيها" (one word
#: may come first, an adjective or the end of the subject): "دخلت قواته عدة قرى
#: في جنوب لبنان، بينها كفرشوبا ومرجعيون" (the listed places are the claim's).
_AMONG_RE = re.compile(r"\s*(?:[^\s،,.]+\s+)?(?:عده\s+|عددا\s+من\s+|عدد\s+من\s+)?"
                       r"(?:ال)?(?:قري|بلدات|مدن|مناطق|"
                       r"احياء|مواقع|قواعد)(?:\s+[^\s،,.]+){0,4}?\s*[،,]?\s*(?:من\s+)?"
                       r"(?:بينها|ابرزها|اهمها|منها|بما\s+فيها|بما\s+في\s+ذلك)\s+")


def _among(folded: str, pos: int, places: Sequence[PlaceSpan]) -> PlaceSpan | None:
    """Return the first place named after "بينها" when a plural place noun is the object."""
    m = _AMONG_RE.match(folded, pos)
    if m is None:
        return None
    return next((p for p in places if p.start >= m.end() and not p.ref
                 and _words(_PLACE_NOUNS_RE.sub(" ", folded[m.end():p.start])) == 0), None)


#: A relative clause opening right before a verb: "X، التي (لا تزال) ..." (X is its head).
_RELATIVE_RE = re.compile(r"[،,]?\s*(?:التي|الذي|اللتين|اللذين)\s+"
                          r"(?:(?:لا|ما)\s+(?:[يت]?زال\S*)\s+|(?:باتت|اصبحت|كانت)\s+)?$")


def _relative_antecedent(folded: str, start: int,
                         places: Sequence[PlaceSpan]) -> PlaceSpan | None:
    """Return the place a relative clause before ``start`` qualifies, if one heads it.

    "دونيتسك، التي تسيطر عليها القوات": the pronoun عليها is Donetsk, the place right
    before التي, not the sentence's first place.
    """
    m = _RELATIVE_RE.search(folded, max(0, start - 60), start)
    if m is None or m.end() != start:
        return None
    before = [p for p in places if p.end <= m.start() and not p.ref]
    if not before or folded[before[-1].end:m.start()].strip():
        return None
    head = before[-1]
    if len(before) > 1 and _LOCATOR_RE.search(folded[before[-2].end:head.start]):
        return before[-2]  # "برطلة شرق الموصل، التي": the clause is Bartella's
    return head


def _under(folded: str, rule: Rule, start: int, end: int, places: Sequence[PlaceSpan],
           actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """"X تحت سيطرة Y", "X الخاضعة لسيطرة Y": the place before, the actor after.

    The place may head a relative clause: "X، التي لا تزال تحت سيطرة Y".
    """
    head = _relative_antecedent(folded, start, places)
    before = [head] if head else [p for p in places if p.end <= start
                                  and _words(folded[p.end:start]) <= 3]
    if not before:
        return []
    place = before[-1]
    if _POSSESSIVE_END_RE.search(folded, start, end):  # "تحت سيطرتهم": the actor named before
        earlier = [a for a in actors if a.end <= place.start and not _is_target(folded, a)]
        actor = earlier[-1] if earlier else None
        return [ArabicControl(rule.action, place, actor, actor.start if actor else place.start,
                              end, start, rule.name)]
    actor = _actor_near(actors, end, end + 60)
    return [ArabicControl(rule.action, place, actor, place.start,
                          actor.end if actor else end, start, rule.name)]


#: A possessive on the verbal noun: "تحت سيطرتهم" (their control) names no actor after it.
_POSSESSIVE_END_RE = re.compile(r"سيطرت(?:ها|ه|هم)$")


def _expel(folded: str, rule: Rule, start: int, end: int, places: Sequence[PlaceSpan],
           actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """"طرد A B من X": A took X (captured), B withdrew from it."""
    prep = re.compile(rf"(?<![\w])(?:{rule.prep})(?=ها|ه|[^\w]|$)").search(folded, end, end + 80)
    if prep is None:
        return []
    place = _place_after(folded, prep.end(), places, actors, True)
    pron = _PRONOUN_AFTER_PREP.match(folded, prep.end())
    if place is None and pron is not None:  # "طردوهم منها": from it
        place = PlaceSpan(pron.start(), pron.end(), pron.group(), "it")
    if place is None:
        return []
    between = [a for a in actors if a.start >= end and a.end <= prep.start()]
    earlier = [a for a in actors if a.end <= start]
    if len(between) >= 2:
        subject, obj = between[0], between[1]
    else:
        subject = earlier[-1] if earlier else None
        if between and subject is None and _words(folded[between[0].end:prep.start()]) > 0:
            subject, obj = between[0], None  # "طرد الجيش المسلحين من": the object unnamed
        else:
            obj = between[0] if between else None
    listed = _listed(folded, place, places)
    last = listed[-1].end
    q_start = min([start, *(a.start for a in (subject, obj) if a is not None)])
    out = []
    for p in listed:
        out.append(ArabicControl("captured", p, subject, q_start, last, start, rule.name))
        out.append(ArabicControl("withdrew", p, obj, q_start, last, start, rule.name))
    return out
