"""Recognition steps for names the capitalised-run matcher skips.

The matcher (:mod:`gazetteer.recognize`) starts a name only at a capitalised word, and the
``common-word`` rule drops a capitalised common word ("Liberty", "Reading") unless the
place is big. Two named steps run after it, each switched off by name like a rule
(``Geoparser(index, disabled={...})``):

- ``lower-case-name``: a lower-case name in informal text ("flew into paris last week").
  In a document written in lower case (almost no capitalised word) one to three
  lower-case words that name a big place (not a common word) after a word of movement or
  location ("in", "to", "from", "near"), or listed with such a name ("austin then
  houston"), are a place. Ordinarily capitalised text is left alone: a lower-case word
  there is a word (news writes "moved from Tel Aviv"), which keeps news precision.
- ``common-word-in-list``: a capitalised common word in a list of places ("Independence,
  Liberty and Lexington") is a place when at least two other members of the list are.
- ``common-word-qualified``: a capitalised common word right before its own state or
  country ("Hope, Arkansas", "Reading, Pa.") is a place when it has a reading there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from operator import attrgetter

from gazetteer.exonyms import EXONYM
from gazetteer.loose_recognition import LOOSE_SPELLING_IN_COUNTRY
from gazetteer.model import Place
from gazetteer.person_discourse import PERSON_FIRST_NAME_IN_DOCUMENT
from gazetteer.recognize import MULTIWORD_STREET, Span, Token
from gazetteer.wordlists import COMMON_WORDS, CONNECTORS

__all__ = [
    "COMMON_WORD_IN_LIST",
    "COMMON_WORD_QUALIFIED",
    "INFORMAL_MAX_CAPITALS",
    "LOCATIVE_WORDS",
    "LOWER_CASE_NAME",
    "LOWER_CASE_POPULATION",
    "RECOGNITION_STEPS",
    "TEXT_LANGUAGE",
    "is_informal",
    "listed_common_words",
    "qualified_common_words",
    "lower_case_names",
]

#: Trace and switch names of the two steps.
LOWER_CASE_NAME = "lower-case-name"
#: Switch name of reading the text's language in recognition (:class:`Recognizer`).
TEXT_LANGUAGE = "text-language"
COMMON_WORD_IN_LIST = "common-word-in-list"
COMMON_WORD_QUALIFIED = "common-word-qualified"

#: The steps as named data: (name, example), as :data:`gazetteer.qualifiers.QUALIFIER_RULES`,
#: with the switch of the recogniser's language reading.
RECOGNITION_STEPS: tuple[tuple[str, str], ...] = (
    (TEXT_LANGUAGE, "Vecinos de Maracay, À Lubumbashi (not English: no person names)"),
    (LOWER_CASE_NAME, "landed in sydney, heading to melbourne"),
    (COMMON_WORD_IN_LIST, "Independence, Liberty and Lexington"),
    (COMMON_WORD_QUALIFIED, "born in Hope, Arkansas"),
    (EXONYM, "la Libye, a Alemanha (a country as the text's language writes it)"),
    (MULTIWORD_STREET, "Green Oaks Boulevard, 1205 Lone Oak Road (streets, not the places)"),
    (LOOSE_SPELLING_IN_COUNTRY, "shelling in Orikhiv and Huliaipole (GeoNames: Hulyaypole)"),
    (PERSON_FIRST_NAME_IN_DOCUMENT, "Barry Whitworth ... Barry, who was from Dewsbury"),
)

#: Words after which a lower-case word may be a place ("flew into paris").
LOCATIVE_WORDS = frozenset(
    "in into to from near at via toward towards through around outside visiting "
    "visit visited reach reached leave left".split()
)
#: Gaps that chain one lower-case place to the next ("austin then houston").
_CHAIN_GAP_RE = re.compile(r"^(?:,\s*|\s+)(?:(?:and|or|then|and then|to)\s+)?$")
#: Gap between a name and its state or country ("Hope, Arkansas").
_QUALIFIER_GAP_RE = re.compile(r"^,\s?$")
#: Gaps between members of a list of places ("X, Y and Z").
_LIST_GAP_RE = re.compile(r"^(?:,\s|,?\s(?:and|or)\s)$")
#: A lower-case name stands only for a place at least this big (or a country).
LOWER_CASE_POPULATION = 100_000
#: A document is informal when at most this share of its words is capitalised.
INFORMAL_MAX_CAPITALS = 0.04
#: Fewest words a document needs before its case says anything.
_INFORMAL_MIN_WORDS = 6
_MAX_WORDS = 3
_START = attrgetter("start")
#: The start of a text its register is told from.
_INFORMAL_SAMPLE_CHARS = 1_000
#: A capitalised word, but not "I" ("I'm", "I've"), capitalised in any register.
#: (The leading look-ahead lets the regex engine skip to the capitals fast; same matches.)
_CAPITAL_RE = re.compile(r"(?=[A-Z])(?<![^\W\d_])(?!I\b)[A-Z]")


def is_informal(text: str) -> bool:
    """Whether a text is written in lower case (a post, a message): almost no capitals.

    >>> is_informal("landed in sydney finally!! heading to melbourne on tuesday")
    True
    >>> is_informal("Troops left Kherson on Monday, the ministry in Kyiv said.")
    False
    """
    sample = text[:_INFORMAL_SAMPLE_CHARS]
    words = sample.count(" ") + 1  # near enough, and cheap
    if words < _INFORMAL_MIN_WORDS:
        return False
    return len(_CAPITAL_RE.findall(sample)) <= INFORMAL_MAX_CAPITALS * words


def _big(places: Sequence[Place]) -> bool:
    return any(
        p.population >= LOWER_CASE_POPULATION or p.precision == "country" for p in places
    )


def _title(words: Sequence[str]) -> str:
    """"san antonio" -> "San Antonio" (connectors stay lower case: "rio de janeiro")."""
    out = [w if k and w in CONNECTORS else w[:1].upper() + w[1:] for k, w in enumerate(words)]
    return " ".join(out)


def lower_case_names(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[Span],
    lookup: Callable[[str], Sequence[Place]],
    is_common: Callable[[str], bool] | None = None,
) -> list[Span]:
    """Return ``spans`` with the lower-case place names of ``text`` added, in order.

    ``lookup`` is the recognizer's (cached) gazetteer lookup, ``is_common`` the index's
    common-word test. See the module docstring for when a lower-case name counts.
    """
    if not is_informal(text):
        return list(spans)
    added = _informal_names(text, tokens, [(s.start, s.end) for s in spans], lookup, is_common)
    if not added:
        return list(spans)
    return sorted([*spans, *added], key=_START)


def _informal_names(
    text: str,
    tokens: Sequence[Token],
    taken: Sequence[tuple[int, int]],
    lookup: Callable[[str], Sequence[Place]],
    is_common: Callable[[str], bool] | None,
) -> list[Span]:
    """Lower-case names of an informal text: after a locative word, or chained to one."""
    added: list[Span] = []
    last_end = -1  # end of the previous lower-case place (for "austin then houston")
    n = len(tokens)
    i = 1
    while i < n:
        tok = tokens[i]
        prev = tokens[i - 1]
        after_locative = prev.text.lower() in LOCATIVE_WORDS and \
            text[prev.end : tok.start] == " "
        chained = last_end >= 0 and bool(_CHAIN_GAP_RE.match(text[last_end : tok.start]))
        if not (after_locative or chained) or not tok.text.islower() or any(
                a < tok.end and tok.start < b for a, b in taken):
            i += 1
            continue
        found = _longest_lower(text, tokens, i, lookup, is_common)
        if found is None:
            i += 1
            continue
        j, places = found
        start, end = tok.start, tokens[j].end
        added.append(Span(start, end, text[start:end], tuple(places), (LOWER_CASE_NAME,)))
        last_end = end
        i = j + 1
    return added


def _longest_lower(
    text: str,
    tokens: Sequence[Token],
    i: int,
    lookup: Callable[[str], Sequence[Place]],
    is_common: Callable[[str], bool] | None,
) -> tuple[int, Sequence[Place]] | None:
    """Return ``(last token, places)`` of the longest lower-case big-place name at ``i``."""
    words: list[str] = []
    best = None
    for j in range(i, min(len(tokens), i + _MAX_WORDS)):
        tok = tokens[j]
        if j > i and text[tokens[j - 1].end : tok.start] not in (" ", "-"):
            break
        if not tok.text.islower() or not tok.text.isalpha() or (j == i and tok.text in CONNECTORS):
            break  # "to the name" is no place called "Name"
        words.append(tok.text)
        if tok.text in CONNECTORS:
            continue
        surface = " ".join(words)
        if any(w in COMMON_WORDS for w in words if w not in CONNECTORS) or (
            is_common is not None and is_common(surface)
        ):
            continue
        if len(words) == 1 and len(surface) < 4:
            continue
        places = lookup(_title(words))
        if places and _big(places):
            best = (j, places)
    return best


def listed_common_words(text: str, spans: Sequence[Span], doubted: Sequence[Span]) -> list[Span]:
    """Return ``spans`` with the common words of ``doubted`` that a list of places holds.

    A doubted word is kept when the list it stands in ("X, Y and Z", gaps of a comma and
    "and"/"or") has at least two other members that are places.
    """
    kept = sorted(spans, key=_START)
    out = list(kept)
    for cand in doubted:
        if any(s.start < cand.end and cand.start < s.end for s in kept):
            continue
        if _list_members(text, kept, cand) >= 2:
            out.append(replace(cand, trace=(*cand.trace, COMMON_WORD_IN_LIST)))
    return sorted(out, key=_START) if len(out) > len(kept) else kept


def _list_members(text: str, kept: Sequence[Span], cand: Span) -> int:
    """Count the places chained to ``cand`` by list gaps, on both sides."""
    count = 0
    end = cand.end
    for span in kept:  # rightwards
        if span.start < end:
            continue
        if not _LIST_GAP_RE.match(text[end : span.start]):
            break
        count += 1
        end = span.end
    start = cand.start
    for span in reversed(kept):  # leftwards
        if span.end > start:
            continue
        if not _LIST_GAP_RE.match(text[span.end : start]):
            break
        count += 1
        start = span.start
    return count


def _in_unit(place: Place, unit: Place) -> bool:
    """Whether ``place`` lies in ``unit``, a country or a first-level division."""
    if place.id == unit.id or not place.country_code or place.country_code != unit.country_code:
        return False
    if unit.feature_code.startswith("PCL"):
        return True
    return unit.feature_code == "ADM1" and bool(unit.admin1) and place.admin1 == unit.admin1


def qualified_common_words(
    text: str, spans: Sequence[Span], doubted: Sequence[Span]
) -> list[Span]:
    """Return ``spans`` with the common words of ``doubted`` that their own unit qualifies.

    "Hope, Arkansas": the word right before ", <state or country>" is kept, with only its
    readings in that unit, when it has one there.
    """
    kept = sorted(spans, key=_START)
    out = list(kept)
    for cand in doubted:
        nxt = next((s for s in kept if s.start >= cand.end), None)
        if nxt is None or not _QUALIFIER_GAP_RE.match(text[cand.end : nxt.start]):
            continue
        if any(s.start < cand.end and cand.start < s.end for s in out):
            continue
        inside = tuple(p for p in cand.places if any(_in_unit(p, u) for u in nxt.places))
        if inside:
            out.append(replace(cand, places=inside, trace=(*cand.trace, COMMON_WORD_QUALIFIED)))
    return sorted(out, key=_START) if len(out) > len(kept) else kept
