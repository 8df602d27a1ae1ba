"""A name the text puts inside a state or country: a far reading outside it is no reading.

"La Mora, a ranch community in Sonora", "Palma, the district seat on the northern coast
of Mozambique", "Moscow, Vermont, a hamlet of Stowe": the text says which first-level
unit or country holds the place. The gazetteer may hold the name only elsewhere: a
hamlet of the same name in another state, or a famous city abroad (Palma de Mallorca,
Moscow). The ``container-contradicted`` pass reads two frames, where CONTAINER is the very
next mention, read plainly as a country or a first-level unit:

- an apposition ``NAME, a|an|the [words] NOUN [words] in|of [the] [northern|central...]
  CONTAINER`` whose words hold a noun of a kind of place (:data:`PLACE_NOUNS`: village,
  town, community, district seat ...), so "Moscow, the ally of Syria" is no frame;
- a state qualifier ``NAME, STATE`` closed by punctuation ("Moscow, Vermont,"), the
  container a first-level unit, not a country ("in Moscow, Ukraine said" is prose), and
  not inside a list ("Saipan, Guam, Alaska, Hawaii": no place before or after the pair
  joined by a comma or "and").

Only town readings are judged: a country or a state is not inside another state
("Russian, North Ossetian and Georgian representatives").

A reading that lies in the container stands; a lower candidate that lies there is put
first (and a lower reading of the container that holds one: "Rome, a small city in
Georgia" is the state); otherwise, when the reading lies more than
:data:`gazetteer.unresolved.FAR_KM` from the container and from every place the story
reads plainly, and (for a country container) in a country the story never names, the
mention is left unresolved with the reason. Readings a fallback placed (their point is the
text's), reviewed entries and loose-spelling containers are left alone. Unlike
``qualifier-contradicted-unresolved`` this judges readings of any size: the frame, not the
town's size, is the evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from gazetteer.context import km_beyond
from gazetteer.discourse import lies_in
from gazetteer.model import Candidate, Mention, Place
from gazetteer.readings import REVIEWED_SOURCES, is_loose, is_weak_reading
from gazetteer.small_place import SMALL_PLACE_NOUNS
from gazetteer.unresolved import FAR_KM, plain_places

__all__ = [
    "CONTAINER_CONTRADICTED",
    "PLACE_NOUNS",
    "container_contradictions",
    "container_frame",
]

#: Pass name (trace, switch).
CONTAINER_CONTRADICTED = "container-contradicted"
#: Nouns of a kind of place: an apposition holding one describes the name as a place.
PLACE_NOUNS: frozenset[str] = SMALL_PLACE_NOUNS | frozenset(
    "town towns township community communities seat suburb neighbourhood neighborhood "
    "district municipality commune enclave port camp city".split()
)
_ADJ = r"(?:(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+|central\s+|rural\s+)?"
#: ``, a|an|the WORDS in|of [the] [northern] `` right before the container.
_APPOSITION_RE = re.compile(
    rf"^,\s+(?:a|an|the)\s+(?P<words>(?:[A-Za-z'’-]+\s+){{1,10}}?)(?:in|of)\s+(?:the\s+)?{_ADJ}$",
    re.IGNORECASE,
)
#: The gap of a state qualifier, and what must close it ("Moscow, Vermont," ...).
_QUALIFIER_GAP_RE = re.compile(r"^,\s{1,2}$")
_CLOSED_RE = re.compile(r"\s*(?:[,.;:)]|$)")
#: The gap between two members of a list.
_LIST_GAP_RE = re.compile(r"^(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$")
_MAX_GAP = 90
#: Reasons of readings a fallback placed (their point is the focus's, not the name's).
_PLACED = "placed in"


def _in_list(text: str, mentions: Sequence[Mention], i: int, j: int) -> bool:
    """Whether mentions ``i`` and ``j`` (in text order) are two members of a longer list."""
    before = i > 0 and _LIST_GAP_RE.match(text[mentions[i - 1].end:mentions[i].start])
    after = j + 1 < len(mentions) and _LIST_GAP_RE.match(
        text[mentions[j].end:mentions[j + 1].start])
    return bool(before or after)


def container_frame(text: str, end: int, container: Mention) -> str | None:
    """Return the frame ("apposition", "qualifier") putting ``text[:end]`` in ``container``.

    >>> from gazetteer.model import Mention
    >>> t = "La Mora, a ranch community in Sonora, mourned."
    >>> container_frame(t, 7, Mention(30, 36, "Sonora"))
    'apposition'
    >>> t = "Moscow, the ally of Syria, said"
    >>> container_frame(t, 6, Mention(20, 25, "Syria")) is None
    True
    """
    gap = text[end:container.start]
    if len(gap) > _MAX_GAP or any(ch.isdigit() or ch in ".;:!?" for ch in gap):
        return None
    if _QUALIFIER_GAP_RE.match(gap):
        return "qualifier" if _CLOSED_RE.match(text, container.end) else None
    match = _APPOSITION_RE.match(gap)
    if match and any(w.lower() in PLACE_NOUNS for w in match.group("words").split()):
        return "apposition"
    return None


def _is_container(place: Place, frame: str) -> bool:
    if frame == "qualifier":
        return place.feature_code == "ADM1" and bool(place.admin1)
    return place.feature_code.startswith("PCL") or (
        place.feature_code == "ADM1" and bool(place.admin1))


def _reading_in(
    mention: Mention, containers: Sequence[Candidate], frame: str
) -> tuple[Candidate, Candidate] | None:
    """Return the first ``(name reading, container reading)`` where one lies in the other.

    The container's readings are tried in rank order ("Rome, a small city in Georgia":
    the state, when the country holds no Rome).
    """
    for held in containers:
        if not _is_container(held.place, frame):
            continue
        for cand in mention.candidates:
            if lies_in(cand.place, held.place) and _PLACED not in " ".join(cand.reasons):
                return cand, held
    return None


def _judged(
    mention: Mention, container: Mention, anchors: Sequence[Place], frame: str
) -> tuple[Mention, Mention]:
    """Return the mention and its container, read as the frame says (see the module)."""
    top, held = mention.candidates[0], container.candidates[0].place
    words = f"in {container.text}"
    pair = _reading_in(mention, container.candidates, frame)
    if pair is not None:
        cand, outer = pair
        if cand is not top:
            mention = mention.promoted(cand, f"the reading {words}, where the text puts it")
        if outer is not container.candidates[0]:
            container = container.promoted(outer, f"the unit that holds {mention.text}")
        return mention, container
    others = [a for a in anchors if a.id != top.place.id]
    if held.feature_code.startswith("PCL") and top.place.country_code in {
            a.country_code for a in others}:
        return mention, container
    if min(km_beyond(top.place, a) for a in (held, *others)) <= FAR_KM:
        return mention, container
    reason = (
        f"no place of this name {words}, where the text puts it; the gazetteer's"
        f" {top.place.name} ({top.place.country_code or '-'}) lies"
        f" {km_beyond(top.place, held):,.0f} km from {held.name}"
    )
    return replace(mention, candidates=(), unresolved=reason), container


def container_contradictions(
    text: str, mentions: Sequence[Mention], weak: Sequence[bool] | None = None
) -> list[Mention]:
    """Return ``mentions`` with readings outside the state or country the text names moved."""
    out = list(mentions)
    if len(out) < 2 or "," not in text:
        return out
    order = sorted(range(len(out)), key=lambda i: (out[i].start, out[i].end))
    ordered = [out[i] for i in order]
    anchors: list[Place] | None = None
    for rank in range(len(order) - 1):
        i, j = order[rank], order[rank + 1]
        mention, container = out[i], out[j]
        if not text.startswith(",", mention.end) or not mention.candidates or (
                container.place is None or is_loose(container)):
            continue
        top = mention.candidates[0]
        if top.place.precision != "town" or top.place.source in REVIEWED_SOURCES or any(
                _PLACED in r for r in (*top.reasons, *container.candidates[0].reasons)):
            continue
        frame = container_frame(text, mention.end, container)
        if frame is None or not _is_container(container.place, frame) or (
                frame == "qualifier" and _in_list(text, ordered, rank, rank + 1)):
            continue
        if anchors is None:
            if weak is None or len(weak) != len(mentions):
                weak = [is_weak_reading(m) for m in mentions]
            anchors = plain_places(mentions, weak)
        out[i], out[j] = _judged(mention, container, anchors, frame)
    return out
