"""Ingest on every backend: stored once, atomic, the claims frame, filters, corrections."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from claims.model import ControlClaim, Provenance
from core.errors import IngestError, InputRejected
from store import ArticleInput, ClaimFilter

REQUIRED_COLUMNS = (
    "claim_id kind article_id title source url published event_date actor actor_norm action "
    "place place_id lat lon precision radius_km quote value_min value_max unit qualifier "
    "direction subject subject_lat subject_lon anchor anchor_lat anchor_lon true_km diff_km "
    "diff_pct verdict bearing conflict"
).split()

TEXT_A = "Sirte fell to the LNA on Monday. Sirte is 100 km from Misrata, officials said."
TEXT_B = "Gharyan fell after a surprise attack. Gharyan is 60 km from Tripoli."


def _article(text: str = TEXT_A, **kw) -> ArticleInput:
    meta = {"title": "Report", "source": "Outlet A", "published": "2020-01-06",
            "conflict": "libya"} | kw
    return ArticleInput(text=text, **meta)


def _counts(store) -> tuple[int, int, int]:
    s = store.stats()
    return s["articles"], s["mentions"], s["claims"]


def test_duplicate_is_stored_once(store, analyzer):
    first = store.ingest_article(_article(), analyzer=analyzer)
    again = store.ingest_article(_article(text="  " + TEXT_A.replace(" ", "  ") + "\n"),
                                 analyzer=analyzer)
    assert first.status == "stored" and first.claims == 2 and first.mentions == 3
    assert again.status == "duplicate" and again.article_id == first.article_id
    assert _counts(store) == (1, 3, 2)


def test_duplicate_race_is_caught_by_the_unique_constraint(store, analyzer, monkeypatch):
    store.ingest_article(_article(), analyzer=analyzer)
    import store.store as store_module
    from store.writer import existing_article_id

    calls = []

    def late_check(conn, digest):
        # Pretend the early check missed it (another process wrote it meanwhile).
        calls.append(digest)
        return None if len(calls) == 1 else existing_article_id(conn, digest)

    monkeypatch.setattr(store_module, "existing_article_id", late_check)
    result = store.ingest_article(_article(), analyzer=analyzer)
    assert result.status == "duplicate"
    assert _counts(store) == (1, 3, 2)


def test_failure_half_way_leaves_the_database_unchanged(store, analyzer):
    store.ingest_article(_article(TEXT_B), analyzer=analyzer)
    before = _counts(store)

    def breaks_mid_write(text, **meta):
        result = analyzer(text, **meta)
        bad = ControlClaim(Provenance(None, 0, 5, 0, 10), "X", "X", "captured", "Sirte")
        return SimpleNamespace(mentions=result.mentions, claims=[*result.claims, bad])

    with pytest.raises(IngestError):
        store.ingest_article(_article(), analyzer=breaks_mid_write)
    assert _counts(store) == before
    # The same article goes in cleanly afterwards: nothing half-written blocks it.
    assert store.ingest_article(_article(), analyzer=analyzer).status == "stored"


def test_failing_analyzer_writes_nothing_and_the_batch_goes_on(store, analyzer):
    def flaky(text, **meta):
        if "Gharyan" in text:
            raise ValueError("analysis exploded")
        if "Tripoli" in text:
            return None.mentions  # a plain bug in the analyzer
        return analyzer(text, **meta)

    results = list(store.ingest_many([_article(TEXT_B), _article("Tripoli fell."),
                                      _article()], analyzer=flaky))
    assert [r.status for r in results] == ["failed", "failed", "stored"]
    assert "analysis exploded" in results[0].reason
    assert "AttributeError" in results[1].reason
    assert _counts(store)[0] == 1


def test_rejects_empty_and_oversized_text(store, analyzer):
    with pytest.raises(InputRejected, match="empty"):
        store.ingest_article(ArticleInput(text="   \n"), analyzer=analyzer)
    store.limits = type(store.limits)(max_article_chars=10)
    with pytest.raises(InputRejected, match="over the limit"):
        store.ingest_article(_article(), analyzer=analyzer)
    assert _counts(store) == (0, 0, 0)


def test_claims_frame_has_the_agreed_columns_and_points(store, analyzer):
    store.ingest_article(_article(), analyzer=analyzer)
    frame = store.claims_frame(ClaimFilter())
    assert set(REQUIRED_COLUMNS) <= set(frame.columns)
    control = frame[frame.kind == "control"].iloc[0]
    assert (control.place, control.actor_norm, control.action) == ("Sirte", "LNA", "captured")
    assert control.lat == pytest.approx(31.2089) and control.published == date(2020, 1, 6)
    assert control.quote == TEXT_A[control.start:control.end]
    distance = frame[frame.kind == "distance"].iloc[0]
    assert (distance.anchor, distance.subject) == ("Misrata", "Sirte")
    assert distance.anchor_lat == pytest.approx(32.3754)
    # drawn at the subject's position when it is known
    assert (distance.lat, distance.lon) == (distance.subject_lat, distance.subject_lon)


def test_filters(store, analyzer):
    store.ingest_article(_article(), analyzer=analyzer)
    store.ingest_article(_article(TEXT_B, source="Outlet B", published="2019-06-27",
                                  conflict="other"), analyzer=analyzer)

    def n(**kw) -> int:
        return len(store.claims_frame(ClaimFilter(**kw)))

    assert n() == 4
    assert n(since=date(2020, 1, 1)) == 2 and n(until="2019-12-31") == 2
    assert n(sources=["Outlet B"]) == 2 and n(sources=["nobody"]) == 0
    assert n(kinds=["control"]) == 2 and n(actors=["LNA"]) == 2
    assert n(conflict="libya") == 2
    assert n(text="gharyan") == 2 and n(text="MISRATA") == 1
    assert n(text="' OR 1=1 --") == 0 and n(text="100%") == 0 and n(text="_") == 0
    assert n(text="\x00") == 0 and n(sources=["Outlet A\x00"]) == 0 and n(conflict="\x00") == 0
    assert n(limit=1) == 1
    assert store.sources() == ["Outlet A", "Outlet B"]
    assert store.actors() == ["LNA"]
    assert store.date_bounds() == (date(2019, 6, 27), date(2020, 1, 6))


def test_correcting_a_mention_re_resolves_claims_and_is_audited(store, analyzer):
    result = store.ingest_article(_article(), analyzer=analyzer)
    sirte = [m for m in store.mentions(result.article_id) if m["text"] == "Sirte"]
    assert len(sirte) == 2
    updated = store.correct_place(sirte[0]["id"], lat=31.0, lon=16.2, name="Sirte (east)",
                                  who="tester", note="wrong point")
    assert updated == 2  # the control claim and the distance claim's subject
    frame = store.claims_frame()
    assert set(frame.lat.round(3)) == {31.0}
    distance = frame[frame.kind == "distance"].iloc[0]
    assert distance.subject_lat == pytest.approx(31.0)
    assert all(m["lat"] == pytest.approx(31.0) for m in store.mentions(result.article_id)
               if m["text"] == "Sirte")
    audit = store.corrections(result.article_id)
    mention_rows = [c for c in audit if c["target"] == "mention"]
    assert len(mention_rows) == 2 and mention_rows[0]["who"] == "tester"
    assert mention_rows[0]["from_value"]["id"] == "test:sirte"
    assert mention_rows[0]["to_value"]["lat"] == pytest.approx(31.0)
    with pytest.raises(InputRejected):
        store.correct_place(10_000, lat=1, lon=1)
    with pytest.raises(InputRejected):
        store.correct_place(sirte[0]["id"], lat=95, lon=1)


def test_correcting_an_anchor_recomputes_the_distance_verdict(store, analyzer):
    pytest.importorskip("geo.verdict")
    result = store.ingest_article(_article(), analyzer=analyzer)
    before = store.claims_frame(ClaimFilter(kinds=["distance"])).iloc[0]
    misrata = next(m for m in store.mentions(result.article_id) if m["text"] == "Misrata")
    store.correct_place(misrata["id"], lat=31.3, lon=16.6)  # next to Sirte
    after = store.claims_frame(ClaimFilter(kinds=["distance"])).iloc[0]
    assert after.anchor_lat == pytest.approx(31.3)
    assert before.true_km == pytest.approx(192, abs=3)
    assert after.true_km is not None and after.true_km < 20


def test_preview_overrides_are_saved_with_the_article(store, analyzer):
    from gazetteer.model import Place

    other = Place("test:other", "Sirte", 30.0, 17.0, "PPL", "LY")
    start = TEXT_A.index("Sirte")
    result = store.ingest_article(_article(), analyzer=analyzer,
                                  overrides={(start, start + 5): other}, who="preview")
    first = store.mentions(result.article_id)[0]
    assert first["place_id"] == "test:other" and first["corrected"] == 1
    assert first["candidates"][0]["place"]["id"] == "test:other"
    assert store.corrections(result.article_id)[-1]["who"] == "preview"
    with pytest.raises(InputRejected, match="latitude"):
        store.ingest_article(_article(TEXT_B), analyzer=analyzer,
                             overrides={(0, 7): Place("m:1", "x", 95.0, 0.0, "PPL")})
    with pytest.raises(InputRejected, match="no place mention"):
        store.ingest_article(_article(TEXT_B), analyzer=analyzer, overrides={(0, 1): other})
    assert store.stats()["articles"] == 1


def test_demo_loads_once(store):
    added = store.load_demo()
    assert 150 <= added <= 300
    assert store.load_demo() == 0
    stats = store.stats()
    assert stats["claims"] == added
    assert stats["claims_by_kind"]["distance"] >= 20
    frame = store.claims_frame(ClaimFilter(conflict="libya"))
    assert frame.lat.notna().all() and len(set(frame.source)) >= 10
    sirte = frame[(frame.place == "Sirte") & (frame.action == "captured")]
    assert set(sirte.event_date) == {date(2020, 1, 6)} and set(sirte.actor_norm) == {"LNA"}
    gharyan = frame[(frame.kind == "distance") & (frame.subject == "Gharyan")]
    assert {60.0, 80.0, 90.0, 100.0} <= set(gharyan.value_min)
    for row in frame.itertuples():  # every quote is a real span of its article
        text = store.article(row.article_id)["text"] if row.claim_id % 40 == 0 else None
        if text is not None:
            assert text[row.start:row.end] == row.quote
