"""Which side each actor fights on, so control can be drawn per side.

Claims name actors as the reporting does ("LNA", "LNA (Wagner)", "Turkish-backed
forces"); a map of areas needs the *side* each one belongs to, and the rule for
"lost" needs the opposing side. The mapping comes from ``geo/data/sides.json``
(one object per conflict: actor -> side) and from a generic rule: an actor written
``"X (Y)"`` (a force named after its patron or unit) fights for ``X``.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources

from core.errors import DataSourceError

__all__ = ["Sides", "load_side_table", "sides_for"]

_log = logging.getLogger("conflictmap.geo.sides")
_PAREN = re.compile(r"^\s*(?P<head>[^()]+?)\s*\((?P<inner>[^()]*)\)\s*$")


@lru_cache(maxsize=1)
def load_side_table() -> dict[str, dict[str, str]]:
    """Return ``{conflict: {actor_lower: side}}`` from the bundled ``sides.json``."""
    try:
        raw = resources.files("geo").joinpath("data", "sides.json").read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, ValueError) as err:
        raise DataSourceError(f"cannot read geo/data/sides.json: {err}") from err
    table: dict[str, dict[str, str]] = {}
    for conflict, actors in data.items():
        if conflict.startswith("_"):
            continue
        table[conflict.lower()] = {str(a).strip().lower(): str(s) for a, s in actors.items()}
    return table


class Sides:
    """Actor -> side resolution for one conflict (or for claims with no conflict).

    Parameters
    ----------
    conflict:
        Conflict key (``"libya"``); its table in ``sides.json`` is used if any.
    overrides:
        Extra ``actor -> side`` pairs that win over the bundled table.
    observed_actors:
        Actors seen in the claims of this conflict; when they fall into exactly two
        sides, each side's opponent is the other one (used for "lost"/"withdrew").

    >>> s = Sides("libya", observed_actors=["GNA", "LNA (Wagner)"])
    >>> s.side_of("LNA (Wagner)"), s.opponent("GNA")
    ('LNA', 'LNA')

    """

    def __init__(
        self,
        conflict: str | None = None,
        overrides: Mapping[str, str] | None = None,
        observed_actors: Iterable[str | None] = (),
    ) -> None:
        table = load_side_table().get((conflict or "").lower(), {})
        self._table = dict(table)
        for actor, side in (overrides or {}).items():
            self._table[actor.strip().lower()] = side
        self._cache: dict[str, str | None] = {}
        seen = {self.side_of(a) for a in observed_actors}
        seen.discard(None)
        self.observed: tuple[str, ...] = tuple(sorted(seen))  # type: ignore[arg-type]

    def side_of(self, actor: str | None) -> str | None:
        """Return the side an actor fights on (the actor itself when nothing maps it)."""
        if actor is None:
            return None
        text = str(actor).strip()
        if not text or text.lower() in {"nan", "none", "unknown"}:
            return None
        if text in self._cache:
            return self._cache[text]
        key = text.lower()
        side = self._table.get(key)
        if side is None:
            match = _PAREN.match(text)
            if match:
                head = match.group("head")
                side = self._table.get(head.lower(), head)
            else:
                side = text
        self._cache[text] = side
        return side

    def opponent(self, side: str | None) -> str | None:
        """Return the other side when the conflict has exactly two, else None."""
        if side is None or len(self.observed) != 2 or side not in self.observed:
            return None
        first, second = self.observed
        return second if side == first else first


def sides_for(
    conflict: str | None,
    actors: Iterable[str | None],
    overrides: Mapping[str, str] | None = None,
) -> Sides:
    """Build the :class:`Sides` of a conflict from the actors its claims mention."""
    return Sides(conflict, overrides=overrides, observed_actors=list(actors))
