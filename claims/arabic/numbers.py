"""Arabic amounts of distance: digits, number words, duals, ranges, vague amounts, qualifiers.

Works on folded text (:func:`claims.arabic.text.fold`: ة is ه, أ is ا, ى is ي) without marks
(:func:`claims.arabic.text.without_marks`: "كيلومترًا" is read as "كيلومترا").

>>> [(a.value_min, a.value_max, a.unit, a.qualifier) for a in find_arabic_amounts(
...     fold("علي بعد نحو 100 كيلومتر وبين 10 و15 كيلومترا ومئتي ميل وكيلومترين"))]
[(100.0, 100.0, 'km', 'about'), (10.0, 15.0, 'km', None), (200.0, 200.0, 'mi', None), \
(2.0, 2.0, 'km', None)]
>>> [(a.value_min, a.unit) for a in find_arabic_amounts(fold("خمسه وعشرين كم و500 متر"))]
[(25.0, 'km'), (0.5, 'km')]

Amounts that are not distances give nothing (:data:`NOT_DISTANCE_AFTER`,
:data:`NOT_DISTANCE_BEFORE`): areas, speeds, altitudes, weapon ranges.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.arabic.prefilter import TriggerGate
from claims.arabic.text import fold

__all__ = ["ArabicAmount", "FRACTIONS", "NOT_DISTANCE_AFTER", "NOT_DISTANCE_BEFORE",
           "KILO_FRAMES", "NOT_DISTANCE_BEFORE_METRES",
           "NUMBER_WORDS", "QUALIFIERS", "UNIT_WORDS", "find_arabic_amounts", "parse_number_words"]

#: Number words (folded spelling) and their values; duals of hundreds and thousands included.
NUMBER_WORDS: dict[str, float] = {
    "واحد": 1, "واحده": 1, "اثنين": 2, "اثنان": 2, "اثني": 2, "اثنا": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5, "ست": 6, "سته": 6,
    "سبع": 7, "سبعه": 7, "ثمان": 8, "ثماني": 8, "ثمانيه": 8, "تسع": 9, "تسعه": 9,
    "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30,
    "اربعين": 40, "اربعون": 40, "خمسين": 50, "خمسون": 50, "ستين": 60, "ستون": 60,
    "سبعين": 70, "سبعون": 70, "ثمانين": 80, "ثمانون": 80, "تسعين": 90, "تسعون": 90,
    "مئه": 100, "مائه": 100, "مئتي": 200, "مئتين": 200, "مئتان": 200, "مائتي": 200,
    "مائتين": 200, "مائتان": 200, "ثلاثمئه": 300, "ثلاثمائه": 300, "اربعمئه": 400,
    "اربعمائه": 400, "خمسمئه": 500, "خمسمائه": 500, "ستمئه": 600, "ستمائه": 600,
    "سبعمئه": 700, "سبعمائه": 700, "ثمانمئه": 800, "ثمانمائه": 800, "تسعمئه": 900,
    "تسعمائه": 900, "الف": 1000, "الفي": 2000, "الفين": 2000, "الفان": 2000,
    "احد": 1, "احدي": 1, "اثنتي": 2, "اثنتا": 2, "اثنتين": 2,
}
#: Fractions of a unit: "نصف كيلومتر" (half a kilometre), "ربع ميل"; after a unit
#: ("ثلاثه كيلومترات ونصف") they add to the amount.
FRACTIONS: dict[str, float] = {"نصف": 0.5, "ربع": 0.25}
_MULTIPLIERS = {"مئه": 100, "مائه": 100, "الاف": 1000, "الف": 1000}
#: Vague amounts: "بضعه كيلومترات" (a few), "عده كيلومترات" (several), "عشرات" (tens).
VAGUE: dict[str, tuple[float, float]] = {
    "بضعه": (2, 9), "بضع": (2, 9), "عده": (3, 9), "عشرات": (20, 90), "مئات": (200, 900),
    "الاف": (2000, 9000),
}
#: Vague amounts written after a plural unit: "على بعد كيلومترات قليلة" (a few).
VAGUE_AFTER: dict[str, tuple[float, float]] = {"قليله": (2, 9), "معدوده": (2, 9)}
_PLURAL_UNITS = ("كيلومترات", "اميال", "امتار")
#: Unit words (folded) -> unit; a dual ("كيلومترين") alone means two.
UNIT_WORDS: dict[str, str] = {
    "كم": "km", "كلم": "km", "كيلومتر": "km", "كيلومترا": "km", "كيلومترات": "km",
    "كيلو متر": "km", "كيلو مترا": "km", "كيلو مترات": "km", "الكيلومترات": "km",
    "كيلو": "km",
    "ميل": "mi", "ميلا": "mi", "اميال": "mi", "الاميال": "mi",
    "متر": "m", "مترا": "m", "امتار": "m", "الامتار": "m",
    "ميل بحري": "nmi", "ميلا بحريا": "nmi", "اميال بحريه": "nmi",
}
DUAL_UNITS: dict[str, str] = {"كيلومترين": "km", "كيلومتران": "km", "ميلين": "mi",
                              "ميلان": "mi", "مترين": "m", "متران": "m"}
#: Qualifiers written before the amount (folded), longest first when matched.
QUALIFIERS: dict[str, str] = {
    "نحو": "about", "حوالي": "about", "قرابه": "about", "زهاء": "about", "ما يقارب": "about",
    "ما يقرب من": "about", "تقريبا": "about", "قرابه ال": "about", "حوالى": "about",
    "اكثر من": "more than", "ما يزيد علي": "more than", "ما يزيد عن": "more than",
    "اقل من": "less than", "ما لا يزيد عن": "less than", "لا تتجاوز": "less than",
    "فقط": "only", "سوي": "only", "لا يتجاوز": "less than", "في نطاق": "within",
    "ضمن نطاق": "within", "في حدود": "about",
    "تقارب": "about", "يقارب": "about", "تناهز": "about", "يناهز": "about",
    "ما لا يقل عن": "more than", "لا تقل عن": "more than", "لا يقل عن": "more than",
    "تزيد علي": "more than", "تزيد عن": "more than", "يزيد علي": "more than",
    "يزيد عن": "more than", "تقل عن": "less than", "يقل عن": "less than",
}
# The tables are written in plain spelling and folded once (ئ is ي, ة is ه), like the text.
NUMBER_WORDS = {fold(k): v for k, v in NUMBER_WORDS.items()}
_MULTIPLIERS = {fold(k): v for k, v in _MULTIPLIERS.items()}
VAGUE = {fold(k): v for k, v in VAGUE.items()}
VAGUE_AFTER = {fold(k): v for k, v in VAGUE_AFTER.items()}
UNIT_WORDS = {fold(k): v for k, v in UNIT_WORDS.items()}
DUAL_UNITS = {fold(k): v for k, v in DUAL_UNITS.items()}
QUALIFIERS = {fold(k): v for k, v in QUALIFIERS.items()}
#: Words right after the unit that make the amount something else than a distance: an area
#: ("كيلومتر مربع"), a speed ("كيلومترا في الساعة"), a weight ("كيلو غرام").
NOT_DISTANCE_AFTER: tuple[str, ...] = ("مربع", "مربعا", "مربعه", "في الساعه", "بالساعه",
                                        "/ساعه", "/س", "غرام", "جرام")
#: Words right before the amount (its qualifier aside) that make it a height, a speed, a
#: weapon's range or a calibre: "على ارتفاع 3 كيلومترات", "صاروخ يبلغ مداه 300 كم".
NOT_DISTANCE_BEFORE: tuple[str, ...] = ("ارتفاع", "الارتفاع", "علو", "سرعه", "بسرعه",
                                         "مداه", "مداها", "عيار", "بعيار",
                                         "طول", "بطول", "طوله", "طولها", "عرض", "بعرض",
                                         "مساحه", "بمساحه", "مساحتها", "مساحته")
#: Before an amount in metres only: a depth ("نفق على عمق 30 مترا"); "عمق 15 كيلومترا داخل"
#: is how far a force went in.
NOT_DISTANCE_BEFORE_METRES: tuple[str, ...] = ("عمق", "بعمق", "عمقه", "عمقها")
_NOT_AFTER_RE = re.compile(r"\s*(?:" + "|".join(
    re.escape(w).replace(r"\ ", r"\s+") for w in NOT_DISTANCE_AFTER) + r")(?![\w])")
#: The bare "كيلو" is a kilometre only in a distance frame right before it (it is also a
#: kilogram): "على بعد 20 كيلو", "مسافة نحو 5 كيلو", "تبعد 30 كيلو".
KILO_FRAMES: tuple[str, ...] = ("بعد", "مسافه", "تبعد", "يبعد", "عمق")
_KILO_FRAME_RE = re.compile(r"(?<![\w])[وفل]?(?:علي\s+)?(?:" + "|".join(KILO_FRAMES)
                            + r")(?![\w])(?:\s+\S+)?\s*$")
_NOT_BEFORE = frozenset(NOT_DISTANCE_BEFORE)
_NOT_BEFORE_METRES = frozenset(NOT_DISTANCE_BEFORE_METRES)
_FRAC = "|".join(FRACTIONS)
_WORD = "|".join(sorted(map(re.escape, NUMBER_WORDS), key=len, reverse=True))
_NUM = rf"(?:\d+(?:[.,٫٬]\d+)*|(?:{_WORD})(?:\s+و?(?:{_WORD}|الاف|الف|ميه|مايه))*)"
_UNIT = "|".join(sorted(map(re.escape, UNIT_WORDS), key=len, reverse=True))
_DUAL = "|".join(sorted(map(re.escape, DUAL_UNITS), key=len, reverse=True))
_VAGUE = "|".join(sorted(map(re.escape, VAGUE), key=len, reverse=True))
_QUAL = "|".join(sorted(map(re.escape, QUALIFIERS), key=len, reverse=True)).replace(r"\ ", r"\s+")
_AMOUNT_RE = re.compile(
    rf"(?<![\w])[وفب]?(?:(?P<qual>{_QUAL})\s+)?(?:(?:ال)?(?P<bain>بين)\s+)?"
    rf"(?:(?P<n1>{_NUM})(?:\s*(?:-|–|الي|حتي|و|او)\s*(?P<n2>{_NUM}))?\s*(?P<unit>{_UNIT})"
    rf"|(?P<vague>{_VAGUE})\s+(?P<vunit>{_UNIT})"
    rf"|(?P<frac>{_FRAC})\s+(?P<funit>{_UNIT})"
    rf"|(?P<plural>{'|'.join(_PLURAL_UNITS)})\s+(?P<few>{'|'.join(VAGUE_AFTER)})"
    rf"|(?:(?<=بعد )|(?<=مسافه ))(?P<single>كيلومتر|ميل)"
    rf"|(?P<dual>{_DUAL}))(?![\w])(?:\s+و(?P<plus>{_FRAC})(?![\w]))?"
    rf"(?:\s+(?P<post>تقريبا|فقط))?")
#: The amount pattern, searched only in a sentence holding one of its literals (a unit,
#: a vague or fractional amount word: :class:`claims.arabic.prefilter.TriggerGate`).
_GATE = TriggerGate([("amount", _AMOUNT_RE)])


@dataclass(frozen=True, slots=True)
class ArabicAmount:
    """An amount with its unit ("km", "mi", "nmi"; metres converted to km) and offsets."""

    value_min: float
    value_max: float
    unit: str
    qualifier: str | None
    start: int
    end: int


def parse_number_words(phrase: str) -> float | None:
    """Return the value of a folded number phrase ("خمسه وعشرين", "ثلاث مئه", "1,500").

    >>> [parse_number_words(p) for p in ("خمسه وعشرين", "ثلاث مئه", "1,500")]
    [25.0, 300.0, 1500.0]
    >>> parse_number_words("مئتي"), parse_number_words("مئه وخمسين"), parse_number_words("2.5")
    (200.0, 150.0, 2.5)
    """
    phrase = fold(phrase).strip().replace("٫", ".").replace("٬", ",")
    if re.fullmatch(r"\d+(?:[.,]\d+)*", phrase):
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+", phrase):
            return float(phrase.replace(",", ""))
        return float(phrase.replace(",", "."))
    total, current = 0.0, 0.0
    for raw in phrase.split():
        word = raw[1:] if raw.startswith("و") and raw[1:] in {**NUMBER_WORDS, **_MULTIPLIERS} \
            else raw
        if word in _MULTIPLIERS and current:
            total += current * _MULTIPLIERS[word]
            current = 0.0
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            return None
    return total + current or None


def find_arabic_amounts(folded: str) -> list[ArabicAmount]:
    """Find every distance amount in folded Arabic text, in order."""
    out: list[ArabicAmount] = []
    for m in _GATE.scan(_AMOUNT_RE, folded):
        qual = m.group("qual")
        qualifier = QUALIFIERS.get(re.sub(r"\s+", " ", qual)) if qual else None
        if m.group("post"):
            qualifier = "about" if m.group("post") == "تقريبا" else "only"
        if m.group("dual"):
            unit, lo, hi = DUAL_UNITS[m.group("dual")], 2.0, 2.0
        elif m.group("vague"):
            unit = UNIT_WORDS[m.group("vunit")]
            lo, hi = VAGUE[m.group("vague")]
        elif m.group("frac"):
            unit = UNIT_WORDS[m.group("funit")]
            lo = hi = FRACTIONS[m.group("frac")]
        elif m.group("plural"):  # "كيلومترات قليله"
            unit = UNIT_WORDS[m.group("plural")]
            lo, hi = VAGUE_AFTER[m.group("few")]
        elif m.group("single"):  # "على بعد كيلومتر من": one
            unit, lo, hi = UNIT_WORDS[m.group("single")], 1.0, 1.0
        else:
            unit = UNIT_WORDS[m.group("unit")]
            lo = parse_number_words(m.group("n1"))
            hi = parse_number_words(m.group("n2")) if m.group("n2") else lo
            if lo is None or hi is None:
                continue
            if m.group("n2") and hi < lo:
                lo, hi = hi, lo
        if m.group("plus"):  # "ثلاثه كيلومترات ونصف"
            lo, hi = lo + FRACTIONS[m.group("plus")], hi + FRACTIONS[m.group("plus")]
        metres = unit == "m"
        if metres:
            lo, hi, unit = lo / 1000, hi / 1000, "km"
        start = min(m.start(g) for g in ("qual", "bain", "n1", "vague", "frac", "plural", "single",
                                        "dual")
                    if m.group(g) is not None)
        if not _is_distance(folded, start, m.end("unit") if m.group("unit") else m.end(),
                            metres):
            continue
        if m.group("unit") == "كيلو" and not _KILO_FRAME_RE.search(
                folded, max(0, start - 30), start):
            continue  # "20 كيلو من الحشيش" is a weight; "على بعد 20 كيلو" a distance
        out.append(ArabicAmount(float(lo), float(hi), unit, qualifier, start, m.end()))
    return out


def _is_distance(folded: str, start: int, unit_end: int, metres: bool = False) -> bool:
    """Whether the amount at ``start`` (its unit ending at ``unit_end``) reads as a distance.

    >>> [bool(find_arabic_amounts(fold(t))) for t in (
    ...     "40 كيلومترا مربعا", "علي ارتفاع نحو 3 كيلومترات", "بسرعه 60 كم في الساعه",
    ...     "صاروخ يبلغ مداه 300 كيلومتر", "نفق بطول 2 كم", "علي عمق 30 مترا",
    ...     "الي عمق 15 كيلومترا", "علي بعد 300 كيلومتر")]
    [False, False, False, False, False, False, True, True]
    """
    if _NOT_AFTER_RE.match(folded, unit_end):
        return False
    words = folded[max(0, start - 40):start].split()[-2:]
    return not any(w in _NOT_BEFORE or (metres and w in _NOT_BEFORE_METRES) for w in words)
