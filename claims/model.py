"""Value objects for claims: where a claim came from, distance claims, control claims.

Every claim carries its :class:`Provenance` so the app can always show the source,
the dates and the exact quote it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.actions import ACTIONS, GIVES, PRESSURE, TAKES
from gazetteer.model import Place

__all__ = [
    "ACTIONS",
    "GIVES",
    "PRESSURE",
    "TAKES",
    "UNITS",
    "Claim",
    "ControlClaim",
    "DistanceClaim",
    "Provenance",
]

#: Distance units: kilometres, statute miles, nautical miles (metres are converted to km).
UNITS: tuple[str, ...] = ("km", "mi", "nmi")


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a claim was read: article, source, dates and the exact character spans.

    ``start``/``end`` delimit the quote in the article text; ``sentence_start``/
    ``sentence_end`` the sentence around it. ``quote == text[start:end]``.
    """

    quote: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    article_id: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None


@dataclass(frozen=True, slots=True)
class DistanceClaim:
    """A stated distance: "some 90 km south of Tripoli", "100km (60mi) from Misrata"."""

    provenance: Provenance
    value_min: float
    value_max: float
    unit: str
    qualifier: str | None
    direction: str | None
    subject: str | None
    subject_kind: str  # "place" | "force" | "event"
    anchor: str
    anchor_place: Place | None = None
    subject_place: Place | None = None
    alt_value: float | None = None
    alt_unit: str | None = None
    actor_norm: str | None = None
    event_date: date | None = None
    event_date_end: date | None = None
    #: Why ``anchor`` means ``anchor_place`` when the text names it by reference
    #: ("the city -> Mekelle, named 1 sentence before", "away -> Kassala, named ...").
    anchor_reason: str | None = None
    #: The names of the rules that made the claim, in order (``extract-claims --explain``).
    trace: tuple[str, ...] = ()

    kind = "distance"


@dataclass(frozen=True, slots=True)
class ControlClaim:
    """Who did what where and when: "Sirte fell to the LNA" -> (LNA, captured, Sirte)."""

    provenance: Provenance
    actor: str | None
    actor_norm: str | None
    action: str
    place: str
    place_ref: Place | None = None
    event_date: date | None = None
    event_date_end: date | None = None
    conflict: str | None = None
    #: The words of the text for the place ("the city") when they are a reference, and why
    #: they mean ``place`` ("the city -> Wad Madani, named 2 sentences before").
    place_text: str | None = None
    place_reason: str | None = None
    #: Why ``actor_norm`` is meant when the text names the actor by reference ("they").
    actor_reason: str | None = None
    #: The names of the rules that made the claim, in order (``extract-claims --explain``).
    trace: tuple[str, ...] = ()

    kind = "control"


Claim = DistanceClaim | ControlClaim
