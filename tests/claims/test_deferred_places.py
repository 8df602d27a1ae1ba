"""Places noted now and resolved only when a reference reaches them (issue 15, speed).

The extractor notes every place a sentence names, but few sentences are ever referred
back to. :meth:`Discourse.note_place_later` keeps the look-up for when it is needed and
:meth:`PlaceResolver.defer` fixes its answer beforehand, so the output is what noting and
resolving each place at once gave. These tests pin both halves and the equivalence.
"""

from __future__ import annotations

import random

import pytest

import claims.resolve as resolve_module
from claims.discourse import MAX_PLACES, REFERENCE_NOUNS, Discourse
from claims.extract import extract_claims
from claims.resolve import PlaceResolver
from gazetteer.model import Candidate, Place

KINDS = ("city", "town", "village", "region", "district", "base", "country", None)


def _place(name: str) -> Place:
    return Place(f"id-{name}", name, 10.0, 20.0, "PPL")


def test_a_deferred_note_is_read_only_when_a_reference_reaches_it() -> None:
    calls: list[str] = []

    def reading(name: str, kind: str | None):
        def read():
            calls.append(name)
            return kind, _place(name)
        return read

    d = Discourse()
    d.note_place_later("Kassala", reading("Kassala", "city"))
    d.next_sentence()
    d.note_place_later("Atbara", reading("Atbara", "town"))
    d.next_sentence()
    assert calls == []  # nothing asked yet, nothing looked up
    assert d.place_for("town").name == "Atbara"
    assert calls == ["Atbara"]  # the newest note answered; the older one was not needed
    assert d.place_for("city").name == "Atbara"  # a town may be "the city" too
    assert calls == ["Atbara"]  # each note is read once


def test_a_sentence_lists_its_places_only_when_a_reference_reaches_it() -> None:
    listed: list[str] = []
    d = Discourse()
    d.note_places_later(_listing(["Dilling", "Kadugli"], listed),
                        lambda name: ("town", _place(name)))
    d.next_sentence()
    d.note_places_later(_listing(["Babanusa"], listed), lambda name: ("town", _place(name)))
    d.next_sentence()
    assert listed == []
    assert d.place_for("town").name == "Babanusa"
    assert listed == ["Babanusa"]  # the older sentence was not needed
    assert [p.name for p in d.places] == ["Dilling", "Kadugli", "Babanusa"]
    assert listed == ["Babanusa", "Dilling"]


def test_a_note_read_as_no_place_counts_for_nothing() -> None:
    d = Discourse()
    d.note_place("Taiz", "city")
    d.note_place_later("Marib", lambda: None)  # read as no place (a date, a river ...)
    d.note_place_later("Yemen", lambda: ("country", None))  # a country is only context
    d.next_sentence()
    assert [p.name for p in d.places] == ["Taiz"]
    assert d.last_place().name == "Taiz"


def test_a_later_note_of_a_name_replaces_the_earlier_one() -> None:
    d = Discourse()
    d.note_place("Kherson", "city")
    d.note_place("Mykolaiv", "city")
    d.next_sentence()
    d.note_place_later("Kherson", lambda: ("city", _place("Kherson")))
    assert [(p.name, p.sentence) for p in d.places] == [("Mykolaiv", 0), ("Kherson", 1)]


class _EagerDiscourse:
    """The discourse as it was before notes could wait: note, dedupe, keep the newest."""

    def __init__(self) -> None:
        self.places: list[tuple[str, str | None, int]] = []

    def note(self, name: str, kind: str | None, sentence: int) -> None:
        if kind == "country":
            return
        self.places = [p for p in self.places if p[0] != name]
        self.places.append((name, kind, sentence))
        del self.places[:-MAX_PLACES]


@pytest.mark.parametrize("seed", range(40))
def test_deferred_notes_add_up_to_what_noting_at_once_gave(seed: int) -> None:
    rng = random.Random(seed)
    names = [f"Place{i}" for i in range(rng.randint(3, 40))]
    eager, lazy = _EagerDiscourse(), Discourse()
    for sentence in range(rng.randint(1, 30)):
        # a sentence listed later: a name has one reading there, however often it is named
        readings: dict[str, tuple[str | None, bool]] = {}
        listed: list[str] = []
        batched = rng.random() < 0.4
        for _ in range(rng.randint(0, 4)):
            name, kind = rng.choice(names), rng.choice(KINDS)
            valid = rng.random() > 0.2
            if batched:
                kind, valid = readings.setdefault(name, (kind, valid))
                listed.append(name)
            if valid:
                eager.note(name, kind, sentence)
            if batched:
                continue
            if rng.random() < 0.5:
                lazy.note_place_later(name, lambda k=kind, v=valid: (k, None) if v else None)
            elif valid:
                lazy.note_place(name, kind)
        if batched:
            lazy.note_places_later(
                lambda n=listed: n,
                lambda name, r=readings: (r[name][0], None) if r[name][1] else None)
        lazy.next_sentence()
        if rng.random() < 0.3:  # ask now and then, as references do
            noun = rng.choice(sorted(REFERENCE_NOUNS))
            expected = next(
                (n for n, k, s in reversed(eager.places) if s < lazy.sentence
                 and lazy.sentence - s <= 6 and k in REFERENCE_NOUNS[noun]), None)
            found = lazy.place_for(noun)
            assert (found.name if found else None) == expected
    assert [(p.name, p.kind, p.sentence) for p in lazy.places] == eager.places


def _recording(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """Replace the gazetteer look-up by one that records ``(name, context)`` per call."""
    calls: list[tuple[str, str | None]] = []

    def fake_resolve_name(name: str, *, context_text: str | None = None, **_kw):
        calls.append((name, context_text))
        return [Candidate(_place(f"{name}@{context_text}"), 1.0, ())]

    monkeypatch.setattr(resolve_module, "resolve_name", fake_resolve_name)
    return calls


def _listing(names: list[str], listed: list[str]):
    """Return a ``names()`` callback that records when it is called."""
    def call() -> list[str]:
        listed.append(names[0] if names else "")
        return names
    return call


def test_a_deferred_name_keeps_the_reading_of_its_first_sentence(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recording(monkeypatch)
    listed: list[str] = []
    resolver = PlaceResolver()
    first, second = "Rebels entered Gao at dawn.", "Troops returned to GAO later."
    resolver.defer_sentence(first, _listing(["Gao"], listed))
    resolver.defer_sentence(second, _listing(["GAO"], listed))
    resolver.defer_sentence("Talks began in Bamako.", _listing(["Bamako"], listed))
    assert calls == [] and listed == []  # nothing looked up, nothing listed yet
    place = resolver.resolve("gao", context="a claim's sentence")
    assert place.name == f"Gao@{first}"
    assert calls == [("Gao", first)]  # the name as first written, in its own sentence
    assert listed == ["Gao"]  # only the first sentence that may name it was listed
    assert resolver.resolve("Gao") is place


def test_a_name_resolved_before_its_sentence_keeps_its_reading(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recording(monkeypatch)
    resolver = PlaceResolver()
    first = resolver.resolve("Hodeidah", context="the claim")
    resolver.defer_sentence("Ships left Hodeidah.", lambda: ["Hodeidah"])
    assert resolver.resolve("Hodeidah") is first
    assert calls == [("Hodeidah", "the claim")]
    assert resolver.resolve("", context="x") is None


def test_a_name_the_sentence_stands_for_is_deferred_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recording(monkeypatch)
    resolver = PlaceResolver()
    # "the town" was read as Kidal: the sentence stands for a name it does not write
    resolver.defer_sentence("Fighters overran the town.", lambda: [], also=["Kidal"])
    resolver.resolve("Kidal", context="later")
    assert calls == [("Kidal", "Fighters overran the town.")]


def test_beyond_the_limit_the_oldest_sentence_is_listed(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recording(monkeypatch)
    listed: list[str] = []
    resolver = PlaceResolver()
    resolver.defer_sentence("Shelling hit Kharkiv.", _listing(["Kharkiv"], listed))
    for n in range(resolve_module.MAX_UNLISTED):
        resolver.defer_sentence(f"Sentence {n} names nothing.", _listing([], listed))
    assert listed == ["Kharkiv"]  # listed when it left the window
    resolver.resolve("Kharkiv", context="later")
    assert calls == [("Kharkiv", "Shelling hit Kharkiv.")]


def test_a_sentence_whose_lower_case_depends_on_context_is_always_searched(
        monkeypatch: pytest.MonkeyPatch) -> None:
    _recording(monkeypatch)
    listed: list[str] = []
    resolver = PlaceResolver()
    resolver.defer_sentence("ΟΔΟΣ Marib.", _listing(["Marib"], listed))  # a capital sigma
    resolver.defer_sentence("Nothing here.", _listing(["x"], listed))
    resolver.resolve("Aden")
    assert listed == ["Marib"]  # searched although "aden" is not in it; the other was not


def test_an_article_resolves_only_the_names_a_reference_or_claim_needs(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _recording(monkeypatch)
    text = ("Fighters of the Arakan Army shelled positions near Sittwe on Monday. "
            "Roads between Mrauk U and Kyauktaw were closed, residents said. "
            "Aid groups based in Yangon could not reach the area.")
    extract_claims(text, published="2024-03-04", mentions=[])
    looked_up = {name for name, _ in calls}
    assert "Sittwe" in looked_up  # the claim's place
    assert "Kyauktaw" in looked_up  # "the area" reaches back to the sentence before
    assert "Yangon" not in looked_up  # the last sentence's names: nothing refers back to them


def test_a_sentence_read_twice_lists_its_named_places_once(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import claims.control_places as control
    from claims.actors import default_actor_book

    calls: list[str] = []
    real = control.name_spans

    def counting(sentence: str):
        calls.append(sentence)
        return real(sentence)

    monkeypatch.setattr(control, "name_spans", counting)
    book = default_actor_book()
    sentence = "Al-Shabaab fighters overran Bulo Burte and later entered Jalalaqsi."
    actors = book.find(sentence, "somalia")
    first = control.place_mentions(sentence, actors, None, None, book)
    again = control.place_mentions(sentence, actors, None, None, book)
    assert [r.name for r in again] == [r.name for r in first] == ["Bulo Burte", "Jalalaqsi"]
    assert len(calls) == 1
    # other actors (none here) may read a span otherwise: the sentence is read anew
    control.place_mentions(sentence, [], None, None, book)
    assert len(calls) == 2
