"""Keep a place read through a Latin spelling only near the rest of the document.

An Arabic name the gazetteer lacks is looked up by its Latin readings
(:mod:`gazetteer.arabic_translit`). The readings are rough, and the skeleton index then
finds namesakes anywhere: ميكيلي (Mekelle) reads as Mikkeli in Finland, بوكروفسك
(Pokrovsk) as a village in Yakutia. A war report's places lie together, so such a reading
is kept only when it lies in a country the document is about (the war's countries, or
the countries of the places it names in Arabic) or within :data:`NEAR_KM` of one of
them (a reading only in those countries yields to a namesake there more than twice its
size); otherwise the next candidate that does is taken, or one found by more readings
(و as o, ي as e: :func:`gazetteer.arabic_translit.extended_readings`), or the mention is
left unresolved (an unresolved place is better than a town on another continent).

A document with no other evidence (no war's countries, no place resolved otherwise)
keeps its readings: there is nothing to measure them against.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from gazetteer.context import fast_km
from gazetteer.model import Candidate, Mention, Place
from gazetteer.unresolved import FAR_NAMESAKE, FOREIGN_NAMESAKE

__all__ = ["NEAR_KM", "RETRIED_STEPS", "TRANSLIT_EXACT_FIRST", "TRANSLIT_FAR", "TRANSLIT_NEAR",
           "TRANSLIT_RETRY", "bound_translit_mentions"]

#: How far from the document's other places a Latin reading may lie (km).
NEAR_KM = 500.0
#: Trace steps: the reading was moved to a candidate near the document / dropped as far.
TRANSLIT_NEAR = "translit-near-document"
TRANSLIT_FAR = "translit-far-unresolved"
#: Rule (switch) of :func:`bound_translit_mentions`: a Latin reading another pass left
#: unresolved as a far namesake is tried again with more readings.
TRANSLIT_RETRY = "translit-retry-unresolved"
#: Trace steps of the passes that leave a far reading unresolved. GeoNames gives بوكروفسك
#: as the Arabic name of Pokrovsk in Yakutia only, so in a Ukraine report the far-namesake
#: pass drops it, and the Donetsk Pokrovsk its Latin readings find is never tried: the
#: rule :data:`TRANSLIT_RETRY` tries them for any mention those passes left unresolved.
RETRIED_STEPS = (TRANSLIT_FAR, FAR_NAMESAKE, FOREIGN_NAMESAKE)
#: Rule (switch): more readings' places that a reading spells exactly come before the
#: skeleton's, and only those may replace a reading as its larger namesake. كوراخوفي reads
#: as Kurakhove; its skeleton (k-r-kh-v) is Kharkiv's too, which must not replace it.
TRANSLIT_EXACT_FIRST = "translit-exact-first"


def _near(place: Place, anchors: Sequence[Place]) -> bool:
    """Whether ``place`` lies within :data:`NEAR_KM` of one of ``anchors``."""
    return any(fast_km(place.lat, place.lon, a.lat, a.lon) <= NEAR_KM for a in anchors)


def _fits(place: Place, countries: Collection[str], anchors: Sequence[Place]) -> bool:
    """Whether ``place`` is in one of ``countries`` or within :data:`NEAR_KM` of an anchor."""
    return bool(place.country_code and place.country_code in countries) or _near(place, anchors)


def bound_translit_mentions(
    mentions: Sequence[Mention], is_translit: Callable[[str], bool],
    countries: Collection[str] = (),
    alternatives: Callable[[str], Sequence[Place]] | None = None,
    retry: bool = True,
    larger: Callable[[str], Sequence[Place]] | None = None,
    places: Callable[[str], Sequence[Place]] | None = None,
) -> list[Mention]:
    """Return ``mentions`` with far Latin readings moved to a near candidate or unresolved.

    ``is_translit(text)`` tells a mention whose candidates came from Latin readings;
    ``countries`` are ISO codes the document is known to be about (its war's). The other
    mentions' places are anchors, and their countries count too. ``alternatives(text)``
    gives more readings' places (best first) to try when no candidate fits. With ``retry``
    (rule :data:`TRANSLIT_RETRY`), a reading another pass left unresolved as far
    (:data:`RETRIED_STEPS`) is tried again: the places of its own name (``places(text)``)
    that fit, else the alternatives. ``larger(text)``, when given, is
    where a much larger namesake in the document's countries is looked for instead
    (rule :data:`TRANSLIT_EXACT_FIRST`: only places a reading spells exactly).

    >>> fi = Place("1", "Mikkeli", 61.69, 27.27, "PPLA", "FI")
    >>> et = Place("2", "Mek'ele", 13.50, 39.47, "PPLA", "ET")
    >>> m = Mention(0, 6, "ميكيلي", (Candidate(fi, 1.0), Candidate(et, 0.5)))
    >>> [x.place.name for x in bound_translit_mentions([m], lambda t: True, {"ET"})]
    ["Mek'ele"]
    >>> bound_translit_mentions([m], lambda t: True, {"SD"})[0].place is None
    True
    >>> bound_translit_mentions([m], lambda t: True)[0].place.name  # no evidence: kept
    'Mikkeli'
    >>> far = Mention(0, 6, "ميكيلي", (Candidate(fi, 1.0),))
    >>> again = bound_translit_mentions([far], lambda t: True, {"SD"})  # unresolved ...
    >>> bound_translit_mentions(again, lambda t: True, {"ET"}, lambda t: [fi, et])[0].place.name
    "Mek'ele"
    """
    flags = [(m.place is not None or TRANSLIT_FAR in m.trace) and is_translit(m.text)
             or retry and m.place is None and any(s in m.trace for s in RETRIED_STEPS)
             for m in mentions]  # one left unresolved before is tried again here
    resolved = [m.place for m, f in zip(mentions, flags, strict=True)
                if m.place is not None and not f]
    anchors = [p for p in resolved if p.precision != "country"]
    known = set(countries) | {p.country_code for p in resolved if p.country_code}
    if not known and not anchors:
        return list(mentions)
    out = []
    for mention, flag in zip(mentions, flags, strict=True):
        if not flag or (mention.candidates and _near(mention.place, anchors)):
            out.append(mention)
            continue
        if mention.candidates and _fits(mention.place, known, anchors):
            out.append(_larger_namesake(mention, known, anchors, larger or alternatives))
            continue
        near = next((c for c in mention.candidates[1:] if _fits(c.place, known, anchors)), None)
        if near is None and mention.place is None and places is not None:
            # a retried name's own places first (تل أبيض dropped as far from Ankara alone)
            found = next((p for p in places(mention.text) if _fits(p, known, anchors)), None)
            near = Candidate(found, 1.0) if found else None
        if near is None and alternatives is not None:
            found = next((p for p in alternatives(mention.text) if _fits(p, known, anchors)),
                         None)
            near = Candidate(found, 1.0) if found else None
        if near is not None:
            out.append(mention.promoted(near, TRANSLIT_NEAR))
        elif mention.candidates:
            out.append(replace(mention, candidates=(), trace=(*mention.trace, TRANSLIT_FAR)))
        else:
            out.append(mention)
    return out


def _larger_namesake(mention: Mention, known: Collection[str], anchors: Sequence[Place],
                     alternatives: Callable[[str], Sequence[Place]] | None) -> Mention:
    """Return ``mention`` with a much larger fitting namesake first, if more readings find one.

    A reading in the war's countries but near none of its places may still be the wrong
    namesake there: بوكروفسك read as Pokrovsk in Yakutia (RU) in a Ukraine report, where
    the Donetsk Pokrovsk, six times larger, is the one meant.
    """
    place = mention.place
    if alternatives is None or place is None:
        return mention
    larger = next((p for p in alternatives(mention.text)
                   if p.population > 2 * max(place.population, 1) and p.id != place.id
                   and _fits(p, known, anchors)), None)
    return mention.promoted(Candidate(larger, 1.0), TRANSLIT_NEAR) if larger else mention
