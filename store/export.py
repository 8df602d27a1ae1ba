"""Exports of a claims frame: GeoJSON and GeoPackage (geopandas), CSV in ACLED layout.

All take the DataFrame :meth:`store.Store.claims_frame` returns, so the app can export
exactly the filtered view. Claims without coordinates are kept in the CSV (empty
latitude/longitude) but left out of the spatial formats.
"""

from __future__ import annotations

import io
import logging
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import InputRejected

if TYPE_CHECKING:
    import geopandas as gpd
    import pandas as pd

__all__ = [
    "ACLED_COLUMNS",
    "FORMATS",
    "export_bytes",
    "to_acled_csv",
    "to_geodataframe",
    "to_geojson",
    "to_gpkg",
    "write_export",
]

log = logging.getLogger("conflictmap.store.export")

FORMATS: tuple[str, ...] = ("geojson", "csv", "gpkg")

#: ACLED's column names, in its order, for the columns Conflict Map can fill, plus ours.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor", "action", "country", "location", "latitude", "longitude",
    "geo_precision", "source", "source_url", "notes", "claim_kind", "precision",
    "stated_distance", "true_km", "verdict", "conflict",
)

#: Spatial-format properties: everything in the frame except the id of the drawn point.
_SPATIAL_DROP = ("lat", "lon")
#: ACLED geo_precision: 1 = the place itself, 2 = near it / part of a region, 3 = a larger
#: region, its capital standing in for it.
_GEO_PRECISION = {"site": 1, "district": 1, "town": 1, "region": 3, "country": 3, "sea": 3}
_EVENT_TYPES = {
    "captured": ("Battles", "Armed clash; territory changes hands"),
    "lost": ("Battles", "Armed clash; territory changes hands"),
    "withdrew": ("Strategic developments", "Withdrawal"),
    "holds": ("Strategic developments", "Territorial control"),
    "entered": ("Strategic developments", "Forces enter"),
    "attacked": ("Battles", "Armed clash"),
    "besieged": ("Battles", "Siege"),
    "advanced_towards": ("Strategic developments", "Advance"),
}


def _date_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _with_geometry(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    import geopandas as gpd

    located = frame[frame["lat"].notna() & frame["lon"].notna()].copy()
    for col in located.columns:
        if located[col].dtype == object:
            located[col] = [_date_text(v) if hasattr(v, "isoformat") else v
                            for v in located[col]]
    geometry = gpd.points_from_xy(located["lon"].astype(float), located["lat"].astype(float))
    return gpd.GeoDataFrame(located, geometry=geometry, crs="EPSG:4326")


def to_geodataframe(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Points (lon/lat, EPSG:4326) of the located claims, with every column as a property."""
    _check(frame)
    return _with_geometry(frame)


def to_geojson(frame: pd.DataFrame) -> str:
    """A GeoJSON FeatureCollection of the located claims (dates as ISO text)."""
    gdf = to_geodataframe(frame)
    if gdf.empty:
        return '{"type": "FeatureCollection", "features": []}'
    return gdf.to_json(na="null", show_bbox=False, drop_id=True, to_wgs84=False)


def to_gpkg(frame: pd.DataFrame, path: str | Path, *, layer: str = "claims") -> Path:
    """Write the located claims to a GeoPackage layer; return the path."""
    gdf = to_geodataframe(frame)
    path = Path(path)
    if gdf.empty:
        raise InputRejected("no claim with coordinates to export to a GeoPackage")
    gdf.to_file(path, layer=layer, driver="GPKG", engine="pyogrio")
    return path


def _stated(row: pd.Series) -> str | None:
    if row.get("kind") != "distance" or row.get("value_min") is None:
        return None
    lo, hi = row["value_min"], row["value_max"]
    amount = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    direction = row.get("direction")
    where = f"{direction} of" if direction and direction == direction else "from"
    parts = [row.get("qualifier"), amount, row.get("unit"), where, row.get("anchor")]
    return " ".join(str(p) for p in parts if p and p == p)


def _notes(row: pd.Series) -> str:
    quote = row.get("quote") or ""
    title = row.get("title")
    note = f'"{quote}"'
    if title and title == title:
        note += f" ({title})"
    verdict = row.get("verdict")
    if verdict and verdict == verdict:
        note += f" Verdict: {verdict}."
    return note


def to_acled_csv(frame: pd.DataFrame) -> str:
    """CSV in the column layout analysts know from ACLED (see :data:`ACLED_COLUMNS`).

    ``notes`` carries the quote, the title and the distance verdict. Spreadsheet formula
    prefixes (``= + - @``) in text cells are neutralized with a leading apostrophe.
    """
    import pandas as pd

    _check(frame)
    rows = []
    for _, row in frame.iterrows():
        when = row.get("event_date") or row.get("published")
        action = row.get("action")
        event_type, sub_type = _EVENT_TYPES.get(action, (None, None))
        if row.get("kind") == "distance":
            event_type, sub_type = "Strategic developments", "Distance statement"
        actor = row.get("actor_norm") or row.get("actor")
        rows.append({
            "event_id_cnty": f"CM{int(row['claim_id'])}",
            "event_date": _date_text(when),
            "year": getattr(when, "year", None),
            "time_precision": 1 if row.get("event_date") else 2,
            "event_type": event_type, "sub_event_type": sub_type,
            "actor1": actor, "actor": row.get("actor"), "action": action,
            "country": None, "location": row.get("place"),
            "latitude": row.get("lat"), "longitude": row.get("lon"),
            "geo_precision": _GEO_PRECISION.get(row.get("precision") or "", None),
            "source": row.get("source"), "source_url": row.get("url"),
            "notes": _notes(row), "claim_kind": row.get("kind"),
            "precision": row.get("precision"), "stated_distance": _stated(row),
            "true_km": row.get("true_km"), "verdict": row.get("verdict"),
            "conflict": row.get("conflict"),
        })
    out = pd.DataFrame(rows, columns=list(ACLED_COLUMNS))
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = [_defuse(v) for v in out[col]]
    return out.to_csv(index=False, lineterminator="\n")


def _defuse(value: object) -> object:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _check(frame: pd.DataFrame) -> None:
    missing = {"claim_id", "lat", "lon", "kind"} - set(frame.columns)
    if missing:
        raise InputRejected(f"not a claims frame: missing columns {sorted(missing)}")


def export_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The export of ``frame`` in ``fmt`` (geojson, csv or gpkg) as bytes, for downloads."""
    fmt = fmt.lower()
    if fmt == "geojson":
        return to_geojson(frame).encode("utf-8")
    if fmt == "csv":
        return to_acled_csv(frame).encode("utf-8")
    if fmt == "gpkg":
        with tempfile.TemporaryDirectory() as tmp:
            path = to_gpkg(frame, Path(tmp) / "claims.gpkg")
            return path.read_bytes()
    raise InputRejected(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def write_export(frame: pd.DataFrame, fmt: str, path: str | Path | None) -> bytes | Path:
    """Write the export to ``path`` (returned), or return its bytes when ``path`` is None."""
    if path is None:
        return export_bytes(frame, fmt)
    path = Path(path)
    if fmt.lower() == "gpkg":
        if path.exists():
            path.unlink()
        return to_gpkg(frame, path)
    data = export_bytes(frame, fmt)
    with io.open(path, "wb") as handle:
        handle.write(data)
    return path
