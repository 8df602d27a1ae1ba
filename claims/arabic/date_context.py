"""The event date a sentence counts from the sentence before (rule "days after").

"دخلت القوات الحديدة يوم الأربعاء. وبعد يومين، اقتحمت القوات المطار": the storming is
Friday's. A sentence with no date phrase of its own that opens with "بعد يومين"، "بعد
ثلاثة أيام"، "في اليوم التالي" (:data:`DAYS_AFTER_RE`) is that many days after the day of
the sentence before. A sentence with no such words takes no date from before: the probe
sets' writers fill a continuing line's date only now and then (a withdrawal "from the city"
told after a capture is mostly left without one), so carrying the day on would add as many
wrong dates as right ones. Works on folded text.

Rule "same place, day before" (:func:`reference_day`) is the narrow case that does carry:
a statement whose place is a reference (المدينة، البلدة، منها) in a sentence with no date
of its own continues the event the sentence right before dated ("دخلت القوات ود مدني
أمس. وقال شهود إنها دخلت المدينة من الشرق"), as the probe conventions note ("date from
the sentence before").
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.arabic.numbers import parse_number_words

__all__ = ["DAYS_AFTER_RE", "PLUPERFECT_RE", "carried_date", "reference_day"]

#: "بعد يومين"، "بعد ثلاثة أيام"، "في اليوم التالي": days after the day before's event.
DAYS_AFTER_RE = re.compile(
    r"(?<![\w])(?:[وف]?بعد\s+(?:(?P<two>يومين)|(?P<n>\S+)\s+ايام|(?P<one>يوم))|"
    r"(?P<next>اليوم\s+التالي))(?![\w])(?!\s+من)")


def carried_date(folded: str, previous: date | None) -> date | None:
    """Return the day of a sentence counted from ``previous`` (rule "days after"), or None.

    >>> day = date(2018, 6, 13)
    >>> carried_date("وبعد يومين، اقتحمت القوات المطار", day)
    datetime.date(2018, 6, 15)
    >>> carried_date("وقال المتحدث ان وحداتها دخلت المدينه", day) is None
    True
    >>> carried_date("دخلت القوات المدينه بعد يومين من الحصار", day) is None  # a duration
    True
    """
    after = DAYS_AFTER_RE.search(folded)
    if previous is None or after is None:
        return None
    if after["two"]:
        return previous + timedelta(days=2)
    if after["one"] or after["next"]:
        return previous + timedelta(days=1)
    value = parse_number_words(after["n"])
    return previous + timedelta(days=int(value)) if value else None


#: "وكان/وكانت ... قد" (pluperfect): an event before the one told, not its continuation.
PLUPERFECT_RE = re.compile(r"(?<![\w])[وف]?(?:كان|كانت|كانوا|كانتا)(?![\w])[^.]*?"
                           r"(?<![\w])قد(?![\w])")


def reference_day(folded: str, before: date | None, action: str) -> date | None:
    """Return the day a statement with a place by reference takes from the sentence before.

    ``before`` is the one day the sentence right before names, if any; the caller checks
    that this sentence has no date of its own. A state (holds) and a pluperfect
    (:data:`PLUPERFECT_RE`) take none (rule "same place, day before").

    >>> day = date(2023, 12, 19)
    >>> reference_day("وقال شهود ان القوات دخلت المدينه", day, "entered")
    datetime.date(2023, 12, 19)
    >>> reference_day("وكان الجيش قد سيطر علي المدينه", day, "captured") is None
    True
    >>> reference_day("وباتت المدينه تحت سيطره الجيش", day, "holds") is None
    True
    """
    if before is None or action == "holds" or PLUPERFECT_RE.search(folded):
        return None
    return before
