"""End to end with the real analyzer (gazetteer + claims + verdicts) and the gazetteer merge."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from click.testing import CliRunner

from cli.main import main
from store import ClaimFilter, open_store


@pytest.fixture
def seed_db(tmp_path: Path, seed_article: str) -> str:
    path = tmp_path / "seed.txt"
    path.write_text(seed_article, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'e2e.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(path), "--source", "Global Research",
                                       "--published", "2020-01-13", "-q", "--db", db])
    assert result.exit_code == 0, result.output
    assert "stored 1" in result.output
    return db


def test_seed_article_end_to_end(seed_db: str):
    store = open_store(seed_db)
    frame = store.claims_frame(ClaimFilter(kinds=["control"]))
    sirte = frame[(frame.place == "Sirte") & (frame.action == "captured")]
    assert len(sirte) == 1
    row = sirte.iloc[0]
    assert row.actor_norm == "LNA" and row.source == "Global Research"
    assert abs(row.lat - 31.21) < 0.2 and abs(row.lon - 16.59) < 0.2
    assert str(row.published) == "2020-01-13"
    distance = store.claims_frame(ClaimFilter(kinds=["distance"]))
    misrata = distance[distance.anchor == "Misrata"]
    assert len(misrata) == 1 and misrata.iloc[0].verdict
    assert abs(misrata.iloc[0].anchor_lat - 32.38) < 0.2
    assert store.stats()["mentions"] > 10


def test_correcting_the_anchor_recomputes_the_real_verdict(seed_db: str):
    store = open_store(seed_db)
    before = store.claims_frame(ClaimFilter(kinds=["distance"]))
    row = before[before.anchor == "Misrata"].iloc[0]
    assert not pd.isna(row.anchor_mention_id)  # linked to a mention
    store.correct_place(int(row.anchor_mention_id), lat=31.5, lon=16.0, who="e2e")
    after = store.claims_frame(ClaimFilter(kinds=["distance"]))
    moved = after[after.claim_id == row.claim_id].iloc[0]
    assert moved.anchor_lat == pytest.approx(31.5)
    assert moved.verdict and moved.verdict != row.verdict


def test_analyst_places_are_merged_into_the_gazetteer(tmp_path: Path):
    from gazetteer import get_index

    db = f"sqlite:///{tmp_path / 'places.sqlite'}"
    place = open_store(db).add_place("Qwertzhausen Junction", 30.5, 14.25,
                                     aliases=["Qwertz Crossroads"], feature_code="PPLL",
                                     country="LY")
    index = get_index()
    assert [p.id for p in index.lookup("Qwertz Crossroads")] == [place.id]
    assert place.precision == "district"
    assert open_store(db).merge_places_into_gazetteer() == 1


def test_parallel_ingest_stores_each_article_once(tmp_path: Path):
    docs = tmp_path / "docs"
    docs.mkdir()
    towns = ["Sirte", "Misrata", "Gharyan", "Tarhuna", "Benghazi", "Zawiya"]
    for i, town in enumerate(towns):
        (docs / f"{i}.txt").write_text(
            f"Report {i}\nForces captured {town} on Monday. {town} is about {20 + i} km "
            "from Tripoli, officials said.", encoding="utf-8")
    (docs / "copy.txt").write_text((docs / "0.txt").read_text(), encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'jobs.sqlite'}"
    result = CliRunner().invoke(main, ["ingest", str(docs), "--jobs", "2", "-q",
                                       "--published", "2020-01-06", "--db", db])
    assert result.exit_code == 1  # the empty file
    assert "stored 6" in result.output and "duplicates 1, failed 1" in result.output
    stats = open_store(db).stats()
    assert stats["articles"] == 6 and stats["claims"] >= 6
