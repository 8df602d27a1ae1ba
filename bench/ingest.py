"""Ingest and export throughput: ``python -m bench.ingest [--articles N] [--claims N]``.

1. Generates N (default 1,000) 500-word articles from gazetteer place names and sentence
   templates (no shared or real article text) and ingests them end to end into a fresh
   SQLite file: geoparse + claim extraction (``claims.analyze_article``) + verdicts + one
   transaction per article. Prints articles/s end to end and for the store alone.
2. Fills a fresh SQLite file with M (default 10,000) claims and times the claims query
   and the GeoJSON, CSV (ACLED layout) and GeoPackage exports.
Runs in one process (one core).
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from types import SimpleNamespace

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DIRECTIONS = ("north", "south", "east", "west", "south-east", "north-west")
ACTORS = ("government forces", "rebel fighters", "the army", "militia units",
          "opposition forces", "the coalition")
PLACE_SENTENCES = (
    "{A} captured {P} on {D} after two days of fighting.",
    "{P} fell to {A} late on {D}, according to local officials.",
    "The town of {P} lies about {N} km {R} of {Q}.",
    "{A} advanced towards {Q}, some {N} kilometres from {P}.",
    "Residents of {P} said shelling continued through the night.",
    "{A} withdrew from {P} and regrouped near {Q}.",
    "Aid agencies reported that families fled {P} towards {Q}.",
    "Officials in {Q} denied that {A} had entered {P}.",
)
FILLER = (
    "The situation remained tense as negotiators met again without progress.",
    "Humanitarian groups warned that supplies of fuel and medicine were running low.",
    "Analysts said the balance of forces had shifted over the previous month.",
    "A spokesman declined to comment on the reports when contacted by phone.",
    "Both sides accused each other of violating earlier agreements on prisoners.",
    "Diplomats called for an immediate halt to the fighting and for new talks.",
    "Prices of bread and cooking gas have doubled since the start of the year.",
    "Local radio stations broadcast appeals for calm throughout the evening.",
)


def place_names(count: int = 400, seed: int = 7) -> list[str]:
    """Display names of well-known gazetteer places (population > 100,000)."""
    from gazetteer import get_index

    index = get_index()
    keys = [info.key for info in index.iter_names()
            if getattr(info, "max_population", 0) > 100_000 and len(info.key) > 3]
    rng = random.Random(seed)
    rng.shuffle(keys)
    names: list[str] = []
    for key in keys:
        places = index.lookup(key)
        if places and places[0].name.isascii() and places[0].name not in names:
            names.append(places[0].name)
        if len(names) >= count:
            break
    return names


def generate_articles(n: int, names: list[str], *, words: int = 500, seed: int = 11,
                      place_share: float = 0.2):
    """N synthetic articles of about ``words`` words each, as ``ArticleInput`` objects.

    ``place_share`` is the share of sentences that name places (about two each); 0.2 gives
    about 12-15 place mentions per 500 words, close to news (the LGL development set has
    about 7 toponyms per article of ~300 words).
    """
    from store import ArticleInput

    rng = random.Random(seed)
    start = date(2021, 1, 1)
    out = []
    for i in range(n):
        parts: list[str] = [f"Report {i}."]
        count = 2
        while count < words:
            if rng.random() < place_share:
                sentence = rng.choice(PLACE_SENTENCES).format(
                    A=rng.choice(ACTORS), P=rng.choice(names), Q=rng.choice(names),
                    D=rng.choice(WEEKDAYS), N=rng.randint(3, 400), R=rng.choice(DIRECTIONS))
            else:
                sentence = rng.choice(FILLER)
            parts.append(sentence)
            count += len(sentence.split())
        out.append(ArticleInput(text=" ".join(parts), title=f"Synthetic report {i}",
                                source=f"Outlet {i % 12}",
                                published=start + timedelta(days=i % 365)))
    return out


def bench_ingest(n: int, jobs: int, place_share: float) -> None:
    from claims import analyze_article
    from store import open_store

    names = place_names()
    articles = generate_articles(n, names, place_share=place_share)
    total_words = sum(len(a.text.split()) for a in articles)
    analyze_article(articles[0].text, published=articles[0].published)  # warm up the models
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'bench.sqlite'}", merge_places=False)
        t0, c0 = time.perf_counter(), time.process_time()
        results = [store.ingest_article(a) for a in articles]
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        stats = store.stats()
        store.close()
    stored = sum(r.status == "stored" for r in results)
    print(f"articles: {n} generated ({total_words / n:.0f} words on average), {stored} stored")
    print(f"end to end (analysis + store), SQLite: {n / elapsed:.1f} articles/s wall clock, "
          f"{n / cpu:.1f} articles per CPU second "
          f"({elapsed:.1f} s wall, {cpu:.1f} s CPU; {stats['mentions']} mentions, "
          f"{stats['claims']} claims; {stats['mentions'] / n:.1f} mentions per article, "
          f"place sentences {place_share:.0%})")
    print(f"load average while running: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores "
          "(wall-clock rates drop when other processes share the cores)")

    if jobs > 1:
        from store.ingest.parallel import ingest_parallel

        with tempfile.TemporaryDirectory() as tmp:
            url = f"sqlite:///{Path(tmp) / 'jobs.sqlite'}"
            open_store(url, merge_places=False).close()
            t0 = time.perf_counter()
            done = sum(r.status == "stored" for r in ingest_parallel(url, articles, jobs=jobs))
            elapsed = time.perf_counter() - t0
        print(f"end to end with {jobs} worker processes (conflictmap ingest --jobs {jobs}): "
              f"{n / elapsed:.1f} articles/s wall clock ({done} stored)")

    sample = articles[:200]
    c0 = time.process_time()
    analyses = [analyze_article(a.text, title=a.title, published=a.published, source=a.source)
                for a in sample]
    analysis_cpu = time.process_time() - c0
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'write.sqlite'}", merge_places=False)
        t0, c0 = time.perf_counter(), time.process_time()
        for article, analysis in zip(sample, analyses, strict=True):
            store.ingest_article(article, analyzer=lambda *_a, _r=analysis, **_k: _r)
        elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
        store.close()
    print(f"analysis alone (claims.analyze_article): {len(sample) / analysis_cpu:.1f} "
          "articles per CPU second")
    print(f"store alone (pre-analysed, one transaction each): {len(sample) / elapsed:.1f} "
          f"articles/s wall clock, {len(sample) / cpu:.1f} per CPU second")


def _claims_analysis(k: int, rng: random.Random, text: str):
    from claims.model import ControlClaim, DistanceClaim, Provenance
    from gazetteer.model import Candidate, Mention, Place

    mentions, claims = [], []
    for j in range(k):
        lat, lon = rng.uniform(-40, 60), rng.uniform(-20, 80)
        place = Place(f"bench:{j}", f"Place {j}", lat, lon, "PPL", precision="town")
        prov = Provenance(text[:20], 0, 20, 0, len(text))
        mentions.append(Mention(j, j + 1, "x", (Candidate(place, 1.0, ("bench",)),)))
        if j % 4:
            claims.append(ControlClaim(prov, "the army", "Army", rng.choice(
                ("captured", "holds", "attacked", "withdrew")), place.name, place,
                event_date=date(2021, 1, 1) + timedelta(days=rng.randint(0, 700))))
        else:
            anchor = Place("bench:a", "Anchor", lat + 0.5, lon + 0.5, "PPLA")
            claims.append(DistanceClaim(prov, 60.0, 60.0, "km", "about", "south", place.name,
                                        "place", "Anchor", anchor_place=anchor,
                                        subject_place=place))
    return SimpleNamespace(mentions=mentions, claims=claims)


def bench_export(n_claims: int) -> None:
    from store import ArticleInput, ClaimFilter, open_store
    from store.export import to_acled_csv, to_geojson, to_gpkg

    rng = random.Random(3)
    per_article = 10
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(f"sqlite:///{Path(tmp) / 'export.sqlite'}", merge_places=False)
        t0 = time.perf_counter()
        for i in range(n_claims // per_article):
            text = f"Bench article {i}. " + "Nothing happened here. " * 20
            analysis = _claims_analysis(per_article, rng, text)
            store.ingest_article(ArticleInput(text=text, source=f"Outlet {i % 9}",
                                              published=date(2022, 1, 1)),
                                 analyzer=lambda *_a, _r=analysis, **_k: _r)
        fill = time.perf_counter() - t0
        import pandas  # noqa: F401  (imported once, not part of the query time)

        t0 = time.perf_counter()
        frame = store.claims_frame(ClaimFilter())
        query = time.perf_counter() - t0
        t0 = time.perf_counter()
        filtered = store.claims_frame(ClaimFilter(since=date(2021, 6, 1), until=date(2021, 12, 31),
                                                  sources=["Outlet 1", "Outlet 2"]))
        query_f = time.perf_counter() - t0
        timings = {}
        for name, func in (("GeoJSON", lambda: to_geojson(frame)),
                           ("CSV (ACLED)", lambda: to_acled_csv(frame)),
                           ("GeoPackage", lambda: to_gpkg(frame, Path(tmp) / "out.gpkg"))):
            t0 = time.perf_counter()
            func()
            timings[name] = time.perf_counter() - t0
        store.close()
    print(f"claims stored for export: {len(frame)} (filled in {fill:.1f} s)")
    print(f"claims_frame, all {len(frame)}: {query * 1000:.0f} ms; filtered "
          f"({len(filtered)} rows): {query_f * 1000:.0f} ms")
    for name, seconds in timings.items():
        print(f"export {name} of {len(frame)} claims: {seconds:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, default=2,
                        help="also time a parallel ingest with this many processes (1: skip)")
    parser.add_argument("--place-share", type=float, default=0.2,
                        help="share of sentences naming places (0.2 is news-like)")
    parser.add_argument("--skip-ingest", action="store_true")
    parser.add_argument("--profile", action="store_true",
                        help="only profile the analysis of --articles articles "
                             "(bench.ingest_profile) and print where the time goes")
    args = parser.parse_args()
    if args.profile:
        from bench.ingest_profile import profile_analysis

        names = place_names()
        profile_analysis(generate_articles(args.articles, names, place_share=args.place_share))
        return
    if not args.skip_ingest:
        bench_ingest(args.articles, args.jobs, args.place_share)
    bench_export(args.claims)


if __name__ == "__main__":
    main()
