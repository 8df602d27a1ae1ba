"""Bounding-box queries: PostGIS points with a GiST index where the server has PostGIS.

``ClaimFilter(bbox=...)`` must select the same claims through the GiST index as a plain
lat/lon comparison, also across the antimeridian; ``.ci/run`` installs PostGIS, so there
(``CONFLICTMAP_REQUIRE_SERVICES=1``) a missing extension is a failure, not a skip.
"""

from __future__ import annotations

import os

import pytest
from sqlalchemy import inspect

from core.errors import InputRejected
from store.types import ArticleInput, ClaimFilter

TEXT = ("Sirte fell on Monday. Misrata fell too. Tripoli lies 200 km from Misrata. "
        "Gharyan fell.")
BOXES = ((13.0, 32.0, 14.0, 33.0), (15.0, 31.0, 17.0, 33.0), (170.0, -10.0, 14.0, 40.0),
         (-10.0, -10.0, 0.0, 0.0))


def _inside(row, box) -> bool:
    west, south, east, north = box
    if row.lat is None or row.lon is None or not south <= row.lat <= north:
        return False
    return west <= row.lon <= east if west <= east else (row.lon >= west or row.lon <= east)


def test_bbox_selects_the_claims_inside_on_every_backend(store, analyzer):
    store.ingest_article(ArticleInput(text=TEXT, title="t", source="S",
                                      published="2020-01-02"), analyzer=analyzer)
    every = store.claims_frame()
    assert len(every) == 4
    for box in BOXES:
        got = set(store.claims_frame(ClaimFilter(bbox=box))["claim_id"])
        assert got == {r.claim_id for r in every.itertuples() if _inside(r, box)}, box


def test_postgresql_has_gist_indexed_points_when_postgis_is_installed(pg_url: str):
    from store import open_store
    from store.spatial import postgis_schema

    with open_store(pg_url, merge_places=False) as store:
        with store.engine.connect() as conn:
            schema = postgis_schema(conn)
            if schema is None:
                if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES") == "1":
                    pytest.fail("PostGIS required: install postgresql-NN-postgis-3")
                pytest.skip("this PostgreSQL server has no PostGIS")
            indexes = {i["name"] for t in ("claims", "mentions")
                       for i in inspect(conn).get_indexes(t)}
        assert {"ix_claims_geom", "ix_mentions_geom"} <= indexes


@pytest.mark.parametrize("bad", ["1,2,3", "0,50,10,40", "0,0,200,10", "a,b,c,d"])
def test_a_bad_bbox_is_rejected_with_the_reason(bad: str):
    with pytest.raises(InputRejected, match="bbox"):
        ClaimFilter(bbox=bad)
