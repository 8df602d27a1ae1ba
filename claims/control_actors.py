"""Who a control statement is about: the actor before or after its trigger.

Read by :mod:`claims.control`: a named actor before the verb (with appositives, backers and
locative attacks read through), a generic subject ("forces", "the army") tied to the war's
actor by a demonym or the article's conflict, a speaker who speaks for a side ("Kyiv said"),
and an actor after a passive verb. Split from :mod:`claims.control` to keep it small.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.actors import ActorBook, ActorMention
from claims.discourse import Discourse
from gazetteer.countries import (
    adjective_of,
    country_code,
    country_name,
    country_of_adjective,
    country_of_capital,
    is_demonym,
)

__all__ = ["speaker_actors", "state_actors"]

#: The preposition before the place of a locative attack ("ambushed tanks in X").
_LOCATIVE = re.compile(r"\s(?:in|near|around|outside|for|at|on\s+the\s+(?:edge|outskirts)\s+of)"
                       r"\s+(?:the\s+)?", re.IGNORECASE)
#: An appositive after a name, open or closed right before the verb: ", the last big city
#: in Darfur still" / ", the only town in the district,".
_APPOSITIVE = re.compile(r",\s+(?:the|a|an|one\s+of\s+the|its|their|(?:(?:some|about|around|"
                         r"roughly|nearly|just|only)\s+)?\d[\d,.]*\s*(?:km|kilomet\w+|miles?))\s+"
                         r"[^,;:()]{0,80}?"
                         r"(?:,\s*(?:which\s+|and\s+)?(?:(?:has|had|have|is|was|were|been|"
                         r"being|remains?|remained|still|now)\s+)*)?$")
_BACKER = re.compile(r"(?:backed|supported|armed|assisted|aided)\s+by\s+(?:the\s+)?$|"
                     r"(?:allied|loyal)\s+(?:to|with)\s+(?:the\s+)?$", re.IGNORECASE)


#: Rule *coordinated-subject-first*: "X and allied Y entered", "X and their allies Y": X
#: leads; the glue between two coordinated actors may carry words of alliance.
_COORDINATION = re.compile(r"\s+(?:and|,)\s+(?:the\s+|their\s+|its\s+)?(?:(?:allied|"
                           r"pro-government|local|other|friendly|loyalist|[\w-]+-(?:backed|"
                           r"allied|aligned))\s+)*")
#: Rule *gerund-takes-the-clause-subject*: "A drove B out of X after recapturing Y": the
#: subject of a gerund after "after", "before", "while" is the clause's, not the nearest name.
_GERUND_LEAD = re.compile(r"\b(?:after|before|while|since|by)\s+$", re.IGNORECASE)


def _actor_before(sentence: str, pos: int, actors: list[ActorMention]) -> ActorMention | None:
    cands = [a for a in actors if a.end <= pos + 1 and a.start < pos]
    main = [a for a in cands if not _BACKER.search(sentence[max(0, a.start - 20):a.start])]
    if main:
        chosen = main[-1]
        if (_GERUND_LEAD.search(sentence, 0, pos) and re.match(r"\w+ing\b", sentence[pos:])
                and re.search(r"[,;]", sentence[chosen.end:pos]) is None):
            chosen = main[0]
        for earlier in reversed(main[:main.index(chosen)]):  # "X and Y entered": X leads
            if _COORDINATION.fullmatch(sentence, earlier.end, chosen.start):
                chosen = earlier
        return chosen
    return cands[-1] if cands else None


#: Rule *weapon-carrier-subject*: "Russian aircraft", "junta jets", "Serb tanks" stand for
#: their side as "Russian forces" does (the demonym or name before them says whose).
_WEAPON_CARRIERS = r"aircraft|warplanes|planes|jets|helicopters|drones|tanks|artillery|gunboats"
_GENERIC_SUBJECT = re.compile(
    r"\b(?:(?:our|their|its|his|the|these|those)\s+(?:\w+\s+)?(?:forces|troops|fighters|units|"
    r"men|army|soldiers|militiamen|gunmen)|they|we|he|she"
    r"|the\s+(?:armed\s+|rebel\s+|militant\s+|jihadist\s+|paramilitary\s+)?(?:group|militia|"
    r"movement|faction|paramilitaries|paramilitary))\b"
    r"|\b(?:(?-i:[A-Z])[\w’'-]+\s+|[\w]+-(?:backed|led|aligned|allied)\s+){1,2}(?:forces|troops|"
    r"fighters|militants|rebels|insurgents|soldiers|army|militias?|militiamen|gunmen|"
    r"paramilitaries|units|brigades?|" + _WEAPON_CARRIERS + r")\b"
    r"|\b(?:federal|government|rebel|junta|regime|militia|paramilitary|opposition|insurgent|"
    r"jihadist|security|loyalist|separatist|allied|coalition|state)\s+(?:forces|troops|soldiers|"
    r"fighters|units|gunmen)\b"
    r"|\b(?:rebels|insurgents|militants|jihadists|separatists|militiamen|guerrillas)\b",
    re.IGNORECASE)
_HEAD_NOUN = re.compile(r"\b(?:forces|troops|soldiers|fighters|units|gunmen|army|"
                        + _WEAPON_CARRIERS + r")$", re.I)


def _generic_actor_before(sentence: str, pos: int, actors: list[ActorMention],
                          allow_pronoun: bool = True,
                          discourse: Discourse | None = None,
                          speakers: tuple[ActorMention, ...] = (),
                          book: ActorBook | None = None,
                          conflict: str | None = None) -> ActorMention | None:
    """Return a generic subject ("our forces", "they") standing for the sentence's actor.

    Pronouns ("they", "our forces") count only when the sentence names an actor or the
    article is about a known conflict, so "they moved to Thornhill" in local news is no claim.
    A pronoun means the last actor named before it in the sentence, else the actor the
    article named last (``discourse``: "Rebels reached Kassala. They took the city."),
    else the sentence's first actor.
    """
    found = None
    for match in _GENERIC_SUBJECT.finditer(sentence[:pos]):
        found = match
    if found is None:
        return None
    pronoun = re.match(r"(?:our|their|its|his|the|these|those|they|we|he|she)\b", found.group(0),
                       re.I)
    if pronoun and (not allow_pronoun or pos - found.end() > 40):
        return None  # a pronoun far from the verb is rarely its subject
    norm = None
    if pronoun:
        earlier = [a for a in actors if a.end <= found.start()] or \
            [a for a in speakers if a.end <= found.start()]
        if re.match(r"(?:our|we)\b", found.group(0), re.I) and actors and not earlier:
            earlier = actors[:1]  # "our forces ...," the commander said: the speaker's side
        entry = discourse.actor_for(found.group(0), states=state_actors(book, conflict)) \
            if discourse is not None else None
        if earlier:
            norm = earlier[-1].norm
        elif entry is not None:
            norm = entry.norm
            reason = discourse.actor_reason(found.group(0), entry)
            return _AnaphoricActor(found.start(), found.end(), found.group(0), norm,
                                   found.start(), found.end(), reason)
        elif actors:
            norm = actors[0].norm
    if norm is None and not pronoun and book is not None:
        # "federal soldiers" is the war's "federal troops": the same side, another noun
        for noun in ("forces", "troops", "army", "soldiers", "fighters"):
            norm = book.normalize(_HEAD_NOUN.sub(noun, found.group(0)), conflict)
            if norm:
                break
    first = re.match(r"[A-Z][a-z]+", found.group(0))
    if norm is None and first and is_demonym(first.group(0)):
        norm = _demonym_norm(first.group(0), book, conflict)  # "Ethiopian troops" -> ENDF
    if norm is None and not pronoun and discourse is not None:
        definite = _definite_reference(sentence, found.start(), found.group(0), discourse,
                                       state_actors(book, conflict))
        if definite is not None:
            return definite
    return ActorMention(found.start(), found.end(), found.group(0), norm, found.start(),
                        found.end())


#: Rule *coordinated-demonyms*: "Nigerian and Chadian troops retook X": the first demonym's
#: side leads, as the first of two coordinated subjects does.
_DEMONYM_AND = re.compile(r"\b(?P<word>(?-i:[A-Z])[a-z]+)\s*(?:,\s*(?-i:[A-Z])[a-z]+\s*)*"
                          r",?\s+and\s+$")


def _lead_demonym(sentence: str, actor: ActorMention, book: ActorBook | None,
                  conflict: str | None) -> ActorMention:
    """Return the side of a first coordinated demonym before ``actor``, else ``actor``."""
    match = _DEMONYM_AND.search(sentence, max(0, actor.start - 40), actor.start)
    first = re.match(r"(?-i:[A-Z])[a-z]+", actor.text)
    if match is None or first is None or not is_demonym(first.group(0)):
        return actor
    word = match.group("word")
    if not is_demonym(word):
        return actor
    noun = actor.text.rsplit(None, 1)[-1]
    norm = (book.normalize(f"{word} {noun}", conflict) if book is not None else None) or \
        _demonym_norm(word, book, conflict)
    if not norm or norm == actor.norm:
        return actor
    return ActorMention(match.start(), actor.end, sentence[match.start():actor.end], norm,
                        match.start(), actor.end)


def _demonym_norm(word: str, book: ActorBook | None, conflict: str | None) -> str | None:
    """Return the actor a demonym names: the war's own ("Sudanese" -> SAF), else the country."""
    if book is not None:
        for noun in ("army", "forces", "troops", "military"):
            norm = book.normalize(f"{word} {noun}", conflict)
            if norm:
                return norm
    iso = country_of_adjective(word)
    return country_name(iso) if iso else None


#: A source that speaks for a side: "Ukrainian officials said", "Kyiv said", "Baku claimed".
#: Rule *denying-speaker*: a side that denies, insists, admits or confirms speaks for itself
#: as one that says ("Kyiv denied that the city had fallen, saying its troops still held").
_SPEAKER = re.compile(
    r"\b(?P<who>(?-i:[A-Z])[a-z]+)(?:[’']s)?\s+(?:(?:military|defen[cs]e|army|government|"
    r"foreign)\s+)?(?:officials?|spokesm[ae]n|spokeswoman|sources|authorities|government|"
    r"ministry|command|officers?|commanders?|said|says|claimed|claims|announced|reported|"
    r"denied|denies|insisted|insists|admitted|admits|acknowledged|confirmed|confirms)\b",
    re.IGNORECASE)


#: Rule *collective-speaker*: "the rebel alliance said its forces ...", "the jihadist group
#: claimed ...": a body named by its kind speaks for the war's side of that kind (its
#: generic name: "rebels", "jihadists"), which "its forces", "they" then mean.
_COLLECTIVE_SPEAKER = re.compile(
    r"\b(?:the\s+)?(?P<kind>rebel|separatist|jihadist|militant|insurgent|paramilitary)\s+"
    r"(?:alliance|coalition|group|movement|umbrella\s+group|bloc|leadership|command)"
    r"(?:[’']s\s+\w+)?\s+(?:said|says|claimed|claims|announced|stated|confirmed)\b",
    re.IGNORECASE)
_KIND_PLURAL = {"rebel": "rebels", "separatist": "separatists", "jihadist": "jihadists",
                "militant": "militants", "insurgent": "insurgents",
                "paramilitary": "paramilitaries"}


def speaker_actors(sentence: str, book: ActorBook, conflict: str | None) -> list[ActorMention]:
    """Sides that speak in a sentence by demonym or capital ("Kyiv said its forces ...").

    They stand for "its forces", "they" that follow; they are never the agent of a verb
    themselves (officials do not capture towns).
    """
    out: list[ActorMention] = []
    for match in _COLLECTIVE_SPEAKER.finditer(sentence) if conflict else ():
        norm = book.normalize(_KIND_PLURAL[match.group("kind").lower()], conflict)
        if norm:
            out.append(ActorMention(match.start(), match.end(), match.group(0), norm,
                                    match.start("kind"), match.end("kind")))
    for match in _SPEAKER.finditer(sentence):
        who = match.group("who")
        norm = None
        if is_demonym(who):
            norm = _demonym_norm(who, book, conflict)
        else:
            # rule *country-speaker*: "Ethiopia's government said its forces ...", "Somalia
            # said its troops ...": a country of the war speaks for the side its demonym
            # names, as a capital does ("Kyiv said")
            iso = country_of_capital(who) or _war_country(who, book, conflict)
            adjective = adjective_of(iso) if iso else None
            norm = (_demonym_norm(adjective, book, conflict) if adjective else None) or (
                country_name(iso) if iso else None)
        if norm:
            out.append(ActorMention(match.start(), match.end(), match.group(0), norm,
                                    match.start("who"), match.end("who")))
    return sorted(out, key=lambda a: a.start)


def _war_country(word: str, book: ActorBook, conflict: str | None) -> str | None:
    """Return the ISO code of ``word`` when it names one of the war's own countries."""
    info = book.conflicts.get(conflict) if conflict else None
    iso = country_code(word) if info is not None else None
    return iso if iso and iso in info.countries else None


#: The generic names that mark an actor as a state's forces (rule *nonstate-reference*).
_STATE_GENERICS = frozenset({"the army", "government troops", "government forces", "the military",
                             "army troops", "the armed forces", "security forces"})


def state_actors(book: ActorBook | None, conflict: str | None) -> frozenset[str]:
    """Return the war's state forces: the actors the book gives an army's generic names."""
    info = book.conflicts.get(conflict) if book is not None and conflict else None
    if info is None:
        return frozenset()
    return frozenset(norm for norm, names in info.generic.items()
                     if _STATE_GENERICS & {n.lower() for n in names} or _STATE_NORM.search(norm))


#: Rule *state-by-name*: a side whose book name is a state's army, police or government
#: ("Burkinabe army", "Haitian police", "Somali government") is a state's forces even when
#: the book gives it no generic name ("the group" never means it).
_STATE_NORM = re.compile(r"^(?-i:[A-Z])[a-z]+\s+(?:army|police|government|military)$")


#: Rule *definite-actor-reference*: "the guerrillas", "the gunmen", "the insurgents" that the
#: war's book gives no side of mean the armed actor the article named last, as "the group"
#: does (a reader does not take them for a new, unnamed force).
_DEFINITE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _definite_reference(sentence: str, start: int, words: str, discourse: Discourse,
                        states: frozenset[str]) -> _AnaphoricActor | None:
    """Return the actor a definite generic subject ("the guerrillas") stands for, or None."""
    lead = _DEFINITE_BEFORE.search(sentence, max(0, start - 4), start)
    if lead is None:
        return None
    phrase = f"{lead.group(0)}{words}"
    entry = discourse.actor_for(phrase, states=states)
    if entry is None:
        return None
    return _AnaphoricActor(lead.start(), start + len(words), phrase, entry.norm, lead.start(),
                           start + len(words), discourse.actor_reason(phrase, entry))


@dataclass(frozen=True, slots=True)
class _AnaphoricActor(ActorMention):
    """An actor named by reference ("they", "its fighters"), with why it means whom."""

    reason: str | None = None


def _demonym_actor_at(sentence: str, pos: int) -> ActorMention | None:
    """Return the country a demonym right at ``pos`` names ("under Ukrainian control")."""
    word = re.match(r"[A-Z][a-z]+", sentence[pos:pos + 40])
    if word is None or not is_demonym(word.group(0)):
        return None
    iso = country_of_adjective(word.group(0))
    norm = country_name(iso) if iso else None
    if norm is None:
        return None
    start, end = pos + word.start(), pos + word.end()
    return ActorMention(start, end, word.group(0), norm, start, end)


def _actor_after(pos: int, actors: list[ActorMention], limit: int = 60) -> ActorMention | None:
    cands = [a for a in actors if a.start >= pos and a.start - pos <= limit]
    return cands[0] if cands else None
