"""Names as the text's language writes them: country exonyms and language namesakes.

``exonym`` (recognition step and resolution fallback) and ``language-namesake`` (mention
pass) on sentences written for this project, each switched off by name.
"""

from __future__ import annotations

import pytest

from gazetteer.exonyms import EXONYM, country_name_in, exonym_country, exonym_pattern
from gazetteer.geoparse import Geoparser
from gazetteer.language_namesake import LANGUAGE_NAMESAKE


def _without(parser: Geoparser, rule: str) -> Geoparser:
    return Geoparser(parser.index, disabled=frozenset({rule}))


def _found(parser: Geoparser, text: str) -> dict[str, str | None]:
    return {m.text: m.place.country_code if m.place else None for m in parser.geoparse(text)}


# -- exonym ----------------------------------------------------------------------------


def test_exonym_table_covers_the_detector_s_languages() -> None:
    assert [exonym_country(n) for n in ("Libye", "Alemania", "Rússia", "Deutschland",
                                        "Egitto", "Reino Unido")] == [
        "LY", "DE", "RU", "DE", "EG", "GB"]
    assert exonym_country("Springfield") is None
    assert country_name_in("pt", "SV") == "El Salvador"
    assert exonym_pattern("en") is None


def test_exonyms_file_is_babel_s_cldr_names(tmp_path) -> None:
    pytest.importorskip("babel")
    from gazetteer.exonyms import EXONYMS_FILE, write_exonyms_file

    written = tmp_path / "exonyms.csv"
    assert write_exonyms_file(written) > 1000
    assert written.read_text(encoding="utf-8") == EXONYMS_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize(("text", "name", "code"), [
    ("Des orages ont touché le nord de la Libye et l'est de l'Algérie ce week-end.",
     "Libye", "LY"),
    ("O ministro viajou para a Alemanha e depois para os Estados Unidos na terça-feira.",
     "Estados Unidos", "US"),
    ("Die Regierung in Kairo sagte, Ägypten werde die Grenze zum Sudan nicht schließen.",
     "Ägypten", "EG"),
])
def test_a_country_as_the_text_s_language_writes_it(parser, text, name, code) -> None:
    assert _found(parser, text).get(name) == code
    assert name not in _found(_without(parser, EXONYM), text)


def test_exonyms_are_not_read_in_english_text(parser: Geoparser) -> None:
    found = _found(parser, "The word Libye appears on the old French map of the coast.")
    assert "Libye" not in found


def test_a_given_span_resolves_by_its_exonym_whatever_the_language(parser) -> None:
    # no strict key in the index: the country, not a village its consonants spell
    assert parser.places_for("Allemagne")[0].country_code == "DE"
    assert all(p.country_code != "DE"
               for p in _without(parser, EXONYM).places_for("Allemagne"))


# -- language-namesake -----------------------------------------------------------------


def test_salvador_in_portuguese_text_is_the_city_in_bahia(parser: Geoparser) -> None:
    text = "Uma forte chuva provocou alagamentos em Salvador durante a madrugada de ontem."
    assert _found(parser, text)["Salvador"] == "BR"
    assert _found(_without(parser, LANGUAGE_NAMESAKE), text)["Salvador"] == "SV"


@pytest.mark.parametrize("text", [
    "Heavy rain flooded streets in Salvador overnight, officials said on Monday.",
    "Las lluvias inundaron varias calles de Salvador durante la madrugada del lunes.",
    "Uma delegação de Brasília visitou El Salvador para discutir o comércio de café.",
])
def test_language_namesake_leaves_other_readings(parser: Geoparser, text: str) -> None:
    # English says nothing of the country; Spanish is spoken in El Salvador; the full
    # name is the country's own in Portuguese.
    found = _found(parser, text)
    assert found.get("Salvador", found.get("El Salvador")) == "SV"


# -- foreign-unintroduced-minor --------------------------------------------------------


@pytest.mark.parametrize(("text", "kept", "dropped"), [
    # German capitalises nouns: "Altstadt" and "Regen" are small towns' names too
    ("Nach tagelangem Regen ist die Altstadt von Passau überflutet, auch in Deggendorf.",
     {"Passau", "Deggendorf"}, {"Regen", "Altstadt"}),
    # a sentence's first word, capitalised in any language
    ("Un corte de luz afectó el martes a la ciudad de Valencia. Vecinos de Maracay y de "
     "Cagua también se quedaron sin agua por la falla en la red.",
     {"Valencia", "Maracay", "Cagua"}, {"Vecinos"}),
])
def test_minor_places_need_a_word_that_introduces_them(parser, text, kept, dropped) -> None:
    from gazetteer.recognition_rules import FOREIGN_UNINTRODUCED

    found = set(_found(parser, text))
    assert kept <= found and not dropped & found
    assert dropped <= set(_found(_without(parser, FOREIGN_UNINTRODUCED), text))


def test_english_text_keeps_sentence_initial_small_towns(parser: Geoparser) -> None:
    found = _found(parser, "Deggendorf council met on Monday. The mayor spoke about floods.")
    assert "Deggendorf" in found
