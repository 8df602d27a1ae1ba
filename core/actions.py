"""The vocabulary of control claims: the actions, and what each does to who holds a place.

Defined once here, at the bottom of the dependency graph, because both the producer
(:mod:`claims`, which reads the actions from text) and the consumers (:mod:`geo.control`,
which turns them into areas of control and fronts) need them, and geo must not import
claims. :mod:`claims.model` re-exports them.

>>> sorted(GIVES), sorted(TAKES)
(['captured', 'entered', 'holds'], ['lost', 'withdrew'])
>>> set(ACTIONS) == GIVES | TAKES | PRESSURE
True
"""

from __future__ import annotations

__all__ = ["ACTIONS", "GIVES", "PRESSURE", "TAKES"]

#: Normalized control actions (the evaluation format's vocabulary).
ACTIONS: tuple[str, ...] = (
    "captured", "holds", "attacked", "withdrew", "entered", "advanced_towards", "besieged", "lost",
)
#: Actions that give the place to the actor's side.
GIVES: frozenset[str] = frozenset({"captured", "holds", "entered"})
#: Actions that take the place away from the actor's side.
TAKES: frozenset[str] = frozenset({"withdrew", "lost"})
#: Actions that leave control unchanged but put the place on the front.
PRESSURE: frozenset[str] = frozenset({"attacked", "besieged", "advanced_towards"})
