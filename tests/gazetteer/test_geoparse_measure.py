"""The measurement behind ``bench.geoparse`` and ``bench.rules --ablate`` (own documents)."""

from __future__ import annotations

from bench.geoparse_measure import feature_class, half, score_corpus
from bench.rules_ablation import rule_names
from gazetteer import MENTION_PASSES, RECOGNITION_RULES, get_geoparser
from gazetteer.informal import RECOGNITION_STEPS
from gazetteer.passes import PASS_SWITCHES
from gazetteer.qualifiers import QUALIFIER_RULES


def _doc(doc_id: str, text: str, gold: list[tuple[str, float, float, str]], **extra) -> dict:
    toponyms = []
    for name, lat, lon, code in gold:
        start = text.index(name)
        toponyms.append({"start": start, "end": start + len(name), "name": name,
                         "lat": lat, "lon": lon, "geonameid": None, "type": code, **extra})
    return {"id": doc_id, "text": text, "toponyms": toponyms}


def test_feature_classes_and_halves() -> None:
    assert [feature_class(c) for c in ("PCLI", "ADM1", "RGN", "PPLC", "AIRB")] == [
        "country", "region", "region", "city", "site/other"]
    assert {half(f"doc-{n}") for n in range(20)} == {0, 1}


def test_score_corpus_counts_by_class_and_checks_gold_against_end_to_end() -> None:
    docs = [
        _doc("m-1", "Ferries left Lagos for Ghana on Monday.",
             [("Lagos", 6.45, 3.39, "PPL"), ("Ghana", 7.9, -1.0, "PCLI")]),
        # Gold placed far off on purpose: both modes are wrong, and counted so.
        _doc("m-2", "The team flew home to Nairobi.", [("Nairobi", 40.0, -100.0, "PPLC")]),
    ]
    scored = score_corpus(docs, get_geoparser())
    assert scored.gold_ok == [True, True, False]
    assert scored.by_class("gold") == {
        "country": (0, 1), "region": (0, 0), "city": (1, 2), "site/other": (0, 0)}
    assert scored.gold_below_e2e() == 0
    assert abs(scored.acc("gold") - 2 / 3) < 1e-9


def test_expected_unresolved_counts_a_far_namesake_as_wrong() -> None:
    # A made-up hamlet "near" Paris, Texas: gold point in Texas, the name is France's.
    doc = _doc("m-3", "Parade floats reached Paris by noon.", [("Paris", 33.66, -95.55, "PPL")],
               expect="unresolved")
    scored = score_corpus([doc], get_geoparser())
    assert scored.expect_unresolved == [True]
    assert scored.gold_far == [True] and scored.gold_ok == [False]


def test_the_ablation_covers_every_rule_table() -> None:
    names = [name for _table, name in rule_names()]
    expected = ([r.name for r in RECOGNITION_RULES] + [n for n, _e in RECOGNITION_STEPS]
                + [n for n, _e in QUALIFIER_RULES] + [p.name for p in MENTION_PASSES]
                + [n for n, _e in PASS_SWITCHES])
    assert names == expected and len(set(names)) == len(names)


def test_timed_passes_start_cold_every_repeat_and_leave_the_heap_unfrozen() -> None:
    import gc

    from bench.geoparse import timed_passes
    from cli.geoparse_cmd import predict_document

    parser = get_geoparser()
    docs = [_doc("t-1", "Buses ran again between Accra and Kumasi.", [])]
    expected = [predict_document(d, gold_spans=False, parser=parser) for d in docs]
    outputs, colds, warms = timed_passes(parser, docs, repeats=2)
    assert outputs == expected
    assert len(colds) == len(warms) == 2 and min(colds + warms) >= 0.0
    assert gc.get_freeze_count() == 0
    parser.clear_caches(index=True)
    assert not parser.index._match_cache and not parser.recognizer._cache
    assert parser.places_for("Kumasi")  # lookups still answer after a clear
