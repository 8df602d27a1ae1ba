"""Score claim extraction on the probe tables: ``python -m bench.probes [DIR]``.

The probe tables (``tests/claims/data/probe_*.jsonl``) are short articles about wars the
extractor was not developed on, with the claims each sentence must give and lines that
must give none (see :mod:`claims.probes`). Prints precision/recall/F1 as ``bench.claims``
does, per conflict, and the misses (gold claims not found) and spurious claims counted
by kind of language, most frequent first.
"""

from __future__ import annotations

import sys
from pathlib import Path

from claims.probes import ProbeResult, load_probe_rows, run_probes, score_probes

DATA = Path(__file__).resolve().parent.parent / "tests" / "claims" / "data"
FILES = ("probe_control.jsonl", "probe_control_round8.jsonl", "probe_distance.jsonl")


def _line(name: str, result: ProbeResult) -> str:
    d = result.scores.as_dict()
    if result.kind == "distance":
        return (f"{name}: distance P {d['distance_precision']:.3f} R {d['distance_recall']:.3f} "
                f"F1 {d['distance_f1']:.3f}")
    dated = (f"{d['event_date_accuracy_dated_gold']:.3f} of {result.scores.date_gold}"
             if result.scores.date_gold else "n/a")
    return (f"{name}: control P {d['control_precision']:.3f} R {d['control_recall']:.3f} "
            f"F1 {d['control_f1']:.3f}; with actor P {d['control_actor_precision']:.3f} "
            f"R {d['control_actor_recall']:.3f} F1 {d['control_actor_f1']:.3f}; "
            f"event date right on found dated claims {dated}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    base = Path(argv[0]) if argv else DATA
    for name in FILES:
        rows = load_probe_rows(base / name)
        outputs = run_probes(rows)
        result = score_probes(rows, outputs)
        gold = sum(1 for r in rows if r.get("action") or r.get("quote"))
        print(_line(f"{name} ({len(rows)} lines, {gold} gold claims)", result))
        for conflict in sorted({r.get("conflict") for r in rows}, key=str):
            pick = [i for i, r in enumerate(rows) if r.get("conflict") == conflict]
            sub = score_probes([rows[i] for i in pick], [outputs[i] for i in pick])
            print("  " + _line(str(conflict), sub))
        missed = ", ".join(f"{k} {n}" for k, n in result.missed_by_kind.most_common() if n)
        spurious = ", ".join(f"{k} {n}" for k, n in result.spurious_by_kind.most_common() if n)
        print(f"  missed by kind of language: {missed or 'none'}")
        print(f"  spurious by kind of language: {spurious or 'none'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
