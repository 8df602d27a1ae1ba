"""Analyst corrections: change a mention's (or a claim's) place and re-resolve claims.

Every change is written to the ``corrections`` table (who, what, from, to, when) in the
same transaction as the change itself. Claims that use a corrected mention as their
place, anchor or subject get the new coordinates, and distance claims get a fresh
verdict from :func:`geo.verdict.check_distance`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, or_, select, update

from core.errors import InputRejected
from gazetteer.features import precision_of
from gazetteer.model import Mention, Place
from geo.geodesic import validate_point
from store.convert import distance_claim_from_row, place_from_json, verdict_fields
from store.models import Claim, Correction
from store.models import Mention as MentionRow

__all__ = [
    "apply_overrides",
    "correct_claim",
    "correct_mention",
    "resolve_target_place",
]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _place_dict(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"id": place.id, "name": place.name, "lat": place.lat, "lon": place.lon,
            "feature_code": place.feature_code, "precision": place.precision}


def resolve_target_place(conn: Connection, place: Place | None, lat: float | None,
                         lon: float | None, name: str | None, mention_id: int | None,
                         claim_id: int | None) -> Place:
    """Return the place a correction sets: the one given, or a manual point from lat/lon."""
    if place is not None:
        validate_point(place.lat, place.lon)
        return place
    if lat is None or lon is None:
        raise InputRejected("give a place or both lat and lon")
    lat_f, lon_f = validate_point(lat, lon)
    if not name:
        if mention_id is not None:
            name = conn.execute(select(MentionRow.text).where(
                MentionRow.id == mention_id)).scalar_one_or_none()
        else:
            name = conn.execute(select(Claim.place).where(
                Claim.id == claim_id)).scalar_one_or_none()
    return Place(id=f"manual:{lat_f:.5f},{lon_f:.5f}", name=name or "manual point",
                 lat=lat_f, lon=lon_f, feature_code="PPL", precision=precision_of("PPL"),
                 source="manual")


def _audit(conn: Connection, *, target: str, target_id: int, article_id: int, field: str,
           before: Any, after: Any, who: str | None, note: str | None) -> None:
    conn.execute(insert(Correction), {
        "at": _now(), "who": who or "analyst", "target": target, "target_id": target_id,
        "article_id": article_id, "field": field, "from_value": before, "to_value": after,
        "note": note,
    })


def _reordered_candidates(candidates: list | None, place: Place) -> list:
    kept = [c for c in (candidates or []) if c.get("place", {}).get("id") != place.id]
    chosen = next((c for c in (candidates or []) if c.get("place", {}).get("id") == place.id),
                  None)
    if chosen is None:
        chosen = {"place": {**_place_dict(place), "country_code": place.country_code,
                            "radius_km": place.radius_km, "source": place.source},
                  "score": 1.0, "reasons": ["analyst correction"]}
    return [chosen, *kept]


def correct_mention(conn: Connection, mention_id: int, place: Place, *, who: str | None,
                    note: str | None, all_in_article: bool = True) -> int:
    """Set the place of a mention (and its same-name twins); return claims updated."""
    cols = MentionRow.__table__.columns
    row = conn.execute(select(*cols).where(MentionRow.id == int(mention_id))).mappings().first()
    if row is None:
        raise InputRejected(f"no mention with id {mention_id}")
    targets = [dict(row)]
    if all_in_article:
        same = conn.execute(select(*cols).where(
            MentionRow.article_id == row["article_id"], MentionRow.id != row["id"],
            MentionRow.text == row["text"],
            (MentionRow.place_id == row["place_id"]) if row["place_id"] is not None
            else MentionRow.place_id.is_(None),
        )).mappings().all()
        targets += [dict(m) for m in same]
    for m in targets:
        before = ({"id": m["place_id"], "name": m["place_name"], "lat": m["lat"],
                   "lon": m["lon"]} if m["place_id"] or m["lat"] is not None else None)
        conn.execute(update(MentionRow).where(MentionRow.id == m["id"]).values(
            place_id=place.id, place_name=place.name, lat=place.lat, lon=place.lon,
            feature_code=place.feature_code, precision=place.precision,
            radius_km=place.radius_km, country_code=place.country_code, corrected=1,
            candidates=_reordered_candidates(m["candidates"], place)))
        _audit(conn, target="mention", target_id=m["id"], article_id=m["article_id"],
               field="place", before=before, after=_place_dict(place), who=who, note=note)
    return _reresolve_claims(conn, [m["id"] for m in targets], place)


def _reresolve_claims(conn: Connection, mention_ids: Sequence[int], place: Place) -> int:
    """Give claims using these mentions the new place; recompute distance verdicts."""
    stmt = select(*Claim.__table__.columns).where(or_(
        Claim.place_mention_id.in_(mention_ids), Claim.anchor_mention_id.in_(mention_ids),
        Claim.subject_mention_id.in_(mention_ids)))
    rows = [dict(r) for r in conn.execute(stmt).mappings()]
    ids = set(mention_ids)
    for row in rows:
        values: dict[str, Any] = {}
        if row["kind"] == "control" and row["place_mention_id"] in ids:
            values.update(_drawn(place))
        if row["kind"] == "distance":
            if row["anchor_mention_id"] in ids:
                values.update(anchor_place_id=place.id, anchor_lat=place.lat,
                              anchor_lon=place.lon)
            if row["subject_mention_id"] in ids:
                values.update(subject_place_id=place.id, subject_lat=place.lat,
                              subject_lon=place.lon)
            merged = {**row, **values}
            if merged["subject_lat"] is not None and merged["subject_mention_id"] in ids:
                values.update(_drawn(place))
            elif merged["subject_lat"] is None and row["anchor_mention_id"] in ids:
                values.update(_drawn(place))
            values.update(verdict_fields(distance_claim_from_row(merged),
                                         held_place=_held_place(conn, row)))
        if values:
            conn.execute(update(Claim).where(Claim.id == row["id"]).values(**values))
            _audit(conn, target="claim", target_id=row["id"], article_id=row["article_id"],
                   field="place", before={"lat": row["lat"], "lon": row["lon"],
                                          "verdict": row["verdict"]},
                   after={"lat": values.get("lat", row["lat"]),
                          "lon": values.get("lon", row["lon"]),
                          "verdict": values.get("verdict", row["verdict"])},
                   who="re-resolve", note=f"mention corrected to {place.id}")
    return len(rows)


def _held_place(conn: Connection, row: Mapping[str, Any]) -> Place | None:
    """Return the place a force claim's verdict measured the front from (from mentions).

    The verdict keeps only its name; its point comes from the article's mention of it
    (so a correction of that mention is honoured too).
    """
    detail = row.get("verdict_detail") or {}
    name = detail.get("held_place") if isinstance(detail, Mapping) else None
    if not name:
        return None
    found = conn.execute(select(MentionRow.place_id, MentionRow.place_name, MentionRow.lat,
                                MentionRow.lon, MentionRow.feature_code).where(
        MentionRow.article_id == row["article_id"], MentionRow.lat.is_not(None),
        or_(MentionRow.place_name == name, MentionRow.text == name)).limit(1)).first()
    if found is None:
        return None
    return Place(id=found[0] or f"stored:{name}", name=found[1] or name, lat=found[2],
                 lon=found[3], feature_code=found[4] or "PPL")


def _drawn(place: Place) -> dict[str, Any]:
    return {"place_id": place.id, "lat": place.lat, "lon": place.lon,
            "precision": place.precision, "radius_km": place.radius_km,
            "feature_code": place.feature_code}


def correct_claim(conn: Connection, claim_id: int | None, place: Place, *, who: str | None,
                  note: str | None, all_in_article: bool = True) -> int:
    """Correct the drawn place of a claim; through its mention when it has one."""
    row = conn.execute(select(*Claim.__table__.columns).where(
        Claim.id == int(claim_id or 0))).mappings().first()
    if row is None:
        raise InputRejected(f"no claim with id {claim_id}")
    if row["place_mention_id"] is not None:
        return correct_mention(conn, row["place_mention_id"], place, who=who, note=note,
                               all_in_article=all_in_article)
    values: dict[str, Any] = _drawn(place)
    if row["kind"] == "distance":
        key = "subject" if row["subject"] and row["subject_kind"] == "place" else "anchor"
        values.update({f"{key}_place_id": place.id, f"{key}_lat": place.lat,
                       f"{key}_lon": place.lon})
        values.update(verdict_fields(distance_claim_from_row({**dict(row), **values}),
                                     held_place=_held_place(conn, row)))
    conn.execute(update(Claim).where(Claim.id == row["id"]).values(**values))
    _audit(conn, target="claim", target_id=row["id"], article_id=row["article_id"],
           field="place", before={"id": row["place_id"], "lat": row["lat"], "lon": row["lon"]},
           after=_place_dict(place), who=who, note=note)
    return 1


def apply_overrides(conn: Connection, article_id: int, mentions: Sequence[Mention],
                    mention_ids: Sequence[int], overrides: Mapping[tuple[int, int], Place],
                    *, who: str | None) -> None:
    """Apply the analyst's preview choices (span -> place) to a just-written article."""
    by_span = {(m.start, m.end): mid for m, mid in zip(mentions, mention_ids, strict=True)}
    for span, place in overrides.items():
        key = (int(span[0]), int(span[1]))
        if key not in by_span:
            raise InputRejected(f"no place mention at characters {key[0]}-{key[1]}")
        if isinstance(place, Mapping):
            place = place_from_json(place)
        validate_point(place.lat, place.lon)
        correct_mention(conn, by_span[key], place, who=who, note="chosen in preview",
                        all_in_article=False)
