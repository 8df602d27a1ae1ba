"""The map page in streamlit.testing: demo data on open, URL filters, text search, no errors."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _metrics(at: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def test_opens_on_the_demo_dataset(app_home, app_path):
    from store import open_store

    at = AppTest.from_file(app_path, default_timeout=120)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    stored = open_store(merge_places=False).claims_frame()
    assert len(stored) > 50, "the empty database should have been filled with the demo dataset"
    metrics = _metrics(at)
    assert metrics["Claims in view"] == f"{len(stored):,}"
    assert metrics["On the map"] == f"{int(stored['lat'].notna().sum()):,}"


def test_url_filters_match_the_store_query(demo_store, app_path):
    from app.filters import FilterState

    state = FilterState.from_query_params(
        {"dates": ["2019-05-01", "2019-06-30"], "kind": ["control"]}
    )
    expected = demo_store.claims_frame(state.to_claim_filter())
    assert 0 < len(expected) < len(demo_store.claims_frame())
    at = AppTest.from_file(app_path, default_timeout=120)
    for key, value in state.to_query_params().items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = _metrics(at)
    assert metrics["Claims in view"] == f"{len(expected):,}"
    assert metrics["Distance"] == "0"


def test_text_search_narrows_the_view(demo_store, app_path):
    frame = demo_store.claims_frame()
    place = frame["place"].dropna().value_counts().index[0]
    at = AppTest.from_file(app_path, default_timeout=120)
    at.run()
    before = int(_metrics(at)["Claims in view"].replace(",", ""))
    at.text_input(key="q").set_value(place).run()
    after = int(_metrics(at)["Claims in view"].replace(",", ""))
    assert 0 < after < before
    table = at.dataframe[0].value
    assert len(table) == after


def test_bad_url_values_are_ignored(demo_store, app_path):
    at = AppTest.from_file(app_path, default_timeout=120)
    at.query_params["dates"] = ["not-a-date", "2019-13-45"]
    at.query_params["kind"] = "<script>"
    at.query_params["claim"] = "999999"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert int(_metrics(at)["Claims in view"].replace(",", "")) == len(demo_store.claims_frame())


def test_online_tiles_and_fronts_toggles_render(demo_store, app_path):
    at = AppTest.from_file(app_path, default_timeout=180)
    at.run()
    at.toggle(key="online").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    at.toggle(key="fronts").set_value(True).run()
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error


def test_filtered_view_exports_as_geojson_and_csv(demo_store):
    import json

    from app import data
    from app.filters import FilterState
    from store.export import export_bytes

    version = data.data_version(demo_store)
    frame = data.filtered_frame(FilterState(kinds=("distance",)), version)
    assert len(frame) and set(frame["kind"]) == {"distance"}
    features = json.loads(export_bytes(frame, "geojson"))["features"]
    assert len(features) == int(frame["lat"].notna().sum())
    rows = export_bytes(frame, "csv").decode("utf-8").strip().splitlines()
    assert len(rows) == len(frame) + 1


def test_the_gazetteer_warm_up_waits_for_the_sessions_second_map_run(demo_store, app_path,
                                                                     monkeypatch):
    from app import warmup

    calls: list[int] = []
    monkeypatch.setattr(warmup, "start", lambda *a, **k: calls.append(1))
    at = AppTest.from_file(app_path, default_timeout=120)
    at.run()
    assert not at.exception and calls == []  # the first run only sends the map
    at.run()  # the map reports back once drawn
    assert calls == [1]
