"""Who holds each place on a day: actions, sides, windows, sources, contested places."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import read_jsonl

from core.errors import InputRejected
from geo.control import (
    control_at,
    control_timeline,
    prepare_control_claims,
    source_disagreements,
    to_date,
)
from geo.sides import Sides

_IDS = iter(range(1, 1_000_000))


def claim(actor, action, place, day, source="alpha.example", *, lat=None, lon=None,
          conflict="testwar", event_date=True):
    """A control-claim record in the store's claims-frame layout."""
    return {
        "claim_id": f"c{next(_IDS)}", "kind": "control", "actor_norm": actor, "action": action,
        "place": place, "place_id": f"test:{place}", "lat": lat if lat is not None else 10.0,
        "lon": lon if lon is not None else 20.0, "precision": "town", "radius_km": 5.0,
        "published": day, "event_date": day if event_date else None, "source": source,
        "quote": f"{actor} {action} {place}", "conflict": conflict,
    }


def holder(state, place):
    return {p.place: p for p in state.places}[place]


@pytest.mark.parametrize("action", ["captured", "holds", "entered"])
def test_giving_actions_give_control(action):
    state = control_at([claim("A", action, "X", "2020-01-01")], "2020-01-02")
    result = holder(state, "X")
    assert (result.holder, result.status) == ("A", "held")
    assert result.claim_ids and result.claim_ids[0].startswith("c")


def test_latest_claim_of_a_source_wins():
    claims = [claim("A", "captured", "X", "2020-01-01"), claim("B", "captured", "X", "2020-02-01")]
    assert holder(control_at(claims, "2020-03-01"), "X").holder == "B"
    assert holder(control_at(claims, "2020-01-15"), "X").holder == "A"


def test_claims_after_the_day_are_ignored():
    claims = [claim("A", "captured", "X", "2020-05-01")]
    assert control_at(claims, "2020-04-30").places == ()


@pytest.mark.parametrize("action", ["withdrew", "lost"])
def test_taking_actions_hand_place_to_the_opponent_in_a_two_sided_war(action):
    claims = [claim("A", "holds", "Y", "2020-01-01"), claim("B", "holds", "Z", "2020-01-01"),
              claim("A", action, "X", "2020-01-05")]
    result = holder(control_at(claims, "2020-01-06"), "X")
    assert (result.holder, result.status) == ("B", "held")


def test_taking_action_with_three_sides_leaves_holder_unknown():
    claims = [claim("A", "holds", "Y", "2020-01-01"), claim("B", "holds", "Z", "2020-01-01"),
              claim("C", "holds", "W", "2020-01-01"), claim("A", "withdrew", "X", "2020-01-05")]
    result = holder(control_at(claims, "2020-01-06"), "X")
    assert (result.holder, result.status) == (None, "unknown")


def test_attacks_do_not_change_control_but_mark_the_front():
    claims = [claim("A", "holds", "X", "2020-01-01"), claim("B", "attacked", "X", "2020-01-03"),
              claim("B", "besieged", "X", "2020-01-04")]
    result = holder(control_at(claims, "2020-01-05"), "X")
    assert (result.holder, result.status, result.front_adjacent) == ("A", "held", True)
    assert result.attackers == ("B",)
    assert len(result.claim_ids) == 3


def test_attack_older_than_the_last_change_is_not_front():
    claims = [claim("B", "attacked", "X", "2020-01-01"), claim("A", "holds", "X", "2020-01-03")]
    assert not holder(control_at(claims, "2020-01-05"), "X").front_adjacent


def test_attacked_place_without_control_claims_is_inferred_for_the_other_side():
    claims = [claim("A", "holds", "Y", "2020-01-01"),
              claim("B", "advanced_towards", "X", "2020-01-02")]
    result = holder(control_at(claims, "2020-01-05"), "X")
    assert (result.holder, result.inferred, result.front_adjacent) == ("A", True, True)


def test_sources_that_disagree_in_the_same_days_make_a_place_contested():
    claims = [claim("A", "captured", "X", "2020-01-01", "alpha.example"),
              claim("B", "holds", "X", "2020-01-03", "beta.example")]
    result = holder(control_at(claims, "2020-01-05"), "X")
    assert (result.holder, result.status, result.claimants) == (None, "contested", ("A", "B"))
    assert set(result.claim_ids) == {claims[0]["claim_id"], claims[1]["claim_id"]}
    assert dict(result.views) == {"alpha.example": "A", "beta.example": "B"}


def test_an_old_view_of_another_source_does_not_contest_a_newer_change():
    claims = [claim("A", "captured", "X", "2020-01-01", "alpha.example"),
              claim("B", "captured", "X", "2020-04-01", "beta.example")]
    result = holder(control_at(claims, "2020-04-05"), "X")
    assert (result.holder, result.status) == ("B", "held")
    contested = holder(control_at(claims, "2020-04-05", contest_days=None), "X")
    assert contested.status == "contested"


def test_one_source_contradicting_itself_on_one_day_is_contested():
    claims = [claim("A", "captured", "X", "2020-01-01"), claim("B", "holds", "X", "2020-01-01")]
    assert holder(control_at(claims, "2020-01-02"), "X").status == "contested"


def test_source_filter_gives_each_outlet_its_own_view():
    claims = [claim("A", "captured", "X", "2020-01-01", "alpha.example"),
              claim("B", "holds", "X", "2020-01-03", "beta.example")]
    only_alpha = control_at(claims, "2020-01-05", sources=["alpha.example"])
    only_beta = control_at(claims, "2020-01-05", sources=["beta.example"])
    assert holder(only_alpha, "X").holder == "A"
    assert holder(only_beta, "X").holder == "B"
    assert only_alpha.sources == ("alpha.example",)


def test_window_drops_old_claims():
    claims = [claim("A", "holds", "X", "2019-01-01")]
    assert control_at(claims, "2020-06-01", window_days=90).places == ()
    assert holder(control_at(claims, "2020-06-01", window_days=None), "X").holder == "A"


def test_published_date_is_used_without_event_date():
    claims = [claim("A", "holds", "X", "2020-01-10", event_date=False)]
    assert control_at(claims, "2020-01-09").places == ()
    assert holder(control_at(claims, "2020-01-10"), "X").last_date == date(2020, 1, 10)


def test_affiliated_actor_counts_for_its_side():
    claims = [claim("LNA (Wagner)", "captured", "X", "2020-01-01", conflict="libya"),
              claim("GNA", "holds", "Y", "2020-01-01", conflict="libya"),
              claim("LNA", "withdrew", "Z", "2020-01-01", conflict="libya")]
    state = control_at(claims, "2020-01-02")
    assert holder(state, "X").holder == "LNA"
    assert holder(state, "Z").holder == "GNA"


def test_sides_overrides_and_opponent():
    sides = Sides("nowhere", overrides={"Militia M": "A"}, observed_actors=["A", "B", "Militia M"])
    assert sides.side_of("Militia M") == "A"
    assert sides.opponent("A") == "B"
    assert sides.side_of("  ") is None


def test_conflict_filter():
    claims = [claim("A", "holds", "X", "2020-01-01", conflict="one"),
              claim("A", "holds", "Y", "2020-01-01", conflict="two")]
    assert [p.place for p in control_at(claims, "2020-01-02", conflict="two").places] == ["Y"]


def test_dataframe_input_and_non_control_rows():
    frame = pd.DataFrame([claim("A", "holds", "X", "2020-01-01"),
                          {**claim("A", "holds", "Q", "2020-01-01"), "kind": "distance"}])
    state = control_at(frame, date(2020, 1, 2))
    assert [p.place for p in state.places] == ["X"]
    assert list(state.to_frame()["holder"]) == ["A"]


def test_repeated_index_labels_are_harmless():
    one = pd.DataFrame([claim("LNA", "holds", "X", "2020-01-01", conflict="libya")])
    two = pd.DataFrame([claim("GNA", "withdrew", "Y", "2020-01-01", conflict="libya")])
    state = control_at(pd.concat([one, two]), "2020-01-02")
    assert holder(state, "X").holder == "LNA" and holder(state, "Y").holder == "LNA"


def test_timeline_reuses_one_preparation():
    claims = [claim("A", "captured", "X", "2020-01-01"), claim("B", "captured", "X", "2020-02-01")]
    states = control_timeline(claims, ["2020-01-15", "2020-02-15"])
    assert [holder(s, "X").holder for s in states] == ["A", "B"]


def test_bad_input_is_rejected():
    with pytest.raises(InputRejected):
        control_at([claim("A", "holds", "X", "2020-01-01")], "not a date")
    with pytest.raises(InputRejected):
        prepare_control_claims([{"place": "X"}])
    with pytest.raises(InputRejected):
        control_at([claim("A", "holds", "X", "2020-01-01")], "2020-01-02", window_days=-1)
    assert to_date(None) is None and to_date(pd.NaT) is None


def test_unknown_actions_and_undated_claims_are_dropped():
    rows = [{**claim("A", "holds", "X", "2020-01-01"), "action": "celebrated"},
            {**claim("A", "holds", "Y", None), "published": None}]
    assert prepare_control_claims(rows).empty


def test_source_disagreements_on_the_same_days():
    claims = [claim("A", "captured", "X", "2020-01-01", "alpha.example"),
              claim("B", "holds", "X", "2020-01-02", "beta.example"),
              claim("A", "holds", "X", "2020-03-01", "beta.example")]
    pairs = source_disagreements(claims, tolerance_days=1)
    assert len(pairs) == 1
    row = pairs.iloc[0]
    assert {row.holder_a, row.holder_b} == {"A", "B"}
    assert {row.claim_a, row.claim_b} == {claims[0]["claim_id"], claims[1]["claim_id"]}
    assert source_disagreements(claims, start="2020-02-01").empty


@pytest.mark.eval
def test_runs_on_the_development_control_claims(shared_eval):
    rows = read_jsonl(shared_eval / "claims" / "control_claims_dev.jsonl")
    records = [{"claim_id": f"dev{i}", "kind": "control", "actor_norm": r["actor_norm"],
                "action": r["action"], "place": r["place"], "event_date": r["event_date"],
                "published": r["published"], "source": r["source"], "conflict": r["conflict"]}
               for i, r in enumerate(rows)]
    table = prepare_control_claims(records)
    assert len(table) > 100
    state = control_at(table, "2020-07-01", window_days=None, conflict="libya")
    assert state.places
    assert all(p.claim_ids for p in state.places)
    assert {p.holder for p in state.held()} <= {"GNA", "LNA"}
