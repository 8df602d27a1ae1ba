"""Latin spellings of an Arabic name, for places the gazetteer holds no Arabic name for.

GeoNames carries Arabic names for most towns of Arab countries but few for Ukraine, Mali,
Ethiopia or Somalia (خاركيف، موبتي، بولوبردي). Written Arabic spells such names by sound,
so a rough Latin reading of the letters, looked up through the index's transliteration
skeleton (which drops vowels and folds k/q/gh, s/sh ...), finds most of them. Arabic has
no p, v or g: ب may be p, ف may be v, ج may be g, so a few readings are tried.

Only used after a place noun (مدينة خاركيف): a word there is a name, whatever it spells.

>>> latin_readings("خاركيف")
('kharkif', 'kharkiv')
>>> latin_readings("موبتي")
('mubti', 'mupti')
>>> latin_readings("الحصاحيصا")  # short vowels are not written
('al hsahisa', 'al hasahisa')
"""

from __future__ import annotations

from gazetteer.arabic import arabic_key

__all__ = ["LETTERS", "MAX_EXTENDED", "MAX_READINGS", "TSH_AS_CH", "extended_readings",
           "latin_readings"]

#: Arabic letters (folded as :func:`gazetteer.arabic.arabic_key` leaves them) -> Latin.
LETTERS: dict[str, str] = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "u", "ي": "i", "ء": "", "ى": "a", "ة": "a", "پ": "p",
    "ڤ": "v", "گ": "g", " ": " ",
}
#: Sounds Arabic lacks and writes with a near letter: the second reading swaps them.
_SWAPS: tuple[tuple[str, str], ...] = (("f", "v"), ("b", "p"), ("j", "g"))
#: Most readings tried per name (each is one index lookup).
MAX_READINGS = 4
_VOWELS = frozenset("aiu")


#: Rule name: تش is read ch, the sound Arabic writes with those two letters (تشاد Chad,
#: ليسيتشانسك Lysychansk, تشاسيف يار Chasiv Yar), not t + sh. The geoparser asks for these
#: readings when the t + sh ones find nothing, and adds them to the extended readings.
TSH_AS_CH = "arabic-tsh-as-ch"


def _letters(word: str, tsh_ch: bool = True) -> str:
    out = []
    for i, char in enumerate(word):
        if tsh_ch and char == "ش" and i and word[i - 1] == "ت":
            out[-1] = "ch"  # rule TSH_AS_CH
            continue
        latin = LETTERS.get(char, "")
        if char in "وي" and i == 0:
            latin = "w" if char == "و" else "y"  # a consonant at the start of a word
        if char == "ه" and i == len(word) - 1:
            latin = "a"  # the folded ta marbuta
        out.append(latin)
    return "".join(out)


def latin_readings(name: str, tsh_ch: bool = True) -> tuple[str, ...]:
    """Return up to :data:`MAX_READINGS` Latin readings of an Arabic name, first the plain one.

    With ``tsh_ch`` (rule :data:`TSH_AS_CH`), تش is ch.

    >>> latin_readings("ليسيتشانسك"), latin_readings("ليسيتشانسك", tsh_ch=False)
    (('lisichansk',), ('lisitshansk',))
    """
    words = []
    for word in arabic_key(name).split():
        if word.startswith("ال") and len(word) > 3:
            words.append("al " + _letters(word[2:], tsh_ch))
        else:
            words.append(_letters(word, tsh_ch))
    plain = " ".join(w for w in words if w)
    readings = [plain]
    last = plain.split(" ")[-1]
    head = 2 if last[:2] in ("kh", "sh", "gh", "th", "dh") else 1
    if len(last) > head + 1 and last[head] not in _VOWELS and last[0] not in _VOWELS:
        # the short vowel after the first consonant is not written: حصاحيصا, hasahisa
        readings.append(plain[:len(plain) - len(last)] + last[:head] + "a" + last[head:])
    for a, b in _SWAPS:
        if a in plain.replace("sh", "").replace("kh", "").replace("gh", "") and \
                len(readings) < MAX_READINGS:
            readings.append(plain.replace(a, b))
    return tuple(dict.fromkeys(r for r in readings if r))


#: Letters that stand for more than one Latin sound, for :func:`extended_readings`.
_CHOICES: dict[str, tuple[str, ...]] = {"b": ("b", "p"), "f": ("f", "v"), "j": ("j", "g"),
                                       "u": ("u", "o", "w"), "i": ("i", "e"), "q": ("q", "k")}
#: Most readings :func:`extended_readings` returns (asked only to replace a far reading).
MAX_EXTENDED = 32


def extended_readings(name: str, tsh_ch: bool = True) -> tuple[str, ...]:
    """Return more Latin readings of ``name``: every mix of b/p, f/v, j/g, u/o and i/e.

    Asked only when the first readings found a place far from the document (ميكيلي read
    as Mikkeli in an Ethiopian report), so the letters و and ي may be o and e too.

    >>> "mekele" in extended_readings("ميكيلي"), "pokrovsk" in extended_readings("بوكروفسك")
    (True, True)
    """
    out: list[str] = []
    for plain in latin_readings(name, tsh_ch)[:2]:
        variants = [""]
        for i, char in enumerate(plain):
            digraph = plain[max(i - 1, 0):i + 1] in ("sh", "kh", "gh", "th", "dh") or \
                plain[i:i + 2] in ("sh", "kh", "gh", "th", "dh")
            options = (char,) if digraph else _CHOICES.get(char, (char,))
            variants = [v + o for v in variants for o in options][:MAX_EXTENDED * 4]
        out.extend(variants)
    return tuple(dict.fromkeys(out))[:MAX_EXTENDED * 2]
