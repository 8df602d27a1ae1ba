"""Distance amounts in reporting prose: values, ranges, vague amounts, units, qualifiers.

Reporters write "some 90 km", "two kilometres", "1,000 kilometers (621 miles)",
"10-15 km", "between 10 and 15 km", "a few kilometres" and "less than 3 kilometers".
:func:`find_amounts` finds each such amount with its character span, its value range,
the unit, the hedging qualifier in front of it and a bracketed conversion behind it.

>>> [a.as_tuple() for a in find_amounts("some 100km (60mi) south of the capital")]
[(100.0, 100.0, 'km', 'about', 60.0, 'mi')]
>>> find_amounts("a few kilometers from the city center")[0].as_tuple()
(2.0, 9.0, 'km', None, None, None)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["MAX_VALUE", "Amount", "VAGUE_AMOUNTS", "find_amounts", "parse_number", "unit_of"]

#: Vague amounts as value ranges (the development set's convention).
VAGUE_AMOUNTS: dict[str, tuple[float, float]] = {
    "a few": (2, 9),
    "few": (2, 9),
    "a couple of": (2, 3),
    "a couple": (2, 3),
    "several": (3, 9),
    "a number of": (3, 9),
    "dozens of": (24, 99),
    "tens of": (20, 90),
    "scores of": (40, 99),
    "hundreds of": (200, 999),
    "a dozen": (12, 12),
    "a hundred": (100, 100),
    "a thousand": (1000, 1000),
}

#: Largest value accepted, in any unit (half the Earth's circumference is ~20,000 km).
MAX_VALUE = 50_000.0

_WORD_NUMBERS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "half": 0.5, "a": 1, "an": 1,
}

_UNIT_WORDS: dict[str, str] = {
    "km": "km", "kms": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km",
    "kilometers": "km", "klm": "km",
    "m": "m", "metre": "m", "metres": "m", "meter": "m", "meters": "m",
    "mi": "mi", "mile": "mi", "miles": "mi",
    "nautical mile": "nmi", "nautical miles": "nmi", "nm": "nmi", "nmi": "nmi",
}

#: Qualifier phrases in front of an amount, mapped to the evaluation vocabulary.
_QUALIFIERS: dict[str, str] = {
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "circa": "about", "nearly": "about",
    "almost": "about", "close to": "about", "an estimated": "about", "estimated": "about",
    "only": "only", "just": "only", "barely": "only", "a mere": "only", "merely": "only",
    "more than": "more than", "over": "more than", "beyond": "more than", "at least": "more than",
    "upwards of": "more than", "in excess of": "more than",
    "less than": "less than", "under": "less than", "fewer than": "less than",
    "no more than": "less than", "not more than": "less than", "at most": "less than",
    "up to": "less than", "within": "within", "outside": "outside",
}

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    r"(?:one|two|three|four|five|six|seven|eight|nine)"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety|(?:a|one|two|three|four|five)\s+hundred|half\s+a)"
)
_VALUE = rf"(?:{_NUM}|{_WORDNUM})"
_UNIT = (
    r"(?:nautical\s+miles?|kilomet(?:re|er)s?|km?s?|klm|metres?|meters?|miles?|mi|nmi|nm|m)"
)
_VAGUE = "|".join(sorted((re.escape(k) for k in VAGUE_AMOUNTS), key=len, reverse=True))
_QUAL = "|".join(sorted((re.escape(k) for k in _QUALIFIERS), key=len, reverse=True))

_AMOUNT_RE = re.compile(
    rf"(?:(?P<qual>{_QUAL})\s+)?"
    rf"(?:(?P<vague>{_VAGUE})\s+"
    rf"|between\s+(?P<b1>{_VALUE})\s+and\s+(?P<b2>{_VALUE})\s*"
    rf"|(?P<v1>{_VALUE})(?:\s*(?:-|–|—|to|or)\s*(?P<v2>{_VALUE}))?\s*-?)"
    rf"(?P<unit>{_UNIT})\b"
    rf"(?:\s*[(\[]\s*(?:about\s+|some\s+|around\s+|approx\.?\s+)?(?P<alt>{_VALUE})\s*-?\s*"
    rf"(?P<altunit>{_UNIT})\s*[)\]])?",
    re.IGNORECASE,
)

#: The units :func:`unit_of` knows (all of :data:`_UNIT` but a bare "k" or "ks").
_KNOWN_UNIT = (
    r"(?:nautical\s+miles?|kilomet(?:re|er)s?|kms?|klm|metres?|meters?|miles?|mi|nmi|nm|m)"
)

#: Cheap exact gate for :data:`_AMOUNT_RE`: in every amount found the unit is one
#: :func:`unit_of` knows and follows a space, a digit, a hyphen or the end of a number word
#: ("two", "nine", "seven", "twenty", "hundred", "half a"), so text without such a unit
#: holds no amount and skips the big pattern. The gate looks at a unit's first letter
#: first (k, m or n), which the regex engine tests fast, then behind it ("week" is no
#: "ee" + "k" unit).
_UNIT_GATE = re.compile(
    rf"(?=[kmn])(?:(?<=[\s\d\-])|(?<=ne|wo|ee|ur|ve|ix|en|ht|ty|ed|\sa)){_KNOWN_UNIT}\b",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """One distance amount found in text, with its span (``start``/``end``) in that text."""

    start: int
    end: int
    value_min: float
    value_max: float
    unit: str
    qualifier: str | None
    alt_value: float | None = None
    alt_unit: str | None = None

    def as_tuple(self) -> tuple:
        """Return the values without the span (handy in doctests and tests)."""
        return (self.value_min, self.value_max, self.unit, self.qualifier,
                self.alt_value, self.alt_unit)


def parse_number(token: str) -> float | None:
    """Parse "1,000", "2.5", "two", "twenty-five", "a hundred" into a float, else None.

    >>> parse_number("1,000"), parse_number("twenty-five"), parse_number("three hundred")
    (1000.0, 25.0, 300.0)
    """
    text = token.strip().lower().replace(",", "")
    try:
        value = float(text)
    except ValueError:
        pass
    else:
        return value if math.isfinite(value) else None
    parts = re.split(r"[\s-]+", text)
    if not parts or any(p not in _WORD_NUMBERS for p in parts):
        return None
    if parts[-1] == "hundred":
        return float(_WORD_NUMBERS.get(parts[0], 1) * 100) if len(parts) > 1 else 100.0
    if parts == ["half", "a"]:
        return 0.5
    return float(sum(_WORD_NUMBERS[p] for p in parts))


def unit_of(word: str) -> str | None:
    """Map a unit word ("kilometres", "mi", "nautical miles") to km, m, mi or nmi."""
    key = re.sub(r"\s+", " ", word.strip().lower())
    return _UNIT_WORDS.get(key)


def _is_false_unit(text: str, match: re.Match[str]) -> bool:
    """Reject amounts that are not distances: "5 m" in "$5 m", "3 mi" in a name, times."""
    unit = match.group("unit").lower()
    if unit in {"m", "mi", "nm"}:
        before = text[max(0, match.start() - 1):match.start()]
        after = text[match.end():]
        if before in {"$", "£", "€"} or (
                unit == "m" and re.match(r"\s*(?:dollars|euros|people|barrels|tons)", after)):
            return True
        if unit == "m" and match.group("v1") and not match.group("v1")[0].isdigit():
            return True  # "two m" is never a distance
    return False


def find_amounts(text: str) -> list[Amount]:
    """Find every distance amount in ``text``; metres stay in ``m`` (callers convert).

    >>> [a.as_tuple()[:4] for a in find_amounts("between 10 and 15 km, then 10-15 kilometres")]
    [(10.0, 15.0, 'km', None), (10.0, 15.0, 'km', None)]
    >>> find_amounts("less than 3 kilometers")[0].qualifier
    'less than'
    """
    found: list[Amount] = []
    if not _UNIT_GATE.search(text):
        return found
    for match in _AMOUNT_RE.finditer(text):
        if match.start() > 0 and text[match.start() - 1].isalnum():
            continue
        if _is_false_unit(text, match):
            continue
        unit = unit_of(match.group("unit"))
        if unit is None:
            continue
        if match.group("vague"):
            low, high = VAGUE_AMOUNTS[match.group("vague").lower()]
        elif match.group("b1"):
            low, high = parse_number(match.group("b1")), parse_number(match.group("b2"))
        else:
            low = parse_number(match.group("v1"))
            high = parse_number(match.group("v2")) if match.group("v2") else low
        if low is None or high is None:
            continue
        if high < low:
            low, high = high, low
        if high > MAX_VALUE:
            continue  # no distance on Earth is that long: a misread number
        qual = match.group("qual")
        qualifier = _QUALIFIERS.get(qual.lower()) if qual else None
        alt = parse_number(match.group("alt")) if match.group("alt") else None
        alt_unit = unit_of(match.group("altunit")) if match.group("altunit") else None
        found.append(Amount(match.start(), match.end(), float(low), float(high), unit, qualifier,
                            alt, alt_unit))
    return found
