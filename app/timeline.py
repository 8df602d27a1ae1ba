"""Time on the map page: claims per day, date presets and boxes, the latest quotes.

The claims-per-day chart's dragged range sets the date filter; presets and From/To boxes sit
beside the slider; a feed of the latest quotes sits beside the map.
The date filter is the sidebar slider (``app.filters``, key ``dates``, kept in the URL); the
chart, the presets and the boxes only set that slider's value, before it is drawn, so every
way of choosing dates ends in the same filter.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd

from app.filters import PARAMS, FilterOptions
from app.text import md_escape

__all__ = ["PRESETS", "apply_chart_range", "daily_counts", "day_chart", "date_controls",
           "latest_quotes", "preset_range", "quote_feed"]

#: Date presets: label and days back from the latest claim (None: the whole period).
PRESETS: tuple[tuple[str, int | None], ...] = (
    ("7 days", 7), ("30 days", 30), ("All", None),
)
_CHART_KEY = "day_chart"
_FEED_ITEMS = 8


def preset_range(options: FilterOptions, days: int | None) -> tuple[date, date] | None:
    """Return the slider range of a preset, counted back from the latest claim (not from today).

    >>> o = FilterOptions(first=date(2019, 4, 1), last=date(2020, 6, 30))
    >>> preset_range(o, 7), preset_range(o, None)[0]
    ((datetime.date(2020, 6, 24), datetime.date(2020, 6, 30)), datetime.date(2019, 4, 1))
    """
    if options.first is None or options.last is None:
        return None
    if days is None:
        return options.first, options.last
    return max(options.first, options.last - timedelta(days=days - 1)), options.last


def daily_counts(frame: pd.DataFrame) -> pd.DataFrame:
    """Claims per day (event date, else published) and kind: columns day, kind, claims."""
    from app.filters import _claim_dates

    if frame.empty:
        return pd.DataFrame(columns=["day", "kind", "claims"])
    days = pd.to_datetime(_claim_dates(frame), errors="coerce")
    counted = (pd.DataFrame({"day": days, "kind": frame["kind"].to_numpy()})
               .dropna(subset=["day"]).groupby(["day", "kind"]).size()
               .rename("claims").reset_index())
    return counted


def day_chart(counts: pd.DataFrame) -> Any:
    """Return a bar chart of claims per day with a draggable interval selection named ``range``."""
    import altair as alt

    brush = alt.selection_interval(encodings=["x"], name="range")
    return (
        alt.Chart(counts)
        .mark_bar(size=3)
        .encode(
            x=alt.X("day:T", title=None),
            y=alt.Y("sum(claims):Q", title="claims/day"),
            color=alt.Color("kind:N", legend=alt.Legend(orient="right", title=None)),
            tooltip=["day:T", "kind:N", "claims:Q"],
        )
        .add_params(brush)
        .properties(height=170)
    )


def _range_of(selection: Any) -> tuple[date, date] | None:
    """Return the dates of a chart selection event.

    The event is ``{"selection": {"range": {"day": [a, b]}}}``.
    """
    try:
        values = selection["selection"]["range"]["day"]
    except (KeyError, TypeError):
        return None
    if not isinstance(values, Sequence) or len(values) != 2:
        return None
    start, end = (pd.to_datetime(v, unit="ms" if isinstance(v, (int, float)) else None)
                  for v in values)
    return start.date(), end.date()


def apply_chart_range(session: Any, options: FilterOptions) -> None:
    """Copy a new range dragged on the chart into the date slider's state (before it is drawn)."""
    picked = _range_of(session.get(_CHART_KEY))
    if picked is None or picked == session.get("_day_chart_applied"):
        return
    session["_day_chart_applied"] = picked
    lo = max(picked[0], options.first) if options.first else picked[0]
    hi = min(picked[1], options.last) if options.last else picked[1]
    if lo <= hi:
        session[PARAMS["dates"]] = (lo, hi)


def date_controls(st: Any, options: FilterOptions) -> None:
    """Preset buttons and From/To boxes that set the date slider (drawn before it)."""
    if options.first is None or options.last is None:
        return

    def set_range(value: tuple[date, date] | None) -> None:
        if value is not None:
            st.session_state[PARAMS["dates"]] = value

    cols = st.sidebar.columns(len(PRESETS))
    for col, (label, days) in zip(cols, PRESETS, strict=True):
        col.button(label, key=f"preset_{days}", on_click=set_range,
                   args=(preset_range(options, days),), width="stretch",
                   help=(f"the last {days} days up to the latest claim" if days
                         else "the whole war"))
    current = st.session_state.get(PARAMS["dates"]) or (options.first, options.last)

    def from_boxes() -> None:
        lo, hi = st.session_state.get("date_from"), st.session_state.get("date_to")
        if lo and hi and lo <= hi:
            set_range((max(lo, options.first), min(hi, options.last)))

    left, right = st.sidebar.columns(2)
    left.date_input("From", value=current[0], min_value=options.first,
                    max_value=options.last, key="date_from", on_change=from_boxes)
    right.date_input("To", value=current[1], min_value=options.first,
                     max_value=options.last, key="date_to", on_change=from_boxes)


def latest_quotes(frame: pd.DataFrame, limit: int = _FEED_ITEMS) -> list[dict[str, Any]]:
    """Return the ``limit`` most recent claims: day, source, place, what, quote, claim id."""
    from app.filters import _claim_dates

    if frame.empty:
        return []
    days = _claim_dates(frame)
    ordered = (frame.assign(_day=days.to_numpy()).reset_index(drop=True)
               .dropna(subset=["_day"]).sort_values("_day", ascending=False, kind="stable")
               .head(limit))
    out = []
    for row in ordered.to_dict("records"):
        what = (f"{row.get('actor_norm') or row.get('actor') or '?'} {row.get('action')}"
                if row.get("kind") == "control" else (row.get("verdict") or "distance claim"))
        out.append({"day": row["_day"], "source": row.get("source") or "?",
                    "place": row.get("place") or row.get("subject") or "?", "what": what,
                    "quote": row.get("quote") or "", "claim_id": str(row.get("claim_id"))})
    return out


def quote_feed(container: Any, frame: pd.DataFrame) -> None:
    """Draw the latest-quotes feed (all article text shown as plain text)."""
    container.markdown("**Latest quotes**")
    items = latest_quotes(frame)
    if not items:
        container.caption("No dated claims in this view.")
    for item in items:
        container.text(f"{item['day']} · {item['source']}\n{item['place']}: {item['what']}")
        container.caption(md_escape(f"“{item['quote'][:220]}” [claim {item['claim_id']}]"))
