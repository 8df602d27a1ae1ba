"""Benchmark claim extraction on the development sets: ``python -m bench.claims``.

``--lang ar`` scores the Arabic development set in ``tests/data/arabic`` instead.
Scores line by line, as the evaluation README specifies (the claims of a sentence that
repeats on several lines are spread over those lines by the CLI's ``run_file``).
Prints distance precision/recall (unit + value range + anchor), direction accuracy,
control precision/recall/F1 (action + place) and with the actor, event-date accuracy,
and throughput in sentences per second (with and without gazetteer resolution).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from claims.score import score_claims
from cli.claims_cmd import run_file
from core.paths import eval_dir


#: Development-set file names per language (``--lang``); Arabic ones live in the project.
DEV_SETS: dict[str, tuple[str, str]] = {
    "en": ("distance_claims_dev.jsonl", "control_claims_dev.jsonl"),
    "ar": ("distance_claims_ar_dev.jsonl", "control_claims_ar_dev.jsonl"),
}
ARABIC_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "arabic"


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = "en"
    if "--lang" in argv:  # --lang ar: the Arabic dev set written for the project
        at = argv.index("--lang")
        lang = argv[at + 1] if at + 1 < len(argv) else ""
        del argv[at:at + 2]
    if lang not in DEV_SETS:
        print(f"unknown --lang {lang!r} (one of {', '.join(DEV_SETS)})")
        return 2
    default = ARABIC_DIR if lang == "ar" else (eval_dir() / "claims" if eval_dir() else None)
    base = Path(argv[0]) if argv else default
    if base is None or not base.is_dir():
        print("no development sets found (pass a directory or set CONFLICTMAP_EVAL_DIR)")
        return 1
    dist_name, ctl_name = DEV_SETS[lang]
    dist_rows = _rows(base / dist_name)
    ctl_rows = _rows(base / ctl_name)
    run_file(dist_rows[:1])  # warm the gazetteer and the actor book
    start = time.perf_counter()
    dist_out = run_file(dist_rows)
    ctl_out = run_file(ctl_rows)
    elapsed = time.perf_counter() - start
    sentences = len({r["sentence"] for r in dist_rows}) + len({r["sentence"] for r in ctl_rows})
    start = time.perf_counter()
    run_file(dist_rows, resolve=False)
    run_file(ctl_rows, resolve=False)
    elapsed_text = time.perf_counter() - start
    dist = score_claims(dist_rows, dist_out).as_dict()
    ctl = score_claims(ctl_rows, ctl_out).as_dict()
    pooled = score_claims(ctl_rows, ctl_out, group_duplicates=True).as_dict()
    unsplit = score_claims(ctl_rows, run_file(ctl_rows, split_runs=False)).as_dict()
    print(f"distance claims ({len(dist_rows)} gold): precision {dist['distance_precision']:.3f} "
          f"recall {dist['distance_recall']:.3f} F1 {dist['distance_f1']:.3f}")
    print(f"direction accuracy (matched distance claims): {dist['direction_accuracy']:.3f}")
    print(f"control claims ({len(ctl_rows)} gold), action + place: precision "
          f"{ctl['control_precision']:.3f} recall {ctl['control_recall']:.3f} "
          f"F1 {ctl['control_f1']:.3f}")
    print(f"control claims with actor: precision {ctl['control_actor_precision']:.3f} "
          f"recall {ctl['control_actor_recall']:.3f} F1 {ctl['control_actor_f1']:.3f}")
    print(f"control F1 with repeated sentences pooled: {pooled['control_f1']:.3f} "
          f"(with actor {pooled['control_actor_f1']:.3f}); line by line without spreading "
          f"a sentence's claims over its lines: {unsplit['control_f1']:.3f}")
    print(f"event-date accuracy (matched control claims): {ctl['event_date_accuracy']:.3f}; "
          f"on gold claims with a date: {ctl['event_date_accuracy_dated_gold']:.3f}")
    print(f"throughput: {sentences / elapsed:.1f} sentences/s with gazetteer resolution, "
          f"{sentences / elapsed_text:.1f} sentences/s text only ({sentences} sentences)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
