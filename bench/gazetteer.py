"""Benchmark of the gazetteer index: build time, cold start, memory, lookup speed, coverage.

Run ``python -m bench.gazetteer`` (add ``--rebuild`` to time a fresh build into a temporary
directory). Coverage is the share of gold toponyms in the geoparse development sets for
which ``lookup(name)`` returns at least one candidate within 161 km of the gold point: an
upper bound on what any resolver can reach with this gazetteer. ``top1`` is the share where
the first candidate (best tier, then population) is within 161 km -- a naive baseline.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from geo.geodesic import distance_km

_COLD_START = (
    "import time; t = time.perf_counter();"
    "from gazetteer.index import get_index; ix = get_index(); ix.lookup('Tripoli');"
    "import re; hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read());"
    "print(time.perf_counter() - t, hwm.group(1))"
)


def _rss_mb() -> float:
    """Peak resident memory of this process in MB (VmHWM; ru_maxrss survives exec on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_BUILD = (
    "import sys, time; from pathlib import Path; from gazetteer.build import build_index;"
    "t = time.perf_counter(); build_index(Path(sys.argv[1]));"
    "import re; hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read());"
    "print(time.perf_counter() - t, hwm.group(1))"
)


def time_build() -> tuple[float, float]:
    """Build the default index into a temporary directory in a fresh interpreter.

    Returns the seconds taken and the build's peak resident memory in MB.
    """
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run([sys.executable, "-c", _BUILD, str(Path(tmp) / "bench.sqlite")],
                             capture_output=True, text=True, check=True, env=dict(os.environ))
    seconds, rss_kb = out.stdout.split()
    return float(seconds), float(rss_kb) / 1024


def cold_start() -> tuple[float, float]:
    """Open the (already built) index in a fresh interpreter: seconds to first lookup, RSS MB."""
    out = subprocess.run([sys.executable, "-c", _COLD_START], capture_output=True, text=True,
                         check=True, env=dict(os.environ))
    seconds, rss_kb = out.stdout.split()
    return float(seconds), float(rss_kb) / 1024


def coverage(index, path: Path) -> dict[str, float]:
    """Share of gold toponyms with a candidate (and a first candidate) within 161 km."""
    total = hit = top1 = found = 0
    missing: Counter[str] = Counter()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            doc = json.loads(line)
            for toponym in doc["toponyms"]:
                if toponym.get("lat") is None:
                    continue
                total += 1
                places = index.lookup(toponym["name"])
                if places:
                    found += 1
                gold = (toponym["lat"], toponym["lon"])
                near = [p for p in places if distance_km((p.lat, p.lon), gold) <= 161.0]
                if near:
                    hit += 1
                    if places[0] in near:
                        top1 += 1
                else:
                    missing[toponym["name"]] += 1
    return {"toponyms": total, "any_candidate": found / total, "coverage@161": hit / total,
            "top1@161": top1 / total, "missing": missing.most_common(25)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rebuild", action="store_true", help="also time a fresh build")
    parser.add_argument("--missing", action="store_true", help="print the most missed names")
    args = parser.parse_args(argv)

    from core.paths import eval_dir
    from gazetteer.index import get_index

    if args.rebuild:
        seconds, rss = time_build()
        print(f"build_seconds: {seconds:.1f}")
        print(f"build_peak_rss_mb: {rss:.0f}")
    started = time.perf_counter()
    index = get_index()
    print(f"open_seconds (this process, built if missing): {time.perf_counter() - started:.2f}")
    print(f"index_build_seconds (recorded): {index.meta.get('build_seconds')}")
    seconds, rss = cold_start()
    print(f"cold_start_seconds: {seconds:.3f}")
    print(f"cold_start_rss_mb: {rss:.0f}")
    print(f"index_file_mb: {index.path.stat().st_size / 1e6:.0f}")
    for key, value in index.stats().items():
        print(f"{key}: {value}")
    names = ["Tripoli", "Misurata", "Gharian", "Texas", "Paris", "Springfield", "Libyan",
             "Eastern Mediterranean", "Cook County", "Xyzzyville"]
    index.lookup("warm-up")
    started = time.perf_counter()
    rounds = 0
    while time.perf_counter() - started < 1.0:
        for name in names:
            index.lookup(name)
        rounds += 1
    rate = rounds * len(names) / (time.perf_counter() - started)
    print(f"lookups_per_second (cached): {rate:.0f}")
    base = eval_dir()
    distinct = [f"{name}{suffix}" for suffix in ("", "x", "y") for name in names]
    if base is not None:  # real names: the distinct gold toponyms of the dev sets
        distinct = []
        for path in sorted((base / "geoparse").glob("*.jsonl")):
            with path.open(encoding="utf-8") as handle:
                for line in handle:
                    distinct += [t["name"] for t in json.loads(line)["toponyms"]]
        distinct = list(dict.fromkeys(distinct))
    index._rows_for_key.cache_clear()  # noqa: SLF001 - measure uncached speed
    index._match_cache.clear()  # noqa: SLF001
    started = time.perf_counter()
    for name in distinct:
        index.lookup(name)
    rate = len(distinct) / (time.perf_counter() - started)
    print(f"lookups_per_second (uncached, {len(distinct)} distinct names): {rate:.0f}")
    if base is None:
        print("coverage: development sets not found")
        return
    for path in sorted((base / "geoparse").glob("*.jsonl")):
        result = coverage(index, path)
        print(f"{path.stem}: toponyms={result['toponyms']} "
              f"any_candidate={result['any_candidate']:.3f} "
              f"coverage@161={result['coverage@161']:.3f} top1@161={result['top1@161']:.3f}")
        if args.missing:
            print("  most missed:", result["missing"])
    print(f"bench_process_rss_mb: {_rss_mb():.0f}")


if __name__ == "__main__":
    main()
