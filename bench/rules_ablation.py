"""Cross-corpus rule ablation: what each named rule is worth, corpus by corpus.

For each named rule (recognition rules, qualifier rules, mention passes) the geoparser is
rebuilt with that rule switched off (``Geoparser(index, disabled={name})``, no patching)
and scored on LGL half 0 and 1, GeoWebNews half 0 and 1 (crc32 of the document id) and
the probe tune file. Printed: the change in gold-span acc@161 and in end-to-end
recognition F1 (overlap) when the rule is off, in points; a negative figure means the rule
helps there. A rule that helps one split and hurts another shows as mixed signs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path

from bench.geoparse_measure import Scored, score_corpus
from gazetteer.geoparse import Geoparser
from gazetteer.index import get_index
from gazetteer.informal import RECOGNITION_STEPS
from gazetteer.passes import MENTION_PASSES, PASS_SWITCHES
from gazetteer.qualifiers import QUALIFIER_RULES
from gazetteer.recognition_rules import RECOGNITION_RULES

__all__ = ["SPLITS", "ablate", "rule_names"]

#: The splits each rule is scored on: (label, corpus file stem, half or None for all).
SPLITS: tuple[tuple[str, str, int | None], ...] = (
    ("LGL h0", "lgl_dev", 0),
    ("LGL h1", "lgl_dev", 1),
    ("GWN h0", "geowebnews_dev", 0),
    ("GWN h1", "geowebnews_dev", 1),
    ("probe tune", "geo_probes_tune", None),
)


def rule_names() -> list[tuple[str, str]]:
    """Every switchable rule as ``(table, name)``, in table order."""
    return (
        [("recognition", r.name) for r in RECOGNITION_RULES]
        + [("recognition", name) for name, _example in RECOGNITION_STEPS]
        + [("qualifier", name) for name, _example in QUALIFIER_RULES]
        + [("pass", p.name) for p in MENTION_PASSES]
        + [("pass", name) for name, _example in PASS_SWITCHES]
    )


def _load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _figures(corpora: dict[str, list[dict]], disabled: frozenset[str]) -> dict[str, tuple]:
    parser = Geoparser(get_index(), disabled=disabled)
    scored: dict[str, Scored] = {stem: score_corpus(docs, parser) for stem, docs in
                                 corpora.items()}
    return {
        label: (scored[stem].acc("gold", part), scored[stem].f1(part))
        for label, stem, part in SPLITS
        if stem in scored
    }


def ablate(
    corpus_paths: dict[str, Path], only: Iterable[str] | None = None
) -> None:
    """Print the baseline figures and, per rule, the change when it is switched off."""
    corpora = {stem: _load(path) for stem, path in corpus_paths.items() if path.exists()}
    t0 = time.process_time()
    base = _figures(corpora, frozenset())
    labels = [label for label in base]
    print(f"baseline (all rules on), gold-span acc@161 / end-to-end F1 (overlap), "
          f"{time.process_time() - t0:.1f} CPU s:")
    print("  " + "  ".join(f"{lb}: {a:.4f}/{f:.4f}" for lb, (a, f) in base.items()))
    print("\nchange when the rule is off, in points (acc@161 / F1); negative: the rule helps")
    print(f"  {'table':11} {'rule':32} " + " ".join(f"{lb:>15}" for lb in labels))
    wanted = set(only) if only else None
    for table, name in rule_names():
        if wanted is not None and name not in wanted:
            continue
        off = _figures(corpora, frozenset({name}))
        cells = []
        for lb in labels:
            da = 100 * (off[lb][0] - base[lb][0])
            df = 100 * (off[lb][1] - base[lb][1])
            cells.append(f"{da:+6.2f}/{df:+6.2f}")
        print(f"  {table:11} {name:32} " + " ".join(f"{c:>15}" for c in cells), flush=True)
