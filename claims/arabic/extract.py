"""Arabic text to :class:`~claims.model.DistanceClaim` / :class:`~claims.model.ControlClaim`.

The article is geoparsed once (the gazetteer's Arabic recognizer and the shared resolver),
split into sentences, and each sentence is read by the distance and control rules on its
folded text; places are the recognized mentions, actors the Arabic aliases of
``conflicts.json``, dates are read against the publication date. The conflict is the one
the actors named belong to, else the one whose country the places lie in; generic actor
words (الجيش، المتمردون) are normalized through it where that is unambiguous.

The article is read as a discourse (:class:`claims.discourse.Discourse`): "المدينة",
"عليها" mean the most recent compatible place named before (earlier in the sentence
first), "قواته" the most recent actor, each claim saying why in ``place_reason`` /
``actor_reason``; where nothing fits, the statement is dropped.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from claims.arabic.actors import (
    ArabicActor,
    find_arabic_actor_references,
    find_arabic_actors,
    find_arabic_generic_actors,
    generic_norm,
    merge_appositions,
    normalize_by_war,
)
from claims.arabic.antecedents import article_antecedent, sentence_antecedent
from claims.arabic.clauses import REPORTING_WORDS, list_member_after
from claims.arabic.control import (
    _NOT_SLOT_RE,
    ArabicControl,
    PlaceSpan,
    facility_name_slots,
    find_arabic_control,
    is_locator,
    is_trigger_word,
    name_slots,
    object_locator_slots,
    subject_slots,
)
from claims.arabic.date_context import carried_date
from claims.arabic.dates import arabic_event_date, has_date_phrase
from claims.arabic.demonyms import find_arabic_demonym_actors, force_countries
from claims.arabic.distance import find_arabic_distances
from claims.arabic.list_members import STOP_LISTED_MEMBER, stop_listed_member
from claims.arabic.references import find_facility_spans, find_reference_spans
from claims.arabic.text import fold, split_arabic_sentences
from claims.arabic.unread_places import (
    FACILITY_UNREAD_NAME,
    LISTED_UNREAD_MEMBER,
    after_plural_noun,
    located_facility,
    unplaced_mention,
    unread_name,
)
from claims.discourse import REFERENCE_NOUNS, Discourse, PlaceEntry, place_kind
from claims.model import ControlClaim, DistanceClaim, Provenance
from gazetteer.model import Candidate, Mention, Place

if TYPE_CHECKING:
    from claims.actors import Conflict

__all__ = ["extract_arabic_claims"]

log = logging.getLogger("conflictmap.claims.arabic")


def _mentions(text: str, resolve: bool) -> list[Mention]:
    from gazetteer.geoparse import get_geoparser

    parser = get_geoparser()
    if resolve:
        return parser.geoparse(text)
    from gazetteer.arabic_recognize import find_arabic_places

    return [Mention(s.start, s.end, s.text, ()) for s in
            find_arabic_places(text, parser.arabic_places)]


#: Rule "water": a sea, gulf, strait, lake or river (البحر الأحمر، خليج عدن، نهر الفرات) is
#: where ships are hit or rivers crossed, never a place held; unless a place noun makes it
#: an administrative name (ولاية البحر الأحمر).
_WATER_RE = re.compile(r"[وفبل]?(?:ال)?(?:بحر|خليج|مضيق|بحيره|نهر|قناه)(?![\w])")
_ADMIN_BEFORE_RE = re.compile(r"(?<![\w])[وفب]?(?:ال)?(?:ولاي|محافظ|اقليم|مدين)\S*\s+$")


def _water(folded: str, mention: Mention) -> bool:
    """Whether a mention names a body of water (rule "water"), not a place to hold."""
    return _WATER_RE.match(folded, mention.start) is not None and \
        _ADMIN_BEFORE_RE.search(folded, max(0, mention.start - 16), mention.start) is None


#: A place noun right before a word: then the word is a name (قرية حصار), not a statement.
_PLACE_NOUN_BEFORE_RE = re.compile(r"(?<![\w])[وفب]?(?:ال)?(?:مدين|بلد|قري|منطق|مديري|محافظ|ولاي|"
                                   r"ناحي|حي|مخيم)\S*\s+$")


#: Words before a name that make it a leader, not a place: "التحالف بقيادة السعودية".
_LEADER_BEFORE_RE = re.compile(r"(?<![\w])(?:بقياده|بزعامه|تقوده|يقوده)\s+$")


def _statement_word(folded: str, mention: Mention) -> bool:
    """Whether a mention is a control verb or verbal noun (حصار), or names a leader.

    A country after بقيادة leads a coalition (التحالف بقيادة السعودية): no place of a
    statement either.
    """
    if _LEADER_BEFORE_RE.search(folded, max(0, mention.start - 12), mention.start):
        return True
    word = folded[mention.start:mention.end]
    if " " in word.strip() or not is_trigger_word(word):
        return False
    return _PLACE_NOUN_BEFORE_RE.search(folded, max(0, mention.start - 16),
                                        mention.start) is None


def _country_subjects(folded: str, text: str, mentions: Sequence[Mention],
                      actors: Sequence[ArabicActor], conflict: str | None) -> list[ArabicActor]:
    """Countries that stand as the subject of a control verb: the war's actor for them.

    A capital counts only as a speaker (rule "country speaks": "قالت كييف إن قواتها").

    "قصفت إسرائيل مدينة رفح"، "روسيا سيطرت على": a country right after a control verb
    (VSO) or right before one (SVO, قد between allowed) is the side that acts, when the war
    has an actor standing for that country (:func:`claims.arabic.demonyms.country_actor`).
    A country after a preposition or as the object (دخلت القوات أوكرانيا) stays a place.
    """
    from claims.arabic.demonyms import country_actor

    out = []
    for m in mentions:
        place = m.place
        if place is None:
            continue
        country = place.precision == "country" or place.feature_code == "PCLI"
        if not country and place.feature_code != "PPLC" or \
                any(a.start < m.end and m.start < a.end for a in actors):
            continue  # (the overlap is asked last: most mentions are no country)
        norm = country_actor(conflict, place.country_code)
        if norm is None:
            continue
        before = folded[max(0, m.start - 20):m.start].split()
        after = _COUNTRY_AFTER_RE.match(folded, m.end)
        speaks = bool(before) and _country_speaks(folded, before[-1], m.end)
        if not country and not speaks:
            continue  # a capital stands for its government only as a speaker
        # "التي تسيطر عليها روسيا": after the verb and its pronoun object (rule "country
        # after its verb's pronoun")
        after_pronoun = len(before) >= 2 and _PREP_PRONOUN_RE.fullmatch(before[-1]) is not None \
            and _verb_like(before[-2])
        if before and _verb_like(before[-1]) or after and _verb_like(after["word"]) or speaks \
                or after_pronoun:
            out.append(ArabicActor(m.start, m.end, text[m.start:m.end], norm,
                                   (conflict,) if conflict else (), "name"))
    return out


#: Rule "capital admits" (switch; :data:`ADMITTING_WORDS`).
CAPITAL_ADMITS_RULE = True
#: Rule "country speaks": a country, or its capital ("قالت كييف إن قواتها"), right after a
#: reporting word and before a complementizer ("قالت أذربيجان إنها سيطرت"، "أعلنت روسيا
#: أن قواتها") speaks for its side:
#: an actor, so that "إنها" and "قواتها" are that side's (the speaker rules of
#: :mod:`claims.arabic.clauses` keep it from being the agent of an attack it reports).
_COMPLEMENTIZER_AFTER_RE = re.compile(r"\s+(?:ب|و)?ان(?:ها|ه|هم)?(?![\w])")


#: Rule "capital announces a control noun": wire copy drops the complementizer and puts the
#: claim as a verbal noun ("أعلنت موسكو السيطرة على أفدييفكا"، "إعلان كييف سحب قواتها"):
#: the country or capital between a reporting word (or its noun إعلان) and a control
#: noun speaks for its side, so it is the actor and not the place.
CONTROL_NOUNS_AFTER_SPEAKER: tuple[str, ...] = (
    "السيطره", "سيطرتها", "سيطرته", "سحب", "انسحاب", "استعاده", "دخول", "تحرير")
_CONTROL_NOUN_AFTER_RE = re.compile(
    r"\s+(?:" + "|".join(CONTROL_NOUNS_AFTER_SPEAKER) + r")(?![\w])")
#: Reporting nouns that introduce a speaker like their verbs (إعلان كييف سحب قواتها).
REPORTING_NOUNS: tuple[str, ...] = ("اعلان", "تاكيد", "بيان")


#: Rule "capital admits" (:data:`ADMITTING_WORDS`): a state concedes a loss in its own
#: name — "أقرت موسكو السبت بسحب قواتها"، "اعترفت كييف أمس بانسحاب وحداتها"، "أقرت دمشق بأن
#: قواتها انسحبت" —: the country or capital after an admitting verb, a day word allowed
#: between, then بـ + a control noun or a complementizer, speaks for its side, so "قواتها"
#: is that side's forces.
ADMITTING_WORDS: tuple[str, ...] = ("اقر", "اقرت", "اعترف", "اعترفت")
_ADMITTED_RE = re.compile(
    r"(?:\s+(?:امس|اليوم|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت|الاحد))?"
    r"\s+(?:ب?(?:" + "|".join((*CONTROL_NOUNS_AFTER_SPEAKER, "سقوط", "خساره"))
    + r")|(?:ب|و)?ان(?:ها|ه|هم)?)(?![\w])")


def _country_speaks(folded: str, word_before: str, end: int) -> bool:
    """Whether the country ending at ``end`` is the speaker.

    Rules "country speaks", "capital announces a control noun" and "capital admits".
    """
    word = word_before.lstrip("وف")
    if word in ADMITTING_WORDS and CAPITAL_ADMITS_RULE:
        return _ADMITTED_RE.match(folded, end) is not None
    if word in REPORTING_WORDS and _COMPLEMENTIZER_AFTER_RE.match(folded, end) is not None:
        return True
    return (word in REPORTING_WORDS or word.removeprefix("ب") in REPORTING_NOUNS) and \
        _CONTROL_NOUN_AFTER_RE.match(folded, end) is not None


#: A preposition with the place's pronoun between a verb and its subject: عليها، منها، فيها.
_PREP_PRONOUN_RE = re.compile(r"(?:علي|من|في|ب)(?:ها|ه|هما)")


#: Verbs whose statement is a longer phrase (شنت ... غارات على، أحكمت ... قبضتها على).
_LIGHT_VERB_RE = re.compile(r"[وف]?(?:شن|نفذ|اطلق|فرض|بسط|احكم)(?:ت|وا|تا|ا)?")


def _verb_like(word: str) -> bool:
    """Tell whether ``word`` is a control trigger or a light verb (شنت، أحكم)."""
    return is_trigger_word(word) or _LIGHT_VERB_RE.fullmatch(word) is not None


#: The word after a country that may be its verb (SVO), past an optional قد.
_COUNTRY_AFTER_RE = re.compile(r"\s+(?:قد\s+)?(?P<word>[^\s،,.]+)")


#: Rule "slot extended readings" (switch): a word a control verb governs whose first Latin
#: readings find nothing in the war's countries is read with the extended readings too
#: (:func:`gazetteer.arabic_translit.extended_readings`: و as o, ي as e, b/p, f/v, j/g), and
#: kept only for a place in those countries: one a reading spells exactly, else a skeleton
#: hit (which the geoparser keeps only for towns of some size and seats).
SLOT_EXTENDED_READINGS = True
#: Rule :data:`claims.arabic.locator_slots.LOCATOR_SLOT` (switch): when a control verb's
#: object is no place (هجوما على معسكر للجيش), the word after the locating preposition that
#: follows it (في بوريم) is a slot, read as the other slots are.
LOCATOR_SLOT_RULE = True
#: Rule :data:`claims.arabic.list_members.STOP_LISTED_MEMBER` (switch): a stop-listed word
#: ending a list of places a control verb governs (بيحان وعسيلان وعين) is the town it names.
STOP_LISTED_MEMBER_RULE = True
#: Rule :data:`claims.arabic.unread_places.LISTED_UNREAD_MEMBER` (switch): a member of a list
#: a dual or plural place noun announces (بلدتي X وY) that nothing reads is kept unplaced.
LISTED_UNREAD_MEMBER_RULE = True
#: Rule :data:`claims.arabic.unread_places.FACILITY_UNREAD_NAME` (switch): the name after a
#: camp or base noun a control verb governs (سيطرت على مخيم X) is a slot, kept unplaced when
#: nothing reads it.
FACILITY_UNREAD_NAME_RULE = True


def _slot_names(text: str, folded: str, mentions: Sequence[Mention],
                actors: Sequence[ArabicActor], conflict: str | None) -> list[Mention]:
    """Names the gazetteer lacks in Arabic, read where a control verb expects a place.

    The word a trigger governs (:func:`claims.arabic.control.name_slots`: دخولها كيدال),
    or the place a place-first verb follows (:func:`~claims.arabic.control.subject_slots`:
    كيدال سقطت) is read by its Latin spellings, as after a place noun, and kept only when one
    reading lies in the war's countries (the most populous there), so a common word
    read by sound as a far village is no place. Rule "arabic-list-members"
    (:data:`claims.arabic.clauses.LIST_MEMBER_RE`): the members coordinated after a slot
    (بيحان وعسيلان وعين) are slots too, up to the first word that is no place.
    """
    from claims.actors import default_actor_book
    from gazetteer.arabic_recognize import stop_words
    from gazetteer.geoparse import get_geoparser

    info = default_actor_book().conflicts.get(conflict or "")
    if info is None or not info.countries:
        return []
    parser = get_geoparser()
    stops = stop_words()
    out: list[Mention] = []

    def read(start: int, end: int) -> Mention | None:
        word = text[start:end]
        if re.match(r"[وف]", word) or fold(word) in stops or \
                any(a.start < end and start < a.end for a in actors):
            return None
        near = [p for p in parser.arabic_translit_places(word) if p.country_code in info.countries]
        for exact_only in (True, False) if SLOT_EXTENDED_READINGS and not near else ():
            # rule "slot extended readings": و as o, ي as e (ميكيلي: Mekele, not Mikkeli);
            # a place a reading spells exactly first, else the skeleton's (مياوادي: Myawadi)
            near = [p for p in parser.translit_alternatives(word, exact_only=exact_only)
                    if p.country_code in info.countries]
            if near:
                break
        if not near:
            return None
        place = max(near, key=lambda p: p.population)
        reason = "Latin reading of a word a control verb governs, in the war's countries"
        return Mention(start, end, word, (Candidate(place, 1.0, (reason,)),),
                       trace=("arabic-slot-translit",))

    def take(start: int, end: int, known: Mention | None, listed: bool = False) -> int | None:
        """Keep the slot's reading (a known mention or a new one); return where it ends.

        ``listed``: the list follows a dual or plural place noun (rule LISTED_UNREAD_MEMBER).
        """
        found = None if known else read(start, end)
        if found is None and not known and listed and LISTED_UNREAD_MEMBER_RULE and \
                unread_name(folded[start:end], stops, _verb_like) and \
                not any(a.start < end and start < a.end for a in actors):
            found = unplaced_mention(start, end, text[start:end], LISTED_UNREAD_MEMBER)
        if found is not None and all(m.start != found.start for m in out):
            out.append(found)
        return known.end if known else found.end if found else None  # unread: no place

    def overlapping(start: int, end: int) -> Mention | None:
        return next((m for m in mentions if m.start < end and start < m.end), None)

    def place_ending_at(pos: int) -> Place | None:
        return next((m.place for m in (*mentions, *out) if m.end == pos), None)

    def take_list(start: int, end: int) -> None:
        """Take a slot and the members coordinated after it (rule "arabic-list-members")."""
        listed = after_plural_noun(folded, start)
        pos = take(start, end, overlapping(start, end), listed)
        while pos is not None and (member := list_member_after(folded, pos)) is not None:
            known = next((m for m in mentions if m.start <= member[0] < m.end), None)
            word = folded[member[0]:member[1]]
            if not known and word in stops and STOP_LISTED_MEMBER_RULE:
                town = stop_listed_member(folded, *member, place_ending_at(pos),
                                          info.countries, parser.arabic_places)
                if town is not None:  # rule STOP_LISTED_MEMBER: "بيحان وعسيلان وعين"
                    out.append(Mention(member[0], member[1], text[member[0]:member[1]],
                                       (Candidate(town, 1.0, (STOP_LISTED_MEMBER,)),),
                                       trace=(STOP_LISTED_MEMBER,)))
                    pos = member[1]
                    continue
            if not known and (_NOT_SLOT_RE.match(word) or _verb_like(word) or word in stops):
                break  # no place: the list ends
            pos = take(*member, known, listed)

    for start, end in sorted({*name_slots(folded, actors), *subject_slots(folded)}):
        take_list(start, end)
    if FACILITY_UNREAD_NAME_RULE:
        for start, end in facility_name_slots(folded, actors):
            # rule FACILITY_UNREAD_NAME: "سيطرت على مخيم X": X is the camp taken
            if overlapping(start, end) is not None or any(m.start == start for m in out) \
                    or located_facility(folded, end):
                continue  # known, or "مخيم X قرب Y": the event is at Y
            found = read(start, end)
            if found is None and unread_name(folded[start:end], stops, _verb_like, True) and \
                    not any(a.start < end and start < a.end for a in actors):
                found = unplaced_mention(start, end, text[start:end], FACILITY_UNREAD_NAME)
            if found is not None:
                out.append(found)
    if LOCATOR_SLOT_RULE:
        for (o_start, o_end), (start, end) in object_locator_slots(folded, actors):
            # rule LOCATOR_SLOT: the object is no place (معسكر للجيش), the town after في is
            if overlapping(o_start, o_end) is None and \
                    all(not (m.start < o_end and o_start < m.end) for m in out):
                take_list(start, end)
    return out


def _bounded(mentions: list[Mention], conflict: str | None) -> list[Mention]:
    """Drop Latin readings far from the war's countries (:mod:`gazetteer.translit_bounds`)."""
    from claims.actors import default_actor_book
    from gazetteer.geoparse import get_geoparser

    info = default_actor_book().conflicts.get(conflict or "")
    return get_geoparser().bound_translit(mentions, info.countries if info else ())


#: Rule :data:`claims.arabic.war_readings.WAR_COUNTRY_READING` (switch): a small far
#: namesake the Arabic index gave (بيني: Penne, Italy) yields to the war's town its Latin
#: readings find (Beni, DR Congo).
WAR_COUNTRY_READING_RULE = True
#: Rule :data:`claims.arabic.war_readings.WAR_NAMESAKE_UNPLACED` (switch): a far small
#: namesake with no reading in the war's countries is left unplaced, not drawn abroad.
WAR_NAMESAKE_UNPLACED_RULE = True


def _war_readings(mentions: list[Mention], conflict: str | None) -> list[Mention]:
    """Move small far namesakes to the war's town (rule ``WAR_COUNTRY_READING``)."""
    from claims.actors import default_actor_book
    from claims.arabic.war_readings import war_country_readings
    from gazetteer.geoparse import get_geoparser

    info = default_actor_book().conflicts.get(conflict or "")
    if not WAR_COUNTRY_READING_RULE or info is None or not info.countries:
        return mentions
    return war_country_readings(mentions, info.countries, get_geoparser().translit_alternatives,
                                unplace=WAR_NAMESAKE_UNPLACED_RULE)


def _home_era(info: Conflict, published: date | None) -> bool:
    """Whether a home force may vote for war ``info`` (rule "home force", era clause).

    A war whose years have ended (the Chechen wars, whose home country is Russia) takes a
    home force's vote only for an article published in its years: القوات الروسية of today's
    reporting is no vote for a war of 1999. An open war always may.
    """
    last = info.years[1]
    if last is None:
        return True
    return published is not None and info.holds_in(published.year)


def _conflict(actors: Sequence[ArabicActor], mentions: Sequence[Mention],
              hint: str | None, folded: str = "", published: date | None = None) -> str | None:
    """Return the article's war: by its named actors, its places' countries and its forces.

    A name several wars list (تنظيم الدولة، فاغنر) splits its votes between them; a force
    named by the adjective of a war's home country (القوات الموزمبيقية) votes for that war
    (rule "home force"), a foreign one (القوات الروسية in Syria) for none.
    """
    from claims.actors import default_actor_book

    book = default_actor_book()
    if hint and hint in book.conflicts:
        return hint
    votes: Counter[str] = Counter()
    countries = Counter(m.place.country_code for m in mentions if m.place is not None)
    for actor in actors:
        for cid in actor.conflicts:
            votes[cid] += 2 / len(actor.conflicts)
    home = Counter(force_countries(folded))
    for cid, info in book.conflicts.items():
        if info.countries and home[info.countries[0]] and _home_era(info, published):
            votes[cid] += 2 * home[info.countries[0]]
    for cid, info in book.conflicts.items():
        votes[cid] += sum(countries[c] for c in info.countries) if votes or countries else 0
    if not votes:
        return None
    best, hits = votes.most_common(1)[0]
    if hits <= 0:
        return None
    return book.of_its_era(best, votes, published.year) if published else best


def extract_arabic_claims(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    conflict: str | None = None,
    resolve: bool = True,
    mentions: Sequence[Mention] | None = None,
) -> list[DistanceClaim | ControlClaim]:
    """Extract every distance and control claim of an Arabic text (see the module doc)."""
    mentions = list(mentions) if mentions is not None else _mentions(text, resolve)
    folded = fold(text)
    actors_all = find_arabic_actors(folded, text)
    conflict = _conflict(actors_all, mentions, conflict, folded, published)
    actors_all = normalize_by_war(actors_all, conflict)
    mentions = _war_readings(_bounded(mentions, conflict), conflict) if resolve else mentions
    prov = dict(article_id=article_id, source=source, url=url, published=published)
    actors_all = sorted([*actors_all, *find_arabic_demonym_actors(folded, conflict, text,
                                                                  actors_all)],
                        key=lambda a: a.start)
    generic = find_arabic_generic_actors(folded, conflict, text, actors_all)
    refs = find_arabic_actor_references(folded, text, [*actors_all, *generic])
    actors_all = merge_appositions(folded, [*actors_all, *generic, *refs], text)
    actors_all = sorted([*actors_all, *_country_subjects(folded, text, mentions, actors_all,
                                                         conflict)], key=lambda a: a.start)
    if resolve:
        mentions = sorted([*mentions, *_slot_names(text, folded, mentions, actors_all, conflict)],
                          key=lambda m: m.start)
    claims: list[DistanceClaim | ControlClaim] = []
    discourse = Discourse()
    capital = _war_capital(conflict) if resolve and _PALACE_RE.search(folded) else None
    previous_day: date | None = None  # the day the sentence before is about
    previous_own = False
    ordered = sorted(mentions, key=lambda m: m.start)  # stable: sorted input keeps its order
    starts = [m.start for m in ordered]
    actor_starts = [a.start for a in actors_all]  # sorted: actors_all is sorted by start
    longest_actor = max((a.end - a.start for a in actors_all), default=0)
    for s_start, s_end, sentence in split_arabic_sentences(text):
        f_sentence = folded[s_start:s_end]
        # the actors a sentence overlaps start within the longest actor before it, or in it
        upto = bisect_left(actor_starts, s_end)
        nearby = actors_all[bisect_left(actor_starts, s_start - longest_actor):upto]
        near = [a for a in nearby if s_start < a.end]
        inside = [m for m in ordered[bisect_left(starts, s_start):bisect_left(starts, s_end)]
                  if m.end <= s_end
                  and not any(a.start <= m.start < a.end for a in near)
                  and not _statement_word(folded, m) and not _water(folded, m)]
        spans = [PlaceSpan(m.start - s_start, m.end - s_start, m.text) for m in inside]
        place_of: dict[int, Place | None] = {m.start - s_start: m.place for m in inside}
        actors = [ArabicActor(a.start - s_start, a.end - s_start, a.text, a.norm, a.conflicts,
                              a.kind)
                  for a in actors_all[bisect_left(actor_starts, s_start):upto]
                  if a.end <= s_end]
        first, last = arabic_event_date(f_sentence, published)
        own_date = has_date_phrase(f_sentence)
        carried = None if own_date else carried_date(f_sentence, previous_day)
        day_before = previous_day if previous_own else None
        previous_own = own_date
        previous_day = (first if first == last else None) if own_date else \
            carried or previous_day

        def provenance(start: int, end: int, s_start: int = s_start,
                       s_end: int = s_end) -> Provenance:
            return Provenance(text[s_start + start:s_start + end], s_start + start,
                              s_start + end, s_start, s_end, **prov)

        facilities = find_facility_spans(f_sentence, spans)
        ref_spans = [r for r in find_reference_spans(f_sentence, spans)
                     if not any(f.start <= r.start < f.end for f in facilities)] + facilities
        for st in find_arabic_distances(f_sentence, sorted([*spans, *ref_spans],
                                                           key=lambda p: p.start)):
            anchor, anchor_reason = st.anchor.name, None
            anchor_place = place_of.get(st.anchor.start)
            if st.anchor.ref:  # "على مسافة 20 كيلومترا من المدينة"
                entry = _place_reference(st.anchor, spans, place_of, discourse, f_sentence)
                if entry is None:
                    continue
                words = sentence[st.anchor.start:st.anchor.end]
                anchor, anchor_place = entry.name, entry.place
                anchor_reason = discourse.place_reason(words, entry)
            subject_span, subject_place = st.subject, None
            if subject_span is not None and subject_span.ref:  # "تقع المدينة على بعد 20 كم"
                entry = _place_reference(subject_span, spans, place_of, discourse, f_sentence)
                subject_span = None if entry is None or entry.name == anchor \
                    else replace(subject_span, name=entry.name)
                subject_place = None if entry is None else entry.place
            elif subject_span is not None:
                subject_place = place_of.get(subject_span.start)
            before = [a for a in actors if a.end <= st.amount.start and a.kind != "reference"]
            subject, kind = (subject_span.name, "place") if subject_span else (None, "event")
            if before and (subject_span is None or before[-1].start > subject_span.start):
                subject, kind = before[-1].text, "force"
            a = st.amount
            claims.append(DistanceClaim(
                provenance=provenance(st.start, st.end), value_min=a.value_min,
                value_max=a.value_max, unit=a.unit, qualifier=a.qualifier,
                direction=st.direction, subject=subject, subject_kind=kind,
                anchor=anchor, anchor_place=anchor_place, anchor_reason=anchor_reason,
                subject_place=subject_place if kind == "place" else None,
                actor_norm=before[-1].norm if kind == "force" else None,
                event_date=first, event_date_end=last))
        for st in find_arabic_control(f_sentence, [*spans, *ref_spans], actors, sentence):
            claim = _control_claim(st, spans, place_of, actors, discourse, sentence, capital,
                                   conflict)
            if claim is not None:
                day, day_end = first, last
                if carried is not None and st.action != "holds":
                    day = day_end = carried  # rule "days after" (date_context)
                elif (not own_date and day_before is not None and st.place.ref
                      and st.place.ref != "it" and st.action in SAME_OPERATION_ACTIONS):
                    day = day_end = day_before  # rule "the place again"
                claims.append(ControlClaim(
                    provenance=provenance(st.start, st.end), event_date=day,
                    event_date_end=day_end, conflict=conflict, **claim))
        _remember(discourse, spans, place_of, actors, f_sentence, sentence)
        discourse.next_sentence()
    log.debug("%d Arabic claims from %d characters", len(claims), len(text))
    return claims


#: Rule "the place again": a capture or an entry of "المدينة" / "البلدة" told in a sentence
#: with no day of its own, right after a sentence that names one, is the same operation
#: told again ("سيطرت القوات على X يوم السبت. وقال شهود إن وحداتها دخلت المدينة من
#: الشرق"): it keeps that day. Withdrawals, attacks and sieges told after a capture are
#: mostly earlier or still going on ("وكانت القوات قد انسحبت من المدينة"): no day.
SAME_OPERATION_ACTIONS: frozenset[str] = frozenset({"captured", "entered"})


def _control_claim(st: ArabicControl, spans: list[PlaceSpan], place_of: dict[int, Place | None],
                   actors: list[ArabicActor], discourse: Discourse,
                   sentence: str, capital: PlaceEntry | None = None,
                   conflict: str | None = None) -> dict | None:
    """Return a control claim's place and actor fields, references resolved (None: unresolved)."""
    fields: dict = {"action": st.action, "place": st.place.name,
                    "place_ref": place_of.get(st.place.start),
                    "actor": st.actor.text if st.actor else None,
                    "actor_norm": st.actor.norm if st.actor else None,
                    "trace": ("arabic-control", st.rule)}
    if st.place.ref:
        entry = _place_reference(st.place, spans, place_of, discourse, fold(sentence), capital)
        if entry is None:
            return None  # nothing named before fits: nothing is invented
        words = sentence[st.place.start:st.place.end]
        reason = (f"{words} -> {entry.name}, the war's capital (conflicts.json)"
                  if entry is capital else discourse.place_reason(words, entry))
        fields.update(place=entry.name, place_ref=entry.place, place_text=words,
                      place_reason=reason)
    if st.actor is not None and st.actor.kind == "reference":
        named = _actor_reference(st.actor, actors, discourse, fold(sentence))
        if named is None and _BARE_FORCES_RE.fullmatch(fold(st.actor.text)) and \
                not any(a.norm for a in discourse.actors) and \
                not any(a.norm for a in actors if a.end <= st.actor.start):
            norm = generic_norm("القوات الحكوميه", conflict)  # rule "bare forces, the state's"
            named = (norm, f"{st.actor.text} -> {norm}: no force named before, the war's "
                           "government forces") if norm else None
            if norm:  # later references (وحداتها) mean the same forces
                discourse.note_actor(st.actor.text, norm)
        if named is not None:
            norm, reason = named
            fields.update(actor_norm=norm, actor_reason=reason)
    return fields


#: Rule "bare forces, the state's": "القوات" with no side named anywhere before it in the
#: article is the government's of the war (its actor listing "القوات الحكومية"), as the
#: probe sets' convention normalizes it ("القوات" in a Somali article: Somali government).
_BARE_FORCES_RE = re.compile(r"[وفبل]?القوات")


#: Only an article naming a palace or "the capital" needs the war's capital resolved.
_PALACE_RE = re.compile(r"قصر\s+(?:ال)?(?:جمهوري|رياسي)|(?<![\w])[وفبل]?(?:ال|لل)عاصمه(?![\w])")


@lru_cache(maxsize=64)
def _war_capital(conflict: str | None) -> PlaceEntry | None:
    """Return the war's capital (``conflicts.json``) resolved in its first country, or None."""
    from claims.actors import default_actor_book
    from gazetteer import resolve_name

    info = default_actor_book().conflicts.get(conflict or "")
    if info is None or not info.capital:
        return None
    country = info.countries[0] if info.countries else None
    found = [c for c in resolve_name(info.capital, country_hint=country)
             if country is None or c.place.country_code == country]
    return PlaceEntry(info.capital, "capital", -1, found[0].place) if found else None


def _place_reference(ref: PlaceSpan, spans: list[PlaceSpan], place_of: dict[int, Place | None],
                     discourse: Discourse, folded: str,
                     capital: PlaceEntry | None = None) -> PlaceEntry | None:
    """Return the place a reference means, or None when nothing named before fits.

    The palace (القصر الجمهوري) with no capital named before is in ``capital``, the war's
    capital of ``conflicts.json``; so is "العاصمة" (rule "the capital"), which never means
    a town that is no capital ("تقدمت من محور قصر بن غشير نحو العاصمة": Tripoli).

    A pronoun (عليها) may mean a place named earlier in its sentence, not one that only
    locates another ("سراقب في ريف إدلب ... عليها" is Saraqib); a noun (المدينة) means a
    place of an earlier sentence, as in English (the sentence names its own places).
    """
    noun = ref.ref or ""
    if noun == "capital":  # rule "the capital": a capital named before, else the war's
        return discourse.place_for("palace") or capital or discourse.place_for(noun)
    entry = None if noun == "it" else discourse.place_for(noun)
    return entry or _earlier_in_sentence(ref, spans, place_of, discourse, folded) or \
        (discourse.place_for(noun) if noun == "it" else None) or \
        (capital if noun == "palace" else None)


def _earlier_in_sentence(ref: PlaceSpan, spans: list[PlaceSpan],
                         place_of: dict[int, Place | None], discourse: Discourse,
                         folded: str) -> PlaceEntry | None:
    """Return the latest place of the sentence before ``ref`` that it can mean, not a locator."""
    kinds = REFERENCE_NOUNS.get(ref.ref or "", frozenset())
    before = [s for s in spans if s.end <= ref.start and not s.ref]
    for i in range(len(before) - 1, -1, -1):
        span = before[i]
        if is_locator(folded, span, before[i - 1] if i else None):
            continue  # "X في ريف Y": Y only says where X is
        place = place_of.get(span.start)
        kind = place_kind(place)
        if kind in kinds:
            return PlaceEntry(span.name, kind, discourse.sentence, place)
    return None


def _actor_reference(ref: ArabicActor, actors: list[ArabicActor], discourse: Discourse,
                     folded: str) -> tuple[str, str] | None:
    """Return the actor "قواته" stands for, and why: the latest actor named before it.

    Earlier in the sentence first ("قالت قوات الدعم السريع إن قواتها دخلت ..."): the
    speaker of its reported clause, else the latest actor its suffix agrees with; then the
    article's earlier sentences under the same agreement (:mod:`claims.arabic.antecedents`).
    """
    actor = sentence_antecedent(folded, ref, actors)
    if actor is not None and actor.norm:
        return actor.norm, f"{ref.text} -> {actor.norm}, named earlier in the sentence"
    entry = article_antecedent(ref, discourse)
    if entry is None or entry.norm is None:
        return None
    return entry.norm, discourse.actor_reason(ref.text, entry)


def _remember(discourse: Discourse, spans: list[PlaceSpan], place_of: dict[int, Place | None],
              actors: list[ArabicActor], folded: str, sentence: str) -> None:
    """Note the sentence's places and named actors for the references of later sentences.

    Places that only locate another (جنوب طرابلس، على بعد 90 كم من طرابلس) are noted
    first, so the places the sentence is about are the most recent. A name after a
    facility noun ("مطار الحديدة") is also noted as that facility, for a later "المطار".
    """
    located = [is_locator(folded, span, spans[i - 1] if i else None)
               for i, span in enumerate(spans)]
    ordered = [s for s, loc in zip(spans, located, strict=True) if loc] + \
        [s for s, loc in zip(spans, located, strict=True) if not loc]
    for span in ordered:
        place = place_of.get(span.start)
        discourse.note_place(span.name, place_kind(place), place)
        facility = _FACILITY_RE.search(folded, max(0, span.start - 12), span.start)
        if facility is not None:
            discourse.note_place(sentence[facility.start("noun"):span.end],
                                 FACILITY_KINDS[facility["noun"]], place)
    for actor in actors:
        if actor.kind != "reference":
            discourse.note_actor(actor.text, actor.norm)


#: Facility nouns before a name -> the kind of place they make it (for later references).
FACILITY_KINDS: dict[str, str] = {"مطار": "airport", "قاعده": "base", "ميناء": "port",
                                  "مخيم": "camp", "جسر": "bridge", "معبر": "crossing"}
_FACILITY_RE = re.compile(r"(?<![\w])[وفب]?(?P<noun>" + "|".join(FACILITY_KINDS) + r")\s+$")
