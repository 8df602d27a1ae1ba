"""Round-10 Arabic control rules (issue 16: actors that hold on any war), one test per rule.

Sentences are the engineer's own, about several wars each.
"""
from __future__ import annotations

import pytest

from claims.lines import run_file


def _claims(sentence: str, conflict: str, published: str = "2023-05-10") -> list[tuple]:
    row = {"article_id": "t", "sentence": sentence, "published": published,
           "conflict": conflict}
    return [(c.get("action"), c.get("place"), c.get("actor_norm"))
            for c in run_file([row])[0].get("claims", [])]


@pytest.mark.parametrize(("sentence", "want"), [
    ("وقالت مصادر عسكرية إن قوات الجيش الوطني استعادت مديرية حريب جنوب مأرب.",
     ("captured", "حريب", "Yemeni government")),
    ("وأعلن قائد عسكري أن الجيش الوطني دخل بلدة جوهر دون قتال.",
     ("entered", "جوهر", "Somali government")),
    ("وانسحبت قوات الجيش الوطني من مدينة قندهار بعد أيام من المعارك.",
     ("withdrew", "قندهار", "Afghan government")),
    ("وقالت مصادر محلية إن قوات الجيش الوطني دخلت مدينة سرت.",
     ("entered", "سرت", "LNA")),
])
def test_national_army_of_the_war(sentence: str, want: tuple) -> None:
    """Rule "national army of the war": الجيش الوطني is the LNA only in a Libyan article."""
    assert want in _claims(sentence, "any")
