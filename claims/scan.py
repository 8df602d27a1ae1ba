"""Fast, exact scanning with large case-insensitive alternations of names.

Python's ``re`` tries every branch of an alternation at every position of the text, so a
pattern of several hundred actor names costs about a millisecond per sentence. A match of
such a pattern can only start where a word starts whose lower-cased form is the first word
of one of the names; :class:`NameScanner` looks the text's words up in that set and tries
the pattern only there (``pattern.match(text, pos)``), which finds exactly the matches
``pattern.finditer`` finds, in the same order. It falls back to ``finditer`` whenever that
argument does not hold (names that are neither ASCII nor Arabic; a name starting with a
non-word character). In text that is not ASCII (curly quotes, accents: most news) words are
looked up by :func:`claims.prefilter.fold`, which gives an ASCII letter for every character
``re.IGNORECASE`` matches to it (checked over all of Unicode in the tests), and Arabic names
count too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from claims.prefilter import fold

__all__ = ["NameScanner"]

_WORD = re.compile(r"\w+")
_FIRST_RUN = re.compile(r"\w*")
_ARABIC_RUN = re.compile("[\u0600-\u06ff]+")
_ASCII_OR_ARABIC = re.compile("[\x00-\x7f\u0600-\u06ff\u2019]+")


_last_index: list = [None, None]


def _word_index(text: str) -> dict[str, list[int]]:
    """Folded word -> start positions in ``text`` (the last text's index is kept)."""
    if _last_index[0] is text:
        return _last_index[1]
    index: dict[str, list[int]] = {}
    key = str.lower if text.isascii() else fold  # the same on ASCII, and lower is cheaper
    for match in _WORD.finditer(text):
        index.setdefault(key(match.group(0)), []).append(match.start())
    _last_index[0], _last_index[1] = text, index
    return index


class NameScanner:
    r"""Wrap a compiled ``(?<![\w])(?:name|...)(?![\w])`` pattern (IGNORECASE) of ``names``."""

    def __init__(self, pattern: re.Pattern[str], names: Iterable[str]) -> None:
        self.pattern = pattern
        firsts: set[str] = set()
        arabic: set[str] = set()
        exact = True
        for name in names:
            if not name:
                continue
            run = _FIRST_RUN.match(name).group(0)  # type: ignore[union-attr]
            if run and _ARABIC_RUN.fullmatch(run):
                arabic.add(run)  # an Arabic alias never matches ASCII text
                continue
            if not run or not run.isascii():
                exact = False
                break
            firsts.add(run.lower())
        self._firsts: frozenset[str] | None = frozenset(firsts) if exact else None
        #: For text that is not ASCII: every first word, when every name is ASCII or Arabic
        #: (other scripts have case foldings ``fold`` does not follow).
        self._unicode_firsts: frozenset[str] | None = (
            frozenset(firsts | arabic) if exact and all(_ASCII_OR_ARABIC.fullmatch(n)
                                                        for n in names if n) else None)

    def _starts(self, text: str) -> list[int] | None:
        """Positions where a match may start, or None when the shortcut does not apply."""
        firsts = self._firsts if text.isascii() else self._unicode_firsts
        if firsts is None:
            return None
        words = _word_index(text)
        hits = firsts.intersection(words)
        if not hits:
            return []
        if len(hits) == 1:
            return words[next(iter(hits))]
        return sorted(pos for word in hits for pos in words[word])

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the same matches as ``pattern.finditer(text)``."""
        starts = self._starts(text)
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        match_at = self.pattern.match
        end = 0
        for pos in starts:
            if pos < end:
                continue
            match = match_at(text, pos)
            if match is not None:
                end = match.end() if match.end() > pos else pos + 1
                yield match

    def count(self, text: str) -> int:
        """Return ``len(pattern.findall(text))``."""
        return sum(1 for _ in self.finditer(text))
