"""Benchmark claim extraction on the development sets: ``python -m bench.claims``.

``--lang ar`` scores the Arabic development set in ``tests/data/arabic`` instead (or the
directory given); ``--lang ar --probes`` prints one line per Arabic set: the dev set, the
tune half and the holdout half of the probe sets, the round-6, round-7 and round-8 sets and
the blind set (``probes_tune/``, ``probes_holdout/``, ``probes_round6/``, ``probes_round7/``,
``probes_round8/``, ``probes_blind/`` beside it, same file names), so
the holdout and the blind set are only ever seen in aggregate. In English the probe tables
of ``tests/claims/data`` are printed after the dev set, one line per table, the round-8 and
blind tables' labelled.
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

from claims.lines import run_file
from claims.score import score_claims
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
    if "--probes" in argv and lang == "ar":
        argv.remove("--probes")
        return print_arabic_sets([Path(a) for a in argv] or None)
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
    _print_by_war(dist_rows, dist_out, ctl_rows, ctl_out)
    if lang == "en":  # the probe tables and the English parser are English
        _print_probes()
        _print_parser_side_by_side(ctl_rows, ctl)
    return 0


#: The Arabic sets ``--probes`` prints: the dev set, the two probe halves and the blind set.
ARABIC_SETS: tuple[tuple[str, Path], ...] = (
    ("dev", ARABIC_DIR), ("tune", ARABIC_DIR / "probes_tune"),
    ("holdout", ARABIC_DIR / "probes_holdout"), ("round6", ARABIC_DIR / "probes_round6"),
    ("round7", ARABIC_DIR / "probes_round7"), ("round8", ARABIC_DIR / "probes_round8"),
    ("round9", ARABIC_DIR / "probes_round9"), ("round10", ARABIC_DIR / "probes_round10"),
    ("round11", ARABIC_DIR / "probes_round11"), ("round12", ARABIC_DIR / "probes_round12"),
    ("blind", ARABIC_DIR / "probes_blind"))


def print_arabic_sets(dirs: list[Path] | None = None) -> int:
    """Print one line of figures per Arabic set (dev, tune, holdout, blind), and throughput.

    Control P/R/F1 (action + place) and F1 with the actor, distance P/R/F1, event-date
    accuracy, and the control claims printed for the set's negative sentences (all false);
    a set whose files are missing is said to be so.
    """
    sets = [(d.name, d) for d in dirs] if dirs else list(ARABIC_SETS)
    dist_name, ctl_name = DEV_SETS["ar"]
    for label, base in sets:
        if not (base / dist_name).is_file() or not (base / ctl_name).is_file():
            print(f"{label}: no {dist_name} / {ctl_name} in {base}")
            continue
        dist_rows, ctl_rows = _rows(base / dist_name), _rows(base / ctl_name)
        run_file(dist_rows[:1])
        start = time.process_time()
        dist_out, ctl_out = run_file(dist_rows), run_file(ctl_rows)
        cpu = time.process_time() - start
        d = score_claims(dist_rows, dist_out).as_dict()
        c = score_claims(ctl_rows, ctl_out).as_dict()
        lines = len(dist_rows) + len(ctl_rows)
        print(f"{label} ({len(ctl_rows)} control, {len(dist_rows)} distance gold): control "
              f"P {c['control_precision']:.3f} R {c['control_recall']:.3f} "
              f"F1 {c['control_f1']:.3f} (with actor {c['control_actor_f1']:.3f}); distance "
              f"P {d['distance_precision']:.3f} R {d['distance_recall']:.3f} "
              f"F1 {d['distance_f1']:.3f}; event date {c['event_date_accuracy']:.3f}; "
              f"{_negative_claims(base)}{lines / cpu:.0f} lines per CPU second")
    return 0


def _negative_claims(base: Path) -> str:
    """"negatives N claims on M lines; " for a set with a negatives file, else ""."""
    path = base / "negatives_ar.jsonl"
    if not path.is_file():
        return ""
    rows = _rows(path)
    printed = sum(1 for out in run_file(rows) for claim in out.get("claims", [])
                  if claim.get("kind") == "control")
    return f"negatives {printed} claims on {len(rows)} lines; "


def _print_parser_side_by_side(ctl_rows: list[dict], rules: dict[str, float]) -> None:
    """The same control claims with actors read from a dependency parse, and its cost."""
    from claims.parse import available

    if not available():
        print("dependency parser not installed: rule-based roles only")
        return
    run_file(ctl_rows[:1], parser="parse")  # load the model
    start = time.perf_counter()
    out = run_file(ctl_rows, parser="parse")
    elapsed = time.perf_counter() - start
    parsed = score_claims(ctl_rows, out).as_dict()
    sentences = len({r["sentence"] for r in ctl_rows})
    print(f"actors from the dependency parse (--parser parse) vs rules: control F1 "
          f"{parsed['control_f1']:.3f} vs {rules['control_f1']:.3f}, with actor "
          f"{parsed['control_actor_f1']:.3f} vs {rules['control_actor_f1']:.3f}; "
          f"{sentences / elapsed:.1f} sentences/s")


def _f1s(dist_rows: list[dict], dist_out: list[dict], ctl_rows: list[dict],
         ctl_out: list[dict]) -> dict[str, float]:
    dist = score_claims(dist_rows, dist_out).as_dict() if dist_rows else {}
    ctl = score_claims(ctl_rows, ctl_out).as_dict() if ctl_rows else {}
    return {"distance": dist.get("distance_f1", float("nan")),
            "control": ctl.get("control_f1", float("nan")),
            "actor": ctl.get("control_actor_f1", float("nan")),
            "date": ctl.get("event_date_accuracy", float("nan"))}


def _print_by_war(dist_rows: list[dict], dist_out: list[dict], ctl_rows: list[dict],
                  ctl_out: list[dict]) -> None:
    """Figures per war of the development set, and the gap between them.

    The extractor has no trained weights: what generalizes is read off one war's figures
    against the other's (rules written for Libyan reporting, scored on Syrian, and the
    reverse). A gap much above 0.05 marks rules that only fit one war's wording.
    """
    wars = sorted({r.get("conflict") or "?" for r in dist_rows + ctl_rows})
    figures = {}
    for war in wars:
        d = [(r, o) for r, o in zip(dist_rows, dist_out, strict=True) if r.get("conflict") == war]
        c = [(r, o) for r, o in zip(ctl_rows, ctl_out, strict=True) if r.get("conflict") == war]
        figures[war] = _f1s([r for r, _ in d], [o for _, o in d], [r for r, _ in c],
                            [o for _, o in c])
        f = figures[war]
        print(f"  {war}: {len(c)} control, {len(d)} distance gold claims; control F1 "
              f"{f['control']:.3f} (with actor {f['actor']:.3f}), distance F1 "
              f"{f['distance']:.3f}, event date {f['date']:.3f}")
    if len(wars) == 2:
        a, b = (figures[w] for w in wars)
        print(f"cross-war gap ({wars[0]} vs {wars[1]}): control F1 "
              f"{abs(a['control'] - b['control']):.3f}, with actor "
              f"{abs(a['actor'] - b['actor']):.3f}")


#: The English probe tables ``_print_probes`` scores, as (label, file in ``tests/claims/data``):
#: the first tables, the round-8 to round-12 control tables (each written before
#: its round's rules, so its first figures were untuned) and the blind set, written without
#: reading the extractor or the development sentences (``probes_blind_README.md``): only
#: these aggregate lines are ever printed for it.
PROBE_FILES: tuple[tuple[str, str], ...] = (
    ("", "probe_control.jsonl"),
    ("round8", "probe_control_round8.jsonl"),
    ("round9", "probe_control_round9.jsonl"),
    ("round10", "probe_control_round10.jsonl"),
    ("round11", "probe_control_round11.jsonl"),
    ("round12", "probe_control_round12.jsonl"),
    ("", "probe_distance.jsonl"),
    ("blind", "probe_control_blind.jsonl"),
    ("blind", "probe_distance_blind.jsonl"),
)


def _print_probes() -> None:
    """Figures on the probe articles of other wars written for the tests, when present.

    One control line and one distance line per probe set (the blind set's are labelled
    "blind"). Scored by :func:`claims.probes.score_probes`: a claim printed for a line that
    states none counts against precision too.
    """
    from claims.probes import load_probe_rows, score_probes

    base = Path(__file__).resolve().parent.parent / "tests" / "claims" / "data"
    for label, name in PROBE_FILES:
        path = base / name
        if not path.is_file():
            continue
        prefix = f"{label} " if label else ""
        rows = load_probe_rows(path)
        result = score_probes(rows, run_file(rows)).scores.as_dict()
        wars = len({r.get("conflict") for r in rows})
        if "control" in path.name:
            print(f"{prefix}probe articles of {wars} other wars, control (tests/claims/data): P "
                  f"{result['control_precision']:.3f} R {result['control_recall']:.3f} F1 "
                  f"{result['control_f1']:.3f}; with actor {result['control_actor_f1']:.3f}; "
                  f"event date {result['event_date_accuracy']:.3f} (on gold claims with a date "
                  f"{result['event_date_accuracy_dated_gold']:.3f})")
        else:
            print(f"{prefix}probe articles of {wars} other wars, distance: P "
                  f"{result['distance_precision']:.3f} R {result['distance_recall']:.3f} F1 "
                  f"{result['distance_f1']:.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
