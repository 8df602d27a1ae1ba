"""Diseases named after places are no toponyms (recognition rule ``disease-eponym``).

Sentences written for this project, in the manner of outbreak reports from several
regions: a place's name before "fever", "virus", "disease", "flu", "syndrome" (with one
modifier such as "respiratory"), or a name news uses bare for its disease before a health
noun. The rule switched off brings the false place back, so the tests can fail; places
written as places ("the Ebola River", "studied in Marburg") stay.
"""

from __future__ import annotations

import pytest

from gazetteer.disease_names import DISEASE_EPONYM, names_disease
from gazetteer.geoparse import Geoparser


def _names(parser: Geoparser, text: str) -> list[str]:
    return [m.text for m in parser.geoparse(text)]


@pytest.mark.parametrize(
    ("text", "name", "kept"),
    [
        ("A health worker who recovered from Lassa fever returned to the ward in Kenema.",
         "Lassa", "Kenema"),
        ("Traps in Fresno caught mosquitoes carrying West Nile virus.", "Nile", "Fresno"),
        ("Lyme disease is spreading north through Maine and Vermont.", "Lyme", "Maine"),
        ("Vets found Hendra virus in a horse stabled outside Brisbane.", "Hendra", "Brisbane"),
        ("Crimean-Congo haemorrhagic fever was confirmed in Herat province.", "Congo",
         "Herat"),
        ("Middle East respiratory syndrome was found in a camel herder near Riyadh.",
         "Middle East", "Riyadh"),
        ("The 1918 Spanish flu killed thousands in Philadelphia.", "Spanish", "Philadelphia"),
    ],
)
def test_a_disease_name_is_no_place(parser: Geoparser, text: str, name: str,
                                    kept: str) -> None:
    names = _names(parser, text)
    assert name not in names and kept in names
    without = Geoparser(parser.index, disabled=frozenset({DISEASE_EPONYM}))
    assert name in _names(without, text)


def test_a_bare_disease_eponym_does_not_pull_the_story_away(parser: Geoparser) -> None:
    text = "Two Lassa patients died at the teaching hospital in Irrua, Edo State."
    found = {m.text: m for m in parser.geoparse(text)}
    assert "Lassa" not in found
    irrua = found["Irrua"].place
    assert irrua is not None and irrua.country_code == "NG"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Farmers in Lassa lost their crops to the floods.", "Lassa"),
        ("Tourists walked along the beach at Lyme Regis.", "Lyme Regis"),
        ("She studied medicine in Marburg before moving to Hamburg.", "Marburg"),
        ("In Marburg cases of theft fell last year.", "Marburg"),
    ],
)
def test_places_named_as_places_stay(parser: Geoparser, text: str, name: str) -> None:
    assert any(n.startswith(name) for n in _names(parser, text))


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Zika cases rose in Recife.", "Zika", True),
        ("The Ebola-hit districts reopened schools.", "Ebola", True),
        ("Rocky Mountain spotted fever was diagnosed in Tulsa.", "Rocky Mountain", True),
        ("Boston reported new cases.", "Boston", False),
        ("Lyme Regis reported two cases.", "Lyme", False),
        ("Kyasanur Forest disease returned to Shimoga.", "Kyasanur Forest", True),
        ("in Zika cases", "Zika", False),
    ],
)
def test_names_disease(text: str, name: str, expected: bool) -> None:
    start = text.index(name)
    assert names_disease(text, start, start + len(name), name.lower()) is expected
