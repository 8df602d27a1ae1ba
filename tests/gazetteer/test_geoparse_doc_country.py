"""The document's country and language as a tie-breaker for names shared across countries.

The ``document-country`` pass is tested on sentences written for this project and
switched off by name; the language profile on sentences in several languages.
"""

from __future__ import annotations

import pytest

from gazetteer.admin_heads import CITY_OVER_NAMESAKE_UNIT
from gazetteer.doc_country import (
    COUNTRY_BONUS,
    DOCUMENT_COUNTRY,
    document_country,
    favour_document_country,
)
from gazetteer.geoparse import Geoparser
from gazetteer.informal import TEXT_LANGUAGE
from gazetteer.language import LANGUAGE_COUNTRIES, document_language
from gazetteer.language_namesake import LANGUAGE_NAMESAKE
from gazetteer.model import Candidate, Mention, Place


def _without(parser: Geoparser) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset({DOCUMENT_COUNTRY}))


def _countries(parser: Geoparser, text: str, url: str | None = None) -> dict[str, str]:
    return {m.text: m.place.country_code for m in parser.geoparse(text, url=url) if m.place}


# -- the language profile ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Os moradores do bairro pediram mais ônibus para o centro da cidade.", "pt"),
        ("Los vecinos del barrio pidieron más autobuses para el centro de la ciudad.", "es"),
        ("Les habitants du quartier ont demandé plus de bus pour le centre.", "fr"),
        ("Die Bewohner des Viertels fordern mehr Busse für die Innenstadt.", "de"),
        ("Gli abitanti del quartiere chiedono più autobus per il centro della città.", "it"),
        ("Residents of the district asked for more buses to the town centre.", "en"),
        # an English text quoting a Spanish name stays English
        ("The mayor of the town said the Plaza de la Constitución was closed.", "en"),
        ("Kyiv, Kharkiv, Odesa", None),  # too few words
    ],
)
def test_document_language(text: str, lang: str | None) -> None:
    assert document_language(text) == lang


def test_every_profiled_language_has_its_countries() -> None:
    assert set(LANGUAGE_COUNTRIES) >= {"pt", "es", "fr", "de", "it"}
    assert "BR" in LANGUAGE_COUNTRIES["pt"] and "SV" not in LANGUAGE_COUNTRIES["pt"]


# -- the document country ----------------------------------------------------------------


def _m(name: str, cc: str, score: float, rival: float | None = None) -> Mention:
    place = Place(name, name, 0.0, 0.0, "PPL", cc, population=100_000)
    cands = [Candidate(place, score, ("main name",))]
    if rival is not None:
        other = Place(name + "-x", name, 1.0, 1.0, "PPL", "ZZ", population=100_000)
        cands.append(Candidate(other, rival, ()))
    return Mention(0, len(name), name, tuple(cands))


def test_document_country_is_the_majority_of_confident_readings() -> None:
    mentions = [_m("a", "AR", 5.0), _m("b", "AR", 5.0, rival=1.0), _m("c", "CL", 5.0)]
    assert document_country(mentions, str.lower)[0] == "AR"
    # a close call does not vote: "b" is no longer confident, AR and CL tie
    close = [_m("a", "AR", 5.0), _m("b", "AR", 5.0, rival=4.5), _m("c", "CL", 5.0)]
    assert document_country(close, str.lower)[0] is None
    # the address's country-code domain counts twice
    assert document_country(close, str.lower, "https://example.com.ar/x")[0] == "AR"


# -- the pass ------------------------------------------------------------------------------


def test_a_city_of_the_story_s_country_beats_a_foreign_unit(parser: Geoparser) -> None:
    text = "Bus drivers struck in Córdoba on Monday; the union met ministers in Buenos Aires."
    assert _countries(parser, text)["Córdoba"] == "AR"
    # (city-over-namesake-unit reads the bare name the same way: the Argentine city is
    # bigger than the Spanish province; both off, the province is back)
    both_off = Geoparser(
        parser.index, disabled=frozenset({DOCUMENT_COUNTRY, CITY_OVER_NAMESAKE_UNIT}))
    assert _countries(both_off, text)["Córdoba"] != "AR"


def test_portuguese_text_and_a_brazilian_place_read_salvador_in_brazil(parser: Geoparser) -> None:
    text = "Os moradores de Salvador e de Recife protestaram contra o aumento da tarifa."
    assert _countries(parser, text)["Salvador"] == "BR"
    # (language-namesake reads the bare name on its own; both off, the country is back)
    both_off = Geoparser(parser.index, disabled=frozenset({DOCUMENT_COUNTRY, LANGUAGE_NAMESAKE}))
    assert _countries(both_off, text)["Salvador"] == "SV"


@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        # an explicit qualifier is never overridden
        ("Bus drivers struck in Córdoba, Colombia, and in Buenos Aires and Rosario.",
         "Córdoba", "CO"),
        # a country read by its own name stays the country ("Mexico" is no Missouri town)
        ("Officials in Texas, Ohio and Kansas said trade with Mexico had grown.", "Mexico",
         "MX"),
    ],
)
def test_the_tie_breaker_overrides_nothing_explicit(parser: Geoparser, text, name, cc) -> None:
    assert _countries(parser, text)[name] == cc


def _shared(code: str) -> Mention:
    """A name read first as a foreign ``code`` place, with a Canadian rival just behind."""
    foreign = Place("far", "Lonton", 51.5, -0.1, code, "GB", population=8_000_000)
    home = Place("home", "Lonton", 43.0, -81.2, "PPL", "CA", population=400_000)
    gap = COUNTRY_BONUS / 2
    return Mention(0, 6, "Lonton", (Candidate(foreign, 6.0, ()),
                                    Candidate(home, 6.0 - gap, ("main name",))))


@pytest.mark.parametrize(("code", "moved"), [("PPL", True), ("PPLA", True), ("PPLC", False)])
def test_a_capital_never_yields_to_the_story_s_country(code: str, moved: bool) -> None:
    story = [_m("Toronto", "CA", 9.0), _m("Ottawa", "CA", 9.0)]
    out = favour_document_country("x", [*story, _shared(code)], str.lower)
    assert (out[-1].place.country_code == "CA") is moved
    if moved:
        assert any(r.startswith("story country CA") for r in out[-1].candidates[0].reasons)


# -- the text's language in recognition ---------------------------------------------------


def _recognized(parser: Geoparser, text: str) -> list[str]:
    return [s.text for s in parser.recognize(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # "de"/"von" before a name are prepositions here, not name particles
        ("Choferes de Maturín pidieron más seguridad en las rutas durante la semana.", "Maturín"),
        ("Die Feuerwehr von Regensburg war im Einsatz, sagte die Polizei am Montag.",
         "Regensburg"),
        # a sentence-initial preposition does not make a person's name of the place
        ("Les écoles sont fermées. À Lubumbashi, les enseignants sont en grève.", "Lubumbashi"),
    ],
)
def test_text_language_keeps_names_after_prepositions(parser: Geoparser, text, name) -> None:
    assert name in _recognized(parser, text)
    off = Geoparser(parser.index, disabled=frozenset({TEXT_LANGUAGE}))
    assert name not in _recognized(off, text)


def test_capitalised_function_words_are_no_places(parser: Geoparser) -> None:
    text = "Les habitants de Lyon et de Grenoble sont sortis dans la rue samedi."
    assert "Les" not in _recognized(parser, text)
    assert {"Lyon", "Grenoble"} <= set(_recognized(parser, text))


def test_english_text_keeps_its_particle_rule(parser: Geoparser) -> None:
    # in English, "de" between two capitalised words is part of a person's name
    text = "The report by Jean de Florette was read out in the hall by the clerk."
    assert "Florette" not in _recognized(parser, text)
