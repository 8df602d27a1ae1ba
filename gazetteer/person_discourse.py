"""A first name the document gives a person is that person elsewhere in the document too.

"Barry Whitworth, 84, met his wife in 1953 ... Barry, who was from Dewsbury, said ...":
the recognition rules drop "Barry" before a surname ("Barry Whitworth") but keep it alone
(a town in Wales), so every later "Barry said", "Barry worked" became a place. One sense
per discourse: once the text writes a place's name as the first word of a person's full
name (a match dropped by :data:`FULL_NAME_RULES`), the same word alone is that person,
unless a determiner or a locative preposition right before it makes it a place again
("an Alexandria man", "Steven Sachs of Alexandria"), it is written in capitals (a
dateline, "DALLAS (AP) -"), or it names a country or a first-level region ("Georgia").
The matcher (:mod:`gazetteer.recognize`) applies :func:`drop_person_first_names` after
its loop; the switch is :data:`PERSON_FIRST_NAME_IN_DOCUMENT`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gazetteer.model import Place

if TYPE_CHECKING:
    from gazetteer.recognize import Dropped, Span

__all__ = [
    "FULL_NAME_RULES",
    "PERSON_FIRST_NAME_IN_DOCUMENT",
    "PLACE_MARKERS",
    "drop_person_first_names",
    "person_first_names",
]

#: Rule name (trace, switch): a bare first name the document also uses in a full name.
PERSON_FIRST_NAME_IN_DOCUMENT = "person-first-name-in-document"

#: Recognition rules whose drop means "this word begins a person's full name here".
FULL_NAME_RULES: frozenset[str] = frozenset(
    {"first-name-and-surname", "person-name-run", "first-name-unknown-surname"}
)

#: Words right before a name that make it a place again ("an Alexandria man", "of Dallas").
PLACE_MARKERS: frozenset[str] = frozenset(
    "a an the of in at near from to outside into across toward towards".split()
)

_WORD_BEFORE_RE = re.compile(r"(\w+)[ \t]+$")


def person_first_names(text: str, dropped: Sequence[Dropped]) -> frozenset[str]:
    """Lower-case one-word names a full-name rule dropped in ``text``.

    >>> from gazetteer.recognize import Dropped
    >>> sorted(person_first_names("Barry Whitworth", [Dropped(0, 5, "Barry",
    ...                                                        "first-name-and-surname")]))
    ['barry']
    """
    return frozenset(
        d.text.lower() for d in dropped if d.rule in FULL_NAME_RULES and " " not in d.text
    )


def _area(places: Sequence[Place]) -> bool:
    """Whether a reading is a country, a sea, a continent or a first-level region."""
    return any(
        p.feature_code.startswith(("PCL", "CONT")) or p.precision in ("country", "sea")
        or p.feature_code == "ADM1"
        for p in places
    )


def _place_marked(text: str, start: int) -> bool:
    """Whether a determiner or locative preposition stands right before ``start``."""
    found = _WORD_BEFORE_RE.search(text, max(0, start - 24), start)
    return found is not None and found.group(1).lower() in PLACE_MARKERS


def drop_person_first_names(
    text: str, spans: Sequence[Span], dropped: Sequence[Dropped]
) -> tuple[list[Span], list[tuple[Span, str]]]:
    """Return the spans kept and those dropped as a person's first name (with the rule).

    A one-word span, not in capitals, not an area, with no place marker right before it,
    whose word the document also uses as the first word of a person's full name.
    """
    firsts = person_first_names(text, dropped)
    if not firsts:
        return list(spans), []
    kept: list[Span] = []
    gone: list[tuple[Span, str]] = []
    for span in spans:
        word = span.text
        if (
            " " not in word
            and word.lower() in firsts
            and not word.isupper()
            and not _area(span.places)
            and not _place_marked(text, span.start)
        ):
            gone.append((span, PERSON_FIRST_NAME_IN_DOCUMENT))
        else:
            kept.append(span)
    return kept, gone
