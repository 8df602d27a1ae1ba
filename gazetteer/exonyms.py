"""Country names as other languages write them ("Libye", "Allemagne", "Estados Unidos").

The gazetteer holds English and local names; a French story writes "la Libye", a Spanish
one "Alemania". The names come from the Unicode CLDR territory names that the installed
``babel`` package ships (a dependency of ``trafilatura`` through ``courlan``), for every
language :func:`gazetteer.language.document_language` can tell apart from English. They
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

import re
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from gazetteer.language import STOP_WORDS, document_language
from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.recognize import Span

__all__ = [
    "EXONYM",
    "EXONYM_LANGUAGES",
    "country_name_in",
    "exonym_country",
    "exonym_pattern",
    "exonym_spans",
]

#: Rule name (trace, switch).
EXONYM = "exonym"
#: Languages whose country names are read: those the text-language detector knows.
EXONYM_LANGUAGES: tuple[str, ...] = tuple(lang for lang in STOP_WORDS if lang != "en")
#: Two-letter codes CLDR uses for things that are no country's (EU, EZ, UN, XA, XB, ZZ).
_NOT_COUNTRIES = frozenset("EU EZ UN QO XA XB ZZ".split())


@cache
def _names(language: str) -> dict[str, str]:
    """``{surface name: ISO code}`` of the countries in ``language`` (CLDR via babel)."""
    try:
        from babel import Locale
    except ImportError:  # pragma: no cover - babel comes with trafilatura
        return {}
    territories = Locale.parse(language).territories
    return {
        name: code
        for code, name in territories.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    }


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
