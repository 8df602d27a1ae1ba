import pytest

from claims.distance import clean_anchor, find_distance_statements, parse_direction


@pytest.mark.parametrize(
    ("sentence", "value", "qualifier", "direction", "anchor"),
    [
        ("Kherson, about 100 km north-east of Odesa, was shelled.", 100, "about", "north-east",
         "Odesa"),
        ("The convoy stopped 40km SW from #Mosul overnight.", 40, None, "south-west", "Mosul"),
        ("Marib lies some 120 kilometres east of the capital, Sanaa.", 120, "about", "east",
         "Sanaa"),
        ("The airbase is located 9 km northeast of the town of Hun.", 9, None, "north-east",
         "Hun"),
        ("Shells fell 15 km east of Khartoum’s downtown on Friday.", 15, None, "east", "Khartoum"),
        ("Rebels were within 25 miles of the capital.", 25, "within", None, "the capital"),
        ("The front barely moved, around 10 miles from the centre of the capital of 2 million.",
         10, "about", None, "the capital"),
    ],
)
def test_statement_parts(sentence, value, qualifier, direction, anchor):
    found = find_distance_statements(sentence)
    assert len(found) == 1
    st = found[0]
    assert st.amount.value_min == value
    assert st.amount.qualifier == qualifier
    assert st.direction == direction
    assert st.anchor == anchor
    assert sentence[st.start:st.end].startswith(sentence[st.amount.start:st.amount.end][:3]) or \
        "located" in sentence[st.start:st.end]


def test_subject_is_the_place_before_the_comma():
    st = find_distance_statements("Bakhmut, some 90 km north of Donetsk, saw heavy fighting.")[0]
    assert (st.subject, st.subject_kind) == ("Bakhmut", "place")


def test_subject_force():
    st = find_distance_statements("Russian forces are now 30 km from Kyiv.")[0]
    assert st.subject_kind == "force"


def test_distance_from_earlier_anchor():
    st = find_distance_statements(
        "The distance of the army from the town of Kupiansk fell to less than 3 kilometers.")[0]
    assert st.anchor == "Kupiansk" and st.amount.qualifier == "less than"


def test_amount_without_anchor_is_not_a_claim():
    assert find_distance_statements("The column advanced 5 km during the night.") == []


def test_two_statements_in_one_sentence():
    found = find_distance_statements(
        "Troops moved from Aden (150 km west of Mukalla) to Lahij (30 km north of Aden).")
    assert [(s.amount.value_min, s.anchor) for s in found] == [(150, "Mukalla"), (30, "Aden")]


@pytest.mark.parametrize(("text", "expected"), [
    ("north-eastern", "north-east"), ("SSW", "south-south-west"), ("West", "west"),
    ("to the south", "south"), ("nowhere", None), ("s", None),
])
def test_parse_direction(text, expected):
    assert parse_direction(text) == expected


@pytest.mark.parametrize(("raw", "clean"), [
    ("the Libyan capital", "the Libyan capital"), ("the capital, Sanaa", "Sanaa"),
    ("the rebel-held Idlib airbase", "Idlib airbase"),
    ("the Egyptian border", "the Egyptian border"),
])
def test_clean_anchor(raw, clean):
    assert clean_anchor(raw) == clean


@pytest.mark.parametrize(("sentence", "anchor"), [
    ("Shells landed 30 km from the country’s capital on Monday.", "the country’s capital"),
    ("Izium is 120 km from Ukraine’s second city Kharkiv.", "Kharkiv"),
    ("Strikes hit within a 30-kilometre radius of Donetsk.", "Donetsk"),
    ("It is 20 km from the Russian-held city of Donetsk.", "Donetsk"),
    ("Fighting raged 15 km inland from the coast of Aden.", "Aden"),
])
def test_anchor_phrasings(sentence, anchor):
    assert [s.anchor for s in find_distance_statements(sentence)] == [anchor]


def test_conversions_in_words_or_unreadable_are_skipped():
    st = find_distance_statements(
        "Troops are now less than 10 kilometres (six miles) from the centre of Pokrovsk.")[0]
    assert st.anchor == "Pokrovsk" and st.amount.alt_value == 6
    st = find_distance_statements("Shelling about 5 km (roughly 3 mi.) west of Kharkiv.")[0]
    assert (st.anchor, st.direction) == ("Kharkiv", "west")


@pytest.mark.parametrize(("sentence", "subject"), [
    ("Troops stormed the town, some 90 km south of Kyiv, at dawn.", "the town"),
    ("The town is located about 100 km north of Aden.", "The town"),
    ("They took Kherson airport about 5 km west of the city.", "Kherson airport"),
    ("Fighting raged in eastern Ukraine - about 30 km from Donetsk.", None),
    ("Attacks continued in Syrian Idlib, 60 km south of Aleppo.", "Idlib"),
])
def test_subject_rules(sentence, subject):
    assert find_distance_statements(sentence)[0].subject == subject


def test_the_town_resolves_through_the_article_not_the_capital():
    from claims import extract_claims

    text = "Ukrainian troops entered Lyman on Saturday. The town is about 160 km east of Kharkiv."
    claim = next(c for c in extract_claims(text, published="2022-10-01") if c.kind == "distance")
    assert claim.subject == "The town"
    assert claim.subject_place is not None and claim.subject_place.name == "Lyman"
    alone = next(c for c in extract_claims("The town is 100 km from Misrata.")
                 if c.kind == "distance")
    assert alone.subject_place is None  # never silently the capital


def test_subject_read_absurdly_far_from_its_anchor_is_left_unresolved():
    """A namesake 2,000 km away is a wrong reading, not a reporter's error to flag."""
    from claims import analyze_article

    text = ("The RSF took El Fasher on Sunday. Army units withdrew to Tawila, some 60 "
            "kilometres west of El Fasher.")
    claims = analyze_article(text, published="2025-10-27").claims
    tawila = next(c for c in claims if c.kind == "distance" and c.subject == "Tawila")
    assert tawila.anchor_place is not None and tawila.anchor_place.name == "El Fasher"
    assert tawila.subject_place is None


def test_implausible_subject_keeps_ordinary_misstatements():
    from claims.extract import _implausible_subject
    from gazetteer.model import Place

    sirte = Place("x:s", "Sirte", 31.21, 16.59, "PPL", "LY")
    misrata = Place("x:m", "Misrata", 32.38, 15.09, "PPL", "LY")
    far = Place("x:f", "Namesake", 15.0, 43.0, "PPL", "YE")
    assert not _implausible_subject(sirte, misrata, 100, "km")  # 192 km true: a claim to check
    assert _implausible_subject(far, misrata, 60, "km")
