"""Words of the text that call a place small and local: "the village of X", "X, a hamlet".

News names a place the gazetteer lacks with a word that says what kind of place it is:
"the village of Moura", "Karma, a farming village near Ouahigouya", "attacked Solhan
overnight ... The village lies in Yagha province". When the gazetteer's only reading of
that name is a town in a country the story never names, that word is the evidence the
text is about another, smaller place (:mod:`gazetteer.unresolved`, rule
``foreign-namesake-unresolved``).

The frame is read in a short window around the name: a small-place noun right before it
("the village of", "villages of X and Y") or soon after it ("X, a village", "X and two
nearby villages", "X overnight. The village ..."). The window is counted in characters
so that it stays within the clause or the next sentence's first words.
"""

from __future__ import annotations

import re

__all__ = [
    "FRAME_AFTER_CHARS",
    "FRAME_BEFORE_CHARS",
    "SMALL_PLACE_NOUNS",
    "small_place_frame",
]

#: Nouns that call a place small and local (singular and plural forms).
SMALL_PLACE_NOUNS: frozenset[str] = frozenset(
    "village villages hamlet hamlets settlement settlements locality localities kebele "
    "kebeles kampong hamlet's village's outpost outposts encampment homestead homesteads "
    "farmstead".split()
)
#: How far after the name (characters) a small-place noun still describes it.
FRAME_AFTER_CHARS = 60
#: How far before the name a small-place noun still describes it ("the village of").
FRAME_BEFORE_CHARS = 25

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’]*")
#: A noun before the name describes it only when "of" or a comma links them
#: ("the village of X", "in the hamlet, X"), or the name directly follows it.
_BEFORE_LINK_RE = re.compile(r"^\s*(?:of\s+|,\s*|\s)(?:the\s+)?$", re.IGNORECASE)


def _noun_after(text: str, end: int) -> str | None:
    window = text[end:end + FRAME_AFTER_CHARS]
    for match in _WORD_RE.finditer(window):
        word = match.group().lower()
        if word in SMALL_PLACE_NOUNS:
            return word
    return None


def _noun_before(text: str, start: int) -> str | None:
    window = text[max(0, start - FRAME_BEFORE_CHARS):start]
    words = list(_WORD_RE.finditer(window))
    for match in reversed(words):
        word = match.group().lower()
        if word in SMALL_PLACE_NOUNS and _BEFORE_LINK_RE.match(window[match.end():]):
            return word
    return None


def small_place_frame(text: str, start: int, end: int) -> str | None:
    """Return the small-place noun that describes the name at ``text[start:end]``, or None.

    >>> small_place_frame("the village of Moura was raided", 15, 20)
    'village'
    >>> small_place_frame("Karma, a farming village near Ouahigouya", 0, 5)
    'village'
    >>> small_place_frame("A Marine from Tullahoma was wounded in Helmand", 14, 23) is None
    True
    """
    return _noun_before(text, start) or _noun_after(text, end)
