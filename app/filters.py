"""Filter state of the map: widgets, the URL (``st.query_params``) and the query.

The state is a small frozen :class:`FilterState` (hashable, so it keys ``st.cache_data``).
The sidebar widgets are bound to URL query parameters (Streamlit's ``bind="query-params"``),
so a filtered view is a link an analyst can share::

    ?dates=2019-04-01&dates=2019-06-30&source=reuters.com&kind=control&q=Gharyan

:func:`apply_filters` implements the store's ``ClaimFilter`` semantics on an in-memory frame:
dates on the event date falling back to the publication date, sources, actors (normalized name
or actor text), kinds, conflict, and a case-insensitive text search over quote, place, actor,
anchor, subject and title.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd

__all__ = [
    "KINDS",
    "PARAMS",
    "FilterOptions",
    "FilterState",
    "apply_filters",
    "filter_widgets",
    "options_from_frame",
]

log = logging.getLogger("conflictmap.app.filters")

#: Claim kinds and their labels.
KINDS: dict[str, str] = {"control": "Control / front line", "distance": "Distance"}
#: Display names of article languages (codes as ``store.language`` detects them).
LANGUAGE_NAMES: dict[str, str] = {"en": "English", "ar": "Arabic (العربية)"}
#: URL query parameter of each filter.
PARAMS: dict[str, str] = {
    "dates": "dates",
    "sources": "source",
    "actors": "actor",
    "kinds": "kind",
    "conflict": "conflict",
    "language": "lang",
    "text": "q",
}
_TEXT_COLUMNS = ("quote", "place", "actor", "actor_norm", "anchor", "subject", "title")
_MAX_TEXT = 200


def _as_date(value: Any) -> date | None:
    """Return a date from a date, datetime, Timestamp or ISO text; None for anything else."""
    if value is None or value == "":
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if hasattr(value, "date") and callable(value.date):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass(frozen=True)
class FilterState:
    """What the analyst filters on; empty fields do not filter."""

    since: date | None = None
    until: date | None = None
    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    conflict: str | None = None
    text: str | None = None
    language: str | None = None

    def to_query_params(self) -> dict[str, str | list[str]]:
        """Return the URL query parameters of this state (defaults left out).

        >>> FilterState(since=date(2019, 4, 1), until=date(2019, 5, 1), kinds=("control",)
        ...             ).to_query_params()
        {'dates': ['2019-04-01', '2019-05-01'], 'kind': ['control']}
        """
        params: dict[str, str | list[str]] = {}
        if self.since or self.until:
            params[PARAMS["dates"]] = [
                (self.since or date.min).isoformat(),
                (self.until or date.max).isoformat(),
            ]
        for name in ("sources", "actors", "kinds"):
            values = getattr(self, name)
            if values:
                params[PARAMS[name]] = list(values)
        if self.conflict:
            params[PARAMS["conflict"]] = self.conflict
        if self.text:
            params[PARAMS["text"]] = self.text
        if self.language:
            params[PARAMS["language"]] = self.language
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, Any]) -> FilterState:
        """Read a state from URL parameters; malformed values are ignored, never fatal.

        ``params`` maps names to a string or a list of strings (``st.query_params.to_dict()``
        keeps only the last value, so pass ``{k: st.query_params.get_all(k)}`` for lists).

        >>> state = FilterState.from_query_params({"dates": ["2019-04-01", "bad"], "q": "Sirte"})
        >>> state.since, state.until, state.text
        (datetime.date(2019, 4, 1), None, 'Sirte')
        """

        def many(name: str) -> tuple[str, ...]:
            value = params.get(PARAMS[name])
            if value is None:
                return ()
            values = [value] if isinstance(value, str) else list(value)
            return tuple(dict.fromkeys(str(v) for v in values if str(v).strip()))

        def one(name: str) -> str | None:
            values = many(name)
            return values[-1].strip()[:_MAX_TEXT] if values else None

        dates = many("dates")
        since = _as_date(dates[0]) if dates else None
        until = _as_date(dates[1]) if len(dates) > 1 else None
        kinds = tuple(k for k in many("kinds") if k in KINDS)
        return cls(
            since=since,
            until=until,
            sources=many("sources"),
            actors=many("actors"),
            kinds=kinds,
            conflict=one("conflict"),
            text=one("text"),
            language=one("language"),
        )

    def to_claim_filter(self) -> Any:
        """Return the equivalent ``store.ClaimFilter`` (for queries run in the database)."""
        from store import ClaimFilter

        return ClaimFilter(
            since=self.since,
            until=self.until,
            sources=self.sources,
            actors=self.actors,
            kinds=self.kinds,
            conflict=self.conflict,
            text=self.text,
            language=self.language,
        )


@dataclass(frozen=True)
class FilterOptions:
    """The values the widgets offer, read from the whole dataset."""

    first: date | None
    last: date | None
    sources: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()
    conflicts: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    total: int = 0
    by_source: Mapping[str, int] = field(default_factory=dict)


def _claim_dates(frame: pd.DataFrame) -> pd.Series:
    """Event date, else publication date, of each claim (as Python dates or None)."""
    if "sort_date" in frame.columns:
        values = frame["sort_date"]
    else:
        event = frame["event_date"] if "event_date" in frame.columns else None
        values = (
            frame["published"] if event is None else event.where(event.notna(), frame["published"])
        )
    return values.map(_as_date)


def options_from_frame(frame: pd.DataFrame) -> FilterOptions:
    """Widget options (date bounds, sources, actors, conflicts) of a claims frame."""
    if frame.empty:
        return FilterOptions(first=None, last=None)
    dates = [d for d in _claim_dates(frame) if d is not None]
    actors = frame["actor_norm"].where(frame["actor_norm"].notna(), frame["actor"])
    return FilterOptions(
        first=min(dates) if dates else None,
        last=max(dates) if dates else None,
        sources=tuple(sorted({str(s) for s in frame["source"].dropna()})),
        actors=tuple(sorted({str(a) for a in actors.dropna()})),
        conflicts=tuple(sorted({str(c) for c in frame["conflict"].dropna()})),
        languages=tuple(sorted({str(c) for c in frame["language"].dropna()}))
        if "language" in frame.columns else (),
        total=len(frame),
        by_source=frame["source"].value_counts().to_dict(),
    )


def apply_filters(frame: pd.DataFrame, state: FilterState) -> pd.DataFrame:
    """Rows of ``frame`` matching ``state`` (the store's ``ClaimFilter`` semantics)."""
    mask = pd.Series(True, index=frame.index)
    if state.since or state.until:
        dates = _claim_dates(frame)
        known = dates.notna()
        if state.since:
            mask &= known & dates.map(lambda d: d is not None and d >= state.since)
        if state.until:
            mask &= known & dates.map(lambda d: d is not None and d <= state.until)
    if state.sources:
        mask &= frame["source"].isin(state.sources)
    if state.actors:
        mask &= frame["actor_norm"].isin(state.actors) | (
            frame["actor_norm"].isna() & frame["actor"].isin(state.actors)
        )
    if state.kinds:
        mask &= frame["kind"].isin(state.kinds)
    if state.conflict:
        mask &= frame["conflict"] == state.conflict
    if state.language and "language" in frame.columns:
        mask &= frame["language"] == state.language
    if state.text and state.text.strip():
        needle = state.text.strip().lower()
        hit = pd.Series(False, index=frame.index)
        for column in _TEXT_COLUMNS:
            if column in frame.columns:
                hit |= (
                    frame[column]
                    .fillna("")
                    .astype(str)
                    .str.lower()
                    .str.contains(needle, regex=False)
                )
        mask &= hit
    return frame[mask]


#: Verdict classes (``geo.verdict.verdict_class``) of a distance that is off.
OFF_VERDICTS: frozenset[str] = frozenset({"understated", "overstated"})


def distances_off(frame: pd.DataFrame) -> pd.DataFrame:
    """Distance claims whose stated figure is off (understated or overstated), worst first.

    A figure plausible as a road distance, consistent, or not checkable is left out.
    """
    from geo.verdict import verdict_class

    if frame.empty or "verdict" not in frame.columns:
        return frame.iloc[0:0]
    mask = (frame["kind"] == "distance") & frame["verdict"].map(verdict_class).isin(OFF_VERDICTS)
    out = frame[mask]
    if "diff_pct" in out.columns:
        out = out.iloc[out["diff_pct"].abs().fillna(0).argsort()[::-1]]
    return out


def _date_range(options: FilterOptions) -> tuple[date, date]:
    """Slider bounds; a single day is widened so the slider can move."""
    first = options.first or date.today()
    last = options.last or first
    if last <= first:
        last = first + timedelta(days=1)
    return first, last


def filter_widgets(options: FilterOptions, container: Any = None) -> FilterState:
    """Draw the filter widgets (bound to the URL) and return the current state."""
    import streamlit as st

    box = container if container is not None else st.sidebar
    first, last = _date_range(options)
    since, until = box.slider(
        "Date (event, else publication)",
        min_value=first,
        max_value=last,
        value=(first, last),
        format="YYYY-MM-DD",
        key=PARAMS["dates"],
        bind="query-params",
        help="Claims dated by their event date, else the article's date.",
    )
    sources = box.multiselect(
        "Sources",
        options.sources,
        key=PARAMS["sources"],
        bind="query-params",
        placeholder="All sources",
    )
    actors = box.multiselect(
        "Actors",
        options.actors,
        key=PARAMS["actors"],
        bind="query-params",
        placeholder="All actors",
    )
    kinds = box.multiselect(
        "Claim kind",
        list(KINDS),
        key=PARAMS["kinds"],
        bind="query-params",
        placeholder="Both kinds",
        help="control: who holds or took a place; "
        "distance: stated distances, checked against the true one",
    )
    conflict = None
    if len(options.conflicts) > 1:
        conflict = (
            box.selectbox(
                "Conflict",
                ["", *options.conflicts],
                format_func=lambda c: c or "All conflicts",
                key=PARAMS["conflict"],
                bind="query-params",
            )
            or None
        )
    language = None
    if len(options.languages) > 1:  # the article's language, detected at ingest
        language = (
            box.selectbox(
                "Language",
                ["", *options.languages],
                format_func=lambda c: LANGUAGE_NAMES.get(c, c) if c else "All languages",
                key=PARAMS["language"],
                bind="query-params",
            )
            or None
        )
    text = (
        box.text_input(
            "Search quotes, places, actors, titles",
            key=PARAMS["text"],
            bind="query-params",
            max_chars=_MAX_TEXT,
        ).strip()
        or None
    )
    full_range = since <= first and until >= last
    return FilterState(
        since=None if full_range else since,
        until=None if full_range else until,
        sources=tuple(sources),
        actors=tuple(actors),
        kinds=tuple(kinds),
        conflict=conflict,
        text=text,
        language=language,
    )
