"""The evaluation commands keep going past bad lines (issue 8: lose nothing).

``geoparse`` and ``extract-claims`` are scored by pairing output line i with input line i,
so a bad input line must give an output line with an "error" at its position, a warning
on stderr, and exit status 0 as long as one line was fine; only a file with no readable
line at all fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.main import main

GOOD_TEXT = "Talks in Tripoli stalled while fighting went on near Sirte."
CLAIM = "Rebels captured Sirte on Monday, officials said."


def _span(text: str, name: str, lat: float, lon: float) -> dict:
    start = text.index(name)
    return {"start": start, "end": start + len(name), "name": name, "lat": lat, "lon": lon}


def _line(obj: object) -> bytes:
    return json.dumps(obj).encode("utf-8")


#: (raw line, what it is); line numbers are positions in this tuple + 1.
MIXED: tuple[tuple[bytes, str], ...] = (
    (_line({"id": "g1", "article_id": "a1", "text": GOOD_TEXT, "sentence": CLAIM,
            "action": "captured", "place": "Sirte",
            "toponyms": [_span(GOOD_TEXT, "Tripoli", 32.9, 13.2),
                         _span(GOOD_TEXT, "Sirte", 31.2, 16.6)]}), "good"),
    (b'{"id": "broken", "text": ', "malformed JSON"),
    (b'["a", "list"]', "not an object"),
    (_line({"id": "m1", "article_id": "m1", "title": "no text"}), "missing text"),
    (b"", "blank"),
    (_line({"id": "s1", "article_id": "s1", "text": GOOD_TEXT, "sentence": CLAIM,
            "action": "captured", "place": "Sirte",
            "toponyms": [_span(GOOD_TEXT, "Tripoli", 32.9, 13.2),
                         {"start": 40, "end": 4000, "name": "Nowhere"}]}), "bad span"),
    (b'{"id": "u1", "text": "caf\xe9 in Sirte", "sentence": "caf\xe9"}', "invalid UTF-8"),
    (_line({"id": "g2", "article_id": "a2", "text": "Fighting near Misrata.",
            "sentence": "Government forces retook Misrata on Friday.",
            "action": "captured", "place": "Misrata",
            "toponyms": [_span("Fighting near Misrata.", "Misrata", 32.4, 15.1)]}), "good"),
)
ALWAYS_BAD = {"malformed JSON", "not an object", "missing text", "invalid UTF-8"}


@pytest.fixture()
def mixed(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b"\n".join(raw for raw, _ in MIXED) + b"\n")
    return path


def _run(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(main, list(args))
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    assert not crashed, f"{type(result.exception).__name__}: {result.exception}"
    assert "Traceback" not in result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    return result.exit_code, rows, result.stderr


def _check_alignment(rows: list[dict], bad: set[str], source: Path, stderr: str) -> None:
    numbered = [(n, kind) for n, (_, kind) in enumerate(MIXED, start=1) if kind != "blank"]
    assert len(rows) == len(numbered), "one output line per non-blank input line"
    for row, (number, kind) in zip(rows, numbered, strict=True):
        if kind in bad:
            assert row["error"].startswith(f"line {number}: "), (kind, row)
            assert f"conflictmap: {source}:{number}: " in stderr, kind
        else:
            assert "error" not in row, (kind, row)
    assert f"{len(bad & {k for _, k in numbered})} of {len(numbered)} lines rejected" in stderr


def test_geoparse_keeps_going_past_bad_lines(mixed: Path) -> None:
    code, rows, stderr = _run("geoparse", str(mixed))
    assert code == 0, stderr
    _check_alignment(rows, ALWAYS_BAD, mixed, stderr)
    assert [r["id"] for r in rows] == ["g1", None, None, "m1", "s1", None, "g2"]
    assert [t["name"] for t in rows[0]["toponyms"]][:2] == ["Tripoli", "Sirte"]
    assert rows[6]["toponyms"][0]["name"] == "Misrata"
    for bad in (rows[1], rows[2], rows[3], rows[5]):
        assert bad["toponyms"] == []
    assert "not valid JSON" in rows[1]["error"] and "UTF-8" in rows[5]["error"]


def test_geoparse_gold_spans_keeps_one_output_per_input_toponym(mixed: Path) -> None:
    code, rows, stderr = _run("geoparse", "--gold-spans", str(mixed))
    assert code == 0, stderr
    _check_alignment(rows, ALWAYS_BAD | {"bad span"}, mixed, stderr)
    spanned = rows[4]
    assert spanned["id"] == "s1" and "outside the text" in spanned["error"]
    tripoli, nowhere = spanned["toponyms"]
    assert tripoli["name"] == "Tripoli" and abs(tripoli["lat"] - 32.9) < 0.5
    assert nowhere["name"] == "Nowhere" and nowhere["lat"] is None and nowhere["lon"] is None
    assert [t["name"] for t in rows[0]["toponyms"]] == ["Tripoli", "Sirte"]


def test_geoparse_score_counts_only_good_lines(mixed: Path) -> None:
    code, _, stderr = _run("geoparse", "--gold-spans", "--score", str(mixed))
    assert code == 0, stderr
    assert "scored 2 of 7 lines; 5 skipped" in stderr
    metrics = json.loads(stderr[stderr.index("{"):])
    assert metrics["resolution"]["n"] == 3  # Tripoli, Sirte, Misrata
    assert metrics["resolution"]["acc161"] == 1.0


def test_extract_claims_keeps_going_past_bad_lines(mixed: Path) -> None:
    code, rows, stderr = _run("extract-claims", "--no-resolve", str(mixed))
    assert code == 0, stderr
    _check_alignment(rows, ALWAYS_BAD, mixed, stderr)
    assert [r["article_id"] for r in rows] == ["a1", None, None, "m1", "s1", None, "a2"]
    assert [(c["action"], c["place"]) for c in rows[0]["claims"]] == [("captured", "Sirte")]
    assert [c["place"] for c in rows[6]["claims"]] == ["Misrata"]
    assert "'sentence' or 'text'" in rows[3]["error"]


def test_extract_claims_score_counts_only_good_lines(mixed: Path) -> None:
    code, _, stderr = _run("extract-claims", "--no-resolve", "--score", str(mixed))
    assert code == 0, stderr
    assert "scored 3 of 7 lines, 4 skipped" in stderr
    metrics = dict(line.split(": ") for line in stderr.splitlines() if line.count(": ") == 1
                   and not line.startswith("conflictmap"))
    assert float(metrics["control_recall"]) == 1.0 and float(metrics["control_precision"]) == 1.0


def test_an_error_line_breaks_a_run_of_repeated_sentences(tmp_path: Path) -> None:
    sentence = "Ukrainian troops recaptured Kherson, Snihurivka and Pravdyne on Friday."
    good = _line({"article_id": "r", "sentence": sentence})
    path = tmp_path / "runs.jsonl"
    path.write_bytes(b"\n".join([good, good, b"{oops", good]) + b"\n")
    code, rows, stderr = _run("extract-claims", "--no-resolve", str(path))
    assert code == 0, stderr
    places = [[c["place"] for c in row["claims"]] for row in rows]
    assert places == [["Kherson", "Snihurivka"], ["Pravdyne"], [],
                      ["Kherson", "Snihurivka", "Pravdyne"]]
    assert rows[2]["error"].startswith("line 3: ")


@pytest.mark.parametrize("command", [["geoparse"], ["geoparse", "--gold-spans"],
                                     ["extract-claims", "--no-resolve"]])
@pytest.mark.parametrize(("content", "message"), [
    (b"not json\n[1, 2]\n\xff\xfe\n", "no usable line (3 rejected"),
    (b"", "no JSON lines to read"),
    (b"\n  \n", "no JSON lines to read"),
    (b"\x00\x01\x02\x03binary\x9c\x00", "no usable line (1 rejected"),
    ('{"text": "x"}\n'.encode("utf-16"), "UTF-16"),
])
def test_no_readable_line_fails_clearly(tmp_path: Path, command: list[str], content: bytes,
                                        message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_bytes(content)
    result = CliRunner().invoke(main, [*command, str(path)])
    assert result.exit_code == 1, result.output
    assert message in result.stderr and "Traceback" not in result.output


def test_a_flood_of_bad_lines_is_counted_not_listed(tmp_path: Path) -> None:
    from cli.jsonl_lines import MAX_WARNINGS

    path = tmp_path / "flood.jsonl"
    path.write_bytes(b"\x9c\n" * (MAX_WARNINGS + 10) + _line({"id": "ok", "text": "x"}) + b"\n")
    code, rows, stderr = _run("geoparse", str(path))
    assert code == 0 and len(rows) == MAX_WARNINGS + 11
    assert all("error" in row for row in rows[:-1]) and "error" not in rows[-1]
    assert stderr.count("not valid UTF-8") == MAX_WARNINGS
    assert "further bad lines are only counted" in stderr
    assert f"{MAX_WARNINGS + 10} of {MAX_WARNINGS + 11} lines rejected" in stderr
