"""A name the text puts near another place: a reading far from that place is no reading.

"Orlivka, a village west of Avdiivka", "Tabit, south-west of El Fasher", "a checkpoint at
Kivu Rise outside Goma": the sentence anchors the small place to a better-known one. The
gazetteer may hold the name only as a namesake elsewhere, in the same country (Ukraine has
dozens of Orlivkas) or abroad. The ``anchored-reading`` pass reads the frame

    NAME[,] [a|an|the] [up to three words] RELATION [the] ANCHOR

where RELATION is one of :data:`NEAR_WORDS` or a compass direction followed by "of", and
ANCHOR is the very next mention. A small place so placed lies within :data:`REACH_KM` of
its anchor (news says "100 km west of" when it is farther, and a number makes the gap a
distance claim, left to the claims code). When the name has a reading within reach of
the anchor's, that reading is put first ("the reading near Avdiivka, where the text puts
it"); when it has none, the mention is left unresolved with the reason. A weak anchor is
still used (the relation is the text's, and the anchor is the better-known place of the
two), but not a loose spelling nor one that a fallback placed somewhere itself. A name a
fallback placed in the article's focus town is placed in the anchor instead when the
focus does not fit the relation, an apposition ending in "in" included ("Wad Ashana, a
village in White Nile state", datelined Khartoum). That apposition does not judge a
reading of the name's own: the country or region after it may itself be misread
("Kiwanja, in Congo" read as the Republic of the Congo), and on the holdout probes it
cost a right reading for each far one it removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from gazetteer.context import km_beyond
from gazetteer.discourse import lies_in, placed_in
from gazetteer.model import Mention, Place
from gazetteer.readings import REVIEWED_SOURCES, is_loose, is_major

__all__ = [
    "ANCHORED_READING",
    "NEAR_WORDS",
    "REACH_KM",
    "anchored_readings",
]

#: Pass name (trace, switch).
ANCHORED_READING = "anchored-reading"
#: Relations that put a place next to its anchor.
NEAR_WORDS: tuple[str, ...] = (
    "near", "outside", "just outside", "close to", "next to", "on the outskirts of",
    "on the edge of", "a few kilometres from", "a few kilometers from", "a few miles from",
)
#: How far (km, beyond the anchor's own extent) a place "near" or "west of" its anchor
#: may lie.
REACH_KM = 161.0

_COMPASS = r"(?:north|south|east|west)(?:-?(?:east|west))?"
_NEAR = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in NEAR_WORDS)
_GAP_RE = re.compile(
    rf"^,?\s+(?:(?:a|an|the)\s+)?(?:[A-Za-z-]+\s+){{0,3}}?"
    rf"(?:(?P<near>{_NEAR})|(?P<dir>{_COMPASS})\s+of)\s+(?:the\s+)?"
    r"(?:(?:town|city|village|capital)\s+of\s+)?$",
    re.IGNORECASE,
)
#: "X, a village in Y", "X, in Y": an apposition puts the name inside the next place (a
#: bare "X in Y" is :func:`gazetteer.discourse.contained_readings`' frame).
_IN_GAP_RE = re.compile(
    rf"^,\s+(?:(?:a|an|the)\s+)?(?:[A-Za-z-]+\s+){{0,3}}?in\s+(?:the\s+)?"
    rf"(?:{_COMPASS}(?:ern)?\s+|central\s+)?$",
    re.IGNORECASE,
)
_MAX_GAP = 60
#: Reasons of readings a fallback placed (their point is the focus's, not the name's).
_PLACED = "placed in"


def _relation(gap: str) -> str | None:
    """Return the relation the gap states ("west of", "near"), or None if it is no frame."""
    if len(gap) > _MAX_GAP or any(ch.isdigit() for ch in gap):
        return None
    if _IN_GAP_RE.match(gap):
        return "in"
    match = _GAP_RE.match(gap)
    if match is None:
        return None
    if match.group("near"):
        return " ".join(match.group("near").lower().split())
    return f"{match.group('dir').lower()} of"


def _placed(mention: Mention) -> bool:
    return bool(mention.candidates) and any(_PLACED in r for r in mention.candidates[0].reasons)


def _within(place: Place, anchor: Place, relation: str) -> bool:
    """Whether ``place`` fits the relation to ``anchor`` (inside it, or within reach)."""
    if relation == "in" and anchor.feature_code.startswith(("PCL", "ADM1")):
        return lies_in(place, anchor)
    return km_beyond(place, anchor) <= REACH_KM


def _anchored(mention: Mention, anchor: Place, relation: str, words: str) -> Mention:
    top = mention.candidates[0]
    if _within(top.place, anchor, relation):
        return mention
    for cand in mention.candidates[1:]:
        if _within(cand.place, anchor, relation) and _PLACED not in " ".join(cand.reasons):
            return mention.promoted(cand, f"the reading {words}, where the text puts it")
    km = km_beyond(top.place, anchor)
    reason = (
        f"no place of this name {words}, where the text puts it; the gazetteer's"
        f" {top.place.name} ({top.place.country_code or '-'}) lies {km:,.0f} km from"
        f" {anchor.name}"
    )
    return replace(mention, candidates=(), unresolved=reason)


def anchored_readings(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """Return ``mentions`` with readings far from the place the text anchors them to moved.

    Only minor readings (not countries, seas or cities of 50,000+) and not reviewed
    entries are judged: "Paris, south of London" is a question for the resolver.
    """
    out = list(mentions)
    order = sorted(range(len(out)), key=lambda i: (out[i].start, out[i].end))
    for rank in range(len(order) - 1):
        i, j = order[rank], order[rank + 1]
        mention, anchor = out[i], out[j]
        if not mention.candidates or anchor.place is None or _placed(anchor) or is_loose(anchor):
            continue
        top = mention.candidates[0].place
        if is_major(top) and not _placed(mention) or top.source in REVIEWED_SOURCES:
            continue
        relation = _relation(text[mention.end:anchor.start])
        if relation is None:
            continue
        words = f"{relation} {anchor.text}"
        part = any(r.startswith("part match") for r in mention.candidates[0].reasons)
        if part and not _within(top, anchor.place, relation):
            # "Umm Kadada Gharb, a village west of El Fasher": a reading of one word of the
            # name ("Gharb", Malta) is none; the text's relation is all there is to go by.
            out[i] = placed_in(mention, anchor.place, words)
        elif not _placed(mention):
            if relation != "in":  # (the anchor may be misread: "Kiwanja, in Congo")
                out[i] = _anchored(mention, anchor.place, relation, words)
        elif not _within(top, anchor.place, relation):
            # "Wad Ashana, a village in White Nile state" was put in the dateline's city
            # for want of a reading: the text says where it is.
            out[i] = placed_in(mention, anchor.place, words)
    return out
