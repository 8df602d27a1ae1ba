"""Diseases named after places: "Lassa fever", "West Nile virus", "Lyme disease".

Outbreak reporting (the GeoVirus kind of news) names many diseases after the river, town
or region where they were first described. The place's name is then part of the
disease's name, not a toponym of the story: "a nurse who survived Lassa fever" is no
mention of Lhasa, "West Nile virus in Fresno" none of the Nile, and a place read there
pulls the story's real places towards it (a village near Lassa fever's home in Nigeria
resolved next to Tibet's capital). The recognition rule ``disease-eponym``
(:mod:`gazetteer.recognition_rules`) drops such a match; this module holds its word
tables and the test on the text after the match.
"""

from __future__ import annotations

import re

__all__ = [
    "DISEASE_EPONYM",
    "DISEASE_HEAD_WORDS",
    "EPONYM_ONLY_DISEASES",
    "HEALTH_NOUNS",
    "names_disease",
]

#: Rule name (trace, switch): a place's name that is part of a disease's name.
DISEASE_EPONYM = "disease-eponym"

#: Nouns that end a disease's name ("Lassa fever", "Lyme disease", "Spanish flu").
DISEASE_HEAD_WORDS: frozenset[str] = frozenset(
    "fever fevers virus viruses disease diseases flu influenza encephalitis syndrome "
    "haemorrhagic hemorrhagic".split()
)

#: Lower-case words a disease's name may put between the place and its head word
#: ("Middle East respiratory syndrome", "Rocky Mountain spotted fever", "Kyasanur Forest
#: disease" is capitalised and needs none).
DISEASE_MODIFIERS: frozenset[str] = frozenset(
    "respiratory spotted haemorrhagic hemorrhagic forest".split()
)

#: Place names that news uses bare for the disease named after them ("Ebola cases",
#: "two Lassa patients", "the Zika outbreak"); only before a word of :data:`HEALTH_NOUNS`.
EPONYM_ONLY_DISEASES: frozenset[str] = frozenset(
    "ebola lassa zika nipah hendra marburg lyme hantaan".split()
)

#: Words that make a bare disease eponym a disease ("Ebola outbreak", "Zika-affected").
HEALTH_NOUNS: frozenset[str] = frozenset(
    "outbreak outbreaks epidemic epidemics case cases patient patients vaccine vaccines "
    "vaccination survivor survivors death deaths infection infections strain strains "
    "response treatment transmission crisis ward wards victims virus fever disease "
    "affected hit infected positive".split()
)

#: Prepositions after which a bare eponym stays a place ("in Marburg, cases rose").
_LOCATIVE: frozenset[str] = frozenset("in at near from to outside around".split())

#: A hyphenated second part ("Crimean-Congo"), then the next two words.
_AFTER_RE = re.compile(
    r"(?:-[A-Z][\w’']*)*[ -](?P<first>[A-Za-z]+)(?: (?P<second>[A-Za-z]+))?"
)
_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\W*$")


def names_disease(text: str, start: int, end: int, lower: str) -> bool:
    """Tell whether the place's name at ``text[start:end]`` is part of a disease's name.

    It is when a disease's head word follows, directly or after one modifier ("Lassa
    fever", "Crimean-Congo haemorrhagic fever", "Middle East respiratory syndrome"), or
    when the name is one news uses bare for its disease and a health noun follows
    ("Ebola outbreak", "two Lassa patients"), unless a locative preposition puts it as a
    place ("in Marburg cases rose").

    >>> names_disease("A nurse survived Lassa fever.", 17, 22, "lassa")
    True
    >>> names_disease("Two Lassa patients died in Irrua.", 4, 9, "lassa")
    True
    >>> names_disease("The Ebola River rises in the north.", 4, 9, "ebola")
    False
    >>> names_disease("He studied in Marburg until 1990.", 14, 21, "marburg")
    False
    """
    found = _AFTER_RE.match(text, end)
    if found is None:
        return False
    first = found.group("first")
    second = (found.group("second") or "").lower()
    if first.lower() in DISEASE_HEAD_WORDS:
        return True
    if first in DISEASE_MODIFIERS and second in DISEASE_HEAD_WORDS:
        return True
    if lower not in EPONYM_ONLY_DISEASES or first.lower() not in HEALTH_NOUNS:
        return False
    before = _WORD_BEFORE_RE.search(text, 0, start)
    return before is None or before.group(1).lower() not in _LOCATIVE
