"""Forces named by a force noun and a country adjective: القوات الروسية، الجيش السوداني.

Arabic reporting names a side most often by what it is and whose it is: قوات/الجيش/
الطائرات/المدفعية + a nisba adjective (الروسية، التركية، الإسرائيلي). Which actor that is
depends on the war, and is read from ``conflicts.json`` rather than listed per war: the
actor of a conflict whose English aliases name that country most (its name, or its
adjective before a force word: "Russian forces", "Sudanese army"; twice at least, and
twice as often as any other) is the one meant.
A country no actor of the war stands for (الجيش الليبي in the Libyan war, claimed by
both sides) gives no norm.

The adjectives are data (:data:`ADJECTIVES`, folded, masculine; the feminine adds ه).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from claims.arabic.actors import ArabicActor

__all__ = ["ADJECTIVES", "FORCE_NOUNS", "STATE_NOUNS", "country_actor",
           "find_arabic_demonym_actors", "force_countries"]

#: Country -> Arabic nisba adjectives, folded (alef and hamza forms as ا, ى as ي).
ADJECTIVES: dict[str, tuple[str, ...]] = {
    "RU": ("روسي",), "UA": ("اوكراني",), "TR": ("تركي",), "IL": ("اسراييلي",),
    "SY": ("سوري",), "SD": ("سوداني",), "IQ": ("عراقي",), "YE": ("يمني",),
    "SA": ("سعودي",), "AE": ("اماراتي",), "ET": ("اثيوبي",), "ER": ("اريتري",),
    "SO": ("صومالي",), "ML": ("مالي",), "BF": ("بوركيني",), "NE": ("نيجري",),
    "LY": ("ليبي",), "LB": ("لبناني",), "US": ("امريكي", "اميركي"),
    "AZ": ("اذربيجاني",), "AM": ("ارميني", "ارمني"), "AF": ("افغاني",), "CD": ("كونغولي",),
    "RW": ("رواندي",), "BI": ("بوروندي",), "NG": ("نيجيري",), "TD": ("تشادي",),
    "CO": ("كولومبي",), "GE": ("جورجي",), "MZ": ("موزمبيقي",), "PS": ("فلسطيني",),
    "IR": ("ايراني",), "EG": ("مصري",), "FR": ("فرنسي",), "GB": ("بريطاني",),
    "MM": ("ميانماري",), "KE": ("كيني",), "QA": ("قطري",), "JO": ("اردني",),
}
#: Nouns for a force (folded, without ال): the head of the phrase.
FORCE_NOUNS: tuple[str, ...] = (
    "قوات", "جيش", "طايرات", "طيران", "مقاتلات", "وحدات", "مدفعيه", "دبابات", "بحريه",
    "مسيرات", "شرطه", "قطعات", "جنود", "كتايب", "الويه", "لواء", "فرقه", "سلاح الجو",
    # one machine or unit of them: "دبابة إسرائيلية"، "مسيرة تركية"، "طائرة روسية"
    "دبابه", "طايره", "مسيره", "مقاتله", "مروحيه", "مروحيات", "زوارق", "زورق", "بارجه",
    # the strike noun names its side too: "الغارات الإسرائيلية استهدفت" (Israel struck)
    "غارات", "غاره", "ضربات",
)
#: Rule "state institution": nouns of a state's institutions (folded, without ال) that
#: with a country adjective speak for that country's side: "وزارة الدفاع التركية إن
#: قواتها"، "الحكومة الإثيوبية"، "قيادة العمليات المشتركة العراقية". Mostly the speaker;
#: as such the antecedent of the reference that opens the reported clause (قواتها).
STATE_NOUNS: tuple[str, ...] = ("حكومه", "وزاره", "قياده", "رياسه", "سلطات", "هييه الاركان")
#: English words after a country adjective that make an alias a force ("Sudanese army").
_FORCE_WORDS = frozenset({"forces", "army", "military", "troops", "soldiers",
                          "drones", "aircraft", "planes", "jets", "warplanes", "navy",
                          "regime", "police", "artillery", "air", "armed"})

#: Country abbreviations written as adjectives in English aliases ("US forces", "UK troops").
_ABBREVIATIONS: dict[str, str] = {"US": "US", "U.S.": "US", "UK": "GB"}

_ADJ_TO_COUNTRY = {adj: cc for cc, adjs in ADJECTIVES.items() for adj in adjs}
_NOUN = "(?:" + "|".join(re.escape(n).replace(r"\ ", r"\s+")
                         for n in (*FORCE_NOUNS, *STATE_NOUNS)) + ")"
_ADJ = "(?:" + "|".join(sorted(_ADJ_TO_COUNTRY, key=len, reverse=True)) + ")"
#: Prepositions that end the force phrase: "غارات على مواقع سورية" is no Syrian strike.
_PREPOSITION = r"(?:علي|في|الي|ضد|نحو|باتجاه|قرب|داخل|عند|فوق)"
#: force noun, up to two words (من الشرطة العسكرية، مسيرة), then the country adjective;
#: the adjective agrees in definiteness: القوات الروسية / طائرات تركية.
_PHRASE_RE = re.compile(
    rf"(?<![\w])[وفبلك]{{0,2}}?(?P<name>(?P<al>ال)?(?P<noun>{_NOUN})"
    rf"(?:\s+(?:من\s+)?(?!{_PREPOSITION}(?!\S))\S+){{0,2}}?"
    rf"\s+(?:ال)?(?P<adj>{_ADJ})(?:ه|ون|ين)?)(?![\w])")


@lru_cache(maxsize=64)
def country_actor(conflict: str | None, country: str) -> str | None:
    """Return the actor of ``conflict`` that stands for ``country``, or None.

    >>> country_actor("syria", "RU"), country_actor("sudan", "SD"), country_actor("libya", "LY")
    ('Russia', 'SAF', None)
    >>> country_actor("iraq", "US")
    'US-led coalition'

    """
    from claims.actors import default_actor_book
    from gazetteer.countries import country_code, country_of_adjective

    info = default_actor_book().conflicts.get(conflict or "")
    if info is None:
        return None
    votes: Counter[str] = Counter()
    for norm, aliases in info.aliases.items():
        for alias in (norm, *aliases):
            words = alias.split()
            if len(words) == 1 and alias == norm and country_code(alias) == country:
                votes[norm] += 5
            elif len(words) >= 2 and words[1].lower() in _FORCE_WORDS and (
                    country_of_adjective(words[0]) or country_code(words[0])
                    or _ABBREVIATIONS.get(words[0])) == country:
                votes[norm] += 1
    ranked = votes.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def find_arabic_demonym_actors(folded: str, conflict: str | None, text: str | None = None,
                               named: list[ArabicActor] | None = None) -> list[ArabicActor]:
    """Find force + country adjective phrases outside named actors, normalized via the war.

    >>> from claims.arabic.text import fold
    >>> [(a.text, a.norm) for a in find_arabic_demonym_actors(
    ...     fold("دخلت القوات الأوكرانية مدينة خيرسون"), "ukraine")]
    [('القوات الاوكرانيه', 'Ukraine')]
    >>> [a.norm for a in find_arabic_demonym_actors(fold("قصفت طائرات تركية مسيرة"), "syria")]
    ['Turkey']
    >>> find_arabic_demonym_actors(fold("نفذت غارات على مواقع سورية"), "syria")
    []
    """
    taken = [(a.start, a.end) for a in named or ()]
    out = []
    for m in _PHRASE_RE.finditer(folded):
        start, end = m.start("name"), m.end("name")
        if any(s < end and start < e for s, e in taken):
            continue
        adjacent = not folded[m.end("noun"):m.start("adj")].strip(" ال")
        if adjacent and bool(m.group("al")) != folded[:m.start("adj")].endswith("ال"):
            continue  # "القوات سورية" is no phrase; "وحدات من الشرطة الروسية" is one
        country = _ADJ_TO_COUNTRY[m.group("adj")]
        norm = country_actor(conflict, country)
        out.append(ArabicActor(start, end, (text or folded)[start:end], norm,
                               (conflict,) if norm and conflict else (), "demonym"))
    return out + _his_country_actors(folded, conflict, text, taken)


#: Rule "his country's forces": "قوات بلاده"، "جيش بلادها" name the side of the country
#: whose adjective qualified the speaker before, in the same sentence ("أعلن الرئيس
#: الأذربيجاني أن جيش بلاده سيطر على"، "قال وزير الدفاع الروسي إن قوات بلاده").
_HIS_COUNTRY_RE = re.compile(rf"(?<![\w])[وفبل]{{0,2}}?(?P<name>(?:ال)?{_NOUN}\s+بلاد(?:ه|ها|هم))"
                             r"(?![\w])")
_COUNTRY_ADJ_RE = re.compile(rf"(?<![\w])(?:ال)?(?P<adj>{_ADJ})(?:ه)?(?![\w])")
#: How far back (characters) the speaker's adjective may stand, within the sentence.
HIS_COUNTRY_REACH = 120


#: Rule "his forces, a national speaker": "قواته"، "جيشها" in the clause a person of state
#: qualified by a country adjective reports ("أعلن الرئيس الأذربيجاني ... أن قواته"، "قالت
#: وزيرة الدفاع الأوكرانية إن وحداتها") are that country's side. The person is only the
#: speaker, never the agent: "أعلن الرئيس الأذربيجاني تحرير X" names no actor.
_HIS_FORCES_RE = re.compile(r"(?<![\w])[وفبل]{0,2}?(?P<name>(?:قوات|جيش|جنود|وحدات|مقاتلي|طايرات)"
                            r"(?:ه|ها))(?![\w])")
_NATIONAL_SPEAKER_RE = re.compile(
    rf"(?<![\w])(?:ال)?(?:رييس(?:\s+(?:ال)?وزراء)?|وزير(?:ه)?(?:\s+(?:ال)?\S+)?)"
    rf"\s+(?:ال)?(?P<adj>{_ADJ})(?:ه)?(?![\w])(?P<rest>[^.]*?)(?<![\w])[وب]?ان(?![\w])\s*$")


def _his_country_actors(folded: str, conflict: str | None, text: str | None,
                        taken: list[tuple[int, int]]) -> list[ArabicActor]:
    """Return the "قوات بلاده" phrases whose country an adjective before names (see the rule).

    Also the possessive forces a national speaker's clause opens with (rule "his forces, a
    national speaker").
    """
    out = []
    for m in _HIS_FORCES_RE.finditer(folded):
        start, end = m.start("name"), m.end("name")
        lo = max(0, start - HIS_COUNTRY_REACH)
        lo = max(lo, folded.rfind(".", lo, start) + 1)
        speaker = _NATIONAL_SPEAKER_RE.search(folded, lo, start)
        if speaker is None or any(s < end and start < e for s, e in taken):
            continue
        norm = country_actor(conflict, _ADJ_TO_COUNTRY[speaker.group("adj")])
        if norm is not None:
            out.append(ArabicActor(start, end, (text or folded)[start:end], norm,
                                   (conflict,) if conflict else (), "demonym"))
    for m in _HIS_COUNTRY_RE.finditer(folded):
        start, end = m.start("name"), m.end("name")
        if any(s < end and start < e for s, e in taken):
            continue
        lo = max(0, start - HIS_COUNTRY_REACH)
        lo = max(lo, folded.rfind(".", lo, start) + 1)
        adjectives = list(_COUNTRY_ADJ_RE.finditer(folded, lo, start))
        if not adjectives:
            continue
        norm = country_actor(conflict, _ADJ_TO_COUNTRY[adjectives[-1].group("adj")])
        if norm is None:
            continue
        out.append(ArabicActor(start, end, (text or folded)[start:end], norm,
                               (conflict,) if conflict else (), "demonym"))
    return out


def force_countries(folded: str) -> list[str]:
    """Return the countries of the force + adjective phrases of a text, in order.

    The war is not known yet when they are read: they help tell it (a Mozambican force
    says the Mozambican war).

    >>> from claims.arabic.text import fold
    >>> force_countries(fold("وقالت قوات الامن الموزمبيقية إنها تتقدم"))
    ['MZ']
    """
    return [_ADJ_TO_COUNTRY[m.group("adj")] for m in _PHRASE_RE.finditer(folded)]
