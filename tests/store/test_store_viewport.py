"""Viewport queries: grid cells that add up to the claims in the box, claims when zoomed in."""

from __future__ import annotations

import pytest

from store.types import ClaimFilter
from store.viewport import cell_degrees

BOX = (10.0, 26.0, 22.0, 33.0)


@pytest.fixture
def filled(store):
    from bench.app_data import fill_store_batched

    fill_store_batched(store, 400, batch=50)
    return store


def test_cells_add_up_to_the_claims_in_the_whole_cells_the_box_touches(filled):
    import math

    view = filled.viewport(None, (12.0, 27.0, 18.0, 31.0), 5)
    size = cell_degrees(5)
    west, east = (math.floor((v + 180) / size) * size - 180 for v in (12.0, 18.0 + size))
    south, north = (math.floor((v + 90) / size) * size - 90 for v in (27.0, 31.0 + size))
    frame = filled.claims_frame()
    inside = frame[(frame["lon"] >= west) & (frame["lon"] < east) & (frame["lat"] >= south)
                   & (frame["lat"] < north)]
    assert view.mode == "cells" and view.total == len(inside) > 0
    for cell in view.cells:
        assert cell.size_deg == size
        assert cell.west <= cell.lon <= cell.west + size
        counts = [n for _, n in cell.actors]
        assert counts == sorted(counts, reverse=True) and sum(counts) <= cell.count


def test_zoomed_in_the_viewport_returns_the_newest_claims_up_to_the_cap(filled):
    every = filled.viewport(None, BOX, 12)
    assert every.mode == "claims" and not every.truncated and every.total == 400
    capped = filled.viewport(ClaimFilter(kinds=("control",)), BOX, 12, max_claims=10)
    assert capped.truncated and len(capped.claims) == 10
    assert capped.total == filled.count_claims(ClaimFilter(kinds=("control",), bbox=BOX))
    dates = list(capped.claims["sort_date"])
    assert dates == sorted(dates, reverse=True)


def test_the_claims_table_pages_in_the_store_order(filled):
    whole = filled.claims_frame()
    page = filled.claims_page(None, offset=100, limit=50)
    assert list(page["claim_id"]) == list(whole["claim_id"].iloc[100:150])
    assert filled.count_claims(ClaimFilter(sources=("wire-one.example",))) == int(
        (whole["source"] == "wire-one.example").sum())


def test_keyset_pages_walk_the_store_order_including_undated_claims(filled):
    from sqlalchemy import text

    from store.viewport import page_key

    with filled.engine.begin() as conn:  # a few claims without any date sort last
        conn.execute(text("UPDATE claims SET sort_date = NULL WHERE id % 37 = 0"))
    whole = list(filled.claims_frame()["claim_id"])
    seen, key = [], None
    for _ in range(20):
        page = filled.claims_page(None, after=key, limit=45)
        if not len(page):
            break
        seen += list(page["claim_id"])
        key = page_key(page)
    assert seen == whole and key is not None and key[0] is None
    flt = ClaimFilter(kinds=("distance",))
    first = filled.claims_page(flt, limit=10)
    second = filled.claims_page(flt, after=page_key(first), limit=10)
    assert list(second["claim_id"]) == list(filled.claims_frame(flt)["claim_id"].iloc[10:20])
