"""The upload preview: places the claims use first, non-places sorted out, verdicts shown."""

from pathlib import Path

import pytest

from app.preview import claims_table, mention_groups
from app.preview_places import not_a_place, sort_places
from claims import analyze_article
from gazetteer.model import Candidate, Mention, Place

SEED = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds" / \
    "global-research-2020-01-13-tripoli.txt"


def _mention(text, start, name, code="PPL", precision="town", reasons=()):
    place = Place(f"t:{name}", name, 10.0, 10.0, code, "XX", None, 1000, precision)
    return Mention(start, start + len(text), text, (Candidate(place, 1.0, tuple(reasons)),))


def test_organisation_demonym_generic_and_person_are_not_places():
    text = "The Rapid Support Forces met Libyan envoys at the Centre. Fayez al-Sarraj spoke."
    rapid = _mention("Rapid", text.index("Rapid"), "Rapid City")
    assert "organisation" in not_a_place(rapid, text)
    libyan = _mention("Libyan", text.index("Libyan"), "Libya", "PCLI", "country")
    assert "demonym" in not_a_place(libyan, text)
    centre = _mention("Centre", text.index("Centre"), "Centre Region", "ADM1", "region")
    assert "generic" in not_a_place(centre, text)
    later = text + " Saraj flew home."
    saraj = _mention("Saraj", later.index("Saraj "), "Tripoli", "PPLC",
                     reasons=("'Saraj' placed in Tripoli, the town the article is about",))
    assert "person" in not_a_place(saraj, later)
    town = _mention("Sirte", 0, "Sirte")
    assert not_a_place(town, "Sirte fell to the LNA.") is None


def test_seed_article_lists_the_places_its_claims_use_first():
    if not SEED.exists():
        pytest.skip("the seed article in ../shared is absent")
    text = SEED.read_text(encoding="utf-8")
    analysis = analyze_article(text)
    groups = sort_places(mention_groups(analysis.mentions), analysis.claims, text)
    used = {group[0].text for _n, group in groups.used}
    assert {"Sirte", "Misrata", "Tripoli"} <= used and len(used) <= 5
    not_places = {group[0].text for _n, group, _r in groups.not_places}
    assert {"Saraj", "Centre", "Turkish"} <= not_places
    assert not used & not_places
    table = claims_table(analysis.claims, analysis.verdicts)
    assert list(table.columns[:4]) == ["kind", "what", "place", "verdict"]
    assert table.loc[table["kind"] == "distance", "verdict"].str.contains("past Sirte").any()
