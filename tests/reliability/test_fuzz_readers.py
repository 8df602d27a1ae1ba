"""Fuzzing the file readers the CLI and the app's upload share (``store.ingest.read_bytes``).

Whatever bytes arrive under whatever name, the reader returns articles or raises a
:class:`ConflictMapError` with a message: never another exception (a traceback for the
user, and the end of a batch). Inputs are random bytes, mutated valid PDFs, tag soup and
JSON lines, plus hand-written worst cases (deep nesting that overflows recursive parsers).
"""

from __future__ import annotations

import json

import pytest
from bad_inputs import article_text, make_text_pdf
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.errors import ConflictMapError

FUZZ = settings(max_examples=120, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".jsonl", ".exe", "")
BASE_PDF = make_text_pdf(["Fighting near Benghazi on Tuesday, officials said.",
                          "The front is some 60 km south of Misrata."])


@st.composite
def mutated_pdfs(draw) -> bytes:
    data = bytearray(BASE_PDF)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data) - 1))
        chunk = draw(st.one_of(st.binary(max_size=12),
                               st.sampled_from([b"<<", b">>", b"[", b"]", b"0 R", b"/Length 99999",
                                                b"endobj", b"stream", b"xref", b"\x00", b"("])))
        cut = draw(st.integers(0, 12))
        data[at:at + cut] = chunk
    if draw(st.booleans()):
        data = data[: draw(st.integers(8, len(data)))]
    return bytes(data)


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
              st.text(max_size=30)),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(max_size=8), children, max_size=4)),
    max_leaves=20,
)
json_lines = st.lists(
    st.one_of(
        json_values.map(json.dumps),
        st.dictionaries(st.sampled_from(["text", "title", "published", "source", "url", "id",
                                         "body", "date"]), json_values, max_size=5).map(json.dumps),
        st.text(max_size=40),
    ),
    max_size=6,
).map(lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass"))
tag_soup = st.lists(
    st.one_of(st.sampled_from(["<html>", "<body>", "<p>", "</p>", "<div", ">", "<script>",
                               "</script>", "<!--", "-->", "<meta charset='utf-16'>",
                               "<meta charset=bogus>", "<title>", "</title>", "&amp;", "&#0;",
                               "&#xD800;", "<![CDATA[", "]]>", "<?xml version='1.0'?>"]),
              st.text(max_size=20), st.just(article_text(7))),
    max_size=25,
).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))
payloads = st.one_of(st.binary(max_size=3000), mutated_pdfs(), json_lines, tag_soup)

DEEP_JSON = (b'{"text": "Forces entered Sirte.", "x": ' + b"[" * 100_000 + b"]" * 100_000
             + b'}\n{"text": "A second report about Tripoli and Misrata."}\n')
DEEP_PDF = BASE_PDF.replace(b"<< /Type /Font", b"<< /Deep " + b"[" * 50_000 + b"]" * 50_000
                            + b" /Type /Font")
DEEP_HTML = (b"<html><body>" + b"<div>" * 50_000 + article_text(8).encode()
             + b"</div>" * 50_000 + b"</body></html>")


@FUZZ
@given(st.sampled_from(SUFFIXES), payloads)
@example(".jsonl", DEEP_JSON)
@example(".pdf", DEEP_PDF)
@example(".html", DEEP_HTML)
@example(".pdf", BASE_PDF[:-40])
@example(".txt", b"\xff\xfe" + "Sirte fell.".encode("utf-16-le") + b"\x00")
@example(".txt", b"\xef\xbb\xbf")
@example(".jsonl", b'{"text": "\\ud800\\udfff Sirte", "published": "9999-12-31"}\n')
def test_read_bytes_returns_articles_or_a_clean_error(suffix, data):
    from store.ingest import read_bytes
    from store.types import ArticleInput

    try:
        items = read_bytes(f"fuzzed{suffix}", data)
    except ConflictMapError as err:
        assert str(err).strip(), "an error without a message"
        return
    for item in items:
        if isinstance(item, ConflictMapError):
            assert str(item).strip()
            continue
        assert isinstance(item, ArticleInput)
        assert isinstance(item.text, str) and item.text.strip()
        item.text.encode("utf-8")  # storable: no lone surrogates


def test_deeply_nested_json_line_does_not_end_the_batch():
    from store.ingest import read_bytes

    try:
        items = read_bytes("deep.jsonl", DEEP_JSON)
    except ConflictMapError:
        pytest.fail("one bad line rejected the whole batch")
    texts = [getattr(i, "text", "") for i in items]
    assert any("Tripoli" in t for t in texts), "the good line after the deep one was lost"
