"""The large-store map counts rows at most every ``COUNTS_TTL_S``, but sees its own writes.

Counting every table on each rerun cost about 0.3 s at a million claims; the map now
keeps the counts (and so the data version) for a few seconds, keyed by this process's
write counter, so an edit made in the app shows at once.
"""

from __future__ import annotations

from bench.app_data import fill_store_batched


def test_recent_counts_are_cached_until_the_app_writes(demo_store):
    from app import data

    before_version = data.recent_version(demo_store)
    before_count = data.recent_claim_count(demo_store)
    assert before_count == demo_store.count_claims()
    fill_store_batched(demo_store, 20)  # another writer: not seen within the TTL
    assert data.recent_version(demo_store) == before_version
    assert data.recent_claim_count(demo_store) == before_count
    data.bump_version()  # what the app does after its own writes
    assert data.recent_version(demo_store) != before_version
    assert data.recent_claim_count(demo_store) == before_count + 20


def test_row_counts_are_the_counts_of_stats(demo_store):
    stats = demo_store.stats()
    assert demo_store.row_counts() == {name: stats[name] for name in
                                       ("articles", "claims", "corrections", "places")}
