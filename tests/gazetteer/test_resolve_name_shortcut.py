"""resolve_name returns early, without geoparsing the context, when there is nothing to rank.

Most capitalised words a claim sentence names have no gazetteer entry; only a description
of a capital ("the capital") needs the context to say which country it means.
"""

from __future__ import annotations

import pytest

from gazetteer import resolve_name
from gazetteer.descriptions import describes_capital

CONTEXT = "Government forces shelled Misrata and Sirte, east of Tripoli, on Monday."


@pytest.mark.parametrize(("name", "expected"), [
    ("the capital", True), ("the Libyan capital", True), ("Libya's capital", True),
    ("the capital city", True), ("Tripoli", False), ("Capitalists", False), ("", False),
])
def test_describes_capital(name, expected):
    assert describes_capital(name) is expected


@pytest.mark.parametrize("name", ["Humanitarian", "Negotiators", "Zzqxvillage"])
def test_a_name_without_entries_resolves_to_nothing_with_or_without_context(name):
    assert resolve_name(name, context_text=CONTEXT) == []
    assert resolve_name(name) == []


def test_the_capital_still_reads_the_context():
    ranked = resolve_name("the capital", context_text=CONTEXT)
    assert ranked and ranked[0].place.name == "Tripoli"
    assert ranked[0].place.country_code == "LY"
