"""Acceptance table for the example article (Global Research, published 2020-01-13)."""

from datetime import date

import pytest

from claims import ControlClaim, DistanceClaim, analyze_article
from claims.dates import resolve_event_date
from claims.sentences import split_sentences

PUBLISHED = date(2020, 1, 13)


@pytest.fixture(scope="module")
def analysis(seed_article):
    return analyze_article(seed_article, published=PUBLISHED, source="Global Research",
                           url="https://example.org/article", article_id="seed")


def _sentence_with(text, needle):
    return next(s for _, _, s in split_sentences(text) if needle in s)


def test_sirte_captured_by_the_lna(analysis, seed_article):
    hits = [c for c in analysis.control_claims
            if c.action == "captured" and c.place == "Sirte" and c.actor_norm == "LNA"]
    assert len(hits) == 1
    prov = hits[0].provenance
    assert seed_article[prov.start:prov.end] == prov.quote
    assert prov.source == "Global Research" and prov.published == PUBLISHED
    assert hits[0].place_ref is not None and hits[0].place_ref.country_code == "LY"


def test_lna_a_few_kilometres_from_central_tripoli(analysis):
    hits = [c for c in analysis.distance_claims if (c.value_min, c.value_max) == (2, 9)]
    assert len(hits) == 1
    claim = hits[0]
    assert claim.unit == "km" and "capital" in claim.anchor
    assert claim.anchor_place is not None and claim.anchor_place.name == "Tripoli"
    assert claim.subject_kind == "force" and claim.actor_norm == "LNA"


def test_misrata_claim_puts_front_about_90_km_past_sirte(analysis):
    idx, claim = next((i, c) for i, c in enumerate(analysis.claims)
                      if isinstance(c, DistanceClaim) and c.value_min == 100)
    assert claim.qualifier == "only" and claim.anchor == "Misrata"
    verdict = analysis.verdicts[idx]
    assert verdict.held_place == "Sirte"
    assert verdict.held_to_anchor_km == pytest.approx(192, abs=5)
    assert verdict.front_past_km == pytest.approx(90, abs=8)
    assert "past Sirte" in verdict.label


def test_ceasefire_at_midnight_on_sunday(seed_article):
    sentence = _sentence_with(seed_article, "midnight on Sunday")
    assert resolve_event_date(sentence, PUBLISHED, near=sentence.index("midnight")) == (
        date(2020, 1, 12), date(2020, 1, 12))


def test_turkstream_on_wednesday(seed_article):
    sentence = _sentence_with(seed_article, "Turkstream")
    assert resolve_event_date(sentence, PUBLISHED)[0] == date(2020, 1, 8)


def test_no_claims_invented_from_boilerplate(analysis):
    assert all(isinstance(c, (ControlClaim, DistanceClaim)) for c in analysis.claims)
    assert len(analysis.claims) <= 6
    assert analysis.conflict == "libya"
