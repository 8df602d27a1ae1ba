"""Format checks for the hand-written geoparsing probe sets (issue 13).

The probe files stand in for held-out data: rule-writers tune on the tune file
and see only aggregate figures of the holdout file.  These tests guard the
format (the shared geoparse JSONL format), the character offsets, the
coordinate ranges, and the separation of the two files.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
FILES = ("geo_probes_tune.jsonl", "geo_probes_holdout.jsonl")
DOC_KEYS = {"id", "corpus", "title", "url", "date", "text", "toponyms"}
TOP_KEYS = {"start", "end", "name", "lat", "lon", "geonameid", "type"}
MIN_TOPONYMS = 200


def _load(name: str) -> list[dict[str, Any]]:
    """Read one probe file as a list of documents."""
    with open(DATA / name, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.mark.parametrize("name", FILES)
def test_document_format(name: str) -> None:
    docs = _load(name)
    ids = [d["id"] for d in docs]
    assert len(ids) == len(set(ids)), "duplicate document id"
    for d in docs:
        assert set(d) == DOC_KEYS, d["id"]
        assert d["corpus"] == "probes"
        assert d["url"] is None
        assert isinstance(d["text"], str) and d["text"]


@pytest.mark.parametrize("name", FILES)
def test_toponym_offsets_and_coordinates(name: str) -> None:
    total = 0
    for d in _load(name):
        for t in d["toponyms"]:
            total += 1
            assert TOP_KEYS <= set(t) <= TOP_KEYS | {"expect"}, d["id"]
            assert d["text"][t["start"]:t["end"]] == t["name"], (d["id"], t["name"])
            assert -90.0 <= t["lat"] <= 90.0 and -180.0 <= t["lon"] <= 180.0, t
            assert (t["lat"], t["lon"]) != (0.0, 0.0), t
            assert t["geonameid"] is None or isinstance(t["geonameid"], int)
            assert isinstance(t["type"], str) and t["type"].isupper()
            assert t.get("expect", "unresolved") == "unresolved"
    assert total >= MIN_TOPONYMS


def test_files_share_no_id() -> None:
    tune = {d["id"] for d in _load(FILES[0])}
    holdout = {d["id"] for d in _load(FILES[1])}
    assert not tune & holdout
