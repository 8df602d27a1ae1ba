"""Claim records for the map: escaped popup parts, colours, shapes, areas, distance rings.

Pure functions from claims-frame rows (``Store.claims_frame`` columns) to the compact records
the browser-side layer code (``geo/data/claims_map.js``) draws. Every article string is escaped
with :func:`html.escape` (and ``{``/``}`` written as entities) before it goes into a record, and
:func:`js_json` makes the serialized payload safe inside a ``<script>`` element. The folium
elements that carry these records are in :mod:`geo.layers`.
"""

from __future__ import annotations

import html
import json
import logging
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

__all__ = [
    "ACTION_SHAPES",
    "APPROXIMATE_PRECISIONS",
    "DISTANCE_MARKER_COLOR",
    "OTHER_COLOR",
    "actor_colors",
    "area_record",
    "area_records",
    "claim_records",
    "claims_payload",
    "distance_check_parts",
    "distance_color",
    "distance_record",
    "distance_records",
    "js_json",
    "popup_html",
    "safe_url",
    "select_rings",
]

log = logging.getLogger("conflictmap.geo.claim_records")

#: Precisions drawn as areas or marked approximate rather than as a dot.
APPROXIMATE_PRECISIONS: frozenset[str] = frozenset({"region", "country", "sea"})

#: Marker shape per control action; distance claims are circles.
ACTION_SHAPES: dict[str, str] = {
    "captured": "triangle",
    "holds": "square",
    "attacked": "star",
    "withdrew": "down",
    "entered": "diamond",
    "advanced_towards": "chevron",
    "besieged": "ring",
    "lost": "cross",
}
_ACTION_LABELS: dict[str, str] = {
    "captured": "captured",
    "holds": "holds",
    "attacked": "attacked",
    "withdrew": "withdrew",
    "entered": "entered",
    "advanced_towards": "advanced towards",
    "besieged": "besieged",
    "lost": "lost",
}
#: Colours for the most frequent actors, given in name order. The first eight are those of
#: the fronts layer (``geo.fronts_layer.PALETTE``, also given in name order), so when the
#: actors are the sides of a war a marker has the colour of its side's area.
_PALETTE: tuple[str, ...] = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#8c564b",
    "#e377c2",
    "#17becf",
    "#bcbd22",
    "#393b79",
    "#ad494a",
    "#637939",
    "#7b4173",
)
OTHER_COLOR = "#7f7f7f"
DISTANCE_MARKER_COLOR = "#444444"
#: Colours of distance checks, keyed by what the verdict says (``geo.verdict.verdict_class``)
#: and, for a figure that is off, by how far: (key, colour, legend label). The map and the
#: legend both read this table, so a line's colour always means what the legend says.
_VERDICT_BANDS: tuple[tuple[str, str, str], ...] = (
    ("consistent", "#1a9850", "consistent with the wording (e.g. ±15 % for “about”)"),
    ("road", "#66bd63", "off as the crow flies, inside the road range (+20–40 %)"),
    ("off25", "#d4a017", "off by up to 25 %"),
    ("off50", "#f46d43", "off by 25–50 %"),
    ("off", "#b2182b", "off by more than 50 %"),
)
#: (upper bound of |difference| in percent, band key) for figures that are off.
_OFF_BANDS: tuple[tuple[float, str], ...] = ((25.0, "off25"), (50.0, "off50"),
                                             (math.inf, "off"))
_DIFF_BANDS = tuple((0.0, color, label) for _key, color, label in _VERDICT_BANDS)
_UNKNOWN_DIFF = ("#6f6f6f", "true distance unknown")
_MARKERCLUSTER = "https://cdnjs.cloudflare.com/ajax/libs/leaflet.markercluster/1.1.0/"
_KM_PER_UNIT = {"km": 1.0, "mi": 1.609344, "nmi": 1.852, "m": 0.001}
_QUOTE_CHARS = 320
_TITLE_CHARS = 140


def js_json(value: Any) -> str:
    r"""Serialize to JSON that is safe inside an HTML ``<script>`` element.

    ``<``, ``>``, ``&`` and the JavaScript line separators are written as ``\u`` escapes, so
    text such as ``</script>`` in an article can never close the script.

    >>> js_json({"t": "</script><b>"})
    '{"t":"\\u003c/script\\u003e\\u003cb\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _missing(value: Any) -> bool:
    """Return True for None, NaN, NaT/NA and blank strings (fast path for the common types)."""
    if value is None:
        return True
    kind = type(value)
    if kind is str:
        return not value.strip()
    if kind is float:
        return value != value  # NaN
    if kind in (int, bool, date, datetime):
        return False
    try:
        import pandas as pd

        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _text(value: Any, limit: int | None = None) -> str:
    """Escape a value for HTML (empty for missing), shortened to ``limit`` characters."""
    if _missing(value):
        return ""
    text = str(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return html.escape(text, quote=True).replace("{", "&#123;").replace("}", "&#125;")


def _num(value: Any) -> float | None:
    """Return a finite float or None."""
    if _missing(value):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _day(value: Any) -> str:
    """ISO date string of a date, datetime, Timestamp or string (empty when missing)."""
    if _missing(value):
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "date"):
        try:
            return value.date().isoformat()
        except (AttributeError, ValueError):
            pass
    return str(value)[:10]


def safe_url(value: Any) -> str | None:
    """Return the URL when it is http(s), else None (no ``javascript:`` links in popups).

    >>> safe_url("https://example.org/a?b=1"), safe_url("javascript:alert(1)")
    ('https://example.org/a?b=1', None)
    """
    if _missing(value):
        return None
    url = str(value).strip()
    return url if url.lower().startswith(("http://", "https://")) else None


def verdict_band(diff_pct: Any, verdict: Any = None) -> str:
    """Return the :data:`_VERDICT_BANDS` key of a distance check ("" when unchecked).

    >>> verdict_band(14.0, "consistent: stated about 90 km, true 79 km (+14%)")
    'consistent'
    >>> verdict_band(-30, "understated: true 130 km (-31%)"), verdict_band(None, None)
    ('off50', '')
    """
    from geo.verdict import verdict_class

    cls = verdict_class(verdict)
    if cls in ("consistent", "road"):
        return cls
    number = _num(diff_pct)
    if number is None or (verdict is not None and cls == "unchecked"):
        return ""
    if verdict is None and abs(number) <= 10.0:
        return "consistent"  # a bare figure within rounding, no label stored
    return next(key for bound, key in _OFF_BANDS if abs(number) <= bound)


def distance_color(diff_pct: Any, verdict: Any = None) -> str:
    """Colour of a distance check: what its verdict says, then how far off the figure is.

    >>> distance_color(14.0, "consistent: true 79 km"), distance_color(-30), distance_color(None)
    ('#1a9850', '#f46d43', '#6f6f6f')
    """
    band = verdict_band(diff_pct, verdict)
    return next((color for key, color, _ in _VERDICT_BANDS if key == band), _UNKNOWN_DIFF[0])


def _actor_key(row: Mapping[str, Any]) -> str:
    """Return the actor a claim is coloured by: normalized actor, raw actor, or "unknown"."""
    for field in ("actor_norm", "actor"):
        value = row.get(field)
        if not _missing(value):
            return str(value)
    return "unknown"


def actor_colors(actors: Iterable[Any], *, limit: int = len(_PALETTE)) -> dict[str, str]:
    """Give the ``limit`` most frequent actors a palette colour each, in name order.

    Actors beyond the palette, and "unknown", are grey; look them up with
    ``colors.get(actor, OTHER_COLOR)``.

    >>> actor_colors(["LNA", "GNA", "LNA", None])
    {'GNA': '#1f77b4', 'LNA': '#d62728'}
    """
    counts = Counter(str(a) for a in actors if not _missing(a) and str(a) != "unknown")
    ranked = sorted(sorted(counts, key=lambda name: (-counts[name], name))[:limit])
    return {name: _PALETTE[i] for i, name in enumerate(ranked)}


def _stated_km(row: Mapping[str, Any]) -> tuple[float, float] | None:
    """Return the stated distance range in km, or None when it is missing."""
    low, high = _num(row.get("value_min")), _num(row.get("value_max"))
    if low is None and high is None:
        return None
    low = high if low is None else low
    high = low if high is None else high
    factor = _KM_PER_UNIT.get(str(row.get("unit") or "km"), 1.0)
    return low * factor, high * factor


def distance_check_parts(row: Mapping[str, Any]) -> list[str]:
    """Plain-text pieces of a distance claim's check: stated, true, difference, verdict.

    The popup escapes them; the app's claim panel joins them as they are.

    >>> distance_check_parts({"value_min": 100, "value_max": 100, "unit": "km",
    ...                       "anchor": "Misrata", "true_km": 192.4, "diff_km": -92.4,
    ...                       "diff_pct": -48.0, "verdict": "understated"})
    ['stated 100 km from Misrata', 'true 192 km', 'off by -92 km (-48 %)', 'understated']
    """
    parts = []
    value_min, value_max = _num(row.get("value_min")), _num(row.get("value_max"))
    if value_min is not None:
        stated = (
            f"{value_min:g}" if value_max in (None, value_min) else f"{value_min:g}-{value_max:g}"
        )
        direction = _plain(row.get("direction"))
        words = (
            _plain(row.get("qualifier")),
            stated,
            _plain(row.get("unit")) or "km",
            f"{direction} of" if direction else "from",
            _plain(row.get("anchor")) or "?",
        )
        parts.append("stated " + " ".join(w for w in words if w))
    true_km = _num(row.get("true_km"))
    if true_km is not None:
        parts.append(f"true {true_km:,.0f} km")
    diff_km, diff_pct = _num(row.get("diff_km")), _num(row.get("diff_pct"))
    if diff_km is not None:
        pct = f" ({diff_pct:+.0f} %)" if diff_pct is not None else ""
        parts.append(f"off by {diff_km:+,.0f} km{pct}")
    verdict = _plain(row.get("verdict"))
    if verdict:
        parts.append(verdict)
    return parts


def _plain(value: Any) -> str:
    """Text of a value, empty when missing (None, NaN)."""
    return "" if _missing(value) else str(value)


def _distance_summary(row: Mapping[str, Any]) -> str:
    """Escaped one-line summary of a distance claim's check, the verdict in bold."""
    parts = [_text(part) for part in distance_check_parts(row)]
    if _plain(row.get("verdict")) and parts:
        parts[-1] = f"<b>{parts[-1]}</b>"
    return "; ".join(parts)


def _claim_part(row: Mapping[str, Any]) -> str:
    """Escaped popup lines about the claim itself: place, precision, quote, who/what or distance."""
    place = _text(row.get("place")) or _text(row.get("subject")) or "?"
    precision = _text(row.get("precision"))
    radius = _num(row.get("radius_km"))
    where = precision
    if precision in APPROXIMATE_PRECISIONS:
        where = f"approximate: {precision}" + (f", ~{radius:,.0f} km radius" if radius else "")
    lines = [f"<b>{place}</b>" + (f" <span class='meta'>({where})</span>" if where else "")]
    quote = _text(row.get("quote"), _QUOTE_CHARS)
    if quote:
        lines.append(f'<q dir="auto">{quote}</q>')
    if row.get("kind") == "distance":
        summary = _distance_summary(row)
        if summary:
            lines.append(summary)
    else:
        actor = _text(row.get("actor_norm")) or _text(row.get("actor")) or "unknown actor"
        action = _ACTION_LABELS.get(str(row.get("action")), _text(row.get("action")))
        event = _day(row.get("event_date"))
        lines.append(f"{actor} &middot; {action}" + (f" &middot; event {event}" if event else ""))
    return "<br>".join(lines)


def _article_part(row: Mapping[str, Any]) -> str:
    """Escaped popup lines about the article: title, linked source, publication date."""
    title = _text(row.get("title"), _TITLE_CHARS)
    source = _text(row.get("source")) or "source unknown"
    url = safe_url(row.get("url"))
    if url:
        link = html.escape(url, quote=True)
        source = f'<a href="{link}" target="_blank" rel="noopener noreferrer">{source}</a>'
    meta = f"{source} &middot; published {_day(row.get('published')) or '?'}"
    return (f"<br><span class='meta'>{title}</span>" if title else "") + (
        f"<br><span class='meta'>{meta}</span>"
    )


def _article_key(row: Mapping[str, Any]) -> str:
    """Key shared by the claims of one article (its id, else source and URL)."""
    if not _missing(row.get("article_id")):
        return str(row.get("article_id"))
    return f"{row.get('source')}|{row.get('url')}|{row.get('title')}"


def _id_part(row: Mapping[str, Any]) -> str:
    """Return the claim id line; the app reads it back from the tooltip of a clicked marker."""
    return f"<br><span class='cm-id'>[claim {_text(row.get('claim_id'))}]</span>"


def popup_html(row: Mapping[str, Any]) -> str:
    """Return the popup of one claim: place, quote, who/what or distance check, source, dates.

    Every value from the article or the store is escaped; only http(s) links are kept.
    """
    return ("<div class='cm-pop'>" + _claim_part(row) + _article_part(row) + _why_part(row)
            + _id_part(row) + "</div>")


def _why_part(row: Mapping[str, Any]) -> str:
    """Return the folded "why this place?" lines of a claim (escaped), or nothing."""
    lines = _why(row.get("why"))
    if not lines:
        return ""
    return ("<details class='cm-why'><summary>Why this place?</summary>"
            + "".join(f"<div dir='auto'>{line}</div>" for line in lines) + "</details>")


def _rows(frame: Any) -> Iterable[dict[str, Any]]:
    """Rows of a DataFrame (or an iterable of mappings) as dicts."""
    if hasattr(frame, "to_dict"):
        return frame.to_dict("records")
    return (dict(row) for row in frame)


def _precision_note(row: Mapping[str, Any]) -> str:
    """Escaped "what this point stands for", e.g. "approximate: region, ~80 km radius"."""
    precision = _text(row.get("precision"))
    if precision not in APPROXIMATE_PRECISIONS:
        return precision
    radius = _num(row.get("radius_km"))
    return f"approximate: {precision}" + (f", ~{radius:,.0f} km radius" if radius else "")


def _what(row: Mapping[str, Any]) -> str:
    """Escaped popup line: "actor · action · event date" or the distance check summary."""
    if row.get("kind") == "distance":
        return _distance_summary(row)
    actor = _text(row.get("actor_norm")) or _text(row.get("actor")) or "unknown actor"
    action = _ACTION_LABELS.get(str(row.get("action")), _text(row.get("action")))
    event = _day(row.get("event_date"))
    return f"{actor} &middot; {action}" + (f" &middot; event {event}" if event else "")


_RECORD_COLUMNS = (
    "claim_id",
    "kind",
    "lat",
    "lon",
    "precision",
    "radius_km",
    "actor",
    "actor_norm",
    "action",
    "place",
    "subject",
    "quote",
    "event_date",
    "article_id",
    "title",
    "source",
    "url",
    "published",
    "value_min",
    "value_max",
    "unit",
    "qualifier",
    "direction",
    "anchor",
    "true_km",
    "diff_km",
    "diff_pct",
    "verdict",
    "why",
)
#: At most this many "why this place?" lines per popup, each at most this long.
WHY_LINES, WHY_CHARS = 8, 240


def _why(value: Any) -> list[str]:
    """Return the escaped "why this place?" lines of a claim (its stored ``why`` list)."""
    if isinstance(value, str):  # a JSON column read back as text by some drivers
        try:
            value = json.loads(value)
        except ValueError:
            return []
    if not isinstance(value, list | tuple):
        return []
    return [_text(line, WHY_CHARS) for line in value[:WHY_LINES] if isinstance(line, str)]


def claim_records(
    frame: Any, colors: Mapping[str, str], articles: dict[str, str] | None = None
) -> list[dict[str, Any]]:
    """Return the marker payload: one compact record per claim that has a valid position.

    Keys: ``id``, ``lat``, ``lon``, colour ``c``, shape ``s``, ``a`` (1 when the point is
    approximate), place ``n``, what/verdict line ``w``, quote ``q``, precision note ``p``,
    "why this place?" lines ``y`` (when the store kept any),
    article key ``m`` and the claim's date ``d`` (event date, else published; the fronts time
    slider hides markers dated after its day). All text is escaped HTML. The browser builds
    tooltips and popups from them; the article part of each popup (title, linked source,
    date) is stored once per article in ``articles`` (filled in place when given).
    """
    records = []
    if hasattr(frame, "columns"):
        frame = frame[[c for c in _RECORD_COLUMNS if c in frame.columns]]
    for row in _rows(frame):
        lat, lon = _num(row.get("lat")), _num(row.get("lon"))
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        distance = row.get("kind") == "distance"
        color = DISTANCE_MARKER_COLOR if distance else colors.get(_actor_key(row), OTHER_COLOR)
        shape = "circle" if distance else ACTION_SHAPES.get(str(row.get("action")), "circle")
        key = _article_key(row)
        if articles is not None and key not in articles:
            articles[key] = _article_part(row)
        record = {
            "id": str(row.get("claim_id")),
            "lat": round(lat, 5),
            "lon": round(lon, 5),
            "c": color,
            "s": shape,
            "n": _text(row.get("place")) or _text(row.get("subject")) or "?",
            "w": _what(row),
            "q": _text(row.get("quote"), _QUOTE_CHARS),
            "p": _precision_note(row),
            "m": key,
        }
        day = _day(row.get("event_date")) or _day(row.get("published"))
        if day:
            record["d"] = day[:10]
        if str(row.get("precision")) in APPROXIMATE_PRECISIONS:
            record["a"] = 1
        why = _why(row.get("why"))
        if why:
            record["y"] = why
        records.append(record)
    return records


def claims_payload(records: list[dict[str, Any]], articles: Mapping[str, str]) -> str:
    """Serialize marker records and the article parts they use for :class:`ClaimsLayer`."""
    used = {r["m"] for r in records}
    return js_json(
        {"articles": {k: v for k, v in articles.items() if k in used}, "claims": records}
    )


def area_record(row: Mapping[str, Any], colors: Mapping[str, str]) -> dict[str, Any] | None:
    """Return the dashed extent circle of an approximate place (region, country, sea), or None."""
    if str(row.get("precision")) not in APPROXIMATE_PRECISIONS:
        return None
    lat, lon, radius = _num(row.get("lat")), _num(row.get("lon")), _num(row.get("radius_km"))
    if lat is None or lon is None or not radius or radius <= 0:
        return None
    color = colors.get(_actor_key(row), OTHER_COLOR) if row.get("kind") != "distance" else "#555"
    return {"lat": round(lat, 3), "lon": round(lon, 3), "r": round(radius, 1), "c": color}


def area_records(frame: Any, colors: Mapping[str, str]) -> list[dict[str, Any]]:
    """Dashed circles for approximate places with an extent, one per distinct place and colour."""
    seen: set[tuple[Any, ...]] = set()
    areas = []
    for row in _rows(frame):
        area = area_record(row, colors)
        if area is None:
            continue
        key = tuple(area.values())
        if key not in seen:
            seen.add(key)
            areas.append(area)
    return areas


def distance_record(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """Ring (or band) and true-distance line of one distance claim, or None if not drawable."""
    if row.get("kind") != "distance":
        return None
    alat, alon = _num(row.get("anchor_lat")), _num(row.get("anchor_lon"))
    stated = _stated_km(row)
    if alat is None or alon is None or stated is None:
        return None
    cid = str(row.get("claim_id"))
    tip = f"{_text(row.get('quote'), 100)} &mdash; {_distance_summary(row)} "
    return {
        "id": cid,
        "alat": alat,
        "alon": alon,
        "rmin": max(stated[0], 0.0),
        "rmax": max(stated[1], 0.0),
        "slat": _num(row.get("subject_lat")),
        "slon": _num(row.get("subject_lon")),
        "c": distance_color(row.get("diff_pct"), row.get("verdict")),
        "t": tip + f"<span class='cm-id'>[claim {html.escape(cid)}]</span>",
        "at": f"anchor: {_text(row.get('anchor')) or '?'}",
        "p": _day(row.get("published")),
    }


def distance_records(
    frame: Any, *, limit: int = 400, always: str | None = None
) -> list[dict[str, Any]]:
    """Rings/bands and true-distance lines for up to ``limit`` distance claims.

    The most recently published claims are kept first; ``always`` (a claim id) is kept even
    beyond the limit so the selected claim is always drawn.
    """
    records = [r for r in (distance_record(row) for row in _rows(frame)) if r is not None]
    return select_rings(records, limit=limit, always=always)


def select_rings(
    records: list[dict[str, Any]], *, limit: int, always: str | None = None
) -> list[dict[str, Any]]:
    """Keep the ``limit`` most recent distance records, plus the ``always`` one."""
    ordered = sorted(records, key=lambda r: r.get("p") or "", reverse=True)
    kept = ordered[:limit]
    if always is not None and all(r["id"] != always for r in kept):
        kept += [r for r in ordered[limit:] if r["id"] == always]
    return kept
