"""Building control statements from one trigger, by the rule's voice.

Package-internal part of :mod:`claims.arabic.control`: the active verb with its place and
actor (:func:`_statement`), "X تحت سيطرة Y" (:func:`_under`), "طرد A B من X"
(:func:`_expel`), "X، آخر معاقل Y" (:func:`_stronghold`), a withdrawal or a siege told as
the circumstance of another statement, and the check that a flight is a force's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.arabic.actors import ArabicActor
from claims.arabic.clauses import (
    LOCATIVE_ACTIONS,
    locative_head,
    speaker_not_agent,
    strike_after,
)
from claims.arabic.control_lexicon import (
    BY_RE,
    CIVILIANS_RE,
    PLACE_SUBJECT_GAP_RE,
    PLACE_SUBJECT_RE,
    Rule,
)
from claims.arabic.control_slots import (
    MAX_GAP_WORDS,
    _actor_near,
    _among,
    _is_target,
    _listed,
    _place_after,
    _prep_re,
    _relative_antecedent,
    _taken_from,
    _words,
    is_locator,
)
from claims.arabic.control_types import ArabicControl, PlaceSpan

#: Place nouns that may stand between a "fell" verb and its place (سقطت مدينة X).
_PLACE_NOUN_RE = re.compile(r"^(?:\s*(?:ال)?(?:مدين|بلد|قري|منطق|مديري|محافظ|ولاي|قاعد|"
                            r"مطار|ميناء|حي|مخيم|قضاء|ناحي)\S*)?\s*$")


#: A pronoun for the place inside the gap after the preposition ("من مقر القيادة فيها").
_PRONOUN_IN_GAP_RE = re.compile(r"(?<![\w])(?:فيها|فيه|بها|داخلها)(?![\w])")


#: Actions told of a town when told of its surroundings ("قصف محيط X", "انسحبت من محيط X").
_NEAR_OK = frozenset({"attacked", "withdrew"})


#: A pronoun attached to the preposition: "سيطروا عليها", "انسحبوا منه".
_PRONOUN_AFTER_PREP = re.compile(r"(?:ها|ه)(?![\w])")


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
    first = _place_first(folded, m, places)
    if first is not None:
        return _place_subject(folded, rule, m, first, actors)
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
    if actor is None and place is pronoun:  # "وتسلمتها قوات النظام": the subject follows
        actor = next((a for a in acting if a.start >= end and not folded[end:a.start].strip()),
                     None)
    last = listed[-1].end
    if actor is None and rule.action == "attacked":
        actor = strike_after(folded, last, acting)  # "تعرضت بلدة X لغارات روسية"
    if actor is None:
        by = BY_RE.search(folded, last, last + 100)
        if by is not None and _words(_APPOSITION_RE.sub(" ", folded[last:by.start()])) <= 2 and \
                not _PRONOUN_AFTER_BY_RE.match(folded, by.end()):
            actor = _actor_near(actors, by.end(), by.end() + 60)
    if actor is None and rule.voice != "fell" and not _REPELLED_RE.search(
            folded, max(0, start - 40), start):
        earlier = [a for a in actors if a.end <= start and not _is_target(folded, a)
                   and not speaker_not_agent(folded, a, start, rule.action)]
        actor = earlier[-1] if earlier else None
        if len(earlier) >= 2 and _COORDINATED_RE.fullmatch(
                folded[earlier[-2].end:earlier[-1].start]):
            actor = earlier[-2]  # rule "first conjunct": "القوات التركية والفصائل ... سيطرت"
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


def _under(folded: str, rule: Rule, start: int, end: int, places: Sequence[PlaceSpan],
           actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """"X تحت سيطرة Y", "X الخاضعة لسيطرة Y": the place before, the actor after.

    The place may head a relative clause: "X، التي لا تزال تحت سيطرة Y", and a locator in
    apposition is not it (:func:`_unlocated`).
    """
    head = _relative_antecedent(folded, start, places)
    inside = [p for p in places if start < p.start and p.end <= end]  # "تخضع X لسيطرة"
    before = [head] if head else inside[:1] or [p for p in places if p.end <= start
                                                and _words(folded[p.end:start]) <= 3]
    if not before:
        return []
    place = _unlocated(folded, before[-1], places)
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
    # "طرد ... من بلدات عدة، بينها X وY": the towns listed (as for a verb's plural object)
    place = _among(folded, prep.end(), places) or _place_after(folded, prep.end(), places,
                                                               actors, True)
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



#: Rule "first conjunct": two forces joined by و before the verb; the first heads the
#: subject ("القوات التركية والفصائل الموالية لها سيطرت على عفرين": Turkey).
_COORDINATED_RE = re.compile(r"\s*و\s*")


#: Rule "each conjunct": what stands before the first of two forces joined by و that makes
#: them no joint subject ("اشتباكات بين الجيش والدعم السريع": two sides, not allies).
_BETWEEN_RE = re.compile(r"(?<![\w])(?:بين|ضد|مع)\s+$")


def conjunct_statements(folded: str, st: ArabicControl,
                        actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """Return the statement again for each force joined to its actor by و (rule "each conjunct").

    "سيطر الجيش المالي ومقاتلو فاغنر على كيدال"، "بعد انسحاب هيئة تحرير الشام والجبهة
    الوطنية للتحرير منها"، "سقطت على يد الجيش التركي والفصائل الموالية له": each force of
    the joint subject made the statement (one gold line per actor). Only forces with a
    norm other than the ones already given (a bare reference adds nobody), never a target
    or a helper, and not after "بين / ضد / مع" (two sides of a fight).
    """
    if st.actor is None or _BETWEEN_RE.search(folded, max(0, st.actor.start - 8),
                                              st.actor.start):
        return []
    out: list[ArabicControl] = []
    norms = {st.actor.norm}
    current = st.actor
    for actor in sorted(actors, key=lambda a: a.start):
        if actor.start < current.end:
            continue
        if not _COORDINATED_RE.fullmatch(folded[current.end:actor.start]) or \
                actor.norm is None or _is_target(folded, actor):
            break
        if actor.norm not in norms:
            norms.add(actor.norm)
            out.append(ArabicControl(st.action, st.place, actor, min(st.start, actor.start),
                                     max(st.end, actor.end), st.trigger_start,
                                     f"{st.rule}, conjunct"))
        current = actor
    return out


#: Rule "repelled": "تصدوا لمحاولة تقدم"، "صدت هجوما"، "أحبطت محاولة اقتحام": the force
#: before repelled the statement's agent; it is no fallback subject of it.
_REPELLED_RE = re.compile(r"(?<![\w])[وف]?(?:تصد|صد|احبط|[يت]تصد|[يت]صد|[يت]حبط)\S*\s+"
                          r"(?:\S+\s+){0,2}?$")


#: Rule "apposition before the agent": a phrase between commas right after the place
#: says what the place is and does not part it from "بيد" ("سقطت مدينة X، كبرى مدن الشمال،
#: بيد Y"): it does not count in the words allowed between them.
_APPOSITION_RE = re.compile(r"^\s*[،,][^،,.؛:]{1,60}[،,]")


#: Rule "their hands": a pronoun on the "by" phrase (بأيديهم، بيدها، في قبضتهم) names the
#: agent before, not the force after it ("سقطت بأيديهم بعد انسحاب الجيش": not the army).
_PRONOUN_AFTER_BY_RE = re.compile(r"(?:هم|ها|ه|هما)(?![\w])")


#: Most words between a place-first verb and the "by" of its agent ("سقطت مساء أمس بيد").
AGENT_REACH_WORDS = 4


def _place_first(folded: str, m: re.Match[str],
                 places: Sequence[PlaceSpan]) -> PlaceSpan | None:
    """Return the place written right before a verb whose subject it is (rule "place first").

    Only for the forms of :data:`PLACE_SUBJECT_RE` and only with nothing but "قد" between
    (:data:`PLACE_SUBJECT_GAP_RE`): "سراقب سقطت بيد ..."، "وكانت البلدة قد سقطت".
    """
    if not PLACE_SUBJECT_RE.fullmatch(m.group()):
        return None
    before = [p for p in places if p.end <= m.start()]
    if not before or not PLACE_SUBJECT_GAP_RE.fullmatch(folded[before[-1].end:m.start()]):
        return None
    return before[-1]


def _place_subject(folded: str, rule: Rule, m: re.Match[str], place: PlaceSpan,
                   actors: Sequence[ArabicActor]) -> list[ArabicControl]:
    """Return the statement of a place-first verb, its agent named after it or none.

    The agent only after "بيد"، "من قبل" ... or a strike phrase (لغارات روسية); never a
    force named before the place, most often the speaker ("قالت اليونيفيل إن مواقعها في
    الناقورة تعرضت لإطلاق نار").
    """
    end = m.end()
    acting = [a for a in actors if not _is_target(folded, a)]
    actor = None
    by = BY_RE.search(folded, end, end + 60)
    if by is not None and _words(folded[end:by.start()]) <= AGENT_REACH_WORDS:
        if _PRONOUN_AFTER_BY_RE.match(folded, by.end()):  # "سقطت بأيديهم": theirs, named before
            earlier = [a for a in acting if a.end <= place.start]
            actor = earlier[-1] if earlier else None
        else:
            actor = _actor_near(acting, by.end(), by.end() + 60)
    if actor is None and rule.action == "attacked":
        actor = strike_after(folded, end, acting)
    q_end = actor.end if actor else end
    return [ArabicControl(rule.action, place, actor, place.start, q_end, m.start(),
                          f"{rule.name}, place first")]



def _unlocated(folded: str, place: PlaceSpan, places: Sequence[PlaceSpan]) -> PlaceSpan:
    """Return the place ``place`` only locates (rule "locator, not holder"), else ``place``.

    "تلعفر، غرب الموصل، تحت سيطرة Y", "برطلة شرق الموصل تحت سيطرة Y": Y holds the first.
    """
    earlier = [p for p in places if p.end <= place.start and not p.ref]
    if earlier and is_locator(folded, place, earlier[-1]):
        return earlier[-1]
    return place
