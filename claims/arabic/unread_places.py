"""Round-13 rules: a name the gazetteer cannot read is kept, unplaced, where it must be a place.

Two grammatical frames make the word after them a place's name whatever its spelling:

* Rule :data:`LISTED_UNREAD_MEMBER`: a dual or plural place noun (بلدتي، قريتي، مدينتي،
  بلدات، قرى، مدن) announces two or more names: "سيطرت القوات على بلدتي X وY". When the
  gazetteer reads X but not Y, Y is still one of the towns taken.
* Rule :data:`FACILITY_UNREAD_NAME`: a camp or a base named after its noun (مخيم X،
  معسكر X، قاعدة X) as the object of a control verb is the place taken.

In both frames a word the gazetteer and the Latin readings of the war's countries do not
find becomes a mention with no point (its ``unresolved`` says why), so its claim quotes the
name and draws nothing, as rule ``WAR_NAMESAKE_UNPLACED`` does: coordinates are never
invented. A word that is a common word (the recognizer's stop list, a definite word, a
descriptor such as عسكرية or الأم, a verb) is no name: nothing is made of it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from gazetteer.model import Mention

__all__ = ["FACILITY_ADJECTIVE_RE", "FACILITY_COMMON_WORDS", "FACILITY_LOCATOR_RE",
           "FACILITY_UNREAD_NAME", "LISTED_UNREAD_MEMBER", "MIN_NAME_LETTERS",
           "PLURAL_PLACE_NOUN_RE", "after_plural_noun", "located_facility", "unplaced_mention",
           "unread_name"]

#: Rule name (trace of the unplaced list members it makes).
LISTED_UNREAD_MEMBER = "arabic-listed-unread-member"
#: Rule name (trace of the unplaced camp and base names it makes).
FACILITY_UNREAD_NAME = "arabic-facility-unread-name"

#: A dual or plural place noun (folded) right before a list's first member: بلدتي، قريتي،
#: مدينتي (duals, also with their case ending تا/تين), بلدات، قرى، مدن.
PLURAL_PLACE_NOUN_RE = re.compile(r"(?:^|\s)(?:(?:بلد|قري|مدين)(?:تي|تين|تا)|بلدات|قري|مدن)"
                                  r"\s+$")
#: Words after a camp or base noun that describe it rather than name it (folded).
FACILITY_COMMON_WORDS: frozenset[str] = frozenset((
    "عسكريه", "عسكري", "جويه", "جوي", "بحريه", "بحري", "تدريب", "للتدريب", "اماميه",
    "امامي", "ضخم", "ضخمه", "كبير", "كبيره", "رييسي", "رييسيه", "سري", "سريه", "مهم",
    "مهمه", "استراتيجي", "استراتيجيه", "اخر", "اخري", "جديد", "جديده", "للنازحين", "للاجيين",
    "للجيش", "لقوات", "للقوات", "تابع", "تابعه", "امريكيه", "روسيه", "تركيه", "فرنسيه",
    "ايرانيه", "ام", "الام", "نازحين", "لاجيين", "قوات", "الجيش", "اخيره",
))
#: A short feminine adjective of relation (folded: عسكريه، ليبيه، صينيه) after a camp or base
#: noun describes it ("قاعدة ليبية"): no name, even when not in :data:`FACILITY_COMMON_WORDS`.
FACILITY_ADJECTIVE_RE = re.compile(r"\S{1,4}يه")
#: Rule "located camp" (part of :data:`FACILITY_UNREAD_NAME`): a camp or base whose name is
#: followed by where it stands ("قصفت القوات مخيم X قرب الفاشر"، "معسكر X في ولاية Y") is
#: reported as an event at that town, which the other rules read (an attack near a town is
#: one on it; rule LOCATOR_SLOT): the name is left alone. Words (folded) opening the locator.
FACILITY_LOCATOR_RE = re.compile(r"\s+(?:قرب|بالقرب|بمحيط|محيط|في|شمال|جنوب|شرق|غرب|شمالي|"
                                 r"جنوبي|شرقي|غربي|وسط|بريف|ريف|بولايه|بمحافظه|بمدينه|بمنطقه|"
                                 r"بضواحي|ضواحي|داخل|خارج)(?![\w])")
#: Shortest name kept (folded letters).
MIN_NAME_LETTERS = 3
#: A word starting like a clitic preposition or particle with the article (للجيش، بال…).
_CLITIC_RE = re.compile(r"(?:[وفبلك]?ال|لل|[وف])")


def after_plural_noun(folded: str, start: int) -> bool:
    """Whether the word at ``start`` follows a dual or plural place noun (rule above).

    >>> f = "سيطرت القوات علي بلدتي تيسيت وانكاركا"
    >>> after_plural_noun(f, f.index("تيسيت")), after_plural_noun(f, f.index("القوات"))
    (True, False)
    """
    return PLURAL_PLACE_NOUN_RE.search(folded[max(0, start - 12):start]) is not None


def unread_name(word: str, stops: Collection[str], verb_like: Callable[[str], bool],
                facility: bool = False) -> bool:
    """Whether ``word`` (folded) may be a name the gazetteer lacks, not a common word.

    Not a stop-listed word, a verb (``verb_like``), a definite or clitic-preposition word,
    a word with digits or under :data:`MIN_NAME_LETTERS`; after a camp or base noun
    (``facility``) not a descriptor either (:data:`FACILITY_COMMON_WORDS`,
    :data:`FACILITY_ADJECTIVE_RE`).

    A first member after و is not read here (``word`` is the member without its و).

    >>> unread_name("انكاركا", set(), lambda w: False), unread_name("الام", set(), lambda w: False)
    (True, False)
    >>> unread_name("عسكريه", set(), lambda w: False, facility=True)
    False
    """
    return (len(word) >= MIN_NAME_LETTERS and word not in stops and not verb_like(word)
            and not _CLITIC_RE.match(word) and word not in FACILITY_COMMON_WORDS
            and not (facility and FACILITY_ADJECTIVE_RE.fullmatch(word))
            and not any(ch.isdigit() for ch in word))


def located_facility(folded: str, end: int) -> bool:
    """Whether a camp or base name ending at ``end`` is followed by where it stands.

    >>> f = "قصفت القوات مخيم زمزم قرب الفاشر"
    >>> located_facility(f, f.index("زمزم") + 4), located_facility("علي مخيم زمزم امس", 13)
    (True, False)
    """
    return FACILITY_LOCATOR_RE.match(folded, end) is not None


def unplaced_mention(start: int, end: int, text: str, rule: str) -> Mention:
    """Return the mention of an unread name: its span and words, no point, the rule's trace.

    >>> m = unplaced_mention(3, 8, "انكاركا", LISTED_UNREAD_MEMBER)
    >>> m.place is None, m.trace
    (True, ('arabic-listed-unread-member',))
    """
    why = ("a member of a list a dual or plural place noun announces"
           if rule == LISTED_UNREAD_MEMBER else "the name of a camp or base a control verb takes")
    return Mention(start, end, text, (), (rule,),
                   unresolved=f"{why}; no reading in the war's countries")
