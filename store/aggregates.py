"""Claim counts per grid cell, kept by the database, so a zoomed-out map reads no claims.

At a million claims a zoomed-out viewport covers most of them, and counting them per cell
with a GROUP BY over the claims takes about a second. ``claim_summary`` holds the same
counts precomputed: per stored grid level (:data:`LEVELS`, cell side ``90 / 2**level``
degrees, so the cell of a coarser zoom is exactly the sum of 2**k x 2**k stored cells), per
day (``sort_date``), per actor (the normalized actor, else the actor text), per kind and
per conflict, with the claim count and the sums of lat and lon (the centre of mass).

Triggers on ``claims`` keep it (installed by migration 0004, :func:`install_triggers`):
on PostgreSQL statement-level triggers with transition tables (one set-based upsert per
INSERT/UPDATE/DELETE statement, so a batch's COPY path costs one statement); on SQLite
row-level triggers. They run inside the writing transaction, so every path (single
ingest, the batch writer's ``ON CONFLICT`` path, corrections, cascading deletes) updates
the summary with exactly the claims it wrote: a re-run that adds no claims adds nothing,
a rolled-back batch leaves nothing. ``conflictmap rebuild-aggregates`` recomputes it.

Filters it answers (:func:`unanswerable`): dates, actors, kinds, conflict and the box.
Sources, language, text search and article ids are article-side or free text: the viewport
falls back to the live GROUP BY and says so.
"""

from __future__ import annotations

import logging
import math
import weakref
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import (
    Column,
    Connection,
    Date,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    func,
    or_,
    select,
)

from store.types import ClaimFilter

__all__ = ["LEVELS", "NO_DAY", "SUMMARY", "drop_triggers", "install_triggers", "level_for",
           "level_size", "rebuild", "summary_rows", "table_present", "unanswerable"]

log = logging.getLogger("conflictmap.store.aggregates")

#: Stored grid levels: cell side ``90 / 2**level`` degrees (22.5, 5.6, 1.4, 0.35).
#: A viewport at zoom z (cells of ``90 / 2**z`` degrees) sums the cells of the
#: smallest stored level >= z. Changing this needs a migration that rebuilds.
LEVELS: tuple[int, ...] = (2, 4, 6, 8)
#: ``day`` of a claim without a date (the key columns are NOT NULL so upserts match).
NO_DAY = date(1, 1, 1)
#: Actor names are kept to this length in the summary; a longer filter value goes live.
ACTOR_CHARS = 200
_PRESENT: weakref.WeakKeyDictionary[Any, bool] = weakref.WeakKeyDictionary()
_KEY = ("level", "gx", "gy", "day", "actor", "kind", "conflict")

_META = MetaData()
#: The summary table (created by migration 0004; not a model, the triggers write it).
SUMMARY = Table(
    "claim_summary", _META,
    Column("level", Integer, primary_key=True),
    Column("gx", Integer, primary_key=True),
    Column("gy", Integer, primary_key=True),
    Column("day", Date, primary_key=True),
    Column("actor", String(ACTOR_CHARS), primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("conflict", String(100), primary_key=True),
    Column("n", Integer, nullable=False),
    Column("sum_lat", Float, nullable=False),
    Column("sum_lon", Float, nullable=False),
)


def level_size(level: int) -> float:
    """Cell side in degrees of a grid level (exact in binary floating point).

    >>> level_size(2), level_size(8)
    (22.5, 0.3515625)
    """
    return 90.0 / 2 ** int(level)


def level_for(size_deg: float, levels: Sequence[int] = LEVELS) -> tuple[int, int] | None:
    """Return ``(stored level, k)``: cells of ``size_deg`` are 2**k x 2**k of its cells.

    None when ``size_deg`` is not ``90 / 2**z`` for a whole z, or finer than every level.

    >>> level_for(90.0), level_for(1.40625), level_for(0.1), level_for(7.0)
    ((2, 2), (6, 0), None, None)
    """
    z = math.log2(90.0 / size_deg) if size_deg > 0 else -1.0
    if z < 0 or abs(z - round(z)) > 1e-9:
        return None
    finer = [lv for lv in sorted(levels) if lv >= round(z)]
    return (finer[0], finer[0] - int(round(z))) if finer else None


def unanswerable(flt: ClaimFilter) -> str | None:
    """Why the summary cannot answer ``flt`` (None when it can)."""
    if flt.sources:
        return "source filter"
    if flt.language:
        return "language filter"
    if flt.text and flt.text.strip():
        return "text search"
    if flt.article_ids:
        return "article filter"
    if any(not a or len(a) > ACTOR_CHARS for a in flt.actors):
        return "actor name outside the summary"
    return None


def summary_rows(conn: Connection, flt: ClaimFilter, level: int, k: int,
                 gx_ranges: Sequence[tuple[int, int]], gy_range: tuple[int, int]
                 ) -> list[tuple[int, int, str, int, float, float]]:
    """Rows ``(gx, gy, who, n, sum_lat, sum_lon)`` of viewport cells (2**k stored cells a side).

    ``gx_ranges``/``gy_range`` are inclusive viewport-cell index ranges; ``who`` is the
    actor, else the kind (as the live GROUP BY colours a cell).
    """
    s, per = SUMMARY.c, 2 ** int(k)
    vx, vy = (s.gx // per).label("vx"), (s.gy // per).label("vy")
    conds = [s.level == int(level), s.gy.between(gy_range[0] * per, gy_range[1] * per + per - 1),
             or_(*(s.gx.between(lo * per, hi * per + per - 1) for lo, hi in gx_ranges))]
    if flt.since is not None or flt.until is not None:
        conds.append(s.day > NO_DAY)
    if flt.since is not None:
        conds.append(s.day >= flt.since)
    if flt.until is not None:
        conds.append(s.day <= flt.until)
    if flt.actors:
        conds.append(s.actor.in_([str(a) for a in flt.actors]))
    if flt.kinds:
        conds.append(s.kind.in_([str(v) for v in flt.kinds]))
    if flt.conflict:
        conds.append(s.conflict == str(flt.conflict))
    stmt = (select(vx, vy, s.actor, s.kind, func.sum(s.n), func.sum(s.sum_lat),
                   func.sum(s.sum_lon)).where(and_(*conds)).group_by(vx, vy, s.actor, s.kind))
    return [(int(x), int(y), actor or kind, int(n), float(la), float(lo))
            for x, y, actor, kind, n, la, lo in conn.execute(stmt)]


# --------------------------------------------------------------------- maintenance SQL
def _levels_sql(levels: Sequence[int]) -> str:
    return " UNION ALL ".join(
        f"SELECT {int(lv)} AS level, CAST({level_size(lv)!r} AS DOUBLE PRECISION) AS size"
        for lv in levels)


def _delta_sql(dialect: str, rows: str, levels: Sequence[int]) -> str:
    """``INSERT ... ON CONFLICT DO UPDATE`` adding ``rows`` (with a ``sign``) to the summary.

    ``rows`` is a relation with claim columns and ``sign`` (+1 added, -1 removed). The cell
    index is computed as the live GROUP BY computes it, so both agree to the claim.
    """
    if dialect == "postgresql":
        def cell(col: str, shift: str) -> str:
            return f"CAST(floor((c.{col} + {shift}) / l.size) AS INTEGER)"
        actor = f"coalesce(left(coalesce(c.actor_norm, c.actor), {ACTOR_CHARS}), '')"
        no_day, me = "DATE '0001-01-01'", "claim_summary."
    else:
        def cell(col: str, shift: str) -> str:
            return f"CAST((c.{col} + {shift}) / l.size AS INTEGER)"
        actor = f"coalesce(substr(coalesce(c.actor_norm, c.actor), 1, {ACTOR_CHARS}), '')"
        no_day, me = "'0001-01-01'", ""
    key = ", ".join(_KEY)
    return (
        f"INSERT INTO claim_summary ({key}, n, sum_lat, sum_lon) "
        f"SELECT l.level, {cell('lon', '180.0')}, {cell('lat', '90.0')}, "
        f"coalesce(c.sort_date, {no_day}), {actor}, c.kind, coalesce(c.conflict, ''), "
        "sum(c.sign), sum(c.sign * c.lat), sum(c.sign * c.lon) "
        f"FROM ({rows}) AS c CROSS JOIN ({_levels_sql(levels)}) AS l "
        "WHERE c.lat IS NOT NULL AND c.lon IS NOT NULL "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(c.sign) <> 0 "
        "OR abs(sum(c.sign * c.lat)) > 1e-9 OR abs(sum(c.sign * c.lon)) > 1e-9 "
        "ORDER BY 1, 2, 3, 4, 5, 6, 7 "  # one lock order for concurrent batches
        f"ON CONFLICT ({key}) DO UPDATE SET n = {me}n + excluded.n, "
        f"sum_lat = {me}sum_lat + excluded.sum_lat, sum_lon = {me}sum_lon + excluded.sum_lon")


_COLS = "lon, lat, sort_date, actor_norm, actor, kind, conflict"
_PRUNE = "DELETE FROM claim_summary WHERE n <= 0"
_PG_FUNCTION = "cm_claim_summary_sync"
#: Triggers: (name, event, transition tables) -- PostgreSQL; SQLite uses row triggers.
PG_TRIGGERS: tuple[tuple[str, str, str], ...] = (
    ("cm_claim_summary_ins", "INSERT", "NEW TABLE AS new_rows"),
    ("cm_claim_summary_upd", "UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
    ("cm_claim_summary_del", "DELETE", "OLD TABLE AS old_rows"),
)
SQLITE_TRIGGERS: tuple[str, ...] = ("cm_claim_summary_ins", "cm_claim_summary_upd",
                                    "cm_claim_summary_del")
#: Claim columns the summary depends on (SQLite's update trigger fires on these only).
SUMMARY_COLUMNS: tuple[str, ...] = ("lat", "lon", "sort_date", "actor_norm", "actor",
                                    "kind", "conflict")


def _pg_statements(levels: Sequence[int]) -> list[str]:
    old = f"SELECT {_COLS}, -1 AS sign FROM old_rows"
    new = f"SELECT {_COLS}, 1 AS sign FROM new_rows"
    body = (
        "BEGIN\n"
        f"  IF TG_OP = 'INSERT' THEN {_delta_sql('postgresql', new, levels)};\n"
        f"  ELSIF TG_OP = 'DELETE' THEN {_delta_sql('postgresql', old, levels)};\n"
        f"  ELSE {_delta_sql('postgresql', old + ' UNION ALL ' + new, levels)};\n"
        "  END IF;\n"
        f"  {_PRUNE};\n"
        "  RETURN NULL;\nEND")
    out = [f"CREATE OR REPLACE FUNCTION {_PG_FUNCTION}() RETURNS trigger LANGUAGE plpgsql "
           f"AS $cm$\n{body}\n$cm$"]
    for name, event, refs in PG_TRIGGERS:
        out.append(f"DROP TRIGGER IF EXISTS {name} ON claims")
        out.append(f"CREATE TRIGGER {name} AFTER {event} ON claims REFERENCING {refs} "
                   f"FOR EACH STATEMENT EXECUTE FUNCTION {_PG_FUNCTION}()")
    return out


def _sqlite_statements(levels: Sequence[int]) -> list[str]:
    def row(ref: str, sign: int) -> str:
        cols = ", ".join(f"{ref}.{c} AS {c}" for c in _COLS.split(", "))
        return f"SELECT {cols}, {sign} AS sign"

    ins, dele = _delta_sql("sqlite", row("NEW", 1), levels), _delta_sql(
        "sqlite", row("OLD", -1), levels)
    watched = ", ".join(SUMMARY_COLUMNS)
    bodies = {
        "cm_claim_summary_ins": ("AFTER INSERT ON claims", f"{ins};"),
        "cm_claim_summary_upd": (f"AFTER UPDATE OF {watched} ON claims",
                                 f"{dele}; {ins}; {_PRUNE};"),
        "cm_claim_summary_del": ("AFTER DELETE ON claims", f"{dele}; {_PRUNE};"),
    }
    out = []
    for name in SQLITE_TRIGGERS:
        event, body = bodies[name]
        out.append(f"DROP TRIGGER IF EXISTS {name}")
        out.append(f"CREATE TRIGGER {name} {event} FOR EACH ROW BEGIN {body} END")
    return out


def install_triggers(conn: Connection, levels: Sequence[int] = LEVELS) -> None:
    """(Re)create the triggers that keep ``claim_summary`` in step with ``claims``."""
    statements = (_pg_statements(levels) if conn.dialect.name == "postgresql"
                  else _sqlite_statements(levels))
    for sql in statements:
        conn.exec_driver_sql(sql)


def drop_triggers(conn: Connection) -> None:
    """Remove the summary triggers (and the PostgreSQL trigger function)."""
    if conn.dialect.name == "postgresql":
        for name, _event, _refs in PG_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON claims")  # noqa: S608
        conn.exec_driver_sql(f"DROP FUNCTION IF EXISTS {_PG_FUNCTION}()")  # noqa: S608
    else:
        for name in SQLITE_TRIGGERS:
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")  # noqa: S608


def rebuild(conn: Connection, levels: Sequence[int] = LEVELS) -> int:
    """Recompute ``claim_summary`` from every claim (in the caller's transaction); rows."""
    conn.exec_driver_sql("DELETE FROM claim_summary")
    conn.exec_driver_sql(_delta_sql(conn.dialect.name,  # noqa: S608 (module constants)
                                    f"SELECT {_COLS}, 1 AS sign FROM claims", levels))
    rows = int(conn.execute(select(func.count()).select_from(SUMMARY)).scalar_one())
    log.info("claim summary rebuilt: %d rows", rows)
    return rows


def table_present(conn: Connection) -> bool:
    """Return True when this database has the summary table (migration 0004; cached)."""
    from sqlalchemy import inspect

    if conn.engine not in _PRESENT:
        _PRESENT[conn.engine] = inspect(conn).has_table("claim_summary")
    return _PRESENT[conn.engine]
