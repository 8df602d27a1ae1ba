"""Event dates from reporting prose, resolved against the publication date.

Conventions (taken from the development set):

- a weekday ("on Wednesday", "late on Thursday", "midnight on Sunday", "announced Monday")
  is the most recent such day on or before publication; the publication weekday itself
  is the publication day;
- "yesterday", "last night" and "overnight" are the day before publication,
  "today"/"this morning"/"tonight" the day itself;
- explicit dates ("8 January 2020", "January 8", "Jan. 6", "On 18 May") take the year of
  publication when none is written (the previous year when that would lie in the future);
- "a day later", "two days earlier", "the next day" count from the nearest exact date
  before them in the same text ("on Wednesday ... a day later" is Thursday), and "later in
  the day", "hours afterwards", a clock time ("at 08:00") are that date's day;
- vague expressions ("last week", "days ago", "earlier this month") become ranges;
  ranges are kept as ``(start, end)`` but are not reported as a single event date.

>>> from datetime import date
>>> resolve_event_date("The Turkstream pipeline was inaugurated on Wednesday.", date(2020, 1, 13))
(datetime.date(2020, 1, 8), datetime.date(2020, 1, 8))
>>> resolve_event_date("with the ceasefire to begin at midnight on Sunday", date(2020, 1, 13))
(datetime.date(2020, 1, 12), datetime.date(2020, 1, 12))
>>> resolve_event_date("just days ago", date(2020, 1, 13))
(datetime.date(2020, 1, 6), datetime.date(2020, 1, 12))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from claims.prefilter import NeedleIndex

__all__ = ["DateExpression", "find_dates", "parse_published", "resolve_event_date"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"

_EXPLICIT_MD = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}")
_EXPLICIT_DM = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}")
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)\b")
_WEEKDAY = re.compile(
    r"\b(?:(?:on|late\s+on|early\s+on|late|early|last|this|since|by|midnight\s+on|"
    r"(?:in\s+the\s+)?early\s+hours\s+of|until|from)\s+)?"
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
    r"(?!\s*,?\s*(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b)",
)
_RELATIVE: list[tuple[re.Pattern[str], tuple[int, int]]] = [
    (re.compile(r"\b(?:the\s+day\s+before\s+yesterday)\b", re.I), (2, 2)),
    (re.compile(r"\byesterday\b", re.I), (1, 1)),
    (re.compile(r"\b(?:today|this\s+morning|this\s+afternoon|this\s+evening|tonight|"
                r"earlier\s+today|on\s+the\s+same\s+day)\b", re.I), (0, 0)),
    (re.compile(r"\blast\s+night\b", re.I), (1, 1)),
    # rule *overnight*: "shelled the town overnight" in a report of day D is the night
    # before D, dated as "last night" is
    (re.compile(r"\bovernight\b", re.I), (1, 1)),
    (re.compile(r"\b(?:a\s+few\s+|several\s+|two\s+|three\s+)?hours\s+ago\b", re.I), (0, 0)),
    (re.compile(r"\b(?:just\s+)?(?:a\s+few\s+|several\s+|two\s+|three\s+)?days\s+ago\b", re.I),
     (7, 1)),
    (re.compile(r"\blast\s+week\b", re.I), (13, 7)),
    (re.compile(r"\b(?:this|earlier\s+this)\s+week\b", re.I), (6, 0)),
    (re.compile(r"\b(?:a\s+week|one\s+week)\s+ago\b", re.I), (8, 6)),
    (re.compile(r"\b(?:two|2)\s+weeks\s+ago\b", re.I), (16, 12)),
    (re.compile(r"\bthree\s+weeks\s+ago\b", re.I), (23, 19)),
    (re.compile(r"\b(?:last|past)\s+few\s+days\b|\brecent\s+days\b", re.I), (5, 0)),
]


@dataclass(frozen=True, slots=True)
class DateExpression:
    """A date phrase in text with its span and the inclusive date range it denotes."""

    start: int
    end: int
    first: date
    last: date

    @property
    def exact(self) -> bool:
        """True when the phrase names a single day."""
        return self.first == self.last


def parse_published(value: object) -> date | None:
    """Parse a publication date given as a date, an ISO string ("2020-01-13 ...") or None."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    if not re.search(r"\d", str(value)):
        return None  # no day or year in it: not worth loading dateparser
    try:
        import dateparser  # lazy: heavy import

        parsed = dateparser.parse(str(value), settings={"PREFER_DAY_OF_MONTH": "first"})
    except (ValueError, TypeError, OverflowError):
        return None
    return parsed.date() if parsed else None


def _shift(day: date, days: int) -> date | None:
    """Return ``day`` moved by ``days`` or None past the calendar's ends (year 1 / 9999)."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _date_index() -> tuple[tuple[re.Pattern[str], ...], NeedleIndex]:
    """Return the patterns :func:`find_dates` searches and the index of their required words."""
    patterns = (_ISO, _EXPLICIT_MD, _EXPLICIT_DM, _WEEKDAY, *(p for p, _ in _RELATIVE),
                _MONTH_ONLY, _ANCHORED_WORDS)
    return patterns, NeedleIndex(patterns)


def _searchable(text: str) -> frozenset[re.Pattern[str]]:
    """Return the date patterns that may match ``text`` (one Aho-Corasick pass over it)."""
    patterns, index = _date_index()
    return frozenset(patterns[i] for i in index.possible(text))


def find_dates(text: str, published: date | None,
               reference: date | None = None) -> list[DateExpression]:
    """Find date phrases in ``text``; phrases that need ``published`` are skipped without it.

    ``reference`` is the latest exact date of the sentences before (the article's
    discourse): "two days later" with no exact date before it in ``text`` counts from it.
    """
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, first: date | None, last: date | None) -> None:
        if first is None or last is None or any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(DateExpression(start, end, first, last))

    may = _searchable(text)  # the patterns whose required words occur in ``text``
    for match in _ISO.finditer(text) if _ISO in may else ():
        d = _make(int(match.group("year")), int(match.group("mnum")), int(match.group("day")))
        add(match.start(), match.end(), d, d)
    for pattern in (_EXPLICIT_MD, _EXPLICIT_DM):
        for match in pattern.finditer(text) if pattern in may else ():
            month = _MONTHS[match.group("month").lower().rstrip(".")]
            day = int(match.group("day"))
            if match.group("year"):
                year = int(match.group("year"))
            elif published is not None:
                year = published.year
                candidate = _make(year, month, day)
                limit = _shift(published, 7)
                if candidate and limit and candidate > limit:
                    year -= 1
            else:
                continue
            d = _make(year, month, day)
            add(match.start(), match.end(), d, d)
    if published is not None:
        for match in _WEEKDAY.finditer(text) if _WEEKDAY in may else ():
            target = _WEEKDAYS.index(match.group("wd").lower())
            back = (published.weekday() - target) % 7
            if match.group(0).lower().startswith("last ") and back == 0:
                back = 7
            d = _shift(published, -back)
            add(match.start(), match.end(), d, d)
        for pattern, (far, near) in _RELATIVE:
            for match in pattern.finditer(text) if pattern in may else ():
                add(match.start(), match.end(), _shift(published, -far),
                    _shift(published, -near))
        for match in _MONTH_ONLY.finditer(text) if _MONTH_ONLY in may else ():
            _add_month(match, published, add)
    anchored = _ANCHORED_WORDS in may or _CLOCK_DIGITS.search(text) is not None
    for match in _ANCHORED.finditer(text) if anchored else ():
        # "on Wednesday ... a day later": counted from the nearest exact date before it.
        earlier = [d for d in found if d.exact and d.end <= match.start()]
        if earlier:
            anchor = max(earlier, key=lambda d: d.end).first
        elif reference is not None:
            anchor = reference
        elif match.group("same") and published is not None:
            anchor = published  # "later in the day" with no day before it: the news day
        else:
            continue
        if match.group("same") or match.group("clock"):
            d = anchor
        else:
            count = _COUNTS[(match.group("n") or "one").lower()]
            word = (match.group("dir") or match.group("dir2")).lower()
            d = _shift(anchor, count if word in ("later", "next", "following") else -count)
        if d is not None and (published is None or d <= published):
            add(match.start(), match.end(), d, d)
    return sorted(found, key=lambda d: d.start)


_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_COUNTS.update({str(n): n for n in range(1, 10)})
# "a day later", "two days earlier", "the next day", "the following day", "the previous day";
# rule *same-day-as-before*: "later in the day", "later that night", "hours later" are the
# day of the date before them ("On Monday the rebels entered X. Later in the day ..."); so is
# a clock time ("At 08:00, the forces entered the base"), which has no day of its own
#: The branches of :data:`_ANCHORED` that are words ("a day later", "the next day").
_ANCHORED_WORD_BRANCHES = (
    r"(?P<n>a|one|two|three|four|five|six|[1-9])\s+days?\s+(?P<dir>later|earlier)"
    r"|the\s+(?P<dir2>next|following|previous)\s+day"
    r"|(?P<same>(?:later|earlier)\s+(?:in\s+the|that)\s+(?:day|night|evening|morning)"
    r"|(?:a\s+few\s+|several\s+|two\s+|three\s+)?hours\s+(?:later|afterwards|after\s+that))")
_ANCHORED = re.compile(
    r"\b(?:" + _ANCHORED_WORD_BRANCHES +
    r"|(?P<clock>\bat\s+(?:[01]?\d|2[0-3])[:.][0-5]\d))\b",
    re.I,
)
#: Rule *clock-gate*: :data:`_ANCHORED` is searched only where its word branches' words
#: occur (:data:`_ANCHORED_WORDS`, never searched itself, gives them to the date index) or
#: where a clock time may stand (:data:`_CLOCK_DIGITS`). The clock branch's only literal
#: is "at", in most English sentences ("that", "attack"): the whole pattern was searched
#: in 4,062 of 6,645 LGL + GeoWebNews sentences to match in 31.
_ANCHORED_WORDS = re.compile(r"\b(?:" + _ANCHORED_WORD_BRANCHES + r")\b", re.I)
#: What every clock time of :data:`_ANCHORED` holds: a digit, ":" or ".", a digit 0-5.
_CLOCK_DIGITS = re.compile(r"\d[:.][0-5]")


_MONTH_ONLY = re.compile(
    r"\b(?P<rel>(?:earlier\s+|later\s+)?this\s+month|last\s+month|"
    r"(?:in|since|during|by)\s+(?:early\s+|late\s+|mid-?)?(?P<month>January|February|March|April|"
    r"May|June|July|August|September|October|November|December)(?:\s+(?P<year>(?:19|20)\d\d))?)\b")


def _add_month(match: re.Match[str], published: date, add) -> None:
    """Add "this month", "last month", "in April (2019)" as the range of that month."""
    rel = match.group("rel").lower()
    if "this month" in rel:
        add(match.start(), match.end(), published.replace(day=1), published)
        return
    if rel.startswith("last month"):
        end = _shift(published.replace(day=1), -1)
        if end is not None:
            add(match.start(), match.end(), end.replace(day=1), end)
        return
    month = _MONTHS[match.group("month").lower()]
    year = int(match.group("year")) if match.group("year") else published.year
    if not match.group("year") and month > published.month:
        year -= 1  # "in April", written in January, is last April
    first = _make(year, month, 1)
    nxt = _make(year + (month == 12), month % 12 + 1, 1)
    last = _shift(nxt, -1) if nxt else None
    if first and last and first <= published:
        add(match.start(), match.end(), first, min(last, published))


_DATELINE = re.compile(r"\([^()]{0,80}?(?:News|Sputnik|Reuters|AFP|AP|Xinhua|TASS|Anadolu|UPI|"
                       r"IANS|PTI|dpa|EFE)[^()]{0,40}?\)")


def _in_dateline(text: str, expr: DateExpression) -> bool:
    """Tell whether a date sits in an agency dateline "(Agency - 27th June, 2019)"."""
    return any(m.start() <= expr.start and expr.end <= m.end() for m in _DATELINE.finditer(text))


#: Words that open a clause of another time: "five months after", "since", "before".
_OTHER_TIME = re.compile(r"\b(?:(?:\w+|\d+)\s+(?:days?|weeks?|months?|years?)\s+"
                         r"(?:after|before|since|later|earlier)|since|ago)\b", re.IGNORECASE)


def resolve_event_date(text: str, published: date | None, near: int | None = None,
                       reference: date | None = None) -> tuple[date | None, date | None]:
    """Return the ``(first, last)`` days of the event date in ``text``, or ``(None, None)``.

    With several phrases, the exact one closest to character ``near`` wins (the claim's
    verb), else the first exact one, else the first range. ``reference`` is passed on to
    :func:`find_dates` ("a day later" after an earlier sentence's date).
    """
    dates = [d for d in find_dates(text, published, reference) if not _in_dateline(text, d)]
    if near is not None:
        # "recaptured Sinja on Saturday, five months after the RSF overran it": the date
        # of the main clause is not the date of an event in a clause that counts from it
        dates = [d for d in dates if not _OTHER_TIME.search(
            text, min(d.end, near), max(d.start, near))]
    if not dates:
        return None, None
    exact = [d for d in dates if d.exact] or dates
    if near is not None:
        best = min(exact, key=lambda d: min(abs(d.start - near), abs(d.end - near)))
    else:
        best = exact[0]
    return best.first, best.last
