"""What the map needs for one viewport, computed in the database: cells or claims.

At a million claims the map cannot receive every claim. Below :data:`DETAIL_ZOOM` the
store returns a grid of cells over the visible box (about :data:`CELL_PX` screen pixels
wide at that zoom), each with its claim count, its centre of mass and the counts of its
leading actors, so the map colours a cell by its leading actor; at or above it, the
claims themselves (at most ``max_claims``, newest first) with every column of
:func:`store.queries.claims_frame`, for markers with popups. The claims table pages
through the same filter with :func:`claims_page` and :func:`count_claims`.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Date, Integer, cast, func, literal, select, tuple_

from store import aggregates
from store.models import Article, Claim
from store.queries import claims_frame_from_rows, filter_condition, frame_select
from store.spatial import BBox, check_bbox, postgis_schema
from store.spatial import lon_ranges as _lon_ranges
from store.types import ClaimFilter

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CELL_PX", "DETAIL_ZOOM", "MAX_CLAIMS", "Cell", "PageKey", "Viewport",
           "cell_degrees", "claims_page", "count_claims", "page_key", "viewport"]

#: From this zoom level on, the map shows individual claims instead of cells.
DETAIL_ZOOM = 9
#: Width of a grid cell on screen, in pixels (a Web Mercator tile is 256).
CELL_PX = 64
#: Most claims sent for one detailed viewport (newest first); the rest are counted.
MAX_CLAIMS = 2_000
#: Actors listed per cell, most claims first.
TOP_ACTORS = 3


@dataclass(frozen=True)
class Cell:
    """One grid cell: claim count, centre of mass, leading actors ``(name, count)``."""

    lat: float
    lon: float
    count: int
    actors: tuple[tuple[str, int], ...]
    south: float
    west: float
    size_deg: float

    @property
    def leading_actor(self) -> str | None:
        """The actor with the most claims in the cell (its colour on the map)."""
        return self.actors[0][0] if self.actors else None


@dataclass
class Viewport:
    """The answer for one viewport: ``cells`` (aggregated) or ``claims`` (detailed)."""

    mode: str  # "cells" or "claims"
    total: int
    cells: list[Cell] = field(default_factory=list)
    claims: Any = None  # DataFrame with FRAME_COLUMNS when mode == "claims"
    truncated: bool = False
    #: Where the answer came from: "summary (level L)", or "live (why)" for a GROUP BY
    #: over the claims (a filter the summary cannot answer) or the claims themselves.
    source: str = ""


def cell_degrees(zoom: int, cell_px: int = CELL_PX) -> float:
    """Width in degrees of a grid cell of ``cell_px`` pixels at ``zoom`` (Web Mercator).

    >>> cell_degrees(0), cell_degrees(2)
    (90.0, 22.5)
    """
    return 360.0 * cell_px / (256 * 2 ** max(0, min(int(zoom), 22)))


def _needs_article(flt: ClaimFilter) -> bool:
    """Whether ``flt`` reads article columns (the text search does not: store.search)."""
    return bool(flt.sources) or bool(flt.language)


def _where(flt: ClaimFilter, box: BBox | None, postgis: str | None) -> Any:
    if box is not None:
        flt = dataclasses.replace(flt, bbox=box, limit=None)
    return filter_condition(flt, postgis)


def _from(stmt: Any, flt: ClaimFilter) -> Any:
    return stmt.join(Article, Article.id == Claim.article_id) if _needs_article(flt) else stmt


def count_claims(conn: Connection, flt: ClaimFilter) -> int:
    """Count the claims matching ``flt`` (its bbox included)."""
    stmt = _from(select(func.count()).select_from(Claim), flt)
    return int(conn.execute(stmt.where(_where(flt, None, postgis_schema(conn)))).scalar_one())


#: The claims table's key: (sort_date, claim id), dated claims first, then undated ones.
PageKey = tuple[date | None, int]


def claims_page(conn: Connection, flt: ClaimFilter, *, after: PageKey | None = None,
                offset: int = 0, limit: int = 100) -> pd.DataFrame:
    """One page of the claims matching ``flt`` in the store's order (date, then id).

    ``after`` is the :func:`page_key` of the previous page: the page is read by keyset
    (``WHERE (sort_date, id) > (:date, :id)`` on the ``(sort_date, id)`` index), so page
    5,000 costs what page 1 does. Without it, ``offset`` rows are skipped (``OFFSET``:
    cost grows with the offset).
    """
    limit = max(1, int(limit))
    where = _where(flt, None, postgis_schema(conn))
    dated = frame_select().where(where, Claim.sort_date.is_not(None))
    undated = frame_select().where(where, Claim.sort_date.is_(None))
    if after is None and offset > 0:
        stmt = frame_select().where(where)
        if conn.dialect.name == "postgresql":  # NULLs sort last there: the date index serves
            stmt = stmt.order_by(Claim.sort_date, Claim.id)
        else:
            stmt = stmt.order_by(Claim.sort_date.is_(None), Claim.sort_date, Claim.id)
        rows = conn.execute(stmt.offset(int(offset)).limit(limit)).all()
        return claims_frame_from_rows(rows)
    rows = []
    if after is None or after[0] is not None:
        if after is not None:
            dated = dated.where(tuple_(Claim.sort_date, Claim.id) > tuple_(
                literal(after[0], Date), literal(int(after[1]), Integer)))
        rows = list(conn.execute(dated.order_by(Claim.sort_date, Claim.id).limit(limit)))
    if len(rows) < limit:  # the dated claims are done: go on with the undated ones
        if after is not None and after[0] is None:
            undated = undated.where(Claim.id > int(after[1]))
        rows += conn.execute(undated.order_by(Claim.id).limit(limit - len(rows))).all()
    return claims_frame_from_rows(rows)


def page_key(frame: pd.DataFrame) -> PageKey | None:
    """Return the keyset key of a page's last row (for the next page); None when empty."""
    if frame is None or len(frame) == 0:
        return None
    last = frame.iloc[-1]
    day = last["sort_date"]
    return (day if isinstance(day, date) else None, int(last["claim_id"]))


def _cell_ranges(box: BBox, size: float) -> tuple[list[tuple[int, int]], tuple[int, int]]:
    """Inclusive cell index ranges (per longitude range, latitude) of the cells ``box`` touches."""
    def idx(value: float, shift: float) -> int:
        return int(math.floor((value + shift) / size))

    _w, south, _e, north = box
    return ([(idx(lo, 180.0), idx(hi, 180.0)) for lo, hi in _lon_ranges(box)],
            (idx(south, 90.0), idx(north, 90.0)))


def _snapped(gx_ranges: list[tuple[int, int]], gy: tuple[int, int], size: float) -> BBox:
    """Return the box covering whole cells of the ranges (as the summary's cells do)."""
    west = gx_ranges[0][0] * size - 180.0
    east = min(180.0, (gx_ranges[-1][1] + 1) * size - 180.0)
    if len(gx_ranges) > 1 and west <= east:  # snapping closed the gap: the whole world
        west, east = -180.0, 180.0
    return (max(-180.0, west), max(-90.0, gy[0] * size - 90.0), east,
            min(90.0, (gy[1] + 1) * size - 90.0))


def _live_rows(conn: Connection, flt: ClaimFilter, box: BBox, size: float,
               postgis: str | None) -> list[tuple[int, int, str, int, float, float]]:
    """Rows ``(gx, gy, who, n, sum_lat, sum_lon)`` by a GROUP BY over the claims in ``box``."""
    def index(col: Any, shift: float) -> Any:
        scaled = (col + shift) / size
        return cast(func.floor(scaled) if conn.dialect.name == "postgresql" else scaled, Integer)

    gx, gy = index(Claim.lon, 180.0).label("gx"), index(Claim.lat, 90.0).label("gy")
    who = func.coalesce(Claim.actor_norm, Claim.actor, Claim.kind).label("who")
    stmt = _from(select(gx, gy, who, func.count().label("n"), func.sum(Claim.lat),
                        func.sum(Claim.lon)).select_from(Claim), flt)
    stmt = stmt.where(_where(flt, box, postgis), Claim.lat.is_not(None),
                      Claim.lon.is_not(None)).group_by(gx, gy, who)
    return [(int(x), int(y), str(w), int(n), float(la), float(lo))
            for x, y, w, n, la, lo in conn.execute(stmt)]


def _grid(conn: Connection, flt: ClaimFilter, box: BBox, size: float,
          postgis: str | None) -> tuple[list[Cell], str]:
    """Cells of ``size`` degrees touching ``box``, and where they came from.

    Whole cells are counted (claims of a cell the box only partly covers included), from
    ``claim_summary`` when it can answer the filter, else by the live GROUP BY.
    """
    gx_ranges, gy_range = _cell_ranges(box, size)
    why_live = aggregates.unanswerable(flt)
    found = aggregates.level_for(size)
    if why_live is None and found is None:
        why_live = f"no stored grid level for {size:g} degree cells"
    if why_live is None and not aggregates.table_present(conn):
        why_live = "no summary table"
    if why_live is None and found is not None:
        rows = aggregates.summary_rows(conn, flt, found[0], found[1], gx_ranges, gy_range)
        source = f"summary (level {found[0]})"
    else:
        rows = _live_rows(conn, flt, _snapped(gx_ranges, gy_range, size), size, postgis)
        source = f"live ({why_live})"
    acc: dict[tuple[int, int], list[Any]] = {}
    for x, y, actor, n, sum_lat, sum_lon in rows:
        if not (gy_range[0] <= y <= gy_range[1]
                and any(lo <= x <= hi for lo, hi in gx_ranges)):
            continue  # a claim on the snapped box's far edge belongs to the next cell
        entry = acc.setdefault((x, y), [0, 0.0, 0.0, {}])
        entry[0] += n
        entry[1] += sum_lat
        entry[2] += sum_lon
        entry[3][actor] = entry[3].get(actor, 0) + n
    cells = []
    for (x, y), (n, sum_lat, sum_lon, by_actor) in acc.items():
        actors = sorted(by_actor.items(), key=lambda a: (-a[1], a[0]))
        cells.append(Cell(sum_lat / n, sum_lon / n, n, tuple(actors[:TOP_ACTORS]),
                          y * size - 90.0, x * size - 180.0, size))
    cells.sort(key=lambda c: (-c.count, c.south, c.west))
    return cells, source


def viewport(conn: Connection, flt: ClaimFilter, bbox: Any, zoom: int, *,
             detail_zoom: int = DETAIL_ZOOM, max_claims: int = MAX_CLAIMS,
             cell_px: int = CELL_PX) -> Viewport:
    """Cells (below ``detail_zoom``) or claims (at or above it) of ``flt`` inside ``bbox``.

    ``bbox`` is (west, south, east, north); a box wider than the world is clamped. Cells
    are whole grid cells touching the box (the same whether summed from ``claim_summary``
    or grouped live; :attr:`Viewport.source` says which).
    """
    west, south, east, north = (float(v) for v in (bbox or (-180, -90, 180, 90)))
    if east - west >= 360 or not (math.isfinite(west) and math.isfinite(east)):
        west, east = -180.0, 180.0
    box = check_bbox((_wrap(west), max(-90.0, south), _wrap(east), min(90.0, north)))
    postgis = postgis_schema(conn)
    if zoom < detail_zoom:
        cells, source = _grid(conn, flt, box, cell_degrees(zoom, cell_px), postgis)
        return Viewport("cells", sum(c.count for c in cells), cells=cells, source=source)
    stmt = frame_select().where(_where(flt, box, postgis), Claim.lat.is_not(None))
    # Newest first, by an expression no index matches: otherwise SQLite walks the date
    # index over every claim instead of taking the few in the box from the (lat, lon) one.
    newest = func.coalesce(Claim.sort_date, Claim.event_date)
    stmt = stmt.order_by(newest.desc(), Claim.id.desc()).limit(max_claims + 1)
    frame = claims_frame_from_rows(conn.execute(stmt).all())
    truncated = len(frame) > max_claims
    if truncated:
        frame = frame.iloc[:max_claims]
        total = int(conn.execute(_from(select(func.count()).select_from(Claim), flt).where(
            _where(flt, box, postgis), Claim.lat.is_not(None))).scalar_one())
    else:
        total = len(frame)
    return Viewport("claims", total, claims=frame, truncated=truncated, source="live (claims)")


def _wrap(lon: float) -> float:
    """Longitude folded into -180..180 (Leaflet reports e.g. 190 after panning east)."""
    if -180.0 <= lon <= 180.0:
        return lon
    return ((lon + 180.0) % 360.0) - 180.0

