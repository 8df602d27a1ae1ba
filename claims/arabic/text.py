"""Length-preserving folding of Arabic text and sentence splitting.

Rules match on :func:`fold`: hamza carriers, ta marbuta, alef maqsura and Persian letter
forms folded one letter for one letter, Arabic-Indic digits made ASCII, so every offset in
the folded text is an offset in the original and quotes stay exact.

>>> fold("سيطرت قوات حفتر على مدينة ترهونة في ١٢ أبريل")
'سيطرت قوات حفتر علي مدينه ترهونه في 12 ابريل'
"""

from __future__ import annotations

import re

from gazetteer.arabic import ARABIC_DIGITS, LETTER_FOLDS

__all__ = ["MARKS_RE", "first_letter", "fold", "is_blank", "split_arabic_sentences",
           "without_marks"]

_TABLE = str.maketrans({**{k: v for k, v in LETTER_FOLDS.items() if len(v) == 1},
                        **ARABIC_DIGITS, "\u0640": " "})
_SENTENCE_END_RE = re.compile(r"(?<=[.!?؟])\s+|\n+")


#: The table's pairs: no replacement is itself replaced (checked in the tests).
_PAIRS = tuple((chr(code), to) for code, to in _TABLE.items())


def fold(text: str) -> str:
    """Return ``text`` with Arabic letter variants and digits folded (same length).

    ``text.translate(_TABLE)``, by one ``str.replace`` per folded character the text holds:
    ``str.translate`` looks every character of an Arabic text up in the table, ten times
    slower than these searches.
    """
    for char, to in _PAIRS:
        if char in text:
            text = text.replace(char, to)
    return text


_NOT_BLANK_RE = re.compile(r"\S")


def is_blank(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is only white space (``not text[start:end].strip()``).

    Without copying the stretch: it stops at its first letter, so asking it of a far
    span of a long article costs nothing.

    >>> is_blank("قوات  حفتر", 4, 6), is_blank("قوات حفتر", 0, 9), is_blank("ab", 1, 1)
    (True, False, True)
    """
    return _NOT_BLANK_RE.search(text, start, max(start, end)) is None


def first_letter(text: str, start: int) -> int:
    """Return the offset of the first character at or after ``start`` that is not white space.

    ``len(text)`` when there is none: ``is_blank(text, start, end)`` holds exactly for the
    ends from ``start`` to this offset.

    >>> first_letter("قوات  حفتر", 4), first_letter("قوات", 4), first_letter("ab", 0)
    (6, 4, 0)
    """
    found = _NOT_BLANK_RE.search(text, start)
    return len(text) if found is None else found.start()


#: Marks agencies write on some words (tanween in "كيلومترًا", "تقريبًا", shadda, sukun):
#: harakat U+064B..U+0652 and the superscript alef. :func:`fold` keeps them (it preserves
#: length), so rules that must read through them use :func:`without_marks`.
MARKS_RE = re.compile("[\u064b-\u0652\u0670]")


def without_marks(text: str) -> tuple[str, list[int]]:
    """Return ``text`` without :data:`MARKS_RE` and, per offset of it, the offset in ``text``.

    The list has one more entry than the string (its end), so a span ``[a, b)`` of the
    result is ``[index[a], index[b - 1] + 1)`` of ``text``.

    >>> bare, index = without_marks("100 كيلومترًا")
    >>> bare, index[-1], len("100 كيلومترًا")
    ('100 كيلومترا', 13, 13)
    """
    if not MARKS_RE.search(text):
        return text, list(range(len(text) + 1))
    kept = [i for i, ch in enumerate(text) if not MARKS_RE.match(ch)]
    return "".join(text[i] for i in kept), [*kept, len(text)]


def split_arabic_sentences(text: str) -> list[tuple[int, int, str]]:
    """Split ``text`` into ``(start, end, sentence)`` at . ! ? ؟ and line breaks.

    >>> [s for _, _, s in split_arabic_sentences("دخلت القوات سرت. ثم انسحبت؟ نعم")]
    ['دخلت القوات سرت.', 'ثم انسحبت؟', 'نعم']
    """
    out: list[tuple[int, int, str]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        _add_bounded(out, text, start, match.start())
        start = match.end()
    _add_bounded(out, text, start, len(text))
    return out


#: Longest stretch read as one sentence (as in English): a text without full stops must
#: not make the per-sentence rules grow quadratically.
MAX_SENTENCE_CHARS = 1000


def _add_bounded(out: list[tuple[int, int, str]], text: str, start: int, end: int) -> None:
    """Append ``text[start:end]`` as sentences of at most :data:`MAX_SENTENCE_CHARS`."""
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start:start + MAX_SENTENCE_CHARS]
        cut = max(window.rfind("،"), window.rfind(", "), window.rfind(" "))
        cut = cut + 1 if cut > MAX_SENTENCE_CHARS // 2 else MAX_SENTENCE_CHARS
        if text[start:start + cut].strip():
            out.append((start, start + cut, text[start:start + cut]))
        start += cut
    if text[start:end].strip():
        out.append((start, end, text[start:end]))
