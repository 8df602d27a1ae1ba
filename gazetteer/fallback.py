"""Fallbacks for names the gazetteer does not hold as a whole.

News names many places no gazetteer lists: streets, squares and buildings ("Royal Street",
"City Hall"), institutions named after a place ("Colorado State University", "Liverpool
Academy"), regions formed from a demonym ("Korean Peninsula"). Two honest approximations,
each labelled in the candidate's reasons so the analyst sees it is one:

- **part of the name**: the longest known place inside the name ("Colorado" in "Colorado
  State University"), ranked below any whole-name match;
- **document focus**: a street, square, building or small locality the gazetteer lacks
  lies in (or near) the town the article is about, the most mentioned town-level place of
  the document.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.model import Candidate, Mention, Place

#: Extra weight of a town the title or the address names, in choosing the focus.
HEADLINE_WEIGHT = 1.0
#: Radius (km) of a name placed in the document's focus town: somewhere in or near it.
FOCUS_RADIUS_KM = 25.0

__all__ = [
    "FACILITY_WORDS",
    "FOCUS_RADIUS_KM",
    "focus_candidate",
    "focus_place",
    "is_facility",
    "is_street",
    "part_of_name",
]

#: Last words of names of streets, squares and buildings (inside a town).
FACILITY_WORDS: frozenset[str] = frozenset(
    "street st st. avenue ave ave. road rd rd. boulevard blvd blvd. lane drive dr. way "
    "square plaza place hall house tower towers building center centre mall market stadium "
    "arena park gardens garden bridge station terminal airport port pier wharf church "
    "cathedral mosque temple school college university academy hospital library museum "
    "theatre theater hotel estate court courthouse castle palace wing gate block quarter "
    "district neighborhood neighbourhood campus cemetery club high elementary middle "
    "racecourse racetrack course chapel abbey basilica shrine monastery synagogue barracks "
    "prison jail embassy consulate headquarters field ground grounds".split()
)

#: Readings too unsure to make a town the article's focus: a part of a longer name, a
#: loose spelling.
_UNSURE_REASONS = ("part match", "skeleton match", "fuzzy match")

#: Last words of street and square names: "Victoria Street" is named after a place, not in it.
STREET_WORDS: frozenset[str] = frozenset(
    "street st st. avenue ave ave. road rd rd. boulevard blvd blvd. lane drive dr. way "
    "square plaza place".split()
)

#: Words of institutions' names that are no place ("Bank of England", "Air Canada Cargo").
INSTITUTION_WORDS: frozenset[str] = frozenset(
    "bank embassy consulate commission council ministry agency company corporation trust "
    "fund group association federation committee authority reserve institute institution "
    "foundation society party air airlines airways cargo summit conference cup games "
    "championship league team news times post herald press radio television tv".split()
)

_WORD_RE = re.compile(r"[^\W_][\w'’.\-]*")
_SKIP_PARTS = (
    frozenset(
        "north south east west northern southern eastern western central new old upper lower "
        "great greater little saint st st. san santa the of and city state county town "
        "coast coastal peninsula valley river lake sea gulf bay island islands mountain "
        "mountains hill hills region province royal third first second fourth fifth main "
        "high grand united national international".split()
    )
    | FACILITY_WORDS
    | INSTITUTION_WORDS
)


def is_street(name: str) -> bool:
    """Whether ``name`` is a street or square ("Victoria St.", "Washington Square").

    >>> is_street("333 Victoria St."), is_street("Guildhall School of Music")
    (True, False)
    """
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in STREET_WORDS


def is_facility(name: str) -> bool:
    """Whether ``name`` looks like a street, square or building ("Royal Street", "City Hall").

    >>> is_facility("Royal Street"), is_facility("City Hall"), is_facility("Tripoli")
    (True, True, False)
    """
    words = name.split()
    return len(words) >= 2 and words[-1].lower() in FACILITY_WORDS


_SAINT_WORDS = frozenset({"st", "st.", "saint", "ste", "ste."})


def _is_dedication(words: Sequence[str]) -> bool:
    """Whether words name a saint in the possessive ("St George's", "Saint Mary's").

    "St Paul's Cathedral" is dedicated to a saint, not built in St. Paul, Minnesota.
    """
    return (
        len(words) >= 2
        and words[0].lower() in _SAINT_WORDS
        and words[-1].lower().endswith(("'s", "’s"))
    )


def part_of_name(
    name: str,
    lookup: Callable[[str], Sequence[Place]],
    is_adjective: Callable[[str], bool] | None = None,
    is_person: Callable[[str], bool] | None = None,
) -> tuple[str, tuple[Place, ...]] | None:
    """Return the longest known place name inside a multi-word ``name`` and its places.

    Sub-names made only of generic words ("North", "City", "State") are not used; among
    sub-names of equal length the earliest wins (English puts the place first:
    "Colorado State University", "Liverpool Academy"), except that what follows "of" comes
    first ("Bank of England"), a place's own name beats an adjective (``is_adjective``,
    e.g. a demonym: "British Embassy Tokyo" is in Tokyo), and a major place's own name
    beats a personal name (``is_person``: "Robinson College Cambridge").
    """
    words = [m.group() for m in _WORD_RE.finditer(name)]
    n = len(words)
    if n < 2:
        return None
    # "Bank of England", "University of Texas at Austin": what follows "of" is the place.
    of_at = [k + 1 for k, w in enumerate(words) if w.lower() == "of"]
    for length in range(n - 1, 0, -1):
        starts = list(range(0, n - length + 1))
        if of_at:
            starts.sort(key=lambda s: (s not in of_at and s - 1 not in of_at, s))
        found: list[tuple[str, tuple[Place, ...]]] = []
        for start in starts:
            part_words = words[start : start + length]
            if all(w.lower().rstrip(".") in _SKIP_PARTS for w in part_words):
                continue
            if not part_words[0][:1].isupper():
                continue
            if _is_dedication(part_words) or (
                start > 0 and _is_dedication(words[start - 1 : start + 1])
            ):
                continue
            part = " ".join(part_words)
            places = tuple(lookup(part))
            if places:
                found.append((part, places))
        if found:
            # A place's own name before an adjective: "British Embassy Tokyo" is in Tokyo.
            named = [f for f in found if is_adjective is None or not is_adjective(f[0])] or found
            if is_person is not None and len(named) > 1 and is_person(named[0][0]):
                # "Robinson College Cambridge": named after a person, it lies in Cambridge.
                cities = [f for f in named[1:] if _names_a_major_place(f)]
                if cities:
                    return cities[0]
            return named[0]
    return None


def _names_a_major_place(found: tuple[str, tuple[Place, ...]]) -> bool:
    part, places = found
    return any(
        p.name.lower() == part.lower() and (p.population >= 50_000 or p.precision == "country")
        for p in places
    )


def focus_place(
    mentions: Sequence[Mention], headline: frozenset[str] = frozenset()
) -> Place | None:
    """Return the document's most mentioned town-level place (ties: first mentioned).

    Towns in the document's most named first-level region count half as much again: the
    article's town lies in the state or province its places crowd in; a place whose id is
    in ``headline`` (named in the title or the article's address) counts once more. A
    document that names no town has its most mentioned region or country as focus (an
    area: whatever is placed there keeps the area's radius).
    """
    countries: Counter[str] = Counter(
        m.place.country_code for m in mentions if m.place is not None and m.place.country_code
    )
    top_country = countries.most_common(1)[0][0] if countries else None
    admins: Counter[tuple[str, str]] = Counter(
        (m.place.country_code, m.place.admin1)
        for m in mentions
        if m.place is not None and m.place.country_code == top_country and m.place.admin1
    )
    top_admin = admins.most_common(1)[0][0] if admins else None
    counts: Counter[str] = Counter()
    first: dict[str, Place] = {}
    names_a_town = any(
        m.place is not None and m.place.precision in ("town", "district") for m in mentions
    )
    for mention in mentions:
        place = mention.place
        if place is None or place.precision not in ("town", "district", "site"):
            continue
        if place.precision == "site" and names_a_town:
            continue  # a stadium or a base is the focus only of a story that names no town
        if top_country and place.country_code != top_country:
            continue
        if any(r.startswith(_UNSURE_REASONS) for r in mention.candidates[0].reasons):
            continue
        counts[place.id] += 1 + (0.5 if (place.country_code, place.admin1) == top_admin else 0)
        if place.id in headline and place.id not in first:
            counts[place.id] += HEADLINE_WEIGHT
        first.setdefault(place.id, place)
    if not counts:
        for mention in mentions:
            place = mention.place
            if place is not None and place.precision in ("region", "country"):
                counts[place.id] += 1
                first.setdefault(place.id, place)
        if not counts:
            return None
    best_id = max(counts, key=lambda pid: (counts[pid], -list(first).index(pid)))
    return first[best_id]


def focus_candidate(name: str, place: Place, instead_of: Place | None = None) -> Candidate:
    """Return a low-score candidate placing an unknown local name in the document's focus.

    ``instead_of`` is the weak gazetteer reading it replaces (kept as an alternative).
    """
    kind = "town" if place.precision in ("town", "district", "site") else "area"
    if instead_of is None:
        reason = (
            f"'{name}' is not in the gazetteer; placed in {place.name}, "
            f"the {kind} the article is about"
        )
    else:
        reason = (
            f"'{name}' placed in {place.name}, the {kind} the article is about: the gazetteer's "
            f"{instead_of.name} ({instead_of.country_code or '-'}) is small, far away and "
            "unsupported by the article"
        )
    # The point is the town's; the area it stands for is at least the town's surroundings.
    area = replace(place, radius_km=max(place.radius_km or 0.0, FOCUS_RADIUS_KM))
    return Candidate(area, 0.0, (reason,))
