"""Score predicted claims against the gold fields of an evaluation file.

Follows the rules of ``shared/eval/README.md``: a gold distance claim is found when a
predicted distance claim on the same input has the same unit, an overlapping value range
and an anchor naming the same place (resolved point within 50 km of the place the hint
names, or the same name up to spelling); a gold control claim when a predicted control
claim has the same action and names the same place; actor agreement is scored on top.
Every predicted claim that matches no gold claim counts against precision. Lines are
scored one by one (the README's rule); optionally, lines that repeat the same sentence
(one line per gold claim) can share one pool of gold and predicted claims.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz

from geo.geodesic import distance_km

__all__ = ["ClaimScores", "UNRESOLVED_ARABIC_BY_NAME", "arabic_names_match", "gold_problem",
           "names_match", "score_claims"]

_GENERIC = re.compile(r"\b(?:the|city|town|village|centre|center|of|district|area|province|"
                      r"governorate|al|el)\b")


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"[’'`ʿʾ‘]", "", text)
    text = _GENERIC.sub(" ", re.sub(r"[^a-z0-9]+", " ", text))
    return re.sub(r"\s+", "", text)


def names_match(pred: str | None, gold_names: Iterable[str]) -> bool:
    """Tell whether a predicted name and one of the gold names name the same place by spelling.

    >>> names_match("Maarrat al-Nu’man", ["Maarat al-Numan"]), names_match("Sirte", ["Tripoli"])
    (True, False)
    """
    if not pred:
        return False
    p = _key(pred)
    if not p:
        return False
    for gold in gold_names:
        g = _key(gold)
        if not g:
            continue
        if p == g or (len(p) >= 4 and len(g) >= 4 and (p in g or g in p)):
            return True
        if fuzz.ratio(p, g) >= 80:
            return True
    return False


#: Rule "unresolved Arabic place by its name": a predicted claim whose place the extractor
#: could not place (no point: a town the gazetteer holds under no Arabic spelling) names the
#: same place as the gold when the words it quotes are the gold place's words, up to Arabic
#: spelling (:func:`arabic_names_match`). English unknown places are already judged by their
#: spelling (:func:`names_match`), but that folds to ASCII, where an Arabic name is empty.
#: A claim that gives a point is still judged by its point only: a wrong point is a wrong
#: claim on the map, whatever it is called.
UNRESOLVED_ARABIC_BY_NAME = True
#: Arabic words that name a place only by reference (المدينة، البلدة): never a name match.
_ARABIC_REFERENCE_KEYS = frozenset({
    "مدينه", "بلده", "قريه", "منطقه", "مطار", "قاعده", "عاصمه", "ميناء", "محافظه", "ولايه",
    "اقليم", "مخيم", "جسر", "حي", "مديريه", "بلدات", "معبر", "مبني", "مجمع", "احياء"})


def _arabic_words(name: str) -> list[str]:
    from gazetteer.arabic import arabic_key, has_arabic, strip_arabic_article

    if not has_arabic(name):
        return []
    return strip_arabic_article(arabic_key(name)).split(" ")


def arabic_names_match(pred: str | None, gold_names: Iterable[str]) -> bool:
    """Tell whether an Arabic predicted name is an Arabic gold name, up to spelling.

    Keys are :func:`gazetteer.arabic.arabic_key` without the article; the names match when
    one's words are a run of the other's (a town read in part, "موسيمبوا" for "موسيمبوا دا
    برايا"; "الزيتون" for "حي الزيتون"). A bare reference word (المدينة) matches nothing.

    >>> arabic_names_match("عوسويني", ["عوسويني", "Cowsweyne"])
    True
    >>> arabic_names_match("الزيتون", ["حي الزيتون"]), arabic_names_match("سرت", ["سنار"])
    (True, False)
    >>> arabic_names_match("المدينة", ["المدينة"]), arabic_names_match("Sirte", ["سرت"])
    (False, False)
    """
    p = _arabic_words(pred or "")
    if not p or (len(p) == 1 and p[0] in _ARABIC_REFERENCE_KEYS):
        return False
    for gold in gold_names:
        g = _arabic_words(gold)
        if not g or (len(g) == 1 and g[0] in _ARABIC_REFERENCE_KEYS):
            continue
        short, long_ = (p, g) if len(p) <= len(g) else (g, p)
        if any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1)):
            return True
    return False


def _unresolved(pred: dict, prefix: str) -> bool:
    lat = pred.get(f"{prefix}_lat")
    return lat is None or (isinstance(lat, float) and math.isnan(lat))


def gold_problem(row: dict) -> str | None:
    """Return why ``row``'s gold fields cannot be scored as ``score_claims`` reads them, or None."""

    def number(value: Any) -> bool:
        return isinstance(value, int | float) and not isinstance(value, bool)

    def text_or_none(*keys: str) -> bool:
        return all(row.get(k) is None or isinstance(row.get(k), str) for k in keys)

    if "value_min" in row and "action" not in row:
        if not (number(row.get("value_min")) and number(row.get("value_max"))
                and isinstance(row.get("anchor"), str)
                and text_or_none("anchor_geonames_hint")):
            return "gold distance claim lacks numeric value_min/value_max or an anchor"
    elif not (isinstance(row.get("place"), str)
              and text_or_none("place_hint", "actor_norm")):
        return "no gold claim (a string 'place', or value_min/value_max and 'anchor')"
    return None


@dataclass
class ClaimScores:
    """Counts and derived metrics for distance and control claims."""

    dist_tp: int = 0
    dist_fp: int = 0
    dist_fn: int = 0
    dir_ok: int = 0
    ctl_tp: int = 0
    ctl_fp: int = 0
    ctl_fn: int = 0
    ctl_actor_tp: int = 0
    date_ok: int = 0
    date_gold: int = 0
    date_gold_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @staticmethod
    def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def as_dict(self) -> dict[str, float]:
        """Return the headline metrics, rounded to three decimals."""
        dp, dr, df = self._prf(self.dist_tp, self.dist_fp, self.dist_fn)
        cp, cr, cf = self._prf(self.ctl_tp, self.ctl_fp, self.ctl_fn)
        ap, ar, af = self._prf(self.ctl_actor_tp, self.ctl_tp + self.ctl_fp - self.ctl_actor_tp,
                               self.ctl_fn + self.ctl_tp - self.ctl_actor_tp)
        out = {
            "distance_precision": dp, "distance_recall": dr, "distance_f1": df,
            "direction_accuracy": self.dir_ok / self.dist_tp if self.dist_tp else 0.0,
            "control_precision": cp, "control_recall": cr, "control_f1": cf,
            "control_actor_precision": ap, "control_actor_recall": ar, "control_actor_f1": af,
            "event_date_accuracy": self.date_ok / self.ctl_tp if self.ctl_tp else 0.0,
            "event_date_accuracy_dated_gold": (self.date_gold_ok / self.date_gold
                                               if self.date_gold else 0.0),
        }
        return {k: round(v, 3) for k, v in out.items()}


#: Rule "hint country names": the short names gold hints give a country by ("Beni, DR
#: Congo", "Khan Younis, Gaza") that GeoNames' country file spells otherwise. Without them
#: the hint's country is unknown, so it filters nothing and "Beni, DR Congo" resolved to
#: Beni in Bolivia.
HINT_COUNTRY_NAMES: dict[str, str] = {
    "dr congo": "CD", "drc": "CD", "d.r. congo": "CD", "congo-kinshasa": "CD",
    "palestine": "PS", "gaza": "PS", "gaza strip": "PS", "west bank": "PS",
}


def hint_country(name: str) -> str | None:
    """Return the ISO code a hint's country part names ("DR Congo" -> CD), else None.

    >>> hint_country("DR Congo"), hint_country("Libya"), hint_country("Atlantis")
    ('CD', 'LY', None)
    """
    from gazetteer.countries import country_code

    return country_code(name) or HINT_COUNTRY_NAMES.get(name.strip().lower())


class _HintPoints:
    """Resolves gold hints ("Tripoli, Libya") to points, once each."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[float, float] | None] = {}

    def point(self, hint: str | None) -> tuple[float, float] | None:
        if not hint:
            return None
        if hint not in self._cache:
            self._cache[hint] = self._resolve(hint)
        return self._cache[hint]

    @staticmethod
    def _resolve(hint: str) -> tuple[float, float] | None:
        from gazetteer import resolve_name

        parts = [p.strip() for p in hint.split(",") if p.strip()]
        if not parts:
            return None
        country = hint_country(parts[-1]) if len(parts) > 1 else None
        name = re.sub(r"\b(?:city\s+cent(?:re|er)|border)\b", "", parts[0]).strip() or parts[0]
        for candidate in (name, re.sub(r"\s+(?:Air\s+Base|airbase|checkpoint)$", "", name)):
            found = resolve_name(candidate, country_hint=country)
            # The hint's country is a filter, not a preference: a loose match abroad
            # ("Al Anad, Yemen" read as a town in China) would score the wrong point.
            in_country = [c for c in found if country is None or c.place.country_code == country]
            if in_country:
                return in_country[0].place.lat, in_country[0].place.lon
        return None


def _near(point: tuple[float, float] | None, lat: object, lon: object, km: float = 50.0) -> bool:
    if point is None or lat is None or lon is None:
        return False
    try:
        if math.isnan(float(lat)) or math.isnan(float(lon)):
            return False
        return distance_km(point, (float(lat), float(lon))) <= km
    except (TypeError, ValueError):
        return False


def _gold_place_names(place: str, hint: str | None) -> list[str]:
    names = [re.sub(r"\(.*?\)", "", place).strip()] + re.findall(r"\((.*?)\)", place)
    if hint:
        names.append(hint.split(",")[0])
    return [n for n in names if n]


def score_claims(rows: list[dict], outputs: list[dict], *, resolve_hints: bool = True,
                 group_duplicates: bool = False) -> ClaimScores:
    """Score ``outputs`` (one per input row, as the CLI prints them) against ``rows``' gold.

    By default each line is scored on its own, as the evaluation README says: its gold
    claim against the claims printed for that line. ``group_duplicates`` pools the gold
    and the predictions of lines that repeat the same sentence instead.
    """
    hints = _HintPoints() if resolve_hints else None
    scores = ClaimScores()
    groups: dict[tuple, dict] = {}
    for number, (row, out) in enumerate(zip(rows, outputs, strict=True)):
        key = ((row.get("article_id"), row.get("sentence") or row.get("text"))
               if group_duplicates else (number,))
        group = groups.setdefault(key, {"gold": [], "pred": []})
        group["gold"].append(row)
        for claim in out.get("claims", []):
            if claim not in group["pred"]:
                group["pred"].append(claim)
    for group in groups.values():
        preds = group["pred"]
        used: set[int] = set()
        for gold in group["gold"]:
            is_distance = "value_min" in gold and "action" not in gold
            hint = gold.get("anchor_geonames_hint") if is_distance else gold.get("place_hint")
            point = hints.point(hint) if hints else None
            hit = None
            for i, pred in enumerate(preds):
                if i in used:
                    continue
                if is_distance:
                    if pred.get("kind") != "distance" or pred.get("unit") != gold.get("unit"):
                        continue
                    if (pred["value_max"] < gold["value_min"]
                            or pred["value_min"] > gold["value_max"]):
                        continue
                    names = _gold_place_names(gold["anchor"], hint)
                    if not (names_match(pred.get("anchor"), names)
                            or _near(point, pred.get("anchor_lat"), pred.get("anchor_lon"))
                            or (UNRESOLVED_ARABIC_BY_NAME and _unresolved(pred, "anchor")
                                and arabic_names_match(pred.get("anchor"), names))):
                        continue
                else:
                    if pred.get("kind") != "control" or pred.get("action") != gold.get("action"):
                        continue
                    names = _gold_place_names(gold["place"], hint)
                    if not (names_match(pred.get("place"), names)
                            or _near(point, pred.get("place_lat"), pred.get("place_lon"))
                            or (UNRESOLVED_ARABIC_BY_NAME and _unresolved(pred, "place")
                                and arabic_names_match(pred.get("place"), names))):
                        continue
                hit = i
                break
            if hit is None:
                if is_distance:
                    scores.dist_fn += 1
                else:
                    scores.ctl_fn += 1
                scores.misses.append(f"FN {gold.get('action', 'distance')} "
                                     f"{gold.get('place') or gold.get('anchor')}")
                continue
            used.add(hit)
            pred = preds[hit]
            if is_distance:
                scores.dist_tp += 1
                scores.dir_ok += pred.get("direction") == gold.get("direction")
            else:
                scores.ctl_tp += 1
                g_norm = (gold.get("actor_norm") or "").strip().lower()
                p_norm = (pred.get("actor_norm") or "").strip().lower()
                scores.ctl_actor_tp += bool(g_norm) and g_norm == p_norm
                predicted_date = pred.get("event_date") or None
                scores.date_ok += predicted_date == (gold.get("event_date") or None)
                if gold.get("event_date"):
                    scores.date_gold += 1
                    scores.date_gold_ok += pred.get("event_date") == gold.get("event_date")
        kinds = {("distance" if "value_min" in g and "action" not in g else "control")
                 for g in group["gold"]}
        for i, pred in enumerate(preds):
            if i in used or pred.get("kind") not in kinds:
                continue
            if pred.get("kind") == "distance":
                scores.dist_fp += 1
            else:
                scores.ctl_fp += 1
            scores.misses.append(f"FP {pred.get('action', 'distance')} "
                                 f"{pred.get('place') or pred.get('anchor')}")
    return scores
