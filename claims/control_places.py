"""Which places a control statement may be about, read from the sentence around a trigger.

Read by :mod:`claims.control`: the proper-name runs of a sentence that are places (not actors,
people, demonyms or organisations' words), references ("the city", "it", "the provincial
capital") resolved through the discourse, facilities redirected to their town, and the places
right after or before a trigger, with the glue and leads a list of places allows. Split from
:mod:`claims.control` to keep it small.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from claims.actors import ActorBook, ActorMention
from claims.control_actors import _APPOSITIVE
from claims.discourse import Discourse
from claims.names import NON_PLACE_WORDS, NameSpan, name_spans
from gazetteer.countries import country_code, country_name, country_of_adjective, is_demonym

__all__ = ["ControlStatement", "PlaceRef", "place_mentions"]

_ORG_TAIL = re.compile(
    r"\b(?:Brigades?|Forces|Force|Army|Militias?|Battalions?|Division|Corps|Front|Council|"
    r"Government|Agency|Observatory|Ministry|TV|News|Journal|Group|Company|Operation|"
    r"Institute|Party|Movement|Committee|Command|Centre|Center|Region|Room|Alliance|Union|"
    r"Administration|Office|Guard|Unit|Units|Regiment|Services?|Times|Post|Monitor|Report)$"
)
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ic)$")
_TITLE_BEFORE = re.compile(
    r"(?:General|Gen\.|Colonel|Col\.|Major|Marshal|President|Minister|spokesman|spokeswoman|"
    r"commander|Commander|mayor|Mayor|leader|strongman|warlord|Mr\.?|Dr\.?|Brig\.|Lt\.|"
    r"Capt\.|chief|Chief|envoy|official|activist|journalist|head|Sheikh|Emir|King|Prince|"
    r"[Ss]ecretary|Field\s+Marshal|told|by\s+Colonel|Kh\.)\s+$"
)
#: Rule *described-reference*: a definite description may carry any one or two lower-case
#: modifiers before its head noun ("the lakeside city", "the garrison town", "the army
#: base", "the rebel-held town"): a reader takes it for the last place of the head's kind
#: all the same. Words that point away from that place ("the other town", "the nearby
#: village", "the surrounding area") are no modifiers of it.
_NOT_MODIFIER = (r"(?:other|next|nearby|neighbou?ring|adjacent|surrounding|wider|same|first|"
                 r"second|new|last|only|one|two|three|several|many|few|each|every|"
                 r"such|another|whole|entire|most|much|some|and|of|in|to|for)")
_ANAPHOR = re.compile(
    r"\b(?:the\s+(?:entire\s+|whole\s+)?(?:(?!" + _NOT_MODIFIER + r"\b)(?-i:[a-z][a-z-]+)\s+)"
    r"{0,2}?(?:town|city|capital|district\s+headquarters|base|airbase|air\s+base|airfield|airstrip|"
    r"airport|village|port|area|region|province|governorate|district|settlement|enclave|"
    r"stronghold))(?![\w-])(?!\s+(?:of|centre|center|council|authorities|government)\b)",
    re.IGNORECASE)
#: Glue between listed places. Rule *described-town-list*: one lower-case word may describe
#: the settlement noun ("the coastal city of A and the desert town of B"); rule *edge-list*:
#: "in A and on the edge of B" lists B too.
_LIST_GLUE = re.compile(r"^(?:\s*,\s*(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+as\s+well\s+as\s+|"
                        r"\s*,?\s+and\s+(?:parts?|much|most|(?:on\s+|at\s+)?the\s+outskirts|"
                        r"(?:on\s+|at\s+)?the\s+edge)\s+of\s+|"
                        r"\s*,?\s+and\s+(?:the\s+)?(?:(?-i:[a-z][a-z-]+)\s+)?(?:towns?|villages?|"
                        r"city|cities|areas?|port|ports)\s+of\s+)"
                        r"(?:the\s+)?(?:(?:towns?|villages?|cities|areas?|regions?)\s+of\s+)?$")
_PLACE_LEAD = re.compile(
    r"^[\s,]*(?:(?:the|a|an|its|their|his|full|complete|total|partial|effective|control|of|over|"
    r"from|in|on|into|towards?|to|at|upon|around|near|out|back|up|most|all|parts?|much|large|"
    r"beyond|largest|biggest|second|third|regional|provincial|"
    r"swaths?|areas?|strategic|key|main|coastal|town|city|village|villages|towns|cities|"
    r"district|districts|neighbou?rhoods?|region|province|governorate|suburbs?|outskirts|"
    r"entire|whole|important|symbolic|northwestern|northern|southern|eastern|western|"
    r"central|remote|last|major|stronghold|base|hill|area|positions?|centre|center|"
    r"strategically-important|strategically|important|rebel-held|nearby|border|two|three|four|"
    r"five|six|seven|several|both|yesterday|today|morning|evening|night|afternoon|this|late|"
    r"early|monday|tuesday|wednesday|thursday|friday|saturday|sunday|administrative|"
    r"historic|besieged|embattled|key|vital|oil|port|military|air|headquarters|"
    r"\d+(?:st|nd|rd|th)?|[\w-]+-(?:held|controlled))[\s,]+){0,9}$",
    re.IGNORECASE,
)


_POSSESSIVE_FACILITY = re.compile(
    r"[’']s\s+(?P<what>(?:(?:international|main|civilian|civil|military|old|new)\s+)?"
    r"(?:airport|airbase|air\s+base|port|harbour|harbor|base|refinery|oil\s+terminal))\b",
    re.IGNORECASE)
# "Omdurman's old city", "Bakhmut's city centre": the town's core, claimed as the town.
# (Its districts and suburbs are not the town: "Rebels shelled Aleppo's western districts".)
_POSSESSIVE_PART = re.compile(
    r"[’']s\s+(?P<what>(?:historic\s+)?(?:old\s+city|old\s+town|city\s+cent(?:re|er)|"
    r"centre|center|downtown))\b",
    re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(r"\b(?:northern|southern|eastern|western|central|"
                               r"north-?\w+ern|south-?\w+ern)\s+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    """A place named (or referred to) in a sentence: surface text, span, resolved name."""

    start: int
    end: int
    text: str
    name: str
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ControlStatement:
    """One control claim in a sentence; offsets index the sentence."""

    actor: str | None
    actor_norm: str | None
    action: str
    place: str
    place_text: str
    start: int
    end: int
    trigger_start: int
    place_reason: str | None = None
    actor_reason: str | None = None
    #: The rules that made the statement, in order: the trigger's name, then how its actor
    #: and place were found when not by the plain reading.
    trace: tuple[str, ...] = ()


# The context tests of :func:`_is_place_name`, compiled once (it runs for every name).
_DEMONYM_TOWN_OF = re.compile(
    r"\s+(?:port\s+|border\s+|coastal\s+|northern\s+|southern\s+)?(?:town|city|village)"
    r"\s+of\s+[A-Z]")
_SETTLEMENT_NOUN = re.compile(r"\s+(?:town|city|village|airbase|airport|district)")
_LOWER_WORD_AFTER = re.compile(r"\s+[a-z]")
_PLACE_WORD_AFTER = re.compile(
    r"\s+(?:town|city|village|airbase|airport|district|and|or|on|in|to|from|with|as|"
    r"at|by|after|before|which|that|was|is|were|are|has|had|have|near|for|under)\b")
#: Rule *force-modifier*: a one-word name right before a force noun modifies the force
#: ("Rebel troops seized the airport", "Misrata brigades entered Sirte"): it is no place of
#: the sentence, nor what a later "the town" refers to.
_FORCE_NOUN_AFTER = re.compile(
    r"\s+(?:forces|troops|fighters|militias?|militiamen|soldiers|brigades?|battalions?|"
    r"units|gunmen|insurgents|rebels|loyalists)\b")
#: A name that speaks is a government, not a place ("Kyiv said", "Baku denied"). Rule
#: *speaker-is-no-place* adds the verbs of denying, claiming and blaming to those of saying.
_SPEECH_AFTER = re.compile(
    r"\s*(?:,\s*)?(?:said|says|told|added|announced|confirmed|, a spokesman|denied|denies|"
    r"claimed|claims|insisted|accused|warned|acknowledged|admitted|blamed|dismissed|vowed)\b")
_POSSESSIVE_AFTER = re.compile(
    r"(?:\s+(?:province|governorate|district|region|city|town))?[’']s\s")
_AFFILIATION_TAIL = re.compile(
    r"-(?:backed|based|led|aligned|allied|affiliated|controlled|held)$")
_WATER_AFTER = re.compile(r"\s+(?:[Rr]iver|[Rr]iverbank|[Vv]alley\s+floor)\b")
_WATER_SIDE_BEFORE = re.compile(r"\b(?:banks?|shores?|side)\s+of\s+(?:the\s+)?$")
_REFERENCE_POINT_BEFORE = re.compile(
    r"\b(?:north|south|east|west)[\w-]*\s+(?:of|from)\s+(?:the\s+)?$", re.IGNORECASE)
_NO_LETTERS = re.compile(r"[\d\W]+")


def _is_place_name(sentence: str, span: NameSpan, actors: list[ActorMention],
                   book: ActorBook | None = None) -> bool:
    text = span.text
    if text.lower() in NON_PLACE_WORDS or len(text) < 2:
        return False
    if book is not None and book.is_alias(text):
        return False
    if any(a.alias_start < span.end and span.start < a.alias_end for a in actors):
        return False
    if _ORG_TAIL.search(text):
        return False
    if _TITLE_BEFORE.search(sentence[max(0, span.start - 25):span.start]):
        return False
    following = sentence[span.end:span.end + 20]
    if " " not in text and is_demonym(text) and _DEMONYM_TOWN_OF.match(
            sentence[span.end:span.end + 40]):
        return False  # "the Lebanese city of Tripoli": the place is the name that follows
    if " " not in text and is_demonym(text) and not _SETTLEMENT_NOUN.match(following):
        return False
    if (" " not in text and _DEMONYM.match(text) and is_demonym(text)
            and _LOWER_WORD_AFTER.match(following)
            and not _PLACE_WORD_AFTER.match(following)):
        return False
    if _SPEECH_AFTER.match(following):
        return False
    if " " not in text and _FORCE_NOUN_AFTER.match(following):
        return False  # rule *force-modifier*: "Rebel troops", "Misrata brigades" name a force
    if _POSSESSIVE_AFTER.match(following):
        return False  # "Tripoli’s Mitiga Airport", "Idlib province's Maarat al Numan"
    if _AFFILIATION_TAIL.search(text):
        return False
    if _WATER_AFTER.match(following) or _WATER_SIDE_BEFORE.search(
            sentence[max(0, span.start - 20):span.start]):
        return False  # "the Oskil river", "the left bank of the Dnipro": water, not a place
    if country_code(text) is not None and " " not in text:
        return False  # whole countries are context, not front-line places
    if _REFERENCE_POINT_BEFORE.search(sentence[max(0, span.start - 30):span.start]):
        return False  # "Gharyan, south of Tripoli": a reference point, not the claim's place
    return not _NO_LETTERS.fullmatch(text)


#: The last sentence's named places: :func:`find_control_statements` and then the
#: extractor's discourse (``claims.extract._remember``) read the same sentence in turn.
#: One slot, read and replaced whole (so threads sharing it never mix two answers).
_LAST_NAMED: list[tuple[tuple[str, tuple[ActorMention, ...], ActorBook | None] | None,
                        tuple[PlaceRef, ...]]] = [(None, ())]


def _named_places(sentence: str, actors: list[ActorMention],
                  book: ActorBook | None) -> list[PlaceRef]:
    """Return the places ``sentence`` names by name (no references), for place_mentions.

    They depend on the sentence, its actors and the actor book only, so the last answer
    is kept for the next reading of the same sentence.
    """
    key = (sentence, tuple(actors), book)
    last_key, last_refs = _LAST_NAMED[0]
    if last_key == key:
        return list(last_refs)
    refs: list[PlaceRef] = []
    for span in name_spans(sentence):
        facility = _POSSESSIVE_FACILITY.match(sentence, span.end)
        if facility and not (book is not None and book.is_alias(span.text)):
            # "Tripoli’s international airport" names the airport
            name = f"{span.text} {facility.group('what')}"
            refs.append(PlaceRef(span.start, facility.end(), sentence[span.start:facility.end()],
                                 re.sub(r"\s+", " ", name)))
            continue
        part = _POSSESSIVE_PART.match(sentence, span.end)
        if part and not (book is not None and book.is_alias(span.text)) and not (
                country_code(span.text) is not None):
            refs.append(PlaceRef(span.start, part.end(), sentence[span.start:part.end()],
                                 span.text))
            continue
        region = _DIRECTION_BEFORE.search(sentence, max(0, span.start - 12), span.start)
        if region and country_code(span.text) is not None and " " not in span.text:
            # "western Libya" is a region, unlike "Libya"
            refs.append(PlaceRef(region.start(), span.end, sentence[region.start():span.end],
                                 sentence[region.start():span.end]))
            continue
        if _is_place_name(sentence, span, actors, book):
            refs.append(PlaceRef(span.start, span.end, span.text, span.text))
    refs = _redirect_facilities(sentence, refs)
    _LAST_NAMED[0] = (key, tuple(refs))
    return refs


def _bare_opening_word(ref: PlaceRef, discourse: Discourse | None) -> bool:
    """Rule *opening-word-no-referent*: a sentence's unplaceable first word is no referent.

    One word the gazetteer cannot place, first in its sentence, is capitalised by its
    position only ("Crowds cheered as troops entered the city"): "the city" is not it.
    """
    return (ref.start == 0 and " " not in ref.name and discourse is not None
            and discourse.resolve is not None and discourse.resolve(ref.name) is None)


def place_mentions(sentence: str, actors: list[ActorMention],
                   antecedents: list[str] | None = None,
                   capital: str | None = None, book: ActorBook | None = None,
                   discourse: Discourse | None = None) -> list[PlaceRef]:
    """Places named in ``sentence``, with "the city"/"the capital" resolved where possible.

    ``antecedents`` are place names from the sentences before (most recent last);
    ``discourse``, when given, replaces them: a reference then means the most recent
    earlier place of a compatible kind ("the city" never a region), with the reason.
    """
    refs = _named_places(sentence, actors, book)
    if discourse is not None:
        refs = _region_capitals(sentence, refs, discourse)
    for match in _ANAPHOR.finditer(sentence):
        if any(r.start <= match.start() < r.end for r in refs):
            continue
        if re.match(r"\s+(?:[A-Z]|of\s+[A-Z])|,\s+[A-Z]", sentence[match.end():match.end() + 5]):
            continue  # "the town of Gharyan", "the regional capital, Mekelle": the name follows
        noun = match.group(0).lower()
        target = None
        reason = None
        head = noun.split()[-1]
        if (head == "capital" and noun != "the capital") or head == "headquarters":
            # rule *seat-capital*: "the provincial capital", "the district headquarters"
            # is the seat of a region or district
            head = "seat"
        if noun.endswith("capital") and (discourse is None or noun == "the capital"):
            target = capital
        else:
            introduced = [r.name for r in refs if r.end <= match.start() and re.search(
                rf"\b{head}\s+of\s+(?:the\s+)?$", sentence[max(0, r.start - 20):r.start])]
            before = [r.name for r in refs if r.end <= match.start() and r.name != capital
                      and not _bare_opening_word(r, discourse)]
            earlier = discourse.place_for(head) if discourse is not None else None
            if discourse is not None and head == "city" and not introduced:
                # reporters call a provincial seat "the city" and a small place "the town":
                # "captured Adigrat and Axum and closed in on the city" is Mekelle
                cityish = [n for n in before if discourse.kind_of(n) in {"city", "capital"}]
                if cityish or (earlier is not None and earlier.kind in {"city", "capital"}):
                    before = cityish
            if discourse is not None:
                pool = introduced or before or ([earlier.name] if earlier else [])
                if earlier is not None and pool == [earlier.name]:
                    reason = discourse.place_reason(match.group(0), earlier)
            else:
                pool = introduced or before or list(antecedents or [])
            if head in {"airport", "base", "airbase", "port", "airfield", "airstrip"}:
                # "the airport" refers back to an airport (or a place named just before in
                # the same sentence), never to a town or an agency in an earlier sentence
                facility = r"\b(?:airport|air\s*base|airbase|base|port|airfield|airstrip)\b"
                pool = ([n for n in pool if re.search(facility, n, re.IGNORECASE)]
                        or ([before[-1]] if before else [])
                        or ([earlier.name] if earlier is not None else []))
            target = pool[-1] if pool else None
        if target:
            refs.append(PlaceRef(match.start(), match.end(), match.group(0), target, reason))
    if discourse is not None:
        refs.extend(_plural_references(sentence, refs, discourse))
        refs.extend(_part_references(sentence, refs, discourse))
        refs.extend(_it_references(sentence, refs, discourse))
    return sorted(refs, key=lambda r: r.start)


#: Rule *plural-reference*: "the towns", "the two villages" mean the places of that kind
#: listed together just before: in the sentence ("took Bucha and Irpin after Russian troops
#: left the towns"), else in the latest earlier sentence that named two or more.
_PLURAL = re.compile(
    r"\bthe\s+(?:(?!" + _NOT_MODIFIER.replace("two|three|", "") + r"\b)(?-i:[a-z][a-z-]+)\s+)"
    r"{0,2}?(?P<noun>towns|cities|villages)(?![\w-])(?!\s+(?:of|and)\b)", re.IGNORECASE)
_SINGULAR = {"towns": "town", "cities": "city", "villages": "village"}


#: Rule *part-of-the-town*: "its outskirts", "a small area on the south-western edge", "the
#: centre" with no "of X" are a part of the town just spoken of, claimed as the town: the
#: last town-level place named before in the sentence (or referred to), else the article's.
#: Suburbs and districts are places of their own, as for :data:`_POSSESSIVE_PART`.
#: Rule *town-quarters*: "the northern districts", "its eastern neighbourhoods" (a direction
#: and a plural of quarters, no "of X") are such a part too.
_PART = re.compile(
    r"\b(?:the|its)\s+(?:(?:(?-i:[a-z][a-z-]+)\s+){0,2}?(?:edge|edges|outskirts|"
    r"centre|center|downtown)|(?:(?:north|south|east|west|north-?east|north-?west|south-?east|"
    r"south-?west)ern|central)\s+(?:districts|neighbou?rhoods|quarters))(?![\w-])(?!\s+of\b)",
    re.IGNORECASE)
_PART_KINDS = frozenset({"town", "city", "capital", "village"})


#: A reader of a reference: given the match and the sentence's places before it, the
#: places it means, each with why.
_Reading = Callable[[re.Match[str], list[PlaceRef]], list[tuple[str, str]]]


def _references(sentence: str, pattern: re.Pattern[str], refs: list[PlaceRef],
                read: _Reading) -> list[PlaceRef]:
    """Return a ref per place that each match of ``pattern`` (outside ``refs``) means."""
    out: list[PlaceRef] = []
    for match in pattern.finditer(sentence):
        if any(r.start <= match.start() < r.end for r in refs):
            continue
        before = [r for r in refs if r.end <= match.start()]
        out.extend(PlaceRef(match.start(), match.end(), match.group(0), name, reason)
                   for name, reason in read(match, before))
    return out


def _here(words: str, name: str) -> tuple[str, str]:
    """Return a place a reference means and why, when the sentence itself named it."""
    return name, f"{words} -> {name}, named before in the sentence"


def _part_references(sentence: str, refs: list[PlaceRef], discourse: Discourse,
                     ) -> list[PlaceRef]:
    """Read "its outskirts", "the western edge" as the town they are part of."""
    def read(match: re.Match[str], before: list[PlaceRef]) -> list[tuple[str, str]]:
        here = [r for r in before
                if r.text != r.name or discourse.kind_of(r.name) in _PART_KINDS]
        if here:
            return [_here(match.group(0), here[-1].name)]
        entry = discourse.place_for("town")
        return [] if entry is None else [(entry.name,
                                          discourse.place_reason(match.group(0), entry))]

    return _references(sentence, _PART, refs, read)


def _last_list(sentence: str, before: list[PlaceRef]) -> list[PlaceRef]:
    """Return the last place of ``before`` with the places listed with it ("A, B and C").

    Places of one plural reference share its span and count as listed together.
    """
    out = before[-1:]
    for prev in reversed(before[:-1]):
        if not (prev.start == out[0].start or _glue_ok(sentence[prev.end:out[0].start])):
            break
        out.insert(0, prev)
    return out


def _plural_references(sentence: str, refs: list[PlaceRef], discourse: Discourse,
                       ) -> list[PlaceRef]:
    """Read "the towns" as each place of the list it refers back to (one ref per place)."""
    def read(match: re.Match[str], before: list[PlaceRef]) -> list[tuple[str, str]]:
        listed = _last_list(sentence, before)
        if len(listed) >= 2:
            return [_here(match.group(0), r.name) for r in listed]
        entries = discourse.places_for_plural(_SINGULAR[match.group("noun").lower()])
        return [(e.name, discourse.place_reason(match.group(0), e)) for e in entries]

    return _references(sentence, _PLURAL, refs, read)


_IT = re.compile(r"\bit\b(?!\s+(?:is|was|said|says|has|had|added|claimed|would|will|did)\b)")
#: A name followed by a region noun ("Idlib province") or placed in another ("Khan Sheikhoun
#: in Idlib") is a container, not what "it" means.
_CONTAINER_AFTER = re.compile(r"\s+(?:province|governorate|region|state|district|county)\b", re.I)
_IN_CONTAINER = re.compile(r"[\w’'-]\s*,?\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|"
                           r"central)\w*\s+)?$")
_IT_KINDS = frozenset({"town", "city", "village", "capital", "district", "base", "airport",
                       "camp", "port", None})


def _it_references(sentence: str, refs: list[PlaceRef], discourse: Discourse) -> list[PlaceRef]:
    """Read "overran it", "driven out of it", "losing it to" as the place meant.

    "it" means the last place of a compatible kind named before it in the sentence, else
    the one the article named last; never a region or a country ("Sinja, the capital of
    Sennar state, ... overran it" is Sinja).
    """
    def read(match: re.Match[str], before: list[PlaceRef]) -> list[tuple[str, str]]:
        fits = [r for r in before
                if discourse.kind_of(r.name) in _IT_KINDS and not country_code(r.name)
                and not _CONTAINER_AFTER.match(sentence, r.end)
                and not _IN_CONTAINER.search(sentence, 0, r.start)]
        if fits:
            return [_here("it", fits[-1].name)]
        entry = discourse.place_for("it")
        return [] if entry is None else [(entry.name, discourse.place_reason("it", entry))]

    return _references(sentence, _IT, refs, read)


#: "the Gezira capital", "South Kivu's capital", "the provincial capital of X" is the seat
#: of a region the article names, not the region itself.
_REGION_CAPITAL = re.compile(
    r"(?:\bthe\s+)?(?P<region>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)(?:[’']s)?\s+"
    r"(?:provincial\s+|regional\s+|state\s+)?capital\b", re.IGNORECASE)


def _region_capitals(sentence: str, refs: list[PlaceRef], discourse: Discourse,
                     ) -> list[PlaceRef]:
    """Replace "the Gezira capital" by the seat of Gezira the article has named, if any."""
    for match in _REGION_CAPITAL.finditer(sentence):
        region = match.group("region")
        also = tuple(r.name for r in refs if r.end <= match.start())
        seat = discourse.capital_of_region(region, also)
        if seat is None:
            continue
        refs = [r for r in refs if not (match.start() <= r.start < match.end())]
        refs.append(PlaceRef(match.start(), match.end(), match.group(0), seat.name,
                             f"{match.group(0)} -> {seat.name}, the seat of {region} "
                             f"the article names"))
    return sorted(refs, key=lambda r: r.start)


_FACILITY_REDIRECT = re.compile(
    r"^\s+(?:in|at|near|outside|of)\s+(?:the\s+)?(?:(?:village|town|city|area)\s+of\s+)?$")


def _redirect_facilities(sentence: str, refs: list[PlaceRef]) -> list[PlaceRef]:
    """Point "the Turkish observation post in Morek" at Morek."""
    out: list[PlaceRef] = []
    for i, ref in enumerate(refs):
        first = ref.text.split()[0]
        if " " in ref.text and is_demonym(first) and i + 1 < len(refs):
            nxt = refs[i + 1]
            if _FACILITY_REDIRECT.match(sentence[ref.end:nxt.start]):
                out.append(PlaceRef(ref.start, nxt.end, sentence[ref.start:nxt.end], nxt.name))
                continue
        if out and out[-1].end > ref.start:
            continue
        if " " in ref.text and is_demonym(first):
            continue  # "the Turkish observation post" alone is no gazetteer place
        out.append(ref)
    return out


_REF_PHRASE = re.compile(r",?\s*(?:[^,;]{0,30}?\s)?(?:(?:north|south|east|west)[\w-]*|near|"
                         r"outside)\s+(?:of\s+)?[A-Z][^,;]{0,40}?,")
_DIR_ADJ = r"(?:(?:northern|southern|eastern|western|central|north-?\w+ern|south-?\w+ern)\s+)?"


def _glue_ok(glue: str) -> bool:
    glue = _REF_PHRASE.sub(",", glue)
    glue = re.sub(_DIR_ADJ + r"$", "", glue)
    return bool(_LIST_GLUE.match(glue))


_LEAD_STOP = frozenset({
    "said", "says", "was", "were", "is", "are", "be", "been", "after", "before", "when", "while",
    "which", "who", "that", "by", "with", "killing", "and", "but", "as", "because", "since",
    "where", "whose", "has", "have", "had", "amid", "than", "not", "no", "until", "told",
    "announced", "reported", "claimed", "added", "against", "between", "for", "during",
    "linking", "connecting", "leading", "road", "route", "highway", "supply", "corridor",
})
_REGION_POSSESSIVE = re.compile(r"\b[A-Z][\w-]+\s+(?:province|governorate|region|district)[’']s\s+")


_SIDE_POSITIONS = re.compile(r"\b(?:(?-i:[A-Z])[\w’'-]+\s+){1,3}(?=(?:positions|targets|bases|"
                             r"strongholds|hideouts|troops|forces|soldiers|units|convoys?|"
                             r"columns?)\s+(?:(?:massing|massed|gathering|gathered|stationed|"
                             r"deployed|advancing|dug\s+in)\s+)?(?:around|near|in|outside|at)\s)")


_UN_DESIGNATION = re.compile(r"\bU\.?N\.?(?=\s+safe\s+(?:area|haven|zone)|-(?:protected|"
                             r"declared|designated|run|administered)\b)")


#: Rule *unit-name-lead*: "captured the headquarters of the army's 16th Infantry Division in
#: Nyala", "seized the base of the 22nd Brigade in Babanusa": a military unit's name (words
#: or ordinals ending in a unit noun) describes the facility taken, the place follows it.
_UNIT_NAME = re.compile(
    r"(?:\d+(?:st|nd|rd|th)\s+|(?-i:[A-Z])[\w-]+\s+){1,4}(?-i:Division|Brigade|Battalion|"
    r"Regiment|Corps|Command|Garrison)\b")
#: Rule *possessor-lead*: "overran Muammar Gaddafi's compound in Tripoli", "stormed the
#: commander's residence in Goma": a person's name before a dwelling or seat of his describes
#: it, the place follows.
_POSSESSOR = re.compile(
    r"(?:(?-i:[A-Z])[\w-]+\s+){0,2}(?-i:[A-Z])[\w-]+[’']s\s+(?=(?:[a-z][\w-]*\s+){0,2}?"
    r"(?:compound|residence|palace|house|home|villa|farm|office|offices|headquarters)\b)")


def _lead_ok(gap: str) -> bool:
    """Tell whether the words between a verb and a name can be the name's lead-in."""
    if _PLACE_LEAD.match(gap):
        return True
    gap = _REGION_POSSESSIVE.sub(" ", gap)
    # rule *side-positions-lead*: "strikes on Houthi positions around Sirwah": the side's
    # name before "positions" describes what was hit, the place follows
    gap = _SIDE_POSITIONS.sub(" ", gap)
    # rule *un-designation-lead*: "the UN safe area of Srebrenica", "a UN-protected enclave"
    gap = _UN_DESIGNATION.sub(" ", gap)
    gap = _UNIT_NAME.sub(" ", gap)
    gap = _POSSESSOR.sub(" ", gap)
    gap = re.sub(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", " ", gap)
    # "the northern Lebanese city of": a demonym describing the place is part of the lead-in
    gap = re.sub(r"\b[A-Z][a-z]+\b(?=\s+(?:\w+\s+)?(?:town|city|village)\s+of\s*$)",
                 lambda m: " " if is_demonym(m.group()) else m.group(), gap)
    if re.search(r"[;:()\[\]\"“”]|[A-Z]", gap):
        return False
    words = re.findall(r"[\w’'-]+", gap)
    return len(words) <= 7 and not any(w.lower() in _LEAD_STOP for w in words)


def _places_after(sentence: str, pos: int, places: list[PlaceRef], limit: int = 70,
                  ) -> list[PlaceRef]:
    """Return the place right after ``pos`` and those listed with it ("X, Y and Z")."""
    after = [p for p in places if p.start >= pos]
    if not after:
        return []
    first = after[0]
    gap = sentence[pos:first.start]
    if first.start - pos > limit or not _lead_ok(gap):
        return []
    out = [first]
    for nxt in after[1:]:
        glue = sentence[out[-1].end:nxt.start]
        if nxt.start == out[-1].start or _glue_ok(glue):  # a plural reference's places
            out.append(nxt)
        else:
            break
    return out


_PREFIX_STATE = re.compile(r"\b(?P<who>[\w’']+)-(?:controlled|held|run|occupied)\s+"
                           r"(?:(?:\w+\s+){0,2}?(?:of\s+)?)?")


def _controlled_prefix(sentence: str, places: list[PlaceRef], book: ActorBook,
                       conflict: str | None, seen: set[tuple[str, str, str | None]],
                       ) -> list[ControlStatement]:
    """Read "the rebel-controlled village of Salihiyah" as (rebels, holds, Salihiyah)."""
    out: list[ControlStatement] = []
    for match in _PREFIX_STATE.finditer(sentence):
        who = match.group("who")
        found = book.find(who, conflict)
        if not found and is_demonym(who):
            iso = country_of_adjective(who)  # "Russian-held" -> Russia
            name = country_name(iso) if iso else None
            found = [ActorMention(match.start(), match.start() + len(who), who, name,
                                  match.start(), match.start() + len(who))] if name else []
        if not found:
            continue
        targets = [p for p in places if match.end() <= p.start <= match.end() + 25]
        if not targets or not _PLACE_LEAD.match(sentence[match.end():targets[0].start]):
            continue
        target = targets[0]
        key = ("holds", _place_key(target.name), found[0].norm)
        if key in seen:
            continue
        seen.add(key)
        out.append(ControlStatement(who, found[0].norm, "holds", target.name, target.text,
                                    match.start(), target.end, match.start(),
                                    trace=("holds/held-prefix",)))
    return out


def _places_before(sentence: str, pos: int, places: list[PlaceRef], limit: int = 60,
                   ) -> list[PlaceRef]:
    """Return the place just before ``pos`` and those listed with it ("X, Y and Z were taken")."""
    before = [p for p in places if p.end <= pos]
    if not before:
        return []
    last = before[-1]
    for head in before[:-1]:
        # "El Fasher, the last city in Darfur still held by the army, ...": the place the
        # appositive describes, not the region named inside it
        if _APPOSITIVE.match(sentence, head.end, pos) and head.end < last.start:
            return [head]
    gap = sentence[last.end:pos]
    if pos - last.end > limit or re.search(r"[;:]|\b(?:said|says|after|when|while)\b", gap):
        return []
    return _last_list(sentence, before)


def _place_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())
