"""A small evaluation on the development sets (skipped when they are absent) and the CLI format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.geoparse_cmd import predict_document, score_predictions
from cli.main import main
from gazetteer.geoparse import get_geoparser

#: Floors a little under the figures measured on the whole development sets
#: (``python -m bench.geoparse``: LGL 0.932 / 0.862, GeoWebNews 0.951 / 0.892).
FLOORS = {
    "lgl_dev.jsonl": {"acc161": 0.92, "overlap_f1": 0.85},
    "geowebnews_dev.jsonl": {"acc161": 0.94, "overlap_f1": 0.88},
}


def _all_docs(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.mark.eval
@pytest.mark.parametrize("corpus", sorted(FLOORS))
def test_dev_set_floor(shared_eval: Path, corpus: str) -> None:
    docs = _all_docs(shared_eval / "geoparse" / corpus)
    parser = get_geoparser()
    gold = [predict_document(d, gold_spans=True, parser=parser) for d in docs]
    acc = score_predictions(docs, gold, gold_spans=True)["resolution"]["acc161"]
    e2e = [predict_document(d, gold_spans=False, parser=parser) for d in docs]
    f1 = score_predictions(docs, e2e, gold_spans=False)["recognition"]["overlap_f1"]
    assert acc >= FLOORS[corpus]["acc161"], acc
    assert f1 >= FLOORS[corpus]["overlap_f1"], f1


@pytest.fixture()
def tiny_jsonl(tmp_path: Path) -> Path:
    text = "Talks in Tripoli stalled while fighting went on near Sirte in Libya."
    spans = [("Tripoli", "x"), ("Sirte", "y"), ("Nowhereville", None)]
    toponyms = []
    for name, _ in spans[:2]:
        start = text.index(name)
        toponyms.append(
            {
                "start": start,
                "end": start + len(name),
                "name": name,
                "lat": 0.0,
                "lon": 0.0,
                "geonameid": None,
                "type": "PPL",
            }
        )
    lines = [
        {"id": "a", "title": "Libya", "text": text, "toponyms": toponyms},
        {"id": "b", "text": "Nothing here.", "toponyms": []},
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    return path


def test_cli_end_to_end_format(tiny_jsonl: Path) -> None:
    result = CliRunner().invoke(main, ["geoparse", str(tiny_jsonl)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[1]["toponyms"] == []
    names = [t["name"] for t in rows[0]["toponyms"]]
    assert names[:3] == ["Tripoli", "Sirte", "Libya"]
    for toponym in rows[0]["toponyms"]:
        assert set(toponym) == {"start", "end", "name", "lat", "lon", "geonameid", "feature_code"}
    assert rows[0]["toponyms"][0]["feature_code"] == "PPLC"


def test_cli_gold_spans_one_output_per_input(tiny_jsonl: Path) -> None:
    result = CliRunner().invoke(main, ["geoparse", "--gold-spans", "--score", str(tiny_jsonl)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows[0]["toponyms"]) == 2 and rows[1]["toponyms"] == []
    assert [t["name"] for t in rows[0]["toponyms"]] == ["Tripoli", "Sirte"]
    assert abs(rows[0]["toponyms"][0]["lat"] - 32.9) < 0.5
    assert "acc161" in result.stderr


def test_cli_rejects_bad_lines_cleanly(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "ok"}\nnot json\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", str(bad)])
    assert result.exit_code == 0  # the bad line is reported in place; the good one is kept
    assert "bad.jsonl:2" in result.stderr and "Traceback" not in result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in rows] == [1, None] and rows[1]["error"].startswith("line 2: ")
