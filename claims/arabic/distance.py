"""Distance statements in Arabic: "على بعد 100 كيلومتر جنوب طرابلس", "تبعد نحو 50 كم عن سرت".

An amount (:mod:`claims.arabic.numbers`) followed, within a few words, by an optional
direction (شمال, جنوب شرق, الشمال الغربي, شمالي ...) and a preposition (من, عن) or the
direction itself, then the anchor: the first place recognized after it. The subject is
the nearest place before the amount (or an actor, read by :mod:`claims.arabic.extract`).
Works on folded text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from claims.arabic.control import PlaceSpan
from claims.arabic.numbers import ArabicAmount, find_arabic_amounts

__all__ = ["ArabicDistance", "DIRECTION_WORDS", "find_arabic_distances", "parse_direction"]

#: Compass words (folded, without the article and the adjective ending) -> English.
DIRECTION_WORDS: dict[str, str] = {"شمال": "north", "جنوب": "south", "شرق": "east",
                                   "غرب": "west"}
_D = r"(?:ال)?(?:شمال|جنوب|شرق|غرب)(?:ي|يا|ا|يه)?"
_DIR_RE = re.compile(rf"\s*(?:الي\s+)?(?P<dir>{_D}(?:\s+{_D})?)(?![\w])(?:\s+(?:من|عن))?")
_PREP_RE = re.compile(r"\s*(?:بعيدا\s+)?(?:من|عن|خارج|داخل|قبال|الي)(?![\w])")
#: Most words between the unit (and direction) and the anchor name ("مدينه", "العاصمه").
MAX_ANCHOR_GAP = 2


@dataclass(frozen=True, slots=True)
class ArabicDistance:
    """A distance statement; offsets index the sentence."""

    amount: ArabicAmount
    direction: str | None
    anchor: PlaceSpan
    subject: PlaceSpan | None
    start: int
    end: int


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
    """Return the distance statements of one folded sentence."""
    out: list[ArabicDistance] = []
    places = sorted(places, key=lambda p: p.start)
    for amount in find_arabic_amounts(folded):
        pos, direction = amount.end, None
        match = _DIR_RE.match(folded, pos)
        if match:
            direction = parse_direction(match.group("dir"))
            pos = match.end()
        else:
            prep = _PREP_RE.match(folded, pos)
            if prep is None:
                continue
            pos = prep.end()
        anchor = next((p for p in places if p.start >= pos), None)
        if anchor is None or len(folded[pos:anchor.start].split()) > MAX_ANCHOR_GAP:
            continue
        before = [p for p in places if p.end <= amount.start]
        subject = before[-1] if before else None
        out.append(ArabicDistance(amount, direction, anchor, subject, amount.start, anchor.end))
    return out
