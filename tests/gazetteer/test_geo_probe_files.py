"""Format checks for the hand-written geoparsing probe sets (issue 13).

The probe files stand in for held-out data: rule-writers tune on the tune file
and see only aggregate figures of the holdout file; the blind file is for
measurement only.  These tests guard the format (the shared geoparse JSONL
format), the character offsets, the coordinate ranges, the separation of the
files, and the blind file's id scheme and size.
"""
from __future__ import annotations

import json
import re
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).parent / "data"
FILES = (
    "geo_probes_tune.jsonl", "geo_probes_holdout.jsonl", "geo_probes_blind.jsonl",
    "geo_probes_round7.jsonl", "geo_probes_round8.jsonl", "geo_probes_round9.jsonl",
    "geo_probes_round11.jsonl", "geo_probes_round12.jsonl",
)
BLIND = FILES[2]
DOC_KEYS = {"id", "corpus", "title", "url", "date", "text", "toponyms"}
TOP_KEYS = {"start", "end", "name", "lat", "lon", "geonameid", "type"}
MIN_TOPONYMS = 200
#: Per-file minimum where a file is smaller by design (round 7: 46 short documents on
#: small places the gazetteer lacks, with controls; round 8: 47 documents, 35 such places
#: beside bigger places, often of other countries; round 9: 33 documents, unknown settlements
#: elsewhere against streets, squares and venues of the story town; round 11: 32 documents
#: of 20 wars, written before the round-11 rules, on the issue's failure shapes; round 12: 41
#: documents, outbreak reports, local US/UK news, addresses and war reporting).
MIN_TOPONYMS_OF = {"geo_probes_round7.jsonl": 120, "geo_probes_round8.jsonl": 140,
                   "geo_probes_round9.jsonl": 80, "geo_probes_round11.jsonl": 90,
                   "geo_probes_round12.jsonl": 90}
#: The blind file's shape families (the middle part of ``probe-b-<shape>-NNN``).
BLIND_SHAPES = frozenset({
    "local", "qual", "admin", "citystate", "lang", "informal", "war", "village",
    "health", "wire", "demonym", "person",
})
BLIND_ID = re.compile(r"^probe-b-(?P<shape>[a-z]+)-\d{3}$")
BLIND_MIN_TOPONYMS = 230


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
    assert total >= MIN_TOPONYMS_OF.get(name, MIN_TOPONYMS)


def test_files_share_no_id_and_no_text() -> None:
    for key in ("id", "text"):
        seen = {name: {d[key] for d in _load(name)} for name in FILES}
        for a, b in combinations(FILES, 2):
            assert not seen[a] & seen[b], (key, a, b)


def test_blind_file_ids_shapes_and_size() -> None:
    docs = _load(BLIND)
    shapes = set()
    for d in docs:
        match = BLIND_ID.match(d["id"])
        assert match, d["id"]
        shapes.add(match["shape"])
    assert shapes == BLIND_SHAPES
    tops = [t for d in docs for t in d["toponyms"]]
    assert len(tops) >= BLIND_MIN_TOPONYMS
    assert any(t.get("expect") == "unresolved" for t in tops)
