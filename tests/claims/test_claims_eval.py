"""The development sets through the extract-claims command, with floors on the metrics."""

import json

import pytest
from click.testing import CliRunner
from conftest import read_jsonl

from cli.main import main

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def _run(runner, path):
    result = runner.invoke(main, ["extract-claims", "--score", str(path)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    metrics = dict(line.split(": ") for line in result.stderr.splitlines() if ": " in line)
    return lines, {k: float(v) for k, v in metrics.items()}


def test_distance_dev_set(runner, shared_eval):
    path = shared_eval / "claims" / "distance_claims_dev.jsonl"
    lines, metrics = _run(runner, path)
    assert len(lines) == len(read_jsonl(path))
    assert metrics["distance_precision"] >= 0.9
    assert metrics["distance_recall"] >= 0.9
    assert metrics["direction_accuracy"] >= 0.9
    claim = next(c for line in lines for c in line["claims"] if c["kind"] == "distance")
    assert {"quote", "start", "end", "value_min", "value_max", "unit", "qualifier", "direction",
            "subject", "anchor", "anchor_lat", "anchor_lon"} <= set(claim)


def test_control_dev_set(runner, shared_eval):
    path = shared_eval / "claims" / "control_claims_dev.jsonl"
    lines, metrics = _run(runner, path)
    assert len(lines) == len(read_jsonl(path))
    assert metrics["control_precision"] >= 0.8
    assert metrics["control_f1"] >= 0.78
    assert metrics["control_actor_f1"] >= 0.72
    claim = next(c for line in lines for c in line["claims"] if c["kind"] == "control")
    assert {"quote", "start", "end", "actor", "actor_norm", "action", "place", "place_lat",
            "place_lon", "event_date"} <= set(claim)


def test_whole_text_lines_and_bad_input(runner, tmp_path):
    good = tmp_path / "articles.jsonl"
    good.write_text(json.dumps({"article_id": "x1", "published": "2022-11-11",
                                "text": "Ukrainian troops entered Kherson on Friday. "
                                        "The city lies about 100 km east of Odesa."}) + "\n")
    result = runner.invoke(main, ["extract-claims", str(good)])
    assert result.exit_code == 0
    out = json.loads(result.stdout)
    kinds = sorted(c["kind"] for c in out["claims"])
    assert out["article_id"] == "x1" and kinds == ["control", "distance"]
    control = next(c for c in out["claims"] if c["kind"] == "control")
    assert control["event_date"] == "2022-11-11" and control["actor_norm"] == "Ukraine"
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"sentence": 5}\n')
    result = runner.invoke(main, ["extract-claims", str(bad)])
    assert result.exit_code != 0 and "sentence" in result.output
    assert "Traceback" not in result.output


def test_repeated_sentence_lines_share_out_the_claims(runner, tmp_path):
    sentence = "Ukrainian troops recaptured Kherson, Snihurivka and Pravdyne on Friday."
    path = tmp_path / "repeats.jsonl"
    path.write_text("".join(json.dumps({"article_id": "r", "sentence": sentence}) + "\n"
                            for _ in range(3)))
    result = runner.invoke(main, ["extract-claims", str(path)])
    places = [[c["place"] for c in json.loads(line)["claims"]]
              for line in result.stdout.splitlines()]
    assert places == [["Kherson"], ["Snihurivka"], ["Pravdyne"]]
    result = runner.invoke(main, ["extract-claims", "--keep-repeats", str(path)])
    assert all(len(json.loads(line)["claims"]) == 3 for line in result.stdout.splitlines())


def test_earlier_lines_of_an_article_resolve_the_town(runner, tmp_path):
    lines = [{"article_id": "a", "sentence": "Russian forces shelled Vuhledar overnight."},
             {"article_id": "a", "sentence": "By noon Ukrainian troops had left the town."},
             {"article_id": "b", "sentence": "By noon Ukrainian troops had left the town."}]
    path = tmp_path / "article.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = runner.invoke(main, ["extract-claims", "--no-resolve", str(path)])
    outs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(c["action"], c["place"]) for c in outs[1]["claims"]] == [("withdrew", "Vuhledar")]
    assert outs[2]["claims"] == []  # another article: no town to refer to


@pytest.mark.parametrize(
    ("hint", "country"),
    [("Tripoli, Libya", "LY"), ("Tripoli, Lebanon", "LB"), ("Gharyan, Libya", "LY")],
)
def test_a_gold_hint_resolves_inside_its_country(hint, country):
    from claims.score import _HintPoints
    from gazetteer import resolve_name

    point = _HintPoints().point(hint)
    assert point is not None
    names = resolve_name(hint.split(",")[0], country_hint=country)
    assert any((c.place.lat, c.place.lon) == point and c.place.country_code == country
               for c in names)


def test_a_gold_hint_never_resolves_to_a_loose_match_abroad():
    """A facility the gazetteer lacks gives no point, not a fuzzy namesake in another country."""
    from claims.score import _HintPoints

    assert _HintPoints().point("Al Anad Air Base, Yemen") is None
