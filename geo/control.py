"""Who holds each place on a given day, according to a chosen set of sources.

Input is the store's claims frame (``Store.claims_frame``) or any iterable of records
with the same columns; only ``kind == "control"`` rows are used. Each claim is dated
by its ``event_date`` (else the article's ``published`` date). For a day ``D`` the
claims dated in ``[D - window_days, D]`` are read per place and per source:

* ``captured``, ``holds``, ``entered`` give the place to the actor's side;
* ``withdrew``, ``lost`` take it from the actor's side; it goes to the opposing side
  when the conflict has exactly two sides, else its holder becomes unknown;
* ``attacked``, ``besieged``, ``advanced_towards`` change nothing but mark the place
  as *front-adjacent*; with no control claim at all in the window, a place attacked
  by one side of a two-sided war is inferred to be held by the other (``inferred``).

Each source's view is its latest control claim for the place. Views whose dates lie
within ``contest_days`` of the newest one are compared: if they name different
holders the place is *contested* (sources disagree), otherwise it is *held*. Every
result keeps the ids of the claims that support it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from core.actions import GIVES, PRESSURE, TAKES
from core.errors import InputRejected
from geo.sides import Sides

__all__ = [
    "DEFAULT_CONTEST_DAYS",
    "DEFAULT_WINDOW_DAYS",
    "GIVES",
    "PRESSURE",
    "TAKES",
    "ControlState",
    "PlaceControl",
    "control_at",
    "control_timeline",
    "prepare_control_claims",
    "source_disagreements",
    "to_date",
]

_log = logging.getLogger("conflictmap.geo.control")


#: How far back a claim still counts (days). A year: towns held for months are
#: rarely re-reported, and an older claim says little about today's front.
DEFAULT_WINDOW_DAYS = 365
#: Two sources' latest views this close in time (days) must agree, else contested.
DEFAULT_CONTEST_DAYS = 30

_EPOCH = date(1970, 1, 1)


def to_date(value: Any) -> date | None:
    """Parse a date, a ``YYYY-MM-DD`` string, a Timestamp or None into a :class:`date`.

    >>> to_date("2020-07-01"), to_date(None)
    (datetime.date(2020, 7, 1), None)
    """
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and np.isnan(value):
        return None
    if isinstance(value, date) and not isinstance(value, pd.Timestamp):
        return value if type(value) is date else value.date()  # datetime -> date
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError) as err:
        raise InputRejected(f"not a date: {value!r} (expected YYYY-MM-DD)") from err
    if pd.isna(stamp):
        return None
    return stamp.date()


@dataclass(frozen=True, slots=True)
class PlaceControl:
    """The state of one place on one day: holder, status, and the claims behind it."""

    key: str
    place: str
    place_id: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    radius_km: float | None
    holder: str | None
    status: str  # "held" | "contested" | "unknown"
    claimants: tuple[str, ...]
    front_adjacent: bool
    attackers: tuple[str, ...]
    inferred: bool
    last_date: date | None
    claim_ids: tuple[str, ...]
    views: tuple[tuple[str, str | None], ...] = ()
    conflict: str | None = None

    @property
    def has_point(self) -> bool:
        """Whether the place has coordinates (only those can be drawn)."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, slots=True)
class ControlState:
    """Every place's :class:`PlaceControl` on ``on``, for ``sources`` (None = all)."""

    on: date
    sources: tuple[str, ...] | None
    window_days: int
    places: tuple[PlaceControl, ...] = field(default=())

    def held(self) -> list[PlaceControl]:
        """Places with one agreed holder."""
        return [p for p in self.places if p.status == "held"]

    def contested(self) -> list[PlaceControl]:
        """Places on which the sources disagree."""
        return [p for p in self.places if p.status == "contested"]

    def holders(self) -> dict[str, str | None]:
        """Map place name -> holder (None when contested or unknown)."""
        return {p.place: p.holder for p in self.places}

    def to_frame(self) -> pd.DataFrame:
        """Return the places as a DataFrame (one row per place)."""
        columns = [f for f in PlaceControl.__slots__]  # type: ignore[attr-defined]
        return pd.DataFrame([[getattr(p, c) for c in columns] for p in self.places],
                            columns=columns)


def _records_frame(claims: pd.DataFrame | Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    if isinstance(claims, pd.DataFrame):
        return claims
    return pd.DataFrame(list(claims))


def _text_col(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame:
        return pd.Series([None] * len(frame), index=frame.index, dtype=object)
    col = frame[name].astype(object)
    return col.where(col.notna(), None)


def _num_col(frame: pd.DataFrame, name: str) -> pd.Series:
    if name not in frame:
        return pd.Series(np.nan, index=frame.index, dtype=float)
    return pd.to_numeric(frame[name], errors="coerce").astype(float)


def prepare_control_claims(
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    *,
    sides: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """Normalize control claims once so many days can be evaluated cheaply.

    Returns a frame with columns ``claim_id, day`` (days since 1970-01-01), ``date,
    source, actor_norm, side, action, key, place, place_id, lat, lon, precision,
    radius_km, quote, conflict, opponent`` sorted by ``key, day, claim_id``. Rows that
    are not control claims, have no usable action, place or date are dropped.
    ``sides`` maps extra actors to sides (see :class:`geo.sides.Sides`).
    """
    frame = _records_frame(claims)
    if _is_prepared(frame):
        return frame
    if frame.empty:
        return pd.DataFrame(columns=_PREPARED_COLUMNS)
    if "kind" in frame:
        frame = frame[frame["kind"].astype(str) == "control"]
    frame = frame.reset_index(drop=True)  # concatenated frames may repeat index labels
    if "action" not in frame or "place" not in frame:
        raise InputRejected("control claims need at least the columns 'action' and 'place'")
    out = pd.DataFrame(index=frame.index)
    ids = _text_col(frame, "claim_id")
    out["claim_id"] = [str(v) if v is not None else f"row{i}"
                       for i, v in zip(frame.index, ids, strict=True)]
    event = pd.to_datetime(_text_col(frame, "event_date"), errors="coerce")
    published = pd.to_datetime(_text_col(frame, "published"), errors="coerce")
    when = event.fillna(published)
    out["date"] = when
    out["source"] = _text_col(frame, "source").fillna("unknown source")
    out["actor_norm"] = _text_col(frame, "actor_norm")
    if "actor" in frame:
        out["actor_norm"] = out["actor_norm"].fillna(_text_col(frame, "actor"))
    out["action"] = _text_col(frame, "action").map(lambda a: str(a).strip().lower() if a else None)
    out["place"] = _text_col(frame, "place")
    out["place_id"] = _text_col(frame, "place_id")
    out["lat"] = _num_col(frame, "lat")
    out["lon"] = _num_col(frame, "lon")
    out["precision"] = _text_col(frame, "precision")
    out["radius_km"] = _num_col(frame, "radius_km")
    out["quote"] = _text_col(frame, "quote")
    out["conflict"] = _text_col(frame, "conflict")
    known = out["action"].isin(GIVES | TAKES | PRESSURE)
    usable = known & out["place"].notna() & out["date"].notna()
    dropped = int((~usable).sum())
    if dropped:
        _log.debug("dropped %d control claims without action, place or date", dropped)
    out = out[usable].copy()
    if out.empty:
        return pd.DataFrame(columns=_PREPARED_COLUMNS)
    out["day"] = (out["date"].dt.normalize() - pd.Timestamp(_EPOCH)).dt.days.astype(np.int64)
    out["date"] = out["date"].dt.date
    out["key"] = [_place_key(pid, name, la, lo) for pid, name, la, lo in
                  zip(out["place_id"], out["place"], out["lat"], out["lon"], strict=True)]
    out["side"] = pd.Series([None] * len(out), index=out.index, dtype=object)
    out["opponent"] = pd.Series([None] * len(out), index=out.index, dtype=object)
    for conflict, index in out.groupby(out["conflict"].fillna("")).groups.items():
        resolver = Sides(conflict or None, overrides=sides,
                         observed_actors=out.loc[index, "actor_norm"])
        group_sides = [resolver.side_of(a) for a in out.loc[index, "actor_norm"]]
        out.loc[index, "side"] = pd.Series(group_sides, index=index, dtype=object)
        out.loc[index, "opponent"] = pd.Series([resolver.opponent(s) for s in group_sides],
                                               index=index, dtype=object)
    return out.sort_values(["key", "day", "claim_id"], kind="stable").reset_index(drop=True)


_PREPARED_COLUMNS = [
    "claim_id", "date", "source", "actor_norm", "action", "place", "place_id", "lat", "lon",
    "precision", "radius_km", "quote", "conflict", "day", "key", "side", "opponent",
]


def _place_key(place_id: Any, name: Any, lat: float, lon: float) -> str:
    if place_id is not None and str(place_id).strip():
        return str(place_id)
    label = str(name).strip().lower()
    if np.isfinite(lat) and np.isfinite(lon):
        return f"{label}@{lat:.3f},{lon:.3f}"
    return label


def _is_prepared(frame: pd.DataFrame) -> bool:
    return all(c in frame for c in ("key", "day", "side", "opponent"))


def _ensure_prepared(claims: Any, sides: Mapping[str, str] | None) -> pd.DataFrame:
    return prepare_control_claims(claims, sides=sides)


def _view_of(action: str, side: str | None, opponent: str | None) -> tuple[bool, str | None]:
    """Return (changes control, resulting holder) for one claim."""
    if action in GIVES:
        return True, side
    if action in TAKES:
        return True, opponent
    return False, None


def _evaluate_place(rows: list[tuple], contest_days: int | None) -> dict[str, Any]:
    """Evaluate one place from its in-window rows (sorted by day)."""
    # row layout: (claim_id, day, source, side, opponent, action)
    latest_day: dict[str, int] = {}
    for _claim_id, day, source, _side, _opponent, action in rows:
        if action in GIVES or action in TAKES:
            latest_day[source] = day
    views: dict[str, set[str | None]] = {}
    support: list[str] = []
    newest = max(latest_day.values()) if latest_day else None
    for claim_id, day, source, side, opponent, action in rows:
        if latest_day.get(source) != day:
            continue
        if contest_days is not None and newest is not None and newest - day > contest_days:
            continue
        changes, holder = _view_of(action, side, opponent)
        if changes:
            views.setdefault(source, set()).add(holder)
            support.append(claim_id)
    attackers: list[str] = []
    pressure_ids: list[str] = []
    for claim_id, day, _source, side, _opponent, action in rows:
        if action in PRESSURE and (newest is None or day >= newest):
            pressure_ids.append(claim_id)
            if side and side not in attackers:
                attackers.append(side)
    holders = set().union(*views.values()) if views else set()
    inferred = False
    if not views and attackers:
        opponents = {opp for _c, _d, _s, sd, opp, act in rows if act in PRESSURE and sd}
        if len(opponents) == 1 and None not in opponents:
            holders = set(opponents)
            inferred = True
    if len(holders) > 1:
        status, holder = "contested", None
    elif len(holders) == 1 and None not in holders:
        status, holder = "held", next(iter(holders))
    else:
        status, holder = "unknown", None
    claimants = tuple(sorted(h for h in holders if h is not None))
    view_list = tuple(sorted(
        (src, "|".join(sorted(h or "?" for h in hs))) for src, hs in views.items()
    ))
    return {
        "holder": holder,
        "status": status,
        "claimants": claimants,
        "front_adjacent": bool(pressure_ids),
        "attackers": tuple(attackers),
        "inferred": inferred,
        "last_day": max(r[1] for r in rows),
        "claim_ids": tuple(dict.fromkeys(support + pressure_ids)),
        "views": view_list,
    }


def control_at(
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    on: date | str,
    *,
    sources: Sequence[str] | None = None,
    window_days: int | None = DEFAULT_WINDOW_DAYS,
    contest_days: int | None = DEFAULT_CONTEST_DAYS,
    conflict: str | None = None,
    sides: Mapping[str, str] | None = None,
) -> ControlState:
    """Return who holds each place on ``on`` according to ``sources`` (None = all).

    Parameters
    ----------
    claims:
        The claims frame (or records, or the output of :func:`prepare_control_claims`).
    on:
        The day to evaluate; claims dated after it are ignored.
    sources:
        Only claims from these sources (exact ``source`` values); None keeps all.
    window_days:
        Look back this many days (None: the whole history).
    contest_days:
        Sources' latest views within this many days of the newest must agree, else
        the place is contested (None: every view in the window is compared).
    conflict:
        Keep only claims of this conflict.
    sides:
        Extra ``actor -> side`` mapping (overrides ``geo/data/sides.json``).

    """
    day_date = to_date(on)
    if day_date is None:
        raise InputRejected("a date is required (YYYY-MM-DD)")
    if window_days is not None and window_days < 0:
        raise InputRejected(f"window_days must be >= 0, got {window_days}")
    table = _ensure_prepared(claims, sides)
    day = (day_date - _EPOCH).days
    src = tuple(sources) if sources else None
    if table.empty:
        return ControlState(day_date, src, window_days or 0, ())
    mask = table["day"].to_numpy() <= day
    if window_days is not None:
        mask &= table["day"].to_numpy() >= day - window_days
    if src is not None:
        mask &= table["source"].isin(src).to_numpy()
    if conflict is not None:
        mask &= (table["conflict"].fillna("").str.lower() == conflict.lower()).to_numpy()
    sub = table[mask]
    places: list[PlaceControl] = []
    if sub.empty:
        return ControlState(day_date, src, window_days or 0, ())
    keys = sub["key"].to_numpy()
    rows = list(zip(sub["claim_id"], sub["day"], sub["source"], sub["side"], sub["opponent"],
                    sub["action"], strict=True))
    meta = list(zip(sub["place"], sub["place_id"], sub["lat"], sub["lon"], sub["precision"],
                    sub["radius_km"], sub["conflict"], strict=True))
    boundaries = np.flatnonzero(keys[1:] != keys[:-1]) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(keys)]))
    for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
        result = _evaluate_place(rows[start:end], contest_days)
        name, place_id, lat, lon, precision, radius, conf = meta[end - 1]
        places.append(PlaceControl(
            key=str(keys[start]), place=str(name), place_id=place_id,
            lat=None if not np.isfinite(lat) else float(lat),
            lon=None if not np.isfinite(lon) else float(lon),
            precision=precision, radius_km=None if not np.isfinite(radius) else float(radius),
            holder=result["holder"], status=result["status"], claimants=result["claimants"],
            front_adjacent=result["front_adjacent"], attackers=result["attackers"],
            inferred=result["inferred"], last_date=_EPOCH + timedelta(days=int(result["last_day"])),
            claim_ids=result["claim_ids"], views=result["views"], conflict=conf,
        ))
    return ControlState(day_date, src, window_days or 0, tuple(places))


def control_timeline(
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    dates: Iterable[date | str],
    **options: Any,
) -> list[ControlState]:
    """Evaluate :func:`control_at` for several days, normalizing the claims once."""
    table = _ensure_prepared(claims, options.pop("sides", None))
    return [control_at(table, d, **options) for d in dates]


def source_disagreements(
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    tolerance_days: int = 1,
    sources: Sequence[str] | None = None,
    sides: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """List pairs of claims where two sources name different holders on (nearly) the same day.

    Two control-changing claims about the same place, from different sources, at most
    ``tolerance_days`` apart, whose resulting holders differ, form one row with
    columns ``place, place_id, lat, lon, date_a, source_a, holder_a, claim_a, date_b,
    source_b, holder_b, claim_b``.
    """
    table = _ensure_prepared(claims, sides)
    columns = ["place", "place_id", "lat", "lon", "date_a", "source_a", "holder_a", "claim_a",
               "date_b", "source_b", "holder_b", "claim_b"]
    if table.empty:
        return pd.DataFrame(columns=columns)
    sub = table[table["action"].isin(GIVES | TAKES)]
    if start is not None:
        sub = sub[sub["day"] >= (to_date(start) - _EPOCH).days]
    if end is not None:
        sub = sub[sub["day"] <= (to_date(end) - _EPOCH).days]
    if sources:
        sub = sub[sub["source"].isin(list(sources))]
    out: list[list[Any]] = []
    for _key, group in sub.groupby("key", sort=False):
        if group["source"].nunique() < 2:
            continue
        items = list(group.itertuples(index=False))
        for i, a in enumerate(items):
            holder_a = _view_of(a.action, a.side, a.opponent)[1]
            for b in items[i + 1:]:
                if b.day - a.day > tolerance_days:
                    break
                if b.source == a.source:
                    continue
                holder_b = _view_of(b.action, b.side, b.opponent)[1]
                if holder_a != holder_b:
                    out.append([a.place, a.place_id, a.lat, a.lon, a.date, a.source, holder_a,
                                a.claim_id, b.date, b.source, holder_b, b.claim_id])
    return pd.DataFrame(out, columns=columns)
