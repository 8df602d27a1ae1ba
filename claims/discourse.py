"""The article as the unit of context: what "the city", "they" and "two days later" stand for.

A :class:`Discourse` is kept while an article is read sentence by sentence. It remembers
the places named so far with their kind (city, town, village, district, region, capital,
base, airport, port, bridge), the actors named so far, and the latest event date. A
reference resolves to the most recent *compatible* entry and says why ("the city ->
Wad Madani, named 2 sentences before"); where nothing fits, nothing is invented.
A place may be noted before it is resolved (:meth:`Discourse.note_place_later`): most
sentences are never referred back to, so their names need no gazetteer look-up.

The rules are named data (:data:`REFERENCE_NOUNS`, :data:`ACTOR_REFERENCES`), so a new
reference word is one table line:

>>> d = Discourse()
>>> d.note_place("Wad Madani", "city")
>>> d.note_place("Gezira", "region")
>>> d.next_sentence()
>>> entry = d.place_for("town")
>>> entry.name, d.place_reason("the town", entry)
('Wad Madani', 'the town -> Wad Madani, named 1 sentence before')
>>> d.place_for("province").name
'Gezira'
>>> d.place_for("airport") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from gazetteer.model import Place

__all__ = [
    "ACTOR_REFERENCES",
    "NONSTATE_REFERENCES",
    "REFERENCE_NOUNS",
    "ActorEntry",
    "Discourse",
    "PlaceEntry",
    "PlaceReading",
    "facility_kind",
    "place_kind",
]

#: The kind of place each reference noun may stand for. ``None`` in a set means a name the
#: gazetteer could not place, which is most often a village or a small town.
REFERENCE_NOUNS: dict[str, frozenset[str | None]] = {
    "city": frozenset({"city", "capital", "town", None}),
    "town": frozenset({"town", "city", "village", "capital", None}),
    "village": frozenset({"village", "town", None}),
    "settlement": frozenset({"village", "town", None}),
    "capital": frozenset({"capital", "city"}),
    # rule *seat-capital*: "the provincial capital", "the regional capital" is the seat of a
    # region, which the gazetteer often marks as a plain town (PPL); never a name it cannot
    # place (a capitalised first word is often none)
    "seat": frozenset({"capital", "city", "town"}),
    "area": frozenset({"town", "village", "city", "district", "region", None}),
    "district": frozenset({"district", "region", None}),
    "region": frozenset({"region", "district"}),
    "province": frozenset({"region", "district"}),
    "governorate": frozenset({"region"}),
    "state": frozenset({"region"}),
    "base": frozenset({"base", "airport"}),
    "airbase": frozenset({"base", "airport"}),
    "airport": frozenset({"airport", "base"}),
    "airfield": frozenset({"airport", "base"}),
    "airstrip": frozenset({"airport", "base"}),
    "port": frozenset({"port", "city", "town"}),
    "bridge": frozenset({"bridge"}),
    "crossing": frozenset({"crossing"}),
    # a building or compound stands in the town the report is about
    "building": frozenset({"city", "town", "capital", "village", "district", None}),
    "palace": frozenset({"capital"}),
    "camp": frozenset({"camp", None}),
    "enclave": frozenset({"town", "city", "region", "district", None}),
    "stronghold": frozenset({"town", "city", "village", "base", None}),
    # "overran it", "driven out of it": a place of any size a force can hold
    "it": frozenset({"town", "city", "village", "capital", "district", "base", "airport",
                     "camp", "port", None}),
}

#: GeoNames feature codes by the kind of place they are (first match wins).
_KIND_BY_CODE: tuple[tuple[str, str], ...] = (
    ("PPLC", "capital"), ("PPLA", "city"), ("PPLX", "district"), ("PPL", "town"),
    ("ADM1", "region"), ("ADM2", "district"), ("ADM3", "district"), ("ADMD", "district"),
    ("RGN", "region"), ("AIRB", "base"), ("MILB", "base"), ("AIRP", "airport"),
    ("AIRF", "airport"), ("PRT", "port"), ("BDG", "bridge"), ("CMP", "camp"),
    ("PCL", "country"),
)

#: Words that stand for an actor named before: pronouns, possessives and generic nouns.
#: Each pattern must match the whole subject phrase (case-insensitive).
ACTOR_REFERENCES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in (
        ("pronoun", r"(?:they|we|it)"),
        ("possessive forces", r"(?:its|their|his|her|our)\s+(?:own\s+)?(?:\w+\s+)?(?:forces|"
                              r"troops|fighters|units|men|army|soldiers|militiamen|allies|"
                              r"militia|militias|brigades?|gunmen)"),
        ("the group", r"the\s+(?:armed\s+|rebel\s+|militant\s+|jihadist\s+|paramilitary\s+)?"
                      r"(?:group|militia|movement|faction|organi[sz]ation|alliance|coalition|"
                      r"paramilitaries|paramilitary|insurgents|rebels|militants|jihadists|"
                      r"fighters|separatists|guerrillas|gunmen|militiamen|extremists)"),
    )
)

#: Rule *nonstate-reference*: the kinds of :data:`ACTOR_REFERENCES` that name an armed group
#: by what it is not ("the group", "the insurgents", "the guerrillas"): never a state's army.
NONSTATE_REFERENCES = frozenset({"the group"})

#: A populated place this large is a "city" even where GeoNames marks no seat (PPL).
CITY_POPULATION = 100_000

#: How many sentences back a reference may reach.
REACH_SENTENCES = 6


#: Rule *facility-by-name*: a name that ends in a facility noun ("Wau airport", "Ain al-Asad
#: air base", "Hostomel airfield") is that facility, whatever place the gazetteer resolves
#: it to (most often the town the facility is named after), so "the airport" finds it. The
#: extractor asks only for names the gazetteer places: a claim on an unplaced one maps nowhere.
_FACILITY_NAME = re.compile(r"\b(?:(?P<airport>airport|airfield|airstrip)|"
                            r"(?P<base>air\s*base|airbase|base|garrison)|(?P<port>port|harbou?r))$",
                            re.IGNORECASE)


def facility_kind(name: str) -> str | None:
    """Return the kind of facility a place's name says it is ("airport", "base", "port").

    >>> facility_kind("Wau airport"), facility_kind("Ain al-Asad Air Base")
    ('airport', 'base')
    >>> facility_kind("Port Sudan") is None
    True
    """
    match = _FACILITY_NAME.search(name.strip())
    return match.lastgroup if match else None


def place_kind(place: Place | None) -> str | None:
    """Return the kind of a resolved place ("city", "region", "base" ...), or None.

    >>> place_kind(Place("x", "Mekelle", 13.5, 39.5, "PPLA"))
    'city'
    >>> place_kind(Place("y", "Axum", 14.1, 38.7, "PPL", population=66_000))
    'town'
    >>> place_kind(None) is None
    True
    """
    if place is None:
        return None
    code = place.feature_code or ""
    for prefix, kind in _KIND_BY_CODE:
        if code.startswith(prefix):
            if kind == "town" and place.population >= CITY_POPULATION:
                return "city"
            return kind
    if place.precision == "region":
        return "region"
    return "town" if place.precision == "town" else None


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """A place the article has named: its name, kind, resolved place and sentence number."""

    name: str
    kind: str | None
    sentence: int
    place: Place | None = None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    """An actor the article has named: the words used, its normalized name, sentence number."""

    text: str
    norm: str | None
    sentence: int


#: A place's kind and reading, as :meth:`Discourse.note_place_later`'s callback gives them.
PlaceReading = tuple[str | None, Place | None]

#: How many places (distinct names) the discourse keeps.
MAX_PLACES = 24


@dataclass(slots=True)
class _Note:
    """One noting of a place: its entry, or the callback that gives it when first asked."""

    name: str
    sentence: int
    read: Callable[[], PlaceReading | None] | None
    entry: PlaceEntry | None = None

    def settle(self) -> PlaceEntry | None:
        """Return the note's entry (None when it is no place), reading it the first time."""
        if self.read is not None:
            found, self.read = self.read(), None
            if found is not None and found[0] != "country":
                self.entry = PlaceEntry(self.name, found[0], self.sentence, found[1])
        return self.entry


@dataclass(slots=True)
class _SentenceNotes:
    """The places one sentence named, listed (by ``names()``) only when first reached."""

    sentence: int
    names: Callable[[], Sequence[str]]
    read: Callable[[str], PlaceReading | None]
    _notes: list[_Note] | None = None

    def notes(self) -> list[_Note]:
        """Return a note per name, in the sentence's order."""
        if self._notes is None:
            self._notes = [_Note(name, self.sentence, partial(self.read, name))
                           for name in self.names()]
        return self._notes


@dataclass
class Discourse:
    """What an article has said so far, for the references of its later sentences."""

    actors: list[ActorEntry] = field(default_factory=list)
    last_date: date | None = None
    sentence: int = 0
    #: The article's resolver (name -> place), when the caller resolves names: it tells
    #: the kind of a place named in the current sentence ("it" after "Sinja, the capital of
    #: Sennar state" is Sinja, not the state).
    resolve: Callable[[str], Place | None] | None = None
    #: The countries of the article's war (ISO codes, ``conflicts.json``); empty: unknown.
    #: Rule *home-country-antecedent* (:meth:`place_for`) reads them.
    countries: frozenset[str] = frozenset()
    #: Every place noted, oldest first; :attr:`places` is what they add up to.
    _notes: list[_Note | _SentenceNotes] = field(default_factory=list)

    @property
    def places(self) -> list[PlaceEntry]:
        """The places named so far, most recent last (a name only at its latest mention)."""
        return list(reversed(list(self._recent())))

    def last_place(self) -> PlaceEntry | None:
        """Return the place named last (the newest entry of :attr:`places`), or None."""
        return next(self._recent(), None)

    def _recent(self) -> Iterator[PlaceEntry]:
        """Yield the entries of :attr:`places` newest first, reading deferred notes as reached.

        A later note of a name replaces an earlier one, a note read as no place counts for
        nothing, and only the :data:`MAX_PLACES` newest names are kept: what noting them one
        by one in order would leave.
        """
        seen: set[str] = set()
        for item in reversed(self._notes):
            for note in reversed(item.notes()) if isinstance(item, _SentenceNotes) else (item,):
                entry = note.settle()
                if entry is None or entry.name in seen:
                    continue
                seen.add(entry.name)
                yield entry
                if len(seen) >= MAX_PLACES:
                    return

    def next_sentence(self) -> None:
        """Move on to the next sentence (references count their distance in sentences)."""
        self.sentence += 1

    def note_place(self, name: str, kind: str | None, place: Place | None = None) -> None:
        """Remember a place named in the current sentence (most recent last)."""
        if kind == "country":
            return  # a country is context, never what "the town" means
        self._notes.append(_Note(name, self.sentence, None, PlaceEntry(name, kind,
                                                                       self.sentence, place)))

    def note_place_later(self, name: str, read: Callable[[], PlaceReading | None]) -> None:
        """Note a place of the current sentence whose kind and reading ``read()`` tells later.

        ``read`` returns ``(kind, place)``, or None when the name is no place; it is called
        only when a reference reaches back to the note, so the names of sentences that no
        reference asks about are never resolved. It must give the same answer whenever it
        is called (the caller fixes its reading beforehand, as
        :meth:`claims.resolve.PlaceResolver.defer_sentence` does).
        """
        self._notes.append(_Note(name, self.sentence, read))

    def note_places_later(self, names: Callable[[], Sequence[str]],
                          read: Callable[[str], PlaceReading | None]) -> None:
        """Note the places of the current sentence, ``names()``, listed when first reached.

        Like :meth:`note_place_later` for each name in order, with ``read(name)`` as its
        reading; ``names`` too is called only when a reference reaches back this far.
        """
        self._notes.append(_SentenceNotes(self.sentence, names, read))

    def note_actor(self, text: str, norm: str | None) -> None:
        """Remember an actor named in the current sentence (most recent last)."""
        if not norm:
            return
        self.actors = [a for a in self.actors if a.norm != norm]
        self.actors.append(ActorEntry(text, norm, self.sentence))
        del self.actors[:-12]

    def note_date(self, day: date | None) -> None:
        """Remember the latest exact event date ("two days later" counts from it)."""
        if day is not None:
            self.last_date = day

    def place_for(self, noun: str, *, before_sentence: bool = True,
                  exclude: str | None = None) -> PlaceEntry | None:
        """Return the most recent place a reference noun ("city", "region") can stand for.

        Only places of earlier sentences count when ``before_sentence`` (those of the
        current sentence are resolved by the sentence itself); ``exclude`` is a name that
        cannot be meant (the subject of "Adale, 60 km further east").
        """
        kinds = REFERENCE_NOUNS.get(noun.lower())
        if kinds is None:
            return None
        abroad = None
        for entry in self._recent():
            if before_sentence and entry.sentence >= self.sentence:
                continue
            if self.sentence - entry.sentence > REACH_SENTENCES:
                break
            if entry.kind in kinds and entry.name != exclude:
                if not self._abroad(entry):
                    return entry
                abroad = abroad or entry
        return abroad

    def _abroad(self, entry: PlaceEntry) -> bool:
        """Rule *home-country-antecedent*: whether ``entry`` resolved outside the war's countries.

        A reference ("the city", "the town") means a place of the war before one the
        gazetteer put abroad: a capitalised word the article used as part of a name ("the
        Citadel in Hue", "the Old City") is often read as a small town of another country, and
        would otherwise win as the most recent mention. A place abroad is still meant when no
        place of the war's countries fits (a report of a town across the border).

        >>> d = Discourse(countries=frozenset({"VN"}))
        >>> d.note_place("Hue", "city", Place("h", "Hue", 16.5, 107.6, "PPLA", country_code="VN"))
        >>> d.note_place("Citadel", "town", Place("c", "Citadel", 44.6, -63.6, "PPL",
        ...                                        country_code="CA"))
        >>> d.next_sentence()
        >>> d.place_for("city").name
        'Hue'
        """
        code = entry.place.country_code if entry.place is not None else None
        return bool(self.countries and code and code not in self.countries)

    def places_for_plural(self, noun: str) -> list[PlaceEntry]:
        """Return the places a plural reference ("the towns") stands for, oldest first.

        Rule *plural-reference*: the places of a compatible kind that the latest earlier
        sentence within reach named two or more of; none when no sentence named two.

        >>> d = Discourse()
        >>> d.note_place("Bucha", "town"); d.note_place("Irpin", "town")
        >>> d.next_sentence()
        >>> [e.name for e in d.places_for_plural("town")]
        ['Bucha', 'Irpin']
        """
        kinds = REFERENCE_NOUNS.get(noun.lower())
        if kinds is None:
            return []
        group: list[PlaceEntry] = []
        for entry in self._recent():
            if entry.sentence >= self.sentence or entry.kind not in kinds:
                continue
            if self.sentence - entry.sentence > REACH_SENTENCES:
                break
            if group and entry.sentence != group[0].sentence:
                if len(group) >= 2:
                    break
                group = []
            group.append(entry)
        return list(reversed(group)) if len(group) >= 2 else []

    def actor_for(self, words: str, *, exclude: str | None = None,
                  states: frozenset[str] = frozenset()) -> ActorEntry | None:
        """Return the actor a reference ("they", "its fighters", "the group") stands for.

        ``exclude`` is a normalized actor that cannot be meant (the other side named in the
        same clause); ``states`` are the war's state forces, which a reference of the
        *nonstate-reference* kind ("the group", "the guerrillas") never means. None when
        the words are no actor reference or nothing fits.

        >>> d = Discourse()
        >>> d.note_actor("the ELN", "ELN")
        >>> d.note_actor("soldiers", "Colombian army")
        >>> d.next_sentence()
        >>> d.actor_for("the guerrillas", states=frozenset({"Colombian army"})).norm
        'ELN'
        >>> d.actor_for("they", states=frozenset({"Colombian army"})).norm
        'Colombian army'
        """
        phrase = words.strip()
        kinds = {name for name, pattern in ACTOR_REFERENCES if pattern.fullmatch(phrase)}
        if not kinds:
            return None
        avoid = states if kinds & NONSTATE_REFERENCES else frozenset()
        return self.recent_actor(exclude=exclude, avoid=avoid)

    def recent_actor(self, *, exclude: str | None = None,
                     avoid: frozenset[str] = frozenset()) -> ActorEntry | None:
        """Return the most recent actor within reach other than ``exclude`` (or None).

        For references another language's rules recognized ("قواته": his forces).
        ``avoid`` are actors that cannot be meant either.
        """
        for entry in reversed(self.actors):
            if self.sentence - entry.sentence > REACH_SENTENCES:
                break
            if entry.norm != exclude and entry.norm not in avoid:
                return entry
        return None

    def kind_of(self, name: str) -> str | None:
        """Return the kind of a place named in the current sentence (None when unknown)."""
        return place_kind(self.resolve(name)) if self.resolve is not None else None

    def capital_of_region(self, region: str, also: tuple[str, ...] = ()) -> PlaceEntry | None:
        """Return the city the article named as the seat of ``region`` ("the Gezira capital").

        Only places the article named count (``also``: names of the current sentence,
        tried first, most recent last): the most recent provincial seat (PPLA) or capital
        whose first-level region is the region's. None when the article named none.
        """
        area = self.resolve(region) if self.resolve is not None else None
        if area is None or not area.admin1 or place_kind(area) not in {"region", "district"}:
            return None
        here = [PlaceEntry(n, None, self.sentence, self.resolve(n)) for n in also]
        for entry in reversed(self.places + here):
            place = entry.place
            if (place is not None and place.admin1 == area.admin1
                    and place.country_code == area.country_code
                    and (place.feature_code or "").startswith(("PPLA", "PPLC"))):
                return entry
        return None

    def place_reason(self, words: str, entry: PlaceEntry) -> str:
        """Say why a reference means a place: "the city -> Wad Madani, named 2 sentences before"."""
        return f"{words} -> {entry.name}, {self._when(entry.sentence)}"

    def actor_reason(self, words: str, entry: ActorEntry) -> str:
        """Say why a reference means an actor: "they -> RSF, named 1 sentence before"."""
        return f"{words} -> {entry.norm}, {self._when(entry.sentence)}"

    def _when(self, sentence: int) -> str:
        back = self.sentence - sentence
        if back <= 0:
            return "named earlier in the sentence"
        return f"named {back} sentence{'s' if back > 1 else ''} before"
