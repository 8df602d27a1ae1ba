"""Readers: every format round-trips into the store; bad files fail with a clear reason."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.errors import ConflictMapError, ExtractionError, InputRejected
from store.ingest import Limits, article_from_text, iter_articles, read_bytes, read_path
from store.types import ArticleInput

BODY = ("Sirte fell to the LNA after a local brigade changed sides. "
        "Sirte is 100 km from Misrata, a spokesman said.")


def _one(items):
    assert len(items) == 1 and isinstance(items[0], ArticleInput), items
    return items[0]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_text_file_encodings_are_detected(tmp_path: Path, encoding: str):
    text = "Front line report\n" + BODY + " Caf\u00e9 owners in Misrata \u2014 worried."
    path = tmp_path / "report-2020-01-07.txt"
    path.write_bytes(text.encode(encoding))
    art = _one(read_path(path, source="Outlet"))
    assert art.text.strip() == text and art.title == "Front line report"
    assert art.published == date(2020, 1, 7) and art.source == "Outlet"


def test_markdown_front_matter_and_heading(tmp_path: Path):
    path = tmp_path / "a.md"
    path.write_text("---\ntitle: Sirte falls\ndate: 2020-01-06\nsource: Wire\n---\n"
                    "# Heading\n\n" + BODY, encoding="utf-8")
    art = _one(read_path(path, source="ignored because the file says"))
    assert (art.title, art.published, art.source) == ("Sirte falls", date(2020, 1, 6), "Wire")
    assert art.text.startswith("# Heading") and "---" not in art.text


def test_html_main_text_and_metadata(tmp_path: Path):
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
    <title>Sirte falls | Example News</title>
    <meta property="og:title" content="Sirte falls to the LNA">
    <meta property="og:site_name" content="Example News">
    <meta property="article:published_time" content="2020-01-06T10:00:00Z">
    <script>var tracking = "Tripoli";</script></head>
    <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
    <article><h1>Sirte falls to the LNA</h1><p>{BODY}</p>
    <p>Residents said the fighting had ended by the evening and shops reopened the next
    day in the centre of the coastal city.</p></article>
    <footer>Copyright Example News</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    art = _one(read_path(path))
    assert "Sirte fell to the LNA" in art.text and "tracking" not in art.text
    assert "Copyright" not in art.text
    assert art.title == "Sirte falls to the LNA" and art.source == "Example News"
    assert art.published == date(2020, 1, 6)


def test_html_declared_charset_is_used():
    page = ("<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9 \u2013 front</title>"
            "</head><body><article><p>" + BODY + " The caf\u00e9 owners \u2013 and the "
            "na\u00efve \u201cobservers\u201d \u2013 stayed in Misrata through the "
            "night.</p></article></body></html>")
    art = _one(read_bytes("p.html", page.encode("cp1252")))
    assert "caf\u00e9 owners \u2013" in art.text and "\u201cobservers\u201d" in art.text


def test_pdf_text_and_title(tmp_path: Path, pdf_maker):
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf_maker(["Sirte fell to the LNA.", "Sirte is 100 km from Misrata."],
                               title="Situation brief"))
    art = _one(read_path(path, published="2020-01-08"))
    assert "Sirte fell to the LNA." in art.text and "100 km from Misrata" in art.text
    assert art.title == "Situation brief" and art.published == date(2020, 1, 8)


def test_broken_and_encrypted_pdfs_are_rejected(tmp_path: Path, pdf_maker):
    from pypdf import PdfReader, PdfWriter

    data = pdf_maker(["Sirte fell."])
    with pytest.raises(ExtractionError, match="PDF"):
        read_bytes("cut.pdf", data[: len(data) // 3])
    writer = PdfWriter(clone_from=PdfReader(__import__("io").BytesIO(data)))
    writer.encrypt(user_password="secret", owner_password="owner")
    path = tmp_path / "locked.pdf"
    with path.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(ExtractionError, match="encrypted"):
        read_path(path)


def test_jsonl_batch_keeps_good_lines_and_reports_bad_ones(tmp_path: Path):
    lines = [
        json.dumps({"text": BODY, "title": "One", "url": "https://example.org/1",
                    "source": "Wire", "published": "2020-01-06"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Gharyan fell.", "published": "06/01/2020"}),
        "",
        json.dumps({"sentence": "Gharyan is 80 km from Tripoli.", "id": "x2"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read_path(path, source="Default")
    good = [i for i in items if isinstance(i, ArticleInput)]
    bad = [i for i in items if isinstance(i, ConflictMapError)]
    assert [g.title for g in good] == ["One", None]
    assert good[0].source == "Wire" and good[1].source == "Default"
    assert good[1].external_id == "x2" and good[0].origin.endswith("batch.jsonl:1")
    assert [b.origin.rsplit(":", 1)[1] for b in bad] == ["2", "3", "4"]
    assert any("not valid JSON" in str(b) for b in bad)
    assert any("YYYY-MM-DD" in str(b) for b in bad)


def test_lone_surrogates_are_replaced_not_fatal(sqlite_store, analyzer):
    line = json.dumps({"title": "Bad \ud800 title", "text": "Sirte fell. \udc00 More."})
    (item,) = read_bytes("s.jsonl", line.encode())
    assert "\ufffd" in item.text and "\ufffd" in item.title
    assert sqlite_store.ingest_article(item, analyzer=analyzer).status == "stored"


def test_directories_are_walked_and_unsupported_files_skipped(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub" / "b.md").write_text("# B\n\nGharyan fell.", encoding="utf-8")
    (tmp_path / "sub" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / ".hidden.txt").write_text("secret", encoding="utf-8")
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    assert [Path(i.origin).name for i in items if isinstance(i, ArticleInput)] == ["a.txt",
                                                                                    "b.md"]
    errors = [i for i in items if isinstance(i, ConflictMapError)]
    assert len(errors) == 1 and "no such file" in str(errors[0])


@pytest.mark.parametrize(("name", "data", "match"), [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("noise.txt", bytes(range(256)) * 40, "binary"),
    ("photo.png", b"\x89PNG\r\n\x1a\n", "unsupported"),
    ("../../etc/passwd", b"root:x:0:0", "unsupported"),
])
def test_bad_uploads_are_rejected_with_a_reason(name: str, data: bytes, match: str):
    with pytest.raises((InputRejected, ExtractionError), match=match):
        read_bytes(name, data)


def test_size_limit_names_the_setting(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Sirte fell. " * 2000)
    with pytest.raises(InputRejected, match="CONFLICTMAP_MAX_FILE_MB"):
        read_path(path, limits=Limits(max_file_bytes=1000))


def test_pasted_text():
    art = article_from_text("Sirte fell.\r\nMore.", title="t", published="2020-01-06")
    assert art.text == "Sirte fell.\nMore." and art.origin == "pasted"
    with pytest.raises(InputRejected):
        article_from_text("   ")


def test_every_format_round_trips_through_the_store(sqlite_store, analyzer, tmp_path: Path,
                                                    pdf_maker):
    texts = {
        "a.txt": f"Plain title\n{BODY}".encode(),
        "b.md": f"# Md title\n\n{BODY} Gharyan fell.".encode(),
        "c.html": (f"<html><head><title>Html title</title></head><body><article><p>{BODY} "
                   "Tripoli is 50 km from Gharyan, it is said.</p><p>More text follows here "
                   "about the situation on the ground.</p></article></body></html>").encode(),
        "d.pdf": pdf_maker(["Misrata fell.", "Misrata is 190 km from Sirte."], title="Pdf"),
    }
    for name, data in texts.items():
        (tmp_path / name).write_bytes(data)
    (tmp_path / "e.jsonl").write_text(json.dumps({"text": "Tripoli fell. " + BODY[:40],
                                                  "title": "Jsonl title"}) + "\n")
    results = list(sqlite_store.ingest_many(iter_articles([tmp_path], source="Dir",
                                                          published="2020-02-01"),
                                            analyzer=analyzer))
    assert [r.status for r in results] == ["stored"] * 5, results
    titles = {sqlite_store.article(r.article_id)["title"] for r in results}
    assert titles == {"Plain title", "Md title", "Html title", "Pdf", "Jsonl title"}
    assert all(r.claims >= 1 for r in results)
    again = list(sqlite_store.ingest_many(iter_articles([tmp_path]), analyzer=analyzer))
    assert [r.status for r in again] == ["duplicate"] * 5


def test_pipes_devices_and_deep_json_are_refused(tmp_path: Path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    for special in (fifo, tmp_path / "zero.txt"):
        with pytest.raises(InputRejected, match="not a regular file"):
            read_path(special)
    (item,) = read_bytes("deep.jsonl", b"[" * 100_000 + b"]" * 100_000)
    assert isinstance(item, InputRejected) and "nested too deeply" in str(item)


def test_length_limit_holds_when_reading(tmp_path: Path):
    limits = Limits(max_article_chars=100)
    with pytest.raises(InputRejected, match="CONFLICTMAP_MAX_ARTICLE_CHARS"):
        read_bytes("long.txt", b"Sirte fell. " * 20, limits=limits)
    (item,) = read_bytes("long.jsonl", json.dumps({"text": "x " * 80}).encode(), limits=limits)
    assert isinstance(item, InputRejected)
    with pytest.raises(InputRejected):
        article_from_text("Sirte fell. " * 20, limits=limits)


def test_jsonl_shards_inside_directories_are_streamed_like_named_ones(tmp_path):
    import gzip

    from store.ingest.limits import Limits
    from store.ingest.readers import iter_articles

    def line(n: int) -> bytes:
        return json.dumps({"text": f"Shard article {n} about the coast road.",
                           "title": f"t{n}"}).encode() + b"\n"

    feed = tmp_path / "feed" / "2024"
    feed.mkdir(parents=True)
    with gzip.open(feed / "part-1.jsonl.gz", "wb") as handle:
        handle.writelines(line(n) for n in range(30))
    # Larger than the file size limit as a whole, but every line is small: a stream reads it.
    (feed / "part-2.jsonl").write_bytes(b"".join(line(n) for n in range(30, 60))
                                        + b"not json\n" + line(60))
    limits = Limits(max_file_bytes=1_000, max_article_chars=10_000)
    items = list(iter_articles([tmp_path / "feed"], limits=limits))
    stored = [i for i in items if not isinstance(i, Exception)]
    failed = [i for i in items if isinstance(i, Exception)]
    assert sorted(a.title for a in stored) == sorted(f"t{n}" for n in range(61))
    assert len(failed) == 1 and failed[0].origin.endswith("part-2.jsonl:31")
    assert any(a.origin.endswith("part-1.jsonl.gz:1") for a in stored)
