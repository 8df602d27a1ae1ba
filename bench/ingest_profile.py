"""Where the analysis time goes: ``python -m bench.ingest --profile [--articles N]``.

Analyses N generated 500-word articles (``bench.ingest``'s generator) in this process,
first timed (articles per CPU second, no profiler), then under cProfile, and prints the
share of own time (tottime) per package of the project (gazetteer, claims, geo, store)
and per outside library, and the functions with the most own time.
"""

from __future__ import annotations

import cProfile
import pstats
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP_FUNCTIONS = 15


def _package(filename: str) -> str:
    """The project package (``gazetteer/``), or the outside library, of a code file."""
    if filename == "~":
        return "builtins (C: re, dict ...)"
    path = Path(filename)
    try:
        return path.resolve().relative_to(ROOT).parts[0]
    except ValueError:
        pass
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].split(".")[0]
    return "python" if filename.startswith(("/", "<")) or "~" in filename else filename


def profile_analysis(articles: list) -> None:
    """Time, then profile, ``claims.analyze_article`` over ``articles``; print the shares."""
    from claims import analyze_article

    analyze_article(articles[0].text, published=articles[0].published)  # warm up
    c0 = time.process_time()
    for a in articles:
        analyze_article(a.text, title=a.title, published=a.published, source=a.source)
    cpu = time.process_time() - c0
    print(f"analysis alone: {len(articles) / cpu:.1f} articles per CPU second "
          f"({cpu * 1000 / len(articles):.1f} ms CPU per article) [target >= 200]")
    prof = cProfile.Profile()
    prof.enable()
    for a in articles:
        analyze_article(a.text, title=a.title, published=a.published, source=a.source)
    prof.disable()
    stats = pstats.Stats(prof)
    by_package: Counter[str] = Counter()
    rows = []
    for (filename, line, name), (_cc, _nc, tottime, cumtime, _callers) in stats.stats.items():
        by_package[_package(filename)] += tottime
        rows.append((tottime, cumtime, f"{_package(filename)}:{Path(filename).name}:{line}"
                                         f"({name})"))
    total = sum(by_package.values()) or 1.0
    print("own time by package, under the profiler: " + ", ".join(
        f"{pkg} {t / total:.0%}" for pkg, t in by_package.most_common(8)))
    print(f"functions with the most own time (of {total:.1f} s profiled):")
    for tottime, cumtime, where in sorted(rows, reverse=True)[:TOP_FUNCTIONS]:
        print(f"  {tottime / total:5.1%} own, {cumtime / total:5.1%} with callees  {where}")
