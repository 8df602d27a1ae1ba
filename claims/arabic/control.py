"""Control statements in Arabic: who took, entered, besieged, shelled or left which place.

Each rule is named data (:data:`RULES`): the verb forms (past, present, passive, verbal
noun), the preposition that introduces the place (سيطر على, انسحب من, تقدم نحو) and the
action. Arabic is mostly verb-subject-object: "سيطرت قوات حفتر على سرت" names the actor
between the verb and the place; "قوات حفتر سيطرت على سرت" before the verb; the passive
"سقطت سرت بيد قوات حفتر" and "تحت سيطرة ..." after the place. A list of places joined by
و or a comma (على سرت والجفرة) gives one statement per place. Works on folded text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.arabic.actors import ArabicActor

__all__ = ["ArabicControl", "PlaceSpan", "RULES", "Rule", "find_arabic_control"]


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place recognized in the sentence (offsets in the sentence)."""

    start: int
    end: int
    name: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A control verb: its forms, the preposition before the place, the action, the voice.

    ``voice``: "active" (place after the verb), "fell" (سقطت X بيد Y: actor after the
    place), "under" (X تحت سيطرة Y: place before, actor after).
    """

    name: str
    verb: str
    prep: str | None
    action: str
    voice: str = "active"


_V = r"(?:ت|وا|ا|تا|ن)?"  # past-tense endings
_P = r"(?:ت|ي|ن)"  # present-tense prefixes
RULES: tuple[Rule, ...] = (
    Rule("held by", r"تحت\s+سيطره", None, "holds", "under"),
    Rule("fell to", r"سقط(?:ت)?", None, "captured", "fell"),
    Rule("control, passive", r"تمت?\s+السيطره", r"علي", "captured"),
    Rule("control, present", rf"{_P}سيطر(?:ون|ان)?", r"علي", "holds"),
    Rule("control", rf"سيطر{_V}|(?:ال|ب|بال)?سيطره|سيطرت(?:ها|هم|ه)|"
         rf"(?:بسط|احكم|انتزع){_V}\s+(?:ال)?(?:سيطرت?(?:ها|ه|هم)?|قبضت?(?:ها|ه|هم)?)|"
         rf"استولي{_V}|استول(?:ت|وا)|(?:ال|ب)?استيلاء", r"علي", "captured"),
    Rule("recapture", rf"استعاد{_V}|استرد{_V}|(?:ال)?استرداد|(?:ال|ب|بال)?استعاده|"
         rf"استعادت(?:ها|هم|ه)|استعيدت?|حرر{_V}|(?:ال)?تحرير",
         None, "captured"),
    Rule("storm", rf"اقتحم{_V}|(?:ال|ب|بال)?اقتحام|اجتاح{_V}|(?:ال)?اجتياح|توغل{_V}\s+في",
         None, "entered"),
    Rule("enter", rf"دخل{_V}|{_P}دخل(?:ون)?|(?:ال|ب)?دخول", None, "entered"),
    Rule("siege", rf"حاصر{_V}|{_P}حاصر(?:ون)?|حوصرت?|(?:ال)?حصار|طوق{_V}|{_P}طوق(?:ون)?|"
         rf"(?:فرض|احكم|اطبق){_V}\s+(?:ال)?(?:حصارا?|طوقا?)\s+علي",
         None, "besieged"),
    Rule("shelling", rf"قصف{_V}|{_P}قصف(?:ون)?|هاجم{_V}|{_P}هاجم(?:ون)?|استهدف{_V}|"
         rf"(?:شن|نفذ){_V}\s+(?:\S+\s+){{0,3}}?(?:هجوما|هجمات|غارات|غاره|ضربات)"
         rf"(?:\s+\S+)?\s+علي|"
         rf"تعرضت?(?=\s+(?:\S+\s+){{0,3}}?ل(?:قصف|هجوم|هجمات|غارات|غاره|ضربات|استهداف))",
         None, "attacked"),
    Rule("withdrawal", rf"انسحب{_V}|{_P}نسحب(?:ون)?|(?:ال|ب|بال)?انسحاب", r"من", "withdrew"),
    Rule("advance", rf"تقدم{_V}|(?:ي|ت|ن)تقدم(?:ون)?|(?:ال)?تقدم|زحف{_V}",
         r"نحو|باتجاه|صوب|الي|تجاه", "advanced_towards"),
    Rule("loss", rf"خسر{_V}|{_P}خسر(?:ون)?|(?:ال|ب)?خساره", None, "lost"),
)
_RULE_RES = tuple(
    (rule, re.compile(rf"(?<![\w])[وف]?(?:{rule.verb})(?![\w])")) for rule in RULES)
_BY_RE = re.compile(r"(?<![\w])(?:من\s+قبل|علي\s+يد|بيد|في\s+يد|بايدي|في\s+ايدي|في\s+قبضه|"
                    r"لصالح)")
#: Most words allowed between the verb (or preposition) and the place it governs.
MAX_GAP_WORDS = 5
_LIST_GAP_RE = re.compile(r"^\s*[،,]?\s*و?\s*(?:(?:مدين|بلد|قري|منطق|بلدات|مدن|قري)\S*\s+)?$")
#: "Near": an attack near a town is reported as one on it; a capture near it is not.
_NEAR_RE = re.compile(r"(?<![\w])(?:قرب|بالقرب\s+من|بمحيط|محيط)(?![\w])")
_STOP_RE = re.compile(r"(?<![\w])(?:علي\s+بعد|بعد|قبل|حيث|فيما|بينما|شمال|جنوب|"
                      r"شرق|غرب|نحو|باتجاه|صوب)(?![\w])")


@dataclass(frozen=True, slots=True)
class ArabicControl:
    """A control statement; offsets index the sentence."""

    action: str
    place: PlaceSpan
    actor: ArabicActor | None
    start: int
    end: int
    trigger_start: int


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
        if _words(gap) > MAX_GAP_WORDS or (not prep_needed and _STOP_RE.search(gap)):
            return None
        if not near_ok and _NEAR_RE.search(gap):
            return None  # "took the oil field near Ubari" is not a claim on Ubari
        return place
    return None


def _listed(folded: str, first: PlaceSpan, places: Sequence[PlaceSpan]) -> list[PlaceSpan]:
    out = [first]
    for place in places:
        if place.start > out[-1].end and _LIST_GAP_RE.match(folded[out[-1].end:place.start]):
            out.append(place)
        elif place.start > out[-1].end:
            break
    return out


def _actor_near(actors: Sequence[ArabicActor], lo: int, hi: int) -> ArabicActor | None:
    inside = [a for a in actors if a.start >= lo and a.end <= hi]
    return inside[0] if inside else None


def find_arabic_control(folded: str, places: Sequence[PlaceSpan],
                        actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """Return the control statements of one folded sentence, in order of their verbs."""
    out: list[ArabicControl] = []
    taken: set[tuple[int, str]] = set()
    places = sorted(places, key=lambda p: p.start)
    claimed: list[tuple[int, int]] = []
    for rule, pattern in _RULE_RES:
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e for s, e in claimed):
                continue  # inside a longer trigger matched first ("تحت سيطره")
            found = _statement(folded, rule, m, places, actors)
            if not found:
                continue
            claimed.append((m.start(), m.end()))
            for st in found:
                if (st.place.start, st.action) not in taken:
                    taken.add((st.place.start, st.action))
                    out.append(st)
    return sorted(out, key=lambda s: (s.trigger_start, s.place.start))


def _statement(folded: str, rule: Rule, m: re.Match[str], places: Sequence[PlaceSpan],
               actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    start, end = m.start(), m.end()
    if rule.voice == "under":
        before = [p for p in places if p.end <= start and _words(folded[p.end:start]) <= 3]
        if not before:
            return []
        place = before[-1]
        actor = _actor_near(actors, end, end + 60)
        return [ArabicControl(rule.action, place, actor, place.start,
                              actor.end if actor else end, start)]
    pos = end
    if rule.prep:
        prep = re.compile(rf"(?<![\w])(?:{rule.prep})(?![\w])").search(folded, end, end + 80)
        if prep is None:
            return []
        pos = prep.end()
    place = _place_after(folded, pos, places, actors, rule.prep is not None,
                         near_ok=rule.action == "attacked")
    if place is None:
        return []
    listed = _listed(folded, place, places)
    actor = _actor_near(actors, end, place.start)
    last = listed[-1].end
    if actor is None:
        by = _BY_RE.search(folded, last, last + 40)
        if by is not None and _words(folded[last:by.start()]) <= 2:
            actor = _actor_near(actors, by.end(), by.end() + 60)
    if actor is None and rule.voice != "fell":
        earlier = [a for a in actors if a.end <= start]
        actor = earlier[-1] if earlier else None
    q_start = min(start, actor.start) if actor else start
    q_end = max(last, actor.end) if actor else last
    return [ArabicControl(rule.action, p, actor, q_start, q_end, start) for p in listed]
