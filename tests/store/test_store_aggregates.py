"""claim_summary: the triggers keep it equal to a recount, and the viewport sums it right.

Each test runs on SQLite and on the PostgreSQL of ``.ci/run`` (``store`` fixture; skipped
with a reason without ``CONFLICTMAP_TEST_POSTGRES_URL``, failing with
``CONFLICTMAP_REQUIRE_SERVICES=1``).
"""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import delete, select, text

from store import aggregates
from store.types import ClaimFilter

BOX = (10.0, 26.0, 22.0, 33.0)


def _snapshot(store) -> list[tuple]:
    s = aggregates.SUMMARY.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(s.level, s.gx, s.gy, s.day, s.actor, s.kind, s.conflict,
                                   s.n, s.sum_lat, s.sum_lon)).all()
    return sorted((*r[:8], round(r[8], 6), round(r[9], 6)) for r in rows)


def _recount(store) -> list[tuple]:
    """The summary as ``rebuild`` computes it from the claims (rolled back afterwards)."""
    with store.engine.connect() as conn:
        trans = conn.begin()
        aggregates.rebuild(conn)
        s = aggregates.SUMMARY.c
        rows = conn.execute(select(s.level, s.gx, s.gy, s.day, s.actor, s.kind, s.conflict,
                                   s.n, s.sum_lat, s.sum_lon)).all()
        trans.rollback()
    return sorted((*r[:8], round(r[8], 6), round(r[9], 6)) for r in rows)


def _cells(view) -> list[tuple]:
    return sorted((c.south, c.west, c.count, c.actors, round(c.lat, 9), round(c.lon, 9))
                  for c in view.cells)


def _live(store, monkeypatch, flt, box, zoom):
    with monkeypatch.context() as m:
        m.setattr(aggregates, "unanswerable", lambda _f: "forced by the test")
        return store.viewport(flt, box, zoom)


@pytest.fixture
def filled(store):
    from bench.app_data import fill_store_batched

    fill_store_batched(store, 600, batch=50)
    return store


def test_the_summary_equals_a_recount_after_a_batch_ingest_and_a_rerun(filled):
    from bench.app_data import prepared_batches
    from store.batch_writer import write_batch

    first = _snapshot(filled)
    assert first and first == _recount(filled)
    assert sum(r[7] for r in first if r[0] == aggregates.LEVELS[0]) == 600
    for batch in prepared_batches(600, batch=50):  # the same articles again: a re-run
        assert {r.status for r in write_batch(filled.engine, batch)} == {"duplicate"}
    assert filled.count_claims() == 600 and _snapshot(filled) == first


def test_the_single_article_path_keeps_it_too(store):
    from bench.app_data import fill_store

    fill_store(store, 120, per_article=6)
    assert _snapshot(store) == _recount(store) != []


def test_a_correction_and_a_delete_move_the_counts(filled):
    from store.models import Article, Claim

    with filled.engine.connect() as conn:
        claim_id = conn.execute(select(Claim.id).where(Claim.kind == "control")
                                .limit(1)).scalar_one()
    filled.correct_place(claim_id=claim_id, lat=40.5, lon=-3.5, name="Elsewhere")
    after = _snapshot(filled)
    assert after == _recount(filled)
    assert any(r[0] == 8 and r[1] == int((-3.5 + 180) / 0.3515625) for r in after)
    with filled.engine.begin() as conn:
        conn.execute(delete(Article).where(Article.id.in_(
            select(Article.id).order_by(Article.id).limit(5))))
    assert filled.count_claims() < 600
    assert _snapshot(filled) == _recount(filled)


@pytest.mark.parametrize("zoom", [2, 3, 4, 5, 6, 7, 8])
def test_the_viewport_from_the_summary_equals_the_live_group_by(filled, monkeypatch, zoom):
    for box in (BOX, (12.3, 27.1, 17.9, 30.6), (-180.0, -85.0, 180.0, 85.0)):
        summed = filled.viewport(None, box, zoom)
        assert summed.source.startswith("summary"), summed.source
        live = _live(filled, monkeypatch, None, box, zoom)
        assert live.source.startswith("live") and _cells(summed) == _cells(live)
        assert summed.total == live.total


def test_filters_it_can_answer_are_summed_and_the_others_go_live(filled, monkeypatch):
    answerable = [ClaimFilter(kinds=("control",)), ClaimFilter(actors=("Coastal Front",)),
                  ClaimFilter(since=date(2024, 3, 1), until=date(2024, 5, 31)),
                  ClaimFilter(until=date(2024, 2, 1), conflict="synthetic")]
    for flt in answerable:
        summed = filled.viewport(flt, BOX, 6)
        assert summed.source == "summary (level 6)"
        assert _cells(summed) == _cells(_live(filled, monkeypatch, flt, BOX, 6))
    view = filled.viewport(ClaimFilter(sources=("wire-one.example",)), BOX, 6)
    assert view.source == "live (source filter)" and view.total > 0
    assert filled.viewport(ClaimFilter(text="Place"), BOX, 6).source == "live (text search)"


def test_a_failed_batch_leaves_the_summary_untouched(filled):
    before = _snapshot(filled)
    with pytest.raises(Exception), filled.engine.begin() as conn:  # noqa: B017, PT011
        conn.execute(text("UPDATE claims SET lat = lat + 1 WHERE kind = 'control'"))
        raise RuntimeError("the batch fails after its claims were written")
    assert _snapshot(filled) == before


def test_rebuild_aggregates_command(filled, db_url):
    from click.testing import CliRunner

    from cli import main

    with filled.engine.begin() as conn:
        conn.execute(aggregates.SUMMARY.delete())
    result = CliRunner().invoke(main, ["rebuild-aggregates", "--db", db_url])
    assert result.exit_code == 0, result.output
    assert "claim summary rebuilt" in result.output
    assert _snapshot(filled) == _recount(filled) != []


def test_level_for_picks_the_finest_level_that_sums_exactly():
    assert aggregates.level_for(90.0 / 2 ** 3) == (4, 1)
    assert aggregates.level_for(90.0 / 2 ** 8) == (8, 0)
    assert aggregates.level_for(90.0 / 2 ** 9) is None  # finer than every stored level
    assert aggregates.level_for(60.0) is None  # not a power-of-two cell


def test_unanswerable_names_each_article_side_or_free_text_filter():
    assert aggregates.unanswerable(ClaimFilter(actors=("A",), kinds=("control",))) is None
    assert aggregates.unanswerable(ClaimFilter(sources=("s",))) == "source filter"
    assert aggregates.unanswerable(ClaimFilter(language="ar")) == "language filter"
    assert aggregates.unanswerable(ClaimFilter(text=" x ")) == "text search"
    assert aggregates.unanswerable(ClaimFilter(article_ids=(1,))) == "article filter"
    assert aggregates.unanswerable(ClaimFilter(actors=("x" * 300,))) is not None
