"""Check a stated distance against the geodesic truth, honestly.

A reporter's "some 90 km south of Tripoli" is checked against the WGS84 geodesic between
the two places. The verdict says how far off the figure is (km and %), whether it fits
what the wording allows ("about"/"some" ±15 %, "nearly" just under, "more than", "less
than", "within", a range), whether it fits a road route instead (roads typically add
20–40 % to the straight line, so a figure inside that band is "plausible as road distance",
not wrong), and whether the bearing fits the stated direction.

The module takes points and numbers (:class:`Spot`, km, the wording), not claim objects:
:func:`judge` is the check itself; :func:`check_distance` reads those numbers from any
object shaped like a distance claim (``anchor_place``, ``value_min``, ``qualifier``, ...)
without importing the claims package.

What a point stands for matters. A distance to a country, sea or continent runs from its
edge and is not checked. A name that is both a region and a town ("Sennar" state and town)
takes the town reading (``town_reading``, given by the caller); a region without a town of
its name is measured from its edge, and the label says so. No verdict is ever given against
an area's centre point.

For a force or front subject ("LNA forces ... only 100 kilometers from Misrata") there is
no second point; when the article names a place the force holds ("beyond Sirte"), the
verdict says where the claim puts the front relative to it: Sirte is 192 km from Misrata,
so the claim puts the front about 90 km past Sirte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from shapely.geometry import Polygon

from geo.geodesic import (
    bearing_fits,
    compass_point,
    distance_and_bearing,
    distance_floor_km,
    distance_km,
    initial_bearing,
    to_km,
)
from geo.lazy_region import PendingRing, lazy_slot

__all__ = ["AREA_PRECISIONS", "HEDGES", "REGION_PRECISIONS", "ROAD_FACTOR", "VERDICT_CLASSES",
           "DistanceVerdict", "Spot", "check_distance", "hedge_word", "judge",
           "nearest_held_place", "spot_of", "verdict_class", "wording_bounds"]

#: Typical ratio of road distance to straight-line distance (detour index).
ROAD_FACTOR: tuple[float, float] = (1.2, 1.4)
#: Rounding tolerance for a bare figure and for "about"/"some".
_BARE_TOLERANCE = 0.10
_ABOUT_TOLERANCE = 0.15
#: Precisions whose point says nothing about a distance: measured from the edge, unchecked.
AREA_PRECISIONS: frozenset[str] = frozenset({"country", "sea", "continent"})
#: Precisions of regions: a town reading is taken when there is one, else the region's edge.
REGION_PRECISIONS: frozenset[str] = frozenset({"region"})

#: Hedge words in front of a figure, as written, and the range of true distances each allows
#: as (low factor, high factor) of the stated figure. "some" and "about" are the same hedge;
#: "nearly", "almost" and "close to" put the truth at or just under the figure ("nearly
#: 2,000 km" is not 2,200 km).
HEDGES: dict[str, tuple[float, float]] = {
    "about": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "around": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "some": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "roughly": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "approximately": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "circa": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "an estimated": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "estimated": (1 - _ABOUT_TOLERANCE, 1 + _ABOUT_TOLERANCE),
    "nearly": (1 - _ABOUT_TOLERANCE, 1.02),
    "almost": (1 - _ABOUT_TOLERANCE, 1.02),
    "close to": (1 - _ABOUT_TOLERANCE, 1.05),
}
_HEDGE_BEFORE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(h) for h in HEDGES), key=len, reverse=True))
    + r")\s+(?:a\s+)?$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Spot:
    """A named position a distance is measured from or to.

    ``precision`` is the gazetteer's (town, site, district, region, country, sea);
    ``radius_km`` the rough extent of an area (0 for a point).
    """

    name: str
    lat: float
    lon: float
    precision: str = "town"
    radius_km: float = 0.0

    @property
    def point(self) -> tuple[float, float]:
        """``(lat, lon)``."""
        return (self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class DistanceVerdict:
    """The result of checking one distance claim.

    ``true_km`` is None when the subject is not a place (force, event), is unresolved or is a
    country or sea; ``front_past_km`` (force subjects) is how far past ``held_place`` the
    claim puts the front, on the way to the anchor. ``measured_from`` says what the true
    distance runs between when that is not the two places' points ("the edge of Sennar").
    ``status`` is one of :data:`VERDICT_CLASSES`. ``region`` (force and event subjects) is
    the ring polygon, built when first read (:mod:`geo.lazy_region`).
    """

    stated_min_km: float
    stated_max_km: float
    allowed_min_km: float
    allowed_max_km: float
    true_km: float | None
    diff_km: float | None
    diff_pct: float | None
    within_wording: bool | None
    road_min_km: float | None
    road_max_km: float | None
    plausible_as_road: bool | None
    bearing: float | None
    bearing_compass: str | None
    bearing_fits: bool | None
    held_place: str | None
    held_to_anchor_km: float | None
    front_past_km: float | None
    label: str
    region: Polygon | None = None
    status: str = "unchecked"
    wording: str = ""
    measured_from: str | None = None


lazy_slot(DistanceVerdict, "region")

#: What a verdict can say, in the order the map legend lists them.
VERDICT_CLASSES: tuple[str, ...] = ("consistent", "road", "understated", "overstated",
                                    "unchecked")


def verdict_class(label: Any) -> str:
    """Return the :data:`VERDICT_CLASSES` entry of a verdict label (stored labels included).

    >>> verdict_class("consistent: true 95 km"), verdict_class("plausible as road distance: x")
    ('consistent', 'road')
    >>> verdict_class("understated: true 130 km (-31%)"), verdict_class(None)
    ('understated', 'unchecked')
    """
    text = str(label or "").lower()
    text = text.split(": ", 1)[1] if text.startswith("from the edge of") and ": " in text \
        else text
    for cls, prefix in (("consistent", "consistent"), ("road", "plausible as road"),
                        ("understated", "understated"), ("overstated", "overstated")):
        if text.startswith(prefix):
            return cls
    return "unchecked"


def hedge_word(quote: str | None, value: float) -> str | None:
    """Return the hedge written just before the figure in ``quote`` ("some", "nearly"), if any.

    The claims package folds every hedge into "about"; the verdict needs the word itself,
    since "nearly 2,000 km" allows less than "about 2,000 km".

    >>> hedge_word("Sennar, some 90 km south of Wad Madani", 90)
    'some'
    >>> hedge_word("lies nearly 2,000 kilometres from", 2000), hedge_word("90 km", 90)
    ('nearly', None)
    """
    if not quote:
        return None
    number = f"{value:,.0f}" if value == int(value) else f"{value:g}"
    for form in dict.fromkeys((number, number.replace(",", ""), f"{value:g}")):
        for match in re.finditer(re.escape(form) + r"(?![\d.,]*\d)", quote):
            found = _HEDGE_BEFORE.search(quote[:match.start()])
            if found:
                return found.group(1).lower()
    return None


def wording_bounds(value_min_km: float, value_max_km: float, qualifier: str | None,
                   hedge: str | None = None) -> tuple[float, float]:
    """Return the range of true distances the wording allows, in km.

    ``hedge`` is the word as written (:func:`hedge_word`); it refines ``qualifier``
    "about", which stands for any hedge.

    >>> [round(v, 2) for v in wording_bounds(90, 90, "about")]
    [76.5, 103.5]
    >>> wording_bounds(60, 60, "more than")[0], round(wording_bounds(3, 3, "less than")[1], 2)
    (57.0, 3.15)
    >>> [round(v) for v in wording_bounds(2000, 2000, "about", "nearly")]
    [1700, 2040]
    """
    if qualifier in {"more than", "outside"}:
        return value_min_km * 0.95, float("inf")
    if qualifier in {"less than", "within"}:
        return 0.0, value_max_km * 1.05
    if qualifier == "only":
        return value_min_km * (1 - _ABOUT_TOLERANCE) * 0.5, value_max_km * (1 + _ABOUT_TOLERANCE)
    if hedge in HEDGES:
        low, high = HEDGES[hedge]
        return value_min_km * low, value_max_km * high
    tol = _ABOUT_TOLERANCE if (qualifier == "about" or value_min_km != value_max_km) \
        else _BARE_TOLERANCE
    return value_min_km * (1 - tol), value_max_km * (1 + tol)


def _fmt(km: float) -> str:
    if km >= 1000:
        return f"{km:,.0f}"
    return f"{km:.0f}" if km >= 10 else f"{km:.1f}"


def _stated(lo: float, hi: float, qualifier: str | None, hedge: str | None) -> str:
    """Return the figure as the claim words it: "some 90 km", "nearly 2,000 km", "2–9 km"."""
    figure = f"{_fmt(lo)} km" if lo == hi else f"{_fmt(lo)}–{_fmt(hi)} km"
    word = hedge or (qualifier if qualifier and qualifier != "about" else None)
    if word is None and qualifier == "about":
        word = "about"
    return f"{word} {figure}" if word else figure


def judge(anchor: Spot, subject: Spot | None, stated_min_km: float, stated_max_km: float,
          qualifier: str | None = None, direction: str | None = None, *,
          hedge: str | None = None, held: Spot | None = None,
          anchor_label: str | None = None) -> DistanceVerdict:
    """Check a stated distance (km) between ``anchor`` and ``subject`` (None: a force).

    ``hedge`` is the hedge word as written; ``held`` a place the force is said to hold
    (force subjects only); ``anchor_label`` the anchor as the text names it ("Libya's
    capital"). Areas follow the module rules: countries and seas are not checked, a region
    is measured from its edge.
    """
    lo, hi = stated_min_km, stated_max_km
    allowed = wording_bounds(lo, hi, qualifier, hedge)
    stated = _stated(lo, hi, qualifier, hedge)
    mid = (lo + hi) / 2
    empty = dict(true_km=None, diff_km=None, diff_pct=None, within_wording=None,
                 road_min_km=None, road_max_km=None, plausible_as_road=None, bearing=None,
                 bearing_compass=None, bearing_fits=None, held_place=None,
                 held_to_anchor_km=None, front_past_km=None)
    area = next((p for p in (anchor, subject) if p is not None
                 and p.precision in AREA_PRECISIONS), None)
    if area is not None:
        # "1,000 km inside Russia": a distance to a country or a sea runs from its edge; its
        # centre point says nothing about the claim.
        label = (f"{area.name} is an area ({area.precision}, radius ~{_fmt(area.radius_km)} km): "
                 "a distance to it runs from its edge and is not checked against its centre")
        return DistanceVerdict(lo, hi, allowed[0], allowed[1], label=label, wording=stated,
                               **empty)
    name = anchor_label or anchor.name
    if "capital" in name.lower() or "cent" in name.lower():
        name = f"{name} ({anchor.name})"  # "Libya’s capital (Tripoli)"
    if subject is None or subject.point == anchor.point:
        return _force_verdict(anchor, name, lo, hi, allowed, direction, held, stated, empty)
    true_km, bearing = distance_and_bearing(anchor.point, subject.point)  # one solution
    measured_from = None
    regions = [p for p in (anchor, subject) if p.precision in REGION_PRECISIONS]
    if regions:
        edge = sum(p.radius_km for p in regions)
        if true_km <= edge:
            label = (f"{regions[0].name} is a region (radius ~{_fmt(regions[0].radius_km)} km) "
                     "around the other place: not checked against its centre")
            return DistanceVerdict(lo, hi, allowed[0], allowed[1], label=label, wording=stated,
                                   measured_from="inside a region", **empty)
        true_km -= edge
        measured_from = "the edge of " + " and ".join(p.name for p in regions)
    diff_km = mid - true_km
    diff_pct = 100.0 * diff_km / true_km if true_km else None
    within = allowed[0] <= true_km <= allowed[1]
    road = (true_km * ROAD_FACTOR[0], true_km * ROAD_FACTOR[1])
    # the road band shown is the band tested: a figure outside it is not "plausible by road"
    road_ok = not within and road[0] <= mid <= road[1]
    compass = compass_point(bearing)
    fits = bearing_fits(bearing, direction) if direction else None
    pct = f" ({diff_pct:+.0f}%)" if diff_pct is not None else ""
    if within:
        status, label = "consistent", f"consistent: stated {stated}, true {_fmt(true_km)} km{pct}"
    elif road_ok:
        status = "road"
        label = (f"plausible as road distance: stated {stated}, straight line "
                 f"{_fmt(true_km)} km, road ~{_fmt(road[0])}–{_fmt(road[1])} km")
    elif mid < true_km:
        status, label = "understated", f"understated: stated {stated}, true {_fmt(true_km)} km{pct}"
    else:
        status, label = "overstated", f"overstated: stated {stated}, true {_fmt(true_km)} km{pct}"
    if measured_from:
        label = f"from {measured_from} (a region; its centre is not used): {label}"
    if fits is False:
        label += f"; bearing {compass} ({bearing:.0f}°), not {direction}"
    return DistanceVerdict(lo, hi, allowed[0], allowed[1], true_km, diff_km, diff_pct, within,
                           road[0], road[1], road_ok, bearing, compass, fits, None, None, None,
                           label, None, status, stated, measured_from)


def _force_verdict(anchor: Spot, name: str, lo: float, hi: float,
                   allowed: tuple[float, float], direction: str | None, held: Spot | None,
                   stated: str, empty: dict[str, Any]) -> DistanceVerdict:
    """Judge a force or event subject: the ring, and where it puts the front past a held place."""
    mid = (lo + hi) / 2
    region = (PendingRing(anchor.point, allowed[0], min(allowed[1], hi * 2 + 1), direction)
              if hi > 0 else None)  # the polygon is built when read (geo.lazy_region)
    held_km = distance_km(held.point, anchor.point) if held is not None else None
    if held_km is not None and (held_km == 0 or held_km > max(3 * mid, mid + 150)):
        held_km = None  # another front: a held place that far says nothing about this one
    fields = dict(empty)
    if held is not None and held_km is not None:
        past_km = held_km - mid
        fields.update(held_place=held.name, held_to_anchor_km=held_km, front_past_km=past_km)
        if past_km > 0:
            label = (f"claim puts the front ~{_fmt(round(past_km, -1) or past_km)} km past "
                     f"{held.name} ({held.name}–{name} {_fmt(held_km)} km, "
                     f"claimed {_fmt(mid)} km)")
        else:
            label = (f"claim puts the front {_fmt(-past_km)} km short of {held.name} "
                     f"({held.name}–{name} {_fmt(held_km)} km, claimed {_fmt(mid)} km)")
    else:
        label = f"ring of {_fmt(mid)} km around {name}; no second point to check"
    return DistanceVerdict(lo, hi, allowed[0], allowed[1], label=label, region=region,
                           wording=stated, **fields)


class _ClaimLike(Protocol):
    """What :func:`check_distance` reads from a distance claim (``claims.model.DistanceClaim``)."""

    value_min: float
    value_max: float
    unit: str
    qualifier: str | None
    direction: str | None
    subject_kind: str
    anchor: str
    anchor_place: Any
    subject_place: Any


def spot_of(place: Any) -> Spot:
    """Return a :class:`Spot` for a gazetteer place (anything with name, lat, lon, precision)."""
    precision = str(getattr(place, "precision", "town") or "town")
    if getattr(place, "feature_code", None) == "CONT":
        precision = "continent"
    return Spot(str(place.name), float(place.lat), float(place.lon), precision,
                float(getattr(place, "radius_km", 0.0) or 0.0))


#: Finds the town reading of a region's name (``geo.town_reading.town_reading``).
TownReading = Callable[[Any], Any]


def _reading(place: Any, town_reading: TownReading | None) -> Any:
    """Return the place itself, or the town of its name when it is a region and one exists."""
    if place is None or town_reading is None:
        return place
    if str(getattr(place, "precision", "")) not in REGION_PRECISIONS:
        return place
    return town_reading(place) or place


def check_distance(claim: _ClaimLike, *, held_place: Any = None,
                   town_reading: TownReading | None | bool = True) -> DistanceVerdict | None:
    """Check a distance claim; None when its anchor is not resolved to a point.

    ``held_place`` is a place the article says the claim's force holds or has passed
    ("beyond Sirte"); it is used for force and event subjects only. ``town_reading``
    maps a region to the town of its name (default :func:`geo.town_reading.town_reading`,
    over the gazetteer; False to keep regions as they are).
    """
    if town_reading is True:
        from geo.town_reading import town_reading as default_reading

        town_reading = default_reading
    lookup = town_reading or None
    anchor = _reading(claim.anchor_place, lookup)
    if anchor is None:
        return None
    subject = claim.subject_place if claim.subject_kind == "place" else None
    subject = _reading(subject, lookup)
    lo, hi = to_km(claim.value_min, claim.unit), to_km(claim.value_max, claim.unit)
    provenance = getattr(claim, "provenance", None)
    hedge = (hedge_word(getattr(provenance, "quote", None), claim.value_min)
             if claim.qualifier == "about" else None)
    label = claim.anchor if claim.anchor[:1].isupper() else anchor.name
    return judge(spot_of(anchor), spot_of(subject) if subject is not None else None, lo, hi,
                 claim.qualifier, claim.direction, hedge=hedge,
                 held=spot_of(held_place) if held_place is not None else None,
                 anchor_label=label)


def nearest_held_place(claim: _ClaimLike, held: Iterable[Any]) -> Any:
    """Pick, among places the claim's force is said to hold, the one closest to the anchor.

    That is the force's forward position on the way to the anchor; places in another
    direction than the claim's (when it states one) or far beyond the claimed distance
    (another front) are left out.
    """
    anchor = claim.anchor_place
    if anchor is None:
        return None
    a_pt = (anchor.lat, anchor.lon)
    mid = (to_km(claim.value_min, claim.unit) + to_km(claim.value_max, claim.unit)) / 2
    best: tuple[float, Any] | None = None
    measured: dict[tuple[float, float], float] = {}  # an article names a held town often
    for place in held:
        p_pt = (place.lat, place.lon)
        if p_pt == a_pt or distance_floor_km(a_pt, p_pt) > max(3 * mid, mid + 150):
            continue  # the same place, or surely beyond the claimed distance
        km = measured.get(p_pt)
        if km is None:
            km = measured[p_pt] = distance_km(a_pt, p_pt)
        if km > max(3 * mid, mid + 150):
            continue
        if claim.direction and not bearing_fits(initial_bearing(a_pt, p_pt), claim.direction, 67.5):
            continue
        if best is None or km < best[0]:
            best = (km, place)
    return best[1] if best else None
