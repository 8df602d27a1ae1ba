"""The country a document is about, as a tie-breaker for names shared across countries.

"Córdoba" next to "Buenos Aires" is the Argentine city, not the Colombian department;
"Salvador" in a Portuguese text that also names Recife is the Brazilian city, not El
Salvador. The resolver's document profile already counts the other mentions' countries;
this pass adds what it lacks, once per document:

- a **document country**: the country holding more than half of the votes of the places
  read with confidence (a clear margin over their runner-up, not weak readings; each
  distinct name once), with the article address's country-code domain as two votes;
- the **document language** (:func:`gazetteer.language.document_language`): the countries
  where it is official.

A mention whose candidates lie in several countries, whose best reading lies outside the
document country (or outside every country of the language) and that no qualifier
decided ("Córdoba, Colombia"), gets :data:`COUNTRY_BONUS` (:data:`LANGUAGE_BONUS`) added
to its candidates there and is re-ranked: a tie-breaker, never an override. (The reasons
it adds, "story country AR", "text in pt", do not start with "document": they support no
weak reading, see :mod:`gazetteer.readings`.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace

from gazetteer.address import country_of_address
from gazetteer.language import LANGUAGE_COUNTRIES, document_language
from gazetteer.model import Candidate, Mention
from gazetteer.readings import is_loose, is_major, is_weak_reading

__all__ = [
    "CONFIDENT_MARGIN",
    "COUNTRY_BONUS",
    "DOCUMENT_COUNTRY",
    "LANGUAGE_BONUS",
    "document_country",
    "favour_document_country",
]

#: Pass name (trace, switch).
DOCUMENT_COUNTRY = "document-country"
#: Score added to a candidate in the document country (one clear mention weighs 1).
COUNTRY_BONUS = 1.5
#: Score added to a candidate in a country where the document's language is official.
LANGUAGE_BONUS = 1.0
#: A reading this far ahead of its runner-up (score) votes for the document country.
CONFIDENT_MARGIN = 1.0
#: Votes of the article address's country-code domain.
ADDRESS_VOTES = 2
#: Share of the votes the leading country needs.
_MAJORITY = 0.5
_QUALIFIED = "qualified by"
_MAIN_NAME = "main name"


def _confident(mention: Mention) -> bool:
    ranked = mention.candidates
    if not ranked:
        return False
    top = ranked[0]
    cc = top.place.country_code
    if not cc:
        return False
    rival = next((c for c in ranked if c.place.country_code != cc), None)
    if rival is not None and top.score - rival.score < CONFIDENT_MARGIN:
        return False
    if is_major(top.place) and not is_loose(mention):
        return True  # told cheaply: a major place read by its spelling is no weak reading
    return not is_weak_reading(mention)


def document_country(
    mentions: Sequence[Mention], key: Callable[[str], str], url: str | None = None
) -> tuple[str | None, Counter, dict[str, str]]:
    """Return the document country (or None), the votes, and each voting name's country.

    The last two let each name be judged by the *other* names only (:func:`_leader`).
    """
    by_key: dict[str, str] = {}
    for mention in mentions:
        k = key(mention.text)
        if k not in by_key and _confident(mention):
            by_key[k] = mention.candidates[0].place.country_code or ""
    votes: Counter = Counter(by_key.values())
    address = country_of_address(url) if url else None
    if address:
        votes[address] += ADDRESS_VOTES
    return _leader(votes), votes, by_key


def _leader(votes: Counter, own: str | None = None) -> str | None:
    """Return the country holding more than half of ``votes`` (less one vote of ``own``)."""
    total = sum(votes.values()) - (1 if own else 0)
    if total <= 0:
        return None
    for cc, n in votes.most_common(2):
        if cc == own:
            n -= 1
        if n > _MAJORITY * total:
            return cc
    return None


def _rerank(mention: Mention, bonuses: dict[str, tuple[float, str]]) -> Mention:
    """Add each candidate's country bonus; keep the new order only if a favoured one leads.

    ``bonuses`` maps a country code to ``(bonus, reason)``.
    """
    ranked = mention.candidates
    top = ranked[0]
    if any(r.startswith(_QUALIFIED) for r in top.reasons):
        return mention
    lifted = []
    for c in ranked:
        bonus, label = bonuses.get(c.place.country_code or "", (0.0, ""))
        lifted.append(Candidate(c.place, round(c.score + bonus, 4),
                                (*c.reasons, f"{label} (+{bonus:.1f})")) if bonus else c)
    lifted.sort(key=lambda c: -c.score)
    new = lifted[0]
    if new.place.id == top.place.id or new.score - top.score <= 0 or not _may_yield(top, new):
        return mention
    return replace(mention, candidates=tuple(lifted))


def _may_yield(top: Candidate, new: Candidate) -> bool:
    """Whether the best reading may give way: a country only to a state, a capital never.

    "Georgia" in an American story may be the state; "Mexico" is not the town in
    Missouri, nor "London" the one in Ontario, on the story's country alone. A country
    read by another of its names ("Salvador" of El Salvador) yields to a town whose own
    name it is.
    """
    code = top.place.feature_code
    if code == "PPLC" or not top.place.country_code:
        return False  # a capital, or a sea or ocean (no country's)
    if code.startswith("PCL"):
        return new.place.feature_code == "ADM1" or (
            _MAIN_NAME not in top.reasons and _MAIN_NAME in new.reasons)
    return True


def favour_document_country(
    text: str,
    mentions: Sequence[Mention],
    key: Callable[[str], str],
    url: str | None = None,
) -> list[Mention]:
    """Return ``mentions`` with shared names re-ranked towards the document's country."""
    reach = COUNTRY_BONUS + LANGUAGE_BONUS  # the most a bonus can close
    open_ = [
        len(r) > 1 and r[0].score - r[1].score < reach
        and len({c.place.country_code for c in r}) > 1
        for r in (m.candidates for m in mentions)
    ]
    if not any(open_):
        return list(mentions)  # nothing a tie-breaker could change
    leader, votes, by_key = document_country(mentions, key, url)
    language = document_language(text)
    spoken = LANGUAGE_COUNTRIES.get(language or "", frozenset())
    if not spoken and not votes:
        return list(mentions)
    spoken_bonuses = {c: (LANGUAGE_BONUS, f"text in {language}") for c in spoken}
    out: list[Mention] = []
    for mention, is_open in zip(mentions, open_, strict=True):
        if not is_open:
            out.append(mention)
            continue
        own = by_key.get(key(mention.text))
        cc = _leader(votes, own) if own is not None else leader
        bonuses = spoken_bonuses
        if cc:
            both = LANGUAGE_BONUS if cc in spoken else 0.0
            bonuses = {**spoken_bonuses, cc: (COUNTRY_BONUS + both, f"story country {cc}"
                                              + (f", text in {language}" if both else ""))}
        out.append(_rerank(mention, bonuses) if bonuses else mention)
    return out
