"""Actors of a war and the many names reporters give them.

The conflicts, their actors and aliases live in a data file (``claims/data/conflicts.json``)
that an analyst extends for a new war; nothing about one war is written in code. An
extra file can be added with :func:`load_conflicts` (``CONFLICTMAP_CONFLICTS`` env var).

>>> book = default_actor_book()
>>> book.detect_conflict("Haftar's forces shelled Tripoli")
'libya'
>>> [(m.text, m.norm) for m in book.find("Forces loyal to Khalifa Haftar took Sirte", "libya")]
[('Forces loyal to Khalifa Haftar', 'LNA')]
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from claims.scan import NameScanner
from core.errors import DataSourceError

__all__ = ["ActorBook", "ActorMention", "Conflict", "default_actor_book", "load_conflicts"]

log = logging.getLogger("conflictmap.claims.actors")

_DATA = Path(__file__).with_name("data") / "conflicts.json"

#: Words that head an actor noun phrase ("forces loyal to ...", "troops of ...").
_HEAD = (r"(?:forces?|troops|fighters|militias?|militiamen|units|soldiers|army|groups?|"
         r"brigades?|battalions?|reinforcements|mercenaries|gunmen|drones|planes|jets|"
         r"warplanes|aircraft|air\s+force|loyalists|factions)")
_LINK = (r"(?:loyal\s+to|allied\s+(?:to|with)|aligned\s+(?:to|with)|answering\s+to|"
         r"fighting\s+for|supporting|backing|under\s+the\s+command\s+of|under|of|from|"
         r"affiliated\s+with)")
_LEFT_PHRASE = re.compile(
    rf"(?<![\w’'-])(?:(?:the|some\s+of|units\s+from|a\s+number\s+of)\s+)?"
    rf"(?:(?!by\b|controlled\b|held\b|and\b|of\b|to\b|back\b|out\b|off\b|away\b|\w+ed\b)"
    rf"\b[\w’'-]+\s+){{0,2}}?{_HEAD}\s+"
    rf"{_LINK}\s+(?:the\s+)?(?:[\w’'.()\[\]-]+\s+){{0,6}}?$",
    re.IGNORECASE,
)
_RIGHT_HEAD = re.compile(
    rf"^(?:[’']s)?(?:[\s-]+(?:led|aligned|backed|allied|affiliated))?"
    rf"(?:\s+(?:[A-Z][\w-]*|military|armed|special|ground|naval|security|allied|paramilitary|"
    rf"government|rebel|elite|regular|terrorist|national))?\s+{_HEAD}\b")
_RIGHT_PAREN = re.compile(r"^\s*\([A-Z]{2,6}\)")
#: "anti-Haftar", "counter-ISIS": the name is what the words are against, not an actor.
_NEGATED_BEFORE = re.compile(r"(?:anti|counter)-$", re.IGNORECASE)
#: Spaces and hyphens inside an alias, read as one space.
_SPACING = re.compile(r"[\s-]+")
#: Rule *patron-word*: "forces loyal to President Hadi", "fighters loyal to Machar",
#: "troops allied with Kyiv". The patron is named by a word the war's book holds only inside
#: its aliases ("Hadi's forces", "pro-Hadi forces", "Kyiv's troops", "Riek Machar"), not as
#: an alias of its own: the phrase takes the norm of the one side whose aliases carry that
#: word. The patron's name must end the phrase in a capitalised word ("loyal to the Libyan
#: leader" names no patron by word); titles and epithets before it are read over.
_PATRON = re.compile(
    rf"\b(?:(?-i:[A-Z])[\w-]+\s+)?{_HEAD}\s+(?:still\s+)?(?:loyal\s+to|allied\s+(?:to|with))\s+"
    r"(?:the\s+)?(?:(?:(?-i:[A-Z])[\w’'.-]*|former|exiled|ousted|deposed|late|interim|"
    r"self-declared|vice-president|president|prime\s+minister|general|warlord|strongman|"
    r"commander|leader)\s+){0,4}(?P<word>(?-i:[A-Z])[\w-]+)\b(?![’'\w-])"
    r"(?!\s+(?:leader|government|president|army|forces|troops|regime|authorities|military|"
    r"junta|state|side|camp|movement|party)\b)",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A war: its id, name, countries, capital, keywords and actors (norm -> aliases)."""

    id: str
    name: str
    countries: tuple[str, ...]
    capital: str | None
    keywords: tuple[str, ...]
    aliases: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    generic: dict[str, tuple[str, ...]] = field(hash=False, compare=False)
    #: The years the war's actor book holds for, (first, last), None for open; (None, None)
    #: when the file gives none. Wars of one country in other eras (Libya 2011 and Libya
    #: since 2014) are told apart by them (:meth:`ActorBook.of_its_era`).
    years: tuple[int | None, int | None] = (None, None)

    def holds_in(self, year: int) -> bool:
        """Whether ``year`` lies in the war's years (always, when it has none).

        >>> Conflict("x", "X", (), None, (), {}, {}, (2011, 2011)).holds_in(2019)
        False
        """
        first, last = self.years
        return (first is None or year >= first) and (last is None or year <= last)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named in text: the phrase, its span, the normalized actor and the alias hit."""

    start: int
    end: int
    text: str
    norm: str | None
    alias_start: int
    alias_end: int


def load_conflicts(path: Path | None = None) -> list[Conflict]:
    """Read conflicts from ``path`` (default: the bundled file plus ``CONFLICTMAP_CONFLICTS``)."""
    paths = [path] if path else [_DATA]
    if path is None and os.environ.get("CONFLICTMAP_CONFLICTS"):
        paths.append(Path(os.environ["CONFLICTMAP_CONFLICTS"]))
    conflicts: list[Conflict] = []
    for p in paths:
        try:
            raw = json.loads(p.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as err:
            raise DataSourceError(f"cannot read conflicts file {p}: {err}") from err
        for item in raw.get("conflicts", []):
            try:
                conflicts.append(Conflict(
                    id=item["id"], name=item.get("name", item["id"]),
                    countries=tuple(item.get("countries", ())), capital=item.get("capital"),
                    keywords=tuple(item.get("keywords", ())),
                    aliases={a["norm"]: tuple(a.get("aliases", ())) for a in item["actors"]},
                    generic={a["norm"]: tuple(a.get("generic", ())) for a in item["actors"]},
                    years=_years(item.get("years")),
                ))
            except (KeyError, TypeError) as err:
                raise DataSourceError(f"malformed conflict entry in {p}: {err}") from err
    return conflicts


def _years(value: object) -> tuple[int | None, int | None]:
    """``"years": [2011, 2011]`` (``null`` for an open end) as a pair; absent: (None, None)."""
    if value is None:
        return (None, None)
    if (not isinstance(value, list) or len(value) != 2
            or not all(v is None or isinstance(v, int) for v in value)):
        raise TypeError(f"years must be [first, last] (integers or null), got {value!r}")
    return (value[0], value[1])


def _alternation(names: list[str]) -> NameScanner | None:
    names = sorted({n for n in names if n}, key=len, reverse=True)
    if not names:
        return None
    parts = [re.escape(n).replace("’", "[’']").replace("'", "[’']").replace(r"\ ", r"[\s-]+")
             for n in names]
    return NameScanner(names, parts)


def _own_alias_leads(table: dict[str, str], own: Mapping[str, str]) -> None:
    """Give another war's alias that opens with one of this war's aliases this war's norm.

    Rule *own-alias-leads*: "Wagner fighters" is a Sahel alias (norm Wagner), but in an
    article about Ukraine "Wagner" is Russia's: the longer alias of the other war must not
    take the name from the war the article is about. The longest own alias that opens the
    other's words wins; generic words ("rebels") never count, they name no side alone.
    """
    if not own:
        return
    longest = max(len(k.split()) for k in own)
    for key in table:
        if key in own:
            continue
        words = key.split()
        for n in range(min(longest, len(words) - 1), 0, -1):
            lead = " ".join(words[:n])
            if lead in own:
                table[key] = own[lead]
                break


def _alias_forms(name: str, countries: tuple[str, ...]) -> list[str]:
    """Return the lower-cased alias and its possessive form when it starts with a country.

    "Myanmar military" is also written "Myanmar's military", "Sudanese army" is not
    (a demonym has no possessive).
    """
    key = name.lower()
    first, _, rest = key.partition(" ")
    if not rest:
        return [key]
    from gazetteer.countries import country_code

    code = country_code(first)
    if code is None or code not in countries:
        return [key]
    return [key, f"{first}'s {rest}"]


class ActorBook:
    """Finds and normalizes actors; generic aliases count only inside the detected conflict."""

    def __init__(self, conflicts: list[Conflict]) -> None:
        self.conflicts = {c.id: c for c in conflicts}
        self._keyword_res = {
            c.id: _alternation(list(c.keywords) + [a for v in c.aliases.values() for a in v])
            for c in conflicts}
        self._cache: dict[str | None, tuple[NameScanner | None, dict[str, str]]] = {}
        self._keys: dict[str | None, set[str]] = {}
        self._spelled_cache: dict[str | None, dict[str, str]] = {}
        self._found: dict[tuple[str, str | None], tuple[ActorMention, ...]] = {}
        self._patron_cache: dict[str | None, dict[str, str | None]] = {}

    def detect_conflict(self, text: str, hint: str | None = None,
                        published: date | None = None) -> str | None:
        """Return the id of the conflict the text is most about (keyword hits), or None.

        With the article's ``published`` date, a war of the same country whose years hold
        that date is taken over one whose years do not (:meth:`of_its_era`).
        """
        if hint and hint in self.conflicts:
            return hint
        best, best_hits = None, 0
        hits: dict[str, float] = {}
        for cid, pattern in self._keyword_res.items():
            count = pattern.count(text) if pattern else 0
            if count:
                hits[cid] = count
            if count > best_hits:
                best, best_hits = cid, count
        if best is not None and published is not None:
            return self.of_its_era(best, hits, published.year)
        return best

    def of_its_era(self, best: str, votes: Mapping[str, float], year: int) -> str:
        """Rule *war-of-its-era*: ``best``, or a war of the same country that holds in ``year``.

        The keywords of Libya's 2011 war and of its war since 2014 overlap (Benghazi,
        Misrata): an article of 2011 is read with the 2011 actor book (rebels and Gaddafi's
        forces, not the LNA), one of 2019 mentioning Gaddafi with the later book. Only wars
        that also have votes (keyword hits, named actors) and share a country with ``best``
        compete; with none of them in its years, ``best`` stays.

        >>> book = default_actor_book()
        >>> book.of_its_era("libya", {"libya": 3, "libya2011": 1}, 2011)
        'libya2011'
        >>> book.of_its_era("libya2011", {"libya": 1, "libya2011": 3}, 2019)
        'libya'
        """
        chosen = self.conflicts.get(best)
        if chosen is None or chosen.holds_in(year):
            return best
        countries = set(chosen.countries)
        rivals = [(votes[cid], cid) for cid, war in self.conflicts.items()
                  if cid != best and votes.get(cid, 0) > 0 and countries & set(war.countries)
                  and war.holds_in(year)]
        return max(rivals)[1] if rivals else best

    def _pattern(self, conflict: str | None) -> tuple[NameScanner | None, dict[str, str]]:
        if conflict not in self._cache:
            table: dict[str, str] = {}
            own: dict[str, str] = {}  # the article's war's own (not generic) aliases
            ordered = ([self.conflicts[conflict]] if conflict in self.conflicts else [])
            ordered += [c for c in self.conflicts.values() if c.id != conflict]
            for c in ordered:
                if c.id == conflict:
                    for norm, names in c.generic.items():
                        for name in names:
                            table.setdefault(name.lower(), norm)
                for norm, names in c.aliases.items():
                    for name in names:
                        for key in _alias_forms(name, c.countries):
                            if c.id == conflict:
                                table[key] = norm
                                own[key] = norm
                            else:
                                table.setdefault(key, norm)
            _own_alias_leads(table, own)
            self._cache[conflict] = (_alternation(list(table)), table)
        return self._cache[conflict]

    def _spelled(self, conflict: str | None, table: dict[str, str]) -> dict[str, str]:
        """Table keyed by spacing/apostrophe-normalized alias, the first alias winning."""
        spelled = self._spelled_cache.get(conflict)
        if spelled is None:
            spelled = {}
            for k, v in table.items():
                spelled.setdefault(re.sub(r"[\s-]+", " ", k).replace("’", "'"), v)
            self._spelled_cache[conflict] = spelled
        return spelled

    def is_alias(self, text: str, conflict: str | None = None) -> bool:
        """Tell whether ``text`` is, as a whole, a known actor name ("LNA", "Haftar")."""
        _, table = self._pattern(conflict)
        keys = self._keys.get(conflict)
        if keys is None:
            keys = self._keys[conflict] = {_key(k) for k in table}
        return _key(text) in keys

    def normalize(self, text: str, conflict: str | None = None) -> str | None:
        """Return the normalized actor for a phrase, or None when no alias is in it."""
        found = self.find(text, conflict)
        return found[0].norm if found else None

    def find(self, text: str, conflict: str | None = None) -> list[ActorMention]:
        """Find actor mentions in ``text``, each widened to its noun phrase.

        A sentence is read several times while an article is analysed (claims, then the
        discourse); the answers for recent texts are kept (bounded).
        """
        key = (text, conflict)
        found = self._found.get(key)
        if found is None:
            found = tuple(self._find(text, conflict))
            if len(self._found) >= _FOUND_CACHE:
                self._found.clear()
            self._found[key] = found
        return list(found)

    def _find(self, text: str, conflict: str | None) -> list[ActorMention]:
        pattern, table = self._pattern(conflict)
        if pattern is None:
            return []
        out: list[ActorMention] = []
        for match in pattern.finditer(text):
            if _NEGATED_BEFORE.search(text, max(0, match.start() - 8), match.start()):
                continue
            key = _SPACING.sub(" ", match.group(0).lower()).replace("’", "'")
            norm = table.get(key)
            if norm is None:
                norm = self._spelled(conflict, table).get(key)
            start, end = match.start(), match.end()
            left = _LEFT_PHRASE.search(text[max(0, start - 120):start])
            if left:
                start = start - (len(text[max(0, start - 120):start]) - left.start())
            right = _RIGHT_HEAD.match(text[end:end + 40])
            paren = _RIGHT_PAREN.match(text[end:end + 10])
            if paren:
                end += paren.end()
                right = _RIGHT_HEAD.match(text[end:end + 40])
            if right:
                end += right.end()
            out.append(ActorMention(start, end, text[start:end], norm, match.start(),
                                    match.end()))
        out.extend(self._patron_mentions(text, conflict, out))
        return _merge(out)

    def _patron_words(self, conflict: str | None) -> dict[str, str | None]:
        """Capitalised word of the war's own aliases -> its one norm (None: several norms)."""
        words = self._patron_cache.get(conflict)
        if words is None:
            words = {}
            war = self.conflicts.get(conflict) if conflict else None
            for norm, names in (war.aliases.items() if war else ()):
                for name in names:
                    for word in _SPACING.split(name):
                        word = re.sub(r"[’']s$", "", word)
                        if len(word) < 3 or not word[0].isupper():
                            continue
                        key = word.lower()
                        words[key] = norm if words.get(key, norm) == norm else None
            self._patron_cache[conflict] = words
        return words

    def _patron_mentions(self, text: str, conflict: str | None,
                         found: list[ActorMention]) -> list[ActorMention]:
        """Rule *patron-word* (see :data:`_PATRON`): phrases no alias of the book covers."""
        if "loyal" not in text and "allied" not in text:
            return []
        words = self._patron_words(conflict)
        out: list[ActorMention] = []
        for match in _PATRON.finditer(text):
            if any(m.start < match.end() and match.start() < m.end for m in found):
                continue
            norm = words.get(match.group("word").lower())
            if norm is None:
                continue
            out.append(ActorMention(match.start(), match.end(), match.group(0), norm,
                                    match.start("word"), match.end("word")))
        return out


#: How many (text, conflict) answers :meth:`ActorBook.find` keeps.
_FOUND_CACHE = 4096


@lru_cache(maxsize=8192)  # pure; every capitalised name of a sentence is asked is_alias
def _key(text: str) -> str:
    return _SPACING.sub(" ", text.strip().lower()).replace("’", "'")


def _merge(mentions: list[ActorMention]) -> list[ActorMention]:
    """Merge overlapping phrases ("forces loyal to the GNA (GNA)") keeping the first norm."""
    merged: list[ActorMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if merged and m.start < merged[-1].end:
            prev = merged[-1]
            if m.end > prev.end:
                text = prev.text + m.text[prev.end - m.start:]
                merged[-1] = ActorMention(prev.start, m.end, text, prev.norm, prev.alias_start,
                                          prev.alias_end)
            continue
        merged.append(m)
    return merged


@lru_cache(maxsize=1)
def default_actor_book() -> ActorBook:
    """Return the process-wide :class:`ActorBook` built from the bundled conflicts file."""
    return ActorBook(load_conflicts())
