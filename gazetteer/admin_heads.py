"""Administrative units named as such, and cities that share their unit's name.

Two mention passes (rows of :data:`gazetteer.passes.MENTION_PASSES`):

- ``admin-head``: "Kandahar province", "the Aleppo governorate", "Kherson Oblast", "Harris
  County", "the district of Marib" name the administrative unit (GeoNames ADM1/ADM2/ADM3),
  not the city or the country of the name. The head word says which level comes first
  (:data:`HEAD_LEVELS`): a province is first-level, a district or county second-level.
- ``city-over-state``: a bare "Lagos", "São Paulo", "Zurich" or "Kano" in prose is the
  city, although GeoNames has a first-level unit of the very same name in which the city
  lies; the unit only when the text says so (a head word, or an administrative context
  such as "the governor of Lagos", :data:`ADMIN_CONTEXT_RE`). Its rule
  ``city-over-namesake-unit`` (own switch) does the same for a unit whose namesake city
  lies elsewhere and is at least as populous: a bare "Gaza" is the city on the
  Mediterranean, not Gaza Province of Mozambique, which GeoNames ranks first as a unit.

Neither pass changes a span: the head word is context, as "city" is in "the city of X".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from gazetteer.arabic import has_arabic
from gazetteer.model import Candidate, Mention, Place
from gazetteer.names import skeleton
from gazetteer.readings import is_weak_reading
from gazetteer.resolve import TIER_PENALTY, matched_tier, without_admin_words

if TYPE_CHECKING:
    from gazetteer.passes import MentionDocument

__all__ = [
    "ADMIN_CONTEXT_RE",
    "ARABIC_CITY_OVER_UNIT",
    "ARABIC_UNIT_WORDS",
    "CITY_OVER_NAMESAKE_UNIT",
    "ARABIC_HEADS",
    "HEAD_LEVELS",
    "admin_context",
    "admin_head",
    "arabic_head_word",
    "arabic_unit_word_before",
    "admin_head_reading",
    "city_reading",
]

#: Head words of administrative units and the feature codes they name, in order of preference.
HEAD_LEVELS: dict[str, tuple[str, ...]] = {
    "province": ("ADM1", "ADM2", "ADM3"),
    "governorate": ("ADM1", "ADM2"),
    "state": ("ADM1", "ADM2"),
    "oblast": ("ADM1", "ADM2"),
    "region": ("ADM1", "ADM2", "RGN"),
    "prefecture": ("ADM1", "ADM2"),
    "canton": ("ADM1", "ADM2"),
    "district": ("ADM2", "ADM1", "ADM3"),
    "county": ("ADM2", "ADM1"),
    "raion": ("ADM2", "ADM3"),
    "municipality": ("ADM2", "ADM3", "ADM1"),
}
_HEADS = "|".join(HEAD_LEVELS)
#: "Kandahar province", "Kano State" (not "Kano State University", an institution).
_HEAD_AFTER_RE = re.compile(
    rf"[ \t]+({_HEADS})\b(?![ \t]+(?:University|College|Polytechnic|Hospital|Police|Assembly))",
    re.IGNORECASE,
)
_HEAD_IN_NAME_RE = re.compile(rf"\s({_HEADS})$", re.IGNORECASE)
#: "the district of Marib", "the province of Helmand".
_HEAD_BEFORE_RE = re.compile(rf"\b({_HEADS})\s+of\s+$", re.IGNORECASE)
#: Arabic head words before the name ("محافظة حلب", "بمحافظة حجة", "ولاية الخرطوم"), with
#: an attached preposition or conjunction, and the English head whose levels they name.
ARABIC_HEADS: dict[str, str] = {
    "محافظة": "governorate",
    "ولاية": "state",
    "مديرية": "district",
    "قضاء": "district",
    "إقليم": "region",
    "اقليم": "region",
    "مقاطعة": "province",
}


def _arabic_word_before_re(words: Iterable[str]) -> re.Pattern[str]:
    """Compile a pattern for one of ``words`` right before a name, with و ف ب ل attached."""
    return re.compile(rf"(?:^|[\s(«\"])[وفبل]?({'|'.join(words)})\s+$")


_ARABIC_HEAD_BEFORE_RE = _arabic_word_before_re(ARABIC_HEADS)
#: Administrative context: "the governor of Lagos", "Lagos's governor", "Kano state's".
ADMIN_CONTEXT_RE = re.compile(
    r"(?:\b(?:governor|governorship|premier|deputy governor)\s+of\s+(?:the\s+)?$)",
    re.IGNORECASE,
)
_ADMIN_AFTER_RE = re.compile(
    r"(?:['’]s)?[ \t]+(?:governor|governorship|state\s+government|state\s+assembly|"
    r"provincial\s+(?:government|council|assembly))\b",
    re.IGNORECASE,
)


def admin_head(text: str, start: int, end: int) -> str | None:
    """Return the head word naming the span as an administrative unit, lower case, or None.

    >>> admin_head("fighting in Kandahar province", 12, 20)
    'province'
    >>> admin_head("the district of Marib", 16, 21)
    'district'
    >>> admin_head("students of Kano State University", 12, 16) is None
    True
    >>> admin_head("غارة على مديرية حيران بمحافظة حجة", 30, 33)
    'governorate'
    """
    inside = _HEAD_IN_NAME_RE.search(text, start, end)
    if inside:
        return inside.group(1).lower()
    after = _HEAD_AFTER_RE.match(text, end)
    if after:
        return after.group(1).lower()
    before = _HEAD_BEFORE_RE.search(text, max(0, start - 30), start)
    if before:
        return before.group(1).lower()
    word = arabic_head_word(text, start)
    return ARABIC_HEADS[word] if word else None


def arabic_head_word(text: str, start: int) -> str | None:
    """Return the Arabic head word right before ``start`` ("محافظة" in "بمحافظة حجة"), or None.

    Arabic names the unit with the head first, in a construct: GeoNames-derived data keeps
    the whole form ("محافظة حلب"), so the head word is also part of the unit's name.

    >>> arabic_head_word("اشتباكات في ولاية الجزيرة", 18)
    'ولاية'
    """
    found = _ARABIC_HEAD_BEFORE_RE.search(text, max(0, start - 12), start)
    return found.group(1) if found else None


def admin_context(text: str, start: int, end: int) -> bool:
    """Whether the words around the span make it an administrative unit ("governor of X").

    >>> admin_context("the governor of Lagos said", 16, 21)
    True
    >>> admin_context("traffic in Lagos", 11, 16)
    False
    """
    return bool(
        ADMIN_CONTEXT_RE.search(text, max(0, start - 40), start)
        or _ADMIN_AFTER_RE.match(text, end)
    )


def _names_unit(key: Callable[[str], str], mention_key: str, place: Place) -> bool:
    """Whether ``place``'s name is the mention's name, with or without a head word."""
    name = key(place.name)
    return bool(mention_key) and (
        name == mention_key
        or name.startswith(mention_key + " ")
        or name.endswith(" " + mention_key)
    )


def admin_head_reading(
    mention: Mention,
    head: str,
    key: Callable[[str], str],
    places_for: Callable[[str], tuple[Place, ...]],
    unit_name: str | None = None,
) -> Mention | None:
    """Return the mention with the administrative unit of its name first, or None.

    The unit is looked for among the mention's candidates, then under the name with the
    head word ("Helmand Province"), at the levels :data:`HEAD_LEVELS` gives, in order.
    ``unit_name`` is the unit's whole name as the text writes it ("محافظة حجة"): places
    under that name are the unit whatever their own (English) name.
    """
    levels = HEAD_LEVELS[head]
    top = mention.place
    if top is not None and top.feature_code == levels[0]:
        return None
    mention_key = key(_HEAD_IN_NAME_RE.sub("", mention.text))
    pool: list[Candidate] = list(mention.candidates)
    score = mention.candidates[0].score if mention.candidates else 0.0
    seen = {c.place.id for c in pool}
    names = [mention.text]
    if not _HEAD_IN_NAME_RE.search(mention.text):
        names.append(f"{mention.text} {head}")
    for place in (p for name in names for p in places_for(name)):
        if place.id not in seen:
            pool.append(Candidate(place, score, ()))
            seen.add(place.id)
    named_units = {p.id for p in places_for(unit_name)} if unit_name else set()
    for place in (places_for(unit_name) if unit_name else ()):
        if place.id not in seen:
            pool.append(Candidate(place, score, ()))
            seen.add(place.id)
    for level in levels:
        if top is not None and top.feature_code == level:
            return None  # the top reading is already the best level the text allows
        for candidate in pool:
            place = candidate.place
            if place.feature_code == level and (
                place.id in named_units or _names_unit(key, mention_key, place)
            ):
                if candidate in mention.candidates:
                    return mention.promoted(candidate, f"named as a {head}")
                lifted = Candidate(place, score, (f"named as a {head}",))
                rest = mention.candidates[:9]
                return replace(mention, candidates=(lifted, *rest))
    return None


def city_reading(
    mention: Mention, key: Callable[[str], str], arabic: bool = False
) -> Candidate | None:
    """Return the city candidate a unit reading of the same name should yield to, or None.

    The city must carry the mention's own name and lie in that unit (same country and, for
    a first-level unit, same admin1): "Lagos" state holds Lagos city, New York State does
    not hold a city named "New York" in GeoNames (it is "New York City"), so it stays.
    With ``arabic`` (rule :data:`ARABIC_CITY_OVER_UNIT`), an Arabic name is the unit's and
    the city's name when it reads both (see :func:`_reads_both`).
    """
    top = mention.place
    if top is None or top.feature_code not in ("ADM1", "ADM2"):
        return None
    mention_key = key(mention.text)
    if arabic:
        if not has_arabic(mention.text) or _ARABIC_UNIT_IN_NAME_RE.search(mention.text):
            return None
    elif key(top.name) != mention_key:
        return None
    for candidate in mention.candidates[1:]:
        place = candidate.place
        if (
            place.feature_code.startswith("PPL")
            and place.country_code == top.country_code
            and place.admin1 == top.admin1
            and (_reads_both(mention.candidates[0], candidate, key) if arabic
                 else key(place.name) == mention_key)
        ):
            return candidate
    return None


#: Rule (switch) of the ``city-over-state`` pass: a bare Arabic name that reads both a unit
#: and a town inside it (كوبيانسك: Kupiansk Raion and Kupyansk) is the town, unless a head
#: word before it (:data:`ARABIC_UNIT_WORDS`) says the unit.
ARABIC_CITY_OVER_UNIT = "arabic-city-over-namesake-unit"
#: Arabic words before a name that say it is the unit: the head words of ``admin-head`` and
#: the looser منطقة (area) and أوبلاست (oblast), which name a unit but pick no level.
ARABIC_UNIT_WORDS: tuple[str, ...] = (*ARABIC_HEADS, "منطقة", "أوبلاست", "اوبلاست")
_ARABIC_UNIT_WORD_BEFORE_RE = _arabic_word_before_re(ARABIC_UNIT_WORDS)
_ARABIC_UNIT_IN_NAME_RE = re.compile(rf"(?:^|\s)(?:{'|'.join(ARABIC_UNIT_WORDS)})(?:\s|$)")


def _reads_both(unit: Candidate, city: Candidate, key: Callable[[str], str]) -> bool:
    """Whether the Arabic name reads the city, namesake of the unit, as closely as the unit.

    GeoNames names both in Latin letters, each its own way ("Kupiansk Raion", "Kupyansk";
    "Şuşa", "Shusha"): they are namesakes when the unit's name without its administrative
    words and the city's name fold to one transliteration skeleton, and the text's name
    reads the town by no looser a match than the unit (Rutshuru town is no namesake of a
    territory read as ساكي, Sake).
    """
    unit_skeleton = skeleton(without_admin_words(key(unit.place.name)))
    return bool(unit_skeleton) and unit_skeleton == skeleton(key(city.place.name)) and (
        TIER_PENALTY.get(matched_tier(city), -9.0) >= TIER_PENALTY.get(matched_tier(unit), -9.0))


def arabic_unit_word_before(text: str, start: int) -> bool:
    """Whether an Arabic unit word (:data:`ARABIC_UNIT_WORDS`) stands right before ``start``.

    >>> arabic_unit_word_before("قصف في منطقة كوبيانسك", 13)
    True
    >>> arabic_unit_word_before("قصف في كوبيانسك", 7)
    False
    """
    return bool(_ARABIC_UNIT_WORD_BEFORE_RE.search(text, max(0, start - 14), start))


#: Rule (switch) of the ``city-over-state`` pass: a unit yields to a namesake city elsewhere
#: that is at least as populous.
CITY_OVER_NAMESAKE_UNIT = "city-over-namesake-unit"
#: Reasons that say only how big and what kind a reading is (nothing from the text).
_SIZE_REASONS = ("population", "feature ", "main name")


def namesake_city_reading(mention: Mention, key: Callable[[str], str]) -> Candidate | None:
    """Return a city of the mention's own name, at least as populous as the unit read first.

    Only a first-level unit that nothing in the text supports yields (its reasons are
    its size and kind alone), to a city read by its main name; "Victoria" (the
    Australian state, six million) does not yield to Victoria in Canada, nor a county the
    story's region supports ("Washington counties" in Nebraska) to a far city.
    """
    top = mention.place
    if top is None or top.feature_code != "ADM1" or any(
            not r.startswith(_SIZE_REASONS) for r in mention.candidates[0].reasons):
        return None
    mention_key = key(mention.text)
    for candidate in mention.candidates[1:]:
        place = candidate.place
        if (
            place.feature_code.startswith("PPL")
            and place.population >= max(top.population, 1)
            and "main name" in candidate.reasons
            and key(place.name) == mention_key
        ):
            return candidate
    return None


def run_admin_heads(doc: MentionDocument) -> list[Mention]:
    """Run the ``admin-head`` pass: a name with an administrative head word is the unit."""
    parser = doc.parser
    out = []
    for mention in doc.mentions:
        head = admin_head(doc.text, mention.start, mention.end) if mention.candidates else None
        word = arabic_head_word(doc.text, mention.start) if head else None
        moved = admin_head_reading(
            mention, head, parser.key, parser.places_for,
            unit_name=f"{word} {mention.text}" if word else None,
        ) if head else None
        out.append(moved or mention)
    return out


def run_city_over_state(doc: MentionDocument) -> list[Mention]:
    """Run the ``city-over-state`` pass: a bare name shared by a unit and its city is the city."""
    key = doc.parser.key
    namesakes = CITY_OVER_NAMESAKE_UNIT not in doc.parser.disabled
    out = []
    arabic = ARABIC_CITY_OVER_UNIT not in doc.parser.disabled
    for mention in doc.mentions:
        city = city_reading(mention, key)
        if city is None and namesakes:
            city = namesake_city_reading(mention, key)
        if city is None and arabic and not arabic_unit_word_before(doc.text, mention.start):
            city = city_reading(mention, key, arabic=True)
        if city is not None and not (
            admin_head(doc.text, mention.start, mention.end)
            or admin_context(doc.text, mention.start, mention.end)
        ):
            moved = mention.promoted(city, "the city, not the unit of its name")
            # A city too small to stand on its own ("Saipan" town of Saipan island) would
            # be given up by the fallback pass; the unit reading is kept then.
            if not is_weak_reading(moved) or is_weak_reading(mention):
                mention = moved
        out.append(mention)
    return out
