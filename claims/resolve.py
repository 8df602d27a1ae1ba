"""Resolve a claim's anchor or place name to a gazetteer :class:`Place`.

Wraps :func:`gazetteer.resolve_name` with what claims need on top:

- a town beats the district of the same name ("Misrata" the city, not Misrata district,
  whose label point lies 55 km away), because distances are stated from towns;
- "the capital", "Libya's capital", "the Libyan capital" go to the capital of the
  conflict's country when the gazetteer alone cannot tell;
- "the city centre", "the town" go to the place the sentence or article named before;
- results are cached per (name, country) for one extraction run.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from claims.countries import capital_of
from gazetteer.model import Candidate, Place

__all__ = ["PlaceResolver"]

log = logging.getLogger("conflictmap.claims.resolve")

_FINE = {"site", "town", "district"}
#: A reading abroad smaller than this, with no support in the text, is a stray namesake.
STRAY_POPULATION = 10_000
_SUPPORT = ("qualified", "document", "named in", "capital", "in ", "contains ")
#: Reasons of a reading found only by a loose spelling: abroad, it is a stray at any size
#: ("Moqokori" in a Somali report is not Mokeri, India).
_LOOSE = ("skeleton match", "loose", "fuzzy")
_GENERIC_CITY = re.compile(r"^(?:the|that|this)\s+(?:\w+\s+)?(?:city|town|village|area)"
                           r"(?:\s+(?:centre|center))?$", re.IGNORECASE)
_CAPITAL = re.compile(r"\bcapital\b", re.IGNORECASE)


@dataclass
class PlaceResolver:
    """Resolves names for one article; ``country`` is an ISO code hint, ``capital`` a name."""

    country: str | None = None
    capital: str | None = None
    mentions: dict[str, Place] = field(default_factory=dict)
    _cache: dict[tuple[str, str | None], Place | None] = field(default_factory=dict)

    def resolve(self, name: str | None, *, context: str | None = None,
                antecedent: str | None = None, capital_fallback: bool = True) -> Place | None:
        """Return the best place for ``name`` or None (never raises for unknown names).

        "the city (centre)" is the ``antecedent`` place, else (with ``capital_fallback``)
        the conflict's capital, the city news most often measures from.
        """
        if not name:
            return None
        text = name.strip().lstrip("#")
        if _GENERIC_CITY.match(text):
            text = antecedent or (self.capital if capital_fallback else None) or ""
        elif _CAPITAL.search(text) and not re.search(r"[A-Z]", text.replace("The", "")):
            text = capital_of(text) or self.capital or text
        elif _CAPITAL.search(text):
            text = capital_of(text) or text
        if not text:
            return None
        key = text.lower()
        if key in self.mentions:
            return self.mentions[key]
        cache_key = (key, self.country)
        if cache_key not in self._cache:
            self._cache[cache_key] = self._lookup(text, context)
        return self._cache[cache_key]

    def _stray(self, top: Candidate) -> bool:
        """Whether the best reading is a hamlet (or a loose spelling) abroad that nothing supports.

        "Tawila" in a Sudanese report, known to the gazetteer only as a Yemeni hamlet, is
        better left unresolved (the analyst can place it) than drawn 2,000 km away.
        """
        place = top.place
        loose = any(r.startswith(_LOOSE) for r in top.reasons)
        return (
            self.country is not None
            and place.country_code not in (None, self.country)
            and place.precision in _FINE
            and (place.population < STRAY_POPULATION or loose)
            and not any(r.startswith(_SUPPORT) for r in top.reasons)
        )

    def _lookup(self, text: str, context: str | None) -> Place | None:
        try:
            from gazetteer import resolve_name
        except ImportError as err:  # the gazetteer package is part of the project
            log.warning("gazetteer unavailable: %s", err)
            return None
        candidates = resolve_name(text, context_text=context, country_hint=self.country)
        facility = re.compile(r"\s(?:air\s*base|airbase|airport|base|checkpoint|bridge|"
                              r"observation\s+post|district|area|province|town|city)$", re.I)
        if facility.search(text) and (not candidates or candidates[0].place.precision not in
                                      {"site"}):
            stripped = facility.sub("", text)
            stripped = re.sub(r"^(?:the\s+)", "", stripped, flags=re.I)
            if stripped:
                candidates = resolve_name(stripped, context_text=context,
                                          country_hint=self.country) or candidates
        if not candidates:
            return None
        top = candidates[0]
        if self._stray(top):
            log.info("%r: only a stray namesake (%s, %s); left unresolved", text,
                     top.place.name, top.place.country_code)
            return None
        if top.place.precision in _FINE:
            return top.place
        for cand in candidates[1:6]:
            if cand.place.precision in {"town", "site"} and cand.score >= top.score - 3.5 and (
                    not self.country or cand.place.country_code == top.place.country_code):
                return cand.place
        return top.place
