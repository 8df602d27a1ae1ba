"""Finding a control statement's place and actor around its trigger, in folded Arabic.

Package-internal helpers of :mod:`claims.arabic.control` and
:mod:`claims.arabic.control_voices`: the place a verb governs within a gap of a few words
(:func:`_place_after`), the places listed after it (بلدتي X وY), the members of a plural
object (بينها X), the head of a relative clause (X، التي تسيطر عليها), a locator place
(سراقب في ريف إدلب) that is no claim of its own, and actors that are targets or helpers
rather than the subject (مواقع لقوات حفتر، بدعم من).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from claims.arabic.actors import ArabicActor
from claims.arabic.clauses import LIST_GLUE_RE
from claims.arabic.control_lexicon import FROM_ACTOR_RE
from claims.arabic.control_types import PlaceSpan

#: Most words allowed between the verb (or preposition) and the place it governs.
MAX_GAP_WORDS = 6


#: Place nouns do not count in the gap ("مواقع في بلدة X").
_PLACE_NOUNS_RE = re.compile(r"(?<![\w])[وب]?(?:ال)?(?:مدين|بلد|قري|منطق|مديري|محافظ|ولاي|ناحي)\S*")


#: "Near": an attack near a town is reported as one on it; a capture near it is not.
_NEAR_RE = re.compile(r"(?<![\w])(?:قرب|بالقرب\s+من|بمحيط)(?![\w])")  # محيط: clauses.locative_head


#: Rule "offshore": "قبالة (سواحل) X" places a ship or a strike at sea off X.
_OFFSHORE_RE = re.compile(r"(?<![\w])(?:قباله|سواحل|ساحل|المياه\s+الاقليميه)(?![\w])")
_COMPASS_RE = re.compile(r"شمال|جنوب|شرق|غرب")


#: Rule "time adverbial": "قبل أسابيع"، "بعد ساعات"، "منذ يومين" between a verb and its
#: object tell when, not a new clause: "استعادت القوات قبل أسابيع مدينة X" (the
#: :data:`_STOP_RE` words قبل and بعد only end the object when they open a clause).
_TIME_ADVERB_RE = re.compile(r"(?<![\w])(?:قبل|بعد|منذ)\s+(?:\S+\s+)?(?:ساعات|ساعه|ساعتين|ايام|"
                             r"يومين|يوم|اسابيع|اسبوع|اسبوعين|اشهر|شهور|شهر|شهرين|اعوام|"
                             r"عام|عامين|سنوات|سنه|سنتين|دقايق)(?![\w])(?!\s+من)")

_STOP_RE = re.compile(r"(?<![\w])(?:علي\s+بعد|بعد|قبل|حيث|فيما|بينما|شمال|جنوب|"
                      r"شرق|غرب|نحو|باتجاه|صوب)(?![\w])")


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
        stop = _STOP_RE.search(_TIME_ADVERB_RE.sub(" ", gap))
        if stop and near_ok and _COMPASS_RE.fullmatch(stop.group()):
            stop = None  # "هجمات على المواقع الروسية شمال باخموت": an attack on its outskirts
        if _words(_PLACE_NOUNS_RE.sub(" ", gap)) > MAX_GAP_WORDS or (
                not prep_needed and stop):
            return None
        if not near_ok and _NEAR_RE.search(gap):
            return None  # "took the oil field near Ubari" is not a claim on Ubari
        if _OFFSHORE_RE.search(gap):
            return None  # "استهدفوا سفينة قبالة الحديدة": a ship off the town, not the town
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
#: Rule "backed by" (مدعومين من رواندا، المدعومة من إيران): the backer is no subject either.
_HELPER_BEFORE_RE = re.compile(r"(?<![\w])(?:بمسانده|بدعم(?:\s+من)?|بمشاركه|بغطاء(?:\s+من)?|"
                               r"باسناد(?:\s+من)?|الي\s+جانب|"
                               r"(?:ال)?مدعوم(?:ه|ين|ون|ا|تين)?\s+من)\s+$")


#: Rule "victims": a force counted as killed or wounded is no one acting ("وقتل عشرات
#: الجنود الماليين في هجوم على ...": the soldiers were attacked).
_VICTIMS_BEFORE_RE = re.compile(r"(?<![\w])[وف]?(?:قتل|مقتل|اصيب|اصابه|جرح|اسر|اسقاط)\s+"
                                r"(?:\S+\s+){0,2}?$")


def _is_target(folded: str, actor: ArabicActor) -> bool:
    """Whether ``actor`` is named as the target of a strike (after :data:`_TARGET_BEFORE_RE`).

    >>> from claims.arabic.actors import find_arabic_actors
    >>> text = "قصفت طايرات مواقع لقوات حفتر"
    >>> _is_target(text, find_arabic_actors(text)[0])
    True
    """
    head = re.sub(r"[وفبل]{1,2}$", "", folded[max(0, actor.start - 40):actor.start])
    # "مواقع لقوات": the clitic is outside; a helper (بمساندة X) is no subject either
    return bool(_TARGET_BEFORE_RE.search(head) or _HELPER_BEFORE_RE.search(head)
                or _VICTIMS_BEFORE_RE.search(head))


def _taken_from(folded: str, last: int, actors: Sequence[ArabicActor]) -> ArabicActor | None:
    """Return the actor a place was taken from: "استعاد الجيش تدمر من داعش" (IS lost it)."""
    for actor in actors:
        if actor.start >= last and FROM_ACTOR_RE.match(folded[last:actor.start]):
            return actor
    return None


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

