"""The Arabic probe files (``tests/data/arabic/``: ``probes_tune``, ``probes_holdout``,
``probes_blind``) are sound.

These tests check the data, not the system: offsets, actor names, places inside their
sentences, dates, weekdays, and that every sentence of an article is in exactly one of the
claim files or the negatives file. ``tests/data/arabic/probes_README.md`` says how the files
were written and what each field holds.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from conftest import read_jsonl

from core.actions import ACTIONS

ROOT = Path(__file__).resolve().parents[2]
PROBES = ROOT / "tests" / "data" / "arabic"
HALVES = ("probes_tune", "probes_holdout", "probes_blind")
FILES = ("control_claims_ar_dev.jsonl", "distance_claims_ar_dev.jsonl",
         "geoparse_ar_dev.jsonl", "negatives_ar.jsonl")
CONFLICTS = ROOT / "claims" / "data" / "conflicts.json"
MIN_SENTENCES = 80
UNITS = {"km", "mi", "nmi"}
QUALIFIERS = {None, "about", "only", "more than", "less than", "within"}
DIRECTIONS = {None, "north", "south", "east", "west", "north-east", "north-west",
              "south-east", "south-west"}
SUBJECT_KINDS = {"place", "force", "event"}
#: Arabic weekday names as written with the article, Monday first (datetime.weekday()).
WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
_WEEKDAY_RE = re.compile(r"(?<![\u0621-\u064A])(" + "|".join(WEEKDAYS) + r")(?![\u0621-\u064A])")


def _half(name: str) -> dict[str, list[dict]]:
    folder = PROBES / name
    return {file: read_jsonl(folder / file) for file in FILES}


@pytest.fixture(scope="module", params=HALVES)
def half(request: pytest.FixtureRequest) -> dict[str, list[dict]]:
    """The four files of one half, read once."""
    return _half(request.param)


@pytest.fixture(scope="module")
def actors_by_conflict() -> dict[str, set[str]]:
    """Canonical actor names (``norm``) of each conflict in conflicts.json."""
    data = json.loads(CONFLICTS.read_text(encoding="utf-8"))
    return {c["id"]: {a["norm"] for a in c["actors"]} for c in data["conflicts"]}


def _claims(half: dict[str, list[dict]]) -> list[dict]:
    return half["control_claims_ar_dev.jsonl"] + half["distance_claims_ar_dev.jsonl"]


def _sentence_keys(half: dict[str, list[dict]]) -> set[tuple[str, str]]:
    rows = _claims(half) + half["negatives_ar.jsonl"]
    return {(r["article_id"], r["sentence"]) for r in rows}


def test_both_halves_exist_with_enough_sentences() -> None:
    for name in HALVES:
        for file in FILES:
            assert (PROBES / name / file).is_file(), f"{name}/{file} missing"
        assert len(_sentence_keys(_half(name))) >= MIN_SENTENCES, name


def test_halves_share_no_article_and_no_sentence() -> None:
    for first, second in itertools.combinations(HALVES, 2):
        pair = (_half(first), _half(second))
        ids = [{d["id"] for d in h["geoparse_ar_dev.jsonl"]} for h in pair]
        assert not ids[0] & ids[1], (first, second)
        texts = [{s for _, s in _sentence_keys(h)} for h in pair]
        assert not texts[0] & texts[1], (first, second)


def test_geoparse_offsets_match_the_text(half: dict[str, list[dict]]) -> None:
    for doc in half["geoparse_ar_dev.jsonl"]:
        last_end = 0
        for top in doc["toponyms"]:
            assert doc["text"][top["start"]:top["end"]] == top["name"], (doc["id"], top)
            assert top["start"] >= last_end, f"{doc['id']}: overlapping or unsorted toponyms"
            last_end = top["end"]
            assert -90 <= top["lat"] <= 90 and -180 <= top["lon"] <= 180, top
            assert top["geonameid"] is None or isinstance(top["geonameid"], int), top
            assert top["hint"], top


def test_every_sentence_is_in_its_article_text_exactly_once(half: dict) -> None:
    texts = {d["id"]: d["text"] for d in half["geoparse_ar_dev.jsonl"]}
    keys = _sentence_keys(half)
    for article, sentence in keys:
        assert texts[article].count(sentence) == 1, (article, sentence)
    covered = defaultdict(int)
    for article, sentence in keys:
        covered[article] += len(sentence) + 1
    for article, text in texts.items():
        assert covered[article] == len(text) + 1, f"{article}: a sentence is in no file"


def test_negatives_hold_no_gold_claim(half: dict[str, list[dict]]) -> None:
    claimed = {(r["article_id"], r["sentence"]) for r in _claims(half)}
    negatives = half["negatives_ar.jsonl"]
    assert negatives, "a half without negatives cannot measure precision on them"
    for row in negatives:
        assert row["why"] and row["conflict"] and row["published"], row
        assert (row["article_id"], row["sentence"]) not in claimed, row


def test_actor_norms_belong_to_the_conflict(half: dict, actors_by_conflict: dict) -> None:
    for row in half["control_claims_ar_dev.jsonl"]:
        assert row["conflict"] in actors_by_conflict, row["conflict"]
        norm = row["actor_norm"]
        assert norm is None or norm in actors_by_conflict[row["conflict"]], (row["article_id"],
                                                                              norm)
        assert (norm is None) == (row["actor"] is None), row


def test_control_claims_name_what_the_sentence_says(half: dict[str, list[dict]]) -> None:
    for row in half["control_claims_ar_dev.jsonl"]:
        assert row["action"] in ACTIONS, row["action"]
        assert row["place"] in row["sentence"], (row["article_id"], row["place"])
        assert row["actor"] is None or row["actor"] in row["sentence"], row["actor"]
        assert row["place_hint"].count(",") >= 1, row["place_hint"]


def test_distance_claims_name_what_the_sentence_says(half: dict[str, list[dict]]) -> None:
    for row in half["distance_claims_ar_dev.jsonl"]:
        assert row["quote"] in row["sentence"], (row["article_id"], row["quote"])
        assert row["anchor"] in row["quote"], row["anchor"]
        assert row["subject"] is None or row["subject"] in row["sentence"], row["subject"]
        assert 0 < row["value_min"] <= row["value_max"], row["quote"]
        assert row["unit"] in UNITS and row["qualifier"] in QUALIFIERS, row["quote"]
        assert row["direction"] in DIRECTIONS and row["subject_kind"] in SUBJECT_KINDS
        assert row["anchor_geonames_hint"], row["quote"]


def test_dates_are_iso_and_not_after_publication(half: dict[str, list[dict]]) -> None:
    for row in _claims(half) + half["negatives_ar.jsonl"]:
        published = dt.date.fromisoformat(row["published"])
        if row.get("event_date") is not None:
            assert dt.date.fromisoformat(row["event_date"]) <= published, row["sentence"]


def test_a_named_weekday_is_the_weekday_of_the_event_date(half: dict) -> None:
    for row in half["control_claims_ar_dev.jsonl"]:
        named = set(_WEEKDAY_RE.findall(row["sentence"]))
        if row["event_date"] is None or len(named) != 1:
            continue
        weekday = dt.date.fromisoformat(row["event_date"]).weekday()
        assert WEEKDAYS[weekday] in named, (row["sentence"], row["event_date"])


def test_a_place_by_reference_was_named_in_an_earlier_control_line(half: dict) -> None:
    """"The city" must have its antecedent in the file, or the line cannot be solved."""
    docs = {d["id"]: d for d in half["geoparse_ar_dev.jsonl"]}
    seen: dict[str, list[str]] = defaultdict(list)  # article -> control sentences so far
    for row in half["control_claims_ar_dev.jsonl"]:
        doc = docs[row["article_id"]]
        if not seen[row["article_id"]] or seen[row["article_id"]][-1] != row["sentence"]:
            seen[row["article_id"]].append(row["sentence"])
        names = {t["name"] for t in doc["toponyms"]}
        if row["place"] in names:
            continue
        read = " ".join(seen[row["article_id"]])
        antecedents = [t["name"] for t in doc["toponyms"] if t["hint"] == row["place_hint"]
                       or row["place_hint"].startswith(t["hint"].split(",")[0] + ",")]
        assert any(name in read for name in antecedents), (row["article_id"], row["place"])


def test_weekday_pattern_finds_whole_words_only() -> None:
    assert _WEEKDAY_RE.findall("هاجموا البلدة يوم الأحد") == ["الأحد"]
    assert _WEEKDAY_RE.findall("والأحداث الأخيرة") == []
