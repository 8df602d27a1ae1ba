"""Searches narrowed to a window of sorted spans give what the scans over all spans gave.

The Arabic extractor takes a sentence's actors from a bisected window of the article's
actors (sorted by start), and :func:`claims.arabic.control._past_subject` skips a verb's
subject by bisecting to the first actor after the verb. Random spans over random blanks
check both against the plain scans they replace.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claims.arabic.actors import ArabicActor
from claims.arabic.control import _past_subject
from claims.arabic.extract import extract_arabic_claims

_SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 8)), max_size=8)


@settings(max_examples=300, deadline=None)
@given(_SPANS, st.integers(0, 45),
       st.text(alphabet=st.sampled_from(" ،سيطر"), min_size=50, max_size=50))
def test_bisected_subject_skip_is_the_full_scan(spans, pos, text):
    actors = sorted((ArabicActor(s, s + n, "x" * n, None, ()) for s, n in spans),
                    key=lambda a: a.start)
    starts = [a.start for a in actors]
    assert _past_subject(text, pos, actors, starts) == _past_subject(text, pos, actors, None)


def test_each_sentence_keeps_its_own_actors():
    """Two sentences, each with its force: each claim names the force of its sentence."""
    text = ("قالت مصادر محلية إن قوات الدعم السريع سيطرت على مدينة الفاشر أمس. "
            "وفي اليوم التالي دخل الجيش السوداني مدينة ود مدني بعد معارك عنيفة.")
    claims = [c for c in extract_arabic_claims(text, resolve=False) if hasattr(c, "actor")]
    by_place = {c.place: c.actor for c in claims}
    assert "الدعم السريع" in (by_place.get("الفاشر") or "")
    assert "الجيش" in (by_place.get("ود مدني") or "")
