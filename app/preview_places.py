"""Which places the upload preview lists, in which order: places claims use first.

The geoparser finds every name that could be a place; an analyst checking an article needs
the few its claims stand on. :func:`sort_places` splits the mention groups into the places
the claims use, the other places (shown folded) and names that are probably not places at
all, each with the reason: part of an organisation's name ("Rapid" in "Rapid Support
Forces"), a demonym ("Libyan", "Turk"), a generic word ("Centre" of "the Centre for
Research"), or a person's name the geoparser placed in the article's town ("Saraj", for
Fayez al-Sarraj). Those rules are named data below; nothing is dropped, only sorted, so the
analyst can still correct any of them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from gazetteer.model import Mention

__all__ = ["GENERIC_WORDS", "ORG_HEADS", "PlaceGroups", "not_a_place", "sort_places"]

#: Words that are never a place on their own in an article's list of places.
GENERIC_WORDS: frozenset[str] = frozenset({
    "centre", "center", "central", "region", "capital", "city", "state", "province", "north",
    "south", "east", "west", "north-east", "north-west", "south-east", "south-west",
})
#: Last words of organisation names: a place name right before them is part of the name.
ORG_HEADS: tuple[str, ...] = (
    "Forces", "Force", "Army", "Brigade", "Brigades", "Front", "Movement", "Party", "Council",
    "Guard", "Guards", "Militia", "Corps", "Committee", "Group", "Company", "Institute",
    "Agency", "Battalion", "Division", "Regiment", "Alliance", "Coalition",
)
_ORG_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:" + "|".join(ORG_HEADS) + r")\b")
_POSSESSIVE = re.compile(r"['’]s$")
#: What a text says before a person's name (or a family name's particle).
_PERSON_BEFORE = re.compile(
    r"(?:\b(?:al|el|bin|ibn|abu)-|\b(?:President|Minister|Leader|leader|Mr\.?|Mrs\.?|Ms\.?|"
    r"Gen\.?|General|Marshal|Commander|Prime Minister|Premier|Sheikh|Colonel|Col\.)\s+"
    r"(?:[A-Z][\w-]+\s+)?(?:al-|el-)?)$")
#: The fallback reason the geoparser gives a name it placed in the article's own town.
_FALLBACK_MARK = "the town the article is about"


@dataclass
class PlaceGroups:
    """Mention groups of one article: used by claims, other places, and probably not places.

    Each entry is ``(number, group)`` where ``number`` is the group's position in
    :func:`app.preview.mention_groups` (stable widget keys); ``not_places`` also carries the
    reason.
    """

    used: list[tuple[int, list[Mention]]] = field(default_factory=list)
    other: list[tuple[int, list[Mention]]] = field(default_factory=list)
    not_places: list[tuple[int, list[Mention], str]] = field(default_factory=list)


def _words_like(text: str, name: str) -> list[int]:
    """Offsets where a word close to ``name`` (same word, or one letter doubled) starts."""
    from rapidfuzz.fuzz import ratio

    found = []
    for match in re.finditer(r"[A-Z][\w]+", text):
        if ratio(match.group(0).lower(), name.lower()) >= 85:
            found.append(match.start())
    return found


def not_a_place(mention: Mention, text: str) -> str | None:
    """Why ``mention`` is probably not a place in ``text`` (None: it may well be one)."""
    word = _POSSESSIVE.sub("", mention.text.strip())
    after = text[mention.end:mention.end + 80]
    if word.lower() in GENERIC_WORDS:
        return f"“{word}” is a generic word"
    if _ORG_AFTER.match(after):
        return "part of an organisation's name"
    place = mention.place
    if place is not None and place.precision == "country" and " " not in word:
        name = place.name.lower()
        if word.lower() != name and word.lower()[:3] == name[:3]:
            return f"a demonym of {place.name}, not a place"
    if place is not None and mention.candidates and any(
            _FALLBACK_MARK in reason for reason in mention.candidates[0].reasons):
        for start in _words_like(text, word):
            if _PERSON_BEFORE.search(text[max(0, start - 40):start]):
                return "a person's name (written with a title or family particle elsewhere)"
    return None


def _claim_places(claims: Sequence[Any]) -> set[str]:
    """Ids of the places the claims stand on."""
    ids: set[str] = set()
    for claim in claims:
        for attr in ("place_ref", "anchor_place", "subject_place"):
            place = getattr(claim, attr, None)
            if place is not None:
                ids.add(place.id)
    return ids


def sort_places(groups: Sequence[list[Mention]], claims: Sequence[Any], text: str,
                ) -> PlaceGroups:
    """Split mention groups into places the claims use, other places and probable non-places.

    A group is "used" when its place is one a claim stands on (a control claim's place, a
    distance claim's anchor or subject) and its name is not ruled out as a place.
    """
    ids = _claim_places(claims)
    out = PlaceGroups()
    for number, group in enumerate(groups):
        first = group[0]
        place = first.place
        if place is not None and place.id in ids and not_a_place(first, text) is None:
            out.used.append((number, group))
            continue
        reason = not_a_place(first, text)
        if reason is not None:
            out.not_places.append((number, group, reason))
        else:
            out.other.append((number, group))
    return out
