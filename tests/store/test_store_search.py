"""The text filter: the same claims as a per-column search, served by trigram indexes on PG.

:mod:`store.search` joins the text columns into one expression (so ``pg_trgm`` can index
it, migration 0006) and matches article titles and sources by article id. The claims it
finds must be exactly those a plain "lower(column) contains needle" test over every text
column finds, on SQLite and on the PostgreSQL of ``.ci/run`` (``store`` fixture).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

from store.search import ARTICLE_TEXT_COLUMNS, CLAIM_TEXT_COLUMNS, SEPARATOR, text_sql
from store.types import ArticleInput, ClaimFilter

MIGRATION = (Path(__file__).resolve().parents[2] / "store" / "migrations" / "versions"
             / "0006_search_trigram.py")

ARTICLES = (
    ("Sirte fell on Monday. Misrata lies 200 km from Sirte.", "Coastal report", "Wire One"),
    ("Gharyan fell. Tripoli is 90 km from Gharyan.", "Mountain 100% news_desk", "daily/two"),
    ("Misrata fell at dawn.", "Notes", "Wire One"),
)
#: Needles in one column, across two (must not match), in titles and sources, with LIKE's
#: special characters, in other case, and the separator itself.
NEEDLES = ("sirte", "SIRTE", "fell", "misrata", "km from", "gharyan", "mountain", "wire one",
           "daily/two", "100%", "news_desk", "_", "%", "/", "' or 1=1 --", "sirtesirte",
           "fellsirte", "fell sirte", "fell\nsirte", "fell-sirte", "lna lna", "lnalna",
           f"fell{SEPARATOR}", f"fell{SEPARATOR}sirte", "coastal", "report wire", "nowhere",
           " fell ", "tripoli is")


def _fill(store, analyzer) -> None:
    for body, title, source in ARTICLES:
        store.ingest_article(ArticleInput(text=body, title=title, source=source,
                                          published="2020-01-02"), analyzer=analyzer)


def _expected(frame, needle: str) -> set:
    """Claims where one text column (claim or article) holds the needle, in lower case."""
    needle = needle.strip().lower()
    columns = CLAIM_TEXT_COLUMNS + ("title", "source")
    return {row["claim_id"] for _, row in frame.iterrows()
            if any(isinstance(row[c], str) and needle in row[c].lower() for c in columns)}


def test_the_search_finds_what_a_per_column_search_finds(store, analyzer):
    _fill(store, analyzer)
    every = store.claims_frame()
    assert len(every) == 5  # three control claims, two distances
    for needle in NEEDLES:
        got = set(store.claims_frame(ClaimFilter(text=needle))["claim_id"])
        assert got == _expected(every, needle), needle
        assert store.count_claims(ClaimFilter(text=needle)) == len(got), needle


def test_the_search_matches_article_titles_and_sources_without_a_join(store, analyzer):
    _fill(store, analyzer)
    by_title = store.claims_frame(ClaimFilter(text="mountain"))
    assert set(by_title["title"]) == {"Mountain 100% news_desk"}
    assert store.count_claims(ClaimFilter(text="Wire One")) == len(
        store.claims_frame(ClaimFilter(sources=["Wire One"])))
    view = store.viewport(ClaimFilter(text="wire one"), (10.0, 30.0, 20.0, 34.0), 6)
    assert view.total == store.count_claims(ClaimFilter(text="wire one"))


def test_empty_and_nul_searches(store, analyzer):
    _fill(store, analyzer)
    total = store.count_claims()
    assert store.count_claims(ClaimFilter(text="   ")) == total
    assert store.count_claims(ClaimFilter(text="sirte\x00")) == 0


def _migration():
    spec = importlib.util.spec_from_file_location("migration_0006", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_migration_indexes_the_expression_the_query_uses():
    migration = _migration()
    claims, articles = migration.SEARCH_INDEXES
    assert (claims[1], claims[2]) == ("claims", CLAIM_TEXT_COLUMNS)
    assert (articles[1], articles[2]) == ("articles", ARTICLE_TEXT_COLUMNS)
    for _name, table, columns in migration.SEARCH_INDEXES:
        assert migration.search_sql(table, columns) == text_sql(table, columns)


def test_sqlite_gets_no_trigram_index(sqlite_store):
    with sqlite_store.engine.connect() as conn:
        names = {i["name"] for t in ("claims", "articles") for i in inspect(conn).get_indexes(t)}
    assert not {n for n in names if n.endswith("_trgm")}


def test_postgresql_search_uses_the_trigram_index(pg_url: str, analyzer):
    from store import open_store

    with open_store(pg_url, merge_places=False) as store:
        _fill(store, analyzer)
        with store.engine.connect() as conn:
            names = {i["name"] for t in ("claims", "articles")
                     for i in inspect(conn).get_indexes(t)}
            if "ix_claims_search_trgm" not in names:
                if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES") == "1":
                    pytest.fail("pg_trgm required: it ships with Debian's postgresql")
                pytest.skip("this PostgreSQL server has no pg_trgm")
            assert "ix_articles_search_trgm" in names
            from sqlalchemy import func, select

            from store.models import Claim
            from store.queries import filter_condition

            stmt = select(func.count()).select_from(Claim).where(
                filter_condition(ClaimFilter(text="misrata")))
            sql = str(stmt.compile(conn, compile_kwargs={"literal_binds": True}))
            conn.execute(text("SET enable_seqscan = off"))
            plan = "\n".join(conn.execute(text("EXPLAIN " + sql)).scalars())
        assert "ix_claims_search_trgm" in plan and "ix_articles_search_trgm" in plan
