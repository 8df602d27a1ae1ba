"""The round-8 English rules, each on sentences of its own (not the probe tables' lines).

Dates: *overnight* (:mod:`claims.dates`, the night before publication) and
*same-day-as-before* ("later in the day" is the day of the date before it, else the day of
publication).
"""

from datetime import date

import pytest

from claims import extract_claims
from claims.dates import resolve_event_date

THURSDAY = date(2023, 6, 15)


def _dated(text: str, published: str) -> list[tuple[str, str, str | None]]:
    return [(c.action, c.place, c.event_date and c.event_date.isoformat())
            for c in extract_claims(text, published=published, resolve=False)
            if c.kind == "control"]


@pytest.mark.parametrize("text", [
    "Drones hit the fuel depot overnight, the governor said.",
    "Overnight, the militia shelled two villages on the river.",
])
def test_overnight_is_the_night_before_publication(text):
    assert resolve_event_date(text, THURSDAY) == (date(2023, 6, 14), date(2023, 6, 14))


def test_a_weekday_beats_overnight_when_nearer_the_verb():
    text = "The rebels took the bridge on Monday after shelling it overnight."
    near = text.index("took")
    assert resolve_event_date(text, THURSDAY, near=near)[0] == date(2023, 6, 12)


@pytest.mark.parametrize(("phrase", "expected"), [
    ("Later in the day", "2023-06-13"),
    ("Hours later", "2023-06-13"),
    ("Later that night", "2023-06-13"),
])
def test_later_in_the_day_is_the_day_of_the_sentence_before(phrase, expected):
    text = (f"Ukrainian troops entered Lyman on Tuesday. {phrase} Russian units pulled out "
            "of Kreminna.")
    assert ("withdrew", "Kreminna", expected) in _dated(text, "2023-06-15")


def test_later_in_the_day_without_a_day_before_is_the_news_day():
    assert resolve_event_date("Later in the day the rebels left the hill.", THURSDAY) == (
        THURSDAY, THURSDAY)
