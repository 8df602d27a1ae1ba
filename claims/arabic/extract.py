"""Arabic text to :class:`~claims.model.DistanceClaim` / :class:`~claims.model.ControlClaim`.

The article is geoparsed once (the gazetteer's Arabic recognizer and the shared resolver),
split into sentences, and each sentence is read by the distance and control rules on its
folded text; places are the recognized mentions, actors the Arabic aliases of
``conflicts.json``, dates are read against the publication date. The conflict is the one
the actors named belong to, else the one whose country the places lie in.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from datetime import date

from claims.arabic.actors import ArabicActor, find_arabic_actors
from claims.arabic.control import PlaceSpan, find_arabic_control
from claims.arabic.dates import arabic_event_date
from claims.arabic.distance import find_arabic_distances
from claims.arabic.text import fold, split_arabic_sentences
from claims.model import ControlClaim, DistanceClaim, Provenance
from gazetteer.model import Mention, Place

__all__ = ["extract_arabic_claims"]

log = logging.getLogger("conflictmap.claims.arabic")


def _mentions(text: str, resolve: bool) -> list[Mention]:
    from gazetteer.geoparse import get_geoparser

    parser = get_geoparser()
    if resolve:
        return parser.geoparse(text)
    from gazetteer.arabic_recognize import find_arabic_places

    return [Mention(s.start, s.end, s.text, ()) for s in
            find_arabic_places(text, parser.arabic_places)]


def _conflict(actors: Sequence[ArabicActor], mentions: Sequence[Mention],
              hint: str | None) -> str | None:
    from claims.actors import default_actor_book

    book = default_actor_book()
    if hint and hint in book.conflicts:
        return hint
    votes: Counter[str] = Counter()
    countries = Counter(m.place.country_code for m in mentions if m.place is not None)
    for actor in actors:
        for cid in actor.conflicts:
            votes[cid] += 2
    for cid, info in book.conflicts.items():
        votes[cid] += sum(countries[c] for c in info.countries) if votes or countries else 0
    if not votes:
        return None
    best, hits = votes.most_common(1)[0]
    return best if hits > 0 else None


def extract_arabic_claims(
    text: str,
    *,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
    article_id: str | None = None,
    conflict: str | None = None,
    resolve: bool = True,
    mentions: Sequence[Mention] | None = None,
) -> list[DistanceClaim | ControlClaim]:
    """Extract every distance and control claim of an Arabic text (see the module doc)."""
    mentions = list(mentions) if mentions is not None else _mentions(text, resolve)
    folded = fold(text)
    actors_all = find_arabic_actors(folded, text)
    conflict = _conflict(actors_all, mentions, conflict)
    prov = dict(article_id=article_id, source=source, url=url, published=published)
    claims: list[DistanceClaim | ControlClaim] = []
    for s_start, s_end, _sentence in split_arabic_sentences(text):
        f_sentence = folded[s_start:s_end]
        inside = [m for m in mentions if s_start <= m.start and m.end <= s_end
                  and not any(a.start <= m.start < a.end for a in actors_all)]
        spans = [PlaceSpan(m.start - s_start, m.end - s_start, m.text) for m in inside]
        place_of: dict[int, Place | None] = {m.start - s_start: m.place for m in inside}
        actors = [a for a in actors_all if s_start <= a.start and a.end <= s_end]
        actors = [ArabicActor(a.start - s_start, a.end - s_start, a.text, a.norm, a.conflicts)
                  for a in actors]
        first, last = arabic_event_date(f_sentence, published)

        def provenance(start: int, end: int, s_start: int = s_start,
                       s_end: int = s_end) -> Provenance:
            return Provenance(text[s_start + start:s_start + end], s_start + start,
                              s_start + end, s_start, s_end, **prov)

        for st in find_arabic_distances(f_sentence, spans):
            before = [a for a in actors if a.end <= st.amount.start]
            subject, kind = (st.subject.name, "place") if st.subject else (None, "event")
            if before and (st.subject is None or before[-1].start > st.subject.start):
                subject, kind = before[-1].text, "force"
            a = st.amount
            claims.append(DistanceClaim(
                provenance=provenance(st.start, st.end), value_min=a.value_min,
                value_max=a.value_max, unit=a.unit, qualifier=a.qualifier,
                direction=st.direction, subject=subject, subject_kind=kind,
                anchor=st.anchor.name, anchor_place=place_of.get(st.anchor.start),
                subject_place=place_of.get(st.subject.start) if kind == "place" and st.subject
                else None,
                actor_norm=before[-1].norm if kind == "force" else None,
                event_date=first, event_date_end=last))
        for st in find_arabic_control(f_sentence, spans, actors):
            claims.append(ControlClaim(
                provenance=provenance(st.start, st.end),
                actor=st.actor.text if st.actor else None,
                actor_norm=st.actor.norm if st.actor else None, action=st.action,
                place=st.place.name, place_ref=place_of.get(st.place.start),
                event_date=first, event_date_end=last, conflict=conflict))
    log.debug("%d Arabic claims from %d characters", len(claims), len(text))
    return claims
