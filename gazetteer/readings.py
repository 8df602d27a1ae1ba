"""Strong and weak readings: whether a mention's top candidate can stand on its own.

A reading is *weak* when nothing but the gazetteer supports it: a loosely spelled match in
a country the article barely names, a minor place inside a longer name, a hamlet, a small
town nothing ties to the article's region. Weak readings give way to what the document
itself says (the town it is about, the place the sentence puts the name in): see
:mod:`gazetteer.fallback` and :mod:`gazetteer.discourse`.
"""

from __future__ import annotations

import re

from gazetteer.fallback import is_facility
from gazetteer.model import Mention, Place

__all__ = [
    "LOCAL_READING_POPULATION",
    "LOCAL_REGION_SHARE",
    "LOOSE_COUNTRY_SHARE",
    "NEAR_NAMED_KM",
    "REVIEWED_SOURCES",
    "SMALL_AREA_KM",
    "WEAK_READING_POPULATION",
    "is_area_from_part",
    "is_loose",
    "is_major",
    "is_weak_reading",
    "locates_better_than_a_town",
    "region_share",
]

#: A reading of a place smaller than this with no support from the document is weak.
WEAK_READING_POPULATION = 10_000
#: A town smaller than this that only the document's country supports is a weak reading
#: too (far from the article's town, the town wins).
LOCAL_READING_POPULATION = 50_000
#: Sources written and reviewed by this project (and analysts): sites, bases, landmarks.
REVIEWED_SOURCES = frozenset({"curated", "landmark", "user"})
#: A loosely spelled reading stands only in a country holding this share of the document.
LOOSE_COUNTRY_SHARE = 50

_COUNTRY_REASONS = ("document country", "document names")
_CONTEXT_REASONS = ("document", "km from", "qualified", "named in", "capital")
#: Reasons that tie a reading to the article's own region, not just its country.
_LOCAL_REASONS = ("document region", "document names region", "qualified", "named in", "capital")
#: A small town this close (km) to another place the article names is tied to the story
#: ("Rafah" 30 km from Gaza City in a story that also covers Ukraine).
NEAR_NAMED_KM = 50
_NEAR_RE = re.compile(r"^(\d+) km from (?!a reading)")
_REGION_SHARE_RE = re.compile(r"^document region \S+ (\d+)%")
#: The region's share of the document that ties a small town to it.
LOCAL_REGION_SHARE = 25
_COUNTRY_SHARE_RE = re.compile(r"^document country [A-Z]{2} (\d+)%")


def is_major(place: Place) -> bool:
    """Tell whether a place is a country, sea, large region or a town of 50,000 or more."""
    return (
        place.precision in ("country", "sea")
        or place.feature_code.startswith(("PCL", "CONT"))
        or place.population >= 50_000
    )


def is_loose(mention: Mention) -> bool:
    """Whether the top reading matched only by a loose (transliteration) spelling."""
    if not mention.candidates:
        return False
    return any(
        r.startswith(("skeleton match", "fuzzy match")) for r in mention.candidates[0].reasons
    )


def _near_named(reason: str) -> bool:
    """Whether a reason places the reading next to a place the article names plainly."""
    match = _NEAR_RE.match(reason)
    return bool(match) and int(match.group(1)) <= NEAR_NAMED_KM


def region_share(reason: str) -> int | None:
    """Return the share (percent) a "document region" reason gives, None for other reasons."""
    match = _REGION_SHARE_RE.match(reason)
    return int(match.group(1)) if match else None


def _country_share(reasons: tuple[str, ...]) -> int:
    for reason in reasons:
        match = _COUNTRY_SHARE_RE.match(reason)
        if match:
            return int(match.group(1))
    return 0


def is_weak_reading(mention: Mention) -> bool:
    """Tell whether a mention has only a weak reading.

    Weak: a loosely spelled reading unless it is a major place of a country that holds
    half the document ("Benghazy" in a Libyan story; "Almonaster" is not Ilminster in a
    New Orleans one), a minor place inside its name, a hamlet nothing else in the
    document supports, or a town under 50,000 that nothing ties to the article's region.
    """
    if not mention.candidates:
        return False
    top = mention.candidates[0]
    if is_loose(mention):
        # "Nagrig" in an Egyptian story is not Niagara: a loose spelling needs the
        # document behind it. (:class:`gazetteer.discourse.SettledPlaces` rescues one that
        # lies next to a place the article names plainly.)
        return not (is_major(top.place) and _country_share(top.reasons) >= LOOSE_COUNTRY_SHARE)
    if is_major(top.place):
        return False
    if any(r.startswith("part match") for r in top.reasons):
        return True
    if top.place.source in REVIEWED_SOURCES:
        # A reviewed entry read by its own name ("Bank of Japan", a front-line village)
        # is what the text means; its lack of a population says nothing.
        return False
    # A hamlet needs more than the document's country: every hamlet of the country has that.
    unsupported = not any(
        r.startswith(_CONTEXT_REASONS) and not r.startswith(_COUNTRY_REASONS) for r in top.reasons
    )
    if unsupported and top.place.population < WEAK_READING_POPULATION:
        return True
    # Only the country agrees: one of several namesakes, a minor town outside the region
    # the article is about. (A name with a single reading, such as a front-line village
    # of the curated data, keeps it.)
    if len(mention.candidates) < 2 and not is_facility(mention.text) and "main name" in top.reasons:
        # ("Washington Square" read as a town in another state is no such exception.)
        return False
    local = any(
        (r.startswith(_LOCAL_REASONS) and (region_share(r) or 100) >= LOCAL_REGION_SHARE)
        or _near_named(r)
        for r in top.reasons
    )
    return not local and top.place.population < LOCAL_READING_POPULATION


#: A country this small (radius, km; a city-state) pins a name as well as a town does.
SMALL_AREA_KM = 30.0


def is_area_from_part(mention: Mention) -> bool:
    """Whether a mention reads as a major state or province named inside a longer name.

    Not a country: "Bank of Mexico" is the country's, not the article town's.
    """
    if not mention.candidates:
        return False
    top = mention.candidates[0]
    return (
        top.place.precision == "region"
        and is_major(top.place)
        and any(r.startswith("part match") for r in top.reasons)
    )


def locates_better_than_a_town(place: Place) -> bool:
    """Whether a place a name spells out beats the article's town as that name's place.

    A city ("London Guildhall School") or a city-state ("Vatican Gardens") does; a state
    or a country ("Colorado State University") does not.
    """
    if place.precision == "town":
        return is_major(place)
    return place.precision == "country" and 0 < place.radius_km <= SMALL_AREA_KM
