"""Check a stated distance against the geodesic truth, honestly.

A reporter's "some 90 km south of Tripoli" is checked against the WGS84 geodesic between
the two places. The verdict says how far off the figure is (km and %), whether it fits
what the wording allows ("about" ±15 %, "more than", "less than", "within", a range),
whether it fits a road route instead (roads typically add 20–40 % to the straight line,
so a figure in that band is "plausible as road distance", not wrong), and whether the
bearing fits the stated direction.

For a force or front subject ("LNA forces ... only 100 kilometers from Misrata") there is
no second point; when the article names a place the force holds ("beyond Sirte"),
:func:`check_distance` says where the claim puts the front relative to it: Sirte is
192 km from Misrata, so the claim puts the front about 90 km past Sirte.
"""

from __future__ import annotations

from dataclasses import dataclass

from shapely.geometry import Polygon

from claims.model import DistanceClaim
from gazetteer.model import Place
from geo.geodesic import bearing_fits, compass_point, distance_km, initial_bearing, to_km
from geo.sector import claim_region

__all__ = ["ROAD_FACTOR", "DistanceVerdict", "check_distance", "nearest_held_place",
           "wording_bounds"]

#: Typical ratio of road distance to straight-line distance (detour index).
ROAD_FACTOR: tuple[float, float] = (1.2, 1.4)
#: Rounding tolerance for a bare figure and for "about"/"some".
_BARE_TOLERANCE = 0.10
_ABOUT_TOLERANCE = 0.15


@dataclass(frozen=True, slots=True)
class DistanceVerdict:
    """The result of checking one distance claim.

    ``true_km`` is None when the subject is not a place (force, event) or unresolved;
    ``front_past_km`` (force subjects) is how far past ``held_place`` the claim puts the
    front, on the way to the anchor.
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


def _is_area(place: Place) -> bool:
    """Whether a place is a country, sea or continent: no point to check a distance against.

    (A province keeps its point check: "30 km from Idlib province" usually means its town.)
    """
    return place.precision in ("country", "sea") or place.feature_code == "CONT"


def wording_bounds(value_min_km: float, value_max_km: float, qualifier: str | None,
                   ) -> tuple[float, float]:
    """Return the range of true distances the wording allows, in km.

    >>> [round(v, 2) for v in wording_bounds(90, 90, "about")]
    [76.5, 103.5]
    >>> wording_bounds(60, 60, "more than")[0], round(wording_bounds(3, 3, "less than")[1], 2)
    (57.0, 3.15)
    """
    if qualifier in {"more than", "outside"}:
        return value_min_km * 0.95, float("inf")
    if qualifier in {"less than", "within"}:
        return 0.0, value_max_km * 1.05
    if qualifier == "only":
        return value_min_km * (1 - _ABOUT_TOLERANCE) * 0.5, value_max_km * (1 + _ABOUT_TOLERANCE)
    tol = _ABOUT_TOLERANCE if (qualifier == "about" or value_min_km != value_max_km) \
        else _BARE_TOLERANCE
    return value_min_km * (1 - tol), value_max_km * (1 + tol)


def nearest_held_place(claim: DistanceClaim, held: list[Place]) -> Place | None:
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
    best: tuple[float, Place] | None = None
    for place in held:
        p_pt = (place.lat, place.lon)
        if p_pt == a_pt:
            continue
        km = distance_km(a_pt, p_pt)
        if km > max(3 * mid, mid + 150):
            continue
        if claim.direction and not bearing_fits(initial_bearing(a_pt, p_pt), claim.direction, 67.5):
            continue
        if best is None or km < best[0]:
            best = (km, place)
    return best[1] if best else None


def _fmt(km: float) -> str:
    return f"{km:.0f}" if km >= 10 else f"{km:.1f}"


def check_distance(claim: DistanceClaim, *, held_place: Place | None = None,
                   ) -> DistanceVerdict | None:
    """Check ``claim``; None when its anchor is not resolved to a point.

    ``held_place`` is a place the article says the claim's force holds or has passed
    ("beyond Sirte"); it is used for force and event subjects only.
    """
    anchor = claim.anchor_place
    if anchor is None:
        return None
    a_pt = (anchor.lat, anchor.lon)
    lo, hi = to_km(claim.value_min, claim.unit), to_km(claim.value_max, claim.unit)
    allowed = wording_bounds(lo, hi, claim.qualifier)
    subject = claim.subject_place if claim.subject_kind == "place" else None
    true_km = diff_km = diff_pct = None
    within = road_ok = fits = None
    road = (None, None)
    bearing = compass = None
    held_name = held_km = past_km = None
    region = None
    mid = (lo + hi) / 2
    area = next((p for p in (anchor, subject) if p is not None and _is_area(p)), None)
    if area is not None:
        # "1,000 km inside Russia": a distance to a country or a sea runs from its edge; its
        # centre point says nothing about the claim.
        label = (f"{area.name} is an area ({area.precision}, radius ~{_fmt(area.radius_km)} km): "
                 "a distance to it runs from its edge and is not checked against its centre")
        return DistanceVerdict(lo, hi, allowed[0], allowed[1], None, None, None, None, None,
                               None, None, None, None, None, None, None, None, label, None)
    anchor_name = claim.anchor if claim.anchor[:1].isupper() else anchor.name
    if "capital" in anchor_name.lower() or "cent" in anchor_name.lower():
        anchor_name = f"{anchor_name} ({anchor.name})"  # "Libya’s capital (Tripoli)"
    if subject is not None and (subject.lat, subject.lon) != a_pt:
        s_pt = (subject.lat, subject.lon)
        true_km = distance_km(a_pt, s_pt)
        diff_km = mid - true_km
        diff_pct = 100.0 * diff_km / true_km if true_km else None
        within = allowed[0] <= true_km <= allowed[1]
        road = (true_km * ROAD_FACTOR[0], true_km * ROAD_FACTOR[1])
        road_ok = not within and road[0] * (1 - _BARE_TOLERANCE) <= mid <= road[1] * 1.1
        bearing = initial_bearing(a_pt, s_pt)
        compass = compass_point(bearing)
        fits = bearing_fits(bearing, claim.direction) if claim.direction else None
        if within:
            label = f"consistent: true {_fmt(true_km)} km"
        elif road_ok:
            label = (f"plausible as road distance: straight line {_fmt(true_km)} km, "
                     f"road ~{_fmt(road[0])}–{_fmt(road[1])} km")
        elif mid < true_km:
            label = f"understated: true {_fmt(true_km)} km ({diff_pct:+.0f}%)"
        else:
            label = f"overstated: true {_fmt(true_km)} km ({diff_pct:+.0f}%)"
        if fits is False:
            label += f"; bearing {compass} ({bearing:.0f}°), not {claim.direction}"
    else:
        if hi > 0:
            region = claim_region(a_pt, allowed[0], min(allowed[1], hi * 2 + 1),
                                  claim.direction)
        held_km = (distance_km((held_place.lat, held_place.lon), a_pt)
                   if held_place is not None else None)
        if held_km is not None and (held_km == 0 or held_km > max(3 * mid, mid + 150)):
            held_km = None  # another front: a held place that far says nothing about this one
        if held_place is not None and held_km is not None:
            held_name = held_place.name
            past_km = held_km - mid
            if past_km > 0:
                label = (f"claim puts the front ~{_fmt(round(past_km, -1) or past_km)} km past "
                         f"{held_name} ({held_name}–{anchor_name} {_fmt(held_km)} km, "
                         f"claimed {_fmt(mid)} km)")
            else:
                label = (f"claim puts the front {_fmt(-past_km)} km short of {held_name} "
                         f"({held_name}–{anchor_name} {_fmt(held_km)} km, claimed {_fmt(mid)} km)")
        else:
            label = f"ring of {_fmt(mid)} km around {anchor_name}; no second point to check"
    return DistanceVerdict(lo, hi, allowed[0], allowed[1], true_km, diff_km, diff_pct, within,
                           road[0], road[1], road_ok, bearing, compass, fits, held_name, held_km,
                           past_km, label, region)
