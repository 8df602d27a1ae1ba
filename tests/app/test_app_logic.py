"""Pure logic of the app: filter state and the URL, filtering, preview, comparison, clicks."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from app.compare import distance_pairs, pair_claims, place_claims, place_options
from app.filters import FilterState, apply_filters, options_from_frame
from app.map_render import clicked_claim_id
from app.preview import claims_table, highlighted_html, manual_place, mention_groups
from app.text import md_escape
from gazetteer.model import Candidate, Mention, Place


@pytest.fixture(scope="module")
def synthetic_store(tmp_path_factory):
    from bench.app_data import fill_store
    from store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('logic')}/claims.sqlite"
    store = open_store(url, merge_places=False)
    fill_store(store, 300)
    yield store
    store.close()


STATES = [
    FilterState(),
    FilterState(since=date(2024, 3, 1), until=date(2024, 6, 30)),
    FilterState(sources=("wire-one.example", "radio-three.example")),
    FilterState(actors=("Northern Army",), kinds=("control",)),
    FilterState(kinds=("distance",), text="place 1"),
    FilterState(conflict="synthetic", text="REPORT 2"),
    FilterState(conflict="other"),
]


@pytest.mark.parametrize("state", STATES)
def test_in_memory_filters_match_the_store(synthetic_store, state):
    everything = synthetic_store.claims_frame()
    expected = set(synthetic_store.claims_frame(state.to_claim_filter())["claim_id"])
    assert set(apply_filters(everything, state)["claim_id"]) == expected


@pytest.mark.parametrize("state", STATES)
def test_filter_state_round_trips_through_the_url(state):
    assert FilterState.from_query_params(state.to_query_params()) == state


def test_options_cover_the_dataset(synthetic_store):
    options = options_from_frame(synthetic_store.claims_frame())
    assert options.total == 300 and len(options.sources) == 5
    assert options.first >= date(2024, 1, 1) - pd.Timedelta(days=3).to_pytimedelta()
    assert "Northern Army" in options.actors and options.conflicts == ("synthetic",)


def test_clicked_claim_id_reads_the_tooltip():
    assert clicked_claim_id({"last_object_clicked_tooltip": "X: A captured [claim 17]"}) == "17"
    assert clicked_claim_id({"last_object_clicked_tooltip": "no id here"}) is None
    assert clicked_claim_id(None) is None


def _place(name, lat=32.0, lon=13.0, precision="town"):
    return Place(
        id=f"t:{name}",
        name=name,
        lat=lat,
        lon=lon,
        feature_code="PPL",
        country_code="LY",
        precision=precision,
    )


def test_preview_highlights_mentions_and_escapes_text():
    text = "Fighting near <img src=x onerror=alert(1)> Sirte and Sirte again."
    start = text.index("Sirte")
    second = text.index("Sirte", start + 1)
    mentions = [
        Mention(start, start + 5, "Sirte", [Candidate(_place("Sirte"), 0.9, ())]),
        Mention(second, second + 5, "Sirte", []),
    ]
    out = highlighted_html(text, mentions)
    assert out.count("<mark") == 2 and "<img" not in out and "&lt;img" in out
    assert [len(g) for g in mention_groups(mentions)] == [2]


def test_manual_place_and_claims_table():
    place = manual_place(" Wadi X ", 31.5, 14.25)
    assert place.id == "manual:31.50000,14.25000" and place.name == "Wadi X"
    from claims.model import ControlClaim, Provenance

    claim = ControlClaim(
        Provenance("the A took B", 0, 12, 0, 12), "A", "A", "captured", "B", place_ref=place
    )
    table = claims_table([claim])
    assert table.iloc[0]["what"] == "A captured B" and "31.500" in table.iloc[0]["place"]


def test_md_escape_neutralizes_images_and_links():
    text = md_escape("![p](http://evil.example/p.png) [l](javascript:x)")
    assert "](" not in text and "![" not in text


def test_source_comparison_groups_pairs_and_places(synthetic_store):
    frame = synthetic_store.claims_frame()
    pairs = distance_pairs(frame)
    assert len(pairs) > 0
    top = pairs.iloc[0]
    table = pair_claims(frame, top["pair"])
    assert len(table) == top["claims"] and table["source"].nunique() == top["sources"]
    assert table["true_km"].notna().all()
    places = place_options(frame)
    matrix = place_claims(frame, places.iloc[0]["key"])
    assert matrix.shape[1] == places.iloc[0]["sources"]


def test_template_syntax_in_claims_never_runs_in_the_fronts_layer(synthetic_store):
    """folium re-parses rendered elements as Jinja; article text must not be evaluated."""
    import folium

    from app.map_page import _add_fronts

    frame = synthetic_store.claims_frame()
    frame = frame[frame["kind"] == "control"].copy()
    frame["quote"] = "AAA{{ 6*7 }}BBB{% if true %}CCC{% endif %}"
    frame["place"] = frame["place"] + "{{ 5*5 }}"
    fmap = folium.Map(tiles=None)
    note = _add_fronts(fmap, frame, FilterState())
    html = fmap.get_root().render()
    assert note is None
    assert "AAA42BBB" not in html
    assert "6*7" in html and "5*5" in html and "if true" in html


def test_source_comparison_chart_marks_the_true_distance():
    import pandas as pd

    from app.compare import pair_chart

    table = pd.DataFrame({
        "source": ["a.example", "b.example"], "published": ["2020-01-01", "2020-01-02"],
        "stated": ["about 90 km", "130 km"], "stated_km": [90.0, 130.0],
        "true_km": [95.0, 95.0], "diff_pct": [-5.0, 37.0],
        "verdict": ["consistent: true 95 km", "overstated: true 95 km (+37%)"],
    })
    spec = pair_chart(table).to_dict()
    layers = spec["layer"]
    assert any(layer["mark"]["type"] == "rule" for layer in layers)
    texts = [v for d in spec["datasets"].values() for v in d if "text" in v]
    assert texts == [{"true_km": 95.0, "text": "true 95 km"}]
