"""Property-based tests of the store on arbitrary article text (SQLite, real analysis).

For any text: the first ingest stores exactly one article or refuses it cleanly; the
second ingest of the same text is a duplicate of the same article and writes nothing;
every stored claim's quote is exactly the stored text at its offsets (provenance stays
true after storage); and the database passes its integrity check.
"""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bench.reliability import DATA_TABLES, db_state, pipeline_ready
from core.errors import ConflictMapError

pytestmark = pytest.mark.skipif(not pipeline_ready(), reason="the analysis pipeline has not landed")

FRAGMENTS = ("Rebels captured Sirte on Monday.", "The town lies 90 km south of Tripoli.",
             "Government forces withdrew from Gharyan", "\r\n", "\n\n", "\x00", "\ud800", "“",
             "Misrata", " ", "Gen. ", "e\u0301", "🚀", "\u202e")
texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=20).map("".join),
)


@pytest.fixture(scope="module")
def store_and_path(tmp_path_factory):
    from store import open_store

    path = tmp_path_factory.mktemp("props-store") / "props.sqlite"
    store = open_store(f"sqlite:///{path}", merge_places=False)
    yield store, path
    store.close()


def _counts(path) -> dict[str, int]:
    state = db_state(path)
    return {t: int(state.get(t, 0)) for t in DATA_TABLES}


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(texts, st.one_of(st.none(), st.text(max_size=30)))
@example("Rebels captured Sirte on Monday.\r\nThe town lies 90 km south of Tripoli.", "t")
@example("Fighting near Sirte \ud800 continued; rebels captured Sirte on Monday.", "\ud800")
def test_ingest_is_idempotent_atomic_and_keeps_provenance(store_and_path, text, title):
    from store.ingest import article_from_text

    store, path = store_and_path
    before = _counts(path)
    try:
        article = article_from_text(text, title=title)
        first = store.ingest_article(article)
    except ConflictMapError:
        assert _counts(path) == before, "a refused article left rows behind"
        return
    middle = _counts(path)
    assert first.status in ("stored", "duplicate")
    assert middle["articles"] - before["articles"] == (1 if first.status == "stored" else 0)
    second = store.ingest_article(article_from_text(text, title=title))
    assert second.status == "duplicate" and second.article_id == first.article_id
    assert _counts(path) == middle, "a duplicate wrote rows"

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        (stored_text,) = conn.execute("SELECT text FROM articles WHERE id = ?",
                                      (first.article_id,)).fetchone()
        rows = conn.execute('SELECT quote, start, "end" FROM claims WHERE article_id = ?',
                            (first.article_id,)).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    for quote, start, end in rows:
        assert stored_text[start:end] == quote, (quote, start, end)
