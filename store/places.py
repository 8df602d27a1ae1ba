"""Places added by analysts: stored in the ``places`` table, merged into the gazetteer.

A stored place becomes ``Place(id="user:<row id>", source="user")`` so it can be told
apart from GeoNames and curated entries everywhere it is shown.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import Connection, insert, select

from core.errors import InputRejected
from gazetteer.features import precision_of
from gazetteer.model import Place
from geo.geodesic import validate_point
from store.models import UserPlace

__all__ = ["add_place", "list_places", "merge_into_gazetteer", "user_place"]

log = logging.getLogger("conflictmap.store.places")


def user_place(row_id: int, name: str, lat: float, lon: float, feature_code: str,
               country: str | None, precision: str, radius_km: float) -> Place:
    """Return the gazetteer :class:`Place` of a stored analyst place."""
    return Place(id=f"user:{row_id}", name=name, lat=lat, lon=lon, feature_code=feature_code,
                 country_code=country, precision=precision, source="user",
                 radius_km=radius_km)


def add_place(conn: Connection, name: str, lat: float, lon: float, *,
              aliases: Iterable[str] = (), feature_code: str = "PPL",
              country: str | None = None, radius_km: float = 0.0) -> Place:
    """Validate and insert an analyst place; return it as a :class:`Place`."""
    name = (name or "").strip()
    if not name:
        raise InputRejected("a place needs a name")
    if len(name) > 300:
        raise InputRejected("a place name must be at most 300 characters")
    lat, lon = validate_point(lat, lon)
    code = (feature_code or "PPL").strip().upper()
    if not code.isalnum() or len(code) > 10:
        raise InputRejected(f"feature code {feature_code!r} is not a GeoNames code like PPL")
    cc = country.strip().upper() if country else None
    if cc is not None and (len(cc) != 2 or not cc.isalpha()):
        raise InputRejected(f"country {country!r} is not a two-letter ISO code")
    try:
        radius = float(radius_km)
    except (TypeError, ValueError) as err:
        raise InputRejected(f"radius_km must be a number, got {radius_km!r}") from err
    if not math.isfinite(radius) or radius < 0 or radius > 5000:
        raise InputRejected(f"radius_km {radius_km!r} must be between 0 and 5000")
    alias_list = [a.strip() for a in aliases if a and a.strip()]
    precision = precision_of(code)
    row_id = conn.execute(insert(UserPlace).returning(UserPlace.id), {
        "name": name, "aliases": alias_list, "lat": lat, "lon": lon, "feature_code": code,
        "country_code": cc, "precision": precision, "radius_km": radius,
        "created_at": datetime.now(UTC).replace(tzinfo=None),
    }).scalar_one()
    return user_place(row_id, name, lat, lon, code, cc, precision, radius)


def list_places(conn: Connection) -> list[tuple[Place, list[str]]]:
    """Every stored analyst place with its aliases, oldest first."""
    rows = conn.execute(select(*UserPlace.__table__.columns).order_by(UserPlace.id)).mappings()
    return [(user_place(r["id"], r["name"], r["lat"], r["lon"], r["feature_code"],
                        r["country_code"], r["precision"], r["radius_km"]),
             list(r["aliases"] or [])) for r in rows]


def merge_into_gazetteer(place_list: Sequence[Place],
                         aliases: Mapping[str, Sequence[str]]) -> None:
    """Add places to the running gazetteer index, if the gazetteer is available.

    The store works without the gazetteer (e.g. a bare export), so a missing index is
    logged, not raised.
    """
    try:
        from gazetteer import get_index
    except ImportError:
        log.info("gazetteer not available; %d analyst places not merged", len(place_list))
        return
    get_index().add_places(list(place_list), aliases={k: list(v) for k, v in aliases.items()})
