"""A country's name in the text's own language is that country, not a small namesake.

"Jordânia" is how Portuguese writes Jordan, and also a town of 10,000 in Minas Gerais;
"Inde" is French for India and a village in Durango (Indé). The gazetteer knows the towns
by those names and not the countries, so the resolver reads "O rei da Jordânia" as the
Brazilian town and "L'Inde et le Pakistan" as the Mexican village (the exonym reading of
:mod:`gazetteer.exonyms` only applies to names the index does not hold). This pass (rule
``language-exonym``) puts the country first when all of these hold:

- the text is in a language :func:`gazetteer.language.document_language` knows, not
  English, and the mention is that language's (CLDR) name of a country;
- the best reading is a minor place (:func:`gazetteer.readings.is_major` is false) that
  nothing in the text supports (:func:`gazetteer.readings.is_weak_reading`): a local
  story about the town, which names its region or its neighbours, keeps the town.

The reverse case, a country read by a name the language does not give it, is
:mod:`gazetteer.language_namesake`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.countries import country_name
from gazetteer.exonyms import country_name_in, exonym_country
from gazetteer.language import document_language
from gazetteer.model import Candidate, Mention, Place
from gazetteer.readings import is_major, is_weak_reading

__all__ = ["LANGUAGE_EXONYM", "favour_language_exonyms", "language_exonym"]

#: Pass name (trace, switch).
LANGUAGE_EXONYM = "language-exonym"
#: How far the country is put ahead of the namesake it displaces (score).
_LEAD = 0.1


def language_exonym(
    mention: Mention, language: str, normalize: Callable[[str], str],
    country_places: Callable[[str], Sequence[Place]],
) -> Mention:
    """Return ``mention`` with its country first if it is the language's name of one."""
    if not mention.candidates:
        return mention
    top = mention.candidates[0]
    if is_major(top.place) or not is_weak_reading(mention):
        return mention
    code = exonym_country(mention.text)
    own = country_name_in(language, code) if code else None
    if not code or not own or normalize(own) != normalize(mention.text):
        return mention
    country = next(iter(country_places(code)), None)
    if country is None:
        return mention
    lifted = Candidate(country, round(top.score + _LEAD, 4), (
        f"the name of {country_name(code) or country.name} in a text in {language};"
        f" {top.place.name} ({top.place.country_code or '-'}) is a small namesake"
        " nothing in the text supports",))
    rest = tuple(c for c in mention.candidates if c.place.id != country.id)
    return replace(mention, candidates=(lifted, *rest))


def favour_language_exonyms(
    text: str, mentions: Sequence[Mention], normalize: Callable[[str], str],
    country_places: Callable[[str], Sequence[Place]],
) -> list[Mention]:
    """Apply :func:`language_exonym` to every mention of a non-English text.

    ``country_places(code)`` returns the gazetteer's entry of a country by ISO code.
    """
    language = document_language(text)
    if not language or language == "en":
        return list(mentions)
    return [language_exonym(m, language, normalize, country_places) for m in mentions]
