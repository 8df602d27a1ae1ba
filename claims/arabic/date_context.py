"""The event date a sentence counts from the sentence before (rule "days after").

"دخلت القوات الحديدة يوم الأربعاء. وبعد يومين، اقتحمت القوات المطار": the storming is
Friday's. A sentence with no date phrase of its own that opens with "بعد يومين"، "بعد
ثلاثة أيام"، "في اليوم التالي" (:data:`DAYS_AFTER_RE`) is that many days after the day of
the sentence before. A sentence with no such words takes no date from before: the probe
sets' writers fill a continuing line's date only now and then (a withdrawal "from the city"
told after a capture is mostly left without one), so carrying the day on would add as many
wrong dates as right ones. One opening does (rule "came after"): "وجاء سقوط المدينة بيد
..."، "وجاءت سيطرة القوات على البلدة بعد ..." tells again the event of the sentence before,
whose day it keeps. Works on folded text.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claims.arabic.numbers import parse_number_words

__all__ = ["CAME_RE", "DAYS_AFTER_RE", "carried_date"]

#: "بعد يومين"، "بعد ثلاثة أيام"، "في اليوم التالي": days after the day before's event.
DAYS_AFTER_RE = re.compile(
    r"(?<![\w])(?:[وف]?بعد\s+(?:(?P<two>يومين)|(?P<n>\S+)\s+ايام|(?P<one>يوم))|"
    r"(?P<next>اليوم\s+التالي))(?![\w])(?!\s+من)")


#: Rule "came after": a sentence that opens with "وجاء"/"وجاءت" (came) and a verbal noun
#: tells the event before again ("وجاء سقوط المدينة بيد X بعد أسابيع من المعارك").
CAME_RE = re.compile(r"^\s*[وف](?:قد\s+)?(?:جاء|جاءت|تاتي|ياتي)\s+(?:\S+\s+)?(?:ال)?"
                     r"(?:سقوط|سيطره|سيطرت(?:ها|ه|هم)?|دخول(?:ها|ه|هم)?|استعاده|استعادت(?:ها|ه|هم)?|"
                     r"انسحاب(?:ها|ه|هم)?|اقتحام|تحرير|"
                     r"الاستيلاء|استيلاء|اعلان)(?![\w])")


def carried_date(folded: str, previous: date | None) -> date | None:
    """Return the day of a sentence counted from ``previous`` (rule "days after"), or None.

    >>> day = date(2018, 6, 13)
    >>> carried_date("وبعد يومين، اقتحمت القوات المطار", day)
    datetime.date(2018, 6, 15)
    >>> carried_date("وقال المتحدث ان وحداتها دخلت المدينه", day) is None
    True
    >>> carried_date("دخلت القوات المدينه بعد يومين من الحصار", day) is None  # a duration
    True
    >>> carried_date("وجاء سقوط المدينه بيد القوات بعد معارك", day)
    datetime.date(2018, 6, 13)
    """
    after = DAYS_AFTER_RE.search(folded)
    if previous is not None and after is None and CAME_RE.search(folded):
        return previous
    if previous is None or after is None:
        return None
    if after["two"]:
        return previous + timedelta(days=2)
    if after["one"] or after["next"]:
        return previous + timedelta(days=1)
    value = parse_number_words(after["n"])
    return previous + timedelta(days=int(value)) if value else None


