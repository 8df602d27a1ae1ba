"""Filter and search values cannot alter a query, on SQLite and on PostgreSQL.

The store is filled with the demo dataset; every filter field gets classic injection
strings and LIKE wildcards. Each must match only what contains it literally, and the
tables must still be there, with the same rows, afterwards.
"""

from __future__ import annotations

import pytest
from fresh_databases import fresh_postgres_url

INJECTIONS = (
    "' OR 1=1 --",
    "' OR '1'='1",
    "\" OR \"\"=\"",
    "'; DROP TABLE claims; --",
    "1); DELETE FROM articles; --",
    "%",
    "_",
    "%%",
    "\\",
    "' UNION SELECT * FROM articles --",
    "\x00",
)


def _open_demo(backend: str, directory):
    """A store with the demo dataset on a new SQLite file or a new PostgreSQL database."""
    from contextlib import ExitStack

    from store import open_store

    stack = ExitStack()
    if backend == "sqlite":
        url = f"sqlite:///{directory / 'inject.sqlite'}"
    else:
        url = stack.enter_context(fresh_postgres_url())
    store = open_store(url, merge_places=False)
    stack.callback(store.close)
    store.load_demo()
    return store, stack


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(scope="module", params=BACKENDS)
def demo_store(request, tmp_path_factory):
    """Read-only tests share one demo store per backend."""
    store, stack = _open_demo(request.param, tmp_path_factory.mktemp("inject"))
    with stack:
        yield store


@pytest.fixture(params=BACKENDS)
def writable_demo_store(request, tmp_path):
    store, stack = _open_demo(request.param, tmp_path)
    with stack:
        yield store


def _total(store) -> int:
    from store.types import ClaimFilter

    return len(store.claims_frame(ClaimFilter()))


@pytest.mark.parametrize("value", INJECTIONS)
def test_filters_match_only_literal_text(demo_store, value):
    from store.types import ClaimFilter

    total = _total(demo_store)
    assert total > 0
    assert len(demo_store.claims_frame(ClaimFilter(text=value))) == 0
    assert len(demo_store.claims_frame(ClaimFilter(sources=[value]))) == 0
    assert len(demo_store.claims_frame(ClaimFilter(actors=[value]))) == 0
    assert len(demo_store.claims_frame(ClaimFilter(conflict=value))) == 0
    assert len(demo_store.claims_frame(ClaimFilter(kinds=[value]))) == 0
    assert _total(demo_store) == total, "a filter value changed the data"
    assert demo_store.stats()  # the tables are all still there


def test_injection_text_stored_in_a_claim_is_found_literally(writable_demo_store):
    demo_store = writable_demo_store
    from store.ingest import article_from_text
    from store.types import ClaimFilter

    marker = "' OR 1=1 --"
    text = (f"Government forces captured Sirte on Monday, a spokesman named {marker} said. "
            "The town lies about 190 km from Misrata, officials added.\n")
    result = demo_store.ingest_article(article_from_text(text, title=f"Title {marker}",
                                                         source=marker))
    assert result.status == "stored"
    by_source = demo_store.claims_frame(ClaimFilter(sources=[marker]))
    assert len(by_source) == result.claims
    assert set(by_source["source"]) <= {marker}
    found = demo_store.claims_frame(ClaimFilter(text=marker))
    assert len(found) == result.claims  # the title carries it: only this article's claims


def test_place_names_with_sql_are_stored_literally(writable_demo_store):
    demo_store = writable_demo_store
    name = "Robert'); DROP TABLE places; --"
    demo_store.add_place(name, 10.0, 20.0)
    assert any(p.name == name for p in demo_store.places())
    assert _total(demo_store) > 0


# ------------------------------------------------------------- the app's URL filter state

URL_VALUES = (*INJECTIONS, "", " ", "a" * 100_000, "2019-13-45", "31 Febtember 99999", "\ufffd")


@pytest.fixture(scope="module")
def demo_frame(tmp_path_factory):
    from store import open_store
    from store.types import ClaimFilter

    path = tmp_path_factory.mktemp("url-filters") / "url.sqlite"
    store = open_store(f"sqlite:///{path}", merge_places=False)
    try:
        store.load_demo()
        return store.claims_frame(ClaimFilter())
    finally:
        store.close()


@pytest.mark.parametrize("value", URL_VALUES, ids=range(len(URL_VALUES)))
def test_url_filter_state_cannot_widen_or_break_the_view(value, demo_frame):
    filters = pytest.importorskip("app.filters")

    params = {name: [value, value] for name in filters.PARAMS.values()}
    state = filters.FilterState.from_query_params(params)
    shown = filters.apply_filters(demo_frame, state)
    assert len(shown) <= len(demo_frame)
    if value.strip() and value.isprintable():
        assert len(shown) == 0, f"{value!r} matched {len(shown)} claims"
    state.to_query_params()  # round-trips into a URL without raising
