"""The filter options (distinct conflicts) read by index probes equal a plain DISTINCT."""

from __future__ import annotations

from sqlalchemy import select, update

from store import queries
from store.models import Claim
from store.types import ArticleInput


def test_conflicts_are_the_distinct_non_null_keys(store, analyzer):
    for i, conflict in enumerate(("libya", "sudan", None, "libya", "yemen")):
        meta = {"conflict": conflict} if conflict else {}
        store.ingest_article(ArticleInput(text=f"Sirte fell. Gharyan fell. Report {i}.",
                                          source=f"S{i}", **meta), analyzer=analyzer)
    with store.engine.begin() as conn:  # one claim with no conflict at all
        first = conn.execute(select(Claim.id).order_by(Claim.id)).scalars().first()
        conn.execute(update(Claim).where(Claim.id == first).values(conflict=None))
        plain = conn.execute(select(Claim.conflict).distinct()).scalars()
        expected = sorted(c for c in plain if c is not None)
        assert queries.conflicts(conn) == expected
    assert {"libya", "sudan", "yemen"} <= set(expected)
