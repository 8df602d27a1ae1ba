"""The language of a document, from its commonest function words, and where it is spoken.

A text about Brazil is written in Portuguese; "Salvador" there is the city in Bahia, not
El Salvador. The geoparser reads Latin-script news in English mostly, with some items in
Portuguese, Spanish, French, German and Italian. Each language has a small stop-word
profile; a text is in a language when that language's function words make up a clear
share of its words and beat every other profile (so an English text quoting "de la" is
still English). No model, no dependency.

:data:`LANGUAGE_COUNTRIES` says where each language is an official one: a candidate in
one of them gets a small tie-breaking bonus (the ``document-language`` pass of
:mod:`gazetteer.passes`).

>>> document_language("A chuva forte causou deslizamentos em Salvador nesta segunda-feira.")
'pt'
>>> document_language("Heavy rain caused landslides in Salvador on Monday.")
'en'
>>> document_language("Salvador") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

__all__ = [
    "LANGUAGE_COUNTRIES",
    "MIN_LANGUAGE_SHARE",
    "PLACE_INTRODUCERS",
    "STOP_WORDS",
    "document_language",
    "language_of_words",
]

#: The commonest function words of each language (lower case; words shared by two
#: languages count for both, which the margin between profiles absorbs).
STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to in a is was that for on with as by at from it be are were has have "
        "had said this which an not but their its they been after who will".split()),
    "pt": frozenset(
        "o os a as de do da dos das em no na nos nas um uma para com por que não se é foi "
        "ao à pelo pela mais mas como também seu sua nesta neste está são".split()),
    "es": frozenset(
        "el la los las de del en un una y que por para con no se es fue al lo su sus más "
        "pero como también este esta hoy sin sobre entre".split()),
    "fr": frozenset(
        "le la les de des du un une et en dans que qui pour par sur au aux est sont pas "
        "ne ce cette il elle ont été avec depuis à".split()),
    "de": frozenset(
        "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als "
        "auch es an nach wird bei einer um am sind noch wie steht".split()),
    "it": frozenset(
        "il lo la i gli le di del della dei in un una e che per con non si è sono al alla "
        "nel nella da anche più ma come".split()),
}

#: Words that introduce a place in each language: locative prepositions (with their
#: contractions) and the conjunctions of a list. A minor place's name in a text not in
#: English comes after one of them (or a comma); capitalisation alone tells little there.
PLACE_INTRODUCERS: dict[str, frozenset[str]] = {
    "pt": frozenset(
        "em no na nos nas de do da dos das a ao à aos às para por pelo pela perto entre "
        "sobre até desde e ou".split()),
    "es": frozenset(
        "en de del desde a al hacia hasta para por cerca entre sobre y e o u".split()),
    "fr": frozenset(
        "à au aux en de du des d dans vers près sur sous entre depuis jusqu pour par chez "
        "et ou".split()),
    "de": frozenset(
        "in im ins an am auf aus bei beim nach von vom zu zum zur um über unter vor "
        "hinter neben zwischen durch gegen bis ab nahe und oder sowie".split()),
    "it": frozenset(
        "a ad in di da dal dalla del della dei nel nella al alla verso presso tra fra su "
        "per sopra e ed o".split()),
}

#: Countries where each language is official (ISO 3166 alpha-2).
LANGUAGE_COUNTRIES: dict[str, frozenset[str]] = {
    "en": frozenset(),  # English is read everywhere: it says nothing of the country
    "pt": frozenset("BR PT AO MZ CV GW ST TL".split()),
    "es": frozenset(
        "ES MX CO AR PE VE CL EC GT CU BO DO HN PY SV NI CR PA UY PR GQ".split()),
    "fr": frozenset(
        "FR BE CH LU MC CA CD CG CI CM SN ML BF NE TD GN BJ TG GA CF DJ KM MG RW BI HT "
        "SC VU".split()),
    "de": frozenset("DE AT CH LI LU".split()),
    "it": frozenset("IT SM VA CH".split()),
}

#: A language's function words make up at least this share of a text in it.
MIN_LANGUAGE_SHARE = 0.12
#: ... and at least this many times the share of the runner-up language.
_MARGIN = 1.5
_MIN_WORDS = 5
_WORD_RE = re.compile(r"[^\W\d_]+")
_SAMPLE_CHARS = 1_500
#: Share of the words that are "the" above which a text is English without counting more.
_THE_SHARE = 0.03


@lru_cache(maxsize=64)
def document_language(text: str) -> str | None:
    """Return the language code of ``text`` (see :data:`STOP_WORDS`), or None if unclear.

    Cached: recognition and the document-country pass ask about the same text. Most
    texts are English, told at once by the share of " the " (no other profiled language
    writes it).
    """
    sample = text[:_SAMPLE_CHARS].lower()
    if sample.count(" the ") >= max(2, _THE_SHARE * sample.count(" ")):
        return "en"
    return language_of_words(_WORD_RE.findall(sample))


def language_of_words(words: Sequence[str]) -> str | None:
    """Return the language code of lower-case ``words`` (a text's first words), or None."""
    if len(words) < _MIN_WORDS:
        return None
    ranked = sorted(
        ((lang, sum(map(profile.__contains__, words))) for lang, profile in STOP_WORDS.items()),
        key=lambda kv: -kv[1],
    )
    (lang, best), (_other, second) = ranked[0], ranked[1]
    if best < MIN_LANGUAGE_SHARE * len(words) or best < _MARGIN * second:
        return None
    return lang
