"""Toponym resolution: rank the gazetteer candidates of each mention of a document.

Every candidate gets an interpretable score, the sum of named features, and the reasons
that made it (shown to analysts, who can pick another candidate):

- **prior**: log population and feature class (a country, a first-level region or a
  capital beats a hamlet of the same name), and whether the mention is the entry's main
  name rather than an alternate one;
- **qualifier**: an explicit qualifier right after the mention ("Paris, Texas",
  "Tripoli, Lebanon", "Springfield, Ill.");
- **document profile**: the share of the document's other mentions that lie in the
  candidate's country and first-level region, and whether the document names that
  country or region itself (see :mod:`gazetteer.context`);
- **proximity**: distance to the nearest other point-like mention.

Resolution is iterative: the prior picks a first reading, the profile of that reading
re-ranks the ambiguous names, twice. Each distinct name is resolved once per document
(one sense per discourse). A name the gazetteer lacks stays unresolved and does not
vote, so it cannot spoil the rest.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from gazetteer.arabic import has_arabic
from gazetteer.context import CandidateGrid, DocumentProfile, qualifier_after
from gazetteer.model import Candidate, Place
from gazetteer.readings import REVIEWED_SOURCES

__all__ = ["FEATURE_PRIOR", "Weights", "ResolverItem", "prior_score", "resolve_items"]

log = logging.getLogger("conflictmap.gazetteer.resolve")

#: Prior bonus by GeoNames feature code (prefix match, longest first).
FEATURE_PRIOR: dict[str, float] = {
    "PCLI": 3.2,
    "PCLD": 2.6,
    "PCLS": 2.6,
    "PCLF": 2.4,
    "PCLIX": 2.0,
    "PCL": 2.6,
    "TERR": 2.0,
    "CONT": 3.0,
    "ADM1": 1.6,
    "ADM1H": 0.4,
    "ADM2": 0.0,
    "ADM2H": 0.2,
    "ADM3": 0.2,
    "ADMD": 0.6,
    "PPLC": 2.6,
    "PPLA": 0.9,
    "PPLA2": 0.5,
    "PPLA3": 0.2,
    "PPLA4": 0.1,
    "PPLG": 0.6,
    "PPL": 0.0,
    "PPLX": -0.3,
    "PPLL": -0.3,
    "PPLH": -1.5,
    "PPLQ": -1.5,
    "PPLW": -1.5,
    "SEA": 1.6,
    "GULF": 1.2,
    "OCN": 2.0,
    "RGN": 1.2,
    "AREA": 0.6,
}

#: What follows the tier in the reason a tier's penalty writes ("alias match (-1.0)").
_TIER_REASON = " match"


#: Score added by how the name matched the entry (see ``gazetteer.index.Match.tier``).
TIER_PENALTY: dict[str, float] = {
    "name": 0.0,
    "alias": -0.2,
    "article": -0.3,
    "demonym": 0.0,
    "skeleton": -2.0,
    "fuzzy": -3.0,
    "part": -0.5,
}

_NAMED_PRECISION_PRIOR: dict[str, float] = {
    "country": 2.6,
    "region": 0.8,
    "sea": 1.4,
    "site": 0.2,
    "district": -0.2,
    "town": 0.0,
}


@dataclass(frozen=True, slots=True)
class Weights:
    """Feature weights of the resolver (tuned on the development sets; no answers)."""

    population: float = 0.45
    main_name: float = 0.4
    qualifier: float = 6.0
    country_share: float = 3.0
    admin_share: float = 3.0
    country_named: float = 0.5
    admin_named: float = 1.0
    near_50: float = 1.5
    near_150: float = 0.8
    near_400: float = 0.3
    pair_25: float = 0.8
    pair_75: float = 0.4
    supranational: float = 1.5
    grid_candidates: int = 8
    share_smoothing: float = 1.0
    namesake_penalty: float = 1.0
    seat_preference: float = 2.0
    reviewed: float = 1.0
    containment: float = 0.8
    home_country: float = 3.0
    home_min_share: float = 0.25
    soft_first_pass: bool = True
    soft_temperature: float = 2.0
    max_candidates: int = 40


DEFAULT_WEIGHTS = Weights()

#: The farthest another name's reading may lie (km) and still bring a nearness bonus.
NEAR_KM_LIMIT = 400.0


#: Reviewed sources whose population-less points get a prior: curated conflict places and
#: analysts' places. Not landmarks: their aliases ("Harvard", "Cornell") also name towns.
_PRIOR_REVIEWED = REVIEWED_SOURCES - {"landmark"}


def _feature_prior(place: Place) -> float:
    code = place.feature_code or ""
    for length in (5, 4, 3):
        value = FEATURE_PRIOR.get(code[:length])
        if value is not None and (length == len(code) or length == 3 or code[:length] == code):
            return value
    value = FEATURE_PRIOR.get(code)
    if value is not None:
        return value
    return _NAMED_PRECISION_PRIOR.get(place.precision, 0.0)


def prior_score(
    place: Place,
    name_key: str | None = None,
    *,
    weights: Weights = DEFAULT_WEIGHTS,
    normalize=None,
    tier: str = "name",
) -> tuple[float, list[str]]:
    """Return the context-free score of a candidate and its reasons.

    ``name_key`` is the normalized mention; when it equals the normalized main name of the
    place, the candidate gets the main-name bonus.
    """
    reasons: list[str] = []
    pop = max(place.population or 0, 0)
    score = weights.population * math.log10(pop + 1)
    if pop:
        reasons.append(f"population {pop:,}")
    fp = _feature_prior(place)
    score += fp
    reasons.append(f"feature {place.feature_code} ({fp:+.1f})")
    if name_key is not None and normalize is not None and (
        normalize(place.name) == name_key
        # an Arabic name matched at the "name" tier is the place's own name, in Arabic
        or (tier == "name" and has_arabic(name_key))
    ):
        score += weights.main_name
        reasons.append("main name")
    if weights.reviewed and place.source in _PRIOR_REVIEWED and not pop:
        # Our reviewed files list the sites and districts news names; their population
        # (none) says nothing of how often they are meant. (Reviewed areas carry the
        # population within their radius and need no help.)
        score += weights.reviewed
        reasons.append(f"reviewed entry ({weights.reviewed:+.1f})")
    penalty = TIER_PENALTY.get(tier, 0.0)
    if penalty:
        score += penalty
        reasons.append(f"{tier}{_TIER_REASON} ({penalty:+.1f})")
    return score, reasons


def matched_tier(candidate: Candidate) -> str:
    """Return the tier the name matched ``candidate`` at, read from its penalty's reason.

    A tier without a penalty writes no reason, so it reads as "name".
    """
    return next((r.split(_TIER_REASON, 1)[0] for r in candidate.reasons
                 if f"{_TIER_REASON} (" in r), "name")


@dataclass(slots=True)
class ResolverItem:
    """One distinct name of a document with its candidates and the state of its ranking."""

    key: str
    places: tuple[Place, ...]
    tiers: dict[str, str] = field(default_factory=dict)
    qualifiers: set[tuple[str | None, str | None]] = field(default_factory=set)
    qualifier_names: set[str] = field(default_factory=set)
    count: int = 1
    home: bool = False
    links: dict[str, str] = field(default_factory=dict)
    prior: list[tuple[float, list[str]]] = field(default_factory=list)
    ranked: list[Candidate] | list[Draft] = field(default_factory=list)


class Draft(NamedTuple):
    """A candidate of a pass whose ranking only feeds the next pass (see :func:`_rank`).

    It reads like a :class:`~gazetteer.model.Candidate` without reasons, but a tuple is
    several times cheaper to build than a frozen dataclass, and a document builds
    thousands of them per pass that nobody outside the resolver ever sees.
    """

    place: Place
    score: float
    reasons: tuple[str, ...] = ()


def _qualifier_match(place: Place, qualifiers: set[tuple[str | None, str | None]]) -> bool:
    for cc, admin1 in qualifiers:
        if cc and place.country_code != cc:
            continue
        if admin1 and place.admin1 != admin1:
            continue
        if place.country_code == cc and (admin1 is None or place.admin1 == admin1):
            if place.feature_code.startswith("PCL") or (admin1 and place.feature_code == "ADM1"):
                continue  # the qualifier itself does not qualify "Texas, Texas"
            return True
    return False


def _fixed_scores(
    item: ResolverItem, weights: Weights, grid: CandidateGrid | None = None
) -> list[tuple[float, list[str]]]:
    """Each candidate's score and reasons before the document profile is read.

    The prior, a reading of another name nearby (``grid``), containment and a qualifier do
    not change from one pass to the next, so they are computed once per grid, not per pass.
    """
    fixed: list[tuple[float, list[str]]] = []
    for place, (score, base_reasons) in zip(item.places, item.prior, strict=True):
        reasons = list(base_reasons)
        if grid is not None and len(item.places) > 1:
            pair = grid.nearest_other(item.key, place)
            if pair is not None and pair[0] < 75:
                bonus = (weights.pair_25 if pair[0] < 25 else weights.pair_75) * pair[2]
                score += bonus
                reasons.append(f"{pair[0]:.0f} km from a reading of {pair[1]}")
        link = item.links.get(place.id)
        if link is not None:
            score += weights.containment
            reasons.append(link)
        if item.qualifiers and _qualifier_match(place, item.qualifiers):
            score += weights.qualifier
            reasons.append("qualified by " + "/".join(sorted(item.qualifier_names)))
        fixed.append((score, reasons))
    return fixed


def _rank(
    item: ResolverItem,
    profile: DocumentProfile | None,
    weights: Weights,
    fixed: list[tuple[float, list[str]]],
    explain: bool = True,
) -> list[Candidate] | list[Draft]:
    """Rank the candidates: their ``fixed`` scores plus what the document ``profile`` says.

    Without ``explain`` the candidates are :class:`Draft` tuples without reasons: a pass
    whose ranking only feeds the next pass's profile (scores and first readings) need not
    format them nor build the frozen candidates of the final ranking.
    """
    scoring = profile is not None and profile.total > 0
    if not explain:
        drafts = [
            Draft(place, round(_profile_score(item, place, profile, weights, score, None)
                               if scoring else score, 4))
            for place, (score, _reasons) in zip(item.places, fixed, strict=True)
        ]
        drafts.sort(key=lambda c: -c.score)
        return drafts
    ranked: list[Candidate] = []
    for place, (score, fixed_reasons) in zip(item.places, fixed, strict=True):
        reasons = list(fixed_reasons)
        if scoring:
            score = _profile_score(item, place, profile, weights, score, reasons)
        ranked.append(Candidate(place, round(score, 4), tuple(reasons)))
    ranked.sort(key=lambda c: -c.score)
    return ranked


def _profile_score(
    item: ResolverItem,
    place: Place,
    profile: DocumentProfile,
    weights: Weights,
    score: float,
    reasons: list[str] | None,
) -> float:
    """Return ``score`` plus the document profile's features; their reasons go to ``reasons``.

    ``reasons`` is None when nobody reads them (the score is the same).
    """
    if not place.country_code and place.precision in ("region", "sea", "country"):
        # Seas, continents and macro-regions belong to no country: they get a fixed
        # share so a same-named hamlet in the document's country cannot outvote them.
        score += weights.supranational
        if reasons is not None:
            reasons.append("supranational area")
    c_share, a_share, c_named, a_named = profile.shares(
        item.key, place, weights.share_smoothing
    )
    if c_share:
        score += weights.country_share * c_share
        if reasons is not None:
            reasons.append(f"document country {place.country_code} {c_share:.0%}")
        if item.home and c_share >= weights.home_min_share:
            # The name is in the article's address (a local paper's town): its
            # reading lies in the country the rest of the article is about.
            score += weights.home_country * c_share
            if reasons is not None:
                reasons.append("named in the article's address")
    if a_share and not place.feature_code.startswith("PCL"):
        score += weights.admin_share * a_share
        if reasons is not None:
            reasons.append(f"document region {place.country_code}.{place.admin1} {a_share:.0%}")
    if c_named and not place.feature_code.startswith("PCL"):
        score += weights.country_named
        if reasons is not None:
            reasons.append(f"document names {place.country_code}")
    if a_named and place.feature_code != "ADM1":
        score += weights.admin_named
        if reasons is not None:
            reasons.append(f"document names region {place.admin1}")
    if len(item.places) > 1 and place.precision not in ("country", "sea"):
        # a reading NEAR_KM_LIMIT or more away earns nothing: it need not be measured
        near = profile.nearest_km(item.key, place, within_km=NEAR_KM_LIMIT)
        if near is not None:
            d, other = near
            bonus = (
                weights.near_50
                if d < 50
                else weights.near_150
                if d < 150
                else weights.near_400
                if d < NEAR_KM_LIMIT
                else 0.0
            )
            if bonus:
                score += bonus
                if reasons is not None:
                    reasons.append(f"{d:.0f} km from {other}")
    return score


def _confidence(ranked: Sequence[Candidate] | Sequence[Draft]) -> float:
    """Vote weight of a name's current reading: 1 when unambiguous, less when close."""
    if not ranked:
        return 0.0
    if len(ranked) == 1:
        return 1.0
    margin = ranked[0].score - ranked[1].score
    return max(0.15, min(1.0, margin / 2.0))


def _penalize_namesakes(item: ResolverItem, scored, normalize, penalty: float):
    """Lower small towns that share their name with a state or country in the candidates.

    "Kansas", "Washington" or "Malta" name the state or country far more often than a
    village called so; context can still win the village back.
    """
    has_area = any(
        (p.feature_code.startswith("PCL") or p.feature_code == "ADM1")
        and item.tiers.get(p.id, "name") == "name"
        and normalize(p.name) == item.key
        for _s, p in scored
    )
    if not has_area:
        return scored
    out = []
    for (score, reasons), place in scored:
        code = place.feature_code
        if place.population < 100_000 and not code.startswith(("PCL", "ADM")):
            score -= penalty
            reasons = [*reasons, f"namesake of a state or country ({-penalty:+.1f})"]
        out.append(((score, reasons), place))
    return out


#: A town at least this big carrying a region's name is the region's seat, meant by the name.
SEAT_MIN_POPULATION = 20_000

_ADMIN_WORDS = frozenset(
    "governorate province oblast region district municipality raion county prefecture "
    "emirate wilaya department state city urban rural of the".split()
)


def without_admin_words(key: str) -> str:
    """Return a normalized unit name without its administrative words ("izyum raion": "izyum").

    >>> without_admin_words("myitkyina district")
    'myitkyina'
    """
    return " ".join(w for w in key.split() if w not in _ADMIN_WORDS) or key


#: Adjectival endings of region names formed from their seat ("Kramatorskyi Raion").
_ADJECTIVE_ENDINGS = ("yi", "iy", "yy", "kyi", "skyi", "skiy", "ska", "skyy", "ny", "nyi", "ski")


def _derives(word: str, key_word: str) -> bool:
    """Whether ``word`` is ``key_word`` or an adjective formed from it ("kramatorskyi")."""
    if word == key_word:
        return True
    rest = word[len(key_word) :] if word.startswith(key_word) else None
    return bool(rest) and len(key_word) >= 4 and rest in _ADJECTIVE_ENDINGS


def _is_region_of(region_key: str, key: str) -> bool:
    """Whether a region's name is the key plus administrative words ("aleppo governorate").

    An adjectival form of the key counts as the key ("kramatorskyi raion").
    """
    words = region_key.split()
    key_words = key.split()
    rest = [w for w in words if not any(_derives(w, k) for k in key_words)]
    return bool(rest) and len(rest) < len(words) and all(w in _ADMIN_WORDS for w in rest)


def _prefer_seats(item: ResolverItem, scored, normalize, penalty: float):
    """Lower a region named after its seat when a city carries the name itself.

    "Aleppo", "Idlib" and "Donetsk" name the cities far more often than the governorate or
    oblast around them ("Aleppo Governorate" matches "Aleppo" only as a short form). The
    city may carry the name as an alternate spelling ("Mykolaiv" of Mykolayiv), and the
    region may be named after the city's own spelling ("Zaporizhzhya Raion").
    """
    seats: dict[tuple[str | None, str | None], set[str]] = {}
    for _s, p in scored:
        tier = item.tiers.get(p.id, "name")
        if (
            p.feature_code.startswith("PPL")
            and p.population >= SEAT_MIN_POPULATION
            and ((tier == "name" and normalize(p.name) == item.key) or tier == "alias")
        ):
            seats.setdefault((p.country_code, p.admin1), {item.key}).add(normalize(p.name))
    if not seats:
        return scored
    out = []
    for (score, reasons), place in scored:
        names = seats.get((place.country_code, place.admin1))
        if (
            names
            and place.feature_code in ("ADM1", "ADM2")
            and (
                any(_is_region_of(normalize(place.name), key) for key in names)
                or (place.feature_code == "ADM2" and normalize(place.name) in names)
            )
        ):
            score -= penalty
            reasons = [*reasons, f"region around the city of that name ({-penalty:+.1f})"]
        out.append(((score, reasons), place))
    return out


_SEA_CODES = frozenset({"SEA", "OCN", "GULF", "BAY", "STRT", "SD", "CHN"})


def _prefer_seas(item: ResolverItem, scored, normalize, penalty: float):
    """Lower a province named after a sea when the sea itself carries the name.

    "Ships in the Red Sea" are not in Sudan's Red Sea state (written "Red Sea state"
    when meant); the same holds for "Black Sea", "Caspian Sea" provinces.
    """
    has_sea = any(
        p.feature_code in _SEA_CODES
        and normalize(p.name) == item.key
        and item.tiers.get(p.id, "name") == "name"
        for _s, p in scored
    )
    if not has_sea:
        return scored
    out = []
    for (score, reasons), place in scored:
        if place.feature_code in ("ADM1", "ADM2") and normalize(place.name) == item.key:
            score -= penalty
            reasons = [*reasons, f"region named after the sea ({-penalty:+.1f})"]
        out.append(((score, reasons), place))
    return out


def _link_counties(
    items: Sequence[ResolverItem], parents: Callable[[Place], Sequence[Place]], top: int
) -> None:
    """Mark town readings that lie in a second-level region another name may stand for.

    Only towns in the same first-level region as such a county are looked up, so the
    containment links cost a few queries per document.
    """
    counties: dict[str, tuple[ResolverItem, Place]] = {}
    for item in items:
        for place in item.places[:top]:
            if place.feature_code == "ADM2":
                counties[place.id] = (item, place)
    if not counties:
        return
    admins = {(p.country_code, p.admin1) for _i, p in counties.values()}
    for item in items:
        for place in item.places[:top]:
            if place.precision not in ("town", "district", "site"):
                continue
            if (place.country_code, place.admin1) not in admins:
                continue
            for parent in parents(place):
                found = counties.get(parent.id)
                if found is None or found[0] is item:
                    continue
                county_item, county = found
                item.links[place.id] = f"in {county.name}, named in the document"
                county_item.links[county.id] = f"contains {place.name}, named in the document"


def resolve_items(
    items: Sequence[ResolverItem],
    *,
    normalize,
    weights: Weights = DEFAULT_WEIGHTS,
    extra_votes: Sequence[tuple[str, Place, float]] = (),
    passes: int = 2,
    parents: Callable[[Place], Sequence[Place]] | None = None,
) -> None:
    """Rank the candidates of every item in place (``item.ranked``), using each other.

    ``parents`` (the index's containment links) lets a town and the county around it,
    both named in the document, support each other ("Richmond" and "Madison County").
    """
    profile_passes = (1 if weights.soft_first_pass else 0) + passes
    for item in items:
        scored = [
            (
                prior_score(
                    p,
                    item.key,
                    weights=weights,
                    normalize=normalize,
                    tier=item.tiers.get(p.id, "name"),
                ),
                p,
            )
            for p in item.places
        ]
        if weights.namesake_penalty:
            scored = _penalize_namesakes(item, scored, normalize, weights.namesake_penalty)
        if weights.seat_preference:
            scored = _prefer_seats(item, scored, normalize, weights.seat_preference)
            scored = _prefer_seas(item, scored, normalize, weights.seat_preference)
        scored.sort(key=lambda sp: -sp[0][0])
        scored = scored[: weights.max_candidates]
        item.places = tuple(p for _s, p in scored)
        item.prior = [s for s, _p in scored]
        item.ranked = _rank(item, None, weights, _fixed_scores(item, weights),
                            explain=profile_passes == 0)
    if not items:
        return
    if parents is not None and weights.containment:
        _link_counties(items, parents, weights.grid_candidates)
    grid = CandidateGrid()
    for item in items:
        for place in item.places[: weights.grid_candidates]:
            grid.add(item.key, place)
    # Only the last pass's reasons are kept (see _rank's ``explain``).
    fixed = [_fixed_scores(item, weights, grid) if item.ranked else [] for item in items]
    profile: DocumentProfile | None = None
    if weights.soft_first_pass:
        # First pass: every name spreads its vote over its likely readings (a softmax of
        # the prior), so two names that agree on a small region ("Paris" and "Henry
        # County" in Tennessee) can outvote the separate big readings of each.
        profile = DocumentProfile.from_places(extra_votes)
        for item in items:
            count_weight = 1.0 + math.log(max(item.count, 1))
            for candidate, share in _soft_readings(item.ranked, weights.soft_temperature):
                profile.add(item.key, candidate.place, share * count_weight)
        for item, item_fixed in zip(items, fixed, strict=True):
            if item.ranked:
                item.ranked = _rank(item, profile, weights, item_fixed, explain=passes == 0)
    votes: list[tuple[str, Place, float]] | None = None
    for n in range(passes):
        last = votes
        votes = [(item.key, item.ranked[0].place,
                  _confidence(item.ranked) * (1.0 + math.log(max(item.count, 1))))
                 for item in items if item.ranked]
        if last is None or not _same_votes(last, votes):
            # the votes of the pass before, unchanged, make the same profile: it is kept,
            # with the distances it already answered
            previous = profile
            profile = DocumentProfile.from_places(extra_votes)
            for key, place, weight in votes:
                profile.add(key, place, weight)
            if previous is not None:
                profile.inherit_distances(previous)
        for item, item_fixed in zip(items, fixed, strict=True):
            if item.ranked:
                item.ranked = _rank(item, profile, weights, item_fixed, explain=n == passes - 1)


def _same_votes(a: Sequence[tuple[str, Place, float]],
                b: Sequence[tuple[str, Place, float]]) -> bool:
    """Whether two passes cast the same votes: names, place objects and weights."""
    return len(a) == len(b) and all(
        x[0] == y[0] and x[1] is y[1] and x[2] == y[2] for x, y in zip(a, b, strict=True))


def _soft_readings(ranked: Sequence[Candidate] | Sequence[Draft], temperature: float, top: int = 8):
    """``(candidate, probability)`` for the best readings, by a softmax of their scores."""
    head = list(ranked[:top])
    if not head:
        return []
    best = head[0].score
    exps = [math.exp((c.score - best) / temperature) for c in head]
    total = sum(exps)
    return [(c, e / total) for c, e in zip(head, exps, strict=True) if e / total >= 0.02]


def qualifier_for(text: str, end: int) -> tuple[tuple[str, str | None], str, int] | None:
    """Return a US-state qualifier ``((cc, admin1), label, end)`` after offset ``end``."""
    found = qualifier_after(text, end)
    if found is None:
        return None
    code, q_end = found
    return ("US", code), text[end:q_end].strip(", "), q_end
