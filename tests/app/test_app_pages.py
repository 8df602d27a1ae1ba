"""Upload, distance checker and comparison pages in streamlit.testing."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _upload_page():
    from app.upload_page import render

    render()


def _distance_page():
    from app.distance_page import render

    render()


def _compare_page():
    from app.compare import render

    render()


def test_pasted_article_is_previewed_then_saved(demo_store):
    before = len(demo_store.claims_frame())
    at = AppTest.from_function(_upload_page, default_timeout=180)
    at.run()
    at.text_input[0].set_value('Report <script>alert("t")</script>')
    at.text_input[2].set_value("test-wire.example")
    at.text_input[3].set_value("2024-02-03")
    at.text_area[0].set_value(
        "The LNA captured Gharyan on Monday. Gharyan is about 90 km south of Tripoli."
    )
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("Place for Gharyan" == s.label for s in at.selectbox)
    assert len(at.dataframe) >= 1  # the extracted claims
    source = next(t for t in at.text_input if t.label == "Source")
    assert source.value == "test-wire.example"  # pre-filled, editable before saving
    source.set_value("edited-wire.example").run()
    at.button(key="save_batch").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert any("saved" in s.value for s in at.success)
    assert all("<script>" not in s.value for s in at.success)  # escaped for Markdown
    after = demo_store.claims_frame()
    assert len(after) > before
    assert "edited-wire.example" in set(after["source"])


def test_typed_distance_claim_is_checked():
    at = AppTest.from_function(_distance_page, default_timeout=180)
    at.run()
    at.radio[0].set_value("Type a claim").run()
    at.text_input[0].set_value("Gharyan is 90 km south of Tripoli")
    at.button[0].click().run()
    assert not at.exception, [e.value for e in at.exception]
    metrics = {m.label: m.value for m in at.metric}
    true_km = float(metrics["True (geodesic)"].split()[0])
    assert 70 < true_km < 95
    assert "south" in metrics["Bearing from anchor"]


def test_stored_distance_claim_and_comparison(demo_store):
    at = AppTest.from_function(_distance_page, default_timeout=180)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    assert at.selectbox[0].options
    cmp = AppTest.from_function(_compare_page, default_timeout=180)
    cmp.run()
    assert not cmp.exception, [e.value for e in cmp.exception]
    assert len(cmp.dataframe) == 1
    cmp.radio[0].set_value("Control of one place").run()
    assert not cmp.exception and len(cmp.dataframe) == 1


def test_coordinates_set_in_the_preview_are_saved_as_a_correction(demo_store):
    at = AppTest.from_function(_upload_page, default_timeout=180)
    at.run()
    at.text_input[0].set_value("Correction test")
    at.text_input[2].set_value("correction-wire.example")
    at.text_input[3].set_value("2024-03-04")
    at.text_area[0].set_value("The LNA captured Gharyan on Tuesday after heavy fighting.")
    at.button[0].click().run()
    picker = next(s for s in at.selectbox if s.label == "Place for Gharyan")
    picker.set_value(-1).run()  # "Set coordinates…"
    at.number_input(key=next(n.key for n in at.number_input if n.label == "Latitude")).set_value(
        32.2
    )
    at.number_input(key=next(n.key for n in at.number_input if n.label == "Longitude")).set_value(
        13.1
    ).run()
    at.button(key="save_batch").click().run()
    assert not at.exception, [e.value for e in at.exception]
    frame = demo_store.claims_frame()
    saved = frame[frame["source"] == "correction-wire.example"]
    assert len(saved) >= 1
    assert saved["lat"].round(3).tolist()[0] == 32.2 and saved["lon"].round(3).tolist()[0] == 13.1
    article_id = int(saved["article_id"].iloc[0])
    assert demo_store.corrections(article_id), "the analyst's choice is audited"
