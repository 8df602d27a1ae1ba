"""Resolve a claim's anchor or place name to a gazetteer :class:`Place`, once per article.

The rules live in the gazetteer (:mod:`gazetteer.name_rules`, asked for with
``resolve_name(..., single_name_rules=True)``): a town beats the district of the same name,
"the capital" is the conflict's capital, "the town" the place named before, a stray
namesake abroad is left unresolved. This module only keeps what one extraction run knows
(the conflict's country and capital, the article's resolved mentions) and caches answers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gazetteer import resolve_name
from gazetteer.model import Mention, Place

if TYPE_CHECKING:
    from claims.actors import ActorBook

__all__ = ["PlaceResolver"]


@dataclass
class PlaceResolver:
    """Resolves names for one article; ``country`` is an ISO code hint, ``capital`` a name."""

    country: str | None = None
    capital: str | None = None
    mentions: dict[str, Place] = field(default_factory=dict)
    _cache: dict[tuple[str, str | None, bool], Place | None] = field(default_factory=dict)
    #: Names whose reading is fixed but not yet looked up: key -> (name, context).
    _deferred: dict[tuple[str, str | None, bool], tuple[str, str | None]] = field(
        default_factory=dict)

    @classmethod
    def for_article(cls, book: ActorBook, conflict: str | None,
                    mentions: Sequence[Mention] | None = None) -> PlaceResolver:
        """Return the resolver of one article: its war's country and capital, its places."""
        info = book.conflicts.get(conflict) if conflict else None
        resolver = cls(country=info.countries[0] if info and info.countries else None,
                       capital=info.capital if info else None)
        for mention in mentions or ():
            if mention.place is not None:
                resolver.mentions.setdefault(mention.text.lower(), mention.place)
        return resolver

    def resolve(self, name: str | None, *, context: str | None = None,
                antecedent: str | None = None, capital_fallback: bool = True) -> Place | None:
        """Return the best place for ``name`` or None (never raises for unknown names).

        "the city (centre)" is the ``antecedent`` place, else (with ``capital_fallback``)
        the conflict's capital, the city news most often measures from.
        """
        if not name or not name.strip().lstrip("#"):
            return None
        key = (name.strip().lower(), antecedent, capital_fallback)
        if key not in self._cache:
            name, context = self._deferred.pop(key, (name, context))
            found = resolve_name(
                name.strip().lstrip("#"), context_text=context, single_name_rules=True,
                country=self.country, capital=self.capital, antecedent=antecedent,
                capital_fallback=capital_fallback, known=self.mentions)
            self._cache[key] = found[0].place if found else None
        return self._cache[key]

    def defer(self, name: str | None, *, context: str | None = None) -> None:
        """Fix what ``resolve(name, context=context)`` answers, without looking it up yet.

        Answers are cached by name, so the first call for a name decides its reading; a
        deferred name keeps the reading this call would have given, whenever (and from
        wherever) it is first resolved. A name already resolved or deferred is left as is.
        """
        if not name or not name.strip().lstrip("#"):
            return
        key = (name.strip().lower(), None, True)
        if key not in self._cache:
            self._deferred.setdefault(key, (name, context))
