"""Arabic actor names from ``conflicts.json`` (the same actors as English, Arabic aliases).

An alias matches with a clitic in front (وقوات حفتر, لقوات الدعم السريع) and ل + ال
written لل (للجيش السوداني). Works on folded text; offsets are the folded text's, which
are the original's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from claims.arabic.text import fold
from gazetteer.arabic import has_arabic

__all__ = ["ArabicActor", "find_arabic_actors"]


@dataclass(frozen=True, slots=True)
class ArabicActor:
    """An actor named in a sentence: span (without clitics), text, normalized actor, conflicts."""

    start: int
    end: int
    text: str
    norm: str
    conflicts: tuple[str, ...]


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, tuple[str, ...]]]]:
    from claims.actors import default_actor_book

    table: dict[str, tuple[str, list[str]]] = {}
    for conflict in default_actor_book().conflicts.values():
        for norm, aliases in conflict.aliases.items():
            for alias in aliases:
                if has_arabic(alias):
                    key = fold(alias)
                    entry = table.setdefault(key, (norm, []))
                    if entry[0] == norm:
                        entry[1].append(conflict.id)
    if not table:
        return None, {}
    parts = []
    for key in sorted(table, key=len, reverse=True):
        body = re.escape(key).replace(r"\ ", r"\s+")
        if key.startswith("ال"):
            body = f"(?:{body}|ل{re.escape(key[1:])})"
        parts.append(body)
    pattern = re.compile(r"(?<![\w])(?P<pre>[وفبلك]{0,2}?)(?P<name>" + "|".join(parts)
                         + r")(?![\w])")
    return pattern, {k: (v[0], tuple(v[1])) for k, v in table.items()}


def find_arabic_actors(folded: str, text: str | None = None) -> list[ArabicActor]:
    """Find the actors a folded sentence names, left to right.

    >>> [(a.text, a.norm) for a in find_arabic_actors(fold("وسيطرت قوات حفتر علي سرت"))]
    [('قوات حفتر', 'LNA')]
    >>> [a.norm for a in find_arabic_actors(fold("انسحب منها للجيش السوداني"))]
    ['SAF']
    """
    pattern, table = _table()
    if pattern is None:
        return []
    out: list[ArabicActor] = []
    for m in pattern.finditer(folded):
        name = re.sub(r"\s+", " ", m.group("name"))
        entry = table.get("ال" + name[2:] if name.startswith("لل") else name)
        if entry is None:
            continue
        start, end = m.start("name"), m.end("name")
        out.append(ArabicActor(start, end, (text or folded)[start:end], entry[0], entry[1]))
    return out
