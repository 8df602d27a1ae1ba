"""A first name the document gives a person stays that person (``person-first-name-in-document``).

Sentences written for this project (an obituary in Wales, a court report in Australia, a
family story in the US): once a place's name begins a person's full name, the bare word
later is the person; a determiner or locative preposition, capitals (a dateline) or a
country/state reading keep the place. The switch off brings the false place back.
"""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser
from gazetteer.person_discourse import PERSON_FIRST_NAME_IN_DOCUMENT


def _names(parser: Geoparser, text: str) -> list[str]:
    return [m.text for m in parser.geoparse(text)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Barry Whitworth met his wife at a dance in Cardiff in 1958. Barry, who was a "
         "miner, said the secret was patience.", "Barry"),
        ("Logan Pruett, 19, was charged in Tulsa. Relatives said Logan worked nights.",
         "Logan"),
    ],
)
def test_the_bare_first_name_is_the_person(parser: Geoparser, text: str, name: str) -> None:
    assert name not in _names(parser, text)
    without = Geoparser(parser.index, disabled=frozenset({PERSON_FIRST_NAME_IN_DOCUMENT}))
    assert name in _names(without, text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Alexandria Ocasio spoke first. An Alexandria man was hurt in the crash.",
         "Alexandria"),
        ("Barry Whitworth moved away from Barry when he was ten.", "Barry"),
        ("Georgia Pruitt sang. Georgia passed the budget on Friday.", "Georgia"),
        ("Dallas Reed scored twice. DALLAS (AP) - The Mavericks won again.", "DALLAS"),
    ],
)
def test_the_place_stays_where_the_text_marks_it(parser: Geoparser, text: str,
                                                 name: str) -> None:
    assert name in _names(parser, text)
