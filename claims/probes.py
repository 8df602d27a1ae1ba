"""Score claim extraction on probe tables: short articles, with lines that give no claim.

A probe file (``tests/claims/data/probe_control.jsonl``, ``probe_distance.jsonl``) has one line
per gold claim, in the formats of ``shared/eval/README.md``, and one more kind of line: a
sentence that holds no claim of the file's kind has a line whose claim field is null
(``"action": null`` for control, ``"quote": null`` for distance). Such lines give the later
sentences of the article their context and count every predicted claim of that kind as a
false positive. The lines of an article are consecutive and in reading order, so running
them through the CLI's ``run_file`` gives each sentence the article's earlier sentences.

Each line also has a ``kind``: the kinds of language it probes, joined by ``+``
(``place_ref+actor_ref``), so misses can be counted by kind of language.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claims.score import ClaimScores, score_claims
from core.errors import DataSourceError

__all__ = ["ProbeResult", "is_claim_line", "load_probe_rows", "run_probes", "score_probes"]

#: The claim field that is null on a line without a claim, by file kind.
_CLAIM_FIELD = {"control": "action", "distance": "quote"}


@dataclass
class ProbeResult:
    """The scores of one probe file and its misses counted by kind of language."""

    kind: str
    scores: ClaimScores
    missed_by_kind: Counter = field(default_factory=Counter)
    spurious_by_kind: Counter = field(default_factory=Counter)
    lines_by_kind: Counter = field(default_factory=Counter)


def file_kind(rows: Sequence[dict]) -> str:
    """Tell whether probe rows hold control or distance claims (by their fields).

    >>> file_kind([{"action": None}]), file_kind([{"quote": "5 km from X"}])
    ('control', 'distance')
    """
    return "control" if any("action" in r for r in rows) else "distance"


def is_claim_line(row: dict) -> bool:
    """Tell whether a probe line carries a gold claim (its claim field is not null).

    >>> is_claim_line({"action": "captured"}), is_claim_line({"action": None})
    (True, False)
    """
    if "action" in row:
        return row["action"] is not None
    return row.get("quote") is not None


def load_probe_rows(path: Path) -> list[dict]:
    """Read a probe file, checking that each article's lines are consecutive."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.strip()]
    except (OSError, json.JSONDecodeError) as err:
        raise DataSourceError(f"cannot read probe file {path}: {err}") from err
    closed: set[str] = set()
    previous = None
    for row in rows:
        article = row.get("article_id")
        if article != previous:
            if article in closed:
                raise DataSourceError(f"{path}: lines of article {article} are not consecutive")
            if previous is not None:
                closed.add(previous)
            previous = article
    return rows


def run_probes(rows: Sequence[dict], *, resolve: bool = True) -> list[dict]:
    """Extract claims for each probe line as ``conflictmap extract-claims`` does."""
    from claims.lines import run_file

    return run_file(list(rows), resolve=resolve)


def _kinds(row: dict) -> list[str]:
    return [k for k in str(row.get("kind") or "unlabelled").split("+") if k]


def score_probes(rows: Sequence[dict], outputs: Sequence[dict]) -> ProbeResult:
    """Score ``outputs`` against probe ``rows`` with ``claims.score`` rules plus null lines.

    Gold lines are scored by :func:`claims.score.score_claims`, line by line; each claim of
    the file's kind printed for a null line counts as a false positive.
    """
    kind = file_kind(rows)
    pairs = list(zip(rows, outputs, strict=True))
    gold = [(r, o) for r, o in pairs if is_claim_line(r)]
    scores = score_claims([r for r, _ in gold], [o for _, o in gold])
    result = ProbeResult(kind, scores)
    for row, out in pairs:
        for tag in _kinds(row):
            result.lines_by_kind[tag] += 1
        if is_claim_line(row):
            line = score_claims([row], [out])
            missed = line.ctl_fn + line.dist_fn
            spurious = line.ctl_fp + line.dist_fp
        else:
            missed = 0
            spurious = sum(1 for c in out.get("claims", []) if c.get("kind") == kind)
            for claim in out.get("claims", []):
                if claim.get("kind") != kind:
                    continue
                what = claim.get("action", "distance")
                scores.misses.append(f"FP {what} {claim.get('place') or claim.get('anchor')}")
            if kind == "control":
                scores.ctl_fp += spurious
            else:
                scores.dist_fp += spurious
        for tag in _kinds(row):
            result.missed_by_kind[tag] += missed
            result.spurious_by_kind[tag] += spurious
    return result
