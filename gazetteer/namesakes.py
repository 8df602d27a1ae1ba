"""Namesakes: a famous city of a name over a small town the article does not tie down.

Gazetteers hold many towns for one name ("Louisville" in Kentucky, Ohio, Mississippi...).
The resolver weighs the document's country and region; this module adds the reader's
prior that an unqualified name, which nothing in the text places near its small
namesake, means the big city of that name in the same country.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from gazetteer.model import Candidate, Mention
from gazetteer.readings import REVIEWED_SOURCES

__all__ = [
    "FAMOUS_AREA_POPULATION",
    "FAMOUS_TOWN_POPULATION",
    "SMALL_TOWN_POPULATION",
    "famous_area",
    "famous_namesake",
    "reviewed_namesake",
]

#: A top reading smaller than this may yield to a famous namesake.
SMALL_TOWN_POPULATION = 50_000
#: A namesake this big (and ten times the top reading) is the one a reader thinks of.
FAMOUS_TOWN_POPULATION = 250_000
_NEAR_REASON_RE = re.compile(r"^(\d+) km from ")


def famous_namesake(
    candidates: tuple[Candidate, ...], key: str, normalize: Callable[[str], str]
) -> tuple[Candidate, ...]:
    """Put a city of 250,000+ of exactly this name first, over a small namesake.

    Only when the top reading is a town under 50,000 in the same country, ten times
    smaller, that nothing in the document qualifies, contains or places within 150 km:
    "Louisville" in a story naming Ohio is still Louisville, Kentucky, unless the article
    ties it to a nearby place. (A namesake abroad never wins this way: "Athens" in a
    story about an Ohio county stays in Ohio.)
    """
    if len(candidates) < 2:
        return candidates
    top = candidates[0]
    if top.place.precision != "town" or top.place.population >= SMALL_TOWN_POPULATION:
        return candidates
    for reason in top.reasons:
        if reason.startswith(("qualified", "named in", "in ")):
            return candidates
        near = _NEAR_REASON_RE.match(reason)
        if near and int(near.group(1)) < 150:
            return candidates
    for cand in candidates[1:]:
        place = cand.place
        if (
            place.precision == "town"
            and place.country_code == top.place.country_code
            and place.population >= FAMOUS_TOWN_POPULATION
            and place.population >= 10 * max(top.place.population, 1)
            and normalize(place.name) == key
        ):
            return (cand, *(c for c in candidates if c is not cand))
    return candidates


_AIRFIELD_CODES = frozenset({"AIRP", "AIRB", "AIRF"})
_AIRFIELD_WORDS_RE = re.compile(
    r"\s+(?:international\s+)?(?:air\s*port|airfield|air\s*base)$", re.IGNORECASE
)


def reviewed_namesake(mention: Mention, normalize: Callable[[str], str]) -> Mention | None:
    """Return the mention read as a reviewed site or area of exactly its name, if any.

    For a mention whose top reading is weak (a small town nothing in the article
    supports): "a Broadway star" is the theatre district of our landmarks, not Broadway,
    Virginia. Reviewed entries (``curated_places.csv``, ``landmarks.csv``, analysts'
    places) list what the news means by a name; so does an airport named after the place
    ("Heathrow" over a hamlet called Heathrow).
    """
    key = normalize(mention.text)
    for cand in mention.candidates[1:]:
        place = cand.place
        if (place.source in REVIEWED_SOURCES and normalize(place.name) == key) or (
            place.feature_code in _AIRFIELD_CODES
            and normalize(_AIRFIELD_WORDS_RE.sub("", place.name)) == key
        ):
            top = mention.candidates[0].place
            kind = "reviewed" if place.source in REVIEWED_SOURCES else "airport"
            reason = (
                f"the {kind} {place.name} ({place.feature_code}), over the gazetteer's "
                f"{top.name} ({top.country_code or '-'}) that nothing in the article supports"
            )
            return mention.promoted(cand, reason)
    return None


#: A region or country this populous is the reading a weak small namesake gives way to.
FAMOUS_AREA_POPULATION = 1_000_000


def famous_area(mention: Mention) -> Mention | None:
    """Return the mention read as a populous region or country among its readings, if any.

    For a mention whose top reading is weak (a small town nothing in the article supports):
    "the beaches of Normandy" in an Indiana paper are in Normandie, France, not in
    Normandy, Missouri.
    """
    if any(r.startswith("part match") for r in mention.candidates[0].reasons):
        return None  # "Vienna/Fairfax-GMU Metro": a station named after the local town
    for cand in mention.candidates[1:]:
        place = cand.place
        if (
            place.precision in ("region", "country")
            and place.feature_code in ("ADM1", "PCLI", "PCL", "RGN")
            and place.population >= FAMOUS_AREA_POPULATION
        ):
            top = mention.candidates[0].place
            reason = (
                f"the populous {place.name} ({place.country_code or '-'}), over the "
                f"gazetteer's small {top.name} ({top.country_code or '-'}) that nothing in "
                "the article supports"
            )
            return mention.promoted(cand, reason)
    return None
