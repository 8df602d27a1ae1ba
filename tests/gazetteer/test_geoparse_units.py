"""Unit tests of the geoparser parts that need no gazetteer: tokens, qualifiers, metrics."""

from __future__ import annotations

import pytest

from gazetteer.context import DocumentProfile, qualifier_after, state_from_abbreviation
from gazetteer.evaluation import (
    MAX_ERROR_KM,
    recognition_scores,
    resolution_errors,
    resolution_scores,
)
from gazetteer.model import Place
from gazetteer.recognize import Recognizer, tokenize


def _place(
    name: str,
    cc: str,
    admin1: str | None,
    code: str = "PPL",
    pop: int = 1000,
    lat: float = 0.0,
    lon: float = 0.0,
) -> Place:
    return Place(
        id=f"t:{name}:{cc}:{admin1}",
        name=name,
        lat=lat,
        lon=lon,
        feature_code=code,
        country_code=cc,
        admin1=admin1,
        population=pop,
        precision="country" if code.startswith("PCL") else "town",
    )


_TOY = {
    "paris": [_place("Paris", "FR", "11", "PPLC", 2_000_000, 48.85, 2.35)],
    "washington": [_place("Washington", "US", "DC", "PPLC", 600_000, 38.9, -77.0)],
    "gulf of sirte": [_place("Gulf of Sirte", "LY", None, "GULF", 0, 31.5, 18.0)],
    "chelsea": [_place("Chelsea", "US", "MA", "PPL", 40_000, 42.39, -71.03)],
    "march": [_place("March", "GB", "ENG", "PPL", 20_000, 52.55, 0.09)],
    "smith": [_place("Smith", "CA", "01", "PPL", 600, 55.0, -114.0)],
}


def _toy_lookup(name: str) -> list[Place]:
    from gazetteer.names import normalize

    return _TOY.get(normalize(name), [])


@pytest.fixture()
def toy() -> Recognizer:
    return Recognizer(_toy_lookup)


def test_tokenize_keeps_abbreviations_and_hyphenated_names() -> None:
    words = [t.text for t in tokenize("Forces near al-Watiya, W.Va., and the U.S. left.")]
    assert words == ["Forces", "near", "al-Watiya", "W.Va.", "and", "the", "U.S.", "left."]


def test_recognizer_takes_longest_name_with_connectors(toy: Recognizer) -> None:
    text = "Ships crossed the Gulf of Sirte toward Paris."
    assert [s.text for s in toy.find(text)] == ["Gulf of Sirte", "Paris"]


@pytest.mark.parametrize(
    "text",
    [
        "The party met Chelsea Clinton there.",
        "A reporter for the Washington Post wrote it.",
        "March was cold.",
        "President Washington spoke.",
        "They met Mr. Smith. Later Smith said no.",
    ],
)
def test_recognizer_rejects_person_and_organisation_uses(toy: Recognizer, text: str) -> None:
    assert toy.find(text) == []


def test_recognizer_keeps_place_before_allowed_title(toy: Recognizer) -> None:
    assert [s.text for s in toy.find("We flew to Paris on Monday.")] == ["Paris"]


def test_us_state_abbreviation_qualifier() -> None:
    assert state_from_abbreviation("Kan.") == "KS"
    assert qualifier_after("Springfield, Ill., police", len("Springfield"))[0] == "IL"
    assert qualifier_after("Springfield, and more", len("Springfield")) is None


def test_profile_leaves_the_asking_name_out() -> None:
    ohio = _place("Ohio", "US", "OH", "ADM1", 11_000_000)
    town = _place("Columbus", "US", "OH", "PPLA", 900_000)
    profile = DocumentProfile.from_places([("ohio", ohio, 1.0), ("columbus", town, 1.0)])
    c_share, a_share, c_named, a_named = profile.shares("columbus", town)
    assert c_share == 1.0 and a_share == 1.0 and a_named and not c_named
    assert profile.shares("ohio", ohio)[3] is False  # Ohio does not name itself


@pytest.mark.parametrize("seed", range(20))
def test_nearest_reading_within_a_limit_is_the_nearest_reading(seed: int) -> None:
    """Skipping readings far off by latitude changes no answer nearer than the limit."""
    import math
    import random

    rng = random.Random(seed)
    points = [(f"n{i}", Place(f"p{i}", f"P{i}", rng.uniform(-60, 60), rng.uniform(-180, 180),
                              "PPL")) for i in range(rng.randint(1, 40))]
    profile = DocumentProfile.from_places([(key, place, 1.0) for key, place in points])
    for _ in range(20):
        here = Place("q", "Q", rng.uniform(-60, 60), rng.uniform(-180, 180), "PPL")
        limit = rng.choice((50.0, 400.0, 2000.0))
        full = profile.nearest_km("asker", here)
        bounded = profile.nearest_km("asker", here, within_km=limit)
        if full is not None and full[0] < limit:
            assert bounded == full
        else:
            assert bounded is None or bounded[0] >= limit
    # a reading due north 5 degrees (about 556 km) is skipped below that, not above
    north = DocumentProfile.from_places([("a", Place("a", "A", 15.0, 30.0, "PPL"), 1.0)])
    here = Place("q", "Q", 10.0, 30.0, "PPL")
    assert north.nearest_km("x", here, within_km=400.0) is None
    assert math.isclose(north.nearest_km("x", here, within_km=600.0)[0], 556, abs_tol=1)


def test_remembered_distances_follow_the_votes() -> None:
    """A vote forgets the remembered distances; other weights on the same readings keep them."""
    tripoli = _place("Tripoli", "LY", "09", lat=32.9, lon=13.2)
    misrata = _place("Misrata", "LY", "08", lat=32.4, lon=15.1)
    sirte = _place("Sirte", "LY", "10", lat=31.2, lon=16.6)
    asker = _place("Zliten", "LY", "08", lat=32.47, lon=14.57)
    first = DocumentProfile.from_places([("tripoli", tripoli, 1.0), ("sirte", sirte, 0.5)])
    near = first.nearest_km("zliten", asker)
    assert near[1] == "Tripoli"
    assert first.nearest_km("zliten", asker) == near  # remembered
    first.add("misrata", misrata, 1.0)  # a new vote: asked again, not remembered
    assert first.nearest_km("zliten", asker)[1] == "Misrata"
    first = DocumentProfile.from_places([("tripoli", tripoli, 1.0), ("sirte", sirte, 0.5)])
    first.nearest_km("zliten", asker)
    # the same readings at other weights take the answers; other readings do not
    reweighed = DocumentProfile.from_places([("tripoli", tripoli, 0.2), ("sirte", sirte, 0.9)])
    reweighed.inherit_distances(DocumentProfile.from_places(
        [("tripoli", tripoli, 1.0), ("sirte", sirte, 0.5)]))
    moved = DocumentProfile.from_places([("tripoli", misrata, 1.0), ("sirte", sirte, 0.5)])
    moved.inherit_distances(first)
    assert reweighed.nearest_km("zliten", asker) == near
    assert moved.nearest_km("zliten", asker)[1] == "Misrata"


def test_resolution_metrics() -> None:
    gold = [{"lat": 0.0, "lon": 0.0}] * 3
    pred = [{"lat": 0.0, "lon": 1.0}, {"lat": 0.0, "lon": 3.0}, {"lat": None, "lon": None}]
    errors = resolution_errors(gold, pred)
    assert errors[2] == MAX_ERROR_KM
    scores = resolution_scores(errors)
    assert scores.acc161 == pytest.approx(1 / 3)
    assert 300 < scores.median_km < 350
    assert scores.unresolved == 1
    assert 0.0 < scores.auc < 1.0


def test_recognition_metrics_exact_and_overlap() -> None:
    gold = [("a", 0, 5), ("a", 10, 20), ("b", 0, 4)]
    pred = [("a", 0, 5), ("a", 12, 20), ("b", 6, 8)]
    s = recognition_scores(gold, pred)
    assert (s.precision, s.recall) == (pytest.approx(1 / 3), pytest.approx(1 / 3))
    assert (s.overlap_precision, s.overlap_recall) == (pytest.approx(2 / 3), pytest.approx(2 / 3))


def test_saint_dedication_is_not_a_place_part() -> None:
    """'St Paul's Cathedral' is dedicated to a saint; it is not in St. Paul, Minnesota."""
    from gazetteer.fallback import part_of_name

    def lookup(name: str) -> list:
        return ["found"] if name in ("St Paul's", "Paul's", "Windsor", "London") else []

    assert part_of_name("St Paul's Cathedral", lookup) is None
    assert part_of_name("Windsor Castle", lookup) == ("Windsor", ("found",))
    assert part_of_name("London St Paul's Cathedral", lookup) == ("London", ("found",))


def test_town_and_its_county_named_together_support_each_other() -> None:
    """A town inside a county the document also names gains over its namesakes elsewhere."""
    from dataclasses import replace

    from gazetteer.names import normalize
    from gazetteer.resolve import ResolverItem, resolve_items

    big = _place("Richmond", "US", "VA", pop=200_000, lat=37.5, lon=-77.4)
    small = _place("Richmond", "US", "KY", pop=30_000, lat=37.7, lon=-84.3)
    county_ky = replace(_place("Madison County", "US", "KY", code="ADM2", pop=40_000), id="c:ky")
    county_ky = replace(county_ky, precision="district", lat=37.7, lon=-84.3)
    county_ms = replace(
        _place("Madison County", "US", "MS", code="ADM2", pop=60_000, lat=32.6, lon=-90.0),
        id="c:ms",
        precision="district",
    )
    parents = {small.id: [county_ky], big.id: []}

    def items() -> list[ResolverItem]:
        return [
            ResolverItem(key="richmond", places=(big, small)),
            ResolverItem(key="madison county", places=(county_ms, county_ky)),
        ]

    plain = items()
    resolve_items(plain, normalize=normalize)
    linked = items()
    resolve_items(linked, normalize=normalize, parents=lambda p: parents.get(p.id, []))


    def score(item: ResolverItem, place_id: str) -> float:
        return next(c.score for c in item.ranked if c.place.id == place_id)

    assert score(linked[0], small.id) > score(plain[0], small.id)
    assert score(linked[0], big.id) == score(plain[0], big.id)
    assert score(linked[1], "c:ky") > score(plain[1], "c:ky")
    assert linked[0].ranked[0].place is small and linked[1].ranked[0].place.id == "c:ky"
    assert any("in Madison County" in r for r in linked[0].ranked[0].reasons)


def test_loose_spelling_match_of_a_small_place_is_a_weak_reading() -> None:
    """A hamlet matched only by a loose spelling can give way to the article's town."""
    from gazetteer.model import Candidate, Mention
    from gazetteer.readings import is_weak_reading as _is_far_part

    hamlet = _place("Ilminster", "GB", "ENG", pop=5_000)
    loose = Mention(0, 10, "Almonaster", (Candidate(hamlet, 1.0, ("skeleton match (-2.0)",)),))
    supported = Candidate(hamlet, 1.0, ("main name", "document region GB.ENG 50%"))
    exact = Mention(0, 9, "Ilminster", (supported,))
    big = _place("Chartres", "FR", "24", pop=60_000)
    far_big = Mention(0, 8, "Chartre", (Candidate(big, 1.0, ("skeleton match (-2.0)",)),))
    in_country = Candidate(big, 1.0, ("skeleton match (-2.0)", "document country FR 60%"))
    home_big = Mention(0, 8, "Chartre", (in_country,))
    assert _is_far_part(loose) and not _is_far_part(exact)
    assert _is_far_part(far_big) and not _is_far_part(home_big)


def test_focus_town_lies_in_the_most_named_region() -> None:
    """Of two towns named once each, the one in the region the document crowds in is the focus."""
    import dataclasses

    from gazetteer.fallback import focus_place
    from gazetteer.model import Candidate, Mention

    def mention(place: Place) -> Mention:
        return Mention(0, 1, place.name, (Candidate(place, 1.0, ("main name",)),))

    far = _place("Franklin", "US", "TN", pop=80_000)
    home = _place("Metairie", "US", "LA", pop=140_000)
    state = _place("Louisiana", "US", "LA", code="ADM1", pop=4_600_000)
    state = dataclasses.replace(state, precision="region")
    assert focus_place([mention(far), mention(home)]) is far
    assert focus_place([mention(far), mention(state), mention(home)]) is home


def test_focus_falls_back_to_the_most_named_area() -> None:
    """With no town named, the focus is the most mentioned region or country."""
    import dataclasses

    from gazetteer.fallback import focus_candidate, focus_place
    from gazetteer.model import Candidate, Mention

    country = dataclasses.replace(_place("Ireland", "IE", None, code="PCLI"), radius_km=200.0)
    only = Mention(0, 7, "Ireland", (Candidate(country, 1.0, ("main name",)),))
    assert focus_place([only]) is country
    placed = focus_candidate("Rathmore Lane", country)
    assert placed.place.radius_km == 200.0 and "the area the article is about" in placed.reasons[0]


def test_paper_town_from_a_local_papers_address() -> None:
    """A local paper's domain often starts with its town: a hint for the whole article."""
    from gazetteer.address import paper_town

    assert paper_town("http://www.richmondregister.com/localnews/story.html") == "Richmond"
    assert paper_town("http://www.echopress.com/articles/?id=1") is None  # too short to tell
    assert paper_town("https://www.bbc.co.uk/news/world") is None
    assert paper_town("not a url") is None
