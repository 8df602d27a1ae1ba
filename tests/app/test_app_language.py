"""The map page's language filter and right-to-left display of Arabic quotes, escaped."""

from __future__ import annotations

import pytest

from app.filters import FilterState, apply_filters, options_from_frame
from app.preview import highlighted_html
from gazetteer.model import Mention
from geo.claim_records import popup_html


@pytest.fixture(scope="module")
def two_language_store(tmp_path_factory):
    from store import ArticleInput, open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('lang')}/claims.sqlite"
    store = open_store(url, merge_places=False)
    store.ingest_article(ArticleInput(text="سيطرت قوات حفتر على مدينة غريان يوم الأربعاء.",
                              source="arabic.example", published="2019-06-28"))
    store.ingest_article(ArticleInput(text="Haftar's forces captured Gharyan on Wednesday.",
                              source="english.example", published="2019-06-28"))
    yield store
    store.close()


def test_language_filter_in_memory_and_in_the_store(two_language_store):
    frame = two_language_store.claims_frame()
    assert options_from_frame(frame).languages == ("ar", "en")
    for lang, source in (("ar", "arabic.example"), ("en", "english.example")):
        state = FilterState(language=lang)
        assert set(apply_filters(frame, state)["source"]) == {source}
        stored = two_language_store.claims_frame(state.to_claim_filter())
        assert set(stored["source"]) == {source}
        assert FilterState.from_query_params(state.to_query_params()) == state


def test_arabic_popup_is_rtl_and_escaped():
    html = popup_html({"kind": "control", "place": "غريان", "action": "captured",
                       "quote": "سيطرت <script>alert(1)</script> على غريان", "lat": 32.1,
                       "lon": 13.0, "source": "x"})
    assert '<q dir="auto">' in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_preview_is_rtl_and_escaped():
    text = "دخلت القوات <b>سرت</b>"
    start = text.index("سرت")
    out = highlighted_html(text, [Mention(start, start + 3, "سرت", ())])
    assert 'dir="auto"' in out and "<b>" not in out and "&lt;b&gt;" in out


def test_claims_table_reads_arabic_cells_right_to_left(two_language_store):
    from app.map_page import table_frame
    from app.text import PDI, RLI

    table = table_frame(two_language_store.claims_frame())
    by_source = dict(zip(table["source"], table["quote"], strict=True))
    arabic = by_source["arabic.example"]
    assert arabic.startswith(RLI) and arabic.endswith(PDI)
    assert arabic[1:-1] == "سيطرت قوات حفتر على مدينة غريان"  # the text itself unchanged
    assert RLI not in by_source["english.example"]
    assert set(table.loc[table["source"] == "arabic.example", "place"]) == \
        {RLI + "غريان" + PDI}


def _panel():
    import streamlit as st

    from app.claim_panel import claim_details

    claim_details(None, dict(st.session_state["row"]))


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("quote", "rtl"), [
    ('سيطرت <img src=x onerror="alert(1)"> قوات حفتر على غريان', True),
    ("Haftar's <b>forces</b> captured Gharyan", False),
])
def test_claim_panel_shows_an_arabic_quote_right_to_left_and_escaped(quote, rtl):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_function(_panel, default_timeout=60)
    at.session_state["row"] = {"claim_id": 7, "kind": "control", "quote": quote,
                               "actor_norm": "LNA", "action": "captured", "place": "غريان"}
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    blocks = [e.proto.body for e in at.get("html")]
    texts = [t.value for t in at.text]
    if rtl:
        (block,) = blocks
        assert 'dir="rtl"' in block and "direction:rtl" in block
        assert "<img" not in block and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in block
        assert quote not in texts
    else:
        assert blocks == [] and quote in texts
