"""The trigger gate of the Arabic control rules: run only the rules whose trigger occurs.

:func:`claims.arabic.control.find_arabic_control`, :func:`~claims.arabic.control.name_slots`
and :func:`~claims.arabic.control.is_trigger_word` search each rule's compiled trigger
regex over a folded sentence (or word). Most sentences hold the trigger of a few rules
only, yet every regex scans the whole text. A :class:`TriggerGate` reads, once, the
literal strings one of which every match of a rule's regex must contain (its stems:
سيطر، انسحب، قصف ...; :func:`claims.prefilter.literal_needles` on the regex's parse
tree) and finds them all in one Aho-Corasick pass (:class:`claims.prefilter.NeedleIndex`).
Only the rules whose strings occur are searched: the same matches, in the same rule order.

The triggers are read from the compiled rules, not listed here, so a rule added to
:data:`claims.arabic.control_lexicon.RULES` is gated as soon as it exists; a rule whose
regex requires no literal is always searched.

>>> import re
>>> gate = TriggerGate([("enter", re.compile("دخل(?:ت|وا)?")), ("fall", re.compile("سقطت"))])
>>> [name for name, _ in gate.rules("دخلت القوات المدينة")]
['enter']
>>> gate.rules("قالت المصادر")
[]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Generic, TypeVar

from claims.prefilter import NeedleIndex, literal_needles

__all__ = ["TriggerGate"]

#: A rule table entry: a tuple whose second item is the rule's compiled trigger regex.
Entry = TypeVar("Entry", bound=tuple)


class TriggerGate(Generic[Entry]):
    """The entries of a rule table (``(rule, trigger regex, ...)``) that may match a text.

    ``rules(text)`` returns, in table order, every entry whose regex may match somewhere
    in ``text``: an entry left out has no match there (its required literals are absent).
    """

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = tuple(entries)
        self._patterns: tuple[re.Pattern[str], ...] = tuple(e[1] for e in self._entries)
        self._index = NeedleIndex(self._patterns)

    def rules(self, text: str) -> list[Entry]:
        """Return the entries whose trigger regex may match ``text``, in table order."""
        return [self._entries[i] for i in self._index.possible(text)]

    def triggers(self) -> list[frozenset[str] | None]:
        """Return each entry's required literals (None: always searched), in table order."""
        return [literal_needles(p) for p in self._patterns]
