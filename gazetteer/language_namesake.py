"""A country read by a name the text's language does not give it yields to a namesake there.

"Salvador" in a Portuguese text is the city in Bahia: Portuguese (like English and
Spanish) writes the country "El Salvador", so the bare word names the country in no
language the text is in. The document-country pass gives the text's language only a
small tie-breaking bonus, too small for a country's prior over a city of 2.7 million;
this pass (rule ``language-namesake``) decides that case by the name itself.

It applies when all of these hold:

- the text is in a language :func:`gazetteer.language.document_language` knows, not
  English;
- the best reading is a country where that language is not official, read by a name that
  is neither its name in that language (CLDR, :func:`gazetteer.exonyms.country_name_in`)
  nor its English one, and no qualifier decided it;
- a candidate in a country where the language is official bears the mention as its own
  main name.

That candidate then leads, just ahead of the country.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.countries import country_name
from gazetteer.exonyms import country_name_in
from gazetteer.language import LANGUAGE_COUNTRIES, document_language
from gazetteer.model import Candidate, Mention

__all__ = ["LANGUAGE_NAMESAKE", "favour_language_namesakes"]

#: Pass name (trace, switch).
LANGUAGE_NAMESAKE = "language-namesake"
#: How far the namesake is put ahead of the country it displaces (score).
_LEAD = 0.1
_MAIN_NAME = "main name"
_QUALIFIED = "qualified by"


def _names_country(mention: Mention, candidate: Candidate, language: str,
                   normalize: Callable[[str], str]) -> bool:
    code = candidate.place.country_code or ""
    names = (country_name_in(language, code), country_name(code), candidate.place.name)
    key = normalize(mention.text)
    return any(n and normalize(n) == key for n in names)


def language_namesake(
    mention: Mention, language: str, normalize: Callable[[str], str]
) -> Mention:
    """Return ``mention`` re-ranked if its country reading yields to a namesake (see above)."""
    ranked = mention.candidates
    spoken = LANGUAGE_COUNTRIES.get(language, frozenset())
    if len(ranked) < 2 or not spoken:
        return mention
    top = ranked[0]
    if (
        not top.place.feature_code.startswith("PCL")
        or top.place.country_code in spoken
        or any(r.startswith(_QUALIFIED) for r in top.reasons)
        or _names_country(mention, top, language, normalize)
    ):
        return mention
    for i, c in enumerate(ranked[1:], 1):
        if c.place.country_code in spoken and _MAIN_NAME in c.reasons:
            lifted = Candidate(c.place, round(top.score + _LEAD, 4), (
                *c.reasons, f"its own name in a text in {language}; {top.place.name} is "
                f"written otherwise in {language}"))
            return replace(mention, candidates=(lifted, *ranked[:i], *ranked[i + 1:]))
    return mention


def favour_language_namesakes(
    text: str, mentions: Sequence[Mention], normalize: Callable[[str], str]
) -> list[Mention]:
    """Apply :func:`language_namesake` to every mention of a non-English text."""
    language = document_language(text)
    if not language or language == "en" or language not in LANGUAGE_COUNTRIES:
        return list(mentions)
    return [language_namesake(m, language, normalize) for m in mentions]
