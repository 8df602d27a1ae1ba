"""Per-toponym measurement shared by ``bench.geoparse`` and ``bench.rules --ablate``.

For each gold toponym: its error with gold spans and end to end (the predicted span
overlapping it), its feature class (country, region, city, site/other), and for probe
toponyms marked ``"expect": "unresolved"`` whether the geoparser left them unresolved (good)
or put them on a namesake more than 161 km away (bad). Figures only: no text is printed.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from cli.geoparse_cmd import predict_document
from gazetteer.evaluation import (
    ACC_KM,
    great_circle_km,
    recognition_scores,
)

__all__ = [
    "FEATURE_CLASSES",
    "Scored",
    "feature_class",
    "half",
    "score_corpus",
]

#: The feature classes errors are counted by, in print order.
FEATURE_CLASSES = ("country", "region", "city", "site/other")
_FEATURE_CODE_RE = re.compile(r"^[A-Z]{3,5}\d?[A-Z]?$")


def half(doc_id: str) -> int:
    """Return 0 or 1, a stable split of a corpus by document id (to check for overfitting)."""
    return zlib.crc32(doc_id.encode("utf-8")) % 2


def feature_class(code: str | None) -> str:
    """Return the class of a GeoNames feature code (PCL* country, ADM*/RGN region, PPL* city).

    >>> [feature_class(c) for c in ("PCLI", "ADM2", "PPLA", "AIRP", None)]
    ['country', 'region', 'city', 'site/other', 'site/other']
    """
    if not code:
        return "site/other"
    if code.startswith("PCL"):
        return "country"
    if code.startswith(("ADM", "RGN", "CONT", "AREA", "PRSH", "TERR", "ZN", "LCTY")):
        return "region"
    if code.startswith("PPL"):
        return "city"
    return "site/other"


def _gold_class(gold: dict, parser: Any) -> str:
    """Class of a gold toponym: its own feature code, else its nearest gazetteer reading's."""
    code = gold.get("type")
    if isinstance(code, str) and _FEATURE_CODE_RE.match(code):
        return feature_class(code)
    best = None
    for place in parser.places_for(gold["name"]):
        km = great_circle_km(gold["lat"], gold["lon"], place.lat, place.lon)
        if km <= ACC_KM and (best is None or km < best[0]):
            best = (km, place.feature_code)
    return feature_class(best[1]) if best else "site/other"


def _error(gold: dict, pred: dict | None) -> float | None:
    if not pred or pred.get("lat") is None:
        return None
    return great_circle_km(gold["lat"], gold["lon"], pred["lat"], pred["lon"])


def _right(err: float | None, expect_unresolved: bool) -> bool:
    if err is None:
        return expect_unresolved
    return err <= ACC_KM


@dataclass
class Scored:
    """Per-toponym outcomes of one corpus (or part of one)."""

    gold_ok: list[bool]
    e2e_ok: list[bool]
    classes: list[str]
    halves: list[int]
    expect_unresolved: list[bool]
    gold_unresolved: list[bool]
    gold_far: list[bool]
    gold_set: list[tuple[str, int, int]]
    pred_set: list[tuple[str, int, int]]
    doc_halves_pred: list[int]
    doc_halves_gold: list[int]

    def acc(self, which: str = "gold", part: int | None = None) -> float:
        """acc@161 (gold spans or end to end), on one half or all."""
        oks = self.gold_ok if which == "gold" else self.e2e_ok
        picked = [ok for ok, h in zip(oks, self.halves, strict=True) if part in (None, h)]
        return sum(picked) / len(picked) if picked else 0.0

    def f1(self, part: int | None = None) -> float:
        """End-to-end recognition F1 (overlapping spans), on one half or all."""
        gold = [g for g, h in zip(self.gold_set, self.doc_halves_gold, strict=True)
                if part in (None, h)]
        pred = [p for p, h in zip(self.pred_set, self.doc_halves_pred, strict=True)
                if part in (None, h)]
        return recognition_scores(gold, pred).overlap_f1

    def by_class(self, which: str = "gold") -> dict[str, tuple[int, int]]:
        """``{class: (errors, count)}``."""
        oks = self.gold_ok if which == "gold" else self.e2e_ok
        count: Counter = Counter(self.classes)
        wrong: Counter = Counter(c for c, ok in zip(self.classes, oks, strict=True) if not ok)
        return {c: (wrong[c], count[c]) for c in FEATURE_CLASSES}

    def gold_below_e2e(self) -> int:
        """Gold toponyms right end to end but wrong with their gold spans given."""
        return sum(1 for g, e in zip(self.gold_ok, self.e2e_ok, strict=True) if e and not g)


def score_corpus(docs: list[dict], parser: Any) -> Scored:
    """Run gold-span and end-to-end geoparsing over ``docs`` and score every toponym."""
    s = Scored([], [], [], [], [], [], [], [], [], [], [])
    for doc in docs:
        h = half(doc["id"])
        gold_out = predict_document(doc, gold_spans=True, parser=parser)["toponyms"]
        e2e_out = predict_document(doc, gold_spans=False, parser=parser)["toponyms"]
        for p in e2e_out:
            s.pred_set.append((doc["id"], int(p["start"]), int(p["end"])))
            s.doc_halves_pred.append(h)
        for gold, pred in zip(doc["toponyms"], gold_out, strict=True):
            s.gold_set.append((doc["id"], int(gold["start"]), int(gold["end"])))
            s.doc_halves_gold.append(h)
            err = _error(gold, pred)
            match = next((p for p in e2e_out
                          if p["start"] < gold["end"] and gold["start"] < p["end"]), None)
            e_err = _error(gold, match)
            unresolved = gold.get("expect") == "unresolved"
            s.expect_unresolved.append(unresolved)
            s.gold_unresolved.append(err is None)
            s.gold_far.append(err is not None and err > ACC_KM)
            # A place the gazetteer lacks is right when left unresolved (or placed near).
            s.gold_ok.append(_right(err, unresolved))
            s.e2e_ok.append(_right(e_err, unresolved))
            s.classes.append(_gold_class(gold, parser))
            s.halves.append(h)
    return s
