"""Pass switch ``region-seat-keeps-reading`` (in the fallback pass).

Sentences written for this project. A small town that heads a first-level region of its
own name, in the country of the story's focus town (Kidal, Ménaka in Mali), keeps its
reading: the fallback must not move it into the focus town hundreds of kilometres away
as if it were a street of that town. Switching the rule off brings the old reading back.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.passes import REGION_SEAT


def _reading(parser: Geoparser, text: str, name: str) -> str | None:
    mention = next(m for m in parser.geoparse(text) if m.text == name)
    return mention.place.name if mention.place else None


@pytest.mark.parametrize(
    ("text", "name", "focus"),
    [
        ("Army trucks left Gao for Kidal on Tuesday, and more troops reached Gao by air.",
         "Kidal", "Gao"),
        ("Residents of Mopti said the road to Ménaka was closed again; Mopti itself was calm.",
         "Ménaka", "Mopti"),
    ],
)
def test_the_seat_of_a_region_is_not_moved_into_the_focus_town(
    parser: Geoparser, text: str, name: str, focus: str
) -> None:
    assert _reading(parser, text, name) == name
    without = Geoparser(parser.index, disabled=frozenset({REGION_SEAT}))
    assert _reading(without, text, name) == focus
