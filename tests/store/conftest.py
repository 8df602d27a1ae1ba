"""Fixtures of the storage tests: a fresh store per test on SQLite and on PostgreSQL.

PostgreSQL runs when ``CONFLICTMAP_TEST_POSTGRES_URL`` is set (``.ci/run`` starts a real
server); each test gets its own schema. Without it the PostgreSQL variants skip with a
reason, unless ``CONFLICTMAP_REQUIRE_SERVICES=1``, which turns the skip into a failure.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

import pytest

from claims.model import ControlClaim, DistanceClaim, Provenance
from gazetteer.model import Candidate, Mention, Place

PG_ENV = "CONFLICTMAP_TEST_POSTGRES_URL"

TRIPOLI = Place("test:tripoli", "Tripoli", 32.8872, 13.1913, "PPLC", "LY", precision="town")
SIRTE = Place("test:sirte", "Sirte", 31.2089, 16.5887, "PPLA", "LY", precision="town")
MISRATA = Place("test:misrata", "Misrata", 32.3754, 15.0925, "PPLA", "LY", precision="town")
GHARYAN = Place("test:gharyan", "Gharyan", 32.1722, 13.0203, "PPLA", "LY", precision="town")
TEST_PLACES = (TRIPOLI, SIRTE, MISRATA, GHARYAN)


def _unavailable(reason: str) -> None:
    if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES") == "1":
        pytest.fail(f"PostgreSQL required (CONFLICTMAP_REQUIRE_SERVICES=1): {reason}")
    pytest.skip(f"PostgreSQL tests skipped: {reason}")


@pytest.fixture
def pg_url() -> str:
    """A PostgreSQL URL whose search_path is a fresh schema, dropped afterwards."""
    base = os.environ.get(PG_ENV, "").strip()
    if not base:
        _unavailable(f"set {PG_ENV}=postgresql+psycopg://user@host:port/db to run them")
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import OperationalError

    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except OperationalError as err:
        admin.dispose()
        _unavailable(f"no server reachable at {PG_ENV} ({err.orig})")
    sep = "&" if "?" in base else "?"
    yield f"{base}{sep}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as conn:
        conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Database URL of a fresh, empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite'}"
    return request.getfixturevalue("pg_url")


@pytest.fixture
def store(db_url: str):
    """A fresh migrated store (analyst places not merged into the gazetteer)."""
    from store import open_store

    opened = open_store(db_url, merge_places=False)
    yield opened
    opened.close()


@pytest.fixture
def sqlite_store(tmp_path: Path):
    """A fresh store on SQLite only (for tests that do not depend on the backend)."""
    from store import open_store

    opened = open_store(f"sqlite:///{tmp_path / 'only.sqlite'}", merge_places=False)
    yield opened
    opened.close()


def fake_analyzer(text: str, **_meta: object) -> SimpleNamespace:
    """A deterministic stand-in for ``claims.analyze_article``.

    Every occurrence of a test place name is a mention; "X fell" gives a control claim
    (LNA captured X); "N km from Y" a distance claim with subject the first other place
    of the sentence.
    """
    import re

    mentions = []
    for place in TEST_PLACES:
        for m in re.finditer(re.escape(place.name), text):
            mentions.append(Mention(m.start(), m.end(), place.name,
                                    (Candidate(place, 0.9, ("test",)),)))
    mentions.sort(key=lambda m: m.start)
    by_name = {p.name: p for p in TEST_PLACES}
    claims: list = []
    for m in re.finditer(r"(\w+) fell", text):
        if m.group(1) in by_name:
            claims.append(ControlClaim(
                Provenance(m.group(0), m.start(), m.end(), _sent_start(text, m.start()),
                           _sent_end(text, m.end())),
                "the LNA", "LNA", "captured", m.group(1), by_name[m.group(1)]))
    for m in re.finditer(r"(\d+) km from (\w+)", text):
        s0, s1 = _sent_start(text, m.start()), _sent_end(text, m.end())
        others = [n for n in by_name if n != m.group(2) and n in text[s0:s1]]
        subject = others[0] if others else None
        claims.append(DistanceClaim(
            Provenance(m.group(0), m.start(), m.end(), s0, s1), float(m.group(1)),
            float(m.group(1)), "km", None, None, subject, "place", m.group(2),
            anchor_place=by_name.get(m.group(2)),
            subject_place=by_name.get(subject) if subject else None))
    return SimpleNamespace(mentions=mentions, claims=claims)


def _sent_start(text: str, pos: int) -> int:
    cut = text.rfind(".", 0, pos)
    return 0 if cut < 0 else cut + 1


def _sent_end(text: str, pos: int) -> int:
    cut = text.find(".", pos)
    return len(text) if cut < 0 else cut + 1


@pytest.fixture
def analyzer():
    """The fake analyzer (see :func:`fake_analyzer`)."""
    return fake_analyzer


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal valid one-page PDF with the given text lines (Helvetica), built by hand."""
    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
    for line in lines:
        ops += [f"({esc(line)}) Tj", "T*"]
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream
        + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if title:
        objects.append(b"<< /Title (" + esc(title).encode("latin-1") + b") >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    trailer = f"<< /Size {len(objects) + 1} /Root 1 0 R"
    if title:
        trailer += f" /Info {len(objects)} 0 R"
    out += f"trailer\n{trailer} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


@pytest.fixture
def pdf_maker():
    """The hand-built PDF factory (see :func:`make_pdf`)."""
    return make_pdf
