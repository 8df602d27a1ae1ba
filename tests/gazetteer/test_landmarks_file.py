"""The landmarks file (``gazetteer/data/landmarks.csv``): stadiums, universities, seats of
government and other well-known sites news names as places.

Every row must parse, add no name the curated file already has, and sit within 40 km of the
GeoNames town its ``source_checked`` names (``...; in <City>, <CC>``) — which catches swapped
or mistyped coordinates. A few lookups pin that the rows reach the index.
"""

from __future__ import annotations

import csv
import re
from collections import Counter

import pytest

from gazetteer import normalize
from gazetteer.index import GazetteerIndex, get_index
from gazetteer.model import Place
from gazetteer.sources import default_sources
from gazetteer.sources.base import Entry
from gazetteer.sources.curated import (
    COLUMNS,
    CURATED_FILE,
    LANDMARKS_FILE,
    CuratedPlaces,
    read_place_rows,
)
from geo.geodesic import distance_km

_CITY_RE = re.compile(r"; in (?P<city>[^;]+), (?P<cc>[A-Z]{2})$")
_MAX_KM_FROM_CITY = 40.0


@pytest.fixture(scope="module")
def entries() -> list[Entry]:
    return read_place_rows(LANDMARKS_FILE, "landmark")


@pytest.fixture(scope="module")
def raw_rows() -> list[dict[str, str]]:
    with LANDMARKS_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return get_index()


def _names(entry: Entry) -> list[str]:
    return [entry.place.name, *entry.aliases]


def test_columns_match_the_curated_file(raw_rows: list[dict[str, str]]) -> None:
    assert tuple(raw_rows[0].keys()) == COLUMNS
    assert 500 <= len(raw_rows) <= 900


def test_rows_parse_as_landmark_sites(entries: list[Entry]) -> None:
    ids = [e.place.id for e in entries]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("landmark:") for i in ids)
    assert {e.place.source for e in entries} == {"landmark"}
    # landmarks are sites and districts, never areas the build gives a population
    assert {e.place.precision for e in entries} <= {"site", "district"}
    assert all(0 < e.place.radius_km <= 10 for e in entries)


def test_no_name_is_taken_twice(entries: list[Entry]) -> None:
    curated = {normalize(n) for e in read_place_rows(CURATED_FILE) for n in _names(e)}
    clashes = [(e.place.id, n) for e in entries for n in _names(e) if normalize(n) in curated]
    assert clashes == []
    owners = Counter(key for e in entries for key in {normalize(n) for n in _names(e)})
    assert [key for key, count in owners.items() if count > 1] == []


def test_every_row_names_its_city(raw_rows: list[dict[str, str]]) -> None:
    bad = [r["id"] for r in raw_rows if not _CITY_RE.search(r["source_checked"])
           or _CITY_RE.search(r["source_checked"])["cc"] != r["country_code"]]
    assert bad == []


def _nearest_town_km(index: GazetteerIndex, place: Place, city: str, cc: str) -> float | None:
    towns = [p for p in index.lookup(city) if p.country_code == cc and p.source != "landmark"]
    if not towns:
        return None
    return min(distance_km((t.lat, t.lon), (place.lat, place.lon)) for t in towns)


def test_every_row_is_near_its_city(index: GazetteerIndex, entries: list[Entry],
                                    raw_rows: list[dict[str, str]]) -> None:
    far: list[tuple[str, str, float | None]] = []
    for entry, row in zip(entries, raw_rows, strict=True):
        match = _CITY_RE.search(row["source_checked"])
        assert match, row["id"]
        km = _nearest_town_km(index, entry.place, match["city"], match["cc"])
        if km is None or km > _MAX_KM_FROM_CITY:
            far.append((row["id"], match["city"], km))
    assert far == []


def test_landmarks_are_a_default_source() -> None:
    landmark = [s for s in default_sources()
                if isinstance(s, CuratedPlaces) and s.namespace == "landmark"]
    assert len(landmark) == 1 and landmark[0].path == LANDMARKS_FILE
    assert landmark[0].version().startswith("landmark-")


@pytest.mark.parametrize(
    ("name", "cc", "slug"),
    [
        ("Anfield", "GB", "landmark:anfield"),
        ("Camp Nou", "ES", "landmark:camp-nou"),
        ("Zhongnanhai", "CN", "landmark:zhongnanhai"),
        ("Bankova", "UA", "landmark:bankova-street"),
        ("MIT", "US", "landmark:mit"),
        ("Guantanamo Bay detention camp", "CU", "landmark:guantanamo-detention-camp"),
        ("Churchill Downs", "US", "landmark:churchill-downs"),
    ],
)
def test_landmark_lookups(index: GazetteerIndex, name: str, cc: str, slug: str) -> None:
    found = [p for p in index.lookup(name) if p.id == slug]
    assert found, f"{name!r} does not reach {slug}"
    assert found[0].country_code == cc


@pytest.mark.parametrize("name", ["Kremlin", "the Kremlin"])
def test_kremlin_is_in_russia(index: GazetteerIndex, name: str) -> None:
    assert "RU" in {p.country_code for p in index.lookup(name)}
