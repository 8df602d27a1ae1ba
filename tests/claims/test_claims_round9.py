"""The round-9 English trigger rules, each on sentences of its own (not the probe tables').

Control changes stated without a capture verb (:mod:`claims.lexicon`): *flag-raised-over*
(the side that raises its flag over a place has taken it). The forms the lexicon already
read are pinned here too, so a later rule cannot lose them: "the fall of X to Y",
"X fell to Y", "X is now in the hands of Y", "X remains under Y control".
"""

import pytest

from claims import extract_claims


def _claims(text: str, published: str) -> list[tuple[str | None, str, str]]:
    return [(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published=published, resolve=False)
            if c.kind == "control"]


#: rule *flag-raised-over*: raising, hoisting or planting a flag over a place takes it.
FLAG_RAISED = [
    ("Russian troops raised their flag over Soledar on Friday.", "2023-01-13",
     ("Russia", "captured", "Soledar")),
    ("M23 rebels hoisted their flag above the town hall in Goma.", "2025-01-28",
     ("M23", "captured", "Goma")),
    ("Taliban fighters hoisted their white flag over the governor's office in Kunduz.",
     "2015-09-29", ("Taliban", "captured", "Kunduz")),
    ("Ukrainian soldiers raised the national flag over Izium on Saturday.", "2022-09-10",
     ("Ukraine", "captured", "Izium")),
]


@pytest.mark.parametrize(("text", "published", "expected"), FLAG_RAISED)
def test_a_flag_raised_over_a_place_captures_it(text, published, expected):
    assert expected in _claims(text, published)


@pytest.mark.parametrize("text", [
    "Protesters raised flags in the square, the governor said.",
    "Soldiers were filmed raising a flag over the building.",
    "Ukrainian troops vowed to raise their flag over Donetsk.",
])
def test_a_flag_over_no_named_place_or_in_the_future_is_no_capture(text):
    assert not [c for c in _claims(text, "2022-09-10") if c[1] == "captured"]


#: Forms the lexicon already read before round 9 (fall of, fell to, in the hands of, under
#: control): kept here so the round's rules are checked not to take them away.
ALREADY_READ = [
    ("The fall of Mosul to Islamic State fighters in June shocked Baghdad.", "2014-06-20",
     ("ISIS", "captured", "Mosul")),
    ("Kunduz fell to the Taliban on Monday.", "2015-09-29", ("Taliban", "captured", "Kunduz")),
    ("Kidal is now in the hands of the Malian army.", "2023-11-16",
     ("Malian army", "holds", "Kidal")),
    ("Marib remains under Houthi control.", "2021-10-01", ("Houthis", "holds", "Marib")),
]


@pytest.mark.parametrize(("text", "published", "expected"), ALREADY_READ)
def test_control_stated_without_a_capture_verb(text, published, expected):
    assert expected in _claims(text, published)
