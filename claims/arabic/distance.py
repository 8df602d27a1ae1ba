"""Distance statements in Arabic: "على بعد 100 كيلومتر جنوب طرابلس", "تبعد نحو 50 كم عن سرت".

Three frames, each a rule of its own (:data:`FRAMES` names them):

- ``amount-anchor``: an amount (:mod:`claims.arabic.numbers`) followed by an optional
  direction (شمال, جنوب شرق, الشمال الغربي, شمالي ...) and a preposition (من, عن, داخل,
  حول) or the direction itself, then the anchor: the first place recognized after it, or
  the pronoun of "منها"/"عنه" (a reference the discourse resolves);
- ``anchor-amount``: the verb of distance with its anchor first, "تبعد الرمادي عن بغداد
  قرابة 110 كيلومترات", "لا يبعد عن المطار سوى كيلومترين";
- ``direction-anchor-amount``: the direction and anchor first, the amount after ب:
  "تقع البلدة جنوب حلب بنحو 20 كيلومترا";
- ``between``: "المسافة بين حلب وإدلب 60 كيلومترا" (the first place is the subject).

The subject is the nearest place before the amount (the anchor, in ``anchor-amount``), or
an actor, read by :mod:`claims.arabic.extract`. Works on folded text; marks (tanween in
"كيلومترًا") are read through (:func:`claims.arabic.text.without_marks`).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from claims.arabic.control import PlaceSpan
from claims.arabic.numbers import ArabicAmount, find_arabic_amounts
from claims.arabic.text import without_marks

__all__ = ["ArabicDistance", "DIRECTION_WORDS", "FRAMES", "find_arabic_distances",
           "parse_direction"]

_Span = TypeVar("_Span", ArabicAmount, PlaceSpan)

#: The frames a distance statement is read in (the ``frame`` of :class:`ArabicDistance`).
FRAMES: tuple[str, ...] = ("amount-anchor", "anchor-amount", "direction-anchor-amount",
                           "between")

#: Compass words (folded, without the article and the adjective ending) -> English.
DIRECTION_WORDS: dict[str, str] = {"شمال": "north", "جنوب": "south", "شرق": "east",
                                   "غرب": "west"}
_D = r"(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|يا|ا|يه)?"
_DIR_RE = re.compile(rf"\s*(?:الي\s+)?(?P<dir>{_D}(?:\s+{_D})?)(?![\w])(?:\s+(?:من|عن))?")
_PREP_RE = re.compile(r"\s*(?:بعيدا\s+)?(?:من|عن|خارج|داخل|قباله?|الي|حول)(?![\w])")
#: The preposition with the anchor as its pronoun: "على بعد 10 كيلومترات منها".
_PRONOUN_PREP_RE = re.compile(r"\s*(?:من|عن)(?P<pron>ها|ه)(?![\w])")
#: The verb of distance (or of separation) before its anchor: "تبعد (مدينة الرمادي) عن",
#: "لا يبعد عنها سوى", "يفصلها عن دمشق".
_VERB_ANCHOR_RE = re.compile(r"(?<![\w])[وف]?(?:ي|ت)(?:بعد|فصل)(?:ها|ه|هما|ان|ون)?(?![\w])"
                             r"(?:\s+\S+){0,4}?\s+(?:عن|من)(?P<pron>ها|ه)?(?![\w])")
#: Words the verb may stand before its amount ("تبعد عن دمشق [مسافة] نحو 40 كم").
MAX_VERB_REACH_WORDS = 8
#: "المسافة بين X وY".
_BETWEEN_RE = re.compile(r"(?<![\w])(?:(?:ال)?مسافه\s+(?:الفاصله\s+)?|[وف]?(?:ي|ت)فصل\s+)"
                         r"بين\s+")
#: "على مسافة 60 كيلومترا بين حلب وإدلب": the pair right after the amount.
_BETWEEN_AFTER_RE = re.compile(r"\s*(?:ما\s+)?بين\s+")
#: Heads of things that are not the place named after them: a distance "من مبنى البلدية في
#: غزة", "من السياج الحدودي قرب عفرين", "من الحدود مع تركيا", "من ملتقى نهري" is to the
#: building, the fence, the border or the river, never to the town (folded, without ال).
NOT_ANCHOR_WORDS: frozenset[str] = frozenset({
    "مبني", "مباني", "مقر", "سياج", "جدار", "ملتقي", "نهر", "نهري", "ضفه", "ضفاف", "مجري",
    "حدود", "الحدود", "طريق", "خط", "خطوط", "شريط", "بحيره", "سور",
})
#: A direction right before the anchor (a place noun between): "جنوب (مدينة) حلب".
_DIR_BEFORE_RE = re.compile(rf"(?<![\w])(?P<dir>{_D}(?:\s+{_D})?)\s+"
                            r"(?:(?:ال)?(?:مدينه|بلده|العاصمه|قريه)\s+(?:ال\w+(?:ي|يه)\s+)?)?$")
#: Between that anchor and the amount: "ب" (بنحو، بـ 20) or "بمسافة".
_BY_AMOUNT_RE = re.compile(r"\s+ب(?:\s*مسافه\s+|\s+)?")
#: Most words between the unit (and direction) and the anchor name ("مدينه", "العاصمه").
MAX_ANCHOR_GAP = 2
#: An adjective with the article ending in -ي/-يه (الليبيه، اليمني، السودانيه).
_ADJECTIVE_RE = re.compile(r"ال\w+(?:ي|يه)")


@dataclass(frozen=True, slots=True)
class ArabicDistance:
    """A distance statement; offsets index the sentence."""

    amount: ArabicAmount
    direction: str | None
    anchor: PlaceSpan
    subject: PlaceSpan | None
    start: int
    end: int
    frame: str = "amount-anchor"


def parse_direction(words: str) -> str | None:
    """Return the English compass direction of folded Arabic direction words.

    >>> parse_direction("جنوب شرق"), parse_direction("الشمال الغربي"), parse_direction("غربا")
    ('south-east', 'north-west', 'west')
    """
    parts = []
    for word in words.split():
        stem = word[2:] if word.startswith("ال") else word
        for key, value in DIRECTION_WORDS.items():
            if stem.startswith(key):
                parts.append(value)
                break
    if not parts:
        return None
    if len(parts) == 2 and parts[0] in ("east", "west"):
        parts.reverse()  # "شرق شمال" is rare; English writes north-east
    return "-".join(parts[:2])


def find_arabic_distances(folded: str, places: Sequence[PlaceSpan]) -> list[ArabicDistance]:
    """Return the distance statements of one folded sentence (offsets in ``folded``)."""
    bare, index = without_marks(folded)
    if len(bare) == len(folded):
        return _distances(folded, sorted(places, key=lambda p: p.start))
    to_bare = [bisect_left(index, i) for i in range(len(folded) + 1)]
    back: dict[tuple[int, int], PlaceSpan] = {}
    for p in places:
        back[(to_bare[p.start], to_bare[p.end])] = p
    moved = sorted((replace(p, start=s, end=e) for (s, e), p in back.items()),
                   key=lambda p: p.start)
    out = []
    for st in _distances(bare, moved):
        out.append(replace(st, amount=_unmarked(st.amount, index),
                           anchor=back.get((st.anchor.start, st.anchor.end))
                           or _unmarked(st.anchor, index),
                           subject=back.get((st.subject.start, st.subject.end))
                           if st.subject else None,
                           start=index[st.start], end=index[st.end - 1] + 1))
    return out


def _unmarked(span: _Span, index: list[int]) -> _Span:
    """``span`` with offsets of the text with marks (``index`` from :func:`without_marks`)."""
    return replace(span, start=index[span.start], end=index[span.end - 1] + 1)


def _distances(folded: str, places: list[PlaceSpan]) -> list[ArabicDistance]:
    """:func:`find_arabic_distances` on text without marks, places sorted."""
    out: list[ArabicDistance] = []
    for amount in find_arabic_amounts(folded):
        st = _amount_anchor(folded, amount, places) or _anchor_amount(folded, amount, places) \
            or _direction_anchor_amount(folded, amount, places) or _between(folded, amount, places)
        if st is not None:
            out.append(st)
    return out


def _amount_anchor(folded: str, amount: ArabicAmount,
                   places: list[PlaceSpan]) -> ArabicDistance | None:
    """Rule ``amount-anchor``: "على بعد 100 كيلومتر جنوب طرابلس", "15 كم منها"."""
    pos, direction = amount.end, None
    match = _DIR_RE.match(folded, pos)
    if match:
        direction = parse_direction(match.group("dir"))
        pos = match.end()
    pron = _PRONOUN_PREP_RE.match(folded, match.end("dir") if match else pos)
    if pron is not None:  # "على بعد 10 كيلومترات (إلى الشمال) منها"
        anchor = PlaceSpan(pron.start("pron"), pron.end("pron"), pron["pron"], "it")
        return ArabicDistance(amount, direction, anchor, _last_before(places, amount.start),
                              amount.start, anchor.end)
    if not match:
        prep = _PREP_RE.match(folded, pos)
        if prep is None:
            return _pair_after(folded, amount, places)
        pos = prep.end()
    anchor = next((p for p in places if p.start >= pos), None)
    if anchor is None or not _anchor_gap(folded[pos:anchor.start]) \
            or not _anchor_gap(folded[anchor.start:anchor.end]):
        return None
    return ArabicDistance(amount, direction, anchor, _last_before(places, amount.start),
                          amount.start, anchor.end)


def _anchor_gap(words: str) -> bool:
    """Whether the words between a preposition and a place let the place be the anchor.

    An adjective of the article (العاصمه الليبيه) does not count to :data:`MAX_ANCHOR_GAP`.

    >>> _anchor_gap(" وسط "), _anchor_gap(" مبني البلديه في "), _anchor_gap(" الحدود مع ")
    (True, False, False)
    >>> _anchor_gap(" وسط العاصمه الليبيه "), _anchor_gap(" منزله القديم في ")
    (True, False)
    """
    split = words.split()
    counted = [w for w in split if not _ADJECTIVE_RE.fullmatch(w)]
    return len(counted) <= MAX_ANCHOR_GAP and not any(_not_anchor_head(w) for w in split)


def _not_anchor_head(word: str) -> bool:
    """Whether a folded word (a clitic و/ب and the article aside) is in NOT_ANCHOR_WORDS."""
    forms = {word, word[1:]} if word[:1] in ("و", "ب") else {word}
    return any(f in NOT_ANCHOR_WORDS or f.removeprefix("ال") in NOT_ANCHOR_WORDS for f in forms)


def _anchor_amount(folded: str, amount: ArabicAmount,
                   places: list[PlaceSpan]) -> ArabicDistance | None:
    """Rule ``anchor-amount``: "تبعد مدينة الرمادي عن بغداد قرابة 110 كيلومترات"."""
    window_start = max(0, amount.start - 120)
    verbs = [m for m in _VERB_ANCHOR_RE.finditer(folded, window_start, amount.start)
             if len(folded[m.end():amount.start].split()) <= MAX_VERB_REACH_WORDS]
    if not verbs:
        return None
    verb = verbs[-1]
    pos = verb.end()
    if verb["pron"]:  # "لا يبعد عنها سوى كيلومترين": the place named before
        anchor = PlaceSpan(verb.start("pron"), verb.end("pron"), verb["pron"], "it")
        return ArabicDistance(amount, None, anchor, _last_before(places, verb.start()),
                              verb.start(), amount.end, "anchor-amount")
    anchor = next((p for p in places if p.start >= pos), None)
    if anchor is None or anchor.end > amount.start \
            or not _anchor_gap(folded[pos:anchor.start]) \
            or len(folded[anchor.end:amount.start].split()) > MAX_ANCHOR_GAP:
        return None
    return ArabicDistance(amount, None, anchor, _last_before(places, anchor.start),
                          verb.start(), amount.end, "anchor-amount")


def _direction_anchor_amount(folded: str, amount: ArabicAmount,
                             places: list[PlaceSpan]) -> ArabicDistance | None:
    """Rule ``direction-anchor-amount``: "تقع البلدة جنوب حلب بنحو 20 كيلومترا"."""
    anchor = _last_before(places, amount.start)
    if anchor is None or not _BY_AMOUNT_RE.fullmatch(folded, anchor.end, amount.start):
        return None
    match = _DIR_BEFORE_RE.search(folded, max(0, anchor.start - 40), anchor.start)
    if match is None:
        return None
    return ArabicDistance(amount, parse_direction(match["dir"]), anchor,
                          _last_before(places, match.start()), match.start("dir"), amount.end,
                          "direction-anchor-amount")


def _between(folded: str, amount: ArabicAmount,
             places: list[PlaceSpan]) -> ArabicDistance | None:
    """Rule ``between``: "المسافة بين حلب وإدلب 60 كيلومترا" (subject حلب, anchor إدلب)."""
    frames = [m for m in _BETWEEN_RE.finditer(folded, max(0, amount.start - 120), amount.start)]
    if not frames:
        return None
    frame = frames[-1]
    pair = _pair(folded, frame.end(), places)
    if pair is None or pair[1].end > amount.start \
            or len(folded[pair[1].end:amount.start].split()) > MAX_ANCHOR_GAP + 1:
        return None
    return ArabicDistance(amount, None, pair[1], pair[0], frame.start(), amount.end, "between")


def _pair_after(folded: str, amount: ArabicAmount,
                places: list[PlaceSpan]) -> ArabicDistance | None:
    """Rule ``between``, the pair after the amount: "مسافة 60 كيلومترا بين حلب وإدلب"."""
    frame = _BETWEEN_AFTER_RE.match(folded, amount.end)
    pair = _pair(folded, frame.end(), places) if frame else None
    if pair is None:
        return None
    return ArabicDistance(amount, None, pair[1], pair[0], amount.start, pair[1].end, "between")


def _pair(folded: str, pos: int, places: list[PlaceSpan]) -> tuple[PlaceSpan, PlaceSpan] | None:
    """Return the two places "X وY" starting at ``pos``, or None."""
    first = next((p for p in places if p.start == pos), None)
    if first is None:
        return None
    second = next((p for p in places if p.start > first.end
                   and re.fullmatch(r"\s*و\s*", folded[first.end:p.start])), None)
    return None if second is None else (first, second)


def _last_before(places: list[PlaceSpan], pos: int) -> PlaceSpan | None:
    """Return the last place ending at or before ``pos`` (None: none does)."""
    before = [p for p in places if p.end <= pos]
    return before[-1] if before else None
