"""The geoparser: recognition and resolution of the places a text names, end to end.

``geoparse(text)`` finds toponym spans (:mod:`gazetteer.recognize`) and ranks the
gazetteer candidates of each (:mod:`gazetteer.resolve`), using the whole document (and its
title) as context. ``resolve_spans`` does the second half for spans found elsewhere (gold
spans, a claim's place), and ``resolve_name`` resolves a single name such as a claim's
anchor ("Tripoli", "the Libyan capital") in the light of the article it comes from.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence

from gazetteer.address import country_of_address, paper_town, url_words
from gazetteer.arabic import has_arabic, is_arabic
from gazetteer.arabic_prepositions import PREPOSITION_TOWN
from gazetteer.arabic_recognize import (
    ADJECTIVE_AGREEMENT,
    FACILITY_NAME,
    LISTED_NEIGHBOUR,
    NOUN_WHOLE_WORD,
    REPEATED_NAME,
    TRANSLIT_COMPOUND,
    find_arabic_places,
)
from gazetteer.context import US_STATE_NAMES, state_from_abbreviation
from gazetteer.countries import country_name, is_demonym
from gazetteer.descriptions import (
    capital_by_description,
    country_code_of,
    describes_capital,
    main_country,
)
from gazetteer.exonyms import EXONYM, exonym_country, exonym_spans
from gazetteer.fallback import is_facility, part_of_name
from gazetteer.informal import (
    COMMON_WORD_IN_LIST,
    COMMON_WORD_QUALIFIED,
    LOWER_CASE_NAME,
    TEXT_LANGUAGE,
    listed_common_words,
    lower_case_names,
    qualified_common_words,
)
from gazetteer.loose_recognition import LOOSE_SPELLING_IN_COUNTRY, loose_spelled_names
from gazetteer.model import Candidate, Mention, Place
from gazetteer.name_rules import NameOptions, resolve_with_options
from gazetteer.names import normalize, strip_articles
from gazetteer.passes import MAX_CANDIDATES_KEPT, MENTION_PASSES, MentionDocument, run_passes
from gazetteer.people import is_first_name, is_personal_name, is_surname
from gazetteer.person_discourse import PERSON_FIRST_NAME_IN_DOCUMENT
from gazetteer.place_frames import PLACE_FRAME, framed_unknown_names
from gazetteer.protocol import PlaceIndex
from gazetteer.qualifiers import (
    POSTCODE_GAP_RE,
    RECOGNIZED_CONTEXT,
    add_qualifiers,
    group_labels,
)
from gazetteer.readings import REVIEWED_SOURCES, is_major
from gazetteer.recognition_rules import (
    DEFAULT_RECOGNITION,
    RECOGNITION_RULES,
    RecognitionSettings,
)
from gazetteer.recognize import MULTIWORD_STREET, Dropped, Recognizer, Span
from gazetteer.resolve import DEFAULT_WEIGHTS, ResolverItem, Weights, resolve_items
from gazetteer.translit_bounds import (
    TRANSLIT_EXACT_FIRST,
    TRANSLIT_RETRY,
    bound_translit_mentions,
)

__all__ = [
    "MAX_CANDIDATES_KEPT",
    "TRANSLIT_EXACT_TIER",
    "Geoparser",
    "geoparse",
    "get_geoparser",
    "resolve_name",
    "resolve_spans",
]

log = logging.getLogger("conflictmap.gazetteer.geoparse")

#: Trace names of the resolver's own steps (before the mention passes).
RANKED = "resolver-ranking"
PART_OF_NAME = "part-of-name"

_LOOSE_TIERS = frozenset({"skeleton", "fuzzy"})
#: Smallest town an Arabic name may reach through a loose Latin reading (خاركيف -> Kharkiv).
MIN_TRANSLIT_POPULATION = 5_000
#: Rule (switch): a place a Latin reading of an Arabic name spells exactly is matched at
#: the alias tier, a skeleton hit at the skeleton tier; without it every reading was a
#: skeleton hit, so أوريخيف (Orikhiv, spelled exactly) lost to the larger Orekhovo-Zuyevo,
#: whose consonants only match.
TRANSLIT_EXACT_TIER = "translit-exact-tier"
#: Letters a Latin reading needs for its exact match to count as the name's spelling
#: (a short one, malit, spells far names by chance: Malita in the Philippines).
MIN_EXACT_READING = 6
#: Seats of government: their other names are real names ("Stepanakert" of Khankendi).
_SEAT_CODES = frozenset({"PPLC", "PPLA", "PPLA2"})
#: Endings of adjectives of place ("Kurdish", "Hispanic"; not "-ian": "Gharian" is a town).
_ADJECTIVE_RE = re.compile(r"[a-z](?:ish|ese|ic|ern)$")
_PLURAL_DEMONYM_RE = re.compile(r"(?:ans|ians|ese|is|ns)$")


#: Countries whose place names carry the Arabic article (al-, el-, ad-...): the Arab
#: League, Iran, Afghanistan, Pakistan, Turkey, Israel and the Palestinian territories.
ARTICLE_COUNTRIES = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH IR AF PK TR IL TD "
    "ER NE ML".split()
)


#: Feature codes of the areas :data:`RECOGNIZED_CONTEXT` reads as context.
#: Rule name: a compass compound written as one word ("Northwest", "SOUTHWEST") also
#: reads as the hyphenated name ("North-West", "South-West"), as first-level regions of
#: Cameroon, South Africa, Botswana or Sierra Leone are named: "Cameroon's Northwest
#: region" is North-West Province, not a hamlet in Ohio.
COMPASS_COMPOUND = "compass-compound"
_COMPASS_COMPOUND_RE = re.compile(r"(North|South|NORTH|SOUTH)(east|west|EAST|WEST)")

_AREA_CODES = frozenset({"PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "PCL", "TERR", "ADM1"})

#: Weight of the address country's vote (one clear mention is 1).
ADDRESS_VOTE = 2.0


#: Text between a name and its qualifier after it: ", Oregon", " in northern Lebanon".
_QUALIFIER_GAP = re.compile(
    r",?\s*(?:in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?)?")


def _qualifies(text: str, span: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether ``other`` stands where a qualifier of ``span`` stands (right after or owner)."""
    if other[0] >= span[1]:
        return other[0] > span[1] and bool(
            _QUALIFIER_GAP.fullmatch(text, span[1], other[0])
            or POSTCODE_GAP_RE.fullmatch(text, span[1], other[0])
        )
    return bool(re.fullmatch(r"[’']s\s+", text[other[1]:span[0]]))


_OWNER_BEFORE_RE = re.compile(r"(\S(?:.*\S)?)['’]s\s+")


def _possessive_owners(
    text: str, recognized: Sequence[Span], given: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Return the owners recognition read together with a given span, as context spans.

    "London's" of the recognized "London's Heathrow" when only "Heathrow Animal Reception
    Center" is given: the possessive-container rule then places the given name in London.
    """
    owners = []
    for s in recognized:
        for start, end in given:
            if s.start < start < s.end <= end or (s.start < start and s.end == end):
                match = _OWNER_BEFORE_RE.fullmatch(text, s.start, start)
                if match:
                    owners.append((s.start, match.end(1)))
            elif (s.end < start and text[s.end:start].isspace()
                  and text[s.start:s.end].endswith(("'s", "’s"))):
                owners.append((s.start, s.end))  # "Kinshasa's" read on its own
    return owners


class Geoparser:
    """Recognizer and resolver bound to one gazetteer index (cached lookups).

    ``passes`` are the mention passes run after ranking (:data:`MENTION_PASSES`);
    ``recognition`` the thresholds of the recognition rules. ``disabled`` names rules to
    switch off (recognition rules, mention passes, qualifier rules), for ablation.
    """

    def __init__(
        self,
        index: PlaceIndex,
        *,
        weights: Weights = DEFAULT_WEIGHTS,
        recognition: RecognitionSettings = DEFAULT_RECOGNITION,
        passes: Sequence = MENTION_PASSES,
        disabled: frozenset[str] = frozenset(),
    ) -> None:
        self.index = index
        self.weights = weights
        self.disabled = frozenset(disabled)
        self.passes = tuple(p for p in passes if p.name not in self.disabled)
        self._match_cache: dict[str, tuple[tuple[Place, str], ...]] = {}
        self._arabic_cache: dict[str, tuple[Place, ...]] = {}
        #: Arabic names whose candidates came from Latin readings (see translit_bounds).
        self._translit_names: set[str] = set()
        self._heads: frozenset[str] | None | bool = False
        self._context_cache: dict[str, tuple[tuple[str, Place, float], ...]] = {}
        #: :meth:`translit_alternatives` per ``(name, exact_only)``: each reading is a lookup.
        self._alternatives_cache: dict[tuple[str, bool], tuple[Place, ...]] = {}
        self._cache_lock = threading.Lock()
        self._seen_overlay = index.overlay_size()
        self.recognizer = Recognizer(
            self._strict_places,
            is_common=self.is_common,
            knows=self._has_strict_key,
            settings=recognition,
            rules=tuple(r for r in RECOGNITION_RULES if r.name not in self.disabled),
            steps=self._recognition_steps(),
            read_language=TEXT_LANGUAGE not in self.disabled,
            multiword_streets=MULTIWORD_STREET not in self.disabled,
            person_discourse=PERSON_FIRST_NAME_IN_DOCUMENT not in self.disabled,
        )
        self._normalize = normalize

    def _recognition_steps(self) -> tuple:
        """Return the recognition steps after the matcher that are not switched off."""
        steps = []
        if COMMON_WORD_IN_LIST not in self.disabled:
            steps.append(lambda text, _tokens, spans, doubted: listed_common_words(
                text, spans, doubted) if doubted else spans)
        if COMMON_WORD_QUALIFIED not in self.disabled:
            steps.append(lambda text, _tokens, spans, doubted: qualified_common_words(
                text, spans, doubted) if doubted else spans)
        if EXONYM not in self.disabled:
            steps.append(lambda text, _tokens, spans, _doubted: exonym_spans(
                text, spans, self._country_places, self._has_strict_key))
        if LOWER_CASE_NAME not in self.disabled:
            steps.append(lambda text, tokens, spans, _doubted: lower_case_names(
                text, tokens, spans, self.recognizer.places_for, self.is_common))
        if PLACE_FRAME not in self.disabled:
            steps.append(lambda text, _tokens, spans, _doubted: framed_unknown_names(
                text, spans))
        if LOOSE_SPELLING_IN_COUNTRY not in self.disabled:
            steps.append(lambda text, tokens, spans, _doubted: loose_spelled_names(
                text, tokens, spans, self._raw_matches, self.is_common))
        return tuple(steps)

    # -- lookups ---------------------------------------------------------------------

    def _raw_matches(self, name: str) -> tuple[tuple[Place, str], ...]:
        """``(place, tier)`` pairs for a name."""
        return tuple((m.place, m.tier) for m in self.index.match(name))

    def normalize(self, name: str) -> str:
        """Return the normalized key of a name (:func:`gazetteer.names.normalize`)."""
        return self._normalize(name)

    def refresh(self) -> None:
        """Drop cached lookups if analyst places were added to the index since last use."""
        size = self.index.overlay_size()
        if size != self._seen_overlay:
            self.clear_caches()
            self._seen_overlay = size

    def clear_caches(self, *, index: bool = False) -> None:
        """Forget cached lookups (and the index's too if ``index``): a cold start, for timing."""
        with self._cache_lock:
            self._match_cache.clear()
            self._arabic_cache.clear()
            self._translit_names.clear()
            self._context_cache.clear()
            self._alternatives_cache.clear()
            self.recognizer.clear_cache()
        if index:
            self.index.clear_caches()

    def matches(self, name: str) -> tuple[tuple[Place, str], ...]:
        """Return ``(place, tier)`` candidates of a surface name, with light fallbacks, cached.

        Fallbacks: a US state abbreviation ("Kan.", "W.Va.") is the state; a trailing
        possessive is dropped; a plural demonym ("Palestinians") is tried in the singular,
        keeping only country and region readings.
        """
        found = self._match_cache.get(name)
        if found is not None:
            return found
        found = self._matches_uncached(name)
        if not found and has_arabic(name):
            found = self._translit_matches(name)
            if found:
                self._translit_names.add(name)
        if len(self._match_cache) > 200_000:
            self._match_cache.clear()
        self._match_cache[name] = found
        return found

    def _matches_uncached(self, name: str) -> tuple[tuple[Place, str], ...]:
        stripped = name.strip()
        postal = state_from_abbreviation(stripped) if len(stripped) <= 6 else None
        if postal and ("." in stripped or stripped.isupper()):
            state = US_STATE_NAMES.get(postal)
            if state:
                regions = tuple(
                    (p, "alias")
                    for p, _t in self._raw_matches(state)
                    if p.country_code == "US" and p.feature_code == "ADM1"
                )
                if regions:
                    return regions
        found = self._raw_matches(stripped)
        if stripped.isalpha() and stripped.isupper() and 2 <= len(stripped) <= 4:
            # "EU" is written "E.U." too (and "UK" "U.K."): the dotted form may be the
            # one the gazetteer knows as a country or a region.
            dotted = ".".join(stripped) + "."
            areas = tuple(
                (p, "alias")
                for p, t in self._raw_matches(dotted)
                if t not in _LOOSE_TIERS and p.precision in ("country", "region")
            )
            seen = {p.id for p, _t in areas}
            found = areas + tuple(pt for pt in found if pt[0].id not in seen)
        # "al-Juma" is not Yuma, Arizona: the Arabic article is dropped only for places
        # where names carry it.
        found = tuple(
            (p, t) for p, t in found if t != "article" or p.country_code in ARTICLE_COUNTRIES
        )
        found = self._with_water_bodies(stripped, found)
        if COMPASS_COMPOUND not in self.disabled:
            found = self._with_split_compass(stripped, found)
        if EXONYM not in self.disabled and all(t in _LOOSE_TIERS for _p, t in found):
            # "Allemagne" is Germany, not a village its consonants spell
            code = exonym_country(stripped)
            if code:
                return tuple((p, "alias") for p in self._country_places(code))
        if found:
            strict = tuple(pt for pt in found if pt[1] not in _LOOSE_TIERS)
            # Transliteration variants only when the spelling itself is unknown ("Albany"
            # must never become "Albania"), and never for very short names.
            if strict or len(self._normalize(stripped).replace(" ", "")) < 5:
                return strict
            if _ADJECTIVE_RE.search(stripped):
                return ()  # "Kurdish", "Hispanic" are no loose spellings of towns
            return found
        for suffix in ("'s", "’s", "'", "’"):
            if stripped.endswith(suffix) and len(stripped) > len(suffix) + 2:
                found = self._raw_matches(stripped[: -len(suffix)])
                if found:
                    return found
        if stripped.endswith("s") and _PLURAL_DEMONYM_RE.search(stripped) and len(stripped) > 5:
            singular = self._raw_matches(stripped[:-1])
            return tuple(
                (p, "demonym")
                for p, t in singular
                if t != "skeleton" and p.precision in ("country", "region")
            )
        return ()

    def _with_split_compass(
        self, name: str, found: tuple[tuple[Place, str], ...]
    ) -> tuple[tuple[Place, str], ...]:
        """Add the readings of "North-West" to "Northwest" (and of the other compounds)."""
        match = _COMPASS_COMPOUND_RE.fullmatch(name)
        if match is None:
            return found
        split = f"{match.group(1)}-{match.group(2)}"
        exact = {p.id: p for p, t in self._raw_matches(split) if t not in _LOOSE_TIERS}
        if not exact:
            return found
        # the skeleton already finds "North-West" for "Northwest": it is an exact reading
        strict = {p.id for p, t in found if t not in _LOOSE_TIERS}
        kept = tuple((p, t) for p, t in found if p.id not in exact or p.id in strict)
        return kept + tuple((p, "alias") for p in exact.values() if p.id not in strict)

    def _with_water_bodies(
        self, name: str, found: tuple[tuple[Place, str], ...]
    ) -> tuple[tuple[Place, str], ...]:
        """Add "X Ocean"/"X Sea" when a one-word name is short for one ("Atlantic", "Pacific")."""
        if " " in name or not name[:1].isupper():
            return found
        name_info = self.index.name_info
        seen = {p.id for p, _t in found}
        extra: list[tuple[Place, str]] = []
        for suffix in (" Ocean", " Sea"):
            info = name_info(name + suffix)
            if info is None or info.best_tier in _LOOSE_TIERS:
                continue
            for place, tier in self._raw_matches(name + suffix):
                if tier not in _LOOSE_TIERS and place.precision == "sea" and place.id not in seen:
                    extra.append((place, "alias"))
                    seen.add(place.id)
        return tuple(extra) + found if extra else found

    def _has_strict_key(self, name: str) -> bool:
        """Cheap test whether ``name`` can match without transliteration folding.

        Uses the index's ``name_info`` (one keyed query) so the recognizer does not pay for
        the transliteration search on every capitalised word.
        """
        name_info = self.index.name_info
        stripped = name.strip()
        if len(stripped) <= 6 and state_from_abbreviation(stripped):
            return True
        key = self._normalize(stripped)
        if not key:
            return False
        probes = [key]
        article_free = strip_articles(key)
        if article_free != key:
            probes.append(article_free)
        if key.endswith("s") and len(key) > 5:
            probes.append(key[:-1])
        for probe in probes:
            info = name_info(probe)
            if info is not None and info.best_tier not in _LOOSE_TIERS:
                return True
        return False

    def _country_places(self, code: str) -> tuple[Place, ...]:
        """Return the gazetteer's entry of the country with ISO code ``code`` (empty if none)."""
        name = country_name(code)
        return tuple(
            p for p, _t in self._raw_matches(name) if p.country_code == code
            and p.feature_code.startswith("PCL")
        )[:1] if name else ()

    def _strict_places(self, name: str) -> list[Place]:
        """Places whose name matches without transliteration folding (for recognition)."""
        if not self._has_strict_key(name):
            return []
        pairs = [(p, tier) for p, tier in self.matches(name) if tier not in _LOOSE_TIERS]
        single = " " not in name.strip()
        if single and pairs and (is_first_name(name) or is_surname(name)):
            # "Henry", "Polk", "Martin": the bare name of a county is mostly a person's.
            pairs = [(p, t) for p, t in pairs if not (t != "name" and p.feature_code == "ADM2")]
        if single and pairs and name.endswith("s") and all(t == "demonym" for _p, t in pairs):
            return []  # "Venezuelans" are people; the place is "Venezuela"
        if pairs and single and not any(t == "name" for _p, t in pairs):
            # A single word known only as an alternate name of a small place ("Oil") is a
            # word, not a toponym; demonyms, aliases of major places and the aliases our
            # reviewed files give on purpose ("Mitiga", "Al-Watiya") stay.
            if not any(
                is_major(p)
                or t == "demonym"
                or p.source in REVIEWED_SOURCES
                or p.feature_code in _SEAT_CODES
                for p, t in pairs
            ):
                return []
        return [p for p, _t in pairs]

    def strict_places(self, name: str) -> list[Place]:
        """Places whose name matches without transliteration folding (for recognition)."""
        return self._strict_places(name)

    def arabic_places(self, name: str) -> list[Place]:
        """Places an Arabic-script name matches (its key or its key without ال), cached."""
        found = self._arabic_cache.get(name)
        if found is None:
            key = self._normalize(name)
            known = any(
                (info := self.index.name_info(probe)) is not None
                and info.best_tier not in _LOOSE_TIERS
                for probe in {key, strip_articles(key)} if probe)
            found = tuple(p for p, tier in self.matches(name)
                          if tier not in _LOOSE_TIERS) if known else ()
            if len(self._arabic_cache) > 200_000:
                self._arabic_cache.clear()
            self._arabic_cache[name] = found
        return list(found)

    def arabic_translit_places(self, name: str) -> list[Place]:
        """Places an Arabic name may be, its Latin spellings included (خاركيف: Kharkiv).

        For a word the context makes a name: the recognizer asks only for a word after a
        place noun or a compass word (مدينة خاركيف، شرق خيرسون), so a known name too
        small to be trusted alone counts there. When the gazetteer lacks the name, the
        readings of :func:`gazetteer.arabic_translit.latin_readings` are looked up like
        Latin names, and loose (skeleton) hits are kept only for towns of
        :data:`MIN_TRANSLIT_POPULATION` or more and for seats and regions.
        """
        return [p for p, _t in self.matches(name) if _t != "fuzzy"]

    def _translit_matches(self, name: str) -> tuple[tuple[Place, str], ...]:
        """Return the ``matches`` of an Arabic name the gazetteer lacks, via its Latin readings."""
        from gazetteer.arabic_translit import TSH_AS_CH, latin_readings

        exact = TRANSLIT_EXACT_TIER not in self.disabled
        out: dict[str, tuple[Place, str]] = {}

        def add(readings: tuple[str, ...]) -> None:
            for reading in readings:
                # rule TRANSLIT_EXACT_TIER: a reading that spells a long name is no skeleton
                long = exact and len(reading.replace(" ", "")) >= MIN_EXACT_READING
                for place, tier in self._translit_hits((reading,), tiers=True):
                    label = "alias" if long and tier not in _LOOSE_TIERS else "skeleton"
                    if place.id not in out or label == "alias":
                        out[place.id] = (place, label)

        add(latin_readings(name, tsh_ch=False))
        if not out and "تش" in name and TSH_AS_CH not in self.disabled:
            add(latin_readings(name))  # rule TSH_AS_CH: ليسيتشانسك is Lysychansk
        return tuple(out.values())

    def _translit_hits(self, readings: Iterable[str], *, tiers: bool = False) -> Iterator:
        """Yield the places Latin ``readings`` match that a reading by sound may stand for.

        Not fuzzy matches nor countries; skeleton hits only from
        :data:`MIN_TRANSLIT_POPULATION` people or for seats and first-level units. With
        ``tiers``, ``(place, tier)`` pairs are yielded.
        """
        for reading in readings:
            for place, tier in self.matches(reading):
                if tier == "fuzzy" or place.precision == "country":
                    continue
                if tier == "skeleton" and place.population < MIN_TRANSLIT_POPULATION and not (
                        place.feature_code or "").startswith(("PPLA", "PPLC", "ADM1")):
                    continue
                yield (place, tier) if tiers else place

    def is_translit_name(self, name: str) -> bool:
        """Whether ``name``'s candidates come from its Latin readings (no Arabic name matched)."""
        self.matches(name)
        return name in self._translit_names

    def bound_translit(self, mentions: Sequence[Mention],
                       countries: Sequence[str] = ()) -> list[Mention]:
        """Keep Latin readings near the document (:mod:`gazetteer.translit_bounds`)."""
        return bound_translit_mentions(mentions, self.is_translit_name, countries,
                                       self.translit_alternatives,
                                       retry=TRANSLIT_RETRY not in self.disabled,
                                       places=self.places_for,
                                       larger=None if TRANSLIT_EXACT_FIRST in self.disabled
                                       else self.translit_exact_alternatives)

    def translit_alternatives(self, name: str, exact_only: bool = False) -> list[Place]:
        """Return the places more Latin readings of ``name`` find, most populous first.

        Exact tiers of any size; skeleton hits from :data:`MIN_TRANSLIT_POPULATION` or seats.
        With rule :data:`TRANSLIT_EXACT_FIRST` on, the places a reading spells exactly come
        before the skeleton's, and ``exact_only`` leaves the skeleton's out. Cached per
        name (the extractor asks again for every slot a name fills, and every article).
        """
        found = self._alternatives_cache.get((name, exact_only))
        if found is None:
            found = tuple(self._alternatives(name, exact_only))
            if len(self._alternatives_cache) > 200_000:
                self._alternatives_cache.clear()
            self._alternatives_cache[(name, exact_only)] = found
        return list(found)

    def _alternatives(self, name: str, exact_only: bool) -> list[Place]:
        """Compute :meth:`translit_alternatives` (uncached)."""
        from gazetteer.arabic_translit import TSH_AS_CH, extended_readings

        out: dict[str, tuple[Place, bool]] = {}
        readings = extended_readings(name, tsh_ch=False)
        if "تش" in name and TSH_AS_CH not in self.disabled:
            readings = (*readings, *extended_readings(name))
        for place, tier in self._translit_hits(readings, tiers=True):
            loose = tier == "skeleton"
            if place.id not in out or out[place.id][1] and not loose:
                out[place.id] = (place, loose)
        if TRANSLIT_EXACT_FIRST in self.disabled:
            return sorted((p for p, _l in out.values()), key=lambda p: -p.population)
        return [p for p, loose in sorted(out.values(), key=lambda x: (x[1], -x[0].population))
                if not (exact_only and loose)]

    def translit_exact_alternatives(self, name: str) -> list[Place]:
        """Return the :meth:`translit_alternatives` of ``name`` a reading spells exactly."""
        return self.translit_alternatives(name, exact_only=True)

    def arabic_heads(self) -> frozenset[str] | None:
        """First words of the index's multi-word Arabic names (None: unknown, try all)."""
        if self._heads is False:
            self._heads = self.index.arabic_heads()
        return self._heads

    def part_of_name(self, name: str) -> tuple[str, tuple[Place, ...]] | None:
        """Return the longest known place inside ``name`` (:func:`fallback.part_of_name`)."""
        return part_of_name(name, self._strict_places, self._is_adjective, is_personal_name)

    def _is_adjective(self, name: str) -> bool:
        """Whether every reading of ``name`` is as a demonym ("British", "Texan")."""
        tiers = self.tiers_for(name)
        return bool(tiers) and all(t == "demonym" for t in tiers.values())

    def is_common(self, name: str) -> bool:
        """Whether the index marks ``name`` as a common English word ("Mobile", "Reading")."""
        info = self.index.name_info(name)
        return bool(info is not None and info.common)

    def places_for(self, name: str) -> tuple[Place, ...]:
        """Return every gazetteer entry a surface name may stand for (cached)."""
        return tuple(p for p, _t in self.matches(name))

    def tiers_for(self, name: str) -> dict[str, str]:
        """Return ``{place id: match tier}`` for a surface name."""
        return {p.id: t for p, t in self.matches(name)}

    def key(self, name: str) -> str:
        """Return the normalized key used to group mentions of one name."""
        return self._normalize(name)

    # -- resolution ------------------------------------------------------------------

    def _items_for(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        title: str | None,
        url: str | None = None,
    ) -> tuple[list[ResolverItem], list[ResolverItem | None]]:
        items: dict[str, ResolverItem] = {}
        per_span: list[ResolverItem | None] = []
        span_places = [self.places_for(text[s:e]) for s, e in spans]
        groups = group_labels(
            text, spans, span_places,
            [self.key(text[s:e]) if span_places[n] else None for n, (s, e) in enumerate(spans)],
            self.disabled,
        )
        for n, (start, end) in enumerate(spans):
            name = text[start:end]
            places = span_places[n]
            tiers: dict[str, str] | None = None
            if places and is_facility(name):
                # A street or building is only what the gazetteer holds under that very
                # name (or a reviewed site's other name: "KCOM Stadium" is the MKM
                # Stadium), never a transliteration or a generic-word-stripped reading.
                key = self.key(name)
                exact = self.tiers_for(name)
                places = tuple(
                    p
                    for p in places
                    if self.key(p.name) == key
                    or (exact.get(p.id) == "alias" and p.source in REVIEWED_SOURCES)
                )
            if not places:
                part = None if is_facility(name) else self.part_of_name(name)
                if part is None:
                    per_span.append(None)
                    continue
                places = part[1]
                tiers = {p.id: "part" for p in places}
            key = self.key(name) or name.lower()
            group = groups[n] if groups[n].startswith(key + "|") else key
            item = items.get(group)
            if item is None:
                item = items[group] = ResolverItem(
                    key=key,
                    places=places,
                    count=0,
                    tiers=tiers if tiers is not None else self.tiers_for(name),
                )
            item.count += 1
            add_qualifiers(text, spans, span_places, n, item, self.disabled)
            per_span.append(item)
        if url:
            address = url_words(url)
            for item in items.values():
                if item.key.replace(" ", "") and item.key.replace(" ", "") in address:
                    item.home = True
        if title:
            for span in self.recognizer.find(title):
                key = self.key(span.text) or span.text.lower()
                item = items.get(key)
                if item is None:
                    item = items[key] = ResolverItem(
                        key=key, places=span.places, count=0, tiers=self.tiers_for(span.text)
                    )
                item.count += 1
        town = paper_town(url) if url else None
        if town and self.key(town) not in items:
            places = tuple(
                p for p in self._strict_places(town) if p.precision in ("town", "district")
            )
            if places:
                key = self.key(town)
                items[key] = ResolverItem(
                    key=key, places=places, count=1, tiers=self.tiers_for(town), home=True
                )
        return list(items.values()), per_span

    def resolve_spans(
        self,
        text: str,
        spans: Sequence[tuple[int, int]],
        *,
        title: str | None = None,
        url: str | None = None,
    ) -> list[Mention]:
        """Resolve the given character spans of ``text``; one Mention per span, in order.

        ``title`` and ``url`` (the article's address; a local paper's address often names
        its town) are used as context only. The text around the spans is read as well: a
        place recognition finds right next to a given span, as its qualifier ("Springfield,
        Oregon", "Tripoli in northern Lebanon", "Ohio's Athens" with only the town given),
        qualifies it as a given span would; it is not returned.
        """
        self.refresh()
        given = [(int(s), int(e)) for s, e in spans]
        recognized = self._recognized(text)
        # Not in Arabic: its gazetteer-driven recognition reads common phrases as regions
        # ("الحدود الشمالية", the northern border, as Saudi Arabia's Northern Borders).
        whole_text = RECOGNIZED_CONTEXT not in self.disabled and not is_arabic(text)
        context = [(s.start, s.end) for s in recognized
                   if not any(s.start < end and start < s.end for start, end in given)
                   and (any(_qualifies(text, span, (s.start, s.end)) for span in given)
                        or (whole_text and self._names_area(text[s.start:s.end])))]
        context += _possessive_owners(text, recognized, given)
        if not context:
            return self._resolve(text, given, title, url, None)
        merged = sorted(set(given) | set(context))
        by_span = {(m.start, m.end): m for m in self._resolve(text, merged, title, url, None)}
        return [by_span[span] for span in given]

    def _names_area(self, name: str) -> bool:
        """Whether ``name`` names a country or a first-level region (not a county).

        A demonym ("Israeli shells", "American") is left out: it says whose, not where.
        """
        if is_demonym(name):
            return False
        return any(p.feature_code in _AREA_CODES for p in self.places_for(name))

    def _recognized(self, text: str) -> list[Span]:
        """Return the toponym spans recognition finds in ``text`` (Arabic by the gazetteer)."""
        if is_arabic(text):
            return find_arabic_places(text, self.arabic_places, self.arabic_heads(),
                                      translit_for=self.arabic_translit_places,
                                      repeat_names=REPEATED_NAME not in self.disabled,
                                      facility_names=FACILITY_NAME not in self.disabled,
                                      adjective_agreement=ADJECTIVE_AGREEMENT
                                      not in self.disabled,
                                      translit_compound=TRANSLIT_COMPOUND
                                      not in self.disabled,
                                      noun_whole_word=NOUN_WHOLE_WORD not in self.disabled,
                                      listed_neighbour=LISTED_NEIGHBOUR not in self.disabled,
                                      preposition_town=PREPOSITION_TOWN not in self.disabled)
        return self.recognizer.find(text)

    def _resolve(
        self,
        text: str,
        spans: list[tuple[int, int]],
        title: str | None,
        url: str | None,
        traces: Sequence[tuple[str, ...]] | None,
    ) -> list[Mention]:
        """Rank and run the mention passes; ``traces`` start each mention's trace."""
        items, per_span = self._items_for(text, spans, title, url)
        resolve_items(
            items,
            normalize=self._normalize,
            weights=self.weights,
            extra_votes=self.address_votes(url),
            parents=self.index.parents,
        )
        mentions: list[Mention] = []
        for n, ((start, end), item) in enumerate(zip(spans, per_span, strict=True)):
            candidates = tuple(item.ranked[:MAX_CANDIDATES_KEPT]) if item else ()
            trace: tuple[str, ...] = traces[n] if traces is not None else ()
            if candidates:
                part = all(t == "part" for t in item.tiers.values()) if item.tiers else False
                trace = (*trace, PART_OF_NAME if part else RANKED)
            mentions.append(Mention(start, end, text[start:end], candidates, trace))
        doc = MentionDocument(text, mentions, self, title=title, url=url, qualifiers=[
            tuple(sorted(item.qualifier_names)) if item else () for item in per_span])
        resolved = run_passes(doc, self.passes)
        return self.bound_translit(resolved) if is_arabic(text) else resolved

    def address_votes(self, url: str | None) -> list[tuple[str, Place, float]]:
        """Return a vote for the country of the article's address (``.co.uk`` -> GB), if any."""
        cc = country_of_address(url) if url else None
        if not cc:
            return []
        country = self.index.country(cc)
        return [("__address__", country, ADDRESS_VOTE)] if country is not None else []

    def recognize(self, text: str) -> list[Span]:
        """Return the toponym spans of ``text`` (recognition only)."""
        return self.recognizer.find(text)

    def geoparse(
        self, text: str, *, title: str | None = None, url: str | None = None
    ) -> list[Mention]:
        """Recognise and resolve the places ``text`` names.

        Each mention's ``trace`` starts with the recognition rule that kept its span.
        """
        return self.geoparse_explained(text, title=title, url=url)[0]

    def geoparse_explained(
        self, text: str, *, title: str | None = None, url: str | None = None
    ) -> tuple[list[Mention], list[Dropped]]:
        """Like :meth:`geoparse`, and also return the matches recognition dropped, by rule."""
        self.refresh()
        if is_arabic(text):  # the gazetteer is the recognizer for Arabic text
            found = self._recognized(text)
            dropped: list[Dropped] = []
        else:
            found, dropped = self.recognizer.find_explained(text)
        spans = [(s.start, s.end) for s in found]
        traces = [getattr(s, "trace", None) or ("arabic-gazetteer",) for s in found]
        return self._resolve(text, spans, title, url, traces), dropped

    # -- single names ----------------------------------------------------------------

    def _context_votes(self, context_text: str) -> tuple[tuple[str, Place, float], ...]:
        """Return the resolved mentions of a context article as profile votes.

        Cached per text: the claims of one article resolve many names against the same text.
        """
        cached = self._context_cache.get(context_text)
        if cached is None:
            cached = tuple(
                (self.key(m.text), m.place, 1.0)
                for m in self.geoparse(context_text)
                if m.place is not None
            )
            with self._cache_lock:
                if len(self._context_cache) >= 64:
                    self._context_cache.pop(next(iter(self._context_cache)))
                self._context_cache[context_text] = cached
        return cached

    def resolve_name(
        self,
        name: str,
        *,
        context_text: str | None = None,
        country_hint: str | None = None,
    ) -> list[Candidate]:
        """Rank the candidates of one name given the article it comes from.

        ``country_hint`` is a country code or name ("LY", "Libya"); descriptions such as
        "Libya's capital", "the Libyan capital" or "the capital" (with a hint or a
        document whose mentions point to one country) resolve to that country's capital.
        """
        self.refresh()
        if not describes_capital(name) and not self.places_for(name):
            return []  # nothing to rank (most capitalised words): no need to read the context
        votes = list(self._context_votes(context_text)) if context_text else []
        hint_cc = country_code_of(country_hint, self.places_for)
        if hint_cc:
            country = self.index.country(hint_cc)
            if country is not None:
                votes.append(("__hint__", country, 3.0))
        doc_cc = hint_cc or main_country(votes)
        places = capital_by_description(name, doc_cc, self.index, self.places_for)
        reason = "capital named by description" if places else None
        if not places:
            places = list(self.places_for(name))
        if not places:
            return []
        item = ResolverItem(
            key=self.key(name) or name.lower(),
            places=tuple(places),
            tiers={} if reason else self.tiers_for(name),
        )
        if hint_cc:
            item.qualifiers.add((hint_cc, None))
            item.qualifier_names.add(country_hint or hint_cc)
        resolve_items([item], normalize=self._normalize, weights=self.weights, extra_votes=votes)
        ranked = item.ranked[:MAX_CANDIDATES_KEPT]
        if reason:
            ranked = [Candidate(c.place, c.score, (reason, *c.reasons)) for c in ranked]
        return ranked


_GEOPARSERS: dict[int, Geoparser] = {}
_LOCK = threading.Lock()


def get_geoparser(index: PlaceIndex | None = None) -> Geoparser:
    """Return the process-wide geoparser for ``index`` (default: the gazetteer singleton)."""
    if index is None:
        from gazetteer.index import get_index

        index = get_index()
    with _LOCK:
        parser = _GEOPARSERS.get(id(index))
        if parser is None or parser.index is not index:
            if len(_GEOPARSERS) >= 4:  # indexes opened one after another: keep a few
                _GEOPARSERS.pop(next(iter(_GEOPARSERS)))
            parser = _GEOPARSERS[id(index)] = Geoparser(index)
        return parser


def geoparse(
    text: str, *, title: str | None = None, index: PlaceIndex | None = None, url: str | None = None
) -> list[Mention]:
    """Recognise and resolve the places ``text`` names (see :class:`Geoparser`)."""
    return get_geoparser(index).geoparse(text, title=title, url=url)


def resolve_spans(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    title: str | None = None,
    index: PlaceIndex | None = None,
    url: str | None = None,
) -> list[Mention]:
    """Resolve the given ``(start, end)`` spans of ``text``; one Mention per span, in order."""
    return get_geoparser(index).resolve_spans(text, spans, title=title, url=url)


def resolve_name(
    name: str,
    *,
    context_text: str | None = None,
    country_hint: str | None = None,
    index: PlaceIndex | None = None,
    single_name_rules: bool = False,
    country: str | None = None,
    capital: str | None = None,
    antecedent: str | None = None,
    capital_fallback: bool = True,
    known: Mapping[str, Place] | None = None,
    options: NameOptions | None = None,
) -> list[Candidate]:
    """Rank the candidates of a single place name, using an article as context.

    With ``single_name_rules`` (or ``options``) the rules claims need apply
    (:mod:`gazetteer.name_rules`): ``country`` is the conflict's ISO code (the hint when
    ``country_hint`` is not given; a hamlet abroad that nothing supports is then dropped),
    ``capital`` the conflict's capital and ``antecedent`` the place named before (for "the
    capital", "the city"), ``known`` the places the article already resolved (lower-case
    name -> place); an unknown site word is dropped ("Marj airport") and a town beats a
    district of its name. The first candidate is the choice; [] when there is none.
    """
    parser = get_geoparser(index)
    if options is None and single_name_rules:
        options = NameOptions(
            context_text=context_text,
            country_hint=country_hint,
            country=country,
            capital=capital,
            antecedent=antecedent,
            capital_fallback=capital_fallback,
            known=dict(known or {}),
        )
    if options is not None:
        return resolve_with_options(parser, name, options)
    return parser.resolve_name(name, context_text=context_text, country_hint=country_hint)
