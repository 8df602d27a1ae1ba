"""The map page on a large store: viewport queries instead of every claim.

Above ``CONFLICTMAP_VIEWPORT_MIN_CLAIMS`` the page draws grid cells coloured by actor
when zoomed out and claims when zoomed in, each for the current bounds and filters, and
pages the claims table from the database (shown by a toggle, off on a first visit).
"""

from __future__ import annotations

import pytest

from app.viewport_map import TABLE_PARAM

N_CLAIMS = 600


@pytest.fixture(scope="module")
def big_store(app_home):
    """``app_home``'s store with N synthetic claims, over the viewport threshold."""
    from bench.app_data import fill_store_batched
    from store import open_store

    store = open_store(merge_places=False)
    fill_store_batched(store, N_CLAIMS)
    mp = pytest.MonkeyPatch()
    mp.setenv("CONFLICTMAP_VIEWPORT_MIN_CLAIMS", "100")
    yield store
    mp.undo()
    store.close()


def _metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_zoomed_out_the_page_shows_cells_and_filters_change_their_counts(big_store, app_path):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(app_path, default_timeout=120)
    at.run()
    assert not at.exception
    shown = _metrics(at)
    assert shown["Claims in view"] == f"{N_CLAIMS:,}" and shown["On the map"].endswith("areas")
    assert not at.dataframe  # the claims table waits for its toggle
    at.multiselect(key="kind").set_value(["control"])
    at.toggle(key=TABLE_PARAM).set_value(True)
    at.run()
    control = big_store.count_claims(big_store_filter("control"))
    assert _metrics(at)["Claims in view"] == f"{control:,}" and control < N_CLAIMS
    assert len(at.dataframe[0].value) == 100  # one page of the table, from the database


def test_zoomed_in_the_page_shows_the_claims_of_the_bounds(big_store, app_path):
    from streamlit.testing.v1 import AppTest

    box = (14.0, 28.0, 18.0, 31.0)
    at = AppTest.from_file(app_path, default_timeout=120)
    at.session_state["viewport"] = {"bbox": box, "zoom": 10, "center": (29.5, 16.0)}
    at.run()
    assert not at.exception
    inside = len(big_store.viewport(None, box, 10).claims)
    assert 0 < inside < N_CLAIMS
    assert _metrics(at)["On the map"] == f"{inside:,} claims"


def big_store_filter(kind: str):
    from store.types import ClaimFilter

    return ClaimFilter(kinds=(kind,))


def test_the_claims_table_pages_forward_and_back_by_keyset(big_store, app_path):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(app_path, default_timeout=120)
    at.query_params[TABLE_PARAM] = "true"  # a shared link with the table open
    at.run()
    first = list(at.dataframe[0].value.iloc[:, 0])
    at.button(key="table_next").click()
    at.run()
    second = list(at.dataframe[0].value.iloc[:, 0])
    assert not at.exception and "page 2 of 6" in " ".join(c.value for c in at.caption)
    expected = big_store.claims_page(None, offset=100, limit=100)
    assert len(second) == 100 and len(expected) == 100 and second != first
    at.button(key="table_previous").click()
    at.run()
    assert list(at.dataframe[0].value.iloc[:, 0]) == first
