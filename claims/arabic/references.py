"""Arabic place references: "المدينة", "البلدة", "المطار" ... for a place named before.

A reference noun with the article and no name after it (دخلت القوات المدينة) stands for
the most recent compatible place of the article; :data:`REFERENCE_NOUNS` maps each folded
Arabic noun to the noun of the shared discourse model (:mod:`claims.discourse`), whose
compatibility table says which kinds of place it may mean. Attached pronouns (عليها،
منها، اقتحموها) are found by the control rules themselves ("it").

>>> from claims.arabic.text import fold
>>> [(s.name, s.ref) for s in find_reference_spans(fold("ثم دخلت القوات المدينة"), [])]
[('المدينه', 'city')]
>>> find_reference_spans(fold("دخلت القوات مدينة سرت"), [])
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.arabic.control import PlaceSpan

__all__ = ["REFERENCE_NOUNS", "find_reference_spans"]

#: Folded Arabic reference nouns (without the article) -> the discourse model's noun.
REFERENCE_NOUNS: dict[str, str] = {
    "مدينه": "city", "بلده": "town", "قريه": "village", "منطقه": "area",
    "مطار": "airport", "قاعده": "base", "عاصمه": "capital", "ميناء": "port",
    "محافظه": "governorate", "ولايه": "state", "اقليم": "region", "مخيم": "camp",
    "جسر": "bridge", "حي": "district", "مديريه": "district", "بلدات": "area",
}
_NOUN_RE = re.compile(
    r"(?<![\w])(?:[وف]?(?:بال|لل|ال|وال))(?P<noun>" + "|".join(
        sorted(REFERENCE_NOUNS, key=len, reverse=True)) + r")(?![\w])")
#: A name this many words after the noun is what it means (المدينة القديمة في الموصل).
NAME_REACH_WORDS = 3
#: Words after the noun that make it no reference: a demonstrative-free adjective of
#: another place ("المدينة المجاورة": the neighbouring town) or a possessive.
_NOT_REF_AFTER = re.compile(r"\s*(?:المجاور|القريب|الاخري|المحاذي|نفسها|ذاتها)")


def find_reference_spans(folded: str, places: Sequence[PlaceSpan]) -> list[PlaceSpan]:
    """Return the reference nouns of a folded sentence not followed by a name, as place spans.

    ``places`` are the names recognized in the sentence: "المدينة" right before one
    introduces it (العاصمة صنعاء) and is no reference.
    """
    starts = {p.start for p in places}
    out = []
    for m in _NOUN_RE.finditer(folded):
        after = m.end()
        while after < len(folded) and folded[after] == " ":
            after += 1
        if after in starts or any(p.start <= m.start() < p.end for p in places):
            continue
        if any(0 <= len(folded[m.end():p.start].split()) <= NAME_REACH_WORDS
               and p.start >= m.end() for p in places):
            continue  # "المدينة القديمة في الموصل": the name follows, it is no reference
        rest = folded[m.end():m.end() + 12]
        if _NOT_REF_AFTER.match(rest) and not rest.strip().startswith(("نفسها", "ذاتها")):
            continue
        start = m.start("noun") - 2 if folded[m.start("noun") - 2:m.start("noun")] == "ال" \
            else m.start("noun")
        out.append(PlaceSpan(start, m.end(), folded[start:m.end()], REFERENCE_NOUNS[m["noun"]]))
    return out
