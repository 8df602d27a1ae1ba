import time

import pytest

from claims import extract_claims
from core.errors import InputRejected

PATHOLOGICAL = {
    "dots": "." * 20000,
    "capitals": " ".join(["Alpha"] * 5000),
    "hyphens": "-".join(["Al"] * 5000),
    "numbers": " ".join(["10"] * 5000) + " km from",
    "lists": ", ".join(["Sirte"] * 3000) + " were captured by the LNA",
    "actor phrases": " ".join(["forces loyal to"] * 2000) + " Haftar",
    "units": "km " * 10000,
    "articles": "the " * 8000 + "capital",
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_text_is_fast(name):
    start = time.perf_counter()
    extract_claims(PATHOLOGICAL[name], published="2020-01-13", resolve=False)
    assert time.perf_counter() - start < 3.0


@pytest.mark.parametrize("text", ["", "   \n\n ", "\x00\x01", "<html><body></body></html>"])
def test_empty_or_junk_text_has_no_claims(text):
    assert extract_claims(text, resolve=False) == []


def test_non_string_is_rejected():
    with pytest.raises(InputRejected):
        extract_claims(b"bytes")  # type: ignore[arg-type]


def test_bad_publication_date_is_ignored():
    claims = extract_claims("Russian forces entered Izium on Sunday.", published="not a date",
                            resolve=False)
    assert claims and claims[0].event_date is None


def test_provenance_spans_index_the_text():
    text = "Intro line.\n\nRussian forces entered Izium on Sunday. Izium, 120 km south-east of " \
           "Kharkiv, fell."
    for claim in extract_claims(text, published="2022-04-01", resolve=False):
        prov = claim.provenance
        assert text[prov.start:prov.end] == prov.quote
        assert prov.sentence_start <= prov.start < prov.end <= prov.sentence_end
