"""Value objects of the gazetteer: a place, a ranked candidate, a mention in a text.

They are small, immutable and hashable so they can be cached, compared and stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gazetteer.features import feature_class_of

__all__ = ["PRECISIONS", "Candidate", "Mention", "Place"]

#: What a point stands for, from most to least exact. The map draws the last three
#: as areas or marked approximations, never as a confident dot.
PRECISIONS: tuple[str, ...] = ("site", "district", "town", "region", "country", "sea")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry with a representative point.

    ``id`` is namespaced by source: ``geonames:2210247``, ``curated:al-watiya``,
    ``user:12``. ``feature_code`` follows GeoNames (PPLC, PPLA, PCLI, ADM1, ADM2, SEA,
    GULF, RGN, AIRB, PRT, ...). ``precision`` is one of :data:`PRECISIONS`.
    ``radius_km`` is a rough extent, used to draw regions as areas.
    """

    id: str
    name: str
    lat: float
    lon: float
    feature_code: str
    country_code: str | None = None
    admin1: str | None = None
    population: int = 0
    precision: str = "town"
    geonameid: int | None = None
    source: str = "geonames"
    radius_km: float = 0.0

    @property
    def feature_class(self) -> str:
        """GeoNames feature class (A, P, H, L, S, T, ...) derived from the code."""
        return feature_class_of(self.feature_code)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place proposed for a mention, with its score and the reasons for it."""

    place: Place
    score: float
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention: a character span of a text and its ranked candidates (best first).

    ``trace`` names, in order, the rules that kept it (recognition), ranked its candidates
    and moved or re-ranked them (mention passes): the "why this place?" of the app. It is
    not part of equality (two mentions of the same reading are equal however reached).
    ``unresolved`` says why a mention has no reading when a rule chose none on purpose
    ("no place of this name near the story's area; ...").
    """

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...] = field(default=())
    trace: tuple[str, ...] = field(default=(), compare=False)
    unresolved: str = field(default="", compare=False)

    @property
    def place(self) -> Place | None:
        """The chosen place (the best candidate), or None when nothing resolved."""
        return self.candidates[0].place if self.candidates else None

    def promoted(self, candidate: Candidate, reason: str) -> Mention:
        """Return this mention with ``candidate`` first, ``reason`` leading its reasons.

        The other candidates keep their order after it (the analyst still sees them).
        """
        lifted = Candidate(candidate.place, candidate.score, (reason, *candidate.reasons))
        rest = tuple(c for c in self.candidates if c is not candidate)
        return Mention(self.start, self.end, self.text, (lifted, *rest), self.trace)
