"""Words a control claim must never carry as its place: dates, common nouns, rivers.

A claim's place is a resolved toponym or a reference resolved to one. The extractor reads
capitalized runs as candidate places, so a sentence-initial "Fighting", a date such as
"Nov. 9" or a river ("crossed the Dnieper") can reach a claim; each rule below names one
such kind, with an example, and :func:`not_a_place` applies them in order.

>>> not_a_place("Nov. 9", None), not_a_place("Fighting", None)
('date', 'common noun')
>>> not_a_place("Kidal", None) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from gazetteer.model import Place

__all__ = ["NOT_PLACE_RULES", "NotPlaceRule", "not_a_place"]

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
_DATE = re.compile(
    rf"^(?:{_MONTH}\.?(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}\.?(?:\s+\d{{4}})?|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Ramadan|Eid(?:\s+al-\w+)?)$")

#: Capitalized words that open news sentences and are no place ("Fighting broke out").
COMMON_NEWS_NOUNS = frozenset({
    "fighting", "clashes", "shelling", "heavy", "residents", "witnesses", "sources", "officials",
    "troops", "forces", "fighters", "rebels", "militants", "civilians", "aid", "reports",
    "airstrikes", "strikes", "battles", "attacks", "violence", "government", "army", "military",
    "meanwhile", "earlier", "later", "today", "yesterday", "tonight", "overnight", "humanitarian",
    "ceasefire", "talks", "state", "media", "spokesman", "spokeswoman", "analysts", "monitors",
})

#: GeoNames feature codes of water courses: a river is a line to cross, never a place taken.
_WATERCOURSE = ("STM", "CNL", "WAD")


@dataclass(frozen=True, slots=True)
class NotPlaceRule:
    """One kind of word that is not a claim's place: name, example, test."""

    name: str
    example: str
    applies: Callable[[str, Place | None], bool]


def _is_date(text: str, _place: Place | None) -> bool:
    return bool(_DATE.match(text.strip()))


def _is_common_noun(text: str, place: Place | None) -> bool:
    word = text.strip()
    if place is not None or " " in word:
        return False
    return word.lower() in COMMON_NEWS_NOUNS or (word.lower().endswith("ing") and len(word) > 5)


def _is_watercourse(text: str, place: Place | None) -> bool:
    if re.search(r"\b(?:River|Stream|Canal|Wadi)$", text.strip()):
        return True
    return place is not None and (place.feature_code or "").startswith(_WATERCOURSE)


#: The rules, in the order they are tried.
NOT_PLACE_RULES: tuple[NotPlaceRule, ...] = (
    NotPlaceRule("date", "Fighting broke out on Nov. 9", _is_date),
    NotPlaceRule("common noun", "Fighting raged overnight (unresolved -ing word)", _is_common_noun),
    NotPlaceRule("watercourse", "troops crossed the Dnieper River", _is_watercourse),
)


def not_a_place(text: str | None, place: Place | None) -> str | None:
    """Return the name of the rule by which ``text`` is no place for a claim, or None.

    ``place`` is the gazetteer's reading of ``text`` (None when unresolved).
    """
    if not text:
        return "empty"
    for rule in NOT_PLACE_RULES:
        if rule.applies(text, place):
            return rule.name
    return None
