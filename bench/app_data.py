"""Synthetic claims for the app's benchmark and tests, stored through the real store.

Articles are ingested with ``Store.ingest_article`` and a stand-in analyzer that returns
ready-made :class:`ControlClaim`/:class:`DistanceClaim` objects, so the app is measured and
tested on a store of any size without depending on the extractor's speed. Places, actors and
sources are invented (a fictional war on a real map area); nothing is copied from articles.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from claims.model import ControlClaim, DistanceClaim, Provenance
from gazetteer.model import Place

__all__ = ["SyntheticAnalysis", "fill_store", "fill_store_batched", "prepared_batches",
           "synthetic_places"]

_ACTIONS = (
    "captured",
    "holds",
    "attacked",
    "withdrew",
    "entered",
    "advanced_towards",
    "besieged",
    "lost",
)
_ACTORS = (
    "Northern Army",
    "Coastal Front",
    "Free Militia",
    "Southern Guard",
    "Allied Brigades",
    "Mountain Units",
)
_SOURCES = (
    "wire-one.example",
    "daily-two.example",
    "radio-three.example",
    "agency-four.example",
    "monitor-five.example",
)


@dataclass
class SyntheticAnalysis:
    """What the stand-in analyzer returns (the shape of ``claims.ArticleAnalysis``)."""

    mentions: list[Any] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)


def synthetic_places(n: int = 80, seed: int = 7) -> list[Place]:
    """``n`` invented places spread over a 10 x 12 degree box, a few of them regions."""
    rng = random.Random(seed)
    places = []
    for i in range(n):
        precision = "region" if i % 17 == 0 else ("site" if i % 5 == 0 else "town")
        places.append(
            Place(
                id=f"synthetic:{i}",
                name=f"Place {i}",
                lat=round(rng.uniform(26.0, 33.0), 4),
                lon=round(rng.uniform(10.0, 22.0), 4),
                feature_code="ADM1" if precision == "region" else "PPL",
                country_code="XX",
                precision=precision,
                source="synthetic",
                radius_km=80.0 if precision == "region" else 0.0,
            )
        )
    return places


def _article(
    rng: random.Random,
    number: int,
    places: list[Place],
    per_article: int,
    first_day: date,
    days: int,
) -> tuple[dict[str, Any], list[Any]]:
    """One synthetic article's metadata and its claims."""
    published = first_day + timedelta(days=rng.randrange(days))
    source = rng.choice(_SOURCES)
    sentences, claims = [], []
    offset = 0
    for _ in range(per_article):
        place = rng.choice(places)
        if rng.random() < 0.8:
            actor, action = rng.choice(_ACTORS), rng.choice(_ACTIONS)
            sentence = f"Report {number}: the {actor} {action.replace('_', ' ')} {place.name}."
            prov = Provenance(
                sentence,
                offset,
                offset + len(sentence),
                offset,
                offset + len(sentence),
                source=source,
                published=published,
            )
            claims.append(
                ControlClaim(
                    prov,
                    actor,
                    actor,
                    action,
                    place.name,
                    place_ref=place,
                    event_date=published - timedelta(days=rng.randrange(3)),
                )
            )
        else:
            anchor = rng.choice(places)
            value = float(rng.choice((20, 40, 60, 90, 100, 150)))
            sentence = f"Report {number}: {place.name} lies {value:g} km from {anchor.name}."
            prov = Provenance(
                sentence,
                offset,
                offset + len(sentence),
                offset,
                offset + len(sentence),
                source=source,
                published=published,
            )
            claims.append(
                DistanceClaim(
                    prov,
                    value,
                    value,
                    "km",
                    None,
                    None,
                    place.name,
                    "place",
                    anchor.name,
                    anchor_place=anchor,
                    subject_place=place,
                )
            )
        sentences.append(sentence)
        offset += len(sentence) + 1
    meta = {
        "text": " ".join(sentences),
        "title": f"Synthetic report {number}",
        "source": source,
        "published": published,
        "url": f"https://{source}/r/{number}",
        "conflict": "synthetic",
    }
    return meta, claims


def fill_store(
    store: Any,
    n_claims: int,
    *,
    per_article: int = 10,
    seed: int = 11,
    first_day: date = date(2024, 1, 1),
    days: int = 365,
    places: list[Place] | None = None,
) -> int:
    """Ingest articles until about ``n_claims`` claims are stored; return the claims added."""
    from store.types import ArticleInput

    rng = random.Random(seed)
    places = places or synthetic_places()
    added = 0
    number = 0
    while added < n_claims:
        number += 1
        count = min(per_article, n_claims - added)
        meta, claims = _article(rng, number, places, count, first_day, days)
        analysis = SyntheticAnalysis(claims=claims)
        result = store.ingest_article(
            ArticleInput(**meta, origin="synthetic"), analyzer=lambda *a, _r=analysis, **k: _r
        )
        added += result.claims
    return added


def prepared_batches(
    n_claims: int,
    *,
    per_article: int = 10,
    batch: int = 500,
    seed: int = 11,
    first_day: date = date(2024, 1, 1),
    days: int = 365,
    places: list[Place] | None = None,
) -> Iterator[list[Any]]:
    """Lists of at most ``batch`` analysed articles (``Prepared``) with ``n_claims`` claims.

    The same seed gives the same articles, so writing them twice is a re-run.
    """
    from store.ingest.batch import Prepared
    from store.types import ArticleInput
    from store.writer import content_hash

    rng = random.Random(seed)
    places = places or synthetic_places()
    made = 0
    number = 0
    while made < n_claims:
        pending: list[Any] = []
        while made < n_claims and len(pending) < batch:
            number += 1
            count = min(per_article, n_claims - made)
            meta, claims = _article(rng, number, places, count, first_day, days)
            article = ArticleInput(**meta, origin="synthetic")
            pending.append(Prepared(article, content_hash(article.text), claims=claims))
            made += count
        yield pending


def fill_store_batched(
    store: Any,
    n_claims: int,
    *,
    per_article: int = 10,
    batch: int = 500,
    seed: int = 11,
    first_day: date = date(2024, 1, 1),
    days: int = 365,
    places: list[Place] | None = None,
) -> int:
    """Like :func:`fill_store`, through the batch writer (one transaction per ``batch``).

    The same synthetic articles, stored with :func:`store.batch_writer.write_batch` (COPY
    on PostgreSQL), so a million claims take minutes, not an hour.
    """
    from store.batch_writer import write_batch

    added = 0
    for pending in prepared_batches(n_claims, per_article=per_article, batch=batch,
                                    seed=seed, first_day=first_day, days=days,
                                    places=places):
        added += sum(r.claims for r in write_batch(store.engine, pending))
    return added
