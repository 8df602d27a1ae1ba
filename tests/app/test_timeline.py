"""Time controls of the map page: chart range, presets, latest-quotes feed."""

from datetime import date

import pandas as pd

from app.filters import PARAMS, FilterOptions
from app.timeline import apply_chart_range, daily_counts, day_chart, latest_quotes, preset_range

OPTIONS = FilterOptions(first=date(2019, 4, 1), last=date(2020, 6, 30))


def _frame():
    return pd.DataFrame({
        "claim_id": ["1", "2", "3"], "kind": ["control", "distance", "control"],
        "event_date": [date(2019, 4, 4), None, date(2020, 6, 1)],
        "published": [date(2019, 4, 5), date(2019, 5, 1), date(2020, 6, 2)],
        "source": ["a", "b", "a"], "place": ["Gharyan", "Tripoli", "Sirte"],
        "actor_norm": ["LNA", None, "GNA"], "action": ["captured", None, "holds"],
        "quote": ["q1", "q2", "q3"], "verdict": [None, "consistent: true 80 km", None],
    })


def test_dragged_chart_range_sets_the_date_filter_once():
    session = {"day_chart": {"selection": {"range": {"day": [1556668800000, 1559347200000]}}}}
    apply_chart_range(session, OPTIONS)
    assert session[PARAMS["dates"]] == (date(2019, 5, 1), date(2019, 6, 1))
    session[PARAMS["dates"]] = (date(2019, 4, 1), date(2020, 6, 30))  # the analyst moves on
    apply_chart_range(session, OPTIONS)  # the same old selection does not snap back
    assert session[PARAMS["dates"]] == (date(2019, 4, 1), date(2020, 6, 30))


def test_presets_count_back_from_the_latest_claim():
    assert preset_range(OPTIONS, 30) == (date(2020, 6, 1), date(2020, 6, 30))
    assert preset_range(OPTIONS, None) == (OPTIONS.first, OPTIONS.last)


def test_counts_chart_and_feed():
    frame = _frame()
    counts = daily_counts(frame)
    assert counts["claims"].sum() == 3 and set(counts["kind"]) == {"control", "distance"}
    spec = day_chart(counts).to_dict()
    assert spec["params"][0]["name"] == "range"
    feed = latest_quotes(frame, limit=2)
    assert [f["claim_id"] for f in feed] == ["3", "2"]
    assert feed[1]["what"].startswith("consistent")
