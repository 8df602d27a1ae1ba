"""The CSV export in ACLED's layout: country and admin-1 filled, ACLED's event vocabulary,
``location`` the resolved place's name (issue 18)."""

import io

import pandas as pd
import pytest

from store.export import _EVENT_TYPES, to_acled_csv

#: ACLED's event types and sub-event types (codebook), the only values the export may use.
ACLED_VOCABULARY = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction", "Non-violent transfer of territory",
                               "Other"},
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    from store import open_store

    home = tmp_path_factory.mktemp("export-home")
    store = open_store(f"sqlite:///{home}/c.sqlite", merge_places=False)
    store.load_demo()
    frame = store.claims_frame()
    store.close()
    return frame, pd.read_csv(io.StringIO(to_acled_csv(frame)))


def test_event_types_are_acleds_own(exported):
    _frame, out = exported
    for event_type, sub in zip(out["event_type"], out["sub_event_type"], strict=True):
        assert sub in ACLED_VOCABULARY[event_type], (event_type, sub)
    for event_type, sub in _EVENT_TYPES.values():
        assert sub in ACLED_VOCABULARY[event_type]


def test_country_admin1_and_resolved_location(exported):
    frame, out = exported
    assert out["country"].notna().mean() > 0.9 and set(out["country"].dropna()) == {"Libya"}
    assert out["admin1"].notna().sum() > 0
    gharyan = out[out["location"] == "Gharyan"]
    assert not gharyan.empty and set(gharyan["admin1"]) == {"Jabal al Gharbi District"}
    assert not out["location"].fillna("").str.contains("capital").any()
    assert list(out.columns[9:12]) == ["country", "admin1", "location"]
    assert len(out) == len(frame)
