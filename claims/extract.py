"""Turn an article (or one sentence) into distance and control claims with provenance.

:func:`extract_claims` is the module-level API the store, the CLI and the app call. It
splits the text into sentences, finds distance statements and control statements in
each, carries the places named so far forward (so "the town" in a later sentence means
the town named before), resolves anchors and places through the gazetteer and dates
events against the publication date.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import partial

from claims.actors import ActorBook, default_actor_book
from claims.arabic.extract import extract_arabic_claims
from claims.control import find_control_statements
from claims.dates import find_dates, parse_published, resolve_event_date
from claims.discourse import Discourse, PlaceReading, facility_kind, place_kind
from claims.distance import find_distance_statements
from claims.model import ControlClaim, DistanceClaim, Provenance
from claims.not_places import not_a_place
from claims.resolve import PlaceResolver
from claims.sentences import split_sentences
from core.errors import ConflictMapError, InputRejected
from gazetteer.arabic import is_arabic
from gazetteer.model import Mention, Place

__all__ = ["extract_claims"]

log = logging.getLogger("conflictmap.claims.extract")

#: Longest text accepted in one call (characters); longer input is almost surely not an article.
MAX_CHARS = 2_000_000


#: How an active verb's actor is found: "rules" (the actor named nearest before it) or
#: "parse" (its grammatical subject, when the dependency parser is installed).
DEFAULT_PARSER = "rules"
PARSERS = ("rules", "parse")


def _use_parse(parser: str | None) -> bool:
    import os

    choice = parser or os.environ.get("CONFLICTMAP_CLAIMS_PARSER") or DEFAULT_PARSER
    if choice not in PARSERS:
        raise InputRejected(f"unknown claims parser {choice!r}; use one of {', '.join(PARSERS)}")
    if choice == "parse":
        from claims.parse import available

        return available()
    return False


#: A subject read this many times farther from its anchor than stated (and 500 km more)
#: is a namesake, not a reporter's error.
IMPLAUSIBLE_RATIO = 10.0


def _implausible_subject(
    subject: Place | None, anchor: Place | None, stated_max: float, unit: str
) -> bool:
    """Whether a subject's reading lies absurdly far from its anchor for the stated distance."""
    if subject is None or anchor is None or stated_max <= 0:
        return False
    from geo.geodesic import distance_ceiling_km, distance_floor_km, distance_km, to_km

    try:
        stated_km = to_km(stated_max, unit)
    except ConflictMapError:
        return False
    a, b = (subject.lat, subject.lon), (anchor.lat, anchor.lon)
    limit = max(IMPLAUSIBLE_RATIO * stated_km, stated_km + 500.0)
    if distance_ceiling_km(a, b) <= limit:
        return False  # surely within the limit: the exact geodesic is not needed
    if distance_floor_km(a, b) > limit:
        return True  # surely beyond it
    true_km = distance_km(a, b)
    return true_km > IMPLAUSIBLE_RATIO * stated_km and true_km - stated_km > 500.0


def _claim_sentences(text: str) -> str:
    """Return the sentences of ``text`` that may state a claim (a trigger or an amount).

    Only their places are resolved, so the qualifiers of the other sentences (most of a
    long article) need not be geoparsed.
    """
    from claims.control import may_state_control
    from claims.numbers import find_amounts

    keep = [s for _, _, s in split_sentences(text) if may_state_control(s) or find_amounts(s)]
    return "\n\n".join(keep)


def _qualified_mentions(text: str) -> list[Mention]:
    """Places the text itself qualifies ("the Lebanese city of Tripoli", "Tripoli, Lebanon").

    Without the article's geoparse, a claim's place is resolved with the conflict's
    country as hint; a qualifier written in the sentence is stronger evidence than that.
    """
    from gazetteer import geoparse

    return [
        m
        for m in geoparse(text)
        if m.candidates and any(r.startswith("qualified by") for r in m.candidates[0].reasons)
    ]


def extract_claims(
    text: str,
    *,
    published: date | str | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    title: str | None = None,
    mentions: Sequence[Mention] | None = None,
    conflict: str | None = None,
    resolve: bool = True,
    preceding_text: str | None = None,
    parser: str | None = None,
    dropped: list[dict] | None = None,
) -> list[DistanceClaim | ControlClaim]:
    """Extract every distance and control claim from ``text``.

    ``published`` (a date or ISO string) anchors relative dates ("on Wednesday").
    ``conflict`` is an id from the conflicts file; detected from the text when None.
    ``mentions`` (from :func:`gazetteer.geoparse`) are reused to resolve names.
    ``resolve=False`` skips the gazetteer (pure text extraction).
    ``preceding_text`` is what came before ``text`` in the same article (when it is read
    sentence by sentence): it is not searched for claims but tells which conflict this is
    and which town "the town" is. ``parser`` is ``"rules"`` (actors by position) or
    ``"parse"`` (an active verb's actor from its grammatical subject, :mod:`claims.parse`);
    default :data:`DEFAULT_PARSER`, or ``CONFLICTMAP_CLAIMS_PARSER``. ``dropped``, when
    given, collects the statements read and then dropped, each with the rule that dropped it.
    """
    if not isinstance(text, str):
        raise InputRejected(f"article text must be a string, got {type(text).__name__}")
    if len(text) > MAX_CHARS:
        raise InputRejected(f"article text is too long ({len(text)} characters)")
    pub = parse_published(published)
    if is_arabic(text):  # Arabic reporting has its own rules (claims.arabic)
        return extract_arabic_claims(text, published=pub, source=source, url=url,
                                     article_id=article_id, conflict=conflict, resolve=resolve,
                                     mentions=mentions)
    book = default_actor_book()
    conflict = book.detect_conflict(f"{title or ''}\n{preceding_text or ''}\n{text}", conflict,
                                    pub)
    capital = book.conflicts[conflict].capital if conflict in book.conflicts else None
    if resolve and mentions is None:
        mentions = _qualified_mentions(_claim_sentences(text))
    resolver = PlaceResolver.for_article(book, conflict, mentions) if resolve else None
    prov = dict(article_id=article_id, source=source, url=url, published=pub)
    use_parse = _use_parse(parser)
    claims: list[DistanceClaim | ControlClaim] = []
    war = book.conflicts.get(conflict) if conflict else None
    discourse = Discourse(resolve=(lambda name: resolver.resolve(name)) if resolver else None,
                          countries=frozenset(war.countries) if war is not None else frozenset())
    for _, _, sentence in _bounded(split_sentences(preceding_text or "")):
        statements = find_control_statements(sentence, conflict=conflict, book=book,
                                             capital=capital, discourse=discourse,
                                             use_parse=use_parse)
        _remember(sentence, statements, discourse, book, conflict, resolver, pub)
    for s_start, s_end, sentence in _bounded(split_sentences(text)):
        for st in find_distance_statements(sentence):
            claim = _distance_claim(st, sentence, text, s_start, s_end, discourse, resolver,
                                    book, conflict, pub, prov)
            if claim is not None:
                claims.append(claim)
        statements = find_control_statements(sentence, conflict=conflict, book=book,
                                             capital=capital, discourse=discourse,
                                             use_parse=use_parse)
        for st in statements:
            first, last = resolve_event_date(sentence, pub, near=st.trigger_start,
                                             reference=discourse.last_date)
            place_ref = resolver.resolve(st.place, context=sentence) if resolver else None
            rule = not_a_place(st.place, place_ref)
            if rule:
                log.info("%r is no place (%s); claim dropped", st.place, rule)
                if dropped is not None:
                    dropped.append({"kind": "control", "place": st.place, "action": st.action,
                                    "rule": f"not-a-place:{rule}", "trace": list(st.trace),
                                    "at": s_start + st.start})
                continue
            claims.append(ControlClaim(
                provenance=Provenance(text[s_start + st.start:s_start + st.end],
                                      s_start + st.start, s_start + st.end, s_start, s_end,
                                      **prov),
                actor=st.actor, actor_norm=st.actor_norm or st.actor, action=st.action,
                place=st.place, place_ref=place_ref, event_date=first, event_date_end=last,
                conflict=conflict,
                place_text=st.place_text if st.place_text != st.place else None,
                place_reason=st.place_reason, actor_reason=st.actor_reason,
                trace=st.trace,
            ))
        _remember(sentence, statements, discourse, book, conflict, resolver, pub)
    return claims


def _distance_claim(st, sentence: str, text: str, s_start: int, s_end: int,  # noqa: PLR0913
                    discourse: Discourse, resolver: PlaceResolver | None, book: ActorBook,
                    conflict: str | None, pub: date | None, prov: dict,
                    ) -> DistanceClaim | None:
    """Build the claim of one distance statement, its anchor and subject resolved."""
    amount = st.amount
    if amount.unit == "m":  # metres are reported in km
        amount = replace(amount, value_min=amount.value_min / 1000,
                         value_max=amount.value_max / 1000, unit="km")
    first, last = resolve_event_date(sentence, pub, near=st.start,
                                     reference=discourse.last_date)
    anchor, anchor_reason = st.anchor, None
    trace = [f"distance/{amount.unit}"]
    earlier = None
    if not anchor:  # "30 km away": the place the article named last
        subject_head = _REFERENCE_HEAD.match(st.subject or "")
        referent = discourse.place_for(subject_head.group("noun")) if subject_head else None
        earlier = discourse.place_for("area", exclude=referent.name if referent else st.subject)
        if earlier is None:
            return None
        anchor = earlier.name
        anchor_reason = discourse.place_reason("away", earlier)
        trace.append("anchor-implied")
    else:
        head = _REFERENCE_HEAD.match(anchor)
        if head:
            earlier = discourse.place_for(head.group("noun"))
            if earlier is not None:
                anchor_reason = discourse.place_reason(anchor, earlier)
                trace.append("anchor-by-reference")
    antecedent = earlier.name if earlier is not None else (
        newest.name if (newest := discourse.last_place()) is not None else None)
    if earlier is not None and resolver is not None:
        # "40 km north of the city": the place the reference stands for
        anchor_place = earlier.place or resolver.resolve(earlier.name, context=sentence)
    else:
        anchor_place = resolver.resolve(anchor, context=sentence, antecedent=antecedent) \
            if resolver else None
    subject_place = resolver.resolve(
        st.subject, context=sentence, antecedent=antecedent, capital_fallback=False,
    ) if resolver and st.subject_kind == "place" else None
    subject_ref = _REFERENCE_HEAD.match(st.subject or "") if st.subject_kind == "place" else None
    if subject_ref and resolver is not None:
        # "The city lies about 550 km south of Kyiv": the city the article named before
        entry = discourse.place_for(subject_ref.group("noun"), exclude=anchor)
        subject_place = (entry.place or resolver.resolve(entry.name, context=sentence)) \
            if entry is not None else None
        trace.append("subject-by-reference")
    if subject_place is not None and subject_place == anchor_place:
        subject_place = None  # "the city ... from the city center": no second point
    if _implausible_subject(subject_place, anchor_place, amount.value_max, amount.unit):
        # "Tawila, some 60 km west of El Fasher" read as a namesake 2,000 km away is
        # a wrong reading, not a wrong reporter: leave the subject unresolved.
        log.info("subject %r read far off its stated distance; left unresolved", st.subject)
        subject_place = None
        trace.append("subject-implausible-unresolved")
    subject, kind = st.subject, st.subject_kind
    if kind == "place" and subject and book.find(subject, conflict):
        kind = "force"  # "the LNA ... is only a few kilometres from": an actor
        trace.append("subject-is-an-actor")
    if kind != "place":
        before = [a for a in book.find(sentence, conflict) if a.end <= st.start]
        if before:
            subject, kind = before[-1].text, "force"
    actor_norm = book.normalize(subject, conflict) if subject else None
    return DistanceClaim(
        provenance=Provenance(text[s_start + st.start:s_start + st.end],
                              s_start + st.start, s_start + st.end, s_start, s_end, **prov),
        value_min=amount.value_min, value_max=amount.value_max,
        unit=amount.unit, qualifier=amount.qualifier, direction=st.direction,
        subject=subject, subject_kind=kind, anchor=anchor,
        anchor_place=anchor_place, subject_place=subject_place,
        alt_value=amount.alt_value, alt_unit=amount.alt_unit,
        actor_norm=actor_norm, event_date=first, event_date_end=last,
        anchor_reason=anchor_reason, trace=tuple(trace),
    )


#: An acronym ("UN", "NATO") is an organisation, not a place the discourse notes.
_ACRONYM = re.compile(r"[A-Z]{2,5}")

#: Names of a part of a town: an unresolved "Old City" or "X Quarter" is a district.
_PART_OF_TOWN = re.compile(r"\b(?:Old\s+(?:City|Town)|Quarter|District|Neighbou?rhood|Souq|"
                           r"Medina)$")

#: An anchor that names its place by reference: "the city", "the regional capital".
_REFERENCE_HEAD = re.compile(
    r"^(?:the|that|this)\s+(?:[\w-]+\s+)?(?P<noun>city|town|village|region|province|"
    r"district|base|airbase|airport|port|camp|area)(?:\s+(?:centre|center))?$", re.IGNORECASE)


#: Longest stretch read as one sentence; real sentences are far shorter, and a text without
#: full stops (a PDF dump, a table) must not make the per-sentence work grow quadratically.
MAX_SENTENCE_CHARS = 1000


def _bounded(sentences: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Cut sentences longer than :data:`MAX_SENTENCE_CHARS` at a comma or a space."""
    out: list[tuple[int, int, str]] = []
    for start, end, sentence in sentences:
        while len(sentence) > MAX_SENTENCE_CHARS:
            window = sentence[:MAX_SENTENCE_CHARS]
            cut = max(window.rfind(", "), window.rfind("; "))
            if cut < MAX_SENTENCE_CHARS // 2:
                cut = window.rfind(" ")
            if cut <= 0:
                cut = MAX_SENTENCE_CHARS
            else:
                cut += 1
            out.append((start, start + cut, sentence[:cut]))
            start, sentence = start + cut, sentence[cut:]
        out.append((start, end, sentence))
    return out


def _place_reading(name: str, resolver: PlaceResolver | None) -> PlaceReading | None:
    """Return the kind and reading of a place a sentence named, or None when it is no place.

    Called when the discourse first needs the place; the resolver answers with the
    sentence as context, as :meth:`PlaceResolver.defer_sentence` fixed when it was noted.
    """
    place = resolver.resolve(name) if resolver is not None else None
    if not_a_place(name, place):
        return None
    kind = (facility_kind(name) if place is not None else None) or place_kind(place)
    if kind is None and _PART_OF_TOWN.search(name):
        kind = "district"  # "the Old City": a part of the town, never "the city"
    return kind, place


#: Rule *facility-names-its-town*: "Hodeidah airport", "Kherson port" name the town as well
#: as the facility, so a later "the city" means Hodeidah while "the airport" still means the
#: airport (the town is noted just before the facility).
_FACILITY_OF_TOWN = re.compile(r"^(?P<town>(?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)\s+"
                               r"(?:(?-i:[a-z])[\w-]+\s+)?(?:international\s+)?"
                               r"(?:airport|airbase|air\s+base|port|harbou?r)$", re.IGNORECASE)


def _facility_town(name: str) -> tuple[str, ...]:
    """Return the town a facility's name opens with ("Hodeidah airport" -> Hodeidah), or ()."""
    match = _FACILITY_OF_TOWN.match(name.strip())
    return (match.group("town"),) if match else ()


def _remember(sentence: str, statements: list, discourse: Discourse, book: ActorBook,
             conflict: str | None, resolver: PlaceResolver | None, pub: date | None) -> None:
    """Note what a sentence named (places with their kind, actors, the latest exact date).

    The places and actors of the sentence's claims are noted last: they are what a later
    "the town" or "they" most likely means. Then the discourse moves to the next sentence.
    The places are listed and resolved only when a later reference (or the first claim on
    one of the names) reaches them; their readings are those of this sentence all the same.
    """
    from claims.control import place_mentions

    actors = book.find(sentence, conflict)
    named: list[list[str]] = []  # the sentence's place names, once listed

    def names() -> list[str]:
        if not named:
            found = [p.name for p in place_mentions(sentence, actors, None, None, book)
                     if p.text == p.name and not _ACRONYM.fullmatch(p.name)]
            named.append([n for name in found for n in (*_facility_town(name), name)])
        return named[0]

    places = [s.place for s in statements]
    if resolver is not None:
        resolver.defer_sentence(sentence, names, also=places)
    discourse.note_places_later(lambda: [*names(), *places],
                                partial(_place_reading, resolver=resolver))
    for actor in actors:
        discourse.note_actor(actor.text, actor.norm)
    for st in statements:
        if st.actor_norm:
            discourse.note_actor(st.actor or st.actor_norm, st.actor_norm)
    exact = [d for d in find_dates(sentence, pub, discourse.last_date) if d.exact]
    if exact:
        discourse.note_date(exact[-1].first)
    discourse.next_sentence()
