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
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Integer, cast, func, select

from store.models import Article, Claim
from store.queries import claims_frame_from_rows, filter_condition, frame_select
from store.spatial import BBox, check_bbox, postgis_schema
from store.types import ClaimFilter

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["CELL_PX", "DETAIL_ZOOM", "MAX_CLAIMS", "Cell", "Viewport", "cell_degrees",
           "claims_page", "count_claims", "viewport"]

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


def cell_degrees(zoom: int, cell_px: int = CELL_PX) -> float:
    """Width in degrees of a grid cell of ``cell_px`` pixels at ``zoom`` (Web Mercator).

    >>> cell_degrees(0), cell_degrees(2)
    (90.0, 22.5)
    """
    return 360.0 * cell_px / (256 * 2 ** max(0, min(int(zoom), 22)))


def _needs_article(flt: ClaimFilter) -> bool:
    return bool(flt.sources) or bool(flt.text and flt.text.strip())


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


def claims_page(conn: Connection, flt: ClaimFilter, *, offset: int = 0, limit: int = 100
                ) -> pd.DataFrame:
    """One page of the claims matching ``flt`` in the store's order (date, then id)."""
    stmt = frame_select().where(_where(flt, None, postgis_schema(conn)))
    if conn.dialect.name == "postgresql":  # NULLs sort last there: the date index serves
        stmt = stmt.order_by(Claim.sort_date, Claim.id)
    else:
        stmt = stmt.order_by(Claim.sort_date.is_(None), Claim.sort_date, Claim.id)
    stmt = stmt.offset(max(0, int(offset))).limit(max(1, int(limit)))
    return claims_frame_from_rows(conn.execute(stmt).all())


def _grid(conn: Connection, flt: ClaimFilter, box: BBox, size: float,
          postgis: str | None) -> list[Cell]:
    def index(col: Any, shift: float) -> Any:
        scaled = (col + shift) / size
        return cast(func.floor(scaled) if conn.dialect.name == "postgresql" else scaled, Integer)

    gx, gy = index(Claim.lon, 180.0).label("gx"), index(Claim.lat, 90.0).label("gy")
    who = func.coalesce(Claim.actor_norm, Claim.actor, Claim.kind).label("who")
    stmt = _from(select(gx, gy, who, func.count().label("n"), func.sum(Claim.lat),
                        func.sum(Claim.lon)).select_from(Claim), flt)
    stmt = stmt.where(_where(flt, box, postgis), Claim.lat.is_not(None),
                      Claim.lon.is_not(None)).group_by(gx, gy, who)
    acc: dict[tuple[int, int], list[Any]] = {}
    for x, y, actor, n, sum_lat, sum_lon in conn.execute(stmt):
        entry = acc.setdefault((int(x), int(y)), [0, 0.0, 0.0, []])
        entry[0] += int(n)
        entry[1] += float(sum_lat)
        entry[2] += float(sum_lon)
        entry[3].append((str(actor), int(n)))
    cells = []
    for (x, y), (n, sum_lat, sum_lon, actors) in acc.items():
        actors.sort(key=lambda a: (-a[1], a[0]))
        cells.append(Cell(sum_lat / n, sum_lon / n, n, tuple(actors[:TOP_ACTORS]),
                          y * size - 90.0, x * size - 180.0, size))
    cells.sort(key=lambda c: (-c.count, c.south, c.west))
    return cells


def viewport(conn: Connection, flt: ClaimFilter, bbox: Any, zoom: int, *,
             detail_zoom: int = DETAIL_ZOOM, max_claims: int = MAX_CLAIMS,
             cell_px: int = CELL_PX) -> Viewport:
    """Cells (below ``detail_zoom``) or claims (at or above it) of ``flt`` inside ``bbox``.

    ``bbox`` is (west, south, east, north); a box wider than the world is clamped.
    """
    west, south, east, north = (float(v) for v in (bbox or (-180, -90, 180, 90)))
    if east - west >= 360 or not (math.isfinite(west) and math.isfinite(east)):
        west, east = -180.0, 180.0
    box = check_bbox((_wrap(west), max(-90.0, south), _wrap(east), min(90.0, north)))
    postgis = postgis_schema(conn)
    if zoom < detail_zoom:
        cells = _grid(conn, flt, box, cell_degrees(zoom, cell_px), postgis)
        return Viewport("cells", sum(c.count for c in cells), cells=cells)
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
    return Viewport("claims", total, claims=frame, truncated=truncated)


def _wrap(lon: float) -> float:
    """Longitude folded into -180..180 (Leaflet reports e.g. 190 after panning east)."""
    if -180.0 <= lon <= 180.0:
        return lon
    return ((lon + 180.0) % 360.0) - 180.0

