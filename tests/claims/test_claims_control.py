import pytest

from claims.control import find_control_statements


def triples(sentence, conflict):
    return [(s.actor_norm, s.action, s.place) for s in
            find_control_statements(sentence, conflict=conflict)]


@pytest.mark.parametrize(
    ("sentence", "conflict", "expected"),
    [
        ("Mariupol fell to Russian forces after a long siege.", "ukraine",
         [("Russia", "captured", "Mariupol")]),
        ("Ukrainian troops recaptured Kherson and Snihurivka on Friday.", "ukraine",
         [("Ukraine", "captured", "Kherson"), ("Ukraine", "captured", "Snihurivka")]),
        ("The town of Lyman was retaken by Ukrainian forces.", "ukraine",
         [("Ukraine", "captured", "Lyman")]),
        ("Houthi fighters withdrew from Hodeidah port overnight.", "yemen",
         [("Houthis", "withdrew", "Hodeidah port")]),
        ("The RSF besieged El Fasher for months.", "sudan", [("RSF", "besieged", "El Fasher")]),
        ("Syrian troops advanced towards Saraqib.", "syria",
         [("Syrian government", "advanced_towards", "Saraqib")]),
        ("Government forces stormed the village of Kafr Nabl.", "syria",
         [("Syrian government", "entered", "Kafr Nabl")]),
        ("Rebels shelled Aleppo's western districts.", "syria", []),
        ("Smoke rose above the rebel-held village of Talmenes.", "syria",
         [("Syrian rebels", "holds", "Talmenes")]),
        ("The Taliban still holds Kunduz.", "afghanistan", [("Taliban", "holds", "Kunduz")]),
        ("M23 rebels attacked Sake on Tuesday.", "drc", [("M23", "attacked", "Sake")]),
        ("Hezbollah fighters seized the northern Lebanese city of Tripoli.", "lebanon",
         [("Hezbollah", "captured", "Tripoli")]),
        ("Rebels entered the Syrian port city of Latakia.", "syria",
         [("Syrian rebels", "entered", "Latakia")]),
        ("Rebels swept into Hama on Thursday.", "syria", [("Syrian rebels", "entered", "Hama")]),
        ("Kherson is under Ukrainian control again.", "ukraine",
         [("Ukraine", "holds", "Kherson")]),
        ("Russian forces completed the encirclement of Mariupol.", "ukraine",
         [("Russia", "besieged", "Mariupol")]),
        ("The army regained control of Omdurman's old city.", "sudan",
         [("SAF", "captured", "Omdurman")]),
        ("Myanmar's military retook the town of Lashio from ethnic rebels.", "myanmar",
         [("Tatmadaw", "captured", "Lashio")]),
    ],
)
def test_triples(sentence, conflict, expected):
    assert triples(sentence, conflict) == expected


def test_intent_is_not_an_event():
    assert triples("Russian forces vowed to capture Avdiivka.", "ukraine") == []
    assert triples("Ukrainian forces will liberate Kherson soon.", "ukraine") == []


def test_offensive_to_capture_is_an_attack():
    assert triples("Russian forces launched an offensive in May to capture Kharkiv.",
                   "ukraine") == [("Russia", "attacked", "Kharkiv")]


def test_reference_points_are_not_targets():
    assert triples("Ukrainian troops took Pisky, west of Donetsk.", "ukraine") == [
        ("Ukraine", "captured", "Pisky")]


def test_the_town_refers_back():
    found = find_control_statements("Russian forces left the town at dawn.", conflict="ukraine",
                                    antecedents=["Izium"])
    assert [(s.action, s.place) for s in found] == [("withdrew", "Izium")]


def test_the_capital_is_the_conflicts_capital():
    found = find_control_statements("Rebels entered the capital.", conflict="yemen")
    assert [(s.action, s.place) for s in found] == [("entered", "Sanaa")]


def test_unknown_actor_without_subject_yields_nothing():
    assert triples("Captured villages lie in ruins.", None) == []


def test_spans_cover_the_statement():
    sentence = "Azerbaijani forces captured Shusha on Sunday."
    st = find_control_statements(sentence, conflict="karabakh")[0]
    assert sentence[st.start:st.end] == "Azerbaijani forces captured Shusha"


def test_article_mode_carries_places_forward():
    from claims import extract_claims

    text = ("Ukrainian troops pushed towards Kupiansk on Monday. "
            "By Wednesday Russian forces had left the town, officials said.")
    found = [(c.actor_norm, c.action, c.place) for c in extract_claims(
        text, published="2022-09-14", resolve=False) if c.kind == "control"]
    assert found == [("Ukraine", "advanced_towards", "Kupiansk"),
                     ("Russia", "withdrew", "Kupiansk")]


def test_relative_clause_object():
    assert triples("Fighting continued around Bakhmut, which Russian forces captured in May.",
                   "ukraine") == [("Russia", "captured", "Bakhmut")]


def test_stronghold_appositions():
    assert triples("Fighters fled to Kidal, a desert town and Tuareg rebels stronghold.",
                   "sahel") == [("Tuareg rebels", "holds", "Kidal")]
    assert triples("Government troops entered Kidal, the last stronghold of Tuareg rebels.",
                   "sahel") == [("Malian army", "entered", "Kidal")]


def test_advance_to_a_distance_from_a_place():
    assert triples("Russian troops reached a checkpoint within 20 kilometres (12 miles) of Kyiv.",
                   "ukraine") == [("Russia", "advanced_towards", "Kyiv")]


def test_qualified_place_beats_the_conflict_country_hint():
    """'the Lebanese city of Tripoli' is in Lebanon even when no geoparse is passed in."""
    from claims import extract_claims

    claims = extract_claims("Hezbollah fighters seized the northern Lebanese city of Tripoli.",
                            published="2024-10-09")
    control = [c for c in claims if c.kind == "control"]
    assert [(c.place, c.place_ref.country_code, c.conflict) for c in control] == [
        ("Tripoli", "LB", "lebanon")]


def test_stray_namesake_abroad_leaves_the_place_unresolved():
    """A Yemeni hamlet is no reading for a town in a Sudanese report (gazetteer.name_rules)."""
    from gazetteer.model import Candidate, Place
    from gazetteer.name_rules import NameOptions, _is_stray

    options = NameOptions(country="SD")
    hamlet = Place("x:h", "At Tawilah", 15.0, 43.0, "PPL", "YE", population=0)
    assert _is_stray(Candidate(hamlet, 1.0, ("alias match (-0.2)",)), options)
    assert not _is_stray(Candidate(hamlet, 1.0, ("qualified by Yemen",)), options)
    town = Place("x:t", "El Fasher", 13.6, 25.3, "PPL", "SD", population=250_000)
    assert not _is_stray(Candidate(town, 1.0, ()), options)
