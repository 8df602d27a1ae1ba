"""Turn analysis results (mentions, claims, verdicts) into table rows and back.

Kept apart from the store so the mapping of every claim field is in one place: the
ingest writes rows built here, and a correction rebuilds a :class:`DistanceClaim` from a
row to recompute its verdict.
"""

from __future__ import annotations

import dataclasses
import logging
import math
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from claims.model import ControlClaim, DistanceClaim, Provenance
from gazetteer.model import Mention, Place

__all__ = [
    "candidates_json",
    "claim_row",
    "distance_claim_from_row",
    "link_mention",
    "mention_row",
    "verdict_fields",
    "why_lines",
]

log = logging.getLogger("conflictmap.store.convert")

_VERDICT_COLUMNS = ("true_km", "diff_km", "diff_pct", "verdict", "bearing", "bearing_fits")


def _place_json(place: Place) -> dict[str, Any]:
    return {
        "id": place.id, "name": place.name, "lat": place.lat, "lon": place.lon,
        "feature_code": place.feature_code, "country_code": place.country_code,
        "admin1": place.admin1, "population": place.population, "precision": place.precision,
        "geonameid": place.geonameid, "source": place.source, "radius_km": place.radius_km,
    }


def place_from_json(data: Mapping[str, Any]) -> Place:
    """Rebuild a :class:`Place` from the JSON kept in a mention's candidates."""
    fields = {f.name for f in dataclasses.fields(Place)}
    return Place(**{k: v for k, v in data.items() if k in fields})


#: Candidates kept per mention (best first): enough for an analyst to pick another.
MAX_CANDIDATES = 10


def candidates_json(mention: Mention) -> list[dict[str, Any]]:
    """Return the best ranked candidates of a mention as JSON: place, score and reasons."""
    return [
        {"place": _place_json(c.place), "score": float(c.score), "reasons": list(c.reasons)}
        for c in mention.candidates[:MAX_CANDIDATES]
    ]


def mention_row(mention: Mention, article_id: int) -> dict[str, Any]:
    """Row for the ``mentions`` table."""
    place = mention.place
    return {
        "article_id": article_id, "start": mention.start, "end": mention.end,
        "text": mention.text, "candidates": candidates_json(mention), "corrected": 0,
        "trace": list(mention.trace) or None, **_place_columns(place),
    }


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"place_id": None, "place_name": None, "lat": None, "lon": None,
                "feature_code": None, "precision": None, "radius_km": None,
                "country_code": None}
    return {"place_id": place.id, "place_name": place.name, "lat": place.lat,
            "lon": place.lon, "feature_code": place.feature_code,
            "precision": place.precision, "radius_km": place.radius_km,
            "country_code": place.country_code}


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().replace("\u2019", "'").split())


def link_mention(
    mentions: Sequence[Mention], name: str | None, place: Place | None,
    span: tuple[int, int],
) -> int | None:
    """Index of the mention a claim's place string refers to, or None.

    Prefers a mention inside the claim's sentence span whose chosen place is the
    claim's place, then one whose text equals the name; then the same anywhere.
    """
    if not mentions or (not name and place is None):
        return None
    lo, hi = span
    key = _norm(name)

    def matches(m: Mention) -> bool:
        if place is not None and m.place is not None and m.place.id == place.id:
            return True
        return bool(key) and (_norm(m.text) == key or key.endswith(" " + _norm(m.text))
                              or _norm(m.text).endswith(" " + key))

    inside = [i for i, m in enumerate(mentions) if lo <= m.start < hi and matches(m)]
    if inside:
        return inside[0]
    anywhere = [i for i, m in enumerate(mentions) if matches(m)]
    return anywhere[0] if anywhere else None


def _finite(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _jsonable(value: Any) -> Any:
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    return None  # geometries and other objects are not kept


def verdict_fields(claim: DistanceClaim, *, verdict: Any = None,
                   held_place: Place | None = None) -> dict[str, Any]:
    """Verdict columns for a distance claim from :func:`geo.verdict.check_distance`.

    ``verdict`` is one already computed (``ArticleAnalysis.verdicts``); otherwise it is
    computed here, with ``held_place`` for force subjects. All None when the verdict
    module is missing or cannot judge the claim (e.g. the anchor did not resolve). A
    failing verdict is logged, never fatal to an ingest.
    """
    empty: dict[str, Any] = {name: None for name in _VERDICT_COLUMNS}
    empty["verdict_detail"] = None
    result = verdict
    if result is None:
        try:
            from geo.verdict import check_distance
        except ImportError:
            return empty
        try:
            result = check_distance(claim, held_place=held_place)
        except (ValueError, LookupError, ArithmeticError, TypeError) as err:
            log.warning("verdict failed for %r: %s", claim.provenance.quote, err)
            return empty
    if result is None:
        return empty
    detail = (dataclasses.asdict(result) if dataclasses.is_dataclass(result)
              else dict(getattr(result, "__dict__", {})))
    label = None
    for name in ("label", "verdict", "summary", "text"):
        if isinstance(detail.get(name), str):
            label = detail[name]
            break
    fits = detail.get("bearing_fits", detail.get("direction_fits"))
    return {
        "true_km": _finite(detail.get("true_km")),
        "diff_km": _finite(detail.get("diff_km")),
        "diff_pct": _finite(detail.get("diff_pct")),
        "verdict": label,
        "bearing": _finite(detail.get("bearing", detail.get("bearing_deg"))),
        "bearing_fits": fits if isinstance(fits, bool) else None,
        "verdict_detail": _jsonable(detail),
    }


def _provenance_columns(p: Provenance) -> dict[str, Any]:
    return {"quote": p.quote, "start": p.start, "end": p.end,
            "sentence_start": p.sentence_start, "sentence_end": p.sentence_end}


def _point(place: Place | None) -> tuple[float | None, float | None]:
    return (place.lat, place.lon) if place is not None else (None, None)


def claim_row(
    claim: ControlClaim | DistanceClaim,
    *,
    article_id: int,
    published: date | None,
    conflict: str | None,
    mention_ids: Sequence[int],
    mentions: Sequence[Mention],
    verdict: Any = None,
) -> dict[str, Any]:
    """Row for the ``claims`` table, with mention links, drawing point and verdict.

    A claim string that the extractor left unresolved takes the place of the mention it
    refers to (same sentence, same name), so every claim gets coordinates when its
    article's geoparse found them.
    """
    p = claim.provenance
    span = (p.sentence_start, p.sentence_end)
    row: dict[str, Any] = {
        "article_id": article_id, "kind": claim.kind, **_provenance_columns(p),
        "event_date": claim.event_date, "event_date_end": claim.event_date_end,
        "sort_date": claim.event_date or published,
        "conflict": getattr(claim, "conflict", None) or conflict,
        "actor_norm": claim.actor_norm,
    }

    linked_mentions: list[Mention] = []

    def linked(name: str | None, place: Place | None) -> tuple[int | None, Place | None]:
        idx = link_mention(mentions, name, place, span)
        if idx is None:
            return None, place
        linked_mentions.append(mentions[idx])
        return mention_ids[idx], place if place is not None else mentions[idx].place

    if isinstance(claim, ControlClaim):
        mention_id, place = linked(claim.place, claim.place_ref)
        row.update(actor=claim.actor, action=claim.action, place=claim.place,
                   place_mention_id=mention_id, **_claim_place(place),
                   why=why_lines(claim, linked_mentions))
        return row
    anchor_mid, anchor = linked(claim.anchor, claim.anchor_place)
    subject_mid, subject = (linked(claim.subject, claim.subject_place)
                            if claim.subject_kind == "place" or claim.subject_place
                            else (None, claim.subject_place))
    drawn = subject if subject is not None else anchor
    row.update(
        value_min=claim.value_min, value_max=claim.value_max, unit=claim.unit,
        qualifier=claim.qualifier, direction=claim.direction, alt_value=claim.alt_value,
        alt_unit=claim.alt_unit, subject=claim.subject, subject_kind=claim.subject_kind,
        anchor=claim.anchor, anchor_mention_id=anchor_mid, subject_mention_id=subject_mid,
        anchor_place_id=anchor.id if anchor else None,
        subject_place_id=subject.id if subject else None,
        place=((claim.subject or subject.name) if subject is not None else claim.anchor),
        place_mention_id=subject_mid if subject is not None else anchor_mid,
        **_claim_place(drawn),
    )
    row["why"] = why_lines(claim, linked_mentions)
    row["anchor_lat"], row["anchor_lon"] = _point(anchor)
    row["subject_lat"], row["subject_lon"] = _point(subject)
    if anchor is claim.anchor_place and subject is claim.subject_place:
        row.update(verdict_fields(claim, verdict=verdict))
    else:  # resolved here from the mentions: the analysis' verdict (if any) is stale
        resolved = dataclasses.replace(claim, anchor_place=anchor, subject_place=subject)
        row.update(verdict_fields(resolved))
    return row


#: How many of a candidate's reasons a claim keeps (the strongest come first).
WHY_REASONS = 4


def why_lines(claim: ControlClaim | DistanceClaim,
              mentions: Sequence[Mention]) -> list[str] | None:
    """Say why a claim is where it is, in short lines for the "why this place?" popup.

    First what the extractor resolved (a reference, a stand-in actor), then, for each
    mention the claim's places were linked to, the rules that kept and placed it and the
    strongest reasons of its chosen reading. None when there is nothing to say.
    """
    lines: list[str] = []
    for reason in (getattr(claim, "place_reason", None), getattr(claim, "actor_reason", None),
                   getattr(claim, "anchor_reason", None)):
        if reason:
            lines.append(reason)
    if claim.trace:
        lines.append("claim rules " + " > ".join(claim.trace))
    for mention in mentions:
        if mention.trace:
            lines.append(f"{mention.text}: rules " + " > ".join(mention.trace))
        if mention.candidates:
            top = mention.candidates[0]
            reasons = "; ".join(top.reasons[:WHY_REASONS])
            if reasons:
                lines.append(f"{mention.text} -> {top.place.name}: {reasons}")
    return lines or None


def _claim_place(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"place_id": None, "lat": None, "lon": None, "precision": None,
                "radius_km": None, "feature_code": None}
    return {"place_id": place.id, "lat": place.lat, "lon": place.lon,
            "precision": place.precision, "radius_km": place.radius_km,
            "feature_code": place.feature_code}


def _row_place(row: Mapping[str, Any], prefix: str) -> Place | None:
    lat, lon = row.get(f"{prefix}_lat"), row.get(f"{prefix}_lon")
    if lat is None or lon is None:
        return None
    name = row.get(prefix) or ""
    return Place(id=row.get(f"{prefix}_place_id") or f"stored:{name}", name=name,
                 lat=float(lat), lon=float(lon), feature_code="PPL")


def distance_claim_from_row(row: Mapping[str, Any]) -> DistanceClaim:
    """Rebuild the :class:`DistanceClaim` a claims row stores (to recompute its verdict)."""
    prov = Provenance(quote=row["quote"], start=row["start"], end=row["end"],
                      sentence_start=row["sentence_start"], sentence_end=row["sentence_end"])
    return DistanceClaim(
        provenance=prov, value_min=row["value_min"], value_max=row["value_max"],
        unit=row["unit"], qualifier=row.get("qualifier"), direction=row.get("direction"),
        subject=row.get("subject"), subject_kind=row.get("subject_kind") or "place",
        anchor=row.get("anchor") or "", anchor_place=_row_place(row, "anchor"),
        subject_place=_row_place(row, "subject"), alt_value=row.get("alt_value"),
        alt_unit=row.get("alt_unit"), actor_norm=row.get("actor_norm"),
        event_date=row.get("event_date"), event_date_end=row.get("event_date_end"),
    )
