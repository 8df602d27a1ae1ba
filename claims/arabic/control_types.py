"""The two records of Arabic control extraction: a place span and a control statement.

Kept apart from the rules (:mod:`claims.arabic.control`) so that the place and actor
finders (:mod:`claims.arabic.control_slots`), the statement builders
(:mod:`claims.arabic.control_voices`), references and distances share them without a cycle.
"""

from __future__ import annotations

from dataclasses import dataclass

from claims.arabic.actors import ArabicActor

__all__ = ["ArabicControl", "PlaceSpan"]


@dataclass(frozen=True, slots=True)
class PlaceSpan:
    """A place recognized in the sentence (offsets in the sentence).

    ``ref`` is set when the span is a reference, not a name: the discourse noun it stands
    for ("city" for المدينة, "it" for the pronoun of عليها).
    """

    start: int
    end: int
    name: str
    ref: str | None = None


@dataclass(frozen=True, slots=True)
class ArabicControl:
    """A control statement; offsets index the sentence."""

    action: str
    place: PlaceSpan
    actor: ArabicActor | None
    start: int
    end: int
    trigger_start: int
    rule: str = ""

