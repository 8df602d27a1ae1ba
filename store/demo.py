"""The demo dataset: claims about the Libyan war of 2019-2020, loaded on first start.

``store/data/demo_claims.json`` holds structured facts written by the project (place,
actor, action, value, dates, source name and home page, a short claim phrase), not
articles. Each (source, publication date) becomes one small article whose text is the
claim phrases, so every claim keeps a real quote and provenance span; the phrases are
"analysed" from the facts themselves, so the result does not depend on the extractor.
Loading is idempotent through the articles' content hashes.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from importlib import resources
from typing import TYPE_CHECKING, Any

from claims.model import ControlClaim, DistanceClaim, Provenance
from core.errors import DataSourceError
from gazetteer.model import Candidate, Mention, Place
from store.types import ArticleInput

if TYPE_CHECKING:
    from store.store import Store

__all__ = ["DEMO_FILE", "demo_articles", "load_demo", "read_demo"]

log = logging.getLogger("conflictmap.store.demo")

DEMO_FILE = "demo_claims.json"


def read_demo() -> dict[str, Any]:
    """Return the parsed demo file (``sources``, ``places``, ``claims``, ``conflict``)."""
    try:
        text = resources.files("store").joinpath("data", DEMO_FILE).read_text("utf-8")
        return json.loads(text)
    except (OSError, ValueError) as err:
        raise DataSourceError(f"demo dataset store/data/{DEMO_FILE} unreadable: {err}") from err


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _places(data: dict[str, Any]) -> dict[str, Place]:
    return {
        name: Place(id=f"demo:{_slug(name)}", name=name, lat=p["lat"], lon=p["lon"],
                    feature_code=p["feature_code"], country_code=p.get("country_code"),
                    precision=p["precision"], source="demo", radius_km=p.get("radius_km", 0.0))
        for name, p in data["places"].items()
    }


@dataclass(frozen=True)
class _Analysis:
    mentions: list[Mention]
    claims: list[ControlClaim | DistanceClaim]
    verdicts: dict[int, Any]


def _force_verdict(claim: DistanceClaim, held: Place) -> Any:
    """Verdict of a force claim measured from the place the force holds ("past Sirte")."""
    try:
        from geo.verdict import check_distance
    except ImportError:  # the store still loads the demo without the verdict module
        return None
    return check_distance(claim, held_place=held)


def _build(items: list[dict[str, Any]], places: dict[str, Place], conflict: str,
           source: str, url: str, published: date) -> tuple[str, _Analysis]:
    """Article text (a dateline, then one phrase per line) with its mentions and claims.

    The dateline keeps two days' reports from one outlet with the same phrase apart
    (the content hash would otherwise call the second a duplicate).
    """
    header = f"[demo] {source}, {published.isoformat()}"
    text_parts: list[str] = [header]
    mentions: dict[tuple[int, int], Mention] = {}
    claims: list[ControlClaim | DistanceClaim] = []
    verdicts: dict[int, Any] = {}
    offset = len(header) + 1
    for item in items:
        phrase = item["phrase"]
        sentence = phrase + "."
        start = offset
        prov = Provenance(quote=phrase, start=start, end=start + len(phrase),
                          sentence_start=start, sentence_end=start + len(sentence),
                          source=source, url=url, published=published)
        for name in (item.get("place"), item.get("anchor"), item.get("subject"),
                     item.get("held_place")):
            if name in places and name in phrase:
                pos = start + phrase.index(name)
                mentions[(pos, pos + len(name))] = Mention(
                    pos, pos + len(name), name,
                    (Candidate(places[name], 1.0, ("demo dataset",)),))
        event = date.fromisoformat(item["event_date"]) if item.get("event_date") else None
        if item["kind"] == "control":
            claims.append(ControlClaim(
                provenance=prov, actor=item.get("actor"), actor_norm=item.get("actor_norm"),
                action=item["action"], place=item["place"], place_ref=places[item["place"]],
                event_date=event, conflict=conflict))
        else:
            claims.append(DistanceClaim(
                provenance=prov, value_min=float(item["value_min"]),
                value_max=float(item["value_max"]), unit=item["unit"],
                qualifier=item.get("qualifier"), direction=item.get("direction"),
                subject=item.get("subject"), subject_kind=item.get("subject_kind", "place"),
                anchor=item["anchor"], anchor_place=places[item["anchor"]],
                subject_place=places.get(item.get("subject") or ""),
                actor_norm=item.get("actor_norm"), event_date=event))
            if item.get("held_place") in places:
                verdicts[len(claims) - 1] = _force_verdict(claims[-1],
                                                           places[item["held_place"]])
        text_parts.append(sentence)
        offset += len(sentence) + 1
    text = "\n".join(text_parts)
    ordered = [mentions[k] for k in sorted(mentions)]
    return text, _Analysis(ordered, claims, {k: v for k, v in verdicts.items() if v})


def demo_articles() -> list[tuple[ArticleInput, _Analysis]]:
    """Return the demo as (article, analysis) pairs, one per source and publication date."""
    data = read_demo()
    places = _places(data)
    conflict = data.get("conflict", "demo")
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in data["claims"]:
        groups[(item["source"], item["published"])].append(item)
    out = []
    for (source, published), items in sorted(groups.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        url = data["sources"].get(source)
        day = date.fromisoformat(published)
        text, analysis = _build(items, places, conflict, source, url, day)
        article = ArticleInput(
            text=text, title=f"{source}, {published}: Libya (demo dataset)", url=url,
            source=source, source_url=url, published=day, language="en", conflict=conflict,
            external_id=f"demo:{_slug(source)}:{published}", origin="demo")
        out.append((article, analysis))
    return out


def load_demo(store: Store) -> int:
    """Ingest the demo articles into ``store`` in one transaction; return the claims added.

    All or nothing: a full disk (or any failure) half-way leaves no part of the demo
    behind, so the app never shows half a dataset and a retry starts clean.
    """
    from sqlalchemy.exc import IntegrityError, SQLAlchemyError

    from core.errors import IngestError
    from store.engine import with_retry, write_connection
    from store.writer import content_hash, existing_article_id, write_article

    pairs = demo_articles()

    def write() -> int:
        added = 0
        with write_connection(store.engine) as conn, conn.begin():
            for article, analysis in pairs:
                digest = content_hash(article.text)
                if existing_article_id(conn, digest) is not None:
                    continue
                added += write_article(conn, article, digest, analysis.mentions,
                                       analysis.claims, analysis.verdicts)[2]
        return added

    try:
        try:
            added = with_retry(write, what="demo")
        except IntegrityError:  # another process loaded it meanwhile (PostgreSQL): skip theirs
            added = with_retry(write, what="demo")
    except SQLAlchemyError as err:
        raise IngestError(f"could not load the demo dataset: {getattr(err, 'orig', err)}"
                          ) from err
    log.info("demo dataset: %d claims added", added)
    return added
