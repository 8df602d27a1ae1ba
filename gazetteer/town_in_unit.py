"""A town placed "in" a name its own region bears: that name is the region, not its city.

"Kanbalu in Sagaing", "Kramatorsk in Donetsk", "Kupiansk in Kharkiv": the second name is
the first-level unit the town lies in (Sagaing Region, Donetsk and Kharkiv oblasts). The
resolver reads it as the unit's capital, the likelier reading of a bare name, which puts
a point on a city 80 to 150 km from the town the sentence is about and says the claim is
there. The ``town-in-unit`` pass reads the frame

    TOWN in [the] UNIT-NAME

where TOWN is a plainly read town, UNIT-NAME the very next mention, read as a town more
than :data:`CITY_APART_KM` from it, and one of UNIT-NAME's readings is a first-level unit
(ADM1) of the same country and the same first-level code as the town. The unit reading is
put first, with the reason. A city within :data:`CITY_APART_KM` is kept ("Saltivka in
Kharkiv" is a district of the city), and so is any name the text already reads as a unit
or a country ("in Donetsk region", "in Niger").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer.context import fast_km
from gazetteer.model import Candidate, Mention, Place

__all__ = ["CITY_APART_KM", "TOWN_IN_UNIT", "towns_in_units"]

#: Pass name (trace, switch).
TOWN_IN_UNIT = "town-in-unit"
#: A city of the unit's name this close to the town may be what the text means (a district,
#: a suburb); farther, "in" names the unit.
CITY_APART_KM = 40.0

_IN_GAP_RE = re.compile(r"^\s+in\s+(?:the\s+)?$", re.IGNORECASE)
_TOWN_CODES = frozenset({"PPL", "PPLA", "PPLA2", "PPLA3", "PPLA4", "PPLC", "PPLX", "PPLL"})


def _plain_town(mention: Mention, weak: bool) -> Place | None:
    place = mention.place
    if weak or place is None or place.precision not in ("town", "district"):
        return None
    if not place.country_code or not place.admin1:
        return None
    return place


def _unit_reading(container: Mention, town: Place) -> Candidate | None:
    """Return the container's ADM1 reading holding ``town`` when its top reading is a far city."""
    top = container.place
    if top is None or top.feature_code not in _TOWN_CODES:
        return None
    if fast_km(top.lat, top.lon, town.lat, town.lon) <= CITY_APART_KM:
        return None
    for cand in container.candidates[1:]:
        place = cand.place
        if (place.feature_code == "ADM1" and place.country_code == town.country_code
                and place.admin1 == town.admin1):
            return cand
    return None


def towns_in_units(text: str, mentions: Sequence[Mention], weak: Sequence[bool]) -> list[Mention]:
    """Read the name after "TOWN in" as the first-level unit holding the town.

    ``weak[i]`` marks mentions whose own reading is weak (they are no evidence). Returns the
    mentions with each such container's unit reading put first.
    """
    out = list(mentions)
    order = sorted(range(len(out)), key=lambda i: (out[i].start, out[i].end))
    for rank in range(len(order) - 1):
        i, j = order[rank], order[rank + 1]
        town = _plain_town(out[i], bool(weak[i]) if i < len(weak) else False)
        if town is None or out[j].start < out[i].end:
            continue
        if not _IN_GAP_RE.match(text[out[i].end : out[j].start]):
            continue
        unit = _unit_reading(out[j], town)
        if unit is None:
            continue
        reason = (f"the region {unit.place.name}, which holds {town.name}: the text puts "
                  f"{out[i].text} in {out[j].text}")
        out[j] = out[j].promoted(unit, reason)
    return out
