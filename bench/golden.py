"""Golden output of the analysis: ``python -m bench.golden OUT.json [--check BEFORE.json]``.

Speed work must not change what the analysis reads. This analyses a fixed set of texts
and writes a canonical JSON digest of every mention (span, candidates with coordinates
rounded to 1e-5, scores, reasons, trace), every claim (the evaluation dict with its trace
and reasons) and every distance verdict, so two versions of the code can be compared
byte for byte:

- the generated ``bench.ingest`` articles (fixed seeds; ``--articles``, default 60),
  through :func:`claims.analyze_article`;
- the LGL and GeoWebNews development texts (``shared/eval/geoparse``), through
  ``analyze_article`` and through the gold-span resolver;
- the English claims development sentences (``shared/eval/claims``) and the Arabic
  development set (``tests/data/arabic``), through :func:`claims.lines.run_file` and, for
  the Arabic geoparse set, ``analyze_article``;
- the Arabic probe halves (``probes_tune/``, ``probes_holdout/``; never the blind set):
  their articles through ``analyze_article``, their claim and negative lines through
  ``run_file``.

``--check BEFORE.json`` compares with an earlier digest and prints the first sections
that differ (exit 1 when any does).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from core.paths import eval_dir

ARABIC_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "arabic"
GEOPARSE_CORPORA = ("lgl_dev.jsonl", "geowebnews_dev.jsonl")
CLAIM_SETS = (("en", "claims", "distance_claims_dev.jsonl"),
              ("en", "claims", "control_claims_dev.jsonl"),
              ("ar", None, "distance_claims_ar_dev.jsonl"),
              ("ar", None, "control_claims_ar_dev.jsonl"))
#: The Arabic probe halves digested (the blind set is measurement-only: never here).
ARABIC_PROBE_DIRS = ("probes_tune", "probes_holdout")
ARABIC_PROBE_LINES = ("distance_claims_ar_dev.jsonl", "control_claims_ar_dev.jsonl",
                      "negatives_ar.jsonl")
#: Keys whose float values are coordinates (rounded to 1e-5); other floats keep 1e-9.
COORDINATE_KEYS = frozenset({"lat", "lon", "anchor_lat", "anchor_lon", "subject_lat",
                             "subject_lon", "place_lat", "place_lon"})


def canonical(value: Any, key: str | None = None) -> Any:
    """Return ``value`` as plain JSON data: dataclasses as dicts, floats rounded, dates ISO."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        if value != value:  # NaN
            return "nan"
        return round(value, 5 if key in COORDINATE_KEYS else 9)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: canonical(getattr(value, f.name), f.name)
                for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): canonical(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [canonical(v, key) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(repr(canonical(v, key)) for v in value)
    if hasattr(value, "exterior"):  # a shapely polygon (verdict region)
        return [[round(x, 5), round(y, 5)] for x, y in value.exterior.coords]
    return repr(value)


def _rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _analysis(text: str, **kwargs: Any) -> Any:
    from claims import analyze_article

    result = analyze_article(text, **kwargs)
    return {"mentions": canonical(result.mentions), "claims": canonical(result.claims),
            "conflict": result.conflict,
            "verdicts": {str(i): canonical(v) for i, v in sorted(result.verdicts.items())}}


def digest(n_articles: int) -> dict[str, Any]:
    """Return the digest of every section (see the module docstring)."""
    from bench.ingest import generate_articles, place_names
    from claims.lines import run_file
    from cli.geoparse_cmd import predict_document
    from gazetteer.geoparse import get_geoparser

    out: dict[str, Any] = {}
    articles = generate_articles(n_articles, place_names())
    out["bench_articles"] = [
        _analysis(a.text, title=a.title, published=a.published, source=a.source)
        for a in articles]
    base = eval_dir()
    parser = get_geoparser()
    for name in GEOPARSE_CORPORA:
        docs = _rows(base / "geoparse" / name) if base else []
        out[f"analyze:{name}"] = [
            _analysis(d["text"], title=d.get("title") or None, published=None) for d in docs]
        out[f"gold_spans:{name}"] = [
            canonical(predict_document(d, gold_spans=True, parser=parser)) for d in docs]
        out[f"end_to_end:{name}"] = [
            canonical(predict_document({k: v for k, v in d.items() if k != "toponyms"},
                                       gold_spans=False, parser=parser)) for d in docs]
    ar_docs = _rows(ARABIC_DIR / "geoparse_ar_dev.jsonl")
    out["analyze:geoparse_ar_dev.jsonl"] = [
        _analysis(d["text"], title=d.get("title") or None, published=d.get("date"))
        for d in ar_docs]
    out["gold_spans:geoparse_ar_dev.jsonl"] = [
        canonical(predict_document(d, gold_spans=True, parser=parser)) for d in ar_docs]
    for sub in ARABIC_PROBE_DIRS:
        folder = ARABIC_DIR / sub
        out[f"analyze:{sub}/geoparse_ar_dev.jsonl"] = [
            _analysis(d["text"], title=d.get("title") or None, published=d.get("date"))
            for d in _rows(folder / "geoparse_ar_dev.jsonl")]
        for name in ARABIC_PROBE_LINES:
            out[f"claims:{sub}/{name}"] = canonical(run_file(_rows(folder / name), explain=True))
    for _lang, sub, name in CLAIM_SETS:
        folder = (base / sub if base else None) if sub else ARABIC_DIR
        rows = _rows(folder / name) if folder else []
        out[f"claims:{name}"] = canonical(run_file(rows, explain=True))
        out[f"claims_unresolved:{name}"] = canonical(run_file(rows, resolve=False))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--check", type=Path, help="an earlier digest to compare with")
    args = parser.parse_args(argv)
    data = digest(args.articles)
    args.out.write_text(json.dumps(data, sort_keys=True, ensure_ascii=False, indent=0) + "\n",
                        encoding="utf-8")
    print(f"digest written to {args.out}: " + ", ".join(
        f"{k} {len(v)}" for k, v in data.items()))
    if args.check is None:
        return 0
    before = json.loads(args.check.read_text(encoding="utf-8"))
    differing = [k for k in sorted(set(before) | set(data)) if before.get(k) != data.get(k)]
    for key in differing:
        old, new = before.get(key) or [], data.get(key) or []
        first = next((i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
                     min(len(old), len(new)))
        print(f"DIFFERS: {key} (first at item {first})")
    if not differing and args.check.read_bytes() == args.out.read_bytes():
        print("identical (byte for byte)")
        return 0
    if not differing:
        print("same data, different bytes")
    return 1


if __name__ == "__main__":
    sys.exit(main())
