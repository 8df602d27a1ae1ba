"""Fast, exact scanning with large case-insensitive alternations of names.

Python's ``re`` tries every branch of an alternation at every position of the text, so a
pattern of several hundred actor names costs about a millisecond per sentence. A match of
such a pattern can only start where a word starts whose lower-cased form is the first word
of one of the names; :class:`NameScanner` looks the text's words up in that set and tries
the pattern only there (``pattern.match(text, pos)``), which finds exactly the matches
``pattern.finditer`` finds, in the same order. It falls back to ``finditer`` whenever that
argument does not hold (a name whose first word is neither ASCII nor Arabic; a name
starting with a non-word character). In text that is not ASCII (curly quotes, accents: most
news) words are looked up by :func:`claims.prefilter.fold`, which gives an ASCII letter for
every character ``re.IGNORECASE`` matches to it (checked over all of Unicode in the tests),
and Arabic names count too. Only the first word is looked up, so the rest of a name may
hold any letter ("Forces Armées Maliennes").

At such a position only the names whose first word is the word found there can match (a
name's first word is followed by a non-word character of the name, or by its end), so the
scanner tries a small alternation of just those names, in the pattern's order: the same
branch wins as in the whole pattern, at a fraction of the cost of trying hundreds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from claims.prefilter import fold

__all__ = ["NameScanner", "names_pattern"]

_WORD = re.compile(r"\w+")
_FIRST_RUN = re.compile(r"\w*")
_ARABIC_RUN = re.compile("[\u0600-\u06ff]+")


_last_index: list = [None, None]


def _word_index(text: str) -> dict[str, list[int]]:
    """Folded word -> start positions in ``text`` (the last text's index is kept)."""
    if _last_index[0] is text:
        return _last_index[1]
    index: dict[str, list[int]] = {}
    if text.isascii():  # lower-casing ASCII keeps every offset: one call for the whole text
        for match in _WORD.finditer(text.lower()):
            index.setdefault(match.group(), []).append(match.start())
    else:  # fold gives what lower gives on ASCII words, and lower is cheaper
        for match in _WORD.finditer(text):
            word = match.group()
            key = word.lower() if word.isascii() else fold(word)
            index.setdefault(key, []).append(match.start())
    _last_index[0], _last_index[1] = text, index
    return index


def names_pattern(branches: Sequence[str]) -> re.Pattern[str]:
    r"""Return ``(?<![\w])(?:branch|...)(?![\w])`` (IGNORECASE): the names as whole words."""
    return re.compile(r"(?<![\w])(?:" + "|".join(branches) + r")(?![\w])", re.IGNORECASE)


class NameScanner:
    r"""Find the names of ``names`` as whole words, case-insensitively.

    ``branches`` are the regexes of the names, in the same order (the first that matches
    wins, as in ``pattern``, the :func:`names_pattern` of all of them).
    """

    def __init__(self, names: Sequence[str], branches: Sequence[str]) -> None:
        self.pattern = names_pattern(branches)
        firsts: dict[str, list[str]] = {}
        arabic: set[str] = set()
        exact = True
        for name, branch in zip(names, branches, strict=True):
            if not name:
                continue
            run = _FIRST_RUN.match(name).group(0)  # type: ignore[union-attr]
            if run and _ARABIC_RUN.fullmatch(run):
                arabic.add(run)  # an Arabic alias never matches ASCII text
            elif not run or not run.isascii():
                exact = False
                break
            firsts.setdefault(run.lower(), []).append(branch)
        #: First word -> the branches of the names it starts, in the pattern's order.
        self._branches: dict[str, list[str]] = firsts
        #: First word -> the compiled alternation of its branches (compiled when first met;
        #: at most one per first word).
        self._by_first: dict[str, re.Pattern[str]] = {}
        self._firsts: frozenset[str] | None = (
            frozenset(firsts.keys() - arabic) if exact else None)
        #: For text that is not ASCII: the Arabic first words too.
        self._unicode_firsts: frozenset[str] | None = frozenset(firsts) if exact else None

    def _first_pattern(self, word: str) -> re.Pattern[str]:
        """Return the alternation of the names that start with the (folded) ``word``."""
        pattern = self._by_first.get(word)
        if pattern is None:
            pattern = self._by_first[word] = names_pattern(self._branches[word])
        return pattern

    def _starts(self, text: str) -> list[tuple[int, str]] | None:
        """``(position, first word)`` where a match may start, or None without the shortcut."""
        firsts = self._firsts if text.isascii() else self._unicode_firsts
        if firsts is None:
            return None
        words = _word_index(text)
        hits = firsts.intersection(words)
        if not hits:
            return []
        if len(hits) == 1:
            word = next(iter(hits))
            return [(pos, word) for pos in words[word]]
        return sorted((pos, word) for word in hits for pos in words[word])

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Yield the same matches as ``pattern.finditer(text)``."""
        starts = self._starts(text)
        if starts is None:
            yield from self.pattern.finditer(text)
            return
        end = 0
        for pos, word in starts:
            if pos < end:
                continue
            match = self._first_pattern(word).match(text, pos)
            if match is not None:
                end = match.end() if match.end() > pos else pos + 1
                yield match

    def count(self, text: str) -> int:
        """Return ``len(pattern.findall(text))``."""
        return sum(1 for _ in self.finditer(text))
