"""Event dates in Arabic reporting, read against the publication date.

Weekdays (الثلاثاء, يوم الخميس, الثلاثاء الماضي, فجر الاثنين), relative words (أمس,
أول أمس, اليوم, منذ يومين, منذ ثلاثة أيام) and day-month dates in both month systems
(12 مارس, 12 آذار 2024). A weekday is the last such day on or before publication
("الماضي" steps back a week if it is the publication day). Works on folded text.

>>> from datetime import date
>>> pub = date(2019, 6, 28)  # a Friday
>>> [arabic_event_date(fold(s), pub)[0].isoformat() for s in (
...     "قصفت القوات المدينه امس", "دخلت القوات البلده فجر الاثنين", "منذ يومين",
...     "يوم الجمعه الماضي", "في 3 آذار", "في 26 يونيو 2019")]
['2019-06-27', '2019-06-24', '2019-06-26', '2019-06-21', '2019-03-03', '2019-06-26']
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.arabic.numbers import parse_number_words
from claims.arabic.prefilter import TriggerGate
from claims.arabic.text import fold

__all__ = ["MONTHS", "WEEKDAYS", "arabic_event_date", "has_date_phrase"]

#: Weekday names (folded) -> Python weekday (Monday 0).
WEEKDAYS: dict[str, int] = {fold(k): v for k, v in {
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6}.items()}
#: Month names of both systems (Egyptian/Maghrebi from the Latin, Levantine/Iraqi Syriac).
MONTHS: dict[str, int] = {fold(k): v for k, v in {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6,
    "تموز": 7, "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11,
    "كانون الأول": 12, "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6,
    "جويلية": 7, "أوت": 8}.items()}

_alt = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
_MONTH_RE = re.compile(rf"(?<![\w])(?P<day>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?"
                       rf"(?P<month>{_alt(MONTHS)})(?![\w])"
                       rf"(?:\s+(?:عام\s+|سنه\s+)?(?P<year>\d{{4}}))?")
_WEEKDAY_RE = re.compile(rf"(?<![\w])[وف]?(?:يوم\s+)?(?P<day>{_alt(WEEKDAYS)})(?![\w])"
                         r"(?:\s+(?P<last>الماضي|المنصرم|الفايت))?")
#: Rule "night over two days": "ليل السبت الأحد"، "ليلة الجمعة - السبت" name a night
#: that spans two days; the event has no one day (None), as the probe conventions say.
#: A night of one weekday ("ليلة الأحد") is that day, as the dev set reads it.
_NIGHT_RE = re.compile(rf"(?<![\w])[وف]?(?:ليل|ليله|خلال\s+ليل|خلال\s+ليله)\s+(?:يوم\s+)?"
                       rf"(?:{_alt(WEEKDAYS)})\s*(?:[-/]|علي|الي)?\s*و?(?:{_alt(WEEKDAYS)})(?![\w])")
#: Relative days; "the day before yesterday" is written both ways (أول أمس، أمس الأول).
_RELATIVE_RE = re.compile(
    r"(?<![\w])(?:(?P<before>اول\s+امس|اول\s+من\s+امس|[وب]?امس\s+الاول)|(?P<yesterday>[وب]?امس)|"
    r"(?P<today>اليوم|الليله)|منذ\s+(?P<ago>يومين|(?P<n>\S+(?:\s+و?\S+)?)\s+ايام|يوم))(?![\w])")

#: The date patterns, each searched only in a sentence holding one of its literals (a
#: weekday, a month, أمس ...: :class:`claims.arabic.prefilter.TriggerGate`, one pass).
_GATE = TriggerGate([(p.pattern, p) for p in (_MONTH_RE, _WEEKDAY_RE, _NIGHT_RE, _RELATIVE_RE)])


#: Rule "date in a name": a day and month right after the noun of a movement, a revolt or
#: a unit name the group, not a day ("حركة 23 مارس"، "ثورة 17 فبراير"، "قوى 14 آذار"،
#: "كتيبة 17 فبراير"): no event date.
_NAMED_FOR_DATE_RE = re.compile(r"(?<![\w])[وفبل]?(?:ال)?(?:حركه|ثوره|تيار|قوي|تحالف|ايتلاف|"
                                r"كتيبه|كتايب|لواء|جبهه|شباب|انتفاضه|مجموعه)\s+$")


def _weekday_date(published: date, weekday: int, last: bool) -> date:
    back = (published.weekday() - weekday) % 7
    if back == 0 and last:
        back = 7
    return published - timedelta(days=back)


def arabic_event_date(folded: str, published: date | None) -> tuple[date | None, date | None]:
    """Return the ``(first, last)`` day of the first date phrase in a folded sentence.

    A night over two days (:data:`_NIGHT_RE`) first in the sentence gives ``(None, None)``.
    """
    nights = [(m.start(), m.end()) for m in _GATE.scan(_NIGHT_RE, folded)]
    found: list[tuple[int, date | None]] = [(start, None) for start, _end in nights]
    for m in _GATE.scan(_MONTH_RE, folded):
        if _NAMED_FOR_DATE_RE.search(folded, max(0, m.start() - 20), m.start()):
            continue
        year = int(m.group("year")) if m.group("year") else (published.year if published else None)
        if year is None:
            continue
        try:
            day = date(year, MONTHS[m.group("month")], int(m.group("day")))
        except ValueError:
            continue
        if not m.group("year") and published and day > published:
            day = day.replace(year=year - 1)
        found.append((m.start(), day))
    if published is not None:
        for m in _GATE.scan(_WEEKDAY_RE, folded):
            if any(s <= m.start() < e for s, e in nights):
                continue
            found.append((m.start(), _weekday_date(published, WEEKDAYS[m.group("day")],
                                                   bool(m.group("last")))))
        for m in _GATE.scan(_RELATIVE_RE, folded):
            if m.group("before"):
                back = 2
            elif m.group("yesterday"):
                back = 1
            elif m.group("today"):
                back = 0
            elif m.group("ago") == "يومين":
                back = 2
            elif m.group("ago") == "يوم":
                back = 1
            else:
                value = parse_number_words(m.group("n"))
                if value is None:
                    continue
                back = int(value)
            found.append((m.start(), published - timedelta(days=back)))
    if not found:
        return None, None
    day = min(found, key=lambda f: f[0])[1]
    return day, day


def has_date_phrase(folded: str) -> bool:
    """Whether a folded sentence names a day of its own (a date, a weekday, أمس, a night).

    >>> has_date_phrase("دخلت القوات المدينه امس"), has_date_phrase("دخلت القوات المدينه")
    (True, False)
    """
    months = (m for m in _GATE.scan(_MONTH_RE, folded)
              if not _NAMED_FOR_DATE_RE.search(folded, max(0, m.start() - 20), m.start()))
    return next(months, None) is not None or any(
        _GATE.may_match(pattern, folded) and pattern.search(folded)
        for pattern in (_WEEKDAY_RE, _RELATIVE_RE, _NIGHT_RE))
