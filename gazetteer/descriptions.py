"""Names that describe a place instead of naming it: "Libya's capital", "the capital".

Claims name their anchor as often by description as by name ("the Libyan capital",
"the capital city of Syria"). These helpers turn such a description, or a country hint
("LY", "Libya"), into the place it stands for, given the country the article is about.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from gazetteer.model import Place
from gazetteer.protocol import PlaceIndex

__all__ = ["capital_by_description", "country_code_of", "describes_capital", "main_country"]

_CAPITAL_RE = re.compile(
    r"^(?:the\s+)?(?:(?P<owner>.+?)(?:['’]s)?\s+capital(?:\s+city)?"
    r"|capital\s+(?:city\s+)?of\s+(?P<of>.+)|(?P<bare>capital(?:\s+city)?))$",
    re.IGNORECASE,
)


def country_code_of(hint: str | None, places_for: Callable[[str], Sequence[Place]]) -> str | None:
    """Return the ISO code a hint names: a code ("LY"), a country or a demonym ("Libyan")."""
    if not hint:
        return None
    hint = hint.strip()
    if len(hint) == 2 and hint.isalpha():
        return hint.upper()
    for place in places_for(hint):
        if place.precision == "country" and place.country_code:
            return place.country_code
    return None


def main_country(votes: Iterable[tuple[str, Place, float]]) -> str | None:
    """Return the country code with the most weight among context votes, if any."""
    counts: dict[str, float] = {}
    for _key, place, weight in votes:
        if place.country_code:
            counts[place.country_code] = counts.get(place.country_code, 0.0) + weight
    return max(counts, key=counts.__getitem__) if counts else None


def describes_capital(name: str) -> bool:
    """Whether ``name`` has the form of a capital's description ("the capital", "X's capital").

    >>> describes_capital("the Libyan capital"), describes_capital("Tripoli")
    (True, False)
    """
    return _CAPITAL_RE.match(name.strip()) is not None


def capital_by_description(
    name: str,
    context_cc: str | None,
    index: PlaceIndex,
    places_for: Callable[[str], Sequence[Place]],
) -> list[Place]:
    """Return the capital a description names ("Libya's capital", "the capital"), else [].

    The owner is read from the description; a bare "the capital" takes ``context_cc``.
    """
    match = _CAPITAL_RE.match(name.strip())
    if not match:
        return []
    owner = match.group("owner") or match.group("of")
    cc = country_code_of(owner, places_for) if owner else context_cc
    if not cc:
        return []
    capital = index.capital_of(cc)
    return [capital] if capital is not None else []
