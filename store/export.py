"""Exports of a claims frame: GeoJSON and GeoPackage (geopandas), CSV in ACLED layout.

All take the DataFrame :meth:`store.Store.claims_frame` returns, so the app can export
exactly the filtered view. Claims without coordinates are kept in the CSV (empty
latitude/longitude) but left out of the spatial formats.
"""

from __future__ import annotations

import logging
import os
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
    "write_file_atomically",
]

log = logging.getLogger("conflictmap.store.export")

FORMATS: tuple[str, ...] = ("geojson", "csv", "gpkg")

#: ACLED's column names, in its order, for the columns Conflict Map can fill, plus ours.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
    "actor1", "actor", "action", "country", "admin1", "location", "latitude", "longitude",
    "geo_precision", "source", "source_url", "notes", "claim_kind", "precision",
    "stated_distance", "true_km", "verdict", "conflict",
)

#: Spatial-format properties: everything in the frame except the id of the drawn point.
_SPATIAL_DROP = ("lat", "lon")
#: ACLED geo_precision: 1 = the place itself, 2 = near it / part of a region, 3 = a larger
#: region, its capital standing in for it.
_GEO_PRECISION = {"site": 1, "district": 1, "town": 1, "region": 3, "country": 3, "sea": 3}
#: ACLED's event_type / sub_event_type for each control action, in ACLED's own vocabulary
#: (codebook 2023). A claim does not say whether the taker is the government, so a capture
#: is an "Armed clash", not "Government regains territory" / "Non-state actor overtakes
#: territory"; the action itself stays in the ``action`` column.
_EVENT_TYPES = {
    "captured": ("Battles", "Armed clash"),
    "lost": ("Battles", "Armed clash"),
    "attacked": ("Battles", "Armed clash"),
    "besieged": ("Battles", "Armed clash"),
    "withdrew": ("Strategic developments", "Non-violent transfer of territory"),
    "holds": ("Strategic developments", "Other"),
    "entered": ("Strategic developments", "Other"),
    "advanced_towards": ("Strategic developments", "Other"),
}
#: A distance statement is no event in ACLED's sense.
_DISTANCE_TYPE = ("Strategic developments", "Other")


#: A stored place not in the gazetteer (demo, analyst) takes the gazetteer entry of its name
#: when one lies this close to its point (km).
_SAME_PLACE_KM = 25.0


def _gazetteer_place(index: object, pid: str, name: object, lat: object, lon: object) -> object:
    """Return the gazetteer entry of a stored place: by id, else its name near its point."""
    place = index.get(pid)
    if place is not None or not isinstance(name, str) or lat is None or lat != lat:
        return place
    from geo.geodesic import distance_km

    near = [p for p in index.lookup(name)
            if distance_km((p.lat, p.lon), (float(lat), float(lon))) <= _SAME_PLACE_KM]
    return max(near, key=lambda p: p.population) if near else None


def _admin_fields(place_ids: list[object], places: list[object], lats: list[object],
                  lons: list[object]) -> tuple[list, list, list]:
    """(country, admin1, location) per row from the gazetteer entry of each resolved place.

    ``location`` is the gazetteer's name of the place ("Tripoli", never the text's "Libya's
    capital"); a place the gazetteer does not hold (typed coordinates) keeps its stored name.
    Without a gazetteer index the columns stay empty rather than guessed.
    """
    countries: list[object] = [None] * len(place_ids)
    admin1: list[object] = [None] * len(place_ids)
    location: list[object] = list(places)
    try:
        from gazetteer import get_index

        index = get_index()
    except (ImportError, OSError, LookupError, ValueError) as err:
        log.warning("export without country/admin1: no gazetteer index (%s)", err)
        return countries, admin1, location
    memo: dict[str, tuple[object, object, object]] = {}
    for row, pid in enumerate(place_ids):
        if not isinstance(pid, str) or not pid:
            continue
        if pid not in memo:
            place = _gazetteer_place(index, pid, places[row], lats[row], lons[row])
            if place is None:
                memo[pid] = (None, None, None)
            else:
                country = index.country(place.country_code) if place.country_code else None
                region = next((r for r in index.parents(place) if r.feature_code == "ADM1"),
                              place if place.feature_code == "ADM1" else None)
                memo[pid] = (country.name if country else None,
                             region.name if region else None, place.name)
        country_name, region_name, name = memo[pid]
        countries[row], admin1[row] = country_name, region_name
        if name:
            location[row] = name
    return countries, admin1, location


def _date_text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """Copy with text/date columns as plain Python objects (dates as ISO text), no inf.

    pandas 3 keeps text in Arrow arrays, which are slow to iterate value by value the
    way the GeoJSON writer does; plain objects are several times faster.
    """
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_float_dtype(series):  # inf is not JSON: export it as null
            out[col] = series.where(~series.isin([float("inf"), float("-inf")]))
            continue
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            continue
        values = series.astype(object).tolist()
        out[col] = pd.Series([_date_text(v) if hasattr(v, "isoformat") else
                              (None if v is None or v != v else v) for v in values],
                             index=out.index, dtype=object)
    return out


def _with_geometry(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    import geopandas as gpd

    located = _plain(frame[frame["lat"].notna() & frame["lon"].notna()])
    import pandas as pd

    # Object-dtype column labels: geopandas zips them with every row, and iterating
    # pandas 3's Arrow-backed string index is slow.
    located.columns = pd.Index(list(located.columns), dtype=object)
    geometry = gpd.points_from_xy(located["lon"].astype(float), located["lat"].astype(float))
    return gpd.GeoDataFrame(located, geometry=geometry, crs="EPSG:4326")


def to_geodataframe(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Points (lon/lat, EPSG:4326) of the located claims, with every column as a property."""
    _check(frame)
    return _with_geometry(frame)


def to_geojson(frame: pd.DataFrame) -> str:
    """Return a GeoJSON FeatureCollection of the located claims (dates as ISO text)."""
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


def _stated(kind: object, lo: object, hi: object, unit: object, qualifier: object,
            direction: object, anchor: object) -> str | None:
    if kind != "distance" or lo is None or lo != lo:
        return None
    amount = f"{lo:g}" if lo == hi else f"{lo:g}-{hi:g}"
    where = f"{direction} of" if direction else "from"
    return " ".join(str(p) for p in (qualifier, amount, unit, where, anchor) if p)


def _notes(quote: object, title: object, verdict: object) -> str:
    note = f'"{quote or ""}"'
    if title:
        note += f" ({title})"
    if verdict:
        note += f" Verdict: {verdict}."
    return note


def to_acled_csv(frame: pd.DataFrame) -> str:
    """CSV in the column layout analysts know from ACLED (see :data:`ACLED_COLUMNS`).

    ``notes`` carries the quote, the title and the distance verdict. Spreadsheet formula
    prefixes (``= + - @``) in text cells are neutralized with a leading apostrophe.
    """
    import pandas as pd

    _check(frame)
    f = _plain(frame)
    col = {name: f[name].tolist() if name in f.columns else [None] * len(f)
           for name in ("claim_id", "kind", "event_date", "published", "action", "actor",
                        "actor_norm", "place", "lat", "lon", "precision", "source", "url",
                        "quote", "title", "verdict", "value_min", "value_max", "unit",
                        "qualifier", "direction", "anchor", "true_km", "conflict",
                        "place_id", "subject_place_id", "anchor_place_id")}
    when = [e or p for e, p in zip(col["event_date"], col["published"], strict=True)]
    types = [_DISTANCE_TYPE if k == "distance"
             else _EVENT_TYPES.get(a, ("Strategic developments", "Other"))
             for k, a in zip(col["kind"], col["action"], strict=True)]
    # the point drawn: a control claim's place, a distance claim's subject, else its anchor
    drawn = [p or s or a for p, s, a in zip(col["place_id"], col["subject_place_id"],
                                            col["anchor_place_id"], strict=True)]
    country, admin1, location = _admin_fields(drawn, col["place"], col["lat"], col["lon"])
    out = pd.DataFrame({
        "event_id_cnty": [f"CM{int(i)}" for i in col["claim_id"]],
        "event_date": when,
        "year": pd.array([int(w[:4]) if w else None for w in when], dtype="Int64"),
        "time_precision": [1 if e else 2 for e in col["event_date"]],
        "event_type": [t[0] for t in types], "sub_event_type": [t[1] for t in types],
        "actor1": [n or a for n, a in zip(col["actor_norm"], col["actor"], strict=True)],
        "actor": col["actor"], "action": col["action"], "country": country,
        "admin1": admin1, "location": location, "latitude": col["lat"], "longitude": col["lon"],
        "geo_precision": pd.array([_GEO_PRECISION.get(p or "") for p in col["precision"]],
                                  dtype="Int64"),
        "source": col["source"], "source_url": col["url"],
        "notes": [_notes(q, t, v) for q, t, v in zip(col["quote"], col["title"],
                                                      col["verdict"], strict=True)],
        "claim_kind": col["kind"], "precision": col["precision"],
        "stated_distance": [_stated(*r) for r in zip(
            col["kind"], col["value_min"], col["value_max"], col["unit"], col["qualifier"],
            col["direction"], col["anchor"], strict=True)],
        "true_km": col["true_km"], "verdict": col["verdict"], "conflict": col["conflict"],
    }, columns=list(ACLED_COLUMNS))
    for name in out.columns:
        if not pd.api.types.is_numeric_dtype(out[name]):
            out[name] = pd.Series([_defuse(v) for v in out[name].tolist()], index=out.index,
                                  dtype=object)
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
    """Return the export of ``frame`` in ``fmt`` (geojson, csv or gpkg) as bytes, for downloads."""
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
    """Write the export to ``path`` (returned), or return its bytes when ``path`` is None.

    A path that cannot be written (a directory, no permission, a missing folder, a full
    disk) raises :class:`InputRejected` with the reason, never a traceback, and leaves
    no file behind (see :func:`write_file_atomically`).
    """
    if path is None:
        return export_bytes(frame, fmt)
    path = Path(path)
    write_file_atomically(path, export_bytes(frame, fmt))  # built first, then written
    return path


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all.

    The bytes go to a hidden temporary file beside ``path``, which replaces it only once
    fully written and flushed: a full disk or a kill half-way leaves neither an empty nor
    a truncated file (and an older file of that name untouched). A path that exists but
    is not a regular file (``/dev/null``, a pipe) is written directly.
    """
    try:
        if path.is_dir():
            raise IsADirectoryError(21, "Is a directory", str(path))
        if path.exists() and not path.is_file():
            with path.open("wb") as handle:
                handle.write(data)
            return
        fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                    dir=path.parent if str(path.parent) else ".")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise
    except OSError as err:
        raise InputRejected(f"cannot write {path}: {err.strerror or err}") from err
