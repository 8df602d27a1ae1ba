"""The typed interface the geoparser needs from a gazetteer index.

:class:`gazetteer.index.GazetteerIndex` (the SQLite index) implements it; the geoparser
(:mod:`gazetteer.geoparse`) and the resolver call only these methods, so another index
(an in-memory one for tests, one for another language's gazetteer) can stand in for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from gazetteer.model import Place

if TYPE_CHECKING:
    from gazetteer.index import Match, NameInfo

__all__ = ["PlaceIndex"]


@runtime_checkable
class PlaceIndex(Protocol):
    """What a gazetteer index offers the geoparser."""

    def match(self, name: str, *, fuzzy: bool = False) -> Sequence[Match]:
        """Return every place a name may denote with its match tier, best first."""
        ...

    def lookup(self, name: str, *, fuzzy: bool = False) -> Sequence[Place]:
        """Return the places of :meth:`match`, without tiers."""
        ...

    def name_info(self, name: str) -> NameInfo | None:
        """Return what the index knows about a name's key (entries, best tier, common word)."""
        ...

    def country(self, cc: str) -> Place | None:
        """Return the country entry of an ISO 3166 alpha-2 code."""
        ...

    def capital_of(self, cc: str) -> Place | None:
        """Return the capital of a country."""
        ...

    def parents(self, place: Place | str) -> list[Place]:
        """Return the regions containing a place (first-level first)."""
        ...

    def overlay_size(self) -> int:
        """Return a number that changes whenever analyst places or aliases are added."""
        ...

    def arabic_heads(self) -> frozenset[str] | None:
        """Return the first words of the multi-word Arabic names (None when not built)."""
        ...
