"""Recognition of a town the gazetteer holds under another spelling, in its country.

War reporting spells towns of Ukraine, the Sahel or the Horn as each newsroom
transliterates them ("Huliaipole", "Anderamboukane", "Beledweyne") and GeoNames holds one
of the spellings ("Hulyaypole", "Andéranboukan", "Beledweyne"). The matcher finds only
spellings the gazetteer holds, so such a town is no mention at all. The resolver already
reads loose spellings of a *given* name through the index's transliteration skeleton;
this step finds them in running text, under tight conditions, since most capitalised
words are no place:

- a single capitalised word of at least six letters, not a sentence's first word, right
  after a word of movement or location ("in", "near", "from", "towards" ...) or after a
  recognized place and "and", "or" or a comma, not before another capitalised word (part
  of a longer name), not a common word, weekday, month or personal name, not overlapping
  a recognized span;
- an alternate-name or skeleton reading of it, spelt like the place's own name (``ratio``
  >= :data:`MIN_SIMILARITY`: a transliteration, not a word such as "Oil"; an identical
  spelling is the matcher's to judge, which dropped it as a word), is a populated
  place in a country the document already names through a recognized place whose
  readings all lie in that one country.

The span carries those readings only; the resolver and the mention passes decide it as
any loose spelling (a weak reading with nothing behind it stays unresolved).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz.fuzz import ratio

from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.people import is_personal_name
from gazetteer.recognize import Span, Token

__all__ = ["LOOSE_SPELLING_IN_COUNTRY", "MIN_SIMILARITY", "loose_spelled_names"]

#: Step name (trace, switch).
LOOSE_SPELLING_IN_COUNTRY = "loose-spelling-in-country"
#: Least spelling similarity (rapidfuzz ratio of the normalized names) of a kept reading.
MIN_SIMILARITY = 75.0
#: Fewest letters of a word read this way.
MIN_LETTERS = 6
#: Words after which the next capitalised word may be a place.
LEAD_WORDS = frozenset(
    "in into to from at near outside toward towards around across via".split()
)
#: Match tiers read this way: an alternate name of a small place (recognition keeps a
#: single word known only so as a word: "Oil"), or a transliteration skeleton.
_LOOSE = frozenset({"alias", "skeleton"})
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
#: Connectors after a recognized place that lead to the next member of a list.
LIST_WORDS = frozenset({"and", "or", ","})


def _document_countries(spans: Sequence[Span]) -> frozenset[str]:
    """Countries named by recognized places whose readings all lie in one country."""
    countries = set()
    for span in spans:
        codes = {p.country_code for p in span.places if p.country_code}
        if len(codes) == 1:
            countries |= codes
    return frozenset(countries)


def _listed_after_place(
    text: str, tokens: Sequence[Token], k: int, taken: Sequence[tuple[int, int]]
) -> bool:
    """Whether token ``k`` follows "PLACE and", "PLACE or" or "PLACE," of a recognized place."""
    gap_start = tokens[k - 1].end
    before = text[: tokens[k].start].rstrip()
    if before.endswith(","):
        gap_start = len(before) - 1
    elif tokens[k - 1].text.lower() in ("and", "or"):
        gap_start = tokens[k - 1].start
    else:
        return False
    head = text[:gap_start].rstrip().rstrip(",").rstrip()
    return any(b == len(head) for _a, b in taken)


def loose_spelled_names(
    text: str,
    tokens: Sequence[Token],
    spans: Sequence[Span],
    matches: Callable[[str], Sequence[tuple[Place, str]]],
    is_common: Callable[[str], bool],
) -> list[Span]:
    """Add the loosely spelt towns of the document's countries (see the module docstring)."""
    countries = _document_countries(spans)
    if not countries:
        return list(spans)
    taken = [(s.start, s.end) for s in spans]
    added: list[Span] = []
    for k in range(1, len(tokens)):
        tok, lead = tokens[k], tokens[k - 1]
        word = tok.text.rstrip(".,;:")
        if (not tok.capitalized or tok.sentence_initial or len(word) < MIN_LETTERS
                or not word.isalpha() or word.isupper()):
            continue
        if lead.text.lower() not in LEAD_WORDS and not _listed_after_place(
                text, tokens, k, taken):
            continue
        if k >= 2 and tokens[k - 2].text.lower() in ("according", "thanks", "due"):
            continue  # "according to Petrič": a person
        end = tok.start + len(word)
        if any(a < end and tok.start < b for a, b in taken):
            continue
        if k + 1 < len(tokens) and tokens[k + 1].capitalized and \
                text[end:tokens[k + 1].start].isspace():
            continue  # part of a longer name: "Woodfield Shopping Center", "Gillian Welch"
        lower = word.lower()
        if is_common(lower) or is_personal_name(word) or lower in _MONTHS_DAYS:
            continue
        key = normalize(word)
        readings = tuple(
            p for p, tier in matches(word)
            if tier in _LOOSE and p.country_code in countries and p.feature_class == "P"
            and MIN_SIMILARITY <= ratio(key, normalize(p.name)) < 100.0
        )
        if readings:
            added.append(Span(tok.start, end, word, readings, (LOOSE_SPELLING_IN_COUNTRY,)))
    if not added:
        return list(spans)
    return sorted([*spans, *added], key=lambda s: s.start)
