from datetime import date

import pytest

from claims.dates import find_dates, parse_published, resolve_event_date

MONDAY = date(2020, 1, 13)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the ceasefire starts at midnight on Sunday", date(2020, 1, 12)),
        ("the pipeline opened on Wednesday", date(2020, 1, 8)),
        ("troops moved in late on Thursday", date(2020, 1, 9)),
        ("the spokesman said on Monday", MONDAY),  # publication weekday = that day
        ("the army entered the town yesterday", date(2020, 1, 12)),
        ("rebels took the hill this morning", MONDAY),
        ("fighting began on 8 January 2020", date(2020, 1, 8)),
        ("fighting began on January 8", date(2020, 1, 8)),
        ("the base fell on Dec. 30", date(2019, 12, 30)),  # no year: the year before
    ],
)
def test_exact_dates(text, expected):
    first, last = resolve_event_date(text, MONDAY)
    assert first == last == expected


def test_ranges_for_vague_phrases():
    first, last = resolve_event_date("the town was taken days ago", MONDAY)
    assert first < last < MONDAY
    first, last = resolve_event_date("clashes last week", MONDAY)
    assert (first, last) == (date(2019, 12, 31), date(2020, 1, 6))


def test_needs_publication_date_for_relative_phrases():
    assert resolve_event_date("on Wednesday the army attacked", None) == (None, None)
    assert resolve_event_date("On June 5, 2020, troops entered", None)[0] == date(2020, 6, 5)


def test_nearest_exact_date_wins():
    text = "On Sunday the rebels attacked, and on Tuesday the army retook the town"
    tuesday = text.index("retook")
    assert resolve_event_date(text, MONDAY, near=tuesday)[0] == date(2020, 1, 7)
    assert len(find_dates(text, MONDAY)) == 2


@pytest.mark.parametrize(("value", "expected"), [
    ("2020-01-13", MONDAY), ("2020-01-13 10:00:00", MONDAY), (None, None), ("", None),
    (MONDAY, MONDAY), ("not a date at all", None),
])
def test_parse_published(value, expected):
    assert parse_published(value) == expected


@pytest.mark.parametrize(("text", "first", "last"), [
    ("fighting since earlier this month", date(2020, 1, 1), MONDAY),
    ("the town changed hands last month", date(2019, 12, 1), date(2019, 12, 31)),
    ("the offensive began in April", date(2019, 4, 1), date(2019, 4, 30)),
    ("shelling last night", date(2020, 1, 12), date(2020, 1, 12)),
])
def test_month_and_night_phrases(text, first, last):
    assert resolve_event_date(text, MONDAY) == (first, last)


@pytest.mark.parametrize(("text", "verb", "expected"), [
    ("Rebels left the town on Friday, and the army retook it a day later.", "retook",
     date(2020, 1, 11)),
    ("The army shelled it on Thursday; two days earlier it had withdrawn.", "withdrawn",
     date(2020, 1, 7)),
    ("They entered Sirte on Wednesday, and the next day they took the port.", "took",
     date(2020, 1, 9)),
    ("The convoy arrived on Saturday; the following day it was attacked.", "attacked",
     date(2020, 1, 12)),
])
def test_days_counted_from_an_earlier_date_in_the_sentence(text, verb, expected):
    assert resolve_event_date(text, MONDAY, near=text.index(verb))[0] == expected


def test_a_day_later_without_an_earlier_date_or_past_publication_is_no_date():
    assert resolve_event_date("The town fell a day later.", MONDAY) == (None, None)
    assert not any(d.first > MONDAY for d in find_dates("Fighting on Monday; a day later, calm.",
                                                         MONDAY))


# Rule *clock-gate*: the anchored phrases are searched only where their words or a clock
# time's digits stand; the answers are those of searching every sentence.
CLOCK_GATE_SENTENCES = [
    "On Monday the RSF shelled El Fasher; at 06:30 the army answered with drones.",
    "At 23.45 Houthi fighters fired at a ship off Hodeidah, the coalition said.",
    "Ukrainian troops entered Vovchansk on Monday and two days later held the station.",
    "M23 rebels took the road to Sake on Tuesday; the next day they shelled the town.",
    "Later that night Tatmadaw aircraft struck a village near Lashio.",
    "Hours later al-Shabaab fighters had left Bulo Marer, residents said.",
    "That attack at the Kabul airport gate killed 13 US troops.",  # "at", no clock
    "Fighting near Tripoli lasted 2.5 days, at least 40 died.",  # digits, no clock
    "The battalion at 0630 hours: a time without a colon is no clock reading.",
]


@pytest.mark.parametrize("sentence", CLOCK_GATE_SENTENCES)
def test_clock_gate_finds_what_searching_every_sentence_finds(sentence, monkeypatch):
    import claims.dates as dates

    gated = find_dates(sentence, MONDAY)

    class _Always:
        def search(self, _text):  # the clock gate always passes
            return True

    monkeypatch.setattr(dates, "_CLOCK_DIGITS", _Always())
    assert find_dates(sentence, MONDAY) == gated


def test_clock_gate_still_reads_clock_times_and_day_words():
    from claims.dates import _ANCHORED, _ANCHORED_WORDS, _CLOCK_DIGITS, _searchable

    for sentence in CLOCK_GATE_SENTENCES:
        if _ANCHORED.search(sentence):
            assert _ANCHORED_WORDS in _searchable(sentence) or _CLOCK_DIGITS.search(sentence)
    first, last = resolve_event_date(CLOCK_GATE_SENTENCES[0], MONDAY, near=60)
    assert first == last == MONDAY  # "at 06:30": the day of the date before it
    assert not _CLOCK_DIGITS.search(CLOCK_GATE_SENTENCES[6])
    assert _ANCHORED_WORDS not in _searchable(CLOCK_GATE_SENTENCES[6])
