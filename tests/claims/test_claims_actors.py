import json
from datetime import date

import pytest

from claims.actors import ActorBook, default_actor_book, load_conflicts
from core.errors import DataSourceError


@pytest.fixture(scope="module")
def book():
    return default_actor_book()


@pytest.mark.parametrize(
    ("text", "conflict", "norm"),
    [
        ("Forces loyal to the Tripoli government advanced", "libya", "GNA"),
        ("eastern-based forces shelled the suburbs", "libya", "LNA"),
        ("Regime forces pushed north", "syria", "Syrian government"),
        ("Anti-Assad fighters withdrew", "syria", "Syrian rebels"),
        ("Hayat Tahrir al-Sham fighters", "syria", "HTS"),
        ("Houthi fighters took the district", "yemen", "Houthis"),
        ("Rapid Support Forces entered the city", "sudan", "RSF"),
        ("Ukrainian troops retook the village", "ukraine", "Ukraine"),
    ],
)
def test_normalize(book, text, conflict, norm):
    assert book.normalize(text, conflict) == norm


def test_generic_alias_needs_the_conflict(book):
    assert book.normalize("government forces entered", "syria") == "Syrian government"
    assert book.normalize("government forces entered", "libya") == "GNA"


def test_detect_conflict(book):
    assert book.detect_conflict("Shelling near Kharkiv and Kyiv continued") == "ukraine"
    assert book.detect_conflict("nothing about any war") is None
    assert book.detect_conflict("anything", hint="syria") == "syria"


def test_anti_prefix_is_not_the_actor(book):
    assert book.find("anti-LNA forces stationed nearby", "libya") == []


def test_analyst_extension(tmp_path):
    path = tmp_path / "extra.json"
    path.write_text(json.dumps({"conflicts": [{
        "id": "ruritania", "keywords": ["Ruritania"], "capital": "Strelsau",
        "actors": [{"norm": "Black Elphbergs", "aliases": ["Elphberg loyalists"]}]}]}))
    book = ActorBook(load_conflicts(path))
    assert book.normalize("Elphberg loyalists seized the bridge", "ruritania") == "Black Elphbergs"


def test_broken_file_raises(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(DataSourceError):
        load_conflicts(path)


def test_war_of_its_era_reads_a_2011_libyan_report_with_the_2011_book(book):
    """Rule *war-of-its-era*: the same country's wars are told apart by the article's year."""
    text = "Rebels pushed west from Benghazi and Ajdabiya towards Misrata and Sirte."
    assert book.detect_conflict(text) == "libya"  # the keyword hits alone
    assert book.detect_conflict(text, published=date(2011, 3, 20)) == "libya2011"
    assert book.detect_conflict(text, published=date(2019, 4, 20)) == "libya"


def test_war_of_its_era_keeps_the_keyword_choice_with_no_rival_in_its_years(book):
    text = "Gaddafi loyalists held Brega, Ras Lanuf and Zawiya."
    assert book.detect_conflict(text, published=date(2011, 6, 1)) == "libya2011"
    assert book.detect_conflict(text, published=date(2013, 1, 1)) == "libya2011"  # neither
    assert book.detect_conflict("Kyiv and Kharkiv", published=date(1990, 1, 1)) == "ukraine"


def test_war_of_its_era_only_among_wars_of_one_country(book):
    votes = {"iraq2003": 3, "syria": 2}
    assert book.of_its_era("iraq2003", votes, 2016) == "iraq2003"  # Syria is no rival
    assert book.of_its_era("iraq2003", {**votes, "iraq": 1}, 2016) == "iraq"


def test_conflict_years_must_be_a_pair(tmp_path):
    bad = tmp_path / "c.json"
    bad.write_text('{"conflicts": [{"id": "x", "years": [2011], "actors": []}]}',
                   encoding="utf-8")
    with pytest.raises(DataSourceError):
        load_conflicts(bad)
