"""Place-name normalization: the keys under which gazetteer entries are indexed and looked up.

Three tiers of keys, from strict to loose, so a lookup can rank an exact match above a
transliteration match:

* ``exact`` -- :func:`normalize`: casefold, diacritics stripped, apostrophes/ʿ/ʾ dropped,
  hyphens and punctuation to single spaces, possessive ``'s`` and a leading "the" dropped,
  "St."/"Mt."/"Ft." spelt out.
* ``article`` -- :func:`strip_articles`: the exact key without the Arabic article in any of
  its forms (al-, el-, Al , ad-, ash-, as-, at-, az-, ar-, an- ...): "Al Jufra" -> "jufra".
* ``skeleton`` -- :func:`skeleton`: a phonetic-ish consonant key that folds transliteration
  variants (ou/u, gh/g, kh/k, q/k, ee/i, y/i, doubled letters, final -ah, vowels after the
  first letter, q/g/k/c): Misrata/Misurata/Misratah, Gharyan/Garyan/Gharian, Qasr/Gasr meet.

:func:`variant_keys` returns all of them with their tier. :func:`fuzzy_ok` decides whether a
fuzzy (edit-distance) match between two names may be accepted at all.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from gazetteer.arabic import arabic_key, has_arabic, strip_arabic_article

__all__ = [
    "KEY_TIERS",
    "capital_phrase",
    "fuzzy_ok",
    "normalize",
    "skeleton",
    "strip_articles",
    "strip_possessive",
    "variant_keys",
]

#: Key tiers in rank order: a match on an earlier tier beats a match on a later one.
KEY_TIERS: tuple[str, ...] = ("exact", "article", "skeleton")

_APOSTROPHES = "'`´‘’‚‛′ʹʻʼʽʾʿˈˊˋ꞉ꞌ"
_APOS_RE = re.compile("[" + re.escape(_APOSTROPHES) + "]")
_POSSESSIVE_RE = re.compile(r"(?<=\w)['’ʼ]s\b|(?<=s)['’ʼ](?=\s|$)", re.IGNORECASE)
_PUNCT_RE = re.compile(r"[^\w\s]|_", re.UNICODE)
_SPACE_RE = re.compile(r"\s+")
_ABBREVIATIONS: dict[str, str] = {
    "st": "saint",
    "ste": "sainte",
    "mt": "mount",
    "mtn": "mountain",
    "ft": "fort",
    "pt": "point",
}
# Always an article when it stands alone as a token (al-, el-, il-, ul-).
_PLAIN_ARTICLES = frozenset({"al", "el", "il", "ul"})
# Assimilated article forms: a/e/u + a sun letter, followed by a word starting with it.
_ASSIMILATED_RE = re.compile(r"^[aeu](sh|th|dh|zh|[dtrsznl])$")
_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("sch", "sh"),
    ("tch", "ch"),
    ("ph", "f"),
    ("gh", "g"),
    ("kh", "k"),
    ("dh", "d"),
    ("th", "t"),
    ("q", "k"),
    ("ck", "k"),
    ("x", "ks"),
    ("w", "v"),
    ("dj", "j"),
    ("dzh", "j"),
    ("zh", "j"),
)
_VOWELS_RE = re.compile(r"[aeiouy]+")
_DOUBLE_RE = re.compile(r"(.)\1+")


def strip_possessive(name: str) -> str:
    """Drop an English possessive: ``"Libya's"`` -> ``"Libya"``, ``"Jesus'"`` -> ``"Jesus"``.

    >>> strip_possessive("Libya’s capital"), strip_possessive("Tripoli")
    ('Libya capital', 'Tripoli')
    """
    return _POSSESSIVE_RE.sub("", name)


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Return the exact lookup key of a place name.

    Casefolded, ASCII (diacritics and ʿ/ʾ folded by unidecode), apostrophes dropped,
    other punctuation and hyphens turned into single spaces, a trailing possessive and a
    leading "the" removed, and "St."/"Mt."/"Ft." spelt out, so spelling noise in news text
    meets the gazetteer's spelling.

    >>> normalize("Maʿarrat an-Nuʿmān")
    'maarrat an numan'
    >>> normalize("  The  Gulf of Sidra "), normalize("Libya's"), normalize("St. Louis")
    ('gulf of sidra', 'libya', 'saint louis')
    >>> normalize("Ţarābulus"), normalize("Aïn Zara"), normalize("")
    ('tarabulus', 'ain zara', '')
    """
    if not name:
        return ""
    if has_arabic(name):  # Arabic script keeps its letters (unidecode would garble them)
        return arabic_key(name)
    from unidecode import unidecode

    text = strip_possessive(unicodedata.normalize("NFC", name))
    text = _APOS_RE.sub("", text)
    text = unidecode(text)
    text = _APOS_RE.sub("", text)  # unidecode turns ʿ into ' or `
    text = _PUNCT_RE.sub(" ", text.casefold())
    tokens = _SPACE_RE.sub(" ", text).strip().split(" ")
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[0] in _ABBREVIATIONS:
        tokens[0] = _ABBREVIATIONS[tokens[0]]
    return " ".join(t for t in tokens if t)


def strip_articles(key: str) -> str:
    """Remove the Arabic article from a normalized key, wherever it stands.

    ``al``/``el`` are always dropped as separate tokens; assimilated forms (``ad``, ``ar``,
    ``as``, ``ash``, ``at``, ``az``, ``an``...) only before a word starting with the same
    sound, so English "as"/"at"/"an" between unrelated words survive. A name that would
    become empty is returned unchanged.

    >>> strip_articles("maarrat an numan"), strip_articles("ras al unuf")
    ('maarrat numan', 'ras unuf')
    >>> strip_articles("ash shaddadi"), strip_articles("al"), strip_articles("stand at ease")
    ('shaddadi', 'al', 'stand at ease')
    """
    if has_arabic(key):
        return strip_arabic_article(key)
    tokens = key.split(" ")
    kept: list[str] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if nxt and tok in _PLAIN_ARTICLES:
            continue
        match = _ASSIMILATED_RE.match(tok)
        if nxt and match and nxt.startswith(match.group(1)):
            continue
        kept.append(tok)
    return " ".join(kept) if kept else key


def _skeleton_token(token: str) -> str:
    if not token:
        return token
    if token.isdigit():
        return token
    text = token
    for src, dst in _DIGRAPHS:
        text = text.replace(src, dst)
    # q, g, k and c fold together: Qasr/Gasr (Libyan q), Qatar/Katar, Cairo/Kairo
    text = text.replace("c", "k").replace("g", "k")
    first = text[0]
    # final -ah/-eh/-h: Misratah -> Misrata
    text = re.sub(r"(?<=[aeiou])h$", "", text)
    rest = _VOWELS_RE.sub("", text[1:])
    rest = rest.replace("h", "")
    first = "a" if first in "aeiouy" else first
    return _DOUBLE_RE.sub(r"\1", first + rest)


@lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """Return the transliteration-folded consonant key of a normalized (article-free) key.

    >>> [skeleton(k) for k in ("misrata", "misurata", "misratah")]
    ['msrt', 'msrt', 'msrt']
    >>> [skeleton(k) for k in ("gharyan", "garyan", "gharian")]
    ['krn', 'krn', 'krn']
    >>> skeleton("maarat numan") == skeleton("maarrat numan")
    True
    >>> skeleton("qasir benghashir") == skeleton("qasr bin ghashir")  # word breaks vary too
    True
    """
    if has_arabic(key):
        return ""  # the Arabic key already folds spelling variants; no transliteration
    return "".join(_skeleton_token(tok) for tok in key.split(" ") if tok)


def variant_keys(name: str) -> dict[str, str]:
    """Return the keys a name is indexed under, mapped to their tier (see :data:`KEY_TIERS`).

    Each key appears once, at its strictest tier.

    >>> sorted(variant_keys("Al-Jufra").items())
    [('al jufra', 'exact'), ('jfr', 'skeleton'), ('jufra', 'article')]
    >>> variant_keys("")
    {}
    """
    exact = normalize(name)
    if not exact:
        return {}
    keys: dict[str, str] = {exact: "exact"}
    article = strip_articles(exact)
    keys.setdefault(article, "article")
    skel = skeleton(article)
    # a skeleton shorter than 3 letters matches far too much ("Ur", "Aa")
    if len(skel) >= 3:
        keys.setdefault(skel, "skeleton")
    return keys


def fuzzy_ok(query: str, candidate: str, *, protected: bool = False) -> bool:
    """Say whether a fuzzy match of two normalized keys may be accepted at all.

    Strict bounds keep fuzzy matching from inventing places: both names long (>= 7
    letters), same first letter, lengths within 2, similarity >= 90, and never onto a
    ``protected`` name (countries, first-level regions), so "Albany" never becomes "Albania".

    >>> fuzzy_ok("misuratah", "misurata"), fuzzy_ok("albany", "albania", protected=True)
    (True, False)
    >>> fuzzy_ok("paris", "parix")
    False
    """
    if protected or query == candidate:
        return query == candidate
    if len(query) < 7 or len(candidate) < 7 or query[0] != candidate[0]:
        return False
    if abs(len(query) - len(candidate)) > 2:
        return False
    from rapidfuzz.fuzz import ratio

    return ratio(query, candidate) >= 90


_CAPITAL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(?:the\s+)?capital\s+(?:city\s+)?of\s+(?:the\s+)?(?P<x>.+)$", re.IGNORECASE),
    re.compile(r"^(?:the\s+)?(?P<x>.+?)(?:['’]s?)?\s+capital(?:\s+city)?$", re.IGNORECASE),
)


def capital_phrase(phrase: str) -> str | None:
    """Return the country part of a capital description, or None if it is not one.

    "the capital" alone returns ``""``: the resolver supplies the document's country.

    >>> capital_phrase("Libya's capital"), capital_phrase("the Libyan capital")
    ('Libya', 'Libyan')
    >>> capital_phrase("capital of Libya"), capital_phrase("the capital"), capital_phrase("Tripoli")
    ('Libya', '', None)
    """
    text = " ".join(phrase.split())
    if re.fullmatch(r"(?:the\s+)?capital(?:\s+city)?", text, re.IGNORECASE):
        return ""
    for pattern in _CAPITAL_PATTERNS:
        match = pattern.match(text)
        if match:
            return match.group("x").strip()
    return None
