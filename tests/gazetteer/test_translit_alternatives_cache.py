"""The geoparser keeps :meth:`Geoparser.translit_alternatives` per name and mode."""

from __future__ import annotations

from gazetteer.geoparse import get_geoparser

#: Arabic spellings of towns of several wars that the extractor reads by their sound.
NAMES = ("ميكيلي", "مياوادي", "باخموت", "كيدال")


def test_cached_alternatives_are_the_computed_ones():
    parser = get_geoparser()
    for name in NAMES:
        for exact_only in (True, False):
            first = parser.translit_alternatives(name, exact_only=exact_only)
            assert first == parser._alternatives(name, exact_only)
            assert parser.translit_alternatives(name, exact_only=exact_only) == first


def test_a_caller_changing_its_list_changes_no_cache():
    parser = get_geoparser()
    found = parser.translit_alternatives(NAMES[0])
    expected = list(found)
    found.clear()
    assert parser.translit_alternatives(NAMES[0]) == expected


def test_clear_caches_forgets_the_alternatives():
    parser = get_geoparser()
    parser.translit_alternatives(NAMES[1])
    assert parser._alternatives_cache
    parser.clear_caches()
    assert not parser._alternatives_cache
