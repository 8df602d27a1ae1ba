"""Country names as other languages write them ("Libye", "Allemagne", "Estados Unidos").

The gazetteer holds English and local names; a French story writes "la Libye", a Spanish
one "Alemania". :data:`EXONYMS_FILE` (``gazetteer/data/exonyms.csv``) lists the countries'
names in every language :func:`gazetteer.language.document_language` can tell apart from
English, taken from the Unicode CLDR territory names that ``babel`` ships (installed with
``trafilatura`` through ``courlan``); ``python -m gazetteer.exonyms`` writes it again. A
file, not babel at run time: loading five babel locales costs 10 MB and 0.1 s. The names
are not added to the index: they would make "Island" (German for Iceland) or "Maurice"
(French for Mauritius) places in English text.

They are used two ways (rule ``exonym``, one switch):

- **resolution**: a name the index does not know strictly (no name or alias key) that is
  one country's name in one of these languages is that country, whatever the text's
  language (a caller who gives the span says it is a place);
- **recognition**: in a text in one of these languages, that language's names of
  countries are found as toponyms (:func:`exonym_spans`).

>>> exonym_country("Allemagne"), exonym_country("Estados Unidos"), exonym_country("Paris")
('DE', 'US', None)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path

from gazetteer.language import STOP_WORDS, document_language
from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.recognize import Span

__all__ = [
    "EXONYM",
    "EXONYMS_FILE",
    "EXONYM_LANGUAGES",
    "cldr_names",
    "country_name_in",
    "exonym_country",
    "exonym_pattern",
    "exonym_spans",
    "write_exonyms_file",
]

#: Rule name (trace, switch).
EXONYM = "exonym"
#: Languages whose country names are read: those the text-language detector knows.
EXONYM_LANGUAGES: tuple[str, ...] = tuple(lang for lang in STOP_WORDS if lang != "en")
#: Two-letter codes CLDR uses for things that are no country's (EU, EZ, UN, XA, XB, ZZ).
_NOT_COUNTRIES = frozenset("EU EZ UN QO XA XB ZZ".split())


#: The countries' names by language (``language,country_code,name``), written from babel.
EXONYMS_FILE = Path(__file__).resolve().parent / "data" / "exonyms.csv"


def cldr_names(language: str) -> dict[str, str]:
    """Return ``{name: ISO code}`` of the countries in ``language`` from babel's CLDR data."""
    from babel import Locale

    territories = Locale.parse(language).territories
    return {
        name: code
        for code, name in sorted(territories.items())
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


def write_exonyms_file(path: Path = EXONYMS_FILE) -> int:
    """Write :data:`EXONYMS_FILE` from babel; return the number of names written."""
    rows = [(lang, code, name) for lang in EXONYM_LANGUAGES
            for name, code in cldr_names(lang).items()]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(("language", "country_code", "name"))
        writer.writerows(rows)
    return len(rows)


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {lang: {} for lang in EXONYM_LANGUAGES}
    if EXONYMS_FILE.exists():
        with EXONYMS_FILE.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["language"] in table:
                    table[row["language"]][row["name"]] = row["country_code"]
    return table


def _names(language: str) -> dict[str, str]:
    return _table().get(language, {})


@lru_cache(maxsize=1)
def _by_key() -> dict[str, str]:
    """Return ``{normalized name: ISO code}`` over every language, unless two countries share it."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for language in EXONYM_LANGUAGES:
        for name, code in _names(language).items():
            key = normalize(name)
            if found.get(key, code) != code:
                shared.add(key)
            found.setdefault(key, code)
    return {k: v for k, v in found.items() if k not in shared}


def country_name_in(language: str, code: str) -> str | None:
    """Return the name of the country ``code`` in ``language`` ("pt", "SV" -> "El Salvador")."""
    return _codes(language).get(code)


@cache
def _codes(language: str) -> dict[str, str]:
    return {code: name for name, code in _names(language).items()} if language in \
        EXONYM_LANGUAGES else {}


def exonym_country(name: str) -> str | None:
    """Return the ISO code of the country ``name`` names in one of :data:`EXONYM_LANGUAGES`."""
    return _by_key().get(normalize(name))


@cache
def exonym_pattern(language: str) -> re.Pattern[str] | None:
    """Return a pattern of ``language``'s country names as whole words (longest first), or None."""
    if language not in EXONYM_LANGUAGES:
        return None
    names = sorted(_names(language), key=len, reverse=True)
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)")


def exonym_spans(
    text: str,
    spans: Sequence[Span],
    country: Callable[[str], tuple[Place, ...]],
    knows: Callable[[str], bool],
) -> list[Span]:
    """Return ``spans`` with the text language's country names added where no span is.

    ``country(code)`` gives the country's gazetteer entry; a name the index knows itself
    (``knows``) was judged by the recognition rules already and is not added back.

    >>> found = exonym_spans("La Libye a décrété trois jours de deuil pour les victimes.",
    ...                      [], lambda code: (code,), lambda name: False)
    >>> [(s.text, s.places, s.trace) for s in found]
    [('Libye', ('LY',), ('exonym',))]
    """
    language = document_language(text) or ""
    pattern = exonym_pattern(language)
    if pattern is None:
        return list(spans)
    added = []
    for m in pattern.finditer(text):
        start, end = m.span()
        if any(s.start < end and start < s.end for s in spans) or knows(m.group()):
            continue
        places = country(_names(language)[m.group()])
        if places:
            added.append(Span(start, end, m.group(), places, (EXONYM,)))
    if not added:
        return list(spans)
    return sorted([*spans, *added], key=lambda s: s.start)


if __name__ == "__main__":
    print(f"{write_exonyms_file()} names written to {EXONYMS_FILE}")
