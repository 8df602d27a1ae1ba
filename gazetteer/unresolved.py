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

Its rule ``alias-far-town`` (own switch) also judges a town under
:data:`ALIAS_TOWN_POPULATION` read only by one of the gazetteer's alternate names, which
the weak test spares for its size: "Inata" in a Burkinabe story is no alias of Inada,
Japan, 14,000 km away, when every close contender lies in a country the story never names.

The ``foreign-namesake-unresolved`` pass (its own switch) covers the readings the weak test
spares: the only town of that name in the gazetteer ("main name", a single reading), or a
town of 10,000-50,000. It leaves such a mention unresolved when

- the text calls the place small (:func:`gazetteer.small_place.small_place_frame`: "the
  village of X", "X, a farming village near Y"),
- its reading is a town under :data:`gazetteer.readings.LOCAL_READING_POPULATION` that
  nothing in the text qualifies or contains, not a reviewed entry,
- and every close contender lies in a country no plain reading of the document lies in
  (the story never names it) and more than :data:`FAR_KM` from each of them.

"Residents of Karma, a farming village near Ouahigouya" is not Karma in India; "A Marine
from Tullahoma was wounded in Helmand" keeps Tullahoma, Tennessee (no such frame).

The ``qualifier-contradicted-unresolved`` pass (its own switch) leaves unresolved a town
under :data:`QUALIFIED_TOWN_POPULATION` the text qualifies by a country or state
("Bethel, DE, US", "Moura, Mali") when no reading of the name lies there: the resolver
then ranks a namesake elsewhere, which the text itself rules out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.context import km_beyond
from gazetteer.model import Candidate, Mention, Place
from gazetteer.readings import (
    LOCAL_READING_POPULATION,
    REVIEWED_SOURCES,
    is_loose,
    is_major,
    is_weak_reading,
)
from gazetteer.small_place import small_place_frame

__all__ = [
    "ALIAS_FAR_TOWN",
    "ALIAS_TOWN_POPULATION",
    "CONTENDER_MARGIN",
    "FAR_KM",
    "FAR_NAMESAKE",
    "FOREIGN_NAMESAKE",
    "LOOSE_ALONE",
    "QUALIFIER_CONTRADICTED",
    "far_namesakes_unresolved",
    "plain_places",
    "foreign_namesake_reason",
    "foreign_namesakes_unresolved",
    "qualifier_contradictions_unresolved",
    "unresolved_reason",
]

#: Pass name (trace, switch).
FAR_NAMESAKE = "far-namesake-unresolved"
#: Rule (switch) of the far-namesake pass: a loose spelling in a text naming no other place.
LOOSE_ALONE = "loose-spelling-alone"
#: Rule (switch) of the far-namesake pass: a town read only by an alternate name.
ALIAS_FAR_TOWN = "alias-far-town"
#: A town read by an alias is judged below this population (a big city's alias, such as
#: "Peking", is how the text means it).
ALIAS_TOWN_POPULATION = 100_000
#: Pass name of the small-place-frame rule (trace, switch).
FOREIGN_NAMESAKE = "foreign-namesake-unresolved"
#: Pass name of the contradicted-qualifier rule (trace, switch).
QUALIFIER_CONTRADICTED = "qualifier-contradicted-unresolved"
#: A qualifier right after the name and a comma ("Bethel, DE", "Moura, Mali").
_COMMA_AFTER_RE = re.compile(r",\s{0,2}\S")
#: Reasons that tie a reading to the text itself (a qualifier, a container, a capital).
_TIED_BY_TEXT = ("qualified", "named in", "capital", "in ", "contains ")
#: A namesake farther than this (km, beyond the anchor's own extent) is not the story's.
FAR_KM = 500.0
#: Candidates scoring within this of the best are contenders the rule must all find far.
CONTENDER_MARGIN = 2.0
#: Reasons of readings the fallback passes placed from the text itself (never far), and of
#: units the text names by their head word ("Hajjah governorate": the gazetteer holds every
#: such unit, so it is no missing hamlet).
_PLACED_BY_TEXT = ("placed in", "is not in the gazetteer", "named as a ")


def plain_places(mentions: Sequence[Mention], weak: Sequence[bool]) -> list[Place]:
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
        ((km_beyond(place, a), a) for a in anchors),
        key=lambda pair: pair[0],
    )


def _far(place: Place, anchors: Sequence[Place], countries: set[str]) -> bool:
    if place.country_code and place.country_code in countries:
        return False
    return _nearest(place, anchors)[0] > FAR_KM


def unresolved_reason(
    mention: Mention, anchors: Sequence[Place], *, loose_alone: bool = False
) -> str | None:
    """Return why ``mention`` should stay unresolved, or None when its reading may stand.

    ``anchors`` are the places the document reads plainly. With ``loose_alone`` (rule
    ``loose-spelling-alone``) a document that reads nothing plainly does not keep a loose
    spelling of a minor place either: with no story area to be near, a consonant-skeleton
    guess ("Xitaxi" read as Eduardo Castex, Argentina) is all that supports it.
    """
    if not mention.candidates:
        return None
    top = mention.candidates[0]
    if top.place.source in REVIEWED_SOURCES or any(
        r.startswith(_PLACED_BY_TEXT) or "placed in" in r for r in top.reasons
    ):
        return None
    if not anchors:
        if not (loose_alone and is_loose(mention) and not is_major(top.place)):
            return None
        return (
            f"no place of this name in the gazetteer; {top.place.name}"
            f" ({top.place.country_code or '-'}) matches only a loose spelling of it, and"
            " the text names no other place"
        )
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


def _alias_town(mention: Mention) -> bool:
    """Whether the top reading is a town under :data:`ALIAS_TOWN_POPULATION` read by an alias."""
    if not mention.candidates:
        return False
    top = mention.candidates[0]
    return (
        top.place.precision == "town"
        and top.place.population < ALIAS_TOWN_POPULATION
        and top.place.source not in REVIEWED_SOURCES
        and any(r.startswith("alias match") for r in top.reasons)
    )


def far_namesakes_unresolved(
    mentions: Sequence[Mention],
    weak: Sequence[bool] | None = None,
    bounded_later: Callable[[str], bool] | None = None,
    *,
    loose_alone: bool = True,
    alias_towns: bool = True,
) -> list[Mention]:
    """Return ``mentions`` with weak far-namesake readings left unresolved, with a reason.

    ``weak`` are the weak-reading flags the eponym pass computed, if any: a reading the
    fallback passes moved since carries their "placed in" reason, which this rule leaves.
    ``bounded_later`` tells names a later, more specific step bounds by the document
    (Arabic names read through their Latin spelling, :mod:`gazetteer.translit_bounds`, which
    can still pick a lower candidate near the story): this rule leaves their candidates.
    With ``alias_towns`` (rule ``alias-far-town``) a town read by an alias is judged too.
    """
    aliased = [alias_towns and _alias_town(m) for m in mentions]
    if not any(_may_be_weak(m) for m in mentions) and not any(aliased):
        return list(mentions)
    if weak is None or len(weak) != len(mentions):
        weak = [is_weak_reading(m) for m in mentions]
    anchors = plain_places(mentions, weak)
    out: list[Mention] = []
    for mention, is_weak, alias in zip(mentions, weak, aliased, strict=True):
        reason = None
        if (alias or is_weak and _may_be_weak(mention)) and not (
            bounded_later is not None and bounded_later(mention.text)
        ):
            own = mention.candidates[0].place.id
            reason = unresolved_reason(
                mention, [a for a in anchors if a.id != own] if alias else anchors,
                loose_alone=loose_alone)
        out.append(replace(mention, candidates=(), unresolved=reason) if reason else mention)
    return out


def foreign_namesake_reason(
    text: str, mention: Mention, anchors: Sequence[Place]
) -> str | None:
    """Return why ``mention`` is a small place the gazetteer lacks, or None (see above)."""
    if not mention.candidates or not anchors:
        return None
    top = mention.candidates[0]
    place = top.place
    if (
        place.precision != "town"
        or is_major(place)
        or place.population >= LOCAL_READING_POPULATION
        or place.source in REVIEWED_SOURCES
        or any(r.startswith(_TIED_BY_TEXT) or "placed in" in r for r in top.reasons)
    ):
        return None
    countries = {a.country_code for a in anchors if a.country_code}
    contenders = [c for c in mention.candidates if c.score >= top.score - CONTENDER_MARGIN]
    if not all(_far(c.place, anchors, countries) for c in contenders):
        return None
    noun = small_place_frame(text, mention.start, mention.end)
    if noun is None:
        return None
    km, anchor = _nearest(place, anchors)
    return (
        f"no place of this name near the story's area: the text calls it a {noun}; the"
        f" gazetteer's {place.name} ({place.country_code or '-'}), a town of"
        f" {place.population:,}, lies {km:,.0f} km from {anchor.name}, in a country the"
        " story does not name"
    )


def foreign_namesakes_unresolved(
    text: str, mentions: Sequence[Mention], weak: Sequence[bool] | None = None
) -> list[Mention]:
    """Return ``mentions`` with small places read as far foreign towns left unresolved."""
    if not any(m.candidates and not is_major(m.candidates[0].place) for m in mentions):
        return list(mentions)
    if weak is None or len(weak) != len(mentions):
        weak = [is_weak_reading(m) for m in mentions]
    anchors = plain_places(mentions, weak)
    out: list[Mention] = []
    for mention in mentions:
        own = mention.place.id if mention.place is not None else None
        reason = foreign_namesake_reason(text, mention, [a for a in anchors if a.id != own])
        out.append(replace(mention, candidates=(), unresolved=reason) if reason else mention)
    return out


#: Towns at least this big keep their reading though the text's qualifier contradicts it
#: (the qualifier is likelier misread than a city of a million misnamed). Below it the
#: text rules the namesake out: "Greenwood, W. Va." is not Greenwood, Indiana (55,000).
QUALIFIED_TOWN_POPULATION = 500_000


def qualifier_contradictions_unresolved(
    text: str, mentions: Sequence[Mention], qualifiers: Sequence[tuple[str, ...]]
) -> list[Mention]:
    """Return ``mentions`` with small towns outside the place that qualifies them unresolved.

    ``qualifiers[i]`` names what the text qualifies mention ``i`` with (empty: nothing).
    A candidate lying in a qualifier carries the resolver's "qualified by" reason; when
    none does, every reading contradicts the text. Only a qualifier after a comma counts
    ("Bethel, DE"): "St. Gregory of Narek in Vatican" puts the statue there, not Narek.
    """
    if len(qualifiers) != len(mentions) or not any(qualifiers):
        return list(mentions)
    out: list[Mention] = []
    for mention, names in zip(mentions, qualifiers, strict=True):
        top = mention.candidates[0] if mention.candidates else None
        if (
            top is None
            or not names
            or not _COMMA_AFTER_RE.match(text, mention.end)
            or top.place.precision != "town"
            or top.place.population >= QUALIFIED_TOWN_POPULATION
            or top.place.source in REVIEWED_SOURCES
            or any("placed in" in r for r in top.reasons)
            or any(r.startswith("qualified by") for c in mention.candidates for r in c.reasons)
        ):
            out.append(mention)
            continue
        where = f"{top.place.name} ({top.place.country_code or '-'})"
        reason = (
            f"no place of this name in {' / '.join(names)}, where the text puts it; the"
            f" gazetteer's {where} lies elsewhere"
        )
        out.append(replace(mention, candidates=(), unresolved=reason))
    return out
