"""Folium layers for areas of control, front lines and contested places, with a time slider.

:func:`add_fronts_timeline` derives the fronts for each date (with
:func:`geo.fronts.fronts_at`) and adds one *track* per set of sources to a folium map:
areas filled in each side's colour, front lines, contested places (sources disagree)
and, for force-distance claims ("LNA forces are 100 km from Misrata"), the arc of the
claimed ring within its direction's sector with the distance to the derived front.
A :class:`TimeSlider` control (plain Leaflet, no extra JavaScript library, so it works
offline) steps every track through the dates, so the front moves. Every popup lists
the supporting claims; article text is escaped with :func:`html.escape`.
"""

from __future__ import annotations

import html
import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import folium
import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from geo.control import (
    DEFAULT_CONTEST_DAYS,
    DEFAULT_WINDOW_DAYS,
    PlaceControl,
    prepare_control_claims,
    source_disagreements,
    to_date,
)
from geo.fronts import DEFAULT_REACH_KM, Fronts, fronts_at
from geo.geodesic import to_km
from geo.ring import compare_with_front, ring_arc

__all__ = [
    "PALETTE",
    "TimeSlider",
    "FRONTS_LEGEND",
    "HatchPatterns",
    "actor_colors",
    "add_disagreements_layer",
    "area_support",
    "add_fronts_timeline",
    "claims_popup_html",
    "safe_text",
    "fronts_feature_group",
    "timeline_dates",
]

_log = logging.getLogger("conflictmap.geo.fronts_layer")

#: Side colours, assigned in sorted order of the sides so they stay stable over time.
PALETTE: tuple[str, ...] = (
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf",
)
_FRONT_COLOR = "#111111"
_CONTESTED_COLOR = "#f0a202"
_RING_COLOR = "#7a3db8"
_MAX_POPUP_CLAIMS = 12
_DASHES = ("", "8 6", "2 6", "12 4 2 4")


#: Characters that folium would re-read as Jinja (``{{``, ``{%``) or that would end or
#: interpolate the JavaScript template literals folium wraps popups and tooltips in.
_EXTRA_ENTITIES = str.maketrans({"{": "&#123;", "}": "&#125;", "`": "&#96;", "$": "&#36;",
                                 "\\": "&#92;", "\u2028": " ", "\u2029": " "})


def safe_text(value: object) -> str:
    """Escape article text for a folium popup or tooltip.

    :func:`html.escape` plus entities for the braces, backtick, dollar and backslash:
    folium renders each element to a string and then re-renders that string as a Jinja
    template, and puts popup and tooltip HTML inside JavaScript template literals, so
    ``{{ ... }}`` or ``${...}`` in a quote would otherwise run.

    >>> safe_text("<b>{{ 7*7 }}</b> `${x}`")
    '&lt;b&gt;&#123;&#123; 7*7 &#125;&#125;&lt;/b&gt; &#96;&#36;&#123;x&#125;&#96;'
    """
    return html.escape(str(value), quote=True).translate(_EXTRA_ENTITIES)


def _safe_json(value: object) -> str:
    """JSON for a script block with no character Jinja or HTML could re-read."""
    text = json.dumps(value, ensure_ascii=True)
    for char, code in (("{", "\\u007b"), ("}", "\\u007d"), ("<", "\\u003c"),
                       (">", "\\u003e"), ("&", "\\u0026"), ("`", "\\u0060"),
                       ("$", "\\u0024")):
        text = text.replace(char, code)
    return text


def actor_colors(actors: Iterable[str | None]) -> dict[str, str]:
    """Give each side a colour from :data:`PALETTE`, in sorted order.

    >>> actor_colors(["LNA", "GNA", "LNA"])
    {'GNA': '#1f77b4', 'LNA': '#d62728'}
    """
    names = sorted({a for a in actors if a})
    return {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}


def timeline_dates(claims: pd.DataFrame | Iterable[Mapping[str, Any]], *,
                   max_steps: int = 48) -> list[date]:
    """Return the dates on which control claims were made (at most ``max_steps``, evenly kept).

    The first and last dates are always kept, so the slider covers the whole period.
    """
    table = prepare_control_claims(claims)
    if table.empty:
        return []
    days = sorted(set(table["date"]))
    if len(days) <= max_steps:
        return days
    keep = np.unique(np.linspace(0, len(days) - 1, max_steps).round().astype(int))
    return [days[i] for i in keep]


def _claims_lookup(claims: pd.DataFrame | Iterable[Mapping[str, Any]]) -> dict[str, dict]:
    frame = claims if isinstance(claims, pd.DataFrame) else pd.DataFrame(list(claims))
    if frame.empty or "claim_id" not in frame:
        return {}
    keep = [c for c in ("claim_id", "published", "event_date", "source", "quote", "actor_norm",
                        "action", "place", "url") if c in frame]
    records = frame[keep].astype(object).where(frame[keep].notna(), None).to_dict("records")
    return {str(r["claim_id"]): r for r in records}


def claims_popup_html(title: str, claim_ids: Sequence[str], lookup: Mapping[str, dict],
                      *, extra: Sequence[str] = ()) -> str:
    """Build popup HTML: an escaped title, extra lines and the supporting claims' quotes."""
    parts = [f"<b>{safe_text(title)}</b>"]
    parts += [f"<div>{safe_text(line)}</div>" for line in extra]
    items = []
    for claim_id in list(claim_ids)[:_MAX_POPUP_CLAIMS]:
        record = lookup.get(str(claim_id), {})
        when = record.get("event_date") or record.get("published") or ""
        source = record.get("source") or "unknown source"
        quote = record.get("quote") or f"claim {claim_id}"
        items.append(
            f"<li>{safe_text(str(when)[:10])} · {safe_text(str(source))}: "
            f"“{safe_text(str(quote))}”</li>"
        )
    if items:
        parts.append("<ul style='padding-left:1.1em;margin:4px 0'>" + "".join(items) + "</ul>")
    hidden = len(claim_ids) - _MAX_POPUP_CLAIMS
    if hidden > 0:
        parts.append(f"<div>… and {hidden} more claims</div>")
    return "<div style='max-height:260px;overflow:auto'>" + "".join(parts) + "</div>"


def _geojson(geometry, style: dict[str, Any], popup_html: str, tooltip: str) -> folium.GeoJson:
    import shapely
    from shapely.geometry import mapping

    # 5 decimals (about 1 m) keep every step of the timeline small in the page
    rounded = shapely.transform(geometry, lambda xy: np.round(xy, 5))
    layer = folium.GeoJson(
        {"type": "Feature", "properties": {}, "geometry": mapping(rounded)},
        style_function=lambda _feature, style=style: style,
        tooltip=folium.Tooltip(safe_text(tooltip)),
    )
    layer.add_child(folium.Popup(popup_html, max_width=420))
    return layer


#: How strongly an area of control is shaded: full support from this many distinct sources,
#: and claims this recent (days before the map's day); older support fades to the floor.
_FULL_SOURCES = 3
_FRESH_DAYS = 30
_FADE_DAYS = 150
_OPACITY = (0.06, 0.36)  # (weakest, strongest) fill opacity
#: Below this many sources, or older than this, an area is an estimate: hatched, dashed edge.
_ESTIMATE_SOURCES = 2
_ESTIMATE_DAYS = 60

#: Legend rows for the fronts layer: (symbol HTML written here, label).
FRONTS_LEGEND: tuple[tuple[str, str], ...] = (
    ('<span class="ln" style="border-color:#111"></span>',
     "front line: where areas held by different sides meet (derived from control claims)"),
    ('<span class="sw" style="background:rgba(31,119,180,.36)"></span>',
     "area of control: darker = more sources, more recent claims"),
    ('<span class="sw" style="background:repeating-linear-gradient(45deg,#1f77b4 0 2px,'
     'transparent 2px 5px);border-style:dashed"></span>',
     "hatched, dashed edge: estimate (one source, or claims older than 60 days)"),
    ('<span class="sw" style="border:2px dashed #f0a202;border-radius:50%"></span>',
     "contested: sources disagree on who holds it"),
)


def area_support(claim_ids: Sequence[str], lookup: Mapping[str, dict], on: date,
                 ) -> tuple[int, int | None]:
    """(distinct sources, age in days of the newest claim) behind an area on day ``on``."""
    sources = {str(lookup.get(str(c), {}).get("source") or "?") for c in claim_ids}
    days = [to_date(lookup.get(str(c), {}).get("event_date")
                    or lookup.get(str(c), {}).get("published")) for c in claim_ids]
    known = [d for d in days if d is not None]
    age = (on - max(known)).days if known else None
    return len(sources), age


def _area_style(color: str, n_sources: int, age: int | None, dash: str) -> dict[str, Any]:
    """Fill by support (sources, recency); estimates hatched with a dashed edge."""
    strength = min(n_sources, _FULL_SOURCES) / _FULL_SOURCES
    if age is not None and age > _FRESH_DAYS:
        strength *= max(0.3, 1 - (age - _FRESH_DAYS) / _FADE_DAYS)
    opacity = _OPACITY[0] + (_OPACITY[1] - _OPACITY[0]) * strength
    estimate = n_sources < _ESTIMATE_SOURCES or (age is not None and age > _ESTIMATE_DAYS)
    style = {"color": color, "weight": 1, "fillColor": color, "fillOpacity": round(opacity, 3),
             "dashArray": dash}
    if estimate:
        style.update(fillColor=f"url(#{HatchPatterns.pattern_id(color)})",
                     fillOpacity=min(1.0, opacity * 2.2), dashArray=dash or "6 4", weight=1.5)
    return style


class HatchPatterns(MacroElement):
    """SVG hatch patterns, one per side colour, for areas drawn as estimates."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var colors = {{ this.colors_json }};
            var holder = document.getElementById("cm-hatch-defs");
            if (!holder) {
                holder = document.createElementNS("http://www.w3.org/2000/svg", "svg");
                holder.id = "cm-hatch-defs";
                holder.setAttribute("width", "0"); holder.setAttribute("height", "0");
                holder.style.position = "absolute";
                holder.appendChild(document.createElementNS("http://www.w3.org/2000/svg", "defs"));
                document.body.appendChild(holder);
            }
            var defs = holder.firstChild;
            colors.forEach(function (c) {
                var id = "cm-hatch-" + c.replace("#", "");
                if (document.getElementById(id)) { return; }
                var ns = "http://www.w3.org/2000/svg";
                var p = document.createElementNS(ns, "pattern");
                p.id = id; p.setAttribute("patternUnits", "userSpaceOnUse");
                p.setAttribute("width", "8"); p.setAttribute("height", "8");
                p.setAttribute("patternTransform", "rotate(45)");
                var r = document.createElementNS(ns, "rect");
                r.setAttribute("width", "3"); r.setAttribute("height", "8");
                r.setAttribute("fill", c);
                p.appendChild(r); defs.appendChild(p);
            });
        })();
        {% endmacro %}
    """)

    def __init__(self, colors: Iterable[str]) -> None:
        super().__init__()
        self._name = "HatchPatterns"
        self.colors_json = _safe_json(sorted({c for c in colors if c.startswith("#")}))

    @staticmethod
    def pattern_id(color: str) -> str:
        """Return the element id of ``color``'s hatch pattern."""
        return "cm-hatch-" + color.lstrip("#")


def fronts_feature_group(fronts: Fronts, lookup: Mapping[str, dict], *,
                         colors: Mapping[str, str], name: str | None = None,
                         show: bool = True, dash: str = "",
                         ring_claims: pd.DataFrame | None = None) -> folium.FeatureGroup:
    """Return one folium FeatureGroup with the areas, front lines and contested places of a day."""
    label = fronts.on.isoformat()
    group = folium.FeatureGroup(name=safe_text(name or f"Fronts {label}"), show=show,
                                control=False)
    for area in fronts.areas:
        color = colors.get(area.actor, "#777777")
        n_sources, age = area_support(area.claim_ids, lookup, fronts.on)
        support = (f"{n_sources} source{'s' if n_sources != 1 else ''}; newest claim "
                   + (f"{age} days old" if age is not None else "undated"))
        _geojson(area.geometry,
                 _area_style(color, n_sources, age, dash),
                 claims_popup_html(f"Held by {area.actor} on {label}", area.claim_ids, lookup,
                                   extra=[support, f"from {len(area.places)} places: "
                                          + ", ".join(area.places[:15])]),
                 f"{area.actor} area ({label})").add_to(group)
    for line in fronts.lines:
        _geojson(line.geometry,
                 {"color": _FRONT_COLOR, "weight": 4, "opacity": 0.9, "dashArray": dash},
                 claims_popup_html(f"Front {line.actors[0]} / {line.actors[1]} on {label}",
                                   line.claim_ids, lookup,
                                   extra=[f"about {line.length_km:.0f} km; between "
                                          + ", ".join(line.places[:15])]),
                 f"Front {line.actors[0]} / {line.actors[1]}").add_to(group)
    for place in fronts.contested:
        _contested_marker(place, lookup, label).add_to(group)
    if fronts.state is not None:
        for place in fronts.state.held():
            if place.has_point:
                _held_marker(place, lookup, label, colors).add_to(group)
    if ring_claims is not None and not ring_claims.empty:
        for marker in _ring_layers(fronts, ring_claims, lookup):
            marker.add_to(group)
    return group


def _contested_marker(place: PlaceControl, lookup: Mapping[str, dict],
                      label: str) -> folium.CircleMarker:
    views = [f"{source}: {holder}" for source, holder in place.views]
    popup = claims_popup_html(f"{place.place}: sources disagree on {label}", place.claim_ids,
                              lookup, extra=["claimed by " + ", ".join(place.claimants)] + views)
    marker = folium.CircleMarker(
        location=(place.lat, place.lon), radius=9, color=_CONTESTED_COLOR, weight=3,
        fill=True, fill_color="#ffffff", fill_opacity=0.6, dash_array="4 3",
        tooltip=safe_text(f"{place.place} (contested)"),
    )
    marker.add_child(folium.Popup(popup, max_width=420))
    return marker


def _held_marker(place: PlaceControl, lookup: Mapping[str, dict], label: str,
                 colors: Mapping[str, str]) -> folium.CircleMarker:
    """Draw a held place as a small dot; a dark ring marks a place on the front (attacked)."""
    notes = [f"precision: {place.precision or 'unknown'}"]
    if place.inferred:
        notes.append(f"holder inferred: attacked by {', '.join(place.attackers)}")
    elif place.front_adjacent:
        notes.append(f"on the front: attacked by {', '.join(place.attackers) or 'unknown'}")
    popup = claims_popup_html(f"{place.place}: held by {place.holder} on {label}",
                              place.claim_ids, lookup, extra=notes)
    marker = folium.CircleMarker(
        location=(place.lat, place.lon), radius=4,
        color=_FRONT_COLOR if place.front_adjacent else colors.get(place.holder or "", "#777777"),
        weight=2 if place.front_adjacent else 1, fill=True,
        fill_color=colors.get(place.holder or "", "#777777"), fill_opacity=0.9,
        tooltip=safe_text(f"{place.place} ({place.holder})"),
    )
    marker.add_child(folium.Popup(popup, max_width=420))
    return marker


def _ring_layers(fronts: Fronts, rings: pd.DataFrame,
                 lookup: Mapping[str, dict]) -> list[folium.Element]:
    """Arcs of force-distance claims, each compared with the day's front lines."""
    out: list[folium.Element] = []
    lines = [line.geometry for line in fronts.lines]
    for row in rings.itertuples(index=False):
        try:
            km_min = to_km(float(row.value_min), str(row.unit))
            km_max = to_km(float(row.value_max if pd.notna(row.value_max) else row.value_min),
                           str(row.unit))
            anchor = (float(row.anchor_lat), float(row.anchor_lon))
            direction = row.direction if isinstance(row.direction, str) else None
            arc = ring_arc(anchor, (km_min + km_max) / 2.0, direction)
            result = compare_with_front(anchor, km_min, km_max, direction, lines)
        except (ValueError, TypeError) as err:
            _log.debug("skipping ring of claim %s: %s", row.claim_id, err)
            continue
        title = f"{row.subject or 'Forces'} – {row.anchor}: {result.label}"
        out.append(_geojson(arc, {"color": _RING_COLOR, "weight": 3, "dashArray": "6 4"},
                            claims_popup_html(title, [str(row.claim_id)], lookup), title))
    return out


def _distance_rings(claims: pd.DataFrame | Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Distance claims that locate a force (no subject point) and have an anchor point."""
    frame = claims if isinstance(claims, pd.DataFrame) else pd.DataFrame(list(claims))
    needed = {"kind", "anchor_lat", "anchor_lon", "value_min", "unit"}
    if frame.empty or not needed <= set(frame.columns):
        return pd.DataFrame()
    rings = frame[(frame["kind"] == "distance") & frame["anchor_lat"].notna()
                  & frame["value_min"].notna()].copy()
    if "subject_lat" in rings:
        rings = rings[rings["subject_lat"].isna()]
    for column in ("value_max", "direction", "subject", "anchor", "claim_id"):
        if column not in rings:
            rings[column] = None
    when = pd.to_datetime(rings.get("event_date"), errors="coerce")
    rings["_day"] = when.fillna(pd.to_datetime(rings.get("published"), errors="coerce")).dt.date
    return rings[rings["_day"].notna()]


class TimeSlider(MacroElement):
    """A Leaflet control with a range input, a play button and a date label.

    Each *track* is a parent FeatureGroup holding one child FeatureGroup per date; the
    slider shows the selected date's child in every track and hides the others. The
    parents stay in the layer control, so one source's track can be switched off.
    """

    _template = Template("""
        {% macro script(this, kwargs) %}
        (function () {
            var map = {{ this._parent.get_name() }};
            var labels = {{ this.labels_json }};
            var tracks = [{% for parent, steps in this.tracks %}
                {parent: {{ parent.get_name() }},
                 steps: [{% for s in steps %}{{ s.get_name() }}
                         {{ "," if not loop.last }}{% endfor %}]}
                {{ "," if not loop.last }}{% endfor %}];
            var legend = {{ this.legend_json }};
            var control = L.control({position: "bottomleft"});
            control.onAdd = function () {
                var div = L.DomUtil.create("div", "cm-time-slider");
                div.style.cssText = "background:rgba(255,255,255,.92);padding:6px 10px;" +
                    "border-radius:6px;font:13px sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.3)";
                var button = L.DomUtil.create("button", "", div);
                button.textContent = "\u25B6";
                button.title = "play";
                var input = L.DomUtil.create("input", "", div);
                input.type = "range"; input.min = 0; input.max = labels.length - 1;
                input.step = 1; input.style.width = "{{ this.width_px }}px";
                input.style.verticalAlign = "middle";
                var label = L.DomUtil.create("b", "", div);
                label.style.marginLeft = "8px";
                var keys = L.DomUtil.create("div", "", div);
                legend.forEach(function (item) {
                    var sw = L.DomUtil.create("span", "", keys);
                    sw.style.cssText = "display:inline-block;width:12px;height:12px;" +
                        "margin:0 4px 0 8px;vertical-align:middle;opacity:.7;background:" + item[1];
                    var tx = L.DomUtil.create("span", "", keys);
                    tx.textContent = item[0];
                });
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                function show(i) {
                    tracks.forEach(function (t) {
                        t.steps.forEach(function (layer, k) {
                            if (k === i) { t.parent.addLayer(layer); }
                            else { t.parent.removeLayer(layer); }
                        });
                    });
                    input.value = i;
                    label.textContent = labels[i];
                    // the claim markers follow the slider: none dated after its day
                    if (window.ConflictMap && ConflictMap.untilDate) {
                        ConflictMap.untilDate(map, labels[i]);
                    }
                    div.setAttribute("data-step", i);
                }
                input.addEventListener("input", function () { show(parseInt(input.value, 10)); });
                var timer = null;
                button.addEventListener("click", function () {
                    if (timer) {
                        clearInterval(timer); timer = null; button.textContent = "\u25B6"; return;
                    }
                    button.textContent = "\u275A\u275A";
                    timer = setInterval(function () {
                        show((parseInt(input.value, 10) + 1) % labels.length);
                    }, {{ this.interval_ms }});
                });
                show({{ this.initial }});
                return div;
            };
            control.addTo(map);
        })();
        {% endmacro %}
    """)

    def __init__(self, labels: Sequence[str], tracks: Sequence[tuple[folium.FeatureGroup,
                 Sequence[folium.FeatureGroup]]], *, legend: Mapping[str, str] | None = None,
                 initial: int | None = None, interval_ms: int = 1200, width_px: int = 320) -> None:
        super().__init__()
        self._name = "TimeSlider"
        self.labels = [str(x) for x in labels]
        self.tracks = [(parent, list(steps)) for parent, steps in tracks]
        self.legend = [[str(k), str(v)] for k, v in (legend or {}).items()]
        # lists of plain strings only, so the JSON has no structural braces to escape
        self.labels_json = _safe_json(self.labels)
        self.legend_json = _safe_json(self.legend)
        last = max(len(self.labels) - 1, 0)
        self.initial = last if initial is None else min(max(int(initial), 0), last)
        self.interval_ms = int(interval_ms)
        self.width_px = int(width_px)


def add_fronts_timeline(
    folium_map: folium.Map,
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    dates: Sequence[date | str] | None = None,
    *,
    tracks: Mapping[str, Sequence[str] | None] | None = None,
    initial: date | str | None = None,
    window_days: int | None = DEFAULT_WINDOW_DAYS,
    contest_days: int | None = DEFAULT_CONTEST_DAYS,
    reach_km: float = DEFAULT_REACH_KM,
    ring_days: int = 30,
    conflict: str | None = None,
) -> TimeSlider | None:
    """Add the fronts of every date to a map, one track per source set, driven by a slider.

    Parameters
    ----------
    folium_map:
        The map to add the tracks and the slider to.
    claims:
        The claims frame (control claims; distance claims give the rings).
    dates:
        The slider's steps (default: :func:`timeline_dates` of the claims).
    tracks:
        ``{"Fronts (Reuters)": ["reuters.com"], "Fronts (all)": None}``; default one
        track over all sources. Tracks after the first are drawn with dashed outlines
        so two outlets' fronts can be compared side by side.
    initial:
        The date the slider starts on (added to the steps if missing; default: the last).
    ring_days:
        A force-distance claim's arc is shown on dates up to this many days after it.
    window_days, contest_days, reach_km, conflict:
        As for :func:`geo.fronts.fronts_at`.

    Returns the slider, or None when there is nothing to show.

    """
    frame = claims if isinstance(claims, pd.DataFrame) else pd.DataFrame(list(claims))
    table = prepare_control_claims(frame)
    if table.empty:
        return None
    steps = [to_date(d) for d in (dates if dates is not None else timeline_dates(table))]
    steps = [d for d in steps if d is not None]
    if not steps:
        return None
    colors = actor_colors(table["side"])
    HatchPatterns(colors.values()).add_to(folium_map)
    lookup = _claims_lookup(frame)
    rings = _distance_rings(frame)
    track_items = list((tracks or {"Areas of control and fronts": None}).items())
    start = to_date(initial) if initial is not None else None
    if start is not None and start not in steps:
        steps = sorted({*steps, start})
    initial_index = steps.index(start) if start is not None else len(steps) - 1
    slider_tracks = []
    for number, (track_name, sources) in enumerate(track_items):
        parent = folium.FeatureGroup(name=safe_text(track_name), show=True).add_to(folium_map)
        children = []
        for step, day in enumerate(steps):
            fronts = fronts_at(table, day, sources=sources, window_days=window_days,
                               contest_days=contest_days, conflict=conflict, reach_km=reach_km)
            day_rings = None
            if not rings.empty and number == 0:
                age = rings["_day"].map(lambda d, day=day: (day - d).days)
                day_rings = rings[(age >= 0) & (age <= ring_days)]
            child = fronts_feature_group(
                fronts, lookup, colors=colors, show=(step == initial_index),
                name=f"{track_name} {day.isoformat()}", dash=_DASHES[number % len(_DASHES)],
                ring_claims=day_rings)
            child.add_to(parent)
            children.append(child)
        slider_tracks.append((parent, children))
    slider = TimeSlider([d.isoformat() for d in steps], slider_tracks, legend=colors,
                        initial=initial_index)
    folium_map.add_child(slider)
    return slider


def add_disagreements_layer(
    folium_map: folium.Map,
    claims: pd.DataFrame | Iterable[Mapping[str, Any]],
    *,
    start: date | str | None = None,
    end: date | str | None = None,
    tolerance_days: int = 1,
    sources: Sequence[str] | None = None,
    name: str = "Where sources disagree",
) -> folium.FeatureGroup:
    """Add a layer of the places where two sources name different holders on the same days."""
    frame = claims if isinstance(claims, pd.DataFrame) else pd.DataFrame(list(claims))
    lookup = _claims_lookup(frame)
    pairs = source_disagreements(frame, start=start, end=end, tolerance_days=tolerance_days,
                                 sources=sources)
    group = folium.FeatureGroup(name=safe_text(name), show=True).add_to(folium_map)
    for (place, lat, lon), rows in pairs.groupby(["place", "lat", "lon"], sort=True):
        if not (np.isfinite(lat) and np.isfinite(lon)):
            continue
        lines = [f"{r.date_a} {r.source_a}: {r.holder_a or 'not held'} vs "
                 f"{r.date_b} {r.source_b}: {r.holder_b or 'not held'}"
                 for r in rows.itertuples(index=False)]
        ids = list(dict.fromkeys([*rows["claim_a"], *rows["claim_b"]]))
        marker = folium.CircleMarker(
            location=(lat, lon), radius=13, color=_CONTESTED_COLOR, weight=2, fill=True,
            fill_color=_CONTESTED_COLOR, fill_opacity=0.35,
            tooltip=safe_text(f"{place}: sources disagree"),
        )
        marker.add_child(folium.Popup(
            claims_popup_html(f"{place}: sources disagree", ids, lookup, extra=lines),
            max_width=420))
        marker.add_to(group)
    return group
