"""Recognize place names in Arabic text with the gazetteer itself (no NER model ships here).

Longest match over word tokens: at each word, the longest run of up to
:data:`MAX_NAME_WORDS` words whose key the gazetteer knows is a place (دير الزور before
دير). A word is first looked up whole, so names that begin with a clitic-looking letter
(سرت, بنغازي, كركوك, فزان) are never cut; only when the whole word failed are the clitics
tried: a conjunction و/ف, then a preposition ب/ل/ك, then the article ال (وبالخرطوم,
للخرطوم = ل + الخرطوم). The span then covers the name without its clitics.

Gazetteer names that are also common Arabic words or personal names (سالم, جبل, دار,
the number words ...) are listed in ``data/arabic_stop_words.txt``; they count as places
only right after a place noun (مدينة سالم, بلدة ...). A place noun starts no name itself:
in "مدينة سرت" the name is سرت. A single word is kept only if one of its readings is a
country, a region, a reviewed place, a town of 3,000 people in an Arabic-speaking
country or a city of 100,000 elsewhere, so the Persian and Urdu alternate names of far-away villages
GeoNames carries do not turn Arabic words into places.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from gazetteer.arabic import arabic_key
from gazetteer.arabic_prepositions import preposition_town as _preposition_town
from gazetteer.model import Place
from gazetteer.recognize import Span

__all__ = ["ADJECTIVE_AGREEMENT", "FACILITY_NAME", "FACILITY_NOUNS", "LISTED_NEIGHBOUR",
           "LIST_OPENERS",
           "MAX_NAME_WORDS", "NOUN_ADJECTIVES", "NOUN_WHOLE_WORD",
           "PLACE_NOUNS", "REPEATED_NAME", "TRANSLIT_COMPOUND", "clitic_readings",
           "find_arabic_places",
           "organisation_names", "stop_words"]

MAX_NAME_WORDS = 4
STOP_WORDS_FILE = Path(__file__).resolve().parent / "data" / "arabic_stop_words.txt"
ORGANISATIONS_FILE = Path(__file__).resolve().parent / "data" / "arabic_organisations.txt"
#: Nouns that introduce a place name: after one, even a stop-listed word is a place.
PLACE_NOUNS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "مدينة", "بلدة", "قرية", "منطقة", "محافظة", "ولاية", "إقليم", "مدن", "بلدات", "قرى",
    "مديرية", "شعبية", "ميناء", "حي", "ضاحية", "مدينتي", "بلدتي", "العاصمة", "قضاء",
    "ناحية", "مخيم", "المدينة", "البلدة", "القرية", "منطقة", "ريف", "عاصمة",
    # facilities and settlements named by what follows (FACILITY_NOUNS)
    "مطار", "قاعدة", "معبر", "مستوطنة", "مستوطنات",
))
#: Place nouns of facilities: the name after one is a place (مطار مدينة مروي، معبر رفح،
#: مستوطنة المطلة), and the noun is never a name alone, only the head of a longer name the
#: gazetteer knows (قاعدة الوطية).
FACILITY_NOUNS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "مطار", "قاعدة", "معبر", "مستوطنة", "مستوطنات",
))
#: Countries whose towns' Arabic names are trusted as single words.
ARABIC_SPEAKING = frozenset(
    "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SS SY TN AE YE EH TD ER IL".split())
MIN_FOREIGN_POPULATION = 100_000
#: A single word naming only hamlets (under this population) is more often a common word;
#: population 0 is "unknown" in GeoNames (Tal Afar has it) and is trusted.
MIN_LOCAL_POPULATION = 3_000
#: Prepositions, conjunctions and particles: never a name nor inside one (no lookup).
FUNCTION_WORDS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "في", "من", "على", "إلى", "عن", "مع", "بعد", "قبل", "منذ", "حتى", "أن", "إن", "قد",
    "لقد", "كما", "التي", "الذي", "الذين", "هذا", "هذه", "ذلك", "تلك", "أو", "ثم", "لا",
    "لم", "لن", "ما", "هو", "هي", "هم", "وقد", "وفي", "ومن", "كان", "كانت", "بين", "عند",
    "خلال", "نحو", "حيث", "فيما", "بينما", "وقال", "قال", "قالت", "وأن", "بأن", "إنه",
    "دون", "بدون", "عبر", "ضد", "لدى",
))
#: Adjectives that follow a place noun and are not its name: "قاعدة عسكرية"، "مطار دولي"،
#: "بلدة حدودية" (masculine; the feminine adds ة, the definite ال).
NOUN_ADJECTIVES: frozenset[str] = frozenset(arabic_key(f"{al}{w}{end}") for w in (
    "عسكري", "جوي", "بحري", "دولي", "رئيسي", "حدودي", "ساحلي", "نفطي", "متقدم", "امامي",
    "مجاور", "قريب", "جديد", "قديم", "صغير", "كبير", "استراتيجي", "حيوي", "محلي", "تابع",
    "شمالي", "جنوبي", "شرقي", "غربي", "مدني", "سكني", "صناعي", "زراعي",
) for al in ("", "ال") for end in ("", "ة"))
_WORD_RE = re.compile("[\u0621-\u065f\u0670-\u06d3\u06fa-\u06ff]+")
_CONJUNCTIONS = ("و", "ف")
_PREPOSITIONS = ("ب", "ل", "ك")


class _Word(NamedTuple):
    """One Arabic word of the text: its offsets, its text and its :func:`arabic_key`.

    A named tuple, as :class:`gazetteer.recognize.Token` is: a text has one per word and a
    tuple is built several times faster than a frozen dataclass (immutable all the same).
    """

    start: int
    end: int
    text: str
    key: str


#: ``tuple.__new__`` skips the named tuple's Python-level ``__new__``: a word per word.
_new_word = tuple.__new__


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Keys of the Arabic gazetteer names that are usually not places in running text."""
    words: set[str] = set()
    for line in STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(arabic_key(line))
    return frozenset(words)


@lru_cache(maxsize=1)
def organisation_names() -> frozenset[tuple[str, ...]]:
    """Word keys of the organisations whose names hold a place name (arabic_organisations.txt)."""
    names: set[tuple[str, ...]] = set()
    for line in ORGANISATIONS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            names.add(tuple(arabic_key(w) for w in line.split()))
    return frozenset(names)


@lru_cache(maxsize=1)
def _organisation_firsts() -> frozenset[str]:
    return frozenset(name[0] for name in organisation_names())


def _covered_words(words: Sequence[_Word], spans: Sequence[Span]) -> list[bool]:
    """For each word, whether one of ``spans`` (sorted, not overlapping) overlaps it."""
    flags = [False] * len(words)
    j = 0
    for i, word in enumerate(words):
        while j < len(spans) and spans[j].end <= word.start:
            j += 1
        flags[i] = j < len(spans) and spans[j].start < word.end
    return flags


@lru_cache(maxsize=65536)
def _reading_keys(word: str) -> frozenset[str]:
    """Return the keys of a word form's :func:`_keyed_readings`, per word form.

    The scans over every word of an article ask first whether one of them is in a small
    set (facility nouns, a found name's first word): a set test, not a loop per word.
    """
    return frozenset(key for _c, _r, key in _keyed_readings(word))


def _inside_organisations(words: Sequence[_Word]) -> set[int]:
    """Indexes of the words that belong to an organisation's name (قوات سوريا الديمقراطية).

    The first word may carry a clitic (وقوات، لهيئة); the longest name wins.
    """
    names = organisation_names()
    firsts = _organisation_firsts()
    inside: set[int] = set()
    for i, word in enumerate(words):
        if firsts.isdisjoint(_reading_keys(word.text)):
            continue
        heads = [k for _c, _r, k in _keyed_readings(word.text)]
        best = 0
        for name in names:
            n = len(name)
            if n > best and name[0] in heads and \
                    tuple(w.key for w in words[i + 1:i + n]) == name[1:]:
                best = n
        inside.update(range(i, i + best))
    return inside


@lru_cache(maxsize=65536)
def clitic_readings(word: str) -> tuple[tuple[int, str], ...]:
    """Return ``(letters cut, rest)`` readings of a word without its proclitics, longest rest first.

    The whole word is not among them (it is always tried first). للخرطوم reads as
    ل + الخرطوم, whose alef the preposition swallows: the name part is خرطوم.

    >>> clitic_readings("وبالخرطوم")
    ((1, 'بالخرطوم'), (2, 'الخرطوم'), (4, 'خرطوم'))
    >>> clitic_readings("للخرطوم"), clitic_readings("وللخرطوم")
    (((1, 'لخرطوم'), (2, 'خرطوم')), ((1, 'للخرطوم'), (2, 'لخرطوم'), (3, 'خرطوم')))
    """
    readings: list[tuple[int, str]] = []

    def add(cut: int, rest: str) -> None:
        if len(rest) >= 2 and (cut, rest) not in readings:  # أم of أم درمان
            readings.append((cut, rest))

    heads = [(0, word)]
    if word[:1] in _CONJUNCTIONS:
        heads.append((1, word[1:]))
    for cut, rest in list(heads):
        if rest[:1] in _PREPOSITIONS:
            heads.append((cut + 1, rest[1:]))
    for cut, rest in heads[1:]:
        add(cut, rest)
    for cut, rest in heads:
        # the article, and ل + ال written لل (the preposition swallows the alef)
        if rest.startswith(("ال", "لل")):
            add(cut + 2, rest[2:])
    readings.sort(key=lambda r: (r[0], -len(r[1])))
    return tuple(readings)


#: Words that open a list of places named as members of a plural ("دخلت عدة قرى، بينها
#: كفرشوبا"): the word after one is read as after a place noun.
LIST_OPENERS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "بينها", "ابرزها", "أبرزها", "أهمها", "اهمها", "فيها",
))


@lru_cache(maxsize=65536)
def _is_place_noun(word: str) -> bool:
    return any(arabic_key(r) in PLACE_NOUNS for _c, r in [(0, word), *clitic_readings(word)])


def _trusted(places: Sequence[Place]) -> bool:
    return any(
        p.feature_code in ("PCLI", "ADM1", "CONT") or p.precision in ("country", "region")
        or p.source in ("curated", "user")
        or (p.country_code in ARABIC_SPEAKING
            and (p.population >= MIN_LOCAL_POPULATION or p.population == 0))
        or p.population >= MIN_FOREIGN_POPULATION
        for p in places)


def find_arabic_places(
    text: str, places_for: Callable[[str], Sequence[Place]],
    heads: frozenset[str] | None = None,
    translit_for: Callable[[str], Sequence[Place]] | None = None,
    repeat_names: bool = True,
    facility_names: bool = True,
    adjective_agreement: bool = True,
    translit_compound: bool = True,
    noun_whole_word: bool = True,
    listed_neighbour: bool = True,
    preposition_town: bool = True,
) -> list[Span]:
    """Return the place-name spans of an Arabic text, left to right, without overlaps.

    ``places_for`` maps a surface name to the gazetteer entries it may denote (the
    geoparser's strict lookup); the spans carry them. ``heads`` (the first words of the
    gazetteer's multi-word Arabic names, when known) spares lookups of word runs that
    cannot be a name. ``translit_for`` maps a name the gazetteer lacks in Arabic to the
    places its Latin readings find; it is asked only right after an indefinite place noun
    (مدينة خاركيف) or a compass word (شرق خيرسون), where the word is a name whatever it
    spells. With ``repeat_names`` (rule :data:`REPEATED_NAME`), a name found once is found
    wherever else the text repeats it. With ``facility_names`` (rule :data:`FACILITY_NAME`),
    a facility noun, its name and a closing adjective are one span (مجمع الشفاء الطبي).
    With ``adjective_agreement`` (rule :data:`ADJECTIVE_AGREEMENT`), a masculine adjective
    after a feminine place noun is a name (مدينة بحري). With ``translit_compound`` (rule
    :data:`TRANSLIT_COMPOUND`), a name of up to three words after a place noun is read
    through its Latin spelling before its first word alone (بلدة بولو بورتي). With
    ``noun_whole_word`` (rule :data:`NOUN_WHOLE_WORD`), no clitic is cut after a place noun.
    With ``listed_neighbour`` (rule :data:`LISTED_NEIGHBOUR`), و + a word right after a name
    is read by its Latin spelling when that finds a place in the name's country.
    With ``preposition_town`` (rule :data:`~gazetteer.arabic_prepositions.PREPOSITION_TOWN`),
    a bare word after a preposition of place is a town of some size (نحو أغدام).
    """
    words = [_new_word(_Word, (*m.span(), w, _word_key(w)))
             for m in _WORD_RE.finditer(text) for w in (m.group(),)]
    stops = stop_words()
    reach = _name_reach(text, words)
    spans: list[Span] = []
    i = 0
    listing = False  # the last span was a name in a list opened by a place noun
    organisations = _inside_organisations(words)
    while i < len(words):
        if i in organisations:  # "قوات سوريا الديمقراطية": part of a group's name
            listing = False
            i += 1
            continue
        found = _match_at(text, words, i, places_for, stops, heads, reach[i],
                          adjective_agreement, noun_whole_word)
        if found is not None and found[1] == 1 and translit_compound and \
                translit_for is not None:
            found = _compound_after_noun(text, words, i, found[0], translit_for,
                                         stops) or found
        if found is None and translit_for is not None:
            found = _translit_at(text, words, i, translit_for, stops, adjective_agreement,
                                 translit_compound)
            if found is None and spans and _joined_by_and(text, spans[-1], words[i]) and (
                    listing or listed_neighbour):
                found = _listed_translit(words[i], words[i + 1] if i + 1 < len(words) else None,
                                         translit_for, stops)
                if found is not None and not listing and not _same_country(spans[-1], found[0]):
                    found = None  # rule LISTED_NEIGHBOUR: only a neighbour of the name before
        if found is None and preposition_town and i > 0:
            towns = _preposition_town(words[i - 1].key, words[i].text, stops, places_for)
            found = (Span(words[i].start, words[i].end, words[i].text, towns), 1) if towns \
                else None
        if found is None:
            listing = False
            i += 1
            continue
        span, used = found
        listing = i > 0 and (_is_plural_place_noun(words[i - 1].text) or listing
                             and _joined_by_and(text, spans[-1], words[i]))
        spans.append(span)
        i += used
    spans = _facility_names(text, words, spans) if facility_names else spans
    return _repeated_names(text, words, spans, stops, organisations) if repeat_names else spans


#: Rule name: after a place noun, a word is read whole or without its article only, never
#: cut of a conjunction or a preposition (مدينة بارا is Bara in Sudan, not ب + Arrah):
#: Arabic puts neither between a noun and the name it governs.
NOUN_WHOLE_WORD = "arabic-noun-whole-word"
#: Rule name: "من إيزيوم وبالاكليا": و + a word right after a name, read by its Latin
#: spelling (as in a list a plural place noun opens), is a place when a reading lies in the
#: country of the name before; a list names places together, a verb (وتقدمت) finds none.
LISTED_NEIGHBOUR = "arabic-listed-neighbour"


def _same_country(before: Span, span: Span) -> bool:
    """Whether a place of ``span`` lies in the country of a place of ``before``."""
    countries = {p.country_code for p in before.places if p.country_code}
    return any(p.country_code in countries for p in span.places)


#: Rule name of :func:`_is_adjective_of`: an adjective must agree with its place noun.
ADJECTIVE_AGREEMENT = "arabic-adjective-agreement"
#: Place nouns that are feminine (an adjective of theirs ends in ة): singulars in ة and
#: the plurals of things, which take the feminine singular (مدن كبيرة، قرى مجاورة).
_FEMININE_NOUNS: frozenset[str] = frozenset(k for k in PLACE_NOUNS if k.endswith("ه")) | \
    frozenset(arabic_key(w) for w in ("مدن", "قرى", "بلدات", "مستوطنات", "مناطق"))


@lru_cache(maxsize=65536)
def _is_adjective_of(noun: str, key: str, agreement: bool = True) -> bool:
    """Whether the word of key ``key`` after the word ``noun`` is the noun's adjective.

    One of :data:`NOUN_ADJECTIVES` is, unless (rule :data:`ADJECTIVE_AGREEMENT`) a
    masculine one follows a feminine noun (:data:`_FEMININE_NOUNS`): an Arabic adjective
    agrees with its noun, so "مدينة بحري" is the city of Bahri, not a naval city
    (مدينة بحرية), while "ميناء بحري" and "قاعدة بحرية" stay a noun and its adjective.

    >>> _is_adjective_of("مدينة", arabic_key("بحري")), _is_adjective_of("بمدينة", "بحريه")
    (False, True)
    >>> _is_adjective_of("ميناء", arabic_key("بحري")), _is_adjective_of("مدينة", "بحري", False)
    (True, True)
    """
    if key not in NOUN_ADJECTIVES:
        return False
    if not agreement or key.endswith("ه"):
        return True
    return not any(k in _FEMININE_NOUNS for _c, _r, k in _keyed_readings(noun))


#: Rule name (trace step, ``disabled`` switch) of :func:`_facility_names`.
FACILITY_NAME = "arabic-facility-name"
#: Nouns that head a facility's name (مطار حامد كرزاي الدولي، مجمع الشفاء الطبي).
FACILITY_HEADS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "مطار", "قاعدة", "مستشفى", "مجمع", "معبر", "ميناء", "سجن", "مصفاة", "حقل", "سد", "جسر",
))
#: Adjectives that close a facility's name: with one, the words between are its name.
FACILITY_ADJECTIVES: frozenset[str] = frozenset(arabic_key(w) for w in (
    "الدولي", "الجوية", "الجوي", "الطبي", "الطبية", "العسكرية", "العسكري", "البحرية",
    "البحري", "النفطي", "النفطية", "الحدودي", "الحدودية", "المركزي", "المركزية",
))
#: Most words of a facility's name between its noun and its adjective.
MAX_FACILITY_NAME_WORDS = 3


def _facility_names(text: str, words: Sequence[_Word], spans: list[Span]) -> list[Span]:
    """Add facilities named by a noun, up to three words and a closing adjective.

    "مطار حامد كرزاي الدولي"، "قاعدة العند الجوية"، "مجمع الشفاء الطبي": the gazetteer
    lacks most of them, but the noun and the adjective mark the name as plainly as capitals
    would. The span has no place of its own; the resolver places it as any facility the
    gazetteer lacks (the town it is in, marked approximate). The palace (القصر الجمهوري) is
    left to the claims layer, which puts it in the war's capital. A reference (مطار المدينة
    الدولي), a function word or an adjective inside ends nothing.
    """
    covered = _covered_words(words, spans)
    added: list[Span] = []
    blocked = 0  # the end of the last facility added: no word before it starts another
    for i, word in enumerate(words):
        if covered[i] or word.start < blocked or \
                FACILITY_HEADS.isdisjoint(_reading_keys(word.text)):
            continue
        end = None
        cut = next((c for c, _r, k in _keyed_readings(word.text) if k in FACILITY_HEADS
                    and not word.text[:c].endswith(("ال", "لل"))), None)  # المستشفى: no name
        if cut is None:
            continue
        for n in range(1, MAX_FACILITY_NAME_WORDS + 1):
            last = i + n + 1
            if last >= len(words) or not _joined(text, words, i, n + 2):
                break
            name = words[i + 1:i + n + 1]
            if any(w.key in FUNCTION_WORDS or w.key in REFERENCE_WORDS
                   or w.key in NOUN_ADJECTIVES or w.key in FACILITY_ADJECTIVES
                   or w.key in FACILITY_HEADS or w.key in PLACE_NOUNS for w in name):
                break
            if words[last].key in FACILITY_ADJECTIVES:
                end = last
                break
        if end is None or any(covered[i + 1:end + 1]):
            continue
        start, stop = word.start + cut, words[end].end
        added.append(Span(start, stop, text[start:stop], (), ("arabic-gazetteer", FACILITY_NAME)))
        blocked = stop
    return sorted(spans + added, key=lambda s: s.start) if added else spans


#: Rule name (trace step, ``disabled`` switch) of :func:`_repeated_names`.
REPEATED_NAME = "arabic-repeated-name"


def _repeated_names(text: str, words: Sequence[_Word], spans: list[Span],
                    stops: frozenset[str], organisations: set[int]) -> list[Span]:
    """Add the other occurrences of the names already found, with the same places.

    Arabic has no capitals, so a name is found by what stands before it: "مدينة كيدال"
    is a place, and the next sentence's "وتبعد كيدال" has nothing to show it. Within one
    article a name means one thing, so every whole-word occurrence of a found name
    (clitics allowed, as for any lookup) is that place too. Stop-listed names (سالم) are
    not repeated: after a place noun they are places, elsewhere most often the word; nor is
    a word inside an organisation's name (``organisations``, word indexes).
    """
    names: dict[tuple[str, ...], Span] = {}
    for span in spans:
        key = tuple(_word_key(w) for w in _WORD_RE.findall(span.text))
        if key and (len(key) > 1 or len(key[0]) >= 3) and not (
                len(key) == 1 and (key[0] in stops or key[0] in FUNCTION_WORDS)):
            names.setdefault(key, span)
    if not names:
        return spans
    longest = max(len(k) for k in names)
    firsts = {k[0] for k in names}
    covered = _covered_words(words, spans)
    added: list[Span] = []
    blocked = 0  # the end of the last name added
    for i, word in enumerate(words):
        if covered[i] or word.start < blocked or i in organisations or \
                firsts.isdisjoint(_reading_keys(word.text)):
            continue
        readings = [r for r in _keyed_readings(word.text) if r[2] in firsts]
        if not readings:
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            if n > 1 and (not _joined(text, words, i, n) or any(covered[i + 1:i + n])):
                continue
            tail = tuple(w.key for w in words[i + 1:i + n])
            found = next(((cut, names[(key, *tail)]) for cut, _rest, key in readings
                          if (key, *tail) in names), None)
            if found is None:
                continue
            cut, first = found
            start, end = word.start + cut, words[i + n - 1].end
            added.append(Span(start, end, text[start:end], first.places,
                              (*(first.trace or ("arabic-gazetteer",)), REPEATED_NAME)))
            blocked = end
            break
    return sorted(spans + added, key=lambda s: s.start) if added else spans


#: Plural and dual place nouns: a list of names follows (مدن X وY وZ، بلدتي X وY).
PLURAL_PLACE_NOUNS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "مدن", "بلدات", "قرى", "مدينتي", "بلدتي", "قريتي", "مناطق", "مدينتين", "بلدتين",
))


@lru_cache(maxsize=65536)
def _is_plural_place_noun(word: str) -> bool:
    return any(arabic_key(r) in PLURAL_PLACE_NOUNS for _c, r in [(0, word), *clitic_readings(word)])


def _joined_by_and(text: str, span: Span, word: _Word) -> bool:
    """Whether ``word`` is و + a name right after ``span`` ("مدن جبرائيل وزنغيلان")."""
    return word.text.startswith("و") and not text[span.end:word.start].strip(" ،,")


def _listed_translit(word: _Word, after: _Word | None,
                     translit_for: Callable[[str], Sequence[Place]],
                     stops: frozenset[str]) -> tuple[Span, int] | None:
    """Read the name after the و of a list opened by a plural place noun by its Latin spelling.

    "على مدن جبرائيل وفضولي وزنغيلان": the members after the first are names as much
    as the first one is, whatever they spell. A word followed by a definite noun that is
    no compass word (وبدأت التقدم) is a verb with its object, not a member.
    """
    if after is not None and after.key.startswith("ال") and after.key not in COMPASS_WORDS:
        return None
    rest = word.text[1:]
    key = arabic_key(rest)
    if len(key) < 3 or key in FUNCTION_WORDS or key in stops or key in NOUN_ADJECTIVES or \
            key.startswith("ال") or _is_place_noun(rest):
        return None
    places = tuple(translit_for(rest))
    if not places:
        return None
    return Span(word.start + 1, word.end, rest, places), 1


def _joined(text: str, words: Sequence[_Word], i: int, n: int) -> bool:
    """Whether words i..i+n-1 are separated by single spaces only (one name, no comma)."""
    return all(text[words[k].end:words[k + 1].start] == " " for k in range(i, i + n - 1))


def _name_reach(text: str, words: Sequence[_Word]) -> list[int]:
    """Return, per word, the most words a name starting there may span (one pass, right to left).

    A name of n words needs them separated by single spaces (no comma) and no function
    word after its first one (:data:`FUNCTION_WORDS`); both fail for every longer run
    once they fail, so one count per word tells which lengths are worth looking up.

    >>> text = "دير الزور، في ريف"
    >>> _name_reach(text, [_Word(m.start(), m.end(), m.group(), arabic_key(m.group()))
    ...                    for m in _WORD_RE.finditer(text)])
    [2, 1, 2, 1]
    """
    reach = [1] * len(words)
    for k in range(len(words) - 2, -1, -1):
        if text[words[k].end:words[k + 1].start] == " " and \
                words[k + 1].key not in FUNCTION_WORDS:
            reach[k] = reach[k + 1] + 1
    return reach


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    """:func:`gazetteer.arabic.arabic_key` of one word form, kept: news repeats its words."""
    return arabic_key(word)


@lru_cache(maxsize=65536)
def _keyed_readings(word: str) -> tuple[tuple[int, str, str], ...]:
    """Return ``(cut, rest, key of rest)`` for the whole word, then its :func:`clitic_readings`.

    Per word form, so a word met again is not split and keyed again.
    """
    return tuple((cut, rest, arabic_key(rest)) for cut, rest in ((0, word),
                                                                 *clitic_readings(word)))


@lru_cache(maxsize=65536)
def _name_readings(word: str) -> tuple[tuple[int, str, str], ...]:
    """Return the :func:`_keyed_readings` that may start a name, per word form.

    Not a particle with a clitic: وكان, فمن are still those particles.
    """
    return tuple(r for r in _keyed_readings(word) if not (r[0] and r[2] in FUNCTION_WORDS))


class _WordFacts(NamedTuple):
    """What :func:`_match_at` asks of a word form alone (:func:`_word_facts`)."""

    #: A function word, or a place noun that is no facility noun: never starts a name.
    blocked: bool
    #: A facility noun (مطار): it starts only names of two words or more.
    facility: bool
    #: One of its readings is the first word of a :data:`NOT_PLACE_PHRASES` phrase.
    phrase_first: bool
    #: :func:`_name_readings`: the readings that may start a name.
    readings: tuple[tuple[int, str, str], ...]
    #: Those of ``readings`` whose key starts a multi-word name (all when heads are unknown).
    heads_of: tuple[tuple[int, str, str], ...]
    #: One of its readings is a stop word (الأربعاء, وجبل): alone, no name unless after a noun.
    stopped: bool
    #: Those of ``readings`` a single word may be outside a place noun: not a stop word,
    #: three letters or more (all else is never looked up there).
    singles: tuple[tuple[int, str, str], ...]


@lru_cache(maxsize=65536)
def _word_facts(word: str, key: str, stops: frozenset[str],
                heads: frozenset[str] | None) -> _WordFacts:
    """Return the :class:`_WordFacts` of the word form ``word`` (of key ``key``), per form.

    News repeats its words, and an article's every word is tried as a name's start: what
    depends on the word alone is worked out once per form, not once per occurrence.
    """
    facility = key in FACILITY_NOUNS
    keyed = _keyed_readings(word)
    readings = _name_readings(word)
    return _WordFacts(
        blocked=key in FUNCTION_WORDS or (_is_place_noun(word) and not facility),
        facility=facility,
        phrase_first=any(k in _PHRASE_FIRSTS for _c, _r, k in keyed),
        readings=readings,
        heads_of=readings if heads is None else tuple(r for r in readings if r[2] in heads),
        stopped=any(k in stops for _c, _r, k in keyed),
        singles=tuple(r for r in readings if r[2] not in stops and len(r[2]) >= 3),
    )


def _match_at(text: str, words: Sequence[_Word], i: int,
              places_for: Callable[[str], Sequence[Place]],
              stops: frozenset[str], heads: frozenset[str] | None,
              reach: int, agreement: bool = True,
              whole: bool = True) -> tuple[Span, int] | None:
    """Return the longest name starting at word ``i`` and its word count, or None.

    ``reach`` is :func:`_name_reach` of the word: longer runs are never names. With
    ``whole`` (rule :data:`NOUN_WHOLE_WORD`), the word after a place noun keeps its
    letters: no conjunction or preposition stands between a noun and its name.
    """
    word = words[i]
    facts = _word_facts(word.text, word.key, stops, heads)
    if facts.blocked:
        return None  # "مدينة سرت": the name is the next word, read with the noun's support
    after_noun = i > 0 and (_is_place_noun(words[i - 1].text)
                            or words[i - 1].key in LIST_OPENERS)
    if after_noun and _is_adjective_of(words[i - 1].text, word.key, agreement):
        return None  # "قاعدة عسكرية": the noun's adjective, not a name
    if facts.phrase_first and i + 1 < len(words) and any(
            (key, words[i + 1].key) in NOT_PLACE_PHRASES
            for _c, _r, key in _keyed_readings(word.text)):
        return None  # "ومسقط رأس القذافي": a birthplace, not Muscat, with or without a clitic
    readings, heads_of = facts.readings, facts.heads_of
    if after_noun and whole:  # rule NOUN_WHOLE_WORD: "مدينة بارا" is Bara, not ب + ارا
        readings = tuple(r for r in readings if word.text[:r[0]] in ("", "ال"))
        heads_of = tuple(r for r in heads_of if word.text[:r[0]] in ("", "ال"))
    # a run of words needs a reading that heads a longer name; else the word alone is tried
    top = min(MAX_NAME_WORDS, len(words) - i, reach) if heads_of else 1
    for n in range(top, 1 if facts.facility else 0, -1):
        if n == 1:
            return _single_at(text, word, places_for, stops, after_noun, facts, readings)
        end = words[i + n - 1].end
        tail = text[word.end:end]
        for cut, rest, _rest_key in heads_of:
            if arabic_key(rest + tail) in stops and not (after_noun and cut == 0):
                continue
            places = tuple(places_for(rest + tail))
            if not places:
                continue
            start = word.start + cut
            return Span(start, end, text[start:end], places), n
    return None


def _single_at(text: str, word: _Word, places_for: Callable[[str], Sequence[Place]],
               stops: frozenset[str], after_noun: bool, facts: _WordFacts,
               readings: tuple[tuple[int, str, str], ...]) -> tuple[Span, int] | None:
    """Return the one-word name ``word`` is (one of ``readings``), as :func:`_match_at` does.

    Outside a place noun a stop-listed word is no name and a single word needs a
    :func:`_trusted` reading; after one, the whole word may be a stop-listed name.
    """
    if not after_noun and facts.stopped:
        return None  # الأربعاء, وجبل: a listed word with its clitics is still that word
    if word.key in REFERENCE_WORDS:
        return None  # "مدن البلاد": the country the text is about, never a town of the name
    for cut, rest, key in facts.singles if not after_noun else readings:
        if after_noun and ((key in stops and cut != 0) or len(key) < 3):
            continue
        places = tuple(places_for(rest))
        if not places or (not after_noun and not _trusted(places)):
            continue
        start = word.start + cut
        return Span(start, word.end, text[start:word.end], places), 1
    return None


#: Two-word phrases whose first word is a place name elsewhere: never that place here.
NOT_PLACE_PHRASES: frozenset[tuple[str, str]] = frozenset(
    (arabic_key(a), arabic_key(b)) for a, b in (
        ("مسقط", "رأس"),  # birthplace (Muscat otherwise); a clitic on the first word is read
    ))
#: Keys of the first words of :data:`NOT_PLACE_PHRASES`: a word none of whose readings is
#: one is never asked about the word after it.
_PHRASE_FIRSTS: frozenset[str] = frozenset(first for first, _second in NOT_PLACE_PHRASES)
#: Words that refer back to a place the text is about (the country, the city): never a name
#: alone, even after a place noun (مدن البلاد). Longer names keep them (المدينة المنورة).
REFERENCE_WORDS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "البلاد", "الدولة", "المدينة", "البلدة", "القرية", "العاصمة", "المنطقة", "المحافظة",
    "الولاية", "الإقليم",
))
#: Compass words: the word after one (شرق خيرسون) is a place, unless it has the article
#: (شرق البلاد، غرب العاصمة).
COMPASS_WORDS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي",
))
#: First words of two-word names (أبو قرين، نوفا كاخوفكا is read word by word).
_COMPOUND_HEADS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "أبو", "أم", "بني", "عين", "تل", "دير", "كفر", "رأس", "بئر", "جسر", "خان", "قصر", "نوفا",
    "سان", "بورت", "بيت", "مرج", "وادي", "جبل", "سيدي",
))


def _translit_at(text: str, words: Sequence[_Word], i: int,
                 translit_for: Callable[[str], Sequence[Place]],
                 stops: frozenset[str], agreement: bool = True,
                 compound: bool = True) -> tuple[Span, int] | None:
    """Read the word after a place noun through its Latin spelling (مدينة خاركيف).

    With ``compound`` (rule :data:`TRANSLIT_COMPOUND`) the longest run of up to three
    words that :func:`_compound_sizes` allows is read first (بلدة بولو بورتي).
    """
    if i == 0 or not (words[i - 1].key in COMPASS_WORDS or words[i - 1].key in LIST_OPENERS
                      or _is_place_noun(words[i - 1].text)):
        return None  # no compass word, list opener or place noun before: no name to read
    word = words[i]
    noun = words[i - 1].key
    compass = noun in COMPASS_WORDS and not word.key.startswith(("ال", "وال", "بال", "لل"))
    opener = i > 0 and words[i - 1].key in LIST_OPENERS
    if not (compass or opener or _is_place_noun(words[i - 1].text if i else "")) or \
            _is_place_noun(word.text) or noun.startswith(("ال", "وال", "بال", "لل")):
        return None  # "المدينة حفاظا": a definite noun is a reference, not a name's head
    if word.key in FUNCTION_WORDS or word.key in stops or len(word.key) < 3 or \
            _is_adjective_of(words[i - 1].text if i else "", word.key, agreement):
        return None
    if compound:
        sizes = [*_compound_sizes(text, words, i, stops), 1]
    else:
        sizes = [2, 1] if (word.key in _COMPOUND_HEADS and i + 1 < len(words)
                           and _joined(text, words, i, 2)) else [1]
    for n in sizes:
        end = words[i + n - 1].end
        places = tuple(translit_for(text[word.start:end]))
        if places:
            return Span(word.start, end, text[word.start:end], places), n
    return None


#: Rule name of :func:`_compound_sizes` and :func:`_compound_after_noun`.
TRANSLIT_COMPOUND = "arabic-translit-compound"
#: Words that follow a name and are not part of it: nouns used as prepositions ("صرواح
#: تحت سيطرة", "الجنينة بيد قوات") and adverbs of time and manner ("خاركيف ليلا").
_PLACE_PREPOSITIONS: frozenset[str] = frozenset(arabic_key(w) for w in (
    "تحت", "فوق", "بيد", "قرب", "أمام", "خلف", "داخل", "خارج", "حول", "وسط", "قبالة",
    "ليلا", "نهارا", "صباحا", "مساء", "فجرا", "ظهرا", "عصرا", "أمس", "اليوم", "غدا",
    "يوم", "مجددا", "أيضا", "حاليا", "سابقا", "مؤخرا", "جوا", "برا", "بحرا", "كليا", "تماما",
    "بالكامل", "شمالا", "جنوبا", "شرقا", "غربا", "اثر", "إثر", "عقب",
    # accusatives of purpose: "انسحبت من بلدة سوليدار خوفا من تطويقها"
    "خوفا", "تحسبا", "هربا", "طلبا", "بحثا", "دعما", "ردا", "انتقاما", "احتجاجا", "تمهيدا",
))
#: Most words of a name read through its Latin spelling after a place noun.
MAX_TRANSLIT_WORDS = 3


def _compound_tail(word: _Word, stops: frozenset[str]) -> bool:
    """Whether ``word`` may continue a foreign name written in Arabic (بورتي of بولو بورتي).

    Not a particle, a stop-listed word, a place noun, a compass word, an adjective of a
    noun, nor a word with the article or with و (a definite word or a new item follows),
    nor one of :data:`_PLACE_PREPOSITIONS` (سوليدار خوفا من, "for fear of").
    """
    key = word.key
    return not (key in FUNCTION_WORDS or key in stops or key in NOUN_ADJECTIVES
                or key in _PLACE_PREPOSITIONS
                or key in COMPASS_WORDS or key in FACILITY_ADJECTIVES
                or key.startswith(("ال", "و", "لل")) or _is_place_noun(word.text))


def _compound_sizes(text: str, words: Sequence[_Word], i: int,
                    stops: frozenset[str]) -> list[int]:
    """Return the word counts above one a foreign name at word ``i`` may have, longest first.

    Foreign names are often two or three words in Arabic (بولو بورتي، موسيمبوا دا برايا,
    تشاسيف يار) the gazetteer holds only in Latin script; the words must be joined by single
    spaces and each later one pass :func:`_compound_tail`.
    """
    sizes = []
    for n in range(2, MAX_TRANSLIT_WORDS + 1):
        if i + n > len(words) or not _joined(text, words, i, n) or \
                not _compound_tail(words[i + n - 1], stops):
            break
        sizes.append(n)
    return sizes[::-1]


def _compound_after_noun(text: str, words: Sequence[_Word], i: int, found: Span,
                         translit_for: Callable[[str], Sequence[Place]],
                         stops: frozenset[str]) -> tuple[Span, int] | None:
    """Return a longer name at word ``i`` read by its Latin spelling, after a place noun.

    "بلدة بولو بورتي": بولو alone is an Arabic name of Bolu in Turkey, which the plain
    match takes; after a place noun (rule :data:`TRANSLIT_COMPOUND`) the run of words
    :func:`_compound_sizes` allows is read in Latin first, and wins when it finds a place.
    Not when the word ``found`` alone names a place where Arabic is spoken.
    """
    if i == 0 or not _is_place_noun(words[i - 1].text) or \
            words[i - 1].key.startswith(("ال", "وال", "بال", "لل")):
        return None
    if any(p.country_code in ARABIC_SPEAKING for p in found.places):
        return None  # an Arabic name of a town where Arabic is spoken is that town's name
    for n in _compound_sizes(text, words, i, stops):
        end = words[i + n - 1].end
        places = tuple(translit_for(text[words[i].start:end]))
        if places:
            return Span(words[i].start, end, text[words[i].start:end], places), n
    return None
