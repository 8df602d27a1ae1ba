"""The geoparser's rule tables and how often each rule decided on the development sets.

Run ``python -m bench.rules [--limit N]``. Prints the recognition rules (kept / dropped
counts end to end) and the mention passes (how many output mentions each moved), in table
order, for each development corpus in ``../shared/eval/geoparse``.
``python -m bench.rules --ablate [--only NAME ...]`` prints what switching each rule off
changes on LGL and GeoWebNews halves and the probe tune file (:mod:`bench.rules_ablation`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from core.paths import eval_dir
from gazetteer.geoparse import get_geoparser
from gazetteer.passes import MENTION_PASSES
from gazetteer.recognition_rules import KEPT_BY_DEFAULT, RECOGNITION_RULES
from gazetteer.recognize import LISTED_WITH_PLACES, STREET_NAME

CORPORA = ("lgl_dev.jsonl", "geowebnews_dev.jsonl")


def _counts(docs: list[dict]) -> tuple[Counter, Counter, Counter]:
    parser = get_geoparser()
    kept: Counter = Counter()
    dropped: Counter = Counter()
    moved: Counter = Counter()
    for doc in docs:
        mentions, drops = parser.geoparse_explained(
            doc["text"], title=doc.get("title") or None, url=doc.get("url") or None
        )
        dropped.update(d.rule for d in drops)
        for mention in mentions:
            kept[mention.trace[0] if mention.trace else "?"] += 1
            if LISTED_WITH_PLACES in mention.trace:
                kept[LISTED_WITH_PLACES] += 1
            for name in mention.trace[1:]:
                moved[name.split(":")[0]] += 1
                if ":" in name:
                    moved[name] += 1
    return kept, dropped, moved


def main(argv: list[str] | None = None) -> int:
    """Print the rule tables with their counts."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--ablate", action="store_true", help="switch each rule off in turn")
    ap.add_argument("--only", nargs="*", default=None, help="ablate only these rule names")
    args = ap.parse_known_args(argv)[0]
    root = eval_dir()
    if root is None:
        print("development sets not found", file=sys.stderr)
        return 1
    if args.ablate:
        from bench.geoparse import PROBE_FILES
        from bench.rules_ablation import ablate

        paths = {Path(c).stem: root / "geoparse" / c for c in CORPORA}
        paths[PROBE_FILES[0].stem] = PROBE_FILES[0]
        ablate(paths, args.only)
        return 0
    print(f"recognition rules: {len(RECOGNITION_RULES)}; mention passes: {len(MENTION_PASSES)}")
    for corpus in CORPORA:
        with (root / "geoparse" / corpus).open(encoding="utf-8") as handle:
            docs = [json.loads(line) for line in handle if line.strip()]
        kept, dropped, moved = _counts(docs)
        print(f"\n== {corpus}: {len(docs)} documents")
        # "kept" of a drop rule: matches it dropped that were then kept as listed with places.
        print(f"  {'recognition rule':34} {'decides':7} {'kept':>6} {'dropped':>8}")
        for rule in RECOGNITION_RULES:
            print(f"  {rule.name:34} {rule.decides:7} {kept[rule.name]:6} {dropped[rule.name]:8}")
        print(f"  {KEPT_BY_DEFAULT:34} {'keep':7} {kept[KEPT_BY_DEFAULT]:6} {0:8}")
        print(f"  {STREET_NAME:34} {'drop':7} {0:6} {dropped[STREET_NAME]:8}")
        print(f"  {LISTED_WITH_PLACES:34} {'keep':7} {kept[LISTED_WITH_PLACES]:6} {0:8}")
        print(f"  {'mention pass / step':34} {'mentions changed':>16}")
        for name in ("resolver-ranking", "part-of-name", *(p.name for p in MENTION_PASSES)):
            print(f"  {name:34} {moved[name]:16}")
        for name in sorted(k for k in moved if ":" in k):
            print(f"    {name:32} {moved[name]:16}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
