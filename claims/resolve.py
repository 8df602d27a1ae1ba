"""Resolve a claim's anchor or place name to a gazetteer :class:`Place`, once per article.

The rules live in the gazetteer (:mod:`gazetteer.name_rules`, asked for with
``resolve_name(..., single_name_rules=True)``): a town beats the district of the same name,
"the capital" is the conflict's capital, "the town" the place named before, a stray
namesake abroad is left unresolved. This module only keeps what one extraction run knows
(the conflict's country and capital, the article's resolved mentions) and caches answers.

Answers are cached by name, so the first sentence that names a place decides its
reading. :meth:`PlaceResolver.defer_sentence` records a sentence's names without looking
them up, or even listing them: only when a name is first resolved are the waiting
sentences searched for it, and the earliest that names it is its context, as if each
sentence's names had been resolved in turn.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gazetteer import resolve_name
from gazetteer.model import Mention, Place

if TYPE_CHECKING:
    from claims.actors import ActorBook

__all__ = ["MAX_UNLISTED", "PlaceResolver"]

#: How many sentences may wait with their names unlisted; beyond it the oldest is listed
#: (so resolving a new name never searches more than this many sentences).
MAX_UNLISTED = 256

_Key = tuple[str, str | None, bool]


def _key(name: str) -> _Key | None:
    """Return the cache key of ``resolve(name)`` (no antecedent, capital fallback), or None."""
    if not name or not name.strip().lstrip("#"):
        return None
    return (name.strip().lower(), None, True)


@dataclass
class _Unlisted:
    """A sentence whose names wait to be listed.

    ``names()`` lists the stretches of the sentence that are names (computed once, when
    first needed; the caller keeps the answer), ``also`` the other names it stands for.
    """

    sentence: str
    names: Callable[[], Sequence[str]]
    also: tuple[str, ...]
    #: The lower-cased sentence, in which every key of ``names()`` is a substring; None
    #: when lower-casing depends on context there (a capital sigma), so any key may be.
    lower: str | None = None
    also_keys: frozenset[_Key | None] = frozenset()

    def __post_init__(self) -> None:
        self.lower = None if "\u03a3" in self.sentence else self.sentence.lower()
        self.also_keys = frozenset(_key(name) for name in self.also)

    def all_names(self) -> list[str]:
        """Return the names in the order they are deferred: ``names()``, then ``also``."""
        return [*self.names(), *self.also]

    def may_name(self, key: _Key) -> bool:
        """Tell whether the sentence may name ``key`` (without listing its names if not)."""
        return key in self.also_keys or self.lower is None or key[0] in self.lower


@dataclass
class PlaceResolver:
    """Resolves names for one article; ``country`` is an ISO code hint, ``capital`` a name."""

    country: str | None = None
    capital: str | None = None
    mentions: dict[str, Place] = field(default_factory=dict)
    _cache: dict[tuple[str, str | None, bool], Place | None] = field(default_factory=dict)
    #: Names whose reading is fixed but not yet looked up: key -> (name, context).
    _deferred: dict[_Key, tuple[str, str | None]] = field(default_factory=dict)
    #: Sentences whose names are not listed yet, oldest first (all newer than the
    #: sentences of ``_deferred``).
    _unlisted: deque[_Unlisted] = field(default_factory=deque)

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
            if key not in self._deferred and self._unlisted:
                self._find_unlisted(key)
            name, context = self._deferred.pop(key, (name, context))
            found = resolve_name(
                name.strip().lstrip("#"), context_text=context, single_name_rules=True,
                country=self.country, capital=self.capital, antecedent=antecedent,
                capital_fallback=capital_fallback, known=self.mentions)
            self._cache[key] = found[0].place if found else None
        return self._cache[key]

    def defer_sentence(self, sentence: str, names: Callable[[], Sequence[str]],
                       also: Sequence[str] = ()) -> None:
        """Fix what ``resolve(name)`` answers for the names of ``sentence``, as its context.

        ``names()`` gives the names the sentence names (each a stretch of it) and is
        called only when needed; ``also`` are names the sentence stands for without
        writing them (a claim's place read through "the town"). A name keeps the reading
        of the first sentence deferred with it, unless it was resolved before; the
        sentences must come in the article's order.
        """
        self._unlisted.append(_Unlisted(sentence, names, tuple(also)))
        if len(self._unlisted) > MAX_UNLISTED:
            self._list(self._unlisted.popleft())

    def _list(self, entry: _Unlisted) -> None:
        """Defer the names of ``entry`` (older than every sentence still unlisted)."""
        for name in entry.all_names():
            key = _key(name)
            if key is not None and key not in self._cache:
                self._deferred.setdefault(key, (name, entry.sentence))

    def _find_unlisted(self, key: _Key) -> None:
        """Defer ``key`` to the earliest unlisted sentence that names it, if any does."""
        for entry in self._unlisted:
            if entry.may_name(key):
                for name in entry.all_names():
                    if _key(name) == key:
                        self._deferred[key] = (name, entry.sentence)
                        return
