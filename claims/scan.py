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
#: An Arabic first word, digits allowed (إم23: M23): it never matches ASCII text.
_ARABIC_RUN = re.compile("[\u0600-\u06ff0-9]*[\u0600-\u06ff][\u0600-\u06ff0-9]*")


class _WordIndex:
    """The folded words of one text, and where each of them starts (found when asked).

    Most of a text's words start no name, so only the words a scanner looks for are
    located: as whole words of the folded text (:func:`_word_starts`). That finds every
    position where a name starting with the word can match (the name's first word matches
    the text there), and a text word is in :attr:`words` whenever it matches.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        #: The text lower-cased (ASCII) or folded (:func:`fold`), when a word is looked for.
        self._folded: str | None = None
        if text.isascii():
            self._folded = text.lower()
            self.words = set(_WORD.findall(self._folded))
        else:  # fold gives what lower gives on ASCII words, and lower is cheaper
            self.words = {w.lower() if w.isascii() else fold(w)
                          for w in set(_WORD.findall(text))}
        self._starts: dict[str, list[int]] = {}

    def starts(self, word: str) -> list[int]:
        """Return the positions where ``word`` (folded) stands as a whole word, in order."""
        found = self._starts.get(word)
        if found is None:
            if self._folded is None:
                self._folded = fold(self.text)
            found = self._starts[word] = _word_starts(self.text, self._folded, word)
        return found


def _word_starts(text: str, folded: str, word: str) -> list[int]:
    r"""Return where the folded ``word`` stands as a whole word in ``text``, in order.

    ``folded`` is :func:`fold` of ``text`` (for ASCII, its lower-case): it keeps every
    offset (each character folds to one), and ``re.IGNORECASE`` matches a character to an
    ASCII letter only where it folds to that letter. So every whole-word case-insensitive
    match of ``word`` is an occurrence of ``word`` in ``folded`` with no ``\w`` character
    of ``text`` on either side (``\w``: ``str.isalnum`` or "_"). In ASCII text these are
    exactly the matches; elsewhere there may be more (never a place a name matches).
    Two whole-word occurrences of a word never overlap.
    """
    found: list[int] = []
    size, n = len(text), len(word)
    pos = folded.find(word)
    while pos >= 0:
        end = pos + n
        if (pos == 0 or not _is_word_char(text[pos - 1])) and (
                end >= size or not _is_word_char(text[end])):
            found.append(pos)
        pos = folded.find(word, pos + 1)
    return found


def _is_word_char(char: str) -> bool:
    r"""Tell whether ``\w`` matches ``char`` (in ``str`` patterns: alphanumeric or "_")."""
    return char.isalnum() or char == "_"


_last_index: list[_WordIndex | None] = [None]


def _word_index(text: str) -> _WordIndex:
    """Return the word index of ``text`` (the last text's index is kept)."""
    index = _last_index[0]
    if index is None or index.text is not text:
        index = _last_index[0] = _WordIndex(text)
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
        self._all_branches = tuple(branches)
        self._pattern: re.Pattern[str] | None = None
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

    @property
    def pattern(self) -> re.Pattern[str]:
        """The :func:`names_pattern` of all the names, compiled when first asked for.

        Only text the first-word shortcut does not serve searches it, and compiling an
        alternation of a war's hundreds of aliases costs about 0.2 s: an analysis
        compiled all of them (about 2.5 CPU s at the first articles) to use none.
        """
        if self._pattern is None:
            self._pattern = names_pattern(self._all_branches)
        return self._pattern

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
        index = _word_index(text)
        hits = firsts.intersection(index.words)
        if not hits:
            return []
        if len(hits) == 1:
            word = next(iter(hits))
            return [(pos, word) for pos in index.starts(word)]
        return sorted((pos, word) for word in hits for pos in index.starts(word))

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
