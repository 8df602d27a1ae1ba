"""Bounding-box conditions on claims: PostGIS GiST when the database has it, else lat/lon.

Migration 0002 adds a generated ``geom`` point with a GiST index to claims and mentions
when the server has PostGIS; :func:`postgis_schema` tells whether this database has
it (and in which schema the extension's functions live, since a store may run in its
own schema), and :func:`bbox_condition` builds the matching WHERE clause. Both forms
handle a box across the antimeridian (west > east). Values are bound parameters.
"""

from __future__ import annotations

import logging
import weakref
from typing import Any

from sqlalchemy import Connection, Engine, and_, func, literal_column, or_, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import ColumnElement

from core.errors import InputRejected
from store.models import Claim

__all__ = ["BBox", "bbox_condition", "check_bbox", "include_object", "lon_ranges",
           "postgis_schema"]

log = logging.getLogger("conflictmap.store.spatial")

#: (west, south, east, north) in degrees, WGS84.
BBox = tuple[float, float, float, float]
_SCHEMAS: weakref.WeakKeyDictionary[Engine, str | None] = weakref.WeakKeyDictionary()
_SPATIAL_NAMES = frozenset({"geom", "ix_claims_geom", "ix_mentions_geom"})
#: Kept by triggers (store.aggregates), not declared as models.
_TRIGGER_KEPT = frozenset({"claim_summary", "ix_claim_summary_empty"})
#: Trigram indexes of the text search (migration 0006, only where pg_trgm is).
_SEARCH_NAMES = frozenset({"ix_claims_search_trgm", "ix_articles_search_trgm"})


def check_bbox(value: Any) -> BBox | None:
    """Return ``value`` as a valid (west, south, east, north) box, or None for None.

    >>> check_bbox("10,20,30,40")
    (10.0, 20.0, 30.0, 40.0)
    >>> check_bbox((0, 50, 10, 40))
    Traceback (most recent call last):
    ...
    core.errors.InputRejected: bbox south 50.0 is above north 40.0
    """
    if value is None:
        return None
    parts = value.split(",") if isinstance(value, str) else list(value)
    try:
        west, south, east, north = (float(p) for p in parts)
    except (TypeError, ValueError) as err:
        raise InputRejected(f"bbox must be four numbers west,south,east,north: {value!r}"
                            ) from err
    for name, v, lim in (("west", west, 180), ("east", east, 180), ("south", south, 90),
                         ("north", north, 90)):
        if not -lim <= v <= lim:  # also refuses NaN
            raise InputRejected(f"bbox {name} {v} is outside -{lim}..{lim}")
    if south > north:
        raise InputRejected(f"bbox south {south} is above north {north}")
    return west, south, east, north


def postgis_schema(conn: Connection) -> str | None:
    """Return the PostGIS functions' schema when ``claims.geom`` exists here, else None."""
    engine = conn.engine
    if engine in _SCHEMAS:
        return _SCHEMAS[engine]
    schema = None
    if conn.dialect.name == "postgresql":
        try:
            row = conn.execute(text(
                "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n "
                "ON n.oid = e.extnamespace WHERE e.extname = 'postgis' AND EXISTS ("
                "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                "current_schema() AND table_name = 'claims' AND column_name = 'geom')"
            )).scalar_one_or_none()
            schema = row
        except SQLAlchemyError:
            log.debug("PostGIS check failed", exc_info=True)
            conn.rollback()
    _SCHEMAS[engine] = schema
    return schema


def lon_ranges(box: BBox) -> list[tuple[float, float]]:
    """Longitude ranges of ``box``: two when it crosses the antimeridian."""
    west, _s, east, _n = box
    return [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]


def bbox_condition(box: BBox, postgis: str | None) -> ColumnElement[bool]:
    """WHERE condition: the claim's point lies in ``box`` (GiST when ``postgis``)."""
    _w, south, _e, north = box
    if postgis:
        schema = getattr(func, postgis)
        geom = literal_column("claims.geom")
        overlaps = geom.op(f'OPERATOR("{postgis}".&&)')  # works whatever the search_path
        parts = [overlaps(schema.ST_MakeEnvelope(lo, south, hi, north, 4326))
                 for lo, hi in lon_ranges(box)]
    else:
        parts = [and_(Claim.lat.between(south, north), Claim.lon.between(lo, hi))
                 for lo, hi in lon_ranges(box)]
    return parts[0] if len(parts) == 1 else or_(*parts)


def include_object(obj: Any, name: str | None, type_: str, reflected: bool,
                   compare_to: Any) -> bool:
    """Alembic filter: leave out what the models do not declare (PostGIS, summary, trigrams)."""
    return not (reflected and compare_to is None
                and name in _SPATIAL_NAMES | _TRIGGER_KEPT | _SEARCH_NAMES)
