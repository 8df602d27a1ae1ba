"""Round-9 Arabic control rules (issue 16), one test per named rule."""
from __future__ import annotations

from claims.arabic.extract import CONTROL_NOUNS_AFTER_SPEAKER, REPORTING_NOUNS
from claims.lines import run_file


def _claims(sentence: str, conflict: str = "ukraine") -> list[tuple]:
    row = {"article_id": "t", "sentence": sentence, "published": "2024-02-17",
           "conflict": conflict}
    return [(c.get("action"), c.get("place"), c.get("actor_norm"))
            for c in run_file([row])[0].get("claims", [])]


def test_capital_announces_a_control_noun() -> None:
    """Rule "capital announces a control noun": the capital is the actor, not the place."""
    assert "السيطره" in CONTROL_NOUNS_AFTER_SPEAKER and "اعلان" in REPORTING_NOUNS
    got = _claims("أعلنت موسكو السيطرة الكاملة على مدينة أفدييفكا في دونيتسك.")
    assert ("captured", "أفدييفكا", "Russia") in got
    assert all(place != "موسكو" for _, place, _ in got)
