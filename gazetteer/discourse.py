"""What the rest of the article says about one mention, applied after ranking.

The resolver ranks each name's gazetteer entries with the document as weighted context.
Some evidence is sharper than a weight and is read straight from the text around a mention:

- **containment**: "the Bambino Gesu hospital in Rome", "Palais des Nations in Geneva",
  "Federal University of Technology, Owerri" — a name the gazetteer lacks (or only reads
  weakly) is in the place the sentence puts it in; a reading far outside that place ("the
  CHU in Montpellier" read in Vietnam) yields to it, or to a reading of the name inside it;
- **eponyms**: "the Venice Commission", "the Minsk agreements", "the Valdai Discussion
  Club" are named after the best-known place of the name, whatever the article's country;
- **initials**: "SA" in a story about South Africa is South Africa when the gazetteer knows
  no "SA" (the article spells the full name somewhere);
- **one sense per article**: once a story's dateline says "Wash." it is about Washington
  state, and its bare "Washington" is the state too;
- **datelines**: "(NEW YORK) —" names a city, not a state;
- **neighbours**: a loosely spelled reading ("Gharian") next to places the article names
  plainly is kept, however little the document's country statistics say.

Every changed reading says why in its reasons, so the analyst sees the rule that moved it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.context import fast_km, state_from_abbreviation
from gazetteer.fallback import FACILITY_WORDS
from gazetteer.model import Candidate, Mention, Place
from gazetteer.readings import (
    LOCAL_REGION_SHARE,
    REVIEWED_SOURCES,
    is_loose,
    is_major,
    region_share,
)

__all__ = [
    "CONTAINED_RADIUS_KM",
    "CONTAINER_UNIT_NOUNS",
    "POSSESSIVE_CONTAINER",
    "UNIT_GAP_CONTAINER",
    "EPONYM_HEADS",
    "FAMOUS_CITY_POPULATION",
    "FAR_KM",
    "NEIGHBOUR_KM",
    "acronym_reading",
    "spelled_names",
    "contained_readings",
    "dateline_city",
    "eponym_reading",
    "lies_in",
    "placed_in",
    "SettledPlaces",
    "one_sense_for_states",
]

#: A loosely spelled reading this close to a plainly named place of the article stands.
NEIGHBOUR_KM = 100.0
#: A reading this far (km) outside the place the text puts it in contradicts the text.
FAR_KM = 161.0
#: A national capital or a city this big is not moved by one "in" (the container may be
#: the misread name).
FAMOUS_CITY_POPULATION = 1_000_000
#: Radius (km) of a name placed in the place the text says contains it.
CONTAINED_RADIUS_KM = 10.0

_FOCUS_REASON = "the article is about"
# "X in Y", "X at Y", "X near Y", "X, Y" — the gap between a name and its container.
_IN_GAP_RE = re.compile(
    r"^\s+(?:in|at|near|outside|inside)\s+(?:the\s+)?"
    r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?"
    r"(?:(?:city|town|village|capital)\s+of\s+)?$",
    re.IGNORECASE,
)
_COMMA_GAP_RE = re.compile(r"^\s*,\s*$")

#: Rule (switch of ``contained-reading``): a name the gazetteer lacks, followed by the kind of
#: unit it is and the place that holds it, is in that place: "the Bulape health zone of Kasai
#: province", "Nyaung Pin Thar village, in the township of Kanbalu", "the Kibati locality of
#: Nyiragongo territory". Without it such a name goes to the article's focus town, which may
#: lie in another province.
UNIT_GAP_CONTAINER = "unit-gap-container"
#: The words that name an administrative or settlement unit between a name and its holder.
CONTAINER_UNIT_NOUNS: tuple[str, ...] = (
    "health zone", "health area", "zone", "district", "sub-district", "subdistrict",
    "township", "commune", "municipality", "county", "province", "region", "governorate",
    "oblast", "raion", "rayon", "hromada", "prefecture", "department", "territory",
    "chiefdom", "locality", "woreda", "kebele", "state", "area", "village", "town",
    "settlement", "neighbourhood", "neighborhood", "quarter", "ward", "tehsil", "sector",
    "groupement", "local government area", "camp",
)
_UNIT = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in CONTAINER_UNIT_NOUNS),
                        key=len, reverse=True))
# "X health zone of", "X village, in the township of", "X, in the district of".
_UNIT_GAP_RE = re.compile(
    rf"^\s*(?P<own>(?:{_UNIT})\b)?\s*,?\s*(?:of|in)\s+(?:the\s+)?"
    rf"(?P<outer>(?:{_UNIT})\s+of\s+)?$",
    re.IGNORECASE,
)
# "the hospital where the boy is treated in Liverpool": a facility, then its town.
_CLAUSE_GAP_RE = re.compile(
    r"^\s*,?\s+(?:where|which|that|who)\b[^.;:!?\"“”()]{0,60}?\s(?:in|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "St. Gregory of Narek in Vatican": what follows "of" names a person's origin, and the
# "in" belongs to the statue ("the village of Flumeri in southern Italy" is no such case).
_PLACE_NOUNS = (
    "city town village port capital province region district state county island area "
    "neighborhood neighbourhood suburb suburbs outskirts heart center centre streets"
).split()
_OF_BEFORE_RE = re.compile(
    "".join(f"(?<!{noun} )" for noun in _PLACE_NOUNS) + r"\bof\s+$", re.IGNORECASE
)
_REGION_WORD_AFTER_RE = re.compile(
    r"\s+(?:and\s+[A-Z][\w.'’-]*\s+)?(?:count(?:y|ies)|parish(?:es)?|provinces?|districts?|"
    r"regions?|governorates?|oblasts?)\b",
    re.IGNORECASE,
)
_ACRONYM_RE = re.compile(r"^(?:[A-Z]\.?){2,5}$")
_TITLE_WORDS_RE = re.compile(r"[A-Z][\w'’\-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’\-]*){1,4}")
_DATELINE_RE = re.compile(r"^\W{0,3}$")
_DATELINE_END_RE = re.compile(r"^\s*(?:\)|,|\s[-—–]|—|–)")


#: A small container town needs the article's region behind it (share of mentions).
CONTAINER_REGION_SHARE = LOCAL_REGION_SHARE


def _trusted_container(mention: Mention) -> bool:
    """Whether a container's reading is sure enough to place another name in it.

    A major place, or a town the text qualifies or the article's own region backs
    ("Washington Square" read in Pennsylvania, in a New Orleans story, is not).
    """
    top = mention.candidates[0]
    if is_major(top.place) or (top.place.source in REVIEWED_SOURCES and not is_loose(mention)):
        return True
    for reason in top.reasons:
        if reason.startswith(("qualified", "named in", "in ", "contains ")):
            return True
        share = region_share(reason)
        if share is not None and share >= CONTAINER_REGION_SHARE:
            return True
    return False


def _far_from(mention: Mention, parent: Place | None) -> bool:
    """Whether a plain town or site reading lies far (over 161 km) outside its container.

    "the CHU in Montpellier": a reading in Vietnam contradicts the text.
    """
    if parent is None or not mention.candidates or parent.precision == "site":
        return False
    top = mention.candidates[0].place
    if top.precision not in ("town", "district", "site"):
        return False
    if top.feature_code == "PPLC" or top.population >= FAMOUS_CITY_POPULATION:
        return False  # "Athens in Georgia" may be a misread Georgia; Athens stays Athens
    reach = max(parent.radius_km or 0.0, 0.0) + FAR_KM
    return fast_km(top.lat, top.lon, parent.lat, parent.lon) > reach


def _reading_inside(mention: Mention, parent: Place) -> Candidate | None:
    """Return a reading of the mention that lies inside (or next to) the container."""
    reach = max(parent.radius_km or 0.0, CONTAINED_RADIUS_KM)
    for cand in mention.candidates:
        place = cand.place
        if any(_FOCUS_REASON in r for r in cand.reasons) or place.id == parent.id:
            continue
        if lies_in(place, parent, reach):
            return cand
    return None


def lies_in(place: Place, parent: Place, reach: float = 0.0) -> bool:
    """Whether ``place`` lies in ``parent`` (codes for a country or state, else distance)."""
    if parent.feature_code.startswith("PCL") and parent.country_code:
        return place.country_code == parent.country_code
    if parent.feature_code == "ADM1" and parent.admin1 and parent.country_code:
        return (place.country_code, place.admin1) == (parent.country_code, parent.admin1)
    return fast_km(place.lat, place.lon, parent.lat, parent.lon) <= reach


def _is_focus_placed(mention: Mention) -> bool:
    return bool(mention.candidates) and any(
        _FOCUS_REASON in r for r in mention.candidates[0].reasons
    )


def _has_facility_word(name: str) -> bool:
    return any(word.lower().strip(".,") in FACILITY_WORDS for word in name.split()[1:])


#: Rule (switch of ``contained-reading``): "London's Heathrow Animal Reception Center",
#: "Gaza's al-Shifa hospital", "Odesa's Pivdennyi port": a name the gazetteer gives nothing
#: of its own, right after a town's (or region's, or site's) possessive, is in that place.
POSSESSIVE_CONTAINER = "possessive-container"
_POSSESSIVE_GAP_RE = re.compile(r"^['’]s\s+$")
_POSSESSIVE_END_RE = re.compile(r"['’]s$")
#: What a possessive container may be: a country's possessive ("Britain's Heathrow") is
#: no nearer than the article's own town.
_POSSESSIVE_PRECISIONS = ("site", "district", "town", "region")


def _possessive_readings(text: str, out: list[Mention], order: Sequence[int]) -> None:
    """Place each name with no reading of its own in the place whose possessive precedes it."""
    for rank in range(1, len(order)):
        k, i = order[rank - 1], order[rank]
        owner, mention = out[k], out[i]
        parent = owner.place
        if parent is None or parent.precision not in _POSSESSIVE_PRECISIONS:
            continue
        if owner.end > mention.start or not _has_no_reading(mention):
            continue
        gap = text[owner.end : mention.start]
        if not (_POSSESSIVE_GAP_RE.match(gap)
                or (_POSSESSIVE_END_RE.search(owner.text) and gap == " ")):
            continue
        if _is_focus_placed(owner) or not _trusted_container(owner):
            continue
        out[i] = placed_in(mention, parent, f"{owner.text.rstrip()}{gap.rstrip()}")


def _unit_gap(gap: str) -> bool:
    """Whether ``gap`` names what unit a name is and links it to its holder.

    One unit noun at least: "of" or "in" alone is the older frames' business.
    """
    match = _UNIT_GAP_RE.match(gap)
    return match is not None and bool(match.group("own") or match.group("outer"))


def _has_no_reading(mention: Mention) -> bool:
    """Whether the gazetteer gave the name nothing of its own.

    No reading, the focus town, or a reading of one part of the name only ("Ali" of
    "Tarbeesh Wad Ali").
    """
    return not mention.candidates or _is_focus_placed(mention) or any(
        r.startswith("part match") for r in mention.candidates[0].reasons)


def contained_readings(
    text: str, mentions: Sequence[Mention], weak: Sequence[bool], *, unit_gap: bool = True,
    possessive: bool = True,
) -> list[Mention]:
    """Place weak or unknown names in the place the text says contains them.

    ``weak[i]`` says mention ``i`` had no reading of its own worth keeping (no candidate, a
    weak reading, or only a part of its name). Its container is the next mention, right
    after "in", "at", "near", a comma (for facilities and unknown names only), or a
    relative clause ("where ... in") for facilities. A plain town reading that lies far
    outside the place right after "in" contradicts the text too ("the CHU in
    Montpellier"). With ``unit_gap`` (rule :data:`UNIT_GAP_CONTAINER`), a name with no
    reading of its own may also name its unit before the holder ("the Bulape health zone of
    Kasai province", "X village, in the township of Kanbalu"); with ``possessive`` (rule
    :data:`POSSESSIVE_CONTAINER`) one may follow its holder's possessive ("London's
    Heathrow Animal Reception Center"). A reading of the name
    inside the container is preferred ("Athens in Georgia"); else the name is placed in
    the container. Mentions are taken right to left, so "St George's Chapel at Windsor
    Castle" follows the castle to Windsor.
    """
    out = list(mentions)
    order = sorted(range(len(out)), key=lambda i: (out[i].start, out[i].end))
    for rank in range(len(order) - 2, -1, -1):
        i, j = order[rank], order[rank + 1]
        mention, container = out[i], out[j]
        part = bool(mention.candidates) and any(
            r.startswith("part match") for r in mention.candidates[0].reasons
        )
        parent = container.place
        gap = text[mention.end : container.start]
        # "Nyaung Pin Thar village, in the township of Kanbalu": the name says what unit it
        # is, so neither an "of" before it nor a region word after the holder is in doubt.
        unit = unit_gap and _has_no_reading(mention) and _unit_gap(gap)
        if not unit and _OF_BEFORE_RE.search(text[max(0, mention.start - 20) : mention.start]):
            continue
        if not (weak[i] or part or not mention.candidates or _far_from(mention, parent)):
            continue
        if (
            parent is None
            or (_is_focus_placed(container) and weak[j])
            or container.start < mention.end
        ):
            continue
        if not _trusted_container(container):
            continue
        if _REGION_WORD_AFTER_RE.match(text, container.end) and not (
            unit and parent.precision == "region"
        ):
            continue  # "in Anderson and Cherokee counties": the container is no town
        facility = _has_facility_word(mention.text)
        if not (
            _IN_GAP_RE.match(gap)
            or ((facility or not mention.candidates) and _COMMA_GAP_RE.match(gap))
            or (facility and _CLAUSE_GAP_RE.match(gap))
            or unit
        ):
            continue
        if parent.precision == "site" and not facility:
            continue
        inside = _reading_inside(mention, parent)
        if inside is not None:
            # "Athens in Georgia": the name has a reading in the place the text puts it.
            reason = f"the reading in {parent.name}, where the text puts it ({container.text})"
            out[i] = mention.promoted(inside, reason)
            continue
        out[i] = placed_in(mention, parent, f"{' '.join(gap.split()) or ','} {container.text}")
    if possessive:
        _possessive_readings(text, out, order)
    return out


def placed_in(mention: Mention, parent: Place, words: str) -> Mention:
    """Return ``mention`` placed in ``parent``, where the text's ``words`` put it.

    The focus placements a fallback made are dropped from the alternatives; the
    gazetteer's own readings stay behind the placement.
    """
    reason = f"'{mention.text}' placed in {parent.name}: the text puts it there ({words})"
    area = replace(parent, radius_km=max(parent.radius_km or 0.0, CONTAINED_RADIUS_KM))
    alternates = tuple(
        c for c in mention.candidates if not any(_FOCUS_REASON in r for r in c.reasons)
    )
    return Mention(
        mention.start, mention.end, mention.text,
        (Candidate(area, 0.0, (reason,)), *alternates[:9]),
    )


class SettledPlaces:
    """The plainly read town-level places of a document, for neighbour checks.

    ``settled[j]`` marks mentions whose reading stands on its own. Each distinct place is
    kept once with the names it was read from, so checking every loose mention of a long
    document costs the number of distinct places, not of mentions.
    """

    def __init__(self, mentions: Sequence[Mention], settled: Sequence[bool]) -> None:
        self._points: dict[str, tuple[float, float, set[str]]] = {}
        for mention, ok in zip(mentions, settled, strict=True):
            place = mention.place
            if not ok or place is None or place.precision not in ("town", "district", "site"):
                continue
            if is_loose(mention):
                continue
            point = self._points.setdefault(place.id, (place.lat, place.lon, set()))
            point[2].add(mention.text.lower())

    def near(self, mention: Mention) -> bool:
        """Whether a loose reading lies within 100 km of a settled place of another name.

        Two loose spellings do not vouch for each other, nor does a name for itself.
        """
        if not is_loose(mention):
            return False
        place = mention.candidates[0].place
        key = mention.text.lower()
        return any(
            names != {key} and fast_km(place.lat, place.lon, lat, lon) <= NEIGHBOUR_KM
            for lat, lon, names in self._points.values()
        )


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0].upper() for w in words if w[:1].isupper())


def spelled_names(text: str) -> dict[str, set[str]]:
    """Map initials ("SA") to the capitalised word runs of ``text`` that have them.

    Computed once per text (a file of thousands of unknown acronyms must not rescan it
    for each); runs of two to five words, "of"/"the" skipped ("Democratic Republic of
    Congo" gives "DRC").
    """
    names: dict[str, set[str]] = {}
    for match in _TITLE_WORDS_RE.finditer(text):
        words = [w for w in match.group().split() if w not in ("of", "the")]
        for start in range(len(words)):
            for length in range(2, 6):
                chunk = words[start : start + length]
                if len(chunk) == length:
                    names.setdefault(_initials(chunk), set()).add(" ".join(chunk))
    return names


def acronym_reading(
    mention: Mention,
    spelled: dict[str, set[str]],
    lookup: Callable[[str], Sequence[Place]],
) -> Mention:
    """Read an unknown acronym ("SA") as the initials of an area the article spells out.

    ``spelled`` is :func:`spelled_names` of the article. Only countries and first-level
    regions qualify, and only one of them may fit: the article must spell the full name
    ("South Africa", "South Africans") somewhere.
    """
    if mention.candidates or not _ACRONYM_RE.match(mention.text.strip()):
        return mention
    letters = mention.text.replace(".", "").strip()
    found: dict[str, tuple[Place, str]] = {}
    for name in sorted(spelled.get(letters, ())):
        for place in lookup(name):
            if place.precision in ("country", "region") and place.feature_code not in _NOT_AREAS:
                found.setdefault(place.id, (place, name))
    if len({p.country_code for p, _n in found.values()}) != 1 or len(found) > 2:
        return mention
    place, name = min(found.values(), key=lambda pn: (pn[0].precision != "country", pn[0].id))
    reason = f"'{mention.text}' read as the initials of {place.name} (the article spells '{name}')"
    return Mention(mention.start, mention.end, mention.text, (Candidate(place, 0.0, (reason,)),))


_NOT_AREAS = frozenset({"CONT", "OCN", "SEA"})


def one_sense_for_states(
    mentions: Sequence[Mention], normalize: Callable[[str], str]
) -> list[Mention]:
    """Read a bare state name as the state an AP abbreviation in the article names.

    "CAMP MURRAY, Wash." then "at home in Washington": the story is about Washington
    state, not the capital.
    """
    states: dict[str, tuple[Place, str]] = {}
    for mention in mentions:
        token = mention.text.strip()
        place = mention.place
        if (
            place is not None
            and place.feature_code == "ADM1"
            and len(token) <= 6
            and ("." in token or token.isupper())
            and state_from_abbreviation(token)
        ):
            states.setdefault(normalize(place.name), (place, token))
    if not states:
        return list(mentions)
    out: list[Mention] = []
    for mention in mentions:
        hit = states.get(normalize(mention.text))
        if hit is None or mention.place is None or mention.place.id == hit[0].id:
            out.append(mention)
            continue
        state, token = hit
        chosen = next((c for c in mention.candidates if c.place.id == state.id), None)
        if chosen is None:
            out.append(mention)
            continue
        reason = f"the article names the state as '{token}'"
        out.append(mention.promoted(chosen, reason))
    return out


def dateline_city(text: str, mention: Mention) -> Mention:
    """Prefer the city for an all-caps dateline at the very start ("(NEW YORK) —")."""
    token = mention.text
    if (
        not mention.candidates
        or not token.isupper()
        or not _DATELINE_RE.match(text[: mention.start])
        or not _DATELINE_END_RE.match(text[mention.end : mention.end + 3])
        or mention.candidates[0].place.precision == "town"
    ):
        return mention
    for cand in mention.candidates[1:4]:
        if cand.place.precision == "town" and cand.place.population >= 100_000:
            reason = "an all-caps dateline names a city"
            return mention.promoted(cand, reason)
    return mention


#: Words after a place name that make it the name of an agreement, a body or a meeting.
EPONYM_HEADS: frozenset[str] = frozenset(
    "commission convention conventions agreement agreements accord accords protocol "
    "protocols treaty process format declaration summit conference talks group club "
    "consensus memorandum communique charter".split()
)
# The one or two words after a name: "Venice Commission", "Valdai Discussion Club".
_NEXT_WORDS_RE = re.compile(r"[ \t]+([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?")


def eponym_reading(text: str, mention: Mention, normalize: Callable[[str], str]) -> Mention | None:
    """Read a place that names an agreement or a body as its best-known namesake.

    "the Venice Commission", "the Minsk agreements", "the Astana format": such names come
    from the famous place, whatever country the article is about. Used for weak readings
    only; returns None unless the name heads such a title (one or two words before
    "Commission", "Club", "Agreement"...).
    """
    follow = _NEXT_WORDS_RE.match(text, mention.end)
    if follow is None or not mention.candidates:
        return None
    words = [w for w in follow.groups() if w]
    if not any(w.lower() in EPONYM_HEADS for w in words[:1]) and not (
        len(words) == 2 and words[1][:1].isupper() and words[1].lower() in EPONYM_HEADS
    ):
        return None
    towns = [c for c in mention.candidates if c.place.precision == "town"]
    if not towns:
        return None
    key = normalize(mention.text)
    best = max(towns, key=lambda c: (normalize(c.place.name) == key, c.place.population))
    reason = (
        f"'{mention.text} {' '.join(words)}' is named after the best-known "
        f"{best.place.name} ({best.place.country_code or '-'})"
    )
    return mention.promoted(best, reason)
