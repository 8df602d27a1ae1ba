"""Rule :data:`LOCATOR_SLOT`: the town after "في" when a control verb's object is no place.

A report often names what was hit or taken before where it stands: "شنوا هجوما على معسكر
للجيش في بوريم"، "استعادت مواقع في صرواح"، "قصفت تجمعات للمسلحين قرب بلدة X". The word a
control verb governs (:func:`claims.arabic.control.name_slots`) is then a common noun
(معسكر، مواقع، تجمعات، نقطة) and the place is the word after the locating preposition
that follows it, in the same clause. A town the Arabic name index lacks there (بوريم is
Bourem in Mali) is read by its Latin spelling like any slot, in the war's countries only.

Only a few words after the verb's object, never past a clause boundary (comma, full stop,
بعد، حيث ...), and never a definite word (في المدينة is a reference the discourse reads,
في الشمال a direction).
"""

from __future__ import annotations

import re

__all__ = ["LOCATOR_PREPOSITIONS", "LOCATOR_REACH_WORDS", "LOCATOR_SLOT", "locator_slot"]

#: Rule name (trace of the mentions it reads).
LOCATOR_SLOT = "arabic-locator-slot"
#: Prepositions that locate the object of a control verb (folded: في، قرب، داخل، بمحيط ...).
LOCATOR_PREPOSITIONS: tuple[str, ...] = ("في", "قرب", "داخل", "بمحيط", "محيط", "بالقرب من")
#: Most words between the verb's object and the locating preposition ("معسكر للجيش في").
LOCATOR_REACH_WORDS = 4
#: Words a locating preposition may have before the town: "في محيط X"، "قرب مدينة X" is
#: left to the recognizer (a place noun makes the word a name already).
_LOCATOR_FILLERS = ("محيط", "اطراف", "ضواحي")

_PREP = "|".join(re.escape(p) for p in sorted(LOCATOR_PREPOSITIONS, key=len, reverse=True))
_LOCATOR_RE = re.compile(
    rf"(?<![\w])(?:{_PREP})\s+(?:(?:{'|'.join(_LOCATOR_FILLERS)})\s+)?(?P<word>[^\s،,.:;؛()]+)")
#: What ends the clause the object stands in.
_BOUNDARY_RE = re.compile(r"[,،.;:؛]|(?<![\w])(?:و?بعد|و?قبل|حيث|فيما|بينما|ثم|ان|انه|انها)"
                          r"(?![\w])")


def locator_slot(folded: str, object_start: int) -> tuple[int, int] | None:
    """Return the span of the word after a locating preposition past a verb's object, or None.

    ``object_start`` is where the verb's object begins (the word :func:`name_slots` looked at).

    >>> f = "شنوا هجوما علي معسكر للجيش في بوريم شمال البلاد"
    >>> start, end = locator_slot(f, f.index("معسكر")); f[start:end]
    'بوريم'
    >>> locator_slot("سيطروا علي مواقع، في حين بقيت", 11) is None  # past a comma
    True
    >>> locator_slot("استعادت مواقع في المدينه", 8) is None  # a definite word: a reference
    True
    """
    stop = _BOUNDARY_RE.search(folded, object_start + 1)
    end = stop.start() if stop else len(folded)
    m = _LOCATOR_RE.search(folded, object_start, end)
    if m is None or len(folded[object_start:m.start()].split()) > LOCATOR_REACH_WORDS:
        return None
    word = m["word"]
    if word.startswith(("ال", "وال", "بال", "لل")) or len(word) < 3 or m.end("word") > end:
        return None
    return m.start("word"), m.end("word")
