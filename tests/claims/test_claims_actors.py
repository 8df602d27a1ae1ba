import json

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
