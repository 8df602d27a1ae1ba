"""Run one Arabic test sentence through ``conflictmap extract-claims``'s reader.

Shared by the Arabic control-round tests: a sentence, the war it belongs to (given as the
user's ``conflict_hint``, the input field the commands read) and a publication date become
one input line, and each claim comes back as a tuple of the fields a test compares.
"""

from __future__ import annotations

from collections.abc import Sequence

from claims.lines import run_file

#: What a round's test compares by default: the action, the place and the actor.
ACTION_PLACE_ACTOR = ("action", "place", "actor_norm")


def claim_fields(sentence: str, conflict: str, published: str = "2023-05-10", *,
                 fields: Sequence[str] = ACTION_PLACE_ACTOR,
                 article_id: str = "t") -> list[tuple]:
    """Return ``fields`` of each claim read from ``sentence`` of war ``conflict``."""
    row = {"article_id": article_id, "sentence": sentence, "published": published,
           "conflict_hint": conflict}
    return [tuple(claim.get(name) for name in fields)
            for claim in run_file([row])[0].get("claims", [])]
