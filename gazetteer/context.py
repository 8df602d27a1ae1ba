"""Document context for disambiguation: qualifiers, the country/state profile, spatial coherence.

A news article names places that belong together: the towns of a local US paper lie in
one state, a war report's towns in one or two countries. This module turns what the
other mentions of a document point to into features the resolver adds to each candidate:

- explicit qualifiers right after a name ("Tripoli, Lebanon", "Paris, Texas",
  "Springfield, Ill." with US state abbreviations in AP style);
- a profile of the countries and first-level regions the resolved mentions lie in, and the
  regions the document names itself ("Ohio" makes an Ohio town of that name likelier);
- the points of the other resolved mentions (a candidate near them is likelier).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from gazetteer.model import Place

__all__ = [
    "US_STATE_ABBREVIATIONS",
    "US_STATE_NAMES",
    "CandidateGrid",
    "DocumentProfile",
    "fast_km",
    "km_beyond",
    "qualifier_after",
    "state_from_abbreviation",
]

#: AP-style and postal abbreviations of US states -> postal code (GeoNames admin1 of the US).
US_STATE_ABBREVIATIONS: dict[str, str] = {
    "ala": "AL",
    "alaska": "AK",
    "ariz": "AZ",
    "ark": "AR",
    "calif": "CA",
    "cal": "CA",
    "colo": "CO",
    "conn": "CT",
    "del": "DE",
    "fla": "FL",
    "ga": "GA",
    "hawaii": "HI",
    "idaho": "ID",
    "ill": "IL",
    "ind": "IN",
    "iowa": "IA",
    "kan": "KS",
    "kans": "KS",
    "ky": "KY",
    "la": "LA",
    "maine": "ME",
    "md": "MD",
    "mass": "MA",
    "mich": "MI",
    "minn": "MN",
    "miss": "MS",
    "mo": "MO",
    "mont": "MT",
    "neb": "NE",
    "nebr": "NE",
    "nev": "NV",
    "n.h": "NH",
    "nh": "NH",
    "n.j": "NJ",
    "nj": "NJ",
    "n.m": "NM",
    "nm": "NM",
    "n.y": "NY",
    "ny": "NY",
    "n.c": "NC",
    "nc": "NC",
    "n.d": "ND",
    "nd": "ND",
    "ohio": "OH",
    "okla": "OK",
    "ore": "OR",
    "oreg": "OR",
    "pa": "PA",
    "penn": "PA",
    "r.i": "RI",
    "ri": "RI",
    "s.c": "SC",
    "sc": "SC",
    "s.d": "SD",
    "sd": "SD",
    "tenn": "TN",
    "tex": "TX",
    "texas": "TX",
    "utah": "UT",
    "vt": "VT",
    "va": "VA",
    "wash": "WA",
    "w.va": "WV",
    "wva": "WV",
    "wis": "WI",
    "wisc": "WI",
    "wyo": "WY",
    "d.c": "DC",
    "dc": "DC",
}

#: US postal code -> state name (to turn "Kan." into the state entry of the index).
US_STATE_NAMES: dict[str, str] = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "DC": "District of Columbia",
}

_QUALIFIER_RE = re.compile(r",\s*((?:[A-Z]\.){1,2}[A-Za-z]{0,3}\.?|[A-Z][a-z]{1,4}\.)")


def state_from_abbreviation(token: str) -> str | None:
    """Return the US postal code an AP-style abbreviation stands for, else None.

    >>> [state_from_abbreviation(s) for s in ("Ill.", "W.Va.", "Foo.")]
    ['IL', 'WV', None]
    """
    key = token.strip().rstrip(".").lower().replace(" ", "")
    return US_STATE_ABBREVIATIONS.get(key)


def qualifier_after(text: str, end: int) -> tuple[str, int] | None:
    """Return ``(postal_code, qualifier_end)`` when a US state abbreviation follows ``end``.

    >>> qualifier_after("Springfield, Ill., police said", 11)
    ('IL', 17)
    >>> qualifier_after("Springfield, Illinois", 11) is None
    True
    """
    match = _QUALIFIER_RE.match(text, end)
    if not match:
        return None
    code = state_from_abbreviation(match.group(1))
    return (code, match.end()) if code else None


def fast_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Approximate distance in km (equirectangular; good to a few % below ~1000 km).

    >>> round(fast_km(0, 0, 0, 1))
    111
    """
    x = math.radians(lon2 - lon1)
    if x > math.pi:
        x -= 2 * math.pi
    elif x < -math.pi:
        x += 2 * math.pi
    x *= math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)


def km_beyond(place: Place, other: Place) -> float:
    """Approximate km from ``place`` to the edge of ``other``'s extent (0 inside it).

    A region or a large city is as near as its edge (``radius_km``): the distance the
    namesake and anchor rules compare with their limits.
    """
    return max(0.0, fast_km(place.lat, place.lon, other.lat, other.lon) - other.radius_km)


def _is_area(place: Place) -> bool:
    return place.precision in ("country", "region", "sea") or place.feature_code.startswith(
        ("PCL", "ADM", "CONT", "RGN")
    )


@dataclass(slots=True)
class _Tally:
    """Weighted counts of countries and regions (whole document, or one name's share)."""

    # plain dicts, not Counters: a document builds one tally per name and pass, and a
    # Counter costs several times a dict to build (the sums are the same: 0 + weight first)
    total: float = 0.0
    countries: dict[str, float] = field(default_factory=dict)
    admins: dict[tuple[str, str], float] = field(default_factory=dict)
    named_countries: dict[str, float] = field(default_factory=dict)
    named_admins: dict[tuple[str, str], float] = field(default_factory=dict)

    def apply(self, place: Place, weight: float) -> None:
        cc = place.country_code
        if not cc:
            return
        self.total += weight
        self.countries[cc] = self.countries.get(cc, 0) + weight
        if place.admin1:
            admin = (cc, place.admin1)
            self.admins[admin] = self.admins.get(admin, 0) + weight
        if place.feature_code.startswith("PCL"):
            self.named_countries[cc] = self.named_countries.get(cc, 0) + weight
        elif place.feature_code == "ADM1" and place.admin1:
            admin = (cc, place.admin1)
            self.named_admins[admin] = self.named_admins.get(admin, 0) + weight


#: The tally of a name without votes (read only; ``shares`` asks it for most candidates).
_NO_VOTES = _Tally()


@dataclass(slots=True)
class DocumentProfile:
    """What the other mentions of a document say: countries, regions and points.

    Each mention name casts one or more weighted votes (its current reading, or on the
    first pass a spread over its likely readings); shares are computed leaving the asking
    name's votes out, so a name never votes for itself.
    """

    tally: _Tally = field(default_factory=_Tally)
    by_name: dict[str, _Tally] = field(default_factory=dict)
    top_by_name: dict[str, tuple[Place, float]] = field(default_factory=dict)
    _version: int = field(default=0, repr=False, compare=False)
    _points: tuple[tuple[int, int, int], list[tuple[str, str, float, float, str]]] | None = field(
        default=None, repr=False, compare=False)
    #: Answers of :meth:`nearest_km` since the last vote. They read only the top readings,
    #: so they hold for a profile kept for the next pass (the same votes) and for one of
    #: other weights on the same readings (:meth:`inherit_distances`).
    _near: dict[tuple, tuple[float, str] | None] = field(default_factory=dict, repr=False,
                                                        compare=False)

    @property
    def total(self) -> float:
        """Total weight of all votes with a country."""
        return self.tally.total

    def add(self, name_key: str, place: Place, weight: float) -> None:
        """Record a vote of the mention(s) called ``name_key`` for ``place``."""
        if self._near:
            self._near.clear()
        self.tally.apply(place, weight)
        own = self.by_name.get(name_key)
        if own is None:  # (not setdefault: a _Tally is four dicts, built for nothing)
            own = self.by_name[name_key] = _Tally()
        own.apply(place, weight)
        top = self.top_by_name.get(name_key)
        if top is None or weight > top[1]:
            self.top_by_name[name_key] = (place, weight)
            self._version += 1

    def shares(
        self, name_key: str, place: Place, smoothing: float = 0.0
    ) -> tuple[float, float, bool, bool]:
        """Return (country share, admin1 share, country named, admin1 named) for a candidate.

        The asking name's own votes are left out; ``smoothing`` is added to the total so that
        one or two other names cannot claim a 100 % share.
        """
        cc = place.country_code
        if not cc:
            return 0.0, 0.0, False, False
        own = self.by_name.get(name_key) or _NO_VOTES
        total = self.tally.total - own.total
        if total <= 1e-9:
            return 0.0, 0.0, False, False
        admin = (cc, place.admin1)
        c = self.tally.countries.get(cc, 0.0) - own.countries.get(cc, 0.0)
        a = (
            (self.tally.admins.get(admin, 0.0) - own.admins.get(admin, 0.0))
            if place.admin1
            else 0.0
        )
        nc = self.tally.named_countries.get(cc, 0.0) - own.named_countries.get(cc, 0.0)
        na = (
            self.tally.named_admins.get(admin, 0.0) - own.named_admins.get(admin, 0.0)
            if place.admin1
            else 0.0
        )
        total += smoothing
        return max(c, 0.0) / total, max(a, 0.0) / total, nc > 0.3, na > 0.3

    def _point_list(self, limit: int) -> list[tuple[str, str, float, float, str]]:
        """Return the point-like top readings among the first ``limit`` names.

        Items are ``(key, place id, lat, lon, name)``; rebuilt only when a vote changed a
        top reading.
        """
        stamp = (self._version, len(self.top_by_name), limit)
        if self._points is not None and self._points[0] == stamp:
            return self._points[1]
        points = []
        for count, (key, (other, _w)) in enumerate(self.top_by_name.items()):
            if count >= limit:
                break
            if not _is_area(other):
                points.append((key, other.id, other.lat, other.lon, other.name))
        self._points = (stamp, points)
        return points

    def nearest_km(self, name_key: str, place: Place, limit: int = 40,
                   within_km: float = math.inf) -> tuple[float, str] | None:
        """Return the distance to the nearest other point-like reading and its name.

        With ``within_km``, a reading whose latitude alone puts it farther is skipped
        without computing its distance, so a caller that ignores such distances gets None
        or a distance of at least ``within_km`` instead; nearer ones are exact.
        """
        asked = (name_key, place.id, place.lat, place.lon, limit, within_km)
        if asked in self._near:
            return self._near[asked]
        found = self._near[asked] = self._nearest_km(name_key, place, limit, within_km)
        return found

    def inherit_distances(self, previous: DocumentProfile) -> None:
        """Take ``previous``'s :meth:`nearest_km` answers if both have the same top readings.

        The same names, in the same order, on the same place objects: the point list is
        the same, so are the distances (a pass that changed the weights only asks again).
        """
        mine, theirs = self.top_by_name, previous.top_by_name
        if len(mine) == len(theirs) and all(
                k1 == k2 and p1 is p2
                for (k1, (p1, _w1)), (k2, (p2, _w2)) in zip(mine.items(), theirs.items(),
                                                            strict=True)):
            self._near.update(previous._near)

    def _nearest_km(self, name_key: str, place: Place, limit: int,
                    within_km: float) -> tuple[float, str] | None:
        """Compute :meth:`nearest_km` (not remembered)."""
        best: tuple[float, str] | None = None
        best_d = 0.0
        lat1, lon1, place_id = place.lat, place.lon, place.id
        radians, cos, hypot, pi = math.radians, math.cos, math.hypot, math.pi
        # hypot(x, y) >= |y|: a latitude gap beyond this (with a margin far above rounding
        # error) puts a reading farther than ``within_km``
        max_gap = within_km / 6371.0 * (1 + 1e-9)
        for key, other_id, lat2, lon2, name in self._point_list(limit):
            if key == name_key or other_id == place_id:
                continue
            # fast_km inlined (same operations, same result)
            y = radians(lat2 - lat1)
            if abs(y) > max_gap:
                continue
            x = radians(lon2 - lon1)
            if x > pi:
                x -= 2 * pi
            elif x < -pi:
                x += 2 * pi
            x *= cos(radians((lat1 + lat2) / 2))
            d = 6371.0 * hypot(x, y)
            if best is None or d < best_d:
                best, best_d = (d, name), d
        return best

    @classmethod
    def from_places(cls, places: Iterable[tuple[str, Place, float]]) -> DocumentProfile:
        """Build a profile from ``(name_key, place, weight)`` triples."""
        profile = cls()
        for key, place, weight in places:
            profile.add(key, place, weight)
        return profile


class CandidateGrid:
    """All candidate points of a document's names, bucketed by 1-degree cells.

    Answers "how close is this candidate to some candidate of another name?" without
    comparing every pair: a town of one name next to a town or county of another name is
    likely the right reading of both ("Paris" and "Henry County" in Tennessee).
    """

    def __init__(self, radius_limit_km: float = 120.0) -> None:
        """Create an empty grid; areas wider than ``radius_limit_km`` are not added."""
        self._cells: dict[tuple[int, int], list[tuple[float, float, str, str, float, str]]] = {}
        self._radius_limit = radius_limit_km

    def add(self, key: str, place: Place, weight: float = 1.0) -> None:
        """Add a candidate of the name ``key`` (large areas are not points and are skipped).

        ``weight`` says how much a neighbour of this reading counts (a name with many
        readings, like "Springfield", is weak evidence for any one of them).
        """
        if place.precision in ("country", "sea") or place.radius_km > self._radius_limit:
            return
        cell = (int(math.floor(place.lat)), int(math.floor(place.lon)))
        self._cells.setdefault(cell, []).append(
            (place.lat, place.lon, key, place.name, weight, place.id)
        )

    def nearest_other(self, key: str, place: Place) -> tuple[float, str, float] | None:
        """``(km, name, weight)`` of the nearest candidate of another name within ~1 degree."""
        base_lat, base_lon = int(math.floor(place.lat)), int(math.floor(place.lon))
        best: tuple[float, str, float] | None = None
        for dlat in (-1, 0, 1):
            for dlon in (-1, 0, 1):
                cell = self._cells.get((base_lat + dlat, base_lon + dlon), ())
                for lat, lon, other_key, name, weight, place_id in cell:
                    if other_key == key or place_id == place.id:
                        continue
                    d = fast_km(place.lat, place.lon, lat, lon)
                    if best is None or d < best[0]:
                        best = (d, name, weight)
        return best
