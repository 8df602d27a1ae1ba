"""One call from article text to places, claims and distance verdicts.

:func:`analyze_article` runs the geoparser (:func:`gazetteer.geoparse`) and
:func:`claims.extract.extract_claims` on the same text, reusing the resolved mentions,
and checks every distance claim (:func:`geo.verdict.check_distance`). For a force
subject it looks for the place the force holds or has passed ("beyond Sirte", or the
latest place the same actor captured or holds in the article) so the verdict can say
where the claim puts the front.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

from claims.extract import extract_claims
from claims.model import GIVES, ControlClaim, DistanceClaim
from claims.resolve import PlaceResolver
from gazetteer.model import Mention, Place

__all__ = ["ArticleAnalysis", "analyze_article", "held_place_for"]

log = logging.getLogger("conflictmap.claims.analyze")

_PAST = re.compile(r"\b(?:beyond|past|west\s+of|east\s+of|north\s+of|south\s+of)\s+"
                   r"(?P<name>[A-Z][\w’'-]+(?:\s+(?:al-|el-)?[A-Z][\w’'-]+)*)")


@dataclass
class ArticleAnalysis:
    """Everything read from one article: mentions, claims and distance verdicts by claim index."""

    mentions: list[Mention]
    claims: list[DistanceClaim | ControlClaim]
    conflict: str | None = None
    verdicts: dict[int, object] = field(default_factory=dict)

    @property
    def distance_claims(self) -> list[DistanceClaim]:
        """The distance claims only."""
        return [c for c in self.claims if isinstance(c, DistanceClaim)]

    @property
    def control_claims(self) -> list[ControlClaim]:
        """The control claims only."""
        return [c for c in self.claims if isinstance(c, ControlClaim)]


def held_place_for(claim: DistanceClaim, claims: list[DistanceClaim | ControlClaim],
                   text: str, resolver: PlaceResolver | None = None) -> Place | None:
    """Return the place a force subject holds or has passed, per the same article, or None."""
    if claim.subject_kind == "place":
        return None
    prov = claim.provenance
    sentence = text[prov.sentence_start:prov.sentence_end]
    quote_at = prov.start - prov.sentence_start
    best = None
    for match in _PAST.finditer(sentence[:quote_at]):
        best = match.group("name")
    if best:
        if resolver is None:
            resolver = PlaceResolver()
        place = resolver.resolve(best, context=sentence)
        if place is not None and place != claim.anchor_place:
            return place
    from geo.verdict import nearest_held_place

    held = [c.place_ref for c in claims if isinstance(c, ControlClaim)
            and c.place_ref is not None and c.action in GIVES
            and (claim.actor_norm is None or c.actor_norm == claim.actor_norm)]
    return nearest_held_place(claim, held)


def _article_resolver(conflict: str | None, mentions: list[Mention]) -> PlaceResolver:
    from claims.actors import default_actor_book

    info = default_actor_book().conflicts.get(conflict) if conflict else None
    resolver = PlaceResolver(country=info.countries[0] if info and info.countries else None,
                             capital=info.capital if info else None)
    for mention in mentions:
        if mention.place is not None:
            resolver.mentions.setdefault(mention.text.lower(), mention.place)
    return resolver


def analyze_article(text: str, *, title: str | None = None, published: date | str | None = None,
                    source: str | None = None, url: str | None = None,
                    article_id: str | None = None, conflict: str | None = None,
                    ) -> ArticleAnalysis:
    """Geoparse ``text``, extract its claims and check its distance claims."""
    from gazetteer import geoparse
    from geo.verdict import check_distance

    mentions = list(geoparse(text, title=title))
    claims = extract_claims(text, published=published, source=source, url=url,
                            article_id=article_id, title=title, mentions=mentions,
                            conflict=conflict)
    detected = next((c.conflict for c in claims if isinstance(c, ControlClaim) and c.conflict),
                    conflict)
    analysis = ArticleAnalysis(mentions=mentions, claims=claims, conflict=detected)
    resolver = _article_resolver(detected, mentions)
    for i, claim in enumerate(claims):
        if isinstance(claim, DistanceClaim):
            held = held_place_for(claim, claims, text, resolver)
            verdict = check_distance(claim, held_place=held)
            if verdict is not None:
                analysis.verdicts[i] = verdict
    return analysis
