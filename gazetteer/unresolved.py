"""Small places the gazetteer lacks: say so, rather than pick a namesake far away.

cities500 holds towns of 500 people or more; a hamlet the news names ("a village outside
Maiduguri") is often missing, and the gazetteer then offers only loose spellings or
namesakes in other countries, a thousand kilometres from the story. Such a reading is
worse than none: the map would show a confident point in the wrong country.

The ``far-namesake-unresolved`` pass leaves a mention unresolved, with the reason in
:attr:`gazetteer.model.Mention.unresolved`, when

- its reading is weak (:func:`gazetteer.readings.is_weak_reading`: a loose spelling, a
  hamlet nothing supports, a small town nothing ties to the story), not a reviewed entry,
- every close contender (within :data:`CONTENDER_MARGIN` of the best score) lies more than
  :data:`FAR_KM` from each place the document reads plainly, and in none of their
  countries,
- and the document reads at least one place plainly (else there is no "story's area"),
- and the text does not name it as an administrative unit (the ``admin-head`` pass).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.context import fast_km
from gazetteer.model import Candidate, Mention, Place
from gazetteer.readings import REVIEWED_SOURCES, is_loose, is_major, is_weak_reading

__all__ = [
    "CONTENDER_MARGIN",
    "FAR_KM",
    "FAR_NAMESAKE",
    "far_namesakes_unresolved",
    "unresolved_reason",
]

#: Pass name (trace, switch).
FAR_NAMESAKE = "far-namesake-unresolved"
#: A namesake farther than this (km, beyond the anchor's own extent) is not the story's.
FAR_KM = 500.0
#: Candidates scoring within this of the best are contenders the rule must all find far.
CONTENDER_MARGIN = 2.0
#: Reasons of readings the fallback passes placed from the text itself (never far), and of
#: units the text names by their head word ("Hajjah governorate": the gazetteer holds every
#: such unit, so it is no missing hamlet).
_PLACED_BY_TEXT = ("placed in", "is not in the gazetteer", "named as a ")


def _anchors(mentions: Sequence[Mention], weak: Sequence[bool]) -> list[Place]:
    """Places the document reads plainly (strong readings), one per place."""
    seen: dict[str, Place] = {}
    for mention, is_weak in zip(mentions, weak, strict=True):
        place = mention.place
        if place is not None and not is_weak:
            seen.setdefault(place.id, place)
    return list(seen.values())


def _nearest(place: Place, anchors: Sequence[Place]) -> tuple[float, Place]:
    """Return ``(km beyond the anchor's extent, anchor)`` of the nearest anchor."""
    return min(
        ((max(0.0, fast_km(place.lat, place.lon, a.lat, a.lon) - a.radius_km), a)
         for a in anchors),
        key=lambda pair: pair[0],
    )


def _far(place: Place, anchors: Sequence[Place], countries: set[str]) -> bool:
    if place.country_code and place.country_code in countries:
        return False
    return _nearest(place, anchors)[0] > FAR_KM


def unresolved_reason(mention: Mention, anchors: Sequence[Place]) -> str | None:
    """Return why ``mention`` should stay unresolved, or None when its reading may stand.

    ``anchors`` are the places the document reads plainly.
    """
    if not mention.candidates or not anchors:
        return None
    top = mention.candidates[0]
    if top.place.source in REVIEWED_SOURCES or any(
        r.startswith(_PLACED_BY_TEXT) or "placed in" in r for r in top.reasons
    ):
        return None
    countries = {a.country_code for a in anchors if a.country_code}
    contenders: list[Candidate] = [
        c for c in mention.candidates if c.score >= top.score - CONTENDER_MARGIN
    ]
    if not all(_far(c.place, anchors, countries) for c in contenders):
        return None
    km, anchor = _nearest(top.place, anchors)
    where = f"{top.place.name} ({top.place.country_code})" if top.place.country_code else \
        top.place.name
    return (
        f"no place of this name near the story's area; nearest namesake {where} is"
        f" {km:,.0f} km from {anchor.name}"
    )


def _may_be_weak(mention: Mention) -> bool:
    """Cheap necessary test of :func:`is_weak_reading` (a minor place or a loose spelling)."""
    return bool(mention.candidates) and (
        not is_major(mention.candidates[0].place) or is_loose(mention))


def far_namesakes_unresolved(
    mentions: Sequence[Mention],
    weak: Sequence[bool] | None = None,
    bounded_later: Callable[[str], bool] | None = None,
) -> list[Mention]:
    """Return ``mentions`` with weak far-namesake readings left unresolved, with a reason.

    ``weak`` are the weak-reading flags the eponym pass computed, if any: a reading the
    fallback passes moved since carries their "placed in" reason, which this rule leaves.
    ``bounded_later`` tells names a later, more specific step bounds by the document
    (Arabic names read through their Latin spelling, :mod:`gazetteer.translit_bounds`, which
    can still pick a lower candidate near the story): this rule leaves their candidates.
    """
    if not any(_may_be_weak(m) for m in mentions):
        return list(mentions)
    if weak is None or len(weak) != len(mentions):
        weak = [is_weak_reading(m) for m in mentions]
    anchors = _anchors(mentions, weak)
    out: list[Mention] = []
    for mention, is_weak in zip(mentions, weak, strict=True):
        reason = None
        if is_weak and _may_be_weak(mention) and not (
            bounded_later is not None and bounded_later(mention.text)
        ):
            reason = unresolved_reason(mention, anchors)
        out.append(replace(mention, candidates=(), unresolved=reason) if reason else mention)
    return out
