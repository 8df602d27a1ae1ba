"""Source comparison: what every outlet says about one place, or about one pair of places.

* A pair (distance claims): each source's stated distance between the same two places, side by
  side with the true geodesic distance ("60, 80, 90 or 100 km depending on the outlet").
* A place (control claims): each source's claims about who holds or took it, by date.

The grouping functions are pure (tested without Streamlit); :func:`render` draws the page.
"""

from __future__ import annotations

import logging
import math
from typing import Any

import pandas as pd

__all__ = ["distance_pairs", "pair_claims", "place_claims", "place_options", "render"]

log = logging.getLogger("conflictmap.app.compare")
_KM = {"km": 1.0, "mi": 1.609344, "nmi": 1.852, "m": 0.001}


def _present(value: Any) -> bool:
    """Return True for a non-empty, non-NaN value."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return False
    return bool(str(value).strip())


def _key(place_id: Any, name: Any) -> str | None:
    """Return a place's grouping key: its gazetteer id, else its lower-cased name."""
    if _present(place_id):
        return str(place_id).strip()
    if _present(name):
        return "name:" + str(name).strip().lower()
    return None


def _pair_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """Distance claims with an unordered pair key and display label."""
    dist = frame[frame["kind"] == "distance"].copy()
    if dist.empty:
        return dist.assign(pair=[], pair_label=[])
    keys, labels = [], []
    for row in dist.itertuples(index=False):
        a = _key(getattr(row, "anchor_place_id", None), row.anchor)
        b = _key(getattr(row, "subject_place_id", None), row.subject)
        if a is None or b is None or a == b:
            keys.append(None)
            labels.append(None)
            continue
        ends = sorted([(a, str(row.anchor)), (b, str(row.subject))])
        keys.append(f"{ends[0][0]}|{ends[1][0]}")
        labels.append(f"{ends[0][1]} – {ends[1][1]}")
    dist["pair"], dist["pair_label"] = keys, labels
    return dist[dist["pair"].notna()]


def distance_pairs(frame: pd.DataFrame) -> pd.DataFrame:
    """Pairs of places with distance claims: key, label, claims, sources (most claims first)."""
    dist = _pair_frame(frame)
    if dist.empty:
        return pd.DataFrame(columns=["pair", "label", "claims", "sources"])
    grouped = (
        dist.groupby("pair")
        .agg(
            label=("pair_label", "first"),
            claims=("claim_id", "size"),
            sources=("source", "nunique"),
        )
        .reset_index()
    )
    return grouped.sort_values(["sources", "claims", "label"], ascending=[False, False, True])


def pair_claims(frame: pd.DataFrame, pair: str) -> pd.DataFrame:
    """Every source's claims about one pair: stated km, true km, difference, verdict, quote."""
    dist = _pair_frame(frame)
    rows = dist[dist["pair"] == pair]
    factor = rows["unit"].map(lambda u: _KM.get(str(u), 1.0))
    stated_min = pd.to_numeric(rows["value_min"], errors="coerce") * factor
    stated_max = pd.to_numeric(rows["value_max"], errors="coerce") * factor
    out = pd.DataFrame(
        {
            "source": rows["source"].fillna("?"),
            "published": rows["published"],
            "stated": [
                f"{q + ' ' if isinstance(q, str) and q else ''}{v:g}"
                + (f"-{w:g}" if w != v else "")
                + f" {u}"
                for q, v, w, u in zip(
                    rows["qualifier"],
                    pd.to_numeric(rows["value_min"]),
                    pd.to_numeric(rows["value_max"]),
                    rows["unit"],
                    strict=True,
                )
            ],
            "stated_km": ((stated_min + stated_max) / 2).round(1),
            "true_km": pd.to_numeric(rows["true_km"], errors="coerce").round(1),
            "diff_pct": pd.to_numeric(rows["diff_pct"], errors="coerce").round(0),
            "verdict": rows["verdict"],
            "quote": rows["quote"],
            "claim_id": rows["claim_id"],
        }
    )
    return out.sort_values(["source", "published"]).reset_index(drop=True)


def pair_chart(table: pd.DataFrame) -> Any:
    """Bars of each source's stated km (coloured as on the map) and a rule at the true distance.

    The colours are the map's distance-check colours (``geo.claim_records.distance_color``),
    so a bar means what the legend says; the black rule is the geodesic distance.
    """
    import altair as alt

    from geo.claim_records import distance_color

    data = table.assign(
        label=table["source"].astype(str) + " " + table["published"].astype(str),
        color=[distance_color(d, v) for d, v in zip(table["diff_pct"], table["verdict"],
                                                     strict=True)],
    )[["label", "stated_km", "color", "verdict", "stated"]]
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("stated_km:Q", title="stated distance (km)"),
        y=alt.Y("label:N", title=None, sort=None),
        color=alt.Color("color:N", scale=None, legend=None),
        tooltip=["label", "stated", "stated_km", "verdict"],
    )
    true = table["true_km"].dropna()
    if true.empty:
        return bars
    truth = pd.DataFrame({"true_km": [float(true.iloc[0])],
                          "text": [f"true {float(true.iloc[0]):,.0f} km"]})
    rule = alt.Chart(truth).mark_rule(color="#111", strokeWidth=2).encode(x="true_km:Q")
    text = alt.Chart(truth).mark_text(align="left", dx=4, dy=-6, color="#111").encode(
        x="true_km:Q", y=alt.value(0), text="text:N")
    return bars + rule + text


def place_options(frame: pd.DataFrame) -> pd.DataFrame:
    """Places with control claims: key, label, claims, sources (most sources first)."""
    control = frame[frame["kind"] == "control"]
    if control.empty:
        return pd.DataFrame(columns=["key", "label", "claims", "sources"])
    keys = [
        _key(pid, name) for pid, name in zip(control["place_id"], control["place"], strict=True)
    ]
    table = control.assign(key=keys).dropna(subset=["key"])
    grouped = (
        table.groupby("key")
        .agg(label=("place", "first"), claims=("claim_id", "size"), sources=("source", "nunique"))
        .reset_index()
    )
    return grouped.sort_values(["sources", "claims", "label"], ascending=[False, False, True])


def place_claims(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """Return a date x source table of one place's control claims ("actor action" in each cell)."""
    control = frame[frame["kind"] == "control"]
    keys = [
        _key(pid, name) for pid, name in zip(control["place_id"], control["place"], strict=True)
    ]
    rows = control.assign(key=keys)
    rows = rows[rows["key"] == key]
    if rows.empty:
        return pd.DataFrame()
    cell = (
        rows["actor_norm"].fillna(rows["actor"]).fillna("?")
        + " "
        + rows["action"].fillna("").str.replace("_", " ")
    )
    table = pd.DataFrame(
        {"date": rows["sort_date"], "source": rows["source"].fillna("?"), "claim": cell}
    )
    return (
        table.groupby(["date", "source"])["claim"]
        .agg("; ".join)
        .unstack("source")
        .sort_index()
        .fillna("")
    )


def render() -> None:
    """Draw the comparison page."""
    import streamlit as st

    from app import data

    st.header("Compare sources")
    version = data.data_version()
    frame = data.all_claims(version)
    mode = st.radio(
        "Compare",
        ["Distance between two places", "Control of one place"],
        horizontal=True,
        key="compare_mode",
    )
    if mode.startswith("Distance"):
        pairs = distance_pairs(frame)
        if pairs.empty:
            st.info("No distance claims between two known places yet.")
            return
        labels = {
            r.pair: f"{r.label} ({r.claims} claims, {r.sources} sources)"
            for r in pairs.itertuples()
        }
        pair = st.selectbox(
            "Pair of places", list(labels), format_func=labels.get, key="compare_pair"
        )
        st.text(f"Every source on the distance {labels[pair]}")
        table = pair_claims(frame, pair)
        true = table["true_km"].dropna()
        if not true.empty:
            st.metric("True geodesic distance", f"{true.iloc[0]:,.0f} km")
        st.altair_chart(pair_chart(table), width="stretch")
        st.dataframe(table, hide_index=True, key="compare_pair_table")
    else:
        places = place_options(frame)
        if places.empty:
            st.info("No control claims yet.")
            return
        labels = {
            r.key: f"{r.label} ({r.claims} claims, {r.sources} sources)"
            for r in places.itertuples()
        }
        key = st.selectbox("Place", list(labels), format_func=labels.get, key="compare_place")
        st.text(f"Every source on {labels[key]}, by date (event, else publication)")
        st.dataframe(place_claims(frame, key), key="compare_place_table")
