r"""Literal prefilters for regular expressions: skip a regex when its words cannot occur.

Python's ``re`` tries every branch of an alternation at every word boundary, so a sentence
without any trigger word still costs a full scan per trigger (or one slow scan of one big
alternation). :func:`literal_needles` reads a compiled pattern's parse tree and returns
strings of which at least one must occur, lower-cased, in any text the pattern matches;
:func:`fold` lower-cases a text the way ``re.IGNORECASE`` compares it. A pattern is then
searched only when one of its needles is in ``fold(text)`` (:class:`NeedleIndex` tests
the needles of many patterns in one pass): the same matches, found only where they can be.

>>> import re
>>> sorted(literal_needles(re.compile(r"\b(?:fell|falls)\s+(?:in\w*\s+)?to\b", re.I)))
['falls', 'fell']
>>> sorted(literal_needles(re.compile(r"\b(?:re)?captur(?:e|ed)\b")))
['capture']
>>> sorted(literal_needles(re.compile(r"\b(?:re)?(?:seiz(?:e|ed)|took)\b")))
['seize', 'took']
>>> literal_needles(re.compile(r"\w+\s+\d")) is None
True
>>> fold("SEİZED Sırte")
'seized sirte'
"""

from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from collections.abc import Sequence
from functools import lru_cache

import ahocorasick

__all__ = ["NeedleIndex", "fold", "literal_needles"]

#: The characters ``re.IGNORECASE`` matches to an ASCII letter although ``str.lower``
#: does not give that letter (dotted and dotless i, long s, Kelvin sign).
_IGNORECASE_EXTRAS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s",
                                    "\u212a": "k"})
#: Those characters: a text without any of them needs no translation.
_IGNORECASE_EXTRA_CHARS = tuple(map(chr, _IGNORECASE_EXTRAS))
#: At most this many alternative strings are built for one literal run.
_MAX_ALTERNATIVES = 64


@lru_cache(maxsize=1024)  # pure; a sentence is folded by each prefilter that reads it
def fold(text: str) -> str:
    """Return ``text`` lower-cased so that an ASCII literal ``re.IGNORECASE`` matches is in it.

    ``str.translate`` reads a non-ASCII text character by character through the table, a
    hundred times slower than a search for the four characters it maps: it runs only when
    one of them is in the text.
    """
    if not text.isascii() and any(char in text for char in _IGNORECASE_EXTRA_CHARS):
        text = text.translate(_IGNORECASE_EXTRAS)
    return text.lower()


def _readable(char: str) -> bool:
    """Whether a literal character of a pattern is found as ``char.lower()`` in ``fold(text)``.

    ASCII letters are (with :data:`_IGNORECASE_EXTRAS`); so is a character without case
    (Arabic letters, digits, punctuation), which ``re.IGNORECASE`` matches as itself and
    ``str.lower`` leaves alone. Other letters may match characters that fold elsewhere.

    >>> _readable("a"), _readable("س"), _readable("é")
    (True, True, False)
    """
    return char.isascii() or char.lower() == char == char.upper()


def _never_matches(item) -> bool:  # noqa: ANN001 (sre parse tree nodes)
    """Whether a branch alternative is ``(?!)``, which matches nothing (an empty lemma form)."""
    return len(item) == 1 and item[0][0] is sre_c.ASSERT_NOT and not list(item[0][1][1])


def _literal_set(op, av) -> set[str] | None:  # noqa: ANN001 (sre parse tree nodes)
    """Return the strings one element can match when they are a small finite set, else None."""
    if op is sre_c.LITERAL:
        char = chr(av)
        return {char.lower()} if _readable(char) else None
    if op is sre_c.IN:
        if any(o is not sre_c.LITERAL for o, _ in av):
            return None  # a negated set, a range or a category
        chars = {chr(a) for _, a in av}
        return {c.lower() for c in chars} if all(map(_readable, chars)) else None
    if op is sre_c.SUBPATTERN:
        return _literal_sequence(av[-1])
    if op is sre_c.BRANCH:
        out: set[str] = set()
        for item in av[1]:
            if _never_matches(item):
                continue
            alts = _literal_sequence(item)
            if alts is None:
                return None
            out |= alts
        return out if len(out) <= _MAX_ALTERNATIVES else None
    if op is sre_c.MAX_REPEAT or op is sre_c.MIN_REPEAT:
        low, high, item = av
        if (low, high) == (0, 1):
            alts = _literal_sequence(item)
            return None if alts is None else alts | {""}
        return None
    return None


def _literal_sequence(seq) -> set[str] | None:  # noqa: ANN001
    """Return the strings a sequence can match when each element is a small literal set."""
    out = {""}
    for op, av in seq:
        alts = _literal_set(op, av)
        if alts is None or len(out) * len(alts) > _MAX_ALTERNATIVES:
            return None
        out = {a + b for a in out for b in alts}
    return out


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """Return the more selective of two needle sets (None and sets with "" select nothing)."""
    if b is None or "" in b:
        return a
    if a is None or "" in a:
        return b
    return b if min(map(len, b)) > min(map(len, a)) else a


def _needles(seq) -> set[str] | None:  # noqa: ANN001
    """Return strings one of which occurs in every match of a parsed sequence, or None."""
    best: set[str] | None = None
    run = {""}
    for op, av in seq:
        alts = _literal_set(op, av)
        if alts is not None and len(run) * len(alts) <= _MAX_ALTERNATIVES:
            run = {a + b for a in run for b in alts}
            continue
        best = _better(best, run)
        run = {""}
        best = _better(best, _element_needles(op, av))
    return _better(best, run)


def _element_needles(op, av) -> set[str] | None:  # noqa: ANN001
    """Return the needles of a group, a branch or a repeat (not a plain literal set)."""
    if op is sre_c.SUBPATTERN:
        return _needles(av[-1])
    if op is sre_c.BRANCH:
        out: set[str] = set()
        for item in av[1]:
            if _never_matches(item):
                continue
            sub = _needles(item)
            if sub is None or "" in sub:
                return None
            out |= sub
        return out
    if (op is sre_c.MAX_REPEAT or op is sre_c.MIN_REPEAT) and av[0] >= 1:
        return _needles(av[2])
    return None  # lookarounds, categories, back references: no literal is required


def literal_needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return lower-case strings one of which occurs in every text ``pattern`` matches, or None.

    None when the pattern requires no literal (or it cannot be read); then the pattern must
    always be searched.
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    found = _needles(list(tree))
    if not found or "" in found:
        return None
    # "capture" suffices where "recaptured" would: keep only needles holding no other one
    return frozenset(n for n in found if not any(m != n and m in n for m in found))


class NeedleIndex:
    r"""Which of several patterns may match a text, found in one pass over the text.

    The required literals of every pattern go into one Aho-Corasick automaton, so the
    test costs one scan of the text whatever the number of patterns.

    >>> index = NeedleIndex([re.compile(r"\bfell\s+to\b", re.I), re.compile(r"\d+\s*km")])
    >>> index.possible("Sirte FELL to the LNA."), index.possible("Sirte, 40 km away.")
    ([0], [1])
    >>> index.possible("Nothing happened.")
    []
    """

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        by_needle: dict[str, list[int]] = {}
        self._always: list[int] = []
        for i, pattern in enumerate(patterns):
            needles = literal_needles(pattern)
            if needles is None:
                self._always.append(i)
                continue
            for needle in needles:
                by_needle.setdefault(needle, []).append(i)
        self._automaton = ahocorasick.Automaton() if by_needle else None
        for needle, indices in by_needle.items():
            self._automaton.add_word(needle, tuple(indices))
        if self._automaton is not None:
            self._automaton.make_automaton()

    def possible(self, text: str) -> list[int]:
        """Return the indices, in order, of the patterns that may match ``text``."""
        if self._automaton is None:
            return list(self._always)
        found = set(self._always)
        for _end, indices in self._automaton.iter(fold(text)):
            found.update(indices)
        return sorted(found)
