"""The gazetteer index: lookups, places, descriptions, the cache and analyst places.

Most tests use the real index (built once into the cache directory, ~30-60 s the first time).
Cache behaviour is tested on a tiny index built from a curated file in a temporary directory.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from core.errors import DataSourceError
from gazetteer.build import read_demonyms
from gazetteer.index import GazetteerIndex, get_index, load_user_places, open_index
from gazetteer.model import PRECISIONS, Place
from gazetteer.sources.curated import COLUMNS, CURATED_FILE, CuratedPlaces, read_place_rows
from geo.geodesic import distance_km


@pytest.fixture(scope="module")
def index() -> GazetteerIndex:
    return get_index()


def _countries(places: list[Place]) -> set[str | None]:
    return {p.country_code for p in places}


def test_tripoli_has_libya_and_lebanon(index: GazetteerIndex) -> None:
    places = index.lookup("Tripoli")
    assert {"LY", "LB"} <= _countries(places)
    libya = next(p for p in places if p.country_code == "LY")
    assert libya.feature_code == "PPLC"
    assert libya.id == "geonames:2210247"
    assert distance_km((libya.lat, libya.lon), (32.89, 13.19)) < 10


@pytest.mark.parametrize(
    ("name", "cc", "tier_at_best"),
    [
        ("Misurata", "LY", ("alias", "name")),
        ("Misrata", "LY", ("alias", "name")),
        ("Misratah", "LY", ("alias", "name")),
        ("Gharyan", "LY", ("name",)),
        ("Garyan", "LY", ("alias", "name")),
        ("Gharian", "LY", ("skeleton",)),
        ("Tarhouna", "LY", ("skeleton", "alias")),
        ("Sirte", "LY", ("name",)),
        ("Surt", "LY", ("name", "alias")),
        ("Maarat al-Numan", "SY", ("skeleton", "alias", "article")),
        ("Maaret al-Numan", "SY", ("skeleton", "alias", "article")),
        ("Saraqeb", "SY", ("alias", "skeleton")),
        ("Khan Sheikhoun", "SY", ("alias", "skeleton")),
    ],
)
def test_transliterated_names_find_the_place(
    index: GazetteerIndex, name: str, cc: str, tier_at_best: tuple[str, ...]
) -> None:
    matches = [m for m in index.match(name) if m.place.country_code == cc]
    assert matches, f"{name}: no candidate in {cc}"
    assert matches[0].tier in tier_at_best


def test_exact_matches_rank_above_skeleton_matches(index: GazetteerIndex) -> None:
    matches = index.match("Sirte")
    ranks = [m.rank for m in matches]
    assert ranks == sorted(ranks)
    assert matches[0].place.name == "Sirte" and matches[0].tier == "name"


def test_albany_never_becomes_albania(index: GazetteerIndex) -> None:
    for fuzzy in (False, True):
        assert "AL" not in _countries(index.lookup("Albany", fuzzy=fuzzy))
    assert "AL" not in _countries(index.lookup("Albanny", fuzzy=True))


def test_fuzzy_only_on_request_and_bounded(index: GazetteerIndex) -> None:
    assert index.lookup("Benghazzii") == [] or all(
        m.tier != "fuzzy" for m in index.match("Benghazzii"))
    fuzzy = index.match("Benghazzii", fuzzy=True)
    assert fuzzy and fuzzy[0].place.country_code == "LY"


def test_eastern_mediterranean_is_a_sea(index: GazetteerIndex) -> None:
    place = index.lookup("Eastern Mediterranean")[0]
    assert place.precision == "sea" and place.radius_km >= 100


def test_texas_region_point_near_centroid(index: GazetteerIndex) -> None:
    texas = next(p for p in index.lookup("Texas") if p.feature_code == "ADM1")
    assert texas.id == "adm:US.TX" and texas.precision == "region"
    assert distance_km((texas.lat, texas.lon), (31.0, -99.0)) < 150
    assert texas.radius_km > 200


def test_county_names_and_points(index: GazetteerIndex) -> None:
    cook = [p for p in index.lookup("Cook County") if p.admin1 == "IL"]
    assert cook and cook[0].feature_code == "ADM2"
    assert distance_km((cook[0].lat, cook[0].lon), (41.84, -87.82)) < 60


@pytest.mark.parametrize(("name", "region_id"), [
    ("Idlib province", "adm:SY.12"), ("Idlib Governorate", "adm:SY.12"),
    ("W.Va.", "adm:US.WV"), ("Calif.", "adm:US.CA"), ("B.C.", "adm:CA.02"),
])
def test_region_name_forms(index: GazetteerIndex, name: str, region_id: str) -> None:
    assert region_id in {p.id for p in index.lookup(name)}


def test_countries_have_points_aliases_and_radius(index: GazetteerIndex) -> None:
    libya = index.country("LY")
    assert libya is not None and libya.precision == "country" and libya.radius_km > 500
    assert distance_km((libya.lat, libya.lon), (28.0, 17.0)) < 100
    for alias, cc in (("U.S.", "US"), ("UK", "GB"), ("Britain", "GB"), ("UAE", "AE"),
                      ("Russian Federation", "RU"), ("Ivory Coast", "CI")):
        assert cc in {p.country_code for p in index.lookup(alias) if p.precision == "country"}
    assert index.country("ZZ") is None


@pytest.mark.parametrize(("demonym", "cc"), [
    ("Libyan", "LY"), ("Turkish", "TR"), ("French", "FR"), ("Syrian", "SY"),
    ("Russian", "RU"), ("Russians", "RU"), ("Egyptian", "EG"), ("American", "US"),
])
def test_demonyms_point_to_countries(index: GazetteerIndex, demonym: str, cc: str) -> None:
    best = index.match(demonym)[0]
    assert best.tier == "demonym" and best.place.country_code == cc
    assert best.place.precision == "country"


def test_kurdish_is_the_adjective_of_kurdistan_not_a_town(index: GazetteerIndex) -> None:
    matches = index.match("Kurdish")
    strict = [m for m in matches if m.tier != "skeleton"]
    assert strict and all(m.tier == "demonym" and m.place.precision == "region" for m in strict)


def test_capitals_and_descriptions(index: GazetteerIndex) -> None:
    tripoli = index.capital_of("LY")
    assert tripoli is not None and tripoli.name == "Tripoli"
    for phrase in ("Libya's capital", "the Libyan capital", "capital of Libya"):
        assert [p.id for p in index.describe(phrase)] == [tripoli.id]
    assert index.describe("the capital") == []
    assert index.capital_of("SY").name == "Damascus"


def test_seed_article_places_all_found(index: GazetteerIndex) -> None:
    expected = {"Tripoli": "LY", "Sirte": "LY", "Misrata": "LY", "Greece": "GR",
                "Athens": "GR", "Cairo": "EG", "Abu Dhabi": "AE", "Turkey": "TR",
                "Egypt": "EG", "Syria": "SY"}
    for name, cc in expected.items():
        assert cc in _countries(index.lookup(name)), name
    assert index.lookup("the Eastern Mediterranean")[0].feature_code == "SEA"


@pytest.mark.parametrize(("name", "fc"), [
    ("Al-Watiya airbase", "AIRB"), ("Watiya air base", "AIRB"), ("Mitiga Airport", "AIRP"),
    ("Al Jufra Airbase", "AIRB"), ("Ras Lanuf", "OILT"), ("Abu Grein", "PPL"),
    ("Ain Zara", "PPLX"), ("Qasr bin Ghashir", "PPL"), ("Gulf of Sidra", "GULF"),
    ("Cyrenaica", "RGN"), ("Donbass", "RGN"), ("Hmeimim", "AIRB"),
])
def test_curated_conflict_places(index: GazetteerIndex, name: str, fc: str) -> None:
    assert fc in {p.feature_code for p in index.lookup(name)[:3]}, name


def test_curated_file_rows_are_valid() -> None:
    entries = read_place_rows(CURATED_FILE)
    assert len(entries) >= 150
    with CURATED_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0].keys()) == COLUMNS
    for row in rows:
        assert row["source_checked"].strip(), row["id"]
    for entry in entries:
        assert entry.place.precision in PRECISIONS


def test_curated_points_inside_their_country(index: GazetteerIndex) -> None:
    """Every curated point with a country lies within that country's Natural Earth bbox
    (padded by 0.5 degrees for coastal sites and disputed areas)."""
    import pyogrio

    from gazetteer.sources.countries import natural_earth_zip

    frame = pyogrio.read_dataframe(natural_earth_zip(), columns=["ISO_A2_EH"])
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for code, geom in zip(frame["ISO_A2_EH"], frame.geometry, strict=True):
        boxes.setdefault(code, geom.bounds)
    disputed = {"PS": "IL", "SY": "IL", "LB": "IL", "AZ": "AM", "GB": "CY", "UA": "RU"}
    for entry in read_place_rows(CURATED_FILE):
        cc = entry.place.country_code
        if not cc or cc not in boxes:
            continue
        ok = False
        for code in (cc, disputed.get(cc)):
            if code and code in boxes:
                west, south, east, north = boxes[code]
                ok = ok or (south - 0.5 <= entry.place.lat <= north + 0.5
                            and west - 0.5 <= entry.place.lon <= east + 0.5)
        assert ok, f"{entry.place.id} ({entry.place.lat}, {entry.place.lon}) outside {cc}"


def test_demonym_targets_all_exist(index: GazetteerIndex) -> None:
    for demonym, target in read_demonyms():
        place = index.get(target) if ":" in target else index.country(target)
        assert place is not None, f"{demonym} -> {target}"


def test_name_info_for_the_matcher(index: GazetteerIndex) -> None:
    mobile = index.name_info("Mobile")
    assert mobile is not None and mobile.common and mobile.max_population > 100_000
    libya = index.name_info("Libya")
    assert libya is not None and libya.protected and not libya.common
    assert index.name_info("Xyzzyvillage") is None
    first = next(index.iter_names())
    assert first.best_tier != "skeleton"


def test_get_and_geonameid(index: GazetteerIndex) -> None:
    assert index.get("geonames:2210247").name == "Tripoli"
    assert index.get("curated:al-watiya-air-base").precision == "site"
    assert index.get("nope:1") is None
    assert index.by_geonameid(2210247).id == "geonames:2210247"


# -- the cache and analyst places, on a tiny index -----------------------------------

def _write_places(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS))
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})


_ROW = {"id": "camp-one", "name": "Camp One", "aliases": "Camp 1", "feature_code": "MILB",
        "lat": "32.1", "lon": "13.1", "country_code": "LY", "precision": "site",
        "radius_km": "2", "source_checked": "test"}


def test_cache_rebuilt_when_curated_file_changes(tmp_path: Path) -> None:
    csv_path = tmp_path / "places.csv"
    _write_places(csv_path, [_ROW])
    sources = [CuratedPlaces(csv_path)]
    first = open_index(sources, directory=tmp_path)
    assert first.lookup("Camp 1")[0].id == "curated:camp-one"
    again = open_index(sources, directory=tmp_path)
    assert again.path == first.path  # cached, not rebuilt
    _write_places(csv_path, [_ROW, {**_ROW, "id": "camp-two", "name": "Camp Two",
                                    "aliases": ""}])
    second = open_index([CuratedPlaces(csv_path)], directory=tmp_path)
    assert second.path != first.path
    assert second.lookup("Camp Two")[0].id == "curated:camp-two"
    assert not first.path.exists()  # the stale file was removed
    assert json.dumps(second.meta)  # meta is plain data


def test_bad_curated_row_is_refused(tmp_path: Path) -> None:
    csv_path = tmp_path / "bad.csv"
    _write_places(csv_path, [{**_ROW, "lat": "132.0"}])
    with pytest.raises(DataSourceError, match="out of range"):
        read_place_rows(csv_path)
    _write_places(csv_path, [{**_ROW, "precision": "planet"}])
    with pytest.raises(DataSourceError, match="precision"):
        read_place_rows(csv_path)


def test_analyst_places_and_aliases_merge(tmp_path: Path) -> None:
    csv_path = tmp_path / "places.csv"
    _write_places(csv_path, [_ROW])
    small = open_index([CuratedPlaces(csv_path)], directory=tmp_path)
    added = small.add_places(
        [Place(id="7", name="Wadi Example", lat=32.2, lon=13.2, feature_code="PPL",
               country_code="LY", precision="town", source="user")],
        aliases={"curated:camp-one": ["Forward Base Alpha"]},
    )
    assert added[0].id == "user:7"
    assert small.lookup("Wadi Example")[0].id == "user:7"
    assert small.get("user:7") is not None
    assert small.lookup("Forward Base Alpha")[0].id == "curated:camp-one"
    assert small.name_info("Wadi Example") is not None
    assert "wadi example" in {info.key for info in small.iter_names()}
    with pytest.raises(DataSourceError):
        small.add_places(aliases={"curated:missing": ["X"]})


def test_load_user_places_from_csv(tmp_path: Path) -> None:
    base = tmp_path / "base.csv"
    _write_places(base, [_ROW])
    small = open_index([CuratedPlaces(base)], directory=tmp_path)
    user_file = tmp_path / "mine.csv"
    _write_places(user_file, [{**_ROW, "id": "my-checkpoint", "name": "My Checkpoint",
                               "aliases": "Checkpoint M"}])
    added = load_user_places(user_file, index=small)
    assert [p.id for p in added] == ["user:my-checkpoint"]
    assert small.lookup("Checkpoint M")[0].id == "user:my-checkpoint"


@pytest.mark.eval
def test_gold_toponym_coverage_floor(index: GazetteerIndex, shared_eval: Path) -> None:
    """Upper bound for the resolver: a candidate within 161 km of the gold point."""
    from bench.gazetteer import coverage

    floors = {"geowebnews_dev": 0.80, "lgl_dev": 0.93}
    for path in sorted((shared_eval / "geoparse").glob("*.jsonl")):
        if path.stem in floors:
            assert coverage(index, path)["coverage@161"] >= floors[path.stem], path.stem


@pytest.mark.parametrize(("phrase", "place_id"), [
    ("the Libyan capital", "geonames:2210247"),
    ("Libya's capital", "geonames:2210247"),
    ("southern Tripoli", "geonames:2210247"),
    ("central Tripoli", "geonames:2210247"),
    ("Qwasim district", "geonames:2219736"),
    ("Qasir Benghashir", "geonames:2213618"),
    ("Gasr Gen Gashir", "geonames:2213618"),
])
def test_phrases_around_names(index: GazetteerIndex, phrase: str, place_id: str) -> None:
    assert place_id in [p.id for p in index.lookup(phrase)[:3]], phrase


def test_bare_capital_needs_the_document(index: GazetteerIndex) -> None:
    assert index.lookup("the capital") == []
    assert index.lookup("North Carolina")[0].id == "adm:US.NC"  # not "Carolina" + north


def test_town_parents_and_containment(index: GazetteerIndex) -> None:
    chicago = next(p for p in index.lookup("Chicago") if p.country_code == "US")
    assert [p.id for p in index.parents(chicago)] == ["adm:US.IL", "adm:US.IL.031"]
    cook = index.get("adm:US.IL.031")
    assert index.within(chicago, cook)
    assert index.within(chicago, index.get("adm:US.IL"))
    assert index.within(chicago, index.country("US"))
    assert not index.within(chicago, index.get("adm:US.TX"))
    assert not index.within(chicago, index.country("CA"))
    assert index.parents("curated:al-watiya-air-base") == []


def test_town_parents_are_read_once(index: GazetteerIndex, monkeypatch) -> None:
    """The resolver asks the regions of the same towns again and again: one query each."""
    chicago = next(p for p in index.lookup("Chicago") if p.country_code == "US")
    first = index.parents(chicago)
    queries: list[str] = []
    real = index._query
    monkeypatch.setattr(index, "_query", lambda sql, params=(): queries.append(sql) or
                        real(sql, params))
    again = index.parents(chicago)
    assert again == first and queries == []
    again.append(chicago)  # a caller's list is its own
    assert index.parents(chicago) == first
    index.clear_caches()
    assert index.parents(chicago.id) == first and len(queries) == 1


def test_regions_display_their_type(index: GazetteerIndex) -> None:
    donetsk = index.get("adm:UA.05")
    assert donetsk.name == "Donetsk Oblast"
    # the local spelling still matches as well as the display name
    assert index.match("Donetska oblast")[0].tier == "name"


def test_small_index_never_removes_another_source_set(tmp_path: Path) -> None:
    csv_path = tmp_path / "places.csv"
    _write_places(csv_path, [_ROW])
    other = tmp_path / "other.csv"
    _write_places(other, [{**_ROW, "id": "camp-three", "name": "Camp Three"}])
    first = open_index([CuratedPlaces(csv_path)], directory=tmp_path)
    second = open_index([CuratedPlaces(other)], directory=tmp_path)
    assert first.path.exists() and second.path.exists() and first.path != second.path
