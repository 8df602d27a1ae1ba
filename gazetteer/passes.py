"""Mention passes: what the rest of the document changes about each ranked mention.

After the resolver ranks each name's candidates, :data:`MENTION_PASSES` run in order over
the document's mentions (one loop, :func:`run_passes`). Each pass is a named object
(name, what it applies to, one example) whose ``run`` returns the document's mentions
with some moved or re-ranked. The loop appends the pass's name to the ``trace`` of every
mention it changed, so each output mention says which passes moved it, in order.

The passes themselves live where their evidence is read: :mod:`gazetteer.discourse`
(containment, eponyms, initials, datelines, one sense per article),
:mod:`gazetteer.namesakes` and :mod:`gazetteer.fallback` (names the gazetteer lacks).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from gazetteer.address import url_words
from gazetteer.admin_heads import (
    ARABIC_CITY_OVER_UNIT,
    CITY_OVER_NAMESAKE_UNIT,
    run_admin_heads,
    run_city_over_state,
)
from gazetteer.anchored import ANCHORED_READING, anchored_readings
from gazetteer.arabic import has_arabic
from gazetteer.container import CONTAINER_CONTRADICTED, container_contradictions
from gazetteer.context import fast_km
from gazetteer.countries import country_name
from gazetteer.discourse import (
    POSSESSIVE_CONTAINER,
    UNIT_GAP_CONTAINER,
    SettledPlaces,
    acronym_reading,
    contained_readings,
    dateline_city,
    eponym_reading,
    lies_in,
    one_sense_for_states,
    spelled_names,
)
from gazetteer.doc_country import DOCUMENT_COUNTRY, favour_document_country
from gazetteer.fallback import focus_candidate, focus_place, is_street
from gazetteer.language_exonym import LANGUAGE_EXONYM, favour_language_exonyms
from gazetteer.language_namesake import LANGUAGE_NAMESAKE, favour_language_namesakes
from gazetteer.model import Mention, Place
from gazetteer.namesakes import famous_area, famous_namesake, reviewed_namesake
from gazetteer.readings import (
    is_area_from_part,
    is_loose,
    is_weak_reading,
    locates_better_than_a_town,
)
from gazetteer.resolve import ResolverItem, resolve_items
from gazetteer.town_in_unit import TOWN_IN_UNIT, towns_in_units
from gazetteer.unresolved import (
    ALIAS_FAR_TOWN,
    FAR_NAMESAKE,
    FOREIGN_NAMESAKE,
    LOOSE_ALONE,
    QUALIFIER_CONTRADICTED,
    far_namesakes_unresolved,
    foreign_namesakes_unresolved,
    qualifier_contradictions_unresolved,
)

if TYPE_CHECKING:
    from gazetteer.geoparse import Geoparser

__all__ = [
    "MAX_CANDIDATES_KEPT",
    "MENTION_PASSES",
    "PASS_SWITCHES",
    "REGION_SEAT",
    "MentionDocument",
    "MentionPass",
    "run_passes",
]

#: How many ranked candidates a mention keeps (the app shows them as alternatives).
MAX_CANDIDATES_KEPT = 10
#: Rule (switch): a weak reading said once is not the document's focus.
STRONG_FOCUS = "strong-focus"
#: How many weak readings of one document get a focus of their own (see _focus_strength).
MAX_OWN_FOCUS = 32
#: Rule (switch): a weak reading in another country is not moved into a region or
#: country focus (the far-namesake rule decides it).
AREA_FOCUS_NAMESAKE = "no-area-focus-for-namesake"
_TOWN_LEVEL = ("town", "district", "site")

Vote = tuple[str, Place, float]


@dataclass
class MentionDocument:
    """The mentions of one document and what passes share while they run.

    ``weak`` (set by the eponym pass) says which readings are weak; ``needs_focus`` (set by
    the fallback pass) which mentions had no reading of their own worth keeping.
    ``refined`` lets a pass give a more specific trace name for one mention
    (``"fallback:focus-town"``). ``qualifiers`` holds, per mention, the names of the
    countries and states the text qualifies it with ("DE, US" of "Bethel, DE, US").
    """

    text: str
    mentions: list[Mention]
    parser: Geoparser
    title: str | None = None
    url: str | None = None
    weak: list[bool] = field(default_factory=list)
    needs_focus: list[bool] = field(default_factory=list)
    refined: dict[int, str] = field(default_factory=dict)
    qualifiers: list[tuple[str, ...]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class MentionPass:
    """A named pass over a document's mentions."""

    name: str
    applies_to: str
    example: str
    run: Callable[[MentionDocument], list[Mention]]


def _famous_namesake(doc: MentionDocument) -> list[Mention]:
    key, normalize = doc.parser.key, doc.parser.normalize
    out = []
    for mention in doc.mentions:
        ranked = famous_namesake(mention.candidates, key(mention.text), normalize)
        out.append(mention if ranked is mention.candidates else replace(mention, candidates=ranked))
    return out


def _language_exonyms(doc: MentionDocument) -> list[Mention]:
    parser = doc.parser

    def country_places(code: str) -> list[Place]:
        return [p for p in parser.strict_places(country_name(code) or "")
                if p.country_code == code and p.feature_code.startswith("PCL")]

    return favour_language_exonyms(doc.text, doc.mentions, parser.normalize, country_places)


def _initials(doc: MentionDocument) -> list[Mention]:
    if all(m.candidates for m in doc.mentions):
        return doc.mentions
    spelled = spelled_names(doc.text)
    lookup = doc.parser.strict_places
    return [m if m.candidates else acronym_reading(m, spelled, lookup) for m in doc.mentions]


def _dateline(doc: MentionDocument) -> list[Mention]:
    return [dateline_city(doc.text, m) for m in doc.mentions]


def _one_sense(doc: MentionDocument) -> list[Mention]:
    return one_sense_for_states(doc.mentions, doc.parser.normalize)


def _eponyms(doc: MentionDocument) -> list[Mention]:
    mentions = list(doc.mentions)
    doc.weak = [is_weak_reading(m) for m in mentions]
    for i, mention in enumerate(mentions):
        eponym = eponym_reading(doc.text, mention, doc.parser.normalize) if doc.weak[i] else None
        if eponym is not None:
            mentions[i], doc.weak[i] = eponym, False
    return mentions


def _fallbacks(doc: MentionDocument) -> list[Mention]:
    mentions, weak = doc.mentions, doc.weak or [is_weak_reading(m) for m in doc.mentions]
    settled = SettledPlaces(
        mentions, [m.place is not None and not w for m, w in zip(mentions, weak, strict=True)]
    )
    doc.needs_focus = [
        not m.candidates or (weak[i] and not settled.near(m)) or is_area_from_part(m)
        for i, m in enumerate(mentions)
    ]
    if not any(doc.needs_focus):
        return mentions
    parser = doc.parser
    headline = _headline_places(parser, mentions, doc.title, doc.url)
    strong = None if STRONG_FOCUS in parser.disabled else _focus_strength(mentions, weak)
    focus = focus_place(mentions if strong is None else
                        [m for m, ok in zip(mentions, strong, strict=True) if ok], headline)
    own_focus: dict[str, Place | None] = {}  # weak reading's place id -> its own focus
    # The document's settled readings (and its address's country) are the context a
    # facility's place-name part is resolved in ("Windsor" of "Windsor Castle" in a
    # British paper).
    votes = [
        (parser.key(m.text), m.place, 1.0)
        for m, needed in zip(mentions, doc.needs_focus, strict=True)
        if m.place is not None and not needed
    ]
    votes += parser.address_votes(doc.url)
    out: list[Mention] = []
    for i, (mention, needed) in enumerate(zip(mentions, doc.needs_focus, strict=True)):
        if not needed:
            out.append(mention)
            continue
        own = focus
        if strong is not None and not strong[i] and mention.place is not None:
            own = own_focus.get(mention.place.id)
            if own is None and len(own_focus) < MAX_OWN_FOCUS:
                own = focus_place([m for k, m in enumerate(mentions) if strong[k] or k == i],
                                  headline)
                own_focus[mention.place.id] = own
            elif own is None:
                own = focus
        moved, rule = _fallback_mention(parser, mention, own, votes)
        if moved is not mention:
            doc.refined[i] = f"fallback:{rule}"
        out.append(moved)
    return out


def _focus_strength(mentions: Sequence[Mention], weak: Sequence[bool]) -> list[bool]:
    """Which mentions may make the document's focus (rule ``strong-focus``).

    A weak reading said once is no focus for the other names: in "Orlivka, a village west
    of Avdiivka" the gazetteer's Orlivka in Odesa oblast, which nothing supports, must not
    pull Avdiivka 600 km west. It still counts for its own mention (whose reading the
    later passes judge), and a weak reading the text repeats counts for all (a local
    paper's town). Each weak reading's own focus is computed once; past
    :data:`MAX_OWN_FOCUS` of them (a pasted list of names) the shared focus serves, so
    the pass stays linear in the document.
    """
    said: dict[str, int] = {}
    for m in mentions:
        if m.place is not None:
            said[m.place.id] = said.get(m.place.id, 0) + 1
    return [not w or (m.place is not None and said[m.place.id] >= 2)
            for m, w in zip(mentions, weak, strict=True)]


def _contained(doc: MentionDocument) -> list[Mention]:
    # With the fallback pass switched off (ablation), only unknown names need a container.
    needs = doc.needs_focus or [not m.candidates for m in doc.mentions]
    return contained_readings(doc.text, doc.mentions, needs,
                              unit_gap=UNIT_GAP_CONTAINER not in doc.parser.disabled,
                              possessive=POSSESSIVE_CONTAINER not in doc.parser.disabled)


def _headline_places(
    parser: Geoparser, mentions: Sequence[Mention], title: str | None, url: str | None
) -> frozenset[str]:
    """Ids of the places read for names that the title or the address also names."""
    keys = {parser.key(s.text) for s in parser.recognize(title)} if title else set()
    address = url_words(url) if url else ""
    ids = set()
    for m in mentions:
        if m.place is None:
            continue
        key = parser.key(m.text)
        if key in keys or (address and key and key.replace(" ", "") in address):
            ids.add(m.place.id)
    return frozenset(ids)


#: Switch name: a town that heads a first-level region of its name, in the focus's country,
#: keeps its reading (the fallback does not move it into the focus town).
REGION_SEAT = "region-seat-keeps-reading"


def _seat_of_namesake_region(mention: Mention) -> bool:
    """Whether the top reading is a town and another candidate the ADM1 of its country."""
    top = mention.candidates[0].place
    if top.precision != "town":
        return False
    return any(c.place.feature_code == "ADM1" and c.place.country_code == top.country_code
               for c in mention.candidates[1:])


def _fallback_mention(
    parser: Geoparser, mention: Mention, focus: Place | None, votes: Sequence[Vote]
) -> tuple[Mention, str]:
    """Resolve a name the gazetteer lacks: a facility, or a name read from a minor part.

    Returns the mention and the name of the rule that placed it.
    """
    if not mention.candidates:
        return _facility_mention(parser, mention, focus, votes)
    reviewed = reviewed_namesake(mention, parser.normalize)
    if reviewed is not None:
        return reviewed, "reviewed-namesake"
    reviewed = famous_area(mention)
    if reviewed is not None:
        return reviewed, "famous-area"
    top = mention.candidates[0].place
    if is_area_from_part(mention):
        # "Virginia Gateway" is somewhere in Virginia; the article's town, when it lies in
        # Virginia, is the nearer guess.
        town = focus is not None and focus.precision in ("town", "district")
        if not (town and lies_in(focus, top)):
            return mention, "area-from-part"
        alternates = tuple(mention.candidates[: MAX_CANDIDATES_KEPT - 1])
        lifted = focus_candidate(mention.text, focus, instead_of=top)
        return replace(mention, candidates=(lifted, *alternates)), "focus-town-in-area"
    if focus is None or fast_km(top.lat, top.lon, focus.lat, focus.lon) <= 161:
        return mention, "near-focus"
    if top.feature_code == "ADM1" and top.country_code == focus.country_code:
        return mention, "governorate"  # "Marib" in a Yemeni story is no stray namesake
    if (REGION_SEAT not in parser.disabled and top.country_code == focus.country_code
            and _seat_of_namesake_region(mention)):
        # "from Gao to Ménaka": the town that heads its namesake region of the story's
        # country (city-over-state chose the town) is a place of its own, not a street
        # of the focus town 260 km away.
        return mention, REGION_SEAT
    if has_arabic(mention.text) and not is_loose(mention):
        # An Arabic name the gazetteer holds as a whole is a place of its own, not a street
        # of the article's focus town (حجة stays Hajjah next to a misread "حيران").
        return mention, "arabic-name"
    if has_arabic(mention.text) and parser.is_translit_name(mention.text) and \
            focus.precision == "country":
        # A name read through its Latin spellings (مونغونو: Monguno) in a report whose focus
        # is a country (النيجر) is a town the gazetteer holds under another spelling, not
        # that country: the document's places decide which reading is meant
        # (gazetteer.translit_bounds). A town or region focus still takes it in (مليط in
        # North Darfur).
        return mention, "arabic-latin-reading"
    if (focus.precision not in _TOWN_LEVEL and top.country_code != focus.country_code
            and not is_loose(mention) and AREA_FOCUS_NAMESAKE not in parser.disabled):
        # A region or country focus is no place for a name read in another country: "a
        # Marine from Tullahoma ... in Helmand province" is not in Helmand, and a village
        # "close to the border with Burkina Faso" is not at Burkina Faso's centre. The
        # far-namesake rule decides it (unresolved, with a reason). (In the area's own
        # country, or for a loose spelling of a name the gazetteer lacks, the area is a
        # fair approximation: "Lake Cumberland" in Kentucky, "Mindoro" in the Philippines.)
        return mention, AREA_FOCUS_NAMESAKE
    # "Faubourg Marigny" in a New Orleans story is not near Marigny, France: the unknown
    # name is more likely a local one, in the town the article is about.
    alternates = tuple(mention.candidates[: MAX_CANDIDATES_KEPT - 1])
    lifted = focus_candidate(mention.text, focus, instead_of=top)
    return replace(mention, candidates=(lifted, *alternates)), "focus-town"


def _facility_mention(
    parser: Geoparser, mention: Mention, focus: Place | None, votes: Sequence[Vote]
) -> tuple[Mention, str]:
    """Place a name the gazetteer lacks in the focus town, else where its name says.

    "Where its name says": "Colorado" of "Colorado State University". Streets, buildings
    and small localities are what gazetteers lack most; the town the article is about is
    their nearest resolvable parent. The candidate says so. When the document names no
    town (its focus is a region or country), a place the name itself names is nearer:
    "Windsor Castle" is in Windsor.
    """
    town_focus = focus is not None and focus.precision in ("town", "district", "site")
    street = is_street(mention.text)
    part = None if street and town_focus else parser.part_of_name(mention.text)
    if part is not None:
        item = ResolverItem(
            key=parser.key(part[0]), places=part[1], tiers={p.id: "part" for p in part[1]}
        )
        resolve_items(
            [item], normalize=parser.normalize, weights=parser.weights, extra_votes=votes
        )
        ranked = tuple(item.ranked[:MAX_CANDIDATES_KEPT])
        # A city the name spells out ("London Guildhall School") beats the article's town;
        # a region or country in the name ("Colorado State University") does not.
        if not town_focus or (ranked and locates_better_than_a_town(ranked[0].place)):
            return replace(mention, candidates=ranked), "place-in-name"
    if focus is None:
        return mention, "no-focus"
    return replace(mention, candidates=(focus_candidate(mention.text, focus),)), "focus-town"


#: The mention passes, in the order they run.
MENTION_PASSES: tuple[MentionPass, ...] = (
    MentionPass(
        LANGUAGE_NAMESAKE, "a country read by a name the text's language does not give it",
        "Salvador in a Portuguese text (the city in Bahia, not El Salvador)",
        lambda doc: favour_language_namesakes(doc.text, doc.mentions, doc.parser.normalize),
    ),
    MentionPass(
        LANGUAGE_EXONYM, "a country's name in the text's language, read as a small namesake",
        "Jordânia in a Portuguese text (Jordan, not the town in Minas Gerais)",
        _language_exonyms,
    ),
    MentionPass(
        DOCUMENT_COUNTRY, "a name shared across countries: the story's country, its language",
        "Córdoba next to Buenos Aires; Salvador in a Portuguese text",
        lambda doc: favour_document_country(doc.text, doc.mentions, doc.parser.key, doc.url),
    ),
    MentionPass(
        "famous-namesake", "a name whose best-known namesake the resolver ranked low",
        "Paris (France, not Texas)", _famous_namesake,
    ),
    MentionPass(
        "initials", "an unknown acronym the article spells out", "SA (South Africa)", _initials,
    ),
    MentionPass(
        "capitals-dateline-city", "an all-caps dateline at the very start read as a state",
        "(NEW YORK) —", _dateline,
    ),
    MentionPass(
        "one-sense-for-states", "a bare state name after an AP state abbreviation",
        "CAMP MURRAY, Wash. ... Washington", _one_sense,
    ),
    MentionPass(
        "admin-head", "a name with an administrative head word: the unit, not the city",
        "Kandahar province, the district of Marib", run_admin_heads,
    ),
    MentionPass(
        "city-over-state", "a bare name shared by a unit and the city in it: the city",
        "Lagos (the city, unless 'Lagos State' or 'the governor of Lagos')",
        run_city_over_state,
    ),
    MentionPass(
        "eponym", "a weak reading that names an agreement or a body", "the Minsk agreements",
        _eponyms,
    ),
    MentionPass(
        "fallback", "names the gazetteer lacks or reads weakly: focus town, part of the name",
        "Faubourg Marigny (New Orleans)", _fallbacks,
    ),
    MentionPass(
        "contained-reading", "a weak or unknown name the text puts in another place",
        "the Bambino Gesu hospital in Rome", _contained,
    ),
    MentionPass(
        TOWN_IN_UNIT, "the name after 'TOWN in' read as a far city of its region's name",
        "Kanbalu in Sagaing (Sagaing Region, not the city 150 km away)",
        lambda doc: towns_in_units(doc.text, doc.mentions, doc.weak),
    ),
    MentionPass(
        ANCHORED_READING, "a minor reading far from the place the text puts the name near",
        "Orlivka, a village west of Avdiivka (not Orlivka in Odesa oblast)",
        lambda doc: anchored_readings(doc.text, doc.mentions),
    ),
    MentionPass(
        CONTAINER_CONTRADICTED, "a reading outside the state or country the text puts it in",
        "La Mora, a ranch community in Sonora (not La Mora in another state)",
        lambda doc: container_contradictions(doc.text, doc.mentions, doc.weak),
    ),
    MentionPass(
        FAR_NAMESAKE, "a weak reading whose namesakes all lie far from the story: none",
        "a village outside Maiduguri the gazetteer lacks (not Tunis)",
        lambda doc: far_namesakes_unresolved(
            doc.mentions, doc.weak, bounded_later=doc.parser.is_translit_name,
            loose_alone=LOOSE_ALONE not in doc.parser.disabled,
            alias_towns=ALIAS_FAR_TOWN not in doc.parser.disabled),
    ),
    MentionPass(
        FOREIGN_NAMESAKE, "a small place the text calls a village, read as a far foreign town",
        "Karma, a farming village near Ouahigouya (not Karma, India)",
        lambda doc: foreign_namesakes_unresolved(doc.text, doc.mentions, doc.weak),
    ),
    MentionPass(
        QUALIFIER_CONTRADICTED, "a small town qualified by a state or country it is not in",
        "Shelbyville, DE, US when the gazetteer has no Shelbyville in Delaware",
        lambda doc: qualifier_contradictions_unresolved(
            doc.text, doc.mentions, doc.qualifiers),
    ),
)


#: Switches inside the passes above, by name, with an example (``--disable NAME``).
PASS_SWITCHES: tuple[tuple[str, str], ...] = (
    (REGION_SEAT, "fallback: 'from Gao to Ménaka' keeps the town Ménaka (seat of Ménaka"
     " Region), not the focus town Gao"),
    (AREA_FOCUS_NAMESAKE, "fallback: 'a medic from Oberlin ... in Helmand province' is not"
     " placed in Helmand"),
    (LOOSE_ALONE, "far-namesake-unresolved: a loose spelling in a text naming no other place"),
    (CITY_OVER_NAMESAKE_UNIT, "city-over-state: a bare 'Gaza' is the city, not Gaza Province of"
     " Mozambique"),
    (ARABIC_CITY_OVER_UNIT, "city-over-state: a bare Arabic كوبيانسك is the town Kupyansk, not"
     " Kupiansk Raion (the raion after منطقة)"),
    (ALIAS_FAR_TOWN, "far-namesake-unresolved: 'Inata' near Djibo is no alias of Inada, Japan"),
    (UNIT_GAP_CONTAINER, "contained-reading: 'the Bulape health zone of Kasai province' is in"
     " Kasai, not the article's focus town"),
    (POSSESSIVE_CONTAINER, "contained-reading: 'London's Heathrow Animal Reception Center' is"
     " in London, not the article's focus town"),
    (STRONG_FOCUS, "fallback: 'Shelling hit Orlivka; Avdiivka was quiet' (Avdiivka stays in"
     " Donetsk oblast, not at Odesa oblast's Orlivka)"),
)


def _changed(old: Mention, new: Mention) -> bool:
    return new is not old and (
        new.candidates != old.candidates or (new.start, new.end) != (old.start, old.end)
    )


def run_passes(
    doc: MentionDocument, passes: Sequence[MentionPass] = MENTION_PASSES
) -> list[Mention]:
    """Run ``passes`` in order over ``doc``; each changed mention's trace gets the pass name."""
    for mention_pass in passes:
        before = doc.mentions
        doc.refined = {}
        after = mention_pass.run(doc)
        if len(after) != len(before):
            raise ValueError(f"mention pass {mention_pass.name!r} changed the number of mentions")
        doc.mentions = [
            replace(new, trace=(*old.trace, doc.refined.get(i, mention_pass.name)))
            if new is not old and _changed(old, new)
            else old
            for i, (old, new) in enumerate(zip(before, after, strict=True))
        ]
    return doc.mentions
