"""Arabic script: detection and the normalized keys Arabic place names are indexed under.

Arabic news spells one name several ways: with or without hamza on the alef (أم/ام),
with ta marbuta or ha at the end (مصراتة/مصراته), alef maqsura or ya (سيناء/بنى), short
vowels and tatweel now and then, Persian/Urdu letter forms in GeoNames' alternate names
(ی ک ہ), and digits in Arabic-Indic or Latin form. :func:`arabic_key` folds all of these,
so the text's spelling meets the gazetteer's. :func:`gazetteer.names.normalize` calls it
for any name written in Arabic script, so the index, the lookups and the resolver share
one key function for both scripts.

>>> arabic_key("مِصْراتَة") == arabic_key("مصراته")
True
>>> arabic_key("أمّ درمان") == arabic_key("ام درمان"), arabic_key("بنـــغازي")
(True, 'بنغازي')
>>> strip_arabic_article("الخرطوم"), strip_arabic_article("ام درمان")
('خرطوم', 'ام درمان')
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "ARABIC_DIGITS",
    "arabic_key",
    "arabic_ratio",
    "fold_digits",
    "has_arabic",
    "is_arabic",
    "strip_arabic_article",
]

#: Letters folded to one form (hamza carriers, ta marbuta, alef maqsura, Persian/Urdu forms).
LETTER_FOLDS: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ھ": "ه", "ە": "ه",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي",
    "ؤ": "و", "ک": "ك", "ڪ": "ك", "گ": "ك",
}
#: Arabic-Indic (U+0660..) and extended (Persian, U+06F0..) digits, to ASCII.
ARABIC_DIGITS: dict[str, str] = {
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
}
#: Marks dropped: harakat, shadda, sukun, superscript alef, Quranic marks, tatweel.
_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_TABLE = str.maketrans({**LETTER_FOLDS, **ARABIC_DIGITS, "٫": ".", "٬": ",", "،": ",",
                        "؛": ";", "؟": "?"})
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
#: Runs of the same letters: counted by their lengths, a long text is read in a few steps.
_ARABIC_LETTERS_RE = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]+")
_LATIN_LETTERS_RE = re.compile("[A-Za-z\u00c0-\u024f]+")
_NON_WORD_RE = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
#: Letters that must remain of a word once its article is dropped.
_MIN_STRIPPED = 2


def has_arabic(text: str) -> bool:
    """Say whether ``text`` contains any Arabic letter (cheap: ASCII text returns at once).

    >>> has_arabic("Misrata"), has_arabic("قرب مصراتة")
    (False, True)
    """
    return not text.isascii() and _ARABIC_LETTER_RE.search(text) is not None


@lru_cache(maxsize=256)  # an article's text is asked about by each stage; pure, so safe
def arabic_ratio(text: str) -> float:
    """Share of Arabic letters among the Arabic and Latin letters of ``text`` (0 when none).

    >>> arabic_ratio("Sirte سرت"), arabic_ratio("123")
    (0.375, 0.0)
    """
    if text.isascii():
        return 0.0
    arabic = sum(map(len, _ARABIC_LETTERS_RE.findall(text)))
    latin = sum(map(len, _LATIN_LETTERS_RE.findall(text)))
    return arabic / (arabic + latin) if arabic + latin else 0.0


def is_arabic(text: str) -> bool:
    """Say whether ``text`` is Arabic-language text: most of its letters are Arabic script.

    A quoted English name in an Arabic article does not change the answer, nor does an
    Arabic name in an English one.

    >>> is_arabic("سيطرت القوات على سرت (Sirte)"), is_arabic("Forces took Sirte (سرت)")
    (True, False)
    """
    return arabic_ratio(text) > 0.5


def fold_digits(text: str) -> str:
    """Return ``text`` with Arabic-Indic and Persian digits as ASCII digits (same length).

    >>> fold_digits("على بعد ١٠٠ كم")
    'على بعد 100 كم'
    """
    return text.translate(str.maketrans(ARABIC_DIGITS))


@lru_cache(maxsize=65536)
def arabic_key(name: str) -> str:
    """Return the normalized key of an Arabic-script name (letters folded, marks dropped).

    Punctuation becomes a space, runs of spaces one space. Latin letters in the name are
    casefolded and kept (a mixed name is rare and keeps its own key).

    >>> arabic_key("إدلب"), arabic_key("سيدي  بوزيد"), arabic_key("٢٠٢٤")
    ('ادلب', 'سيدي بوزيد', '2024')
    """
    text = _MARKS_RE.sub("", name).translate(_TABLE).casefold()
    text = _NON_WORD_RE.sub(" ", text)
    return _SPACE_RE.sub(" ", text).strip()


def strip_arabic_article(key: str) -> str:
    """Drop the article ال from the start of each word of an Arabic key.

    Only where at least two letters remain, so الل in names stays readable; a key that would
    become empty is returned unchanged.

    >>> strip_arabic_article("راس الانوف"), strip_arabic_article("ال")
    ('راس انوف', 'ال')
    """
    words = []
    for word in key.split(" "):
        if word.startswith("ال") and len(word) - 2 >= _MIN_STRIPPED:
            word = word[2:]
        words.append(word)
    return " ".join(words) or key
