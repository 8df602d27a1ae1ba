"""Folium layers that draw claims: markers, approximate areas, distance rings, legend.

The layers take a claims DataFrame with the columns of ``Store.claims_frame`` (claim_id, kind,
lat, lon, precision, radius_km, actor_norm, action, quote, source, url, published, event_date,
anchor_lat/lon, subject_lat/lon, value_min/max, unit, true_km, diff_km, diff_pct, verdict, ...).

* Control claims are markers coloured by actor and shaped by action; distance claims are round
  markers at the subject (or the anchor when the subject's position is unknown).
* A point that stands for a region, a country or a sea is never a confident dot: its marker is
  hollow and dashed and, when the place has an extent (``radius_km``), a dashed circle shows it.
* Distance claims also get the anchor, the stated distance as a ring (a band for a range such
  as "a few kilometres") and the geodesic line to the subject's true position, coloured by how
  far off the stated distance is.

Markers are built in the browser from one compact JSON payload (``geo/data/claims_map.js``)
instead of one folium element per claim, so 10,000 clustered claims render in well under a
second. Every article string is escaped with :func:`html.escape` before it is JSON-encoded, and
the JSON is made safe to embed in a ``<script>`` element.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.map import Layer
from jinja2 import Template

from geo.claim_records import (
    _ACTION_LABELS,
    _MARKERCLUSTER,
    _RECORD_COLUMNS,
    _UNKNOWN_DIFF,
    _VERDICT_BANDS,
    ACTION_SHAPES,
    APPROXIMATE_PRECISIONS,
    DISTANCE_MARKER_COLOR,
    OTHER_COLOR,
    _actor_key,
    _text,
    actor_colors,
    area_record,
    area_records,
    claim_records,
    claims_payload,
    distance_color,
    distance_record,
    distance_records,
    js_json,
    popup_html,
    safe_url,
    select_rings,
)
from geo.verbatim import VerbatimScriptMixin

__all__ = [
    "ACTION_SHAPES",
    "APPROXIMATE_PRECISIONS",
    "DISTANCE_MARKER_COLOR",
    "OTHER_COLOR",
    "AreasLayer",
    "ClaimsLayer",
    "DistanceLayer",
    "FitData",
    "Legend",
    "TownLabels",
    "actor_colors",
    "area_record",
    "area_records",
    "claim_records",
    "claims_payload",
    "distance_color",
    "distance_record",
    "distance_records",
    "js_json",
    "popup_html",
    "safe_url",
    "select_rings",
]

_REEXPORTED = (_RECORD_COLUMNS, _actor_key)  # used by geo.claims_map through this module


@lru_cache(maxsize=1)
def _library_js() -> str:
    """Return the browser-side layer code (read once from the package data)."""
    return (resources.files("geo") / "data" / "claims_map.js").read_text(encoding="utf-8")


class _Library(VerbatimScriptMixin, MacroElement):
    """Defines ``window.ConflictMap`` (idempotent) in the map's script."""

    _template = Template("{% macro script(this, kwargs) %}{{ this.code }}{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "ConflictMapLibrary"
        self.code = _library_js()


def _ensure_library(parent: Any) -> None:
    """Add the layer library to the map once, before the first layer that needs it."""
    root = parent
    while getattr(root, "_parent", None) is not None and not hasattr(root, "fit_bounds"):
        root = root._parent
    if not any(isinstance(child, _Library) for child in root._children.values()):
        root.add_child(_Library(), index=0)


class _PayloadLayer(VerbatimScriptMixin, JSCSSMixin, Layer):
    """A folium Layer whose Leaflet layer is built by ``ConflictMap.<builder>`` from JSON.

    The JSON is passed pre-serialized (:func:`js_json`) and emitted verbatim.
    """

    builder = ""
    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = ConflictMap.{{ this.builder }}(
            {{ this._parent.get_name() }}, {{ this.payload }}, {{ this.options }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        name: str,
        payload: str,
        count: int,
        *,
        show: bool = True,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(name=name, overlay=True, control=True, show=show)
        self.payload = payload
        self.count = count
        self.options = js_json(dict(options or {}))

    def add_to(self, parent: Any, name: str | None = None, index: int | None = None) -> Any:
        """Add to a map, putting the layer library on the map first."""
        _ensure_library(parent)
        return super().add_to(parent, name=name, index=index)


class ClaimsLayer(_PayloadLayer):
    """Clustered claim markers (``ConflictMap.claims``); exposes ``window.cmClaims``.

    ``payload`` is ``{"articles": {article_key: html}, "claims": [record, ...]}`` as built by
    :func:`claims_payload`.
    """

    builder = "claims"
    default_js = [("markerclusterjs", _MARKERCLUSTER + "leaflet.markercluster.js")]
    default_css = [
        ("markerclustercss", _MARKERCLUSTER + "MarkerCluster.css"),
        ("markerclusterdefaultcss", _MARKERCLUSTER + "MarkerCluster.Default.css"),
    ]

    def __init__(
        self, payload: str, count: int, *, cluster: bool = True, name: str = "Claims"
    ) -> None:
        super().__init__(name, payload, count, options={"cluster": cluster})
        self._name = "ClaimsLayer"


class AreasLayer(_PayloadLayer):
    """Dashed extent circles of regions, countries and seas (``ConflictMap.areas``)."""

    builder = "areas"

    def __init__(self, records: list[dict[str, Any]], *, name: str = "Approximate areas") -> None:
        super().__init__(name, js_json(records), len(records))
        self._name = "AreasLayer"


class DistanceLayer(_PayloadLayer):
    """Anchors, stated-distance rings/bands and true-distance lines (``ConflictMap.distances``)."""

    builder = "distances"

    def __init__(self, records: list[dict[str, Any]], *, name: str = "Distance checks") -> None:
        super().__init__(name, js_json(records), len(records))
        self._name = "DistanceLayer"


class TownLabels(_PayloadLayer):
    """Town names that appear by zoom level (``ConflictMap.labels``; see ``geo.town_labels``)."""

    builder = "labels"

    def __init__(self, labels: list[list[Any]], *, name: str = "Town names") -> None:
        super().__init__(name, js_json(labels), len(labels))
        self._name = "TownLabels"


class FitData(VerbatimScriptMixin, MacroElement):
    """Fit the map to the data in the part the legend leaves free (``ConflictMap.fit``)."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        ConflictMap.fit({{ this._parent.get_name() }}, {{ this.bounds }});
        {% endmacro %}
        """
    )

    def __init__(self, bounds: list[list[float]]) -> None:
        super().__init__()
        self._name = "FitData"
        self.bounds = js_json(bounds)


class Legend(VerbatimScriptMixin, MacroElement):
    """The map legend (a Leaflet control): actor colours, action shapes, precision, distances."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        ConflictMap.legend({{ this._parent.get_name() }}, {{ this.spec }}, "bottomright");
        {% endmacro %}
        """
    )

    def __init__(
        self,
        colors: Mapping[str, str],
        *,
        actions: Iterable[str] = (),
        has_distance: bool = False,
        has_other: bool = False,
        notes: Iterable[str] = (),
        fronts: Iterable[tuple[str, str]] = (),
    ) -> None:
        super().__init__()
        self._name = "Legend"
        actors = [[_text(name), color] for name, color in colors.items()]
        if has_other:
            actors.append(["other / unknown actor", OTHER_COLOR])
        used = [a for a in ACTION_SHAPES if a in set(actions)]
        shapes = [[ACTION_SHAPES[a], _ACTION_LABELS[a]] for a in used]
        if has_distance:
            shapes.append(["circle", "distance claim (at the subject)"])
        lines = [[color, label] for _, color, label in _VERDICT_BANDS] + [list(_UNKNOWN_DIFF)]
        self.spec = js_json(
            {
                "actors": actors,
                "shapes": shapes,
                "approx": "hollow, dashed: region, country or sea (approximate)",
                "lines": lines if has_distance else [],
                "notes": [_text(n) for n in notes],
                # (symbol HTML written by this project, escaped label) for the fronts layer
                "fronts": [[symbol, _text(label)] for symbol, label in fronts],
            }
        )

    def add_to(self, parent: Any, name: str | None = None, index: int | None = None) -> Any:
        """Add to a map, putting the layer library on the map first."""
        _ensure_library(parent)
        return super().add_to(parent, name=name, index=index)
