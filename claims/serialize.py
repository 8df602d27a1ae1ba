"""Claims as plain JSON-ready dicts, in the evaluation output format (``shared/eval/README.md``)."""

from __future__ import annotations

from typing import Any

from claims.model import ControlClaim, DistanceClaim

__all__ = ["claim_to_dict"]


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else round(float(value), 3)


def claim_to_dict(claim: DistanceClaim | ControlClaim, *, explain: bool = False) -> dict[str, Any]:
    """Return the evaluation-format dict of one claim (dates as ISO strings).

    ``explain`` adds ``trace``: the names of the rules that made the claim, in order.
    """
    prov = claim.provenance
    base: dict[str, Any] = {"kind": claim.kind, "quote": prov.quote, "start": prov.start,
                            "end": prov.end}
    if isinstance(claim, DistanceClaim):
        anchor = claim.anchor_place
        subject = claim.subject_place
        base.update({
            "value_min": _num(claim.value_min), "value_max": _num(claim.value_max),
            "unit": claim.unit, "qualifier": claim.qualifier, "direction": claim.direction,
            "subject": claim.subject, "subject_kind": claim.subject_kind, "anchor": claim.anchor,
            "anchor_lat": anchor.lat if anchor else None,
            "anchor_lon": anchor.lon if anchor else None,
            "subject_lat": subject.lat if subject else None,
            "subject_lon": subject.lon if subject else None,
            "alt_value": _num(claim.alt_value), "alt_unit": claim.alt_unit,
            "anchor_reason": claim.anchor_reason,
            "event_date": (claim.event_date.isoformat()
                           if claim.event_date and claim.event_date == claim.event_date_end
                           else None),
        })
    else:
        place = claim.place_ref
        exact = claim.event_date is not None and claim.event_date == claim.event_date_end
        base.update({
            "actor": claim.actor, "actor_norm": claim.actor_norm, "action": claim.action,
            "place": claim.place,
            "place_lat": place.lat if place else None, "place_lon": place.lon if place else None,
            "event_date": claim.event_date.isoformat() if exact else None,
            "conflict": claim.conflict,
            "place_text": claim.place_text, "place_reason": claim.place_reason,
            "actor_reason": claim.actor_reason,
        })
    if explain:
        base["trace"] = list(claim.trace)
    return base
