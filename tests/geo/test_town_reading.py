"""The town reading of a region's name, on the real gazetteer (issue 18's Sennar claim)."""

from claims import analyze_article


def test_sennar_is_measured_from_the_town_not_the_state_centre():
    analysis = analyze_article("Sennar, about 90 km south of Wad Madani, was shelled.")
    (verdict,) = analysis.verdicts.values()
    assert verdict.status == "consistent", verdict.label
    assert 85 <= verdict.true_km <= 100
