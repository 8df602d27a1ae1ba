"""Control and front-line statements: who did what where, in active and passive voice.

:func:`find_control_statements` reads one sentence and returns (actor, action, place)
triples with character spans. Places are proper-name runs (:mod:`claims.names`) that are
not actors, people or demonyms, plus "the city", "the town", "the capital" resolved to the
place the sentence or its context names. Actors come from the conflicts data file
(:mod:`claims.actors`). Triggers and their voice come from :mod:`claims.lexicon`.

>>> [(s.actor_norm, s.action, s.place) for s in find_control_statements(
...     "Sirte fell to the LNA on Monday.", conflict="libya")]
[('LNA', 'captured', 'Sirte')]
>>> [(s.actor_norm, s.action, s.place) for s in find_control_statements(
...     "GNA forces captured Surman and Sabratha.", conflict="libya")]
[('GNA', 'captured', 'Surman'), ('GNA', 'captured', 'Sabratha')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.actors import ActorBook, ActorMention, default_actor_book
from claims.control_actors import (
    _APPOSITIVE,
    _BACKER,
    _LOCATIVE,
    _actor_after,
    _actor_before,
    _AnaphoricActor,
    _demonym_actor_at,
    _generic_actor_before,
    _lead_demonym,
    speaker_actors,
)
from claims.control_places import (
    _ANAPHOR,
    _CONTAINER_AFTER,
    _IT,
    _PREFIX_STATE,
    _REGION_CAPITAL,
    ControlStatement,
    PlaceRef,
    _controlled_prefix,
    _place_key,
    _places_after,
    _places_before,
    place_mentions,
)
from claims.discourse import Discourse
from claims.lexicon import FUTURE_OR_INTENT, OFFENSIVE_INTENT, TRIGGERS, Trigger
from claims.prefilter import NeedleIndex
from gazetteer.countries import (
    country_code,
)

__all__ = [
    "ControlStatement",
    "PlaceRef",
    "find_control_statements",
    "may_state_control",
    "place_mentions",
    "speaker_actors",
]

@lru_cache(maxsize=1)
def _trigger_index() -> NeedleIndex:
    """Return the index of the words one of which each trigger's every match holds."""
    return NeedleIndex([t.pattern for t in TRIGGERS])


def _possible_triggers(sentence: str) -> list[Trigger]:
    """Return the triggers whose required words occur in ``sentence`` (the only ones that match).

    Searching 63 trigger patterns (or their one alternation) costs about 0.4 ms a sentence;
    most sentences hold none of their words, and one Aho-Corasick pass rules them out.
    """
    return [TRIGGERS[i] for i in _trigger_index().possible(sentence)]


def may_state_control(sentence: str) -> bool:
    """Whether any control trigger occurs in ``sentence`` (a cheap test before reading it)."""
    return any(t.pattern.search(sentence) for t in _possible_triggers(sentence))


def _matches(sentence: str) -> list[tuple[Trigger, re.Match[str]]]:
    """All trigger matches, the earlier-listed trigger winning on overlap."""
    possible = _possible_triggers(sentence)
    if not possible:
        return []
    taken: list[tuple[int, int]] = []
    found: list[tuple[Trigger, re.Match[str]]] = []
    for trig in possible:
        for match in trig.pattern.finditer(sentence):
            if match.end() == match.start() or sentence[max(0, match.start() - 1)] == "-":
                continue  # "Georgian-controlled" is an adjective, not a verb
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append((match.start(), match.end()))
            found.append((trig, match))
    return sorted(found, key=lambda tm: tm[1].start())


#: A statement reported as denied is no claim of the event.
_DENIAL = re.compile(r"\b(?:denied|denies|deny|denying|dismissed\s+(?:claims|reports)|"
                     r"refuted|rejected\s+(?:claims|reports))\b(?:\s+(?:that|reports|"
                     r"claims))?[^.;,]{0,40}$", re.IGNORECASE)


def _event_action(trig: Trigger, match: re.Match[str], sentence: str) -> str | None:
    """Return the action a trigger reports, or None when it reports no event.

    Intentions ("vowed to capture"), modal verbs ("may hold"), campaigns mentioned in a
    subordinate clause and "the fall of X" without a captor are not claims; a capture
    verb after "offensive to" is an attack.
    """
    action = trig.action
    start, end = match.start(), match.end()
    prefix = sentence[max(0, start - 60):start]
    if _DENIAL.search(prefix):
        return None  # "officials denied the town had fallen"
    if trig.voice in {"active", "nominal", "object"} and action in {"captured", "entered",
                                                                     "withdrew"}:
        if OFFENSIVE_INTENT.search(prefix) and action == "captured":
            action = "attacked"
        elif FUTURE_OR_INTENT.search(prefix) or re.search(
                r"\b(?:will|would|could|might|shall)\b[^,.;]{0,40}$", prefix):
            return None
    elif trig.voice == "active" and re.search(
            r"\b(?:will|would|could|might|may|shall|cannot|can't|won't)\s+(?:\w+\s+)?$",
            prefix, re.IGNORECASE):
        return None  # "may hold on to", "could attack": not an event
    if action == "attacked" and re.match(r"launch", match.group(0), re.IGNORECASE):
        clause = re.split(r"[,;:(]", sentence[:start])[-1]
        if re.search(r"\b(?:who|which|as|before|after|when|since|while)\b", clause,
                     re.IGNORECASE):
            return None  # a campaign mentioned in passing, not the sentence's event
    if trig.voice == "nominal" and re.search(r"\bfall\s+of", match.group(0), re.I) and \
            not re.search(r"\bto\s+", sentence[end:end + 60]):
        return None  # "confirm the fall of Sirte" names no captor
    if trig.voice == "active" and action == "lost" and re.match(
            r"\s*(?:its|their|his)?\s*(?:lives|life|men)", sentence[end:]):
        return None
    return action


@dataclass(frozen=True, slots=True)
class _SentenceContext:
    """What the role finder knows beyond the sentence's actor mentions."""

    book: ActorBook | None = None
    conflict: str | None = None
    speakers: tuple[ActorMention, ...] = ()
    #: Read an active verb's actor from its grammatical subject (:mod:`claims.parse`).
    use_parse: bool = False


def _roles(trig: Trigger, match: re.Match[str], sentence: str, actors: list[ActorMention],
           places: list[PlaceRef], allow_pronoun: bool, discourse: Discourse | None = None,
           ctx: _SentenceContext = _SentenceContext(),
           ) -> tuple[ActorMention | None, list[PlaceRef]] | None:
    """Return the actor and the places of a trigger, by its voice; None when one is missing.

    An agentless trigger ("Kidal had been under siege", "the towns were liberated") keeps
    its places without an actor: the actor the article named last stands in, or none.
    """
    start, end = match.start(), match.end()
    voice = trig.voice
    actor: ActorMention | None
    if voice == "active":
        targets = _places_after(sentence, end, places)
        parsed = _parsed_subject(sentence, start, actors, allow_pronoun, discourse, ctx) \
            if ctx.use_parse and targets else None
        actor = parsed or _actor_before(sentence, start, actors) or \
            _generic_actor_before(sentence, start, actors, allow_pronoun, discourse,
                                  ctx.speakers, ctx.book, ctx.conflict)
        if actor is not None:
            actor = _lead_demonym(sentence, actor, ctx.book, ctx.conflict)
        if actor is not None and not targets and trig.action in {"advanced_towards", "withdrew"}:
            # "reached a barrier within 30 km (19 miles) of the capital Tripoli"
            dist = re.search(r"\b(?:km|kilomet\w*|miles?)\b(?:\s*\([^)]{0,20}\))?\s+"
                             r"(?:[a-z-]+\s+)?(?:from|of)\s+", sentence[end:end + 120])
            if dist:
                targets = _places_after(sentence, end + dist.end(), places)[:1]
        if actor is not None and not targets:
            # "Gharyan, which Haftar seized in April": the place is the relative's antecedent
            rel = re.search(r"(?:,\s*|\s)(?:which|that)\s+$", sentence[:actor.start])
            if rel:
                targets = [p for p in places if 0 <= rel.start() - p.end <= 2][:1]
                heads = [p for p in places if p.end < rel.start()
                         and _APPOSITIVE.match(sentence, p.end, rel.start())]
                if heads:  # "Robotyne, a village in the Zaporizhzhia region that Russia held"
                    targets = heads[:1]
        if actor is not None and not targets and trig.action == "withdrew" and re.match(
                r"\s*(?:on|in|at|overnight|after|before|late|early|[,.;]|$)", sentence[end:]):
            # "seized Lalibela ... before pulling out on Saturday": the place just named
            targets = _place_left(sentence, start, places,
                                  discourse if _subject_of(sentence, actor, start) else None)
    elif voice == "departure":
        actor = _actor_before(sentence, start, actors) or \
            _generic_actor_before(sentence, start, actors, allow_pronoun, discourse,
                                  ctx.speakers, ctx.book, ctx.conflict)
        if actor is not None and not _subject_of(sentence, actor, start):
            return None  # "... stormed the town, and foreign workers fled to a hotel"
        targets = _place_left(sentence, start, places, None) or _left_for_outside(
            sentence, end, places)
    elif voice == "flag_passive":
        targets = _places_after(sentence, end, places)
        actor = _flag_owner(sentence, start, actors)
    elif voice == "nominal":
        targets = _places_after(sentence, end, places)
        by = re.search(r"\b(?:by|to)\s+", sentence[end:end + 120])
        actor = (_actor_after(end + by.start(), actors, 10) if by else None) or \
            _actor_before(sentence, start, actors)
    elif voice == "object":
        # "X pushed back Y ... 60 km south of Z": Y withdrew
        actor = _actor_after(end, actors, 6)
        if actor is None or re.match(r"\s*(?:an?|the)\s+(?:\w+\s+)?(?:attack|assault|"
                                     r"offensive|advance)", sentence[end:]):
            return None
        targets = _places_after(sentence, actor.end, places, limit=90)[:1]
        if not targets:
            lead = re.search(r"\b(?:of|from)\s+(?:the\s+capital,?\s+)?",
                             sentence[actor.end:actor.end + 90])
            targets = (_places_after(sentence, actor.end + lead.end(), places)[:1]
                       if lead else [])
    elif voice == "nominal_on":
        targets = _places_after(sentence, end, places)
        by = re.search(r"\bby\s+", sentence[end:])
        actor = _actor_after(end + by.end(), actors, 10) if by else None
    elif voice == "list_after":
        targets = _places_after(sentence, end, places, limit=30)
        actor = _actor_before(sentence, start, actors) or \
            _generic_actor_before(sentence, start, actors, allow_pronoun, discourse,
                                  ctx.speakers, ctx.book, ctx.conflict) or \
            _actor_after(end, actors, 200)
    elif voice == "locative":
        actor = _actor_before(sentence, start, actors) or \
            _generic_actor_before(sentence, start, actors, allow_pronoun, discourse,
                                  ctx.speakers, ctx.book, ctx.conflict)
        at = _LOCATIVE.search(sentence, end, end + 90)
        # rule *locative-object-is-place*: "attacked Tikrit in northern Iraq": the object is
        # a place, so it is what was attacked (the locative only locates it)
        direct = [p for p in _places_after(sentence, end, places, limit=25)
                  if at is not None and p.end <= at.start()
                  and not country_code(p.name)] if at else []
        targets = direct or (_places_after(sentence, at.end(), places, limit=5) if at else [])
    elif voice == "nominal_by":
        actor = _actor_after(end, actors, 10)
        on = re.search(r"\b(?:on|against)\s+", sentence[end:end + 120])
        targets = _places_after(sentence, end + on.end(), places) if on else []
    else:  # passive, state_after: the place comes first
        targets = _places_before(sentence, start, places)
        which = match.group(0).lower().startswith("which")
        actor = _actor_after(end, actors) if voice == "passive" and which else \
            _actor_after(end, actors, 40)
        if re.search(r"under\s+$", match.group(0)):
            actor = _actor_after(end, actors, 5) or _demonym_actor_at(sentence, end)
    if actor is None and trig.agentless and targets:
        own = actors if trig.agentless == "sentence" else []
        return _stand_in_actor(sentence, start, own, discourse), targets
    if actor is None:
        return None
    return actor, targets


def _flag_owner(sentence: str, pos: int, actors: list[ActorMention]) -> ActorMention | None:
    """Return whose flag "flag" at ``pos`` is: an actor or a demonym just before it.

    Rule *flag-raised-passive*: "the M23 flag", "a Ukrainian flag", "the Taliban's white
    flag"; a few words of colour or kind ("national", "white") may stand between.
    """
    lead = re.search(r"(?:[’']s)?\s+(?:(?:national|white|black|red|blue|green|new|own|"
                     r"tricolou?r)\s+)?$", sentence[max(0, pos - 40):pos])
    near = max(0, pos - 40) + lead.start() if lead else pos
    named = next((a for a in reversed(actors) if a.end <= pos and near - a.end <= 1), None)
    if named is not None:
        return named
    word = re.search(r"[A-Z][a-z]+$", sentence[max(0, near - 20):near])
    return _demonym_actor_at(sentence, max(0, near - 20) + word.start()) if word else None


def _subject_of(sentence: str, actor: ActorMention, pos: int) -> bool:
    """Whether ``actor`` is the subject of the verb at ``pos``: same clause, a few words off."""
    if actor.end > pos:
        return False
    gap = sentence[actor.end:pos]
    return "," not in gap and ";" not in gap and len(gap.split()) <= 6


#: Rule *withdrew-to-outside*: a withdrawal to somewhere "outside the city", "south of the
#: village" or "beyond the town" left that place ("fell back to positions south of the
#: village", "retreated to the airport outside the city"): the place after the locator.
_OUTSIDE = re.compile(r"\s*(?:to|towards?|into)\s+(?:[\w’'-]+\s+){0,4}?(?:outside|beyond|"
                      r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of|on\s+the\s+"
                      r"(?:edge|outskirts)\s+of)\s+$", re.IGNORECASE)


def _left_for_outside(sentence: str, end: int, places: list[PlaceRef]) -> list[PlaceRef]:
    """Return the place a side withdrew from by rule *withdrew-to-outside*, or none.

    >>> refs = [PlaceRef(44, 53, "the city", "El Fasher")]
    >>> s = "The division withdrew to a position outside the city."
    >>> [r.name for r in _left_for_outside(s, 21, refs)]
    ['El Fasher']
    >>> _left_for_outside("The division withdrew to the hills.", 21, [])
    []
    """
    return [p for p in places if p.start >= end and _OUTSIDE.fullmatch(sentence, end, p.start)][:1]


def _place_left(sentence: str, pos: int, places: list[PlaceRef],
                discourse: Discourse | None) -> list[PlaceRef]:
    """Return the place a side left when the sentence names only where it went.

    Rule *withdrew-towards* ("government troops fell back towards Juba after the rebels
    seized Bor", "soldiers at the base fled across the border"): the town named last before
    the verb in the sentence, not a country (where a side flees to) nor a province that
    only locates the town. Rule *withdrew-implied-place* (``discourse`` given, for a
    withdrawal with no destination: "The garrison withdrew after hours of fighting"): else
    the town the article named last. A destination with no place left ("fled into the
    forest") is no claim.
    """
    earlier = [p for p in places if p.end <= pos and not country_code(p.name)
               and not _CONTAINER_AFTER.match(sentence, p.end)]
    if earlier:
        return earlier[-1:]
    entry = discourse.place_for("town") if discourse is not None else None
    if entry is None:
        return []
    return [PlaceRef(pos, pos, entry.name, entry.name,
                     discourse.place_reason("(the place left)", entry))]


def _parsed_subject(sentence: str, pos: int, actors: list[ActorMention], allow_pronoun: bool,
                    discourse: Discourse | None, ctx: _SentenceContext) -> ActorMention | None:
    """Return the actor the verb's grammatical subject names (None: the rules decide)."""
    from claims.parse import subject_span

    span = subject_span(sentence, pos)
    if span is None:
        return None
    lo, hi = span
    inside = [a for a in actors if lo <= a.start < hi
              and not _BACKER.search(sentence[max(0, a.start - 20):a.start])]
    if inside:
        return inside[0]
    generic = _generic_actor_before(sentence, hi, actors, allow_pronoun, discourse,
                                    ctx.speakers, ctx.book, ctx.conflict)
    if generic is not None and lo <= generic.start < hi and generic.norm:
        return generic
    return None


def _stand_in_actor(sentence: str, pos: int, actors: list[ActorMention],
                    discourse: Discourse | None) -> ActorMention | None:
    """Return the actor of an agentless statement: the sentence's, else the article's last."""
    if actors:
        return actors[0]
    entry = discourse.actors[-1] if discourse is not None and discourse.actors else None
    if entry is None:
        return None
    return _AnaphoricActor(pos, pos, entry.text, entry.norm, pos, pos,
                           f"no actor named; {entry.norm} is the actor named last")


def _mirrored(trig: Trigger, match: re.Match[str], sentence: str, actors: list[ActorMention],
              target: PlaceRef, allow_pronoun: bool, discourse: Discourse | None,
              ctx: _SentenceContext, seen: set) -> list[ControlStatement]:
    """Return the subject's side of an object statement ("A drove B out of X": A took X)."""
    subject = _actor_before(sentence, match.start(), actors) or _generic_actor_before(
        sentence, match.start(), actors, allow_pronoun, discourse, ctx.speakers, ctx.book,
        ctx.conflict)
    if subject is None or subject.norm is None:
        return []
    subject = _lead_demonym(sentence, subject, ctx.book, ctx.conflict)
    key = (trig.mirror, _place_key(target.name), subject.norm)
    if key in seen:
        return []
    seen.add(key)
    return [ControlStatement(subject.text, subject.norm, trig.mirror, target.name, target.text,
                             min(subject.start, match.start()), max(target.end, match.end()),
                             match.start(), place_reason=target.reason,
                             actor_reason=getattr(subject, "reason", None),
                             trace=_trace(trig.name, f"mirror:{trig.mirror}", target, subject))]


def _trace(trigger: str, step: str | None, target: PlaceRef,
           actor: ActorMention | None) -> tuple[str, ...]:
    """Return the trace of one statement: its trigger, then each rule that found a role."""
    steps = [trigger] + ([step] if step else [])
    if target.reason:
        steps.append("place-by-reference")
    if actor is None:
        steps.append("no-actor")
    elif isinstance(actor, _AnaphoricActor):
        steps.append("stand-in-actor" if actor.start == actor.end else "actor-by-reference")
    return tuple(steps)


#: How many of :func:`_otherwise_patterns` make statements (the rest ask the discourse).
_STATING_PATTERNS = 2


@lru_cache(maxsize=1)
def _otherwise_patterns() -> tuple[tuple[re.Pattern[str], ...], NeedleIndex]:
    """Return what makes a sentence without trigger matches worth reading, and its index."""
    patterns = (_PREFIX_STATE, _STRONGHOLD, _ANAPHOR, _IT, _REGION_CAPITAL)
    return patterns, NeedleIndex(patterns)


def _may_state_otherwise(sentence: str, discourse: Discourse | None) -> bool:
    """Whether a sentence without trigger matches must still be read in full.

    A held prefix ("rebel-held") or a stronghold appositive makes statements without a
    trigger; "the city", "it" or "the Gezira capital" make :func:`place_mentions` ask the
    discourse, whose answers are cached for the rest of the article (so skipping the
    question could change a later answer). Only the patterns whose words the sentence
    holds are searched.
    """
    patterns, index = _otherwise_patterns()
    for i in index.possible(sentence):
        if i >= _STATING_PATTERNS and discourse is None:
            break
        if patterns[i].search(sentence):
            return True
    return False


def find_control_statements(sentence: str, *, conflict: str | None = None,
                            book: ActorBook | None = None,
                            antecedents: list[str] | None = None,
                            capital: str | None = None,
                            discourse: Discourse | None = None,
                            use_parse: bool = False) -> list[ControlStatement]:
    """Find (actor, action, place) statements in one sentence.

    ``antecedents`` are places named earlier in the article (most recent last), for
    "the town"; ``capital`` is what "the capital" means (default: the conflict's).
    ``discourse`` (the article read so far) replaces ``antecedents`` and also resolves
    actors named by reference ("they", "the group"). ``use_parse`` reads an active verb's
    actor from its grammatical subject when the parser is installed (:mod:`claims.parse`).
    """
    book = book or default_actor_book()
    if capital is None and conflict in book.conflicts:
        capital = book.conflicts[conflict].capital
    matches = _matches(sentence)
    if not matches and not _may_state_otherwise(sentence, discourse):
        return []  # no statement can come out, and the discourse would not be asked
    actors = book.find(sentence, conflict)
    places = place_mentions(sentence, actors, antecedents, capital, book, discourse)
    allow_pronoun = bool(actors) or conflict is not None
    ctx = _SentenceContext(book, conflict, tuple(speaker_actors(sentence, book, conflict)),
                           use_parse)
    out: list[ControlStatement] = []
    seen: set[tuple[str, str, str | None]] = set()
    previous: tuple[re.Match[str], ActorMention | None] | None = None
    for trig, match in matches:
        action = _event_action(trig, match, sentence)
        roles = _roles(trig, match, sentence, actors, places, allow_pronoun,
                       discourse, ctx) if action else None
        if roles is None:
            continue
        actor, targets = roles
        start, end = match.start(), match.end()
        found = actor
        actor = _shared_subject(sentence, trig, match, actor, previous)
        previous = (match, _subject(trig, match, sentence, actor, actors, allow_pronoun,
                                    discourse, ctx))
        a_start, a_end = (actor.start, actor.end) if actor is not None else (start, start)
        if (isinstance(actor, _AnaphoricActor) and actor.start == actor.end) or actor is not found:
            # a stand-in from earlier sentences, or a subject shared with the verb before
            # (whose statement spans it): nothing more of the sentence is this statement's
            a_start = a_end = start
        for target in targets:
            if a_start <= target.start < a_end:
                continue
            norm = actor.norm if actor is not None else None
            key = (action, _place_key(target.name), norm)
            if key in seen:
                continue
            seen.add(key)
            out.append(ControlStatement(
                actor.text if actor is not None else None, norm, action, target.name,
                target.text, min(start, target.start, a_start), max(end, target.end, a_end),
                start, place_reason=target.reason,
                actor_reason=getattr(actor, "reason", None),
                trace=_trace(trig.name, None, target, actor)))
            if trig.mirror and actor is not None:
                out.extend(_mirrored(trig, match, sentence, actors, target, allow_pronoun,
                                     discourse, ctx, seen))
    out.extend(_controlled_prefix(sentence, places, book, conflict, seen))
    out.extend(_strongholds(sentence, places, actors, out))
    return _without_former_holders(out)


#: Rule *shared-subject*: "its troops had pushed Russian forces out of Balakliia and were
#: advancing towards Kupiansk": a verb after "and" with no subject of its own (only
#: auxiliaries and adverbs between) shares the subject of the verb before, not its object.
_SHARED_SUBJECT_GLUE = re.compile(r"^[^,;:]*?\band\s+(?:(?:then|later|also|now|soon|"
                                  r"were|was|had|have|has|is|are|been)\s+)*$", re.IGNORECASE)


def _subject(trig: Trigger, match: re.Match[str], sentence: str, actor: ActorMention | None,
             actors: list[ActorMention], allow_pronoun: bool, discourse: Discourse | None,
             ctx: _SentenceContext) -> ActorMention | None:
    """Return the grammatical subject of a trigger (None for passive and nominal forms).

    Its actor, or for an object trigger ("A drove B out of X") the side before the verb.
    """
    if trig.voice != "object":
        return actor if trig.voice in {"active", "departure", "locative"} else None
    return _actor_before(sentence, match.start(), actors) or _generic_actor_before(
        sentence, match.start(), actors, allow_pronoun, discourse, ctx.speakers, ctx.book,
        ctx.conflict)


def _shared_subject(sentence: str, trig: Trigger, match: re.Match[str],
                    actor: ActorMention | None,
                    previous: tuple[re.Match[str], ActorMention | None] | None,
                    ) -> ActorMention | None:
    """Return the actor of a verb that may be coordinated with the verb before it.

    The previous verb's subject (*shared-subject*) when the actor found stands after that
    verb (its object) and only "and" follows it; else the actor found.
    """
    if (previous is None or actor is None or previous[1] is None
            or trig.voice not in {"active", "departure", "locative"}):
        return actor
    before, subject = previous
    if subject is actor or not before.start() < actor.start < match.start():
        return actor
    if _SHARED_SUBJECT_GLUE.match(sentence[actor.end:match.start()]) is None:
        return actor
    return subject


def _without_former_holders(found: list[ControlStatement]) -> list[ControlStatement]:
    """Drop a hold of a place the same sentence says another side took or entered.

    Rule *former-holder*: "recaptured Mocimboa da Praia, which insurgents had held for a
    year", "took Kidal, a town held by Tuareg rebels for a decade": the hold is the state
    the capture ended, not a claim of who holds the place now.
    """
    taken = {(_place_key(s.place), s.actor_norm) for s in found
             if s.action in {"captured", "entered"}}
    return [s for s in found if s.action != "holds"
            or not any(place == _place_key(s.place) and norm != s.actor_norm
                       for place, norm in taken)]


_STRONGHOLD = re.compile(r",\s*(?:which\s+is\s+|now\s+)?(?:an?|the)\s+(?:[\w’'-]+\s+){0,6}?"
                         r"stronghold\b", re.IGNORECASE)


def _strongholds(sentence: str, places: list[PlaceRef], actors: list[ActorMention],
                 found: list[ControlStatement]) -> list[ControlStatement]:
    """Read "Jufra, a remote district and LNA stronghold" as (LNA, holds, Jufra).

    Skipped when the same sentence says the place was just entered, taken or left
    ("entered Tarhuna, the last stronghold of Haftar": it is no longer his).
    """
    out: list[ControlStatement] = []
    for match in _STRONGHOLD.finditer(sentence):
        target = next((p for p in reversed(places) if p.end <= match.start()
                       and match.start() - p.end <= 40
                       and not country_code(p.name.split()[-1])), None)
        if target is None or any(_place_key(c.place) == _place_key(target.name) for c in found):
            continue
        actor = next((a for a in actors if match.start() < a.start < match.end()), None) or \
            next((a for a in actors if 0 <= a.start - match.end() <= 12), None)
        if actor is None:
            continue
        out.append(ControlStatement(actor.text, actor.norm, "holds", target.name, target.text,
                                    target.start, max(match.end(), actor.end), match.start(),
                                    trace=("holds/stronghold-appositive",)))
    return out
