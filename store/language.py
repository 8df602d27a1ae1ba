"""Detect an article's language from its letters, without a model or a dependency.

Conflict Map reads English and Arabic. Arabic is told by script (most letters Arabic,
:func:`gazetteer.arabic.is_arabic`); English by the share of its commonest function words
among the words, so French or Spanish text in Latin letters is not called English.
Anything else is ``None`` (unknown), which the app shows as "other".

>>> detect_language("سيطرت القوات على المدينة يوم الخميس")
'ar'
>>> detect_language("Forces loyal to the government took the town on Thursday.")
'en'
>>> detect_language("Les forces ont pris la ville jeudi."), detect_language("")
(None, None)
"""

from __future__ import annotations

import re

from gazetteer.arabic import is_arabic

__all__ = ["LANGUAGES", "detect_language"]

#: Language codes the project reads (ISO 639-1) and their display names.
LANGUAGES: dict[str, str] = {"en": "English", "ar": "Arabic"}
_ENGLISH_WORDS = frozenset(
    "the of and to in a is was that for on with as by at from it be are were has have "
    "had said this which an not but their its they been after who".split())
#: Share of English function words among the words of an English text (typically 0.3+).
MIN_ENGLISH_SHARE = 0.12
_WORD_RE = re.compile(r"[A-Za-z]+")
_SAMPLE_CHARS = 20_000


def detect_language(text: str) -> str | None:
    """Return ``"ar"``, ``"en"`` or None for the language of ``text`` (its first 20,000 chars)."""
    sample = text[:_SAMPLE_CHARS]
    if not sample.strip():
        return None
    if is_arabic(sample):
        return "ar"
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if words and sum(w in _ENGLISH_WORDS for w in words) / len(words) >= MIN_ENGLISH_SHARE:
        return "en"
    return None
