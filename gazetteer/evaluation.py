"""Geoparsing metrics: resolution accuracy and error, and span recognition scores.

These are the standard measures of the geoparsing literature (Gritta et al. 2019,
"A Pragmatic Guide to Geoparsing Evaluation"), written once so the CLI ``--score``,
the tests and ``python -m bench.geoparse`` report exactly the same numbers.

- **acc@161**: share of gold toponyms resolved within 161 km (100 miles) of the gold
  point; an unresolved toponym counts as wrong (its error is :data:`MAX_ERROR_KM`).
- **median error** in km over all gold toponyms.
- **AUC** of the sorted error curve on a log scale, normalised to [0, 1]; lower is better.
- **recognition** precision / recall / F1 of predicted spans against gold spans, both for
  exact spans and for overlapping spans.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "ACC_KM",
    "gold_problem",
    "score_predictions",
    "MAX_ERROR_KM",
    "RecognitionScores",
    "ResolutionScores",
    "great_circle_km",
    "recognition_scores",
    "resolution_errors",
    "resolution_scores",
]

#: Threshold of acc@161 (100 miles).
ACC_KM: float = 161.0
#: Half the Earth's circumference: the error charged for an unresolved toponym.
MAX_ERROR_KM: float = 20039.0

_EARTH_RADIUS_KM = 6371.0088


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Return the great-circle distance in km (haversine; ample for a 161 km threshold).

    >>> round(great_circle_km(0, 0, 0, 1))
    111
    >>> great_circle_km(10, 20, 10, 20)
    0.0
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


@dataclass(frozen=True, slots=True)
class ResolutionScores:
    """Resolution quality over a set of gold toponyms."""

    n: int
    acc161: float
    median_km: float
    mean_km: float
    auc: float
    unresolved: int

    def as_dict(self) -> dict[str, float]:
        """Return the scores as a plain dict (for JSON output)."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class RecognitionScores:
    """Span recognition quality: exact-span and overlapping-span precision, recall, F1."""

    gold: int
    predicted: int
    precision: float
    recall: float
    f1: float
    overlap_precision: float
    overlap_recall: float
    overlap_f1: float

    def as_dict(self) -> dict[str, float]:
        """Return the scores as a plain dict (for JSON output)."""
        return asdict(self)


def resolution_errors(gold: Sequence[dict], predicted: Sequence[dict | None]) -> list[float]:
    """Return the error in km of each gold toponym given the aligned predictions.

    ``gold`` and ``predicted`` are parallel sequences of dicts with ``lat``/``lon``;
    a missing prediction or a null coordinate counts as :data:`MAX_ERROR_KM`.

    >>> resolution_errors([{"lat": 0, "lon": 0}, {"lat": 0, "lon": 0}],
    ...                   [{"lat": 0, "lon": 0}, {"lat": None, "lon": None}])
    [0.0, 20039.0]
    """
    errors: list[float] = []
    for index, truth in enumerate(gold):
        guess = predicted[index] if index < len(predicted) else None
        if not guess or guess.get("lat") is None or guess.get("lon") is None:
            errors.append(MAX_ERROR_KM)
            continue
        errors.append(
            great_circle_km(
                float(truth["lat"]), float(truth["lon"]), float(guess["lat"]), float(guess["lon"])
            )
        )
    return errors


def _auc(errors: Sequence[float]) -> float:
    """Area under the sorted log-error curve, normalised by log(MAX_ERROR_KM) (Gritta et al.)."""
    if not errors:
        return 0.0
    values = sorted(math.log(1.0 + e) / math.log(MAX_ERROR_KM) for e in errors)
    if len(values) == 1:
        return values[0]
    area = sum((values[i] + values[i + 1]) / 2.0 for i in range(len(values) - 1))
    return area / (len(values) - 1)


def resolution_scores(errors: Sequence[float], unresolved: int | None = None) -> ResolutionScores:
    """Summarise a list of per-toponym errors (km) into acc@161, median, mean and AUC.

    >>> s = resolution_scores([0.0, 100.0, 200.0, 20039.0])
    >>> s.acc161, s.median_km, s.unresolved
    (0.5, 150.0, 1)
    """
    n = len(errors)
    if n == 0:
        return ResolutionScores(0, 0.0, 0.0, 0.0, 0.0, 0)
    ordered = sorted(errors)
    mid = n // 2
    median = ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2.0
    if unresolved is None:
        unresolved = sum(1 for e in errors if e >= MAX_ERROR_KM)
    return ResolutionScores(
        n=n,
        acc161=sum(1 for e in errors if e <= ACC_KM) / n,
        median_km=median,
        mean_km=sum(errors) / n,
        auc=_auc(errors),
        unresolved=unresolved,
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def recognition_scores(
    gold: Iterable[tuple[object, int, int]], predicted: Iterable[tuple[object, int, int]]
) -> RecognitionScores:
    """Score predicted spans against gold spans, both exact and overlapping.

    Spans are ``(doc_id, start, end)`` triples. For the overlap scores a predicted span is
    correct when it overlaps any gold span of the same document, and a gold span is found
    when any predicted span overlaps it.

    >>> gold = [("d", 0, 5), ("d", 10, 15)]
    >>> s = recognition_scores(gold, [("d", 0, 5), ("d", 11, 20), ("d", 30, 32)])
    >>> round(s.precision, 3), round(s.recall, 3), round(s.overlap_precision, 3), s.overlap_recall
    (0.333, 0.5, 0.667, 1.0)
    """
    gold_set = set(gold)
    pred_set = set(predicted)
    exact = len(gold_set & pred_set)
    by_doc_gold: dict[object, list[tuple[int, int]]] = {}
    by_doc_pred: dict[object, list[tuple[int, int]]] = {}
    for doc, s, e in gold_set:
        by_doc_gold.setdefault(doc, []).append((s, e))
    for doc, s, e in pred_set:
        by_doc_pred.setdefault(doc, []).append((s, e))

    def _overlaps(span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
        return any(span[0] < o[1] and o[0] < span[1] for o in others)

    pred_ok = sum(1 for doc, s, e in pred_set if _overlaps((s, e), by_doc_gold.get(doc, [])))
    gold_ok = sum(1 for doc, s, e in gold_set if _overlaps((s, e), by_doc_pred.get(doc, [])))
    n_gold, n_pred = len(gold_set), len(pred_set)
    p = exact / n_pred if n_pred else 0.0
    r = exact / n_gold if n_gold else 0.0
    op = pred_ok / n_pred if n_pred else 0.0
    orr = gold_ok / n_gold if n_gold else 0.0
    return RecognitionScores(
        gold=n_gold,
        predicted=n_pred,
        precision=p,
        recall=r,
        f1=_f1(p, r),
        overlap_precision=op,
        overlap_recall=orr,
        overlap_f1=_f1(op, orr),
    )


def gold_problem(doc: dict[str, Any]) -> str | None:
    """Return why ``doc``'s gold toponyms cannot be scored, or None when they can."""
    toponyms = doc.get("toponyms")
    if toponyms is None:
        return None
    if not isinstance(toponyms, list):
        return "'toponyms' is not a list"
    for toponym in toponyms:
        if not isinstance(toponym, dict):
            return "a gold toponym is not an object"
        try:
            int(toponym["start"]), int(toponym["end"])
            point = float(toponym["lat"]), float(toponym["lon"])
        except (KeyError, TypeError, ValueError, OverflowError):
            return "a gold toponym lacks numeric start, end, lat or lon"
        if not all(math.isfinite(v) for v in point):
            return "a gold toponym has a non-finite coordinate"
    return None


def score_predictions(
    docs: list[dict[str, Any]], outputs: list[dict[str, Any]], *, gold_spans: bool
) -> dict[str, Any]:
    """Return the standard metrics of ``outputs`` against the gold toponyms of ``docs``."""
    errors: list[float] = []
    gold_set: list[tuple[Any, int, int]] = []
    pred_set: list[tuple[Any, int, int]] = []
    for n, (doc, out) in enumerate(zip(docs, outputs, strict=True)):
        gold = doc.get("toponyms") or []
        doc_id = doc.get("id", n)
        gold_set += [(doc_id, int(t["start"]), int(t["end"])) for t in gold]
        pred_set += [(doc_id, int(t["start"]), int(t["end"])) for t in out["toponyms"]]
        if gold_spans:
            errors += resolution_errors(gold, out["toponyms"])
        else:
            # End to end: each gold toponym is scored by the predicted span overlapping it.
            aligned = []
            for t in gold:
                match = next(
                    (p for p in out["toponyms"] if p["start"] < t["end"] and t["start"] < p["end"]),
                    None,
                )
                aligned.append(match)
            errors += resolution_errors(gold, aligned)
    result: dict[str, Any] = {"resolution": resolution_scores(errors).as_dict()}
    if not gold_spans:
        result["recognition"] = recognition_scores(gold_set, pred_set).as_dict()
    return result
