"""Unit tests behind reliability round two: readers, the directory walk, database errors.

The end-to-end cases (through the CLI) are in ``tests/reliability/test_round_two.py``.
"""

from __future__ import annotations

import json
import os
import types
from pathlib import Path

import pytest

from core.errors import ConflictMapError, ExtractionError, InputRejected
from store.ingest import iter_articles, read_bytes, read_path
from store.ingest.walk import Skipped, safe_name, walk_files
from store.types import ArticleInput, meta_text

BODY = ("Forces of the Coastal Command said they entered Sirte on Monday after a week of "
        "clashes near the coast road, residents of Misrata told reporters. ") * 4


def _texts(items) -> list[str]:
    return [i.text for i in items if isinstance(i, ArticleInput)]


def test_a_huge_integer_costs_its_line_only():
    data = "\n".join([json.dumps({"text": BODY}), '{"text": "x", "n": ' + "7" * 5000 + "}",
                      json.dumps({"text": BODY + " Later."})]).encode()
    items = read_bytes("batch.jsonl", data)
    assert len(_texts(items)) == 2
    [error] = [i for i in items if isinstance(i, ConflictMapError)]
    assert str(error).startswith("batch.jsonl:2: ") and "4,300 digits" in str(error)
    assert "set_int_max_str_digits" not in str(error)


def test_an_unexpected_reader_exception_is_that_files_failure(tmp_path, monkeypatch):
    from store.ingest import readers

    def explode(data, name, defaults):
        raise RuntimeError("surprise deep in a parser")

    monkeypatch.setitem(readers._SINGLE, ".md", explode)
    with pytest.raises(ExtractionError, match=r"^x\.md: could not be read \(RuntimeError"):
        read_bytes("x.md", b"# Title\n\nSome text.")
    (tmp_path / "a.md").write_text("# A\n\ntext")
    (tmp_path / "b.txt").write_text(BODY)
    items = list(iter_articles([tmp_path]))
    assert len(_texts(items)) == 1 and isinstance(items[0], ExtractionError)


@pytest.mark.parametrize("charset", ["punycode", "idna", "rot13", "utf-7", "nonsense-9"])
@pytest.mark.parametrize("accent", ["", "Caf\u00e9."])
def test_a_declared_codec_that_fails_is_ignored(charset, accent):
    page = (f"<html><head><meta charset={charset}></head><body><article><p>{BODY}"
            f"{accent}</p></article></body></html>").encode("latin-1")
    [article] = read_bytes("page.html", page)
    assert "Sirte" in article.text and accent in article.text


def test_clean_utf8_wins_over_a_false_latin1_declaration():
    page = ("<html><head><meta charset=iso-8859-1></head><body><article><p>" + BODY
            + " The caf\u00e9 \u201cclosed\u201d.</p></article></body></html>").encode("utf-8")
    [article] = read_bytes("page.html", page)
    assert "caf\u00e9 \u201cclosed\u201d" in article.text


def test_a_real_latin1_page_still_uses_its_declaration():
    page = ("<html><head><meta charset=iso-8859-1></head><body><article><p>" + BODY
            + " Le caf\u00e9 pr\u00e8s de Syrte.</p></article></body></html>").encode("latin-1")
    [article] = read_bytes("page.html", page)
    assert "caf\u00e9 pr\u00e8s" in article.text


def test_titles_given_as_lists_are_joined_not_repred():
    line = json.dumps({"title": ["Sirte falls", "day 3"], "source": ["A", "B"], "text": BODY})
    [article] = read_bytes("t.jsonl", line.encode())
    assert (article.title, article.source) == ("Sirte falls; day 3", "A; B")
    assert meta_text(12) == "12"
    [error] = read_bytes("t.jsonl", json.dumps({"title": {"en": "x"}, "text": BODY}).encode())
    assert isinstance(error, InputRejected) and "title must be text" in str(error)


def test_undecodable_file_names_are_shown_and_stored_safely(tmp_path):
    raw = os.fsdecode(b"caf\xe9-2020-01-13.txt")
    (tmp_path / raw).write_text(BODY)
    [article] = read_path(tmp_path / raw)
    assert article.origin == f"{tmp_path}/caf\\xe9-2020-01-13.txt"
    article.origin.encode("utf-8")
    assert str(article.published) == "2020-01-13"
    (tmp_path / os.fsdecode(b"\xff.txt")).write_bytes(b"")
    errors = [i for i in iter_articles([tmp_path]) if isinstance(i, ConflictMapError)]
    assert [str(e) for e in errors] == [f"{tmp_path}/\\xff.txt is empty"]
    assert safe_name("plain.txt") == "plain.txt"


def test_messages_name_the_file_once(tmp_path):
    from cli.store_cmd import failure_line

    (tmp_path / "big20.txt").write_bytes(b"Sirte. " * 200_000)
    from store.ingest import Limits

    [error] = list(iter_articles([tmp_path], limits=Limits(max_file_bytes=1024 * 1024)))
    line = failure_line(error.origin, str(error))
    assert line.count("big20.txt") == 1, line
    assert failure_line("a.txt", "analysis failed: X") == "a.txt: analysis failed: X"


def test_the_walk_is_a_lazy_generator_sorted_per_directory(tmp_path):
    for name in ("b", "a", "c"):
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}2.txt").write_text("x")
        (tmp_path / name / f"{name}1.txt").write_text("x")
    (tmp_path / "a" / "skip.bin").write_text("x")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("x")
    walk = walk_files(tmp_path, (".txt",))
    assert isinstance(walk, types.GeneratorType)
    first = next(walk)
    (tmp_path / "c" / "c0.txt").write_text("x")  # made after the walk began: still found
    rest = [p.relative_to(tmp_path).as_posix() for p in walk]
    assert first == tmp_path / "a" / "a1.txt"
    assert rest == ["a/a2.txt", "b/b1.txt", "b/b2.txt", "c/c0.txt", "c/c1.txt", "c/c2.txt"]


def test_symlinks_leaving_the_directory_are_not_followed_by_default(tmp_path):
    outside, top = tmp_path / "outside", tmp_path / "top"
    (outside / "d").mkdir(parents=True)
    (outside / "secret.txt").write_text("s")
    (outside / "d" / "deep.txt").write_text("d")
    (top / "in").mkdir(parents=True)
    (top / "in" / "real.txt").write_text("r")
    (top / "out.txt").symlink_to(outside / "secret.txt")
    (top / "outdir").symlink_to(outside / "d", target_is_directory=True)
    (top / "same.txt").symlink_to(top / "in" / "real.txt")
    (top / "loop").symlink_to(top, target_is_directory=True)
    (top / "link.bin").symlink_to(outside / "secret.txt")  # not a supported name: ignored
    found = list(walk_files(top, (".txt",)))
    skipped = [f.path.name for f in found if isinstance(f, Skipped)]
    read = [f.relative_to(top).as_posix() for f in found if not isinstance(f, Skipped)]
    assert skipped == ["out.txt", "outdir"] and read == ["in/real.txt", "same.txt"]
    followed = [f.name for f in walk_files(top, (".txt",), follow_symlinks=True)]
    assert followed == ["real.txt", "out.txt", "deep.txt", "same.txt"]
    assert "--follow-symlinks" in next(f.reason for f in found if isinstance(f, Skipped))


def _store(tmp_path: Path, **kwargs):
    from store.store import Store

    return Store(f"sqlite:///{tmp_path / 'db.sqlite'}", **kwargs)


def test_a_read_only_store_reads_and_refuses_writes_with_a_message(tmp_path):
    from store.dberrors import DatabaseReadOnly

    _store(tmp_path).close()
    store = _store(tmp_path, read_only=True)
    assert store.stats()["articles"] == 0
    with pytest.raises(DatabaseReadOnly, match="read-only"):
        store.ingest_article(ArticleInput(text=BODY),
                             analyzer=lambda *a, **k: types.SimpleNamespace())


def test_a_full_database_stops_the_batch_at_the_first_article(tmp_path):
    from sqlalchemy import event

    from store.dberrors import DatabaseFull

    store = _store(tmp_path)
    # Room for the schema (0002 and 0004-0005 added index and summary pages) and a few
    # articles.
    event.listen(store.engine, "connect",
                 lambda conn, _r: conn.execute("PRAGMA max_page_count = 40"))
    store.engine.dispose()
    articles = [ArticleInput(text=f"{BODY} {n} " + "filler " * 3000) for n in range(40)]
    seen = []
    with pytest.raises(DatabaseFull, match="full"):
        for result in store.ingest_many(articles,
                                        analyzer=lambda *a, **k: types.SimpleNamespace()):
            seen.append(result.status)
    assert seen and set(seen) == {"stored"}  # no article failed one by one


def test_the_demo_loads_in_one_transaction(tmp_path):
    from sqlalchemy import event

    from core.errors import ConflictMapError as Any_

    store = _store(tmp_path)
    event.listen(store.engine, "connect",
                 lambda conn, _r: conn.execute("PRAGMA max_page_count = 40"))
    store.engine.dispose()
    with pytest.raises(Any_):
        store.load_demo()
    store.engine.dispose()
    assert _store(tmp_path).stats()["articles"] == 0
    assert _store(tmp_path).load_demo() > 0


def test_damaged_pages_are_explained_without_sql(tmp_path):
    from sqlalchemy.exc import DatabaseError

    from store.dberrors import DatabaseDamaged, classify

    store = _store(tmp_path)
    store.load_demo()
    store.close()
    path = tmp_path / "db.sqlite"
    import sqlite3

    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    with path.open("r+b") as handle:
        for page in range(1, path.stat().st_size // 4096 - 1):
            handle.seek(page * 4096)
            handle.write(b"\x5a" * 4096)
    with pytest.raises(DatabaseDamaged) as caught:
        _store(tmp_path).claims_frame()
    message = str(caught.value)
    assert "damaged" in message and ".recover" in message and str(path) in message
    assert "[SQL" not in message and not isinstance(caught.value, DatabaseError)
    assert classify(ValueError("unrelated"), "x") is None


def test_a_failed_export_leaves_no_file(tmp_path, monkeypatch):
    import errno

    from store.export import write_file_atomically

    target = tmp_path / "out.geojson"

    def full(*_a):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(InputRejected, match="No space left"):
        write_file_atomically(target, b"{}")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    target.write_bytes(b"old")
    write_file_atomically(target, b"new")
    assert target.read_bytes() == b"new" and len(list(tmp_path.iterdir())) == 1


def test_pages_are_made_per_run_never_shared():
    import streamlit as st

    import app.pages

    first, second = app.pages.make_pages(), app.pages.make_pages()
    assert len(first) == len(app.pages.PAGE_SPECS) == 4
    assert all(a is not b for a, b in zip(first, second, strict=True))
    assert not [v for v in vars(app.pages).values() if isinstance(v, (st.Page, list))
                and (isinstance(v, st.Page) or any(isinstance(x, st.Page) for x in v))]
