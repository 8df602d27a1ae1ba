"""Rule :data:`STOP_LISTED_MEMBER`: a list member that is also a common word is still a town.

Some towns are spelled as common words and stand on the recognizer's stop list (عين "eye,
spring", الباب "the door", بلد "country"): alone they are read as the word. In a list of
places a control verb governs ("بيحان وعسيلان وعين"، "منبج والباب وجرابلس"، "سامراء وبلد"),
the coordination makes such a member a place as much as the first one: it is kept when the
Arabic name index lists it as a populated place in the war's countries within
:data:`MEMBER_NEAR_KM` of the member before it (lists name neighbours), and the list ends
right after it (punctuation, the end, or one of :data:`LIST_END_WORDS`), so a compound that
goes on ("عين عيسى") or a noun phrase ("وعين الحقيقة") is never cut.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence

from gazetteer.context import fast_km
from gazetteer.model import Place

__all__ = ["LIST_END_WORDS", "MEMBER_NEAR_KM", "STOP_LISTED_MEMBER", "stop_listed_member"]

#: Rule name (trace of the mentions it makes).
STOP_LISTED_MEMBER = "arabic-stop-listed-member"
#: Most distance between a member and the member before it (km).
MEMBER_NEAR_KM = 150.0
#: Words (folded) that may follow the last member of a list: prepositions, compass words and
#: time words; anything else may still be part of a longer name or phrase.
LIST_END_WORDS: frozenset[str] = frozenset((
    "في", "من", "الي", "علي", "قرب", "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي",
    "شرقي", "غربي", "بعد", "خلال", "منذ", "امس", "اليوم", "بمحافظه", "بولايه", "بريف",
    "وسط", "بالكامل",
))
_NEXT_RE = re.compile(r"\s*(?P<punct>[،,.:;؛()؟!]|$)?(?P<word>[^\s،,.:;؛()؟!]+)?")


def _list_ends(folded: str, end: int) -> bool:
    """Whether the list ends right after ``end`` (punctuation, the end, a list-end word)."""
    m = _NEXT_RE.match(folded, end)
    return m is not None and (m["punct"] is not None or m["word"] is None
                              or m["word"] in LIST_END_WORDS)


def stop_listed_member(folded: str, start: int, end: int, previous: Place | None,
                       countries: Collection[str],
                       places_for: Callable[[str], Sequence[Place]]) -> Place | None:
    """Return the town a stop-listed list member at ``start:end`` names, or None.

    >>> ain = Place("1", "Ain", 14.85, 45.53, "PPL", "YE")
    >>> far = Place("2", "Al Ain", 24.2, 55.7, "PPL", "AE")
    >>> bayhan = Place("3", "Bayhan", 14.80, 45.72, "PPL", "YE")
    >>> text = "علي بيحان وعسيلان وعين في شبوه"
    >>> s = text.index("عين")
    >>> stop_listed_member(text, s, s + 3, bayhan, {"YE"}, lambda w: [far, ain]).name
    'Ain'
    >>> text = "علي بيحان وعين الماء"  # the phrase goes on: no member
    >>> stop_listed_member(text, 11, 14, bayhan, {"YE"}, lambda w: [ain]) is None
    True
    """
    if previous is None or not countries or not _list_ends(folded, end):
        return None
    near = [p for p in places_for(folded[start:end])
            if p.country_code in countries and p.feature_code.startswith("PPL")
            and fast_km(p.lat, p.lon, previous.lat, previous.lon) <= MEMBER_NEAR_KM]
    if not near:
        return None
    return min(near, key=lambda p: fast_km(p.lat, p.lon, previous.lat, previous.lon))
