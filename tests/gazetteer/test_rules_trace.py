"""The rule tables of the geoparser and the trace each output mention carries.

Sentences are our own; recognition and resolution run on the real gazetteer index.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from click.testing import CliRunner

from gazetteer import (
    MENTION_PASSES,
    RECOGNITION_RULES,
    capital_of,
    country_code,
    country_name,
    country_of_adjective,
    geoparse,
    get_geoparser,
    is_demonym,
    resolve_name,
    resolve_spans,
)
from gazetteer.index import get_index
from gazetteer.protocol import PlaceIndex
from gazetteer.recognition_rules import KEPT_BY_DEFAULT, RecognitionRule
from gazetteer.recognize import Recognizer


@pytest.mark.parametrize("table", [RECOGNITION_RULES, MENTION_PASSES])
def test_every_rule_is_named_once_with_what_it_applies_to_and_an_example(table) -> None:
    names = [rule.name for rule in table]
    assert len(names) == len(set(names))
    for rule in table:
        assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
        assert rule.applies_to and rule.example


def test_recognition_keeps_places_and_names_the_rule_that_dropped_each_other_match() -> None:
    text = "Mr. Jackson said the Washington Post reported shelling near Sirte on Monday."
    spans, dropped = get_geoparser().recognizer.find_explained(text)
    assert [(s.text, s.trace) for s in spans] == [("Sirte", (KEPT_BY_DEFAULT,))]
    rules = {d.text: d.rule for d in dropped}
    assert rules["Jackson"] == "person-title-before"
    assert rules["Washington"] == "media-name"


def test_geoparse_trace_starts_with_recognition_then_the_resolver() -> None:
    text = "Shelling hit Misrata and Sirte overnight, officials in Tripoli said."
    mentions = geoparse(text)
    assert [m.text for m in mentions] == ["Misrata", "Sirte", "Tripoli"]
    for mention in mentions:
        assert mention.trace[:2] == (KEPT_BY_DEFAULT, "resolver-ranking")


def test_a_pass_that_moves_a_mention_is_named_in_its_trace() -> None:
    dateline = geoparse("(NEW YORK) — Rain fell all day and the trains stopped.")[0]
    assert dateline.place is not None and dateline.place.precision == "town"
    assert dateline.trace == (KEPT_BY_DEFAULT, "resolver-ranking", "capitals-dateline-city")


def test_passes_that_place_an_unknown_facility_are_named_in_order() -> None:
    text = "The boy was moved to the Zorvath Children's Hospital in Rome last week."
    start, end = text.index("Zorvath"), text.index(" in Rome")
    rome = text.index("Rome")
    hospital, city = resolve_spans(text, [(start, end), (rome, rome + 4)])
    assert hospital.place is not None and hospital.place.country_code == "IT"
    assert hospital.trace == ("fallback:focus-town", "contained-reading")
    assert city.trace == ("resolver-ranking",)


def test_trace_is_not_part_of_equality() -> None:
    mention = geoparse("Fighting went on near Sirte.")[0]
    assert replace(mention, trace=()) == mention


def test_a_rule_added_to_the_table_decides_before_the_others() -> None:
    """Another script or language adds its rules as entries of the same loop."""
    parser = get_geoparser()
    no_sirte = RecognitionRule(
        "no-sirte", "drop", "the test's own rule", "Sirte", lambda c: c.lower == "sirte"
    )
    recognizer = Recognizer(parser.strict_places, rules=(no_sirte, *RECOGNITION_RULES))
    spans, dropped = recognizer.find_explained("Fighting went on near Sirte on Monday.")
    assert spans == []
    assert [(d.text, d.rule) for d in dropped] == [("Sirte", "no-sirte")]
    # A doubted single word listed with places is kept, and its trace says both.
    spans, _dropped = recognizer.find_explained("Fighting near Sirte and Misrata.")
    assert [(s.text, s.trace) for s in spans] == [
        ("Sirte", ("no-sirte", "listed-with-places")),
        ("Misrata", (KEPT_BY_DEFAULT,)),
    ]


def test_the_index_implements_the_protocol_the_geoparser_uses() -> None:
    assert isinstance(get_index(), PlaceIndex)


def test_geoparse_explain_adds_traces_and_dropped_matches(tmp_path) -> None:
    from cli import main

    path = tmp_path / "doc.jsonl"
    text = "Mr. Jackson said shelling went on near Sirte."
    path.write_text(json.dumps({"id": "d1", "text": text}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", "--explain", str(path)])
    assert result.exit_code == 0, result.output
    out = json.loads(result.output.splitlines()[0])
    assert out["toponyms"][0]["name"] == "Sirte"
    assert out["toponyms"][0]["trace"][0] == KEPT_BY_DEFAULT
    assert {"start": 4, "end": 11, "name": "Jackson", "rule": "person-title-before"} in out[
        "dropped"
    ]
    plain = CliRunner().invoke(main, ["geoparse", str(path)])
    assert "trace" not in json.loads(plain.output.splitlines()[0])["toponyms"][0]


def test_gold_spans_explain_keeps_one_trace_per_input_span(tmp_path) -> None:
    from cli import main

    text = "Shelling went on near Sirte."
    start = text.index("Sirte")
    doc = {"id": "d", "text": text, "toponyms": [{"start": start, "end": start + 5}, "bad"]}
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["geoparse", "--gold-spans", "--explain", str(path)])
    toponyms = json.loads(result.output.splitlines()[0])["toponyms"]
    assert toponyms[0]["trace"] == ["resolver-ranking"]
    assert toponyms[1]["trace"] == []


@pytest.mark.parametrize(
    ("word", "code"),
    [("Libyan", "LY"), ("Nigerian", "NG"), ("Congolese", "CD"), ("Gharyan", None)],
)
def test_country_of_a_demonym_comes_from_the_demonym_file(word: str, code: str | None) -> None:
    assert country_of_adjective(word) == code


def test_country_names_codes_and_capitals() -> None:
    assert country_code("Libya") == "LY" and country_name("UA") == "Ukraine"
    assert capital_of("the Libyan capital") == "Tripoli"
    assert capital_of("Syria's capital") == "Damascus"
    assert is_demonym("Kurdish") and country_of_adjective("Kurdish") is None
    assert not is_demonym("Tripoli") and not is_demonym("libyan")


def test_resolve_name_rules_for_claims() -> None:
    def place(name: str, **options):
        found = resolve_name(name, single_name_rules=True, **options)
        return found[0] if found else None

    capital = place("the Libyan capital", country="LY", capital="Tripoli")
    assert capital.place.name == "Tripoli" and capital.reasons[0] == "capital-description"
    city = place("the city centre", country="LY", antecedent="Sirte")
    assert city.place.name == "Sirte" and city.reasons[0] == "generic-city"
    assert place("the city", country="LY", capital_fallback=False) is None
    misrata = place("Misrata", country="LY", context_text="Fighting near Misrata.")
    assert misrata.place.precision == "town"
    sirte = resolve_name("Sirte", index=None)[0].place
    known = place("Sirte", known={"sirte": sirte})
    assert known.place == sirte and known.reasons == ("known-in-article",)
    plain = resolve_name("Misrata", context_text="Fighting near Misrata.")
    assert all("town-over-district" not in c.reasons for c in plain)


@pytest.mark.parametrize(("text", "name", "country", "admin1"), [
    ("Springfield, Oregon, said on Monday that the mill would close.", "Springfield", "US", "OR"),
    ("London, Ontario is a city of 400,000.", "London", "CA", "08"),
    ("Prague, Oklahoma held a festival.", "Prague", "US", "OK"),
    ("Tripoli in northern Lebanon saw clashes.", "Tripoli", "LB", None),
])
def test_given_span_reads_the_qualifier_next_to_it(text, name, country, admin1):
    """A qualifier that is not itself a given span still qualifies it (as end to end)."""
    from gazetteer import resolve_spans

    start = text.index(name)
    (mention,) = resolve_spans(text, [(start, start + len(name))])
    assert mention.place.country_code == country
    if admin1:
        assert mention.place.admin1 == admin1
