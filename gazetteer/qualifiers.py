"""Qualifiers: the country or state the text attaches to a name.

A qualifier is the strongest evidence the resolver weighs: "Tripoli, Lebanon" and its
variants — "Tripoli in northern Lebanon", "Lebanon's Tripoli", "the Lebanese city of
Tripoli", "Lebanon's second city, Tripoli" — and AP-style state abbreviations
("Springfield, Ill."). Only countries and first-level regions qualify.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from gazetteer.admin_codes import address_codes_after
from gazetteer.context import qualifier_after
from gazetteer.model import Place
from gazetteer.resolve import ResolverItem

__all__ = [
    "ADDRESS_CODES",
    "OWN_QUALIFIER",
    "POSTCODE_GAP_RE",
    "QUALIFIER_RULES",
    "RECOGNIZED_CONTEXT",
    "add_qualifiers",
    "group_labels",
]

#: Rule name of address-style codes after a place ("London, ON, CA", "Perth WA 6000").
ADDRESS_CODES = "address-codes"

#: Rule name of one name qualified two ways ("Portland, Maine ... Portland, Oregon").
OWN_QUALIFIER = "own-qualifier"

#: Rule name: with given spans, a country or first-level region that recognition finds
#: elsewhere in the text is context too (it votes for its country and region as in an
#: end-to-end run), so giving the spans never loses what reading the text would know
#: ("Salvador, the capital of Bahia" or "Georgia Bureau of Investigation" beside a given
#: "Albany"). Towns are left out: recognition's false towns ("Madison", "Martin's") would
#: outvote the given ones. Such places are not returned.
RECOGNIZED_CONTEXT = "recognized-context"

#: The qualifier rules, by name, with an example (each can be switched off by name).
QUALIFIER_RULES: tuple[tuple[str, str], ...] = (
    (OWN_QUALIFIER, "Portland, Maine, and Portland, Oregon: each mention its own reading"),
    ("us-state-abbreviation", "Springfield, Ill."),
    (ADDRESS_CODES, "London, ON, CA; Zurich, ZH, CH; Perth WA 6000"),
    ("postcode-gap", "Cambridge, CB2 1TN, United Kingdom; Lyon 69002, France"),
    ("owner-qualifier", "Lebanon's Tripoli; the Lebanese city of Tripoli"),
    ("following-qualifier", "Tripoli, Lebanon; Tripoli in northern Lebanon"),
    (RECOGNIZED_CONTEXT, "given 'Salvador' in 'Salvador, the capital of Bahia': Bahia votes"),
)

_QUALIFIER_GAP_RE = re.compile(r",\s{0,2}$")
#: A postcode between a place and its country: ", CB2 1TN, ", " 69002, ", ", 10115 ".
POSTCODE_GAP_RE = re.compile(
    r",?[ \t](?:[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2}"  # British
    r"|\d{4,6}(?:-\d{4})?"  # digits (most countries; US ZIP+4)
    r"|[A-Z]\d[A-Z][ \t]?\d[A-Z]\d)"  # Canadian
    r",?[ \t]"
)
_POSSESSIVES = ("'s", "’s", "'", "’")
_POSSESSIVE_GAP_RE = re.compile(r"['’]s?\s{1,2}")
_DIRECTION = r"(?:(?:north|south|east|west|central|(?:north|south)-?(?:east|west))(?:ern)?\s+)?"
_KIND = (
    r"(?:city|town|village|port|capital|province|region|district|governorate|state|county|"
    r"island|enclave|stronghold|hub|oasis)"
)
# "the Lebanese city of Tripoli", "Lebanon's second city, Tripoli", "the Texas town of Paris"
_OWNER_GAP_RE = re.compile(
    rf"(?:['’]s?)?\s+(?:[a-z][\w-]*\s+){{0,3}}?{_KIND}(?:\s+of|,)\s+", re.IGNORECASE
)
# "Tripoli in Lebanon", "Tripoli, in northern Lebanon", "Athens in the state of Georgia"
_IN_QUALIFIER_GAP_RE = re.compile(
    rf",?\s+in\s+(?:the\s+)?{_DIRECTION}(?:(?:state|province|region)\s+of\s+)?",
    re.IGNORECASE,
)


def add_qualifiers(
    text: str,
    spans: Sequence[tuple[int, int]],
    span_places: Sequence[tuple[Place, ...]],
    n: int,
    item: ResolverItem,
    disabled: frozenset[str] = frozenset(),
) -> None:
    """Add to ``item`` the countries and states that qualify mention ``n`` in the text.

    "Springfield, Ill.", "Tripoli, Lebanon", "Tripoli in northern Lebanon", "Lebanon's
    Tripoli", "the Lebanese city of Tripoli": the qualifier is the span right before or
    after the mention (``span_places`` holds each span's gazetteer readings).
    """
    start, end = spans[n]
    abbreviation = qualifier_after(text, end)
    if abbreviation is not None:
        code, q_end = abbreviation
        item.qualifiers.add(("US", code))
        item.qualifier_names.add(text[end:q_end].strip(", "))
        return
    codes = None if ADDRESS_CODES in disabled else address_codes_after(text, end)
    if codes is not None:
        item.qualifiers.update(codes.readings)
        item.qualifier_names.add(codes.label)
        return
    if n > 0 and "owner-qualifier" not in disabled:
        # "Lebanon's Tripoli", "Ohio's Athens": the owner qualifies the name.
        o_start, o_end = spans[n - 1]
        owner = text[o_start:o_end]
        gap = text[o_end:start]
        if (
            0 <= start - o_end <= 3
            and (
                (owner.endswith(_POSSESSIVES) and not gap.strip())
                or _POSSESSIVE_GAP_RE.fullmatch(gap)
            )
        ) or (0 <= start - o_end <= 40 and _OWNER_GAP_RE.fullmatch(gap)):
            for suffix in _POSSESSIVES:
                owner = owner.removesuffix(suffix)
            _qualify(item, span_places[n - 1], owner)
    if n + 1 >= len(spans) or "following-qualifier" in disabled:
        return
    q_start, q_end = spans[n + 1]
    gap = text[end:q_start]
    if not (
        (q_start - end <= 3 and _QUALIFIER_GAP_RE.search(gap))
        or (q_start - end <= 30 and _IN_QUALIFIER_GAP_RE.fullmatch(gap))
        or ("postcode-gap" not in disabled and POSTCODE_GAP_RE.fullmatch(gap))
    ):
        return
    _qualify(item, span_places[n + 1], text[q_start:q_end])


def _qualify(item: ResolverItem, places: Sequence[Place], name: str) -> None:
    """Add the countries and states among ``places`` as qualifiers of ``item``."""
    for place in places:
        if place.feature_code.startswith("PCL"):
            item.qualifiers.add((place.country_code, None))
        elif place.feature_code == "ADM1":
            item.qualifiers.add((place.country_code, place.admin1))
        else:
            continue
        item.qualifier_names.add(name)


def group_labels(
    text: str,
    spans: Sequence[tuple[int, int]],
    span_places: Sequence[tuple[Place, ...]],
    keys: Sequence[str | None],
    disabled: frozenset[str] = frozenset(),
) -> list[str]:
    """Return, per span, the label that groups it with the other mentions of its name.

    Mentions of one name are resolved together (one sense per document), and share their
    qualifiers. When the text qualifies the same name in two different ways ("Hamilton, New
    Zealand, rather than Hamilton, Ontario"), each qualified mention is grouped with its own
    qualifier instead (``key|qualifier``); bare mentions keep the shared group. Without such
    a conflict every label is the key itself.
    """
    labels = [k or "" for k in keys]
    if OWN_QUALIFIER in disabled:
        return labels
    seen: set[str] = set()
    repeated = {k for k in keys if k and (k in seen or seen.add(k))}
    own: dict[int, str] = {}
    by_key: dict[str, set[str]] = {}
    for n, key in enumerate(keys):
        if key not in repeated:  # a name said once cannot be qualified two ways
            continue
        scratch = ResolverItem(key=key, places=span_places[n])
        add_qualifiers(text, spans, span_places, n, scratch, disabled)
        if scratch.qualifiers:
            own[n] = "/".join(sorted(scratch.qualifier_names))
            by_key.setdefault(key, set()).add(
                "/".join(sorted(f"{cc}:{a1}" for cc, a1 in scratch.qualifiers))
            )
    for n, label in own.items():
        if len(by_key.get(labels[n], ())) > 1:
            labels[n] = f"{labels[n]}|{label}"
    return labels
