"""The trigger gate of the Arabic control rules: search a rule only where its trigger occurs.

:func:`claims.arabic.control.find_arabic_control`, :func:`~claims.arabic.control.name_slots`
and :func:`~claims.arabic.control.is_trigger_word` search each rule's compiled trigger
regex over a folded sentence, word or whole article. Most texts hold the trigger of a few
rules only, yet every regex scans the whole text. A :class:`TriggerGate` reads, once, the
literal strings one of which every match of a rule's regex must contain (its stems:
سيطر، انسحب، قصف ...; :func:`claims.prefilter.literal_needles` on the regex's parse
tree) and finds them all in one Aho-Corasick pass over the text:

- :meth:`TriggerGate.rules`: only the rules whose strings occur are searched;
- :meth:`TriggerGate.finditer`: a rule whose match cannot read more than a bounded number
  of characters (:func:`match_reach`; no unbounded repeat) is searched only in windows of
  that reach around its strings, since a match starts at most that far before one.

Either way the same matches, in the same order. The triggers are read from the compiled
rules, not listed here, so a rule added to :data:`claims.arabic.control_lexicon.RULES` is
gated as soon as it exists; a rule whose regex requires no literal is searched everywhere.

>>> import re
>>> gate = TriggerGate([("enter", re.compile("دخل(?:ت|وا)?")), ("fall", re.compile("سقطت"))])
>>> [name for name, _ in gate.rules("دخلت القوات المدينة")]
['enter']
>>> gate.rules("قالت المصادر")
[]
>>> [m.span() for m in gate.finditer(gate.rules("دخلت ثم دخلوا")[0][1], "دخلت ثم دخلوا")]
[(0, 4), (8, 13)]
"""

from __future__ import annotations

import re
import re._constants as sre_c
import re._parser as sre_parse
from collections.abc import Iterator, Sequence
from typing import Generic, TypeVar

import ahocorasick

from claims.prefilter import fold, literal_needles

__all__ = ["TriggerGate", "match_reach"]

#: A rule table entry: a tuple whose second item is the rule's compiled trigger regex.
Entry = TypeVar("Entry", bound=tuple)

_ONE_CHAR = (sre_c.LITERAL, sre_c.NOT_LITERAL, sre_c.ANY, sre_c.IN)
_REPEATS = (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, sre_c.POSSESSIVE_REPEAT)
_SPACE = (sre_c.CATEGORY_SPACE, sre_c.CATEGORY_UNI_SPACE)
_NOT_SPACE = (sre_c.CATEGORY_NOT_SPACE, sre_c.CATEGORY_UNI_NOT_SPACE)
_SPACE_RUN_RE = re.compile(r"\s+")
_WORD_RUN_RE = re.compile(r"\S+")

#: A reach ``(c, m)``: at most ``c`` characters plus ``m`` runs of spaces or of non-spaces.
Reach = tuple[int, int]


def _side_of_space(op, av) -> bool:  # noqa: ANN001 (sre parse tree nodes)
    """Whether a one-character node matches only spaces, or only non-spaces.

    A run of such a node is no longer than the text's longest run of either.
    """
    if op is sre_c.LITERAL:
        return True  # one character: a space or not
    if op is not sre_c.IN:
        return False
    items = [(o, a) for o, a in av if o is not sre_c.NEGATE]
    spaces = [o is sre_c.CATEGORY and a in _SPACE for o, a in items]
    if len(items) == 1 and items[0][0] is sre_c.CATEGORY and items[0][1] in _NOT_SPACE:
        return True  # \S
    if av and av[0][0] is sre_c.NEGATE:
        return any(spaces)  # [^\s...]: non-spaces only
    return all(spaces) or all(o is sre_c.LITERAL and not chr(a).isspace() for o, a in items)


def _sequence_reach(seq) -> Reach | None:  # noqa: ANN001
    c = m = 0
    for op, av in seq:
        width = _item_reach(op, av)
        if width is None:
            return None
        c, m = c + width[0], m + width[1]
    return c, m


def _item_reach(op, av) -> Reach | None:  # noqa: ANN001, PLR0911 (one case per node kind)
    """Return the most characters one parse-tree node reads forward, or None (unbounded)."""
    if op in _ONE_CHAR:
        return 1, 0
    if op is sre_c.SUBPATTERN:
        return _sequence_reach(av[-1])
    if op is sre_c.ATOMIC_GROUP:
        return _sequence_reach(av)
    if op is sre_c.BRANCH:
        widths = [_sequence_reach(item) for item in av[1]]
        if None in widths:
            return None
        return max((w[0] for w in widths), default=0), max((w[1] for w in widths), default=0)
    if op in _REPEATS:
        _low, high, item = av
        width = _sequence_reach(item)
        if width is None or high != sre_c.MAXREPEAT:
            return None if width is None else (high * width[0], high * width[1])
        if width == (0, 0):
            return 0, 0
        single = list(item)
        if len(single) == 1 and single[0][0] in _ONE_CHAR and _side_of_space(*single[0]):
            return 0, 1  # "\s+", "\S+", "[^\s،]+": one run
        return None
    if op is sre_c.ASSERT or op is sre_c.ASSERT_NOT:
        direction, item = av
        # a lookbehind reads before the match (never cut off); a lookahead is counted as
        # if it consumed what it reads, which only overstates the reach
        return (0, 0) if direction < 0 else _sequence_reach(item)
    if op is sre_c.AT:
        return 0, 0
    return None  # back references and anything unknown: no bound


def match_reach(pattern: re.Pattern[str]) -> Reach | None:
    r"""Return how far a match of ``pattern`` may read from its start, or None (no bound).

    ``(c, m)``: the match and its lookaheads read at most ``c`` characters plus ``m``
    runs of white space or of other characters (``\s+``, ``\S+``), each no longer than
    the text's longest such run (:func:`longest_run`).

    >>> match_reach(re.compile(r"(?<![\w])[وف]?دخل(?:ت|وا)?(?![\w])"))
    (7, 0)
    >>> match_reach(re.compile(r"شن\s+(?:\S+\s+){0,2}?هجوما"))
    (7, 5)
    >>> match_reach(re.compile(r"شن(?:ت\s)+")) is None
    True
    """
    try:
        tree = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, TypeError, ValueError):
        return None
    return _sequence_reach(list(tree))


def longest_run(text: str) -> int:
    r"""Return the length of the longest run of white space, or of other characters, in ``text``.

    Words by ``str.split`` (the same white space as ``\s``) and only the runs of two
    spaces or more by a regex: most texts have none, and a text's word list is built in C.
    The last text asked about is kept (:data:`_LAST_RUN`): the date, amount and control
    gates all ask about each sentence.

    >>> longest_run("قوات  حفتر"), longest_run(""), longest_run("  "), longest_run("a b")
    (4, 0, 2, 1)
    """
    last = _LAST_RUN[0]  # one read: another thread may replace it
    if last is not None and last[0] is text:
        return last[1]
    words = text.split()
    run = max(map(len, words), default=0)
    if sum(map(len, words)) != len(text):  # some white space: its longest run
        run = max(run, max(map(len, _LONG_SPACE_RE.findall(text)), default=1))
    _LAST_RUN[0] = (text, run)
    return run


#: Runs of two white-space characters or more (:func:`longest_run`).
_LONG_SPACE_RE = re.compile(r"\s{2,}")
#: The last text :func:`longest_run` measured, and its run.
_LAST_RUN: list[tuple[str, int] | None] = [None]


class TriggerGate(Generic[Entry]):
    """The entries of a rule table (``(rule, trigger regex, ...)``) and where they may match.

    :meth:`rules` returns, in table order, every entry whose regex may match somewhere in
    a text; :meth:`finditer` an entry's matches, searched near its required literals only.
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = tuple(entries)
        patterns: list[re.Pattern[str]] = [e[1] for e in self._entries]
        self._needles = [literal_needles(p) for p in patterns]
        self._reach = [match_reach(p) for p in patterns]
        self._index_of = {id(p): i for i, p in enumerate(patterns)}
        self._always = [i for i, found in enumerate(self._needles) if not found]
        by_needle: dict[str, list[int]] = {}
        for i, found in enumerate(self._needles):
            for needle in found or ():
                by_needle.setdefault(needle, []).append(i)
        self._automaton = ahocorasick.Automaton() if by_needle else None
        for needle, indices in by_needle.items():
            self._automaton.add_word(needle, (len(needle), tuple(indices)))
        if self._automaton is not None:
            self._automaton.make_automaton()
        self._last: tuple[str, dict[int, list[int]]] | None = None
        self._last_run: tuple[str, int] | None = None

    def _occurrences(self, text: str) -> dict[int, list[int]]:
        """Return entry index -> the start offsets of its literals in ``text``.

        Of the last text asked about (name_slots and find_arabic_control ask per rule).
        """
        last = self._last  # one read: another thread may replace it
        if last is not None and last[0] is text:
            return last[1]
        found: dict[int, list[int]] = {}
        folded = fold(text)
        if self._automaton is not None and len(folded) == len(text):
            for end, (size, indices) in self._automaton.iter(folded):
                for i in indices:
                    found.setdefault(i, []).append(end - size + 1)
        elif self._automaton is not None:  # folding moved offsets: no windows, rules only
            found = {i: [] for end, (_s, indices) in self._automaton.iter(folded)
                     for i in indices}
        self._last = (text, found)
        return found

    def _longest_run(self, text: str) -> int:
        """Return :func:`longest_run` of ``text``, kept for the last text asked about."""
        last = self._last_run
        if last is not None and last[0] is text:
            return last[1]
        run = longest_run(text)
        self._last_run = (text, run)
        return run

    def rules(self, text: str) -> list[Entry]:
        """Return the entries whose trigger regex may match ``text``, in table order."""
        found = self._occurrences(text)
        return [self._entries[i] for i in sorted({*found, *self._always})]

    def may_match(self, pattern: re.Pattern[str], text: str) -> bool:
        r"""Whether an entry's ``pattern`` may match in ``text``: one of its literals occurs.

        From the same pass over the text as :meth:`rules` (kept for the last text asked
        about), so several patterns asked of one sentence cost one scan of it.

        >>> unit = re.compile(r"\d+\s*(?:كم|كيلومترا)")
        >>> gate = TriggerGate([("unit", unit)])
        >>> gate.may_match(unit, "على بعد 20 كم"), gate.may_match(unit, "قالت المصادر")
        (True, False)
        """
        i = self._index_of.get(id(pattern))
        return i is None or i in self._always or i in self._occurrences(text)

    def scan(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """Return ``pattern.finditer(text)``; no matches where :meth:`may_match` says none."""
        return pattern.finditer(text) if self.may_match(pattern, text) else iter(())

    def triggers(self) -> list[frozenset[str] | None]:
        """Return each entry's required literals (None: searched everywhere), in table order."""
        return list(self._needles)

    def reaches(self) -> list[Reach | None]:
        """Return each entry's :func:`match_reach` (None: searched in the whole text)."""
        return list(self._reach)

    def finditer(self, pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
        """Yield ``pattern.finditer(text)``'s matches, searched only where they can be.

        A match holds one of the rule's literals and reads at most its reach from its
        start: it lies inside the window of that reach around the literal. Windows that
        touch are joined, so a match is never cut off and every match is found.
        """
        i = self._index_of.get(id(pattern))
        if i is None or i in self._always or self._reach[i] is None:
            yield from pattern.finditer(text)
            return
        starts = self._occurrences(text).get(i)
        if starts is None:
            return  # none of its literals: no match
        if not starts:  # the literals are there but folding moved their offsets
            yield from pattern.finditer(text)
            return
        chars, runs = self._reach[i]
        reach = chars + runs * self._longest_run(text) if runs else chars
        pos = 0
        for lo, hi in _windows(sorted(starts), reach, len(text)):
            for m in pattern.finditer(text, max(lo, pos), hi):
                yield m
                pos = m.end()


def _windows(starts: Sequence[int], reach: int, size: int) -> Iterator[tuple[int, int]]:
    """Yield ``[lo, hi)`` around each start (``reach`` before, ``reach`` + 1 after), joined.

    >>> list(_windows([10, 14, 40], 5, 100))
    [(5, 20), (35, 46)]
    """
    lo = hi = None
    for start in starts:
        a, b = max(0, start - reach), min(size, start + reach + 1)
        if hi is not None and a <= hi:
            hi = max(hi, b)
            continue
        if lo is not None:
            yield lo, hi
        lo, hi = a, b
    if lo is not None:
        yield lo, hi
