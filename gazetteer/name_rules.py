"""Resolution rules for one name outside running text: a claim's anchor or place.

:meth:`gazetteer.geoparse.Geoparser.resolve_name` ranks the candidates of one name given
its article. Claims need a few rules on top, asked for with :class:`NameOptions`:

- rewriting rules (:data:`REWRITE_RULES`) turn a description into a name first: "the city
  (centre)" is the place named before, "the capital" the conflict's capital;
- a name already resolved in the article (``known``) is that place;
- choosing rules (:data:`CHOICE_RULES`) then act on the ranked candidates, in order: a
  site word is dropped when the site is unknown ("Marj airport" -> Marj), a hamlet abroad
  that nothing supports is left unresolved, a town beats a district of the same name.

Each applied rule's name leads the chosen candidate's reasons, so a claim's place says why.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gazetteer.countries import capital_of
from gazetteer.model import Candidate, Place

if TYPE_CHECKING:
    from gazetteer.geoparse import Geoparser

__all__ = [
    "CHOICE_RULES",
    "REWRITE_RULES",
    "NameOptions",
    "NameRule",
    "resolve_with_options",
]

_FINE = frozenset({"site", "town", "district"})
#: Reasons that mean the text supports a reading (a qualifier, the document, a capital).
_SUPPORT = ("qualified", "document", "named in", "capital", "in ", "contains ")
#: Reasons of a reading found only by a loose spelling: abroad, it is a stray at any size
#: ("Moqokori" in a Somali report is not Mokeri, India).
_LOOSE = ("skeleton match", "loose", "fuzzy")
_GENERIC_CITY_RE = re.compile(
    r"^(?:the|that|this)\s+(?:\w+\s+)?(?:city|town|village|area)(?:\s+(?:centre|center))?$",
    re.IGNORECASE,
)
_CAPITAL_RE = re.compile(r"\bcapital\b", re.IGNORECASE)
_SITE_WORD_RE = re.compile(
    r"\s(?:air\s*base|airbase|airport|base|checkpoint|bridge|observation\s+post|district|"
    r"area|province|town|city)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NameOptions:
    """What a caller knows beyond the name, and which rules it wants.

    ``country`` is the ISO code of the conflict's country: it is the hint when no
    ``country_hint`` is given, and enables the stray-namesake rule. ``capital`` is the name
    of the conflict's capital, ``antecedent`` the place named before ("the city"),
    ``known`` maps lower-case names the article already resolved to their places.
    """

    context_text: str | None = None
    country_hint: str | None = None
    country: str | None = None
    capital: str | None = None
    antecedent: str | None = None
    capital_fallback: bool = True
    known: Mapping[str, Place] = field(default_factory=dict)
    strip_site_words: bool = True
    drop_strays: bool = True
    prefer_towns: bool = True
    #: A reading abroad smaller than this (people), with no support in the text, is a stray.
    stray_population: int = 10_000
    #: A town this close in score (points) to a better-ranked district is chosen instead.
    town_margin: float = 3.5


@dataclass(frozen=True, slots=True)
class NameRule:
    """A named rule of single-name resolution."""

    name: str
    applies_to: str
    example: str


def _rewrite(name: str, options: NameOptions) -> tuple[str, str | None]:
    """Return the name to look up and the rewriting rule applied (None when none)."""
    text = name.strip().lstrip("#")
    if _GENERIC_CITY_RE.match(text):
        fallback = options.capital if options.capital_fallback else None
        return options.antecedent or fallback or "", "generic-city"
    if _CAPITAL_RE.search(text) and not re.search(r"[A-Z]", text.replace("The", "")):
        return capital_of(text) or options.capital or text, "capital-description"
    if _CAPITAL_RE.search(text):
        named = capital_of(text)
        return (named, "capital-description") if named else (text, None)
    return text, None


#: Rules that turn a description into a name before lookup, in order.
REWRITE_RULES: tuple[NameRule, ...] = (
    NameRule("generic-city", "'the city', 'the town centre'", "the city -> the antecedent"),
    NameRule("capital-description", "'the capital', 'X's capital'", "the Libyan capital"),
)

#: Rules applied to the ranked candidates, in order.
CHOICE_RULES: tuple[NameRule, ...] = (
    NameRule("known-in-article", "a name the article already resolved", "Misrata (earlier)"),
    NameRule("site-word-stripped", "an unknown site named after its town", "Marj airport"),
    NameRule(
        "stray-namesake", "a hamlet or loose spelling abroad nothing in the text supports",
        "Tawila (YE)",
    ),
    NameRule("town-over-district", "a district ranked just above the town", "Misrata"),
)


def _lead(candidate: Candidate, rule: str) -> Candidate:
    return Candidate(candidate.place, candidate.score, (rule, *candidate.reasons))


def _is_stray(top: Candidate, options: NameOptions) -> bool:
    place = top.place
    loose = any(r.startswith(_LOOSE) for r in top.reasons)
    return (
        options.country is not None
        and place.country_code not in (None, options.country)
        and place.precision in _FINE
        and (place.population < options.stray_population or loose)
        and not any(r.startswith(_SUPPORT) for r in top.reasons)
    )


def resolve_with_options(
    parser: Geoparser, name: str, options: NameOptions
) -> list[Candidate]:
    """Rank the candidates of ``name`` under ``options``; the first is the choice.

    Returns [] when the name is empty after rewriting, unknown, or only a stray namesake.
    """
    text, rewrite = _rewrite(name, options)
    if not text:
        return []
    known = options.known.get(text.lower())
    if known is not None:
        return [Candidate(known, 0.0, ("known-in-article",))]
    hint = options.country_hint or options.country

    def rank(lookup: str) -> list[Candidate]:
        return parser.resolve_name(lookup, context_text=options.context_text, country_hint=hint)

    candidates = rank(text)
    applied = [rewrite] if rewrite else []
    if options.strip_site_words and _SITE_WORD_RE.search(text) and (
        not candidates or candidates[0].place.precision != "site"
    ):
        stripped = re.sub(r"^(?:the\s+)", "", _SITE_WORD_RE.sub("", text), flags=re.IGNORECASE)
        if stripped:
            shorter = rank(stripped)
            if shorter:
                candidates = shorter
                applied.append("site-word-stripped")
    if not candidates:
        return []
    top = candidates[0]
    if options.drop_strays and _is_stray(top, options):
        return []
    if options.prefer_towns and top.place.precision not in _FINE:
        for cand in candidates[1:6]:
            if (
                cand.place.precision in {"town", "site"}
                and cand.score >= top.score - options.town_margin
                and (not options.country or cand.place.country_code == top.place.country_code)
            ):
                rest = [c for c in candidates if c is not cand]
                candidates = [cand, *rest]
                applied.append("town-over-district")
                break
    if applied:
        first = candidates[0]
        for rule in reversed(applied):
            first = _lead(first, rule)
        candidates = [first, *candidates[1:]]
    return candidates
