"""Geoparser benchmark: accuracy on the development sets, throughput and memory.

Run ``python -m bench.geoparse [--limit N] [--errors K] [--lang all|en|ar]``. For each
development corpus in ``../shared/eval/geoparse`` and the Arabic one in
``tests/data/arabic`` it prints acc@161, median error, AUC (gold spans and end to
end), recognition precision / recall / F1 (exact and overlapping spans), articles per
second (and normalised to 500-word articles), and the peak resident memory. Gold-span
acc@161 is also printed for two halves of each corpus split by document id, so a change
tuned on one half can be checked on the other.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import zlib
from pathlib import Path

from cli.geoparse_cmd import predict_document
from core.paths import eval_dir
from gazetteer.evaluation import great_circle_km, score_predictions

CORPORA = ("lgl_dev.jsonl", "geowebnews_dev.jsonl")


def _load(path: Path, limit: int | None) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        docs = [json.loads(line) for line in handle if line.strip()]
    return docs[:limit] if limit else docs


def _half(doc_id: str) -> int:
    """Return 0 or 1, a stable split of a corpus by document id (to check for overfitting)."""
    return zlib.crc32(doc_id.encode("utf-8")) % 2


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def _print_errors(docs: list[dict], outputs: list[dict], k: int) -> None:
    shown = 0
    for doc, out in zip(docs, outputs, strict=True):
        for gold, pred in zip(doc["toponyms"], out["toponyms"], strict=True):
            if pred["lat"] is None:
                err = None
            else:
                err = great_circle_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"])
            if err is None or err > 161:
                print(
                    f"  {doc['id']:>20} {gold['name']!r:28}"
                    f" gold=({gold['lat']:.2f},{gold['lon']:.2f})"
                    f" {gold.get('type')} pred=({pred['lat']},{pred['lon']}) {pred['feature_code']}"
                    f" err={err if err is None else round(err)}"
                )
                shown += 1
                if shown >= k:
                    return


#: The Arabic development set written for the project (issue 16), scored like the others.
ARABIC_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "arabic" / \
    "geoparse_ar_dev.jsonl"


def _corpora(lang: str) -> list[Path]:
    base = eval_dir()
    paths = [base / "geoparse" / name for name in CORPORA] if base and lang != "ar" else []
    return paths + ([ARABIC_CORPUS] if lang != "en" else [])


def run(limit: int | None = None, errors: int = 0, lang: str = "all") -> int:
    corpora = _corpora(lang)
    if not any(path.exists() for path in corpora):
        print("development sets not found (set CONFLICTMAP_EVAL_DIR)", file=sys.stderr)
        return 1
    from gazetteer.geoparse import get_geoparser

    t0 = time.perf_counter()
    parser = get_geoparser()
    parser.places_for("Paris")
    print(
        f"index + parser ready in {time.perf_counter() - t0:.2f} s,"
        f" peak RSS {_peak_rss_mb():.0f} MB"
    )
    _ = parser.recognizer.find("Warm up the person-name lists, Mr. Smith of Paris.")
    for path in corpora:
        name = path.name
        if not path.exists():
            continue
        docs = _load(path, limit)
        words = sum(len(d["text"].split()) for d in docs)
        # Throughput, in CPU seconds of this process (the machine is shared): a first pass
        # on cold lookup caches (end to end runs before anything else touches this corpus),
        # then a second pass with them warm.
        parser.recognizer._cache.clear()
        parser._match_cache.clear()
        parser._arabic_cache.clear()
        c1 = time.process_time()
        e2e_out = [predict_document(d, gold_spans=False, parser=parser) for d in docs]
        cold = time.process_time() - c1
        c2 = time.process_time()
        for d in docs:
            predict_document(d, gold_spans=False, parser=parser)
        warm = time.process_time() - c2
        gold_out = [predict_document(d, gold_spans=True, parser=parser) for d in docs]
        gold_metrics = score_predictions(docs, gold_out, gold_spans=True)["resolution"]
        e2e = score_predictions(docs, e2e_out, gold_spans=False)
        rec, res = e2e["recognition"], e2e["resolution"]
        print(
            f"\n== {name}: {len(docs)} documents, {sum(len(d['toponyms']) for d in docs)} toponyms,"
            f" {words / len(docs):.0f} words/doc"
        )
        print(
            f"gold spans : acc@161 {gold_metrics['acc161']:.3f}"
            f"  median {gold_metrics['median_km']:.1f} km"
            f"  AUC {gold_metrics['auc']:.3f}  unresolved {gold_metrics['unresolved']}"
        )
        print(
            f"end to end : acc@161 {res['acc161']:.3f}  median {res['median_km']:.1f} km"
            f"  AUC {res['auc']:.3f}"
        )
        print(
            f"recognition: exact P {rec['precision']:.3f} R {rec['recall']:.3f}"
            f" F1 {rec['f1']:.3f} | overlap P {rec['overlap_precision']:.3f}"
            f" R {rec['overlap_recall']:.3f} F1 {rec['overlap_f1']:.3f}"
        )
        for label, seconds in (("cold caches", cold), ("warm caches", warm)):
            print(
                f"throughput : {len(docs) / seconds:.1f} articles/s "
                f"({words / 500.0 / seconds:.1f} 500-word articles/s) end to end, one core, {label}"
            )
        halves = []
        for half in (0, 1):
            picked = [
                (d, o) for d, o in zip(docs, gold_out, strict=True) if _half(d["id"]) == half
            ]
            if picked:
                m = score_predictions(
                    [d for d, _o in picked], [o for _d, o in picked], gold_spans=True
                )["resolution"]
                halves.append(f"half {half} ({len(picked)} docs) {m['acc161']:.4f}")
        print("gold spans : acc@161 by document half (crc32(id) parity): " + ", ".join(halves))
        if errors:
            _print_errors(docs, gold_out, errors)
    print(f"\npeak RSS {_peak_rss_mb():.0f} MB")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents per corpus")
    ap.add_argument(
        "--errors", type=int, default=0, help="print up to K gold-span errors per corpus"
    )
    ap.add_argument("--lang", choices=("all", "en", "ar"), default="all",
                    help="English corpora, the Arabic dev set, or both (default)")
    args = ap.parse_args(argv)
    return run(args.limit, args.errors, args.lang)


if __name__ == "__main__":
    raise SystemExit(main())
