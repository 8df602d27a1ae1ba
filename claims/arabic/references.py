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

__all__ = ["FACILITY_PHRASES", "REFERENCE_NOUNS", "SIDED_NOUNS", "find_facility_spans",
           "find_reference_spans"]

#: Folded Arabic reference nouns (without the article) -> the discourse model's noun.
REFERENCE_NOUNS: dict[str, str] = {
    "مدينه": "city", "بلده": "town", "قريه": "village", "منطقه": "area",
    "مطار": "airport", "قاعده": "base", "عاصمه": "capital", "ميناء": "port",
    "محافظه": "governorate", "ولايه": "state", "اقليم": "region", "مخيم": "camp",
    "جسر": "bridge", "حي": "district", "مديريه": "district", "بلدات": "area",
    "معبر": "crossing", "مبني": "building", "مجمع": "building",
    # "الأحياء الشرقية": the districts of the town named before, which stand in it
    "احياء": "area",
}
#: Facilities named by what they are, not by a name (folded): the building or palace of
#: the town the report is about. "القصر الجمهوري" is the capital's; "مقر القيادة"،
#: "مبنى المحافظة"، "مقر قيادة العمليات" stand in the town named before.
FACILITY_PHRASES: tuple[tuple[str, str], ...] = (
    (r"قصر\s+(?:ال)?(?:جمهوري|رياسي)", "palace"),
    (r"(?:مقر|مبني|مجمع)(?:\s+(?:ال)?(?:قياده|عمليات|محافظه|حكومه|بلديه|ولايه|اركان|فرقه|"
     r"لواء|كتيبه|امن|شرطه|استخبارات|مخابرات|اذاعه|تلفزيون|برلمان|وزاره|مجلس))+", "building"),
)
_FACILITY_RE = re.compile(r"(?<![\w])[وفبل]?(?P<phrase>(?:ال)?(?:" + "|".join(
    f"(?P<{kind}{i}>{body})" for i, (body, kind) in enumerate(FACILITY_PHRASES)) + r"))(?![\w])")
_NOUN_RE = re.compile(
    r"(?<![\w])(?:[وف]?(?:بال|لل|ال|وال))(?P<noun>" + "|".join(
        sorted(REFERENCE_NOUNS, key=len, reverse=True)) + r")(?![\w])")
#: A name this many words after the noun is what it means (المدينة القديمة في الموصل).
NAME_REACH_WORDS = 3
#: Words after the noun that make it no reference: a demonstrative-free adjective of
#: another place ("المدينة المجاورة": the neighbouring town) or a possessive.
#: Plural nouns that refer back only with a side: "الأحياء الشرقية" (the town's eastern
#: districts), not "الأحياء السكنية".
SIDED_NOUNS = frozenset({"احياء"})
_SIDE_AFTER = re.compile(r"\s*ال(?:شرقي|غربي|شمالي|جنوبي|وسطي)")
_NOT_REF_AFTER = re.compile(r"\s*(?:المجاور|القريب|الاخري|المحاذي|نفسها|ذاتها)")


#: A name this many words after a facility phrase, in its clause, is where it stands.
FACILITY_REACH_WORDS = 6
_CLAUSE_END_RE = re.compile(r"[،,.;:؛]")


#: Rule "reference, then destination": a motion preposition between the noun and a name
#: ("انسحبت القوات من المدينة نحو سنار") makes the name where they went: the noun is
#: still the town named before.
_TOWARDS_RE = re.compile(r"\s*(?:نحو|باتجاه|صوب|تجاه|الي)(?![\w])")


def find_facility_spans(folded: str, places: Sequence[PlaceSpan]) -> list[PlaceSpan]:
    """Return the nameless facility phrases of a sentence (:data:`FACILITY_PHRASES`).

    A phrase with a name inside it or up to :data:`FACILITY_REACH_WORDS` words after it in
    the same clause (مقر القيادة العامة في الخرطوم) is not returned: the name is the place.

    >>> from claims.arabic.text import fold
    >>> [(s.name, s.ref) for s in find_facility_spans(fold("دخلت القوات مبنى المحافظة"), [])]
    [('مبني المحافظه', 'building')]
    """
    out = []
    for m in _FACILITY_RE.finditer(folded):
        kind = next(k for k, v in m.groupdict().items() if v and k != "phrase").rstrip("0123456789")
        start, end = m.start("phrase"), m.end("phrase")
        if any(p.start < end and start < p.end for p in places) or any(
                p.start >= end and len(folded[end:p.start].split()) <= FACILITY_REACH_WORDS
                and not _CLAUSE_END_RE.search(folded, end, p.start) for p in places):
            continue  # "مقر قيادة قوات اليونيفيل في بلدة الناقورة": the name follows
        out.append(PlaceSpan(start, end, folded[start:end], kind))
    return out


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
               and p.start >= m.end() and not _TOWARDS_RE.match(folded, m.end(), p.start)
               for p in places):
            continue  # "المدينة القديمة في الموصل": the name follows, it is no reference
        rest = folded[m.end():m.end() + 12]
        if m["noun"] in SIDED_NOUNS and not _SIDE_AFTER.match(rest):
            continue  # "الأحياء السكنية": residential areas anywhere, no town's districts
        if _NOT_REF_AFTER.match(rest) and not rest.strip().startswith(("نفسها", "ذاتها")):
            continue
        start = m.start("noun") - 2 if folded[m.start("noun") - 2:m.start("noun")] == "ال" \
            else m.start("noun")
        out.append(PlaceSpan(start, m.end(), folded[start:m.end()], REFERENCE_NOUNS[m["noun"]]))
    return out
