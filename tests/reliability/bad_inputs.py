"""A catalogue of hostile and broken inputs, generated programmatically into a directory.

Nothing here is copied from real articles: every text is written for the test. Each
:class:`BadInput` says what a correct ingest does with it:

* ``"reject"`` -- a clear message and nothing written (no partial rows);
* ``"store"``  -- stored like any article (the text must survive decoding intact);
* ``"either"`` -- stored or rejected, but cleanly: never a traceback, never a partial write.

The catalogue is shared by ``tests/reliability/test_bad_inputs.py`` and
``python -m bench.reliability``.
"""

from __future__ import annotations

import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "ABSURD_DATES",
    "BAD_COORDINATES",
    "BadInput",
    "PAYLOADS",
    "article_text",
    "build_catalogue",
    "make_text_pdf",
]

#: Strings that must show as text wherever article content reaches a page.
PAYLOADS: tuple[str, ...] = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
)

#: Publication dates no one should accept (CLI ``--published`` and metadata fields).
ABSURD_DATES: tuple[str, ...] = (
    "31 Febtember 99999",
    "2020-02-30",
    "99999-01-01",
    "0000-00-00",
    "-1",
    "tomorrow's yesterday",
    "\x00",
)

#: (lat, lon) pairs that ``places add`` and coordinate imports must refuse.
BAD_COORDINATES: tuple[tuple[str, str], ...] = (
    ("91", "0"),
    ("-90.0001", "10"),
    ("0", "181"),
    ("0", "-180.5"),
    ("nan", "0"),
    ("0", "inf"),
    ("north", "east"),
    ("1e400", "0"),
)

_TOWNS = ("Tripoli", "Benghazi", "Misrata", "Sirte", "Tobruk", "Gharyan", "Cairo", "Tunis",
          "Athens", "Ankara", "Damascus", "Aleppo", "Homs", "Idlib", "Kyiv", "Kharkiv")


def article_text(seed: int = 0, *, words: int = 160) -> str:
    """Return a short synthetic news article (written here, not copied) that names places.

    ``seed`` varies the wording so that every call gives a distinct content hash.
    """
    town = _TOWNS[seed % len(_TOWNS)]
    other = _TOWNS[(seed * 7 + 3) % len(_TOWNS)]
    lines = [
        f"Report number {seed}: fighting continued near {town} on Tuesday, "
        "according to local officials.",
        f"Forces of the Coastal Command said they captured {town} after a week of clashes.",
        f"The front is now some {40 + seed % 50} km south of {other}, residents said.",
        f"Aid groups in {other} reported that roads to {town} remained closed.",
    ]
    filler = (f"Observers in {other} said the situation around {town} was changing quickly "
              f"and that convoy {seed} had been delayed again. ")
    text = " ".join(lines) + " "
    while len(text.split()) < words:
        text += filler
    return text.strip() + "\n"


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_text_pdf(lines: list[str]) -> bytes:
    """Build a small valid one-page PDF whose text layer holds ``lines`` (Latin-1 only).

    Written by hand (objects plus a correct cross-reference table) because pypdf can
    read and encrypt PDFs but not lay out text.
    """
    content = ["BT", "/F1 11 Tf", "14 TL", "40 800 Td"]
    for line in lines:
        content.append(f"({_pdf_escape(line)}) Tj T*")
    content.append("ET")
    stream = "\n".join(content).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
              .encode())
    return out.getvalue()


def _encrypted_pdf(lines: list[str]) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_text_pdf(lines))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@dataclass(frozen=True)
class BadInput:
    """One generated input file and what a correct ingest must do with it."""

    name: str
    path: Path
    expect: str  # "reject" | "store" | "either"
    why: str
    #: Words the stored text must contain when the input is stored (decoding check).
    must_contain: tuple[str, ...] = field(default=())


def _write(directory: Path, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
    path = directory / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


def build_catalogue(directory: Path, *, size_limit_bytes: int | None = None) -> list[BadInput]:
    """Write every bad input into ``directory`` and return the catalogue.

    ``size_limit_bytes`` is the ingest size limit in force; the over-size file is made
    one byte per cent larger (default: 60 MB, above any sensible article limit).
    """
    directory.mkdir(parents=True, exist_ok=True)
    items: list[BadInput] = []

    def add(name: str, data: bytes | str, expect: str, why: str, *,
            encoding: str = "utf-8", must_contain: tuple[str, ...] = ()) -> None:
        items.append(BadInput(name, _write(directory, name, data, encoding), expect, why,
                              must_contain))

    add("empty.txt", b"", "reject", "empty file")
    add("blank.txt", " \n\t\r\n   \n", "reject", "only whitespace")
    add("binary.txt", os.urandom(4096) + b"\x00\x00\xff\xfe" + os.urandom(4096), "reject",
        "random binary bytes with a .txt name")
    add("binary.bin", bytes(range(256)) * 64, "reject", "binary file with an unknown extension")
    add("program.exe", b"MZ\x90\x00" + os.urandom(2048), "reject", "unsupported file type")
    add("nul_in_text.txt", article_text(101).replace("Tuesday", "Tues\x00day"), "either",
        "a NUL byte inside otherwise normal text")
    add("control_chars.txt", article_text(102) + "\x1b[31m\x07\x08\x0b\x0c" * 20, "either",
        "terminal escape and control characters")

    limit = size_limit_bytes if size_limit_bytes else 60 * 1024 * 1024
    oversize = directory / "oversize.txt"
    block = article_text(103).encode()
    with oversize.open("wb") as handle:
        written = 0
        target = limit + max(1, limit // 100)
        while written < target:
            handle.write(block)
            written += len(block)
    items.append(BadInput("oversize.txt", oversize, "reject",
                          f"over the size limit ({limit} bytes)"))

    pdf_lines = ["Fighting near Benghazi on Tuesday, officials said.",
                 "The front is some 60 km south of Misrata, residents reported.",
                 "Synthetic test document 104."]
    good_pdf = make_text_pdf(pdf_lines)
    add("good.pdf", good_pdf, "store", "a valid text PDF (control case)",
        must_contain=("Benghazi",))
    add("truncated.pdf", good_pdf[: len(good_pdf) // 2], "either",
        "PDF cut in half: no xref, no trailer")
    add("header_only.pdf", b"%PDF-1.7\n", "reject", "a PDF header and nothing else")
    add("encrypted.pdf", _encrypted_pdf(pdf_lines[:2] + ["Synthetic test document 105."]),
        "reject", "password-protected PDF")
    add("not_really.pdf", article_text(106), "either", "plain text with a .pdf name")
    add("image_only.pdf", make_text_pdf([]), "reject", "a PDF with no text layer")

    add("scripts.html",
        "<html><head><title>Clashes near Tobruk " + PAYLOADS[0] + "</title>"
        "<script>document.write('owned'); alert(1)</script></head><body>"
        "<article><h1>Clashes near Tobruk</h1><p>" + article_text(107).replace("\n", " ")
        + "</p><p>" + PAYLOADS[1] + " More fighting was reported near Derna.</p>"
        "<iframe src='javascript:alert(1)'></iframe><p onclick=alert(1)>Last paragraph about Tobruk"
        " and the road to Derna, which remained closed according to aid groups.</p></article>"
        "<script src=http://203.0.113.5/x.js></script></body></html>",
        "store", "HTML with scripts, event handlers and payloads", must_contain=("Tobruk",))
    add("broken.html",
        "<html><body><div><p>Unclosed paragraph about Benghazi <b>bold <i>both "
        "<table><tr><td>cell " + article_text(108).replace("\n", " ") + "<td><p>more</div></span>"
        "<!-- unterminated comment <p>", "either", "broken, unbalanced markup")
    add("only_scripts.html", "<html><head><script>alert(1)</script></head><body>"
        "<script>var x = 1;</script><style>p{}</style></body></html>", "reject",
        "HTML with no readable text")

    accented = ("Reporters in Tripoli said the café near the souk reopened; “heavy shelling” "
                "was heard near Sirte — officials in Benghazi confirmed the naïve ceasefire plan. "
                ) * 6 + "Synthetic test document 109.\n"
    add("utf16.txt", "\ufeff" + accented, "store", "UTF-16 with a byte-order mark",
        encoding="utf-16-le", must_contain=("Sirte", "café", "“heavy shelling”"))
    add("cp1252.txt", accented.replace("109", "110"), "store",
        "Windows-1252 smart quotes and accents",
        encoding="cp1252", must_contain=("Sirte", "café", "“heavy shelling”"))
    add("latin1_mixed.txt", accented.replace("109", "111").encode("utf-8")
        + "Ende: Grüße aus Benghazi\n".encode("latin-1"), "either",
        "UTF-8 with a stray Latin-1 tail")
    add("rtl_emoji.txt",
        article_text(112) + "طرابلس وسرت ومصراتة 🚀🔥 \u202eevil\u202c e\u0301\u0301\u0301\n",
        "store", "right-to-left text, bidi overrides, emoji and combining marks",
        must_contain=("طرابلس",))

    add("no_places.txt",
        ("The committee met on Tuesday to discuss the budget. Members argued about "
         "spending and agreed to meet again next month after reviewing the numbers. ") * 8
        + "Synthetic test document 113.\n",
        "store", "an article that names no place")
    many = " ".join(f"{_TOWNS[i % len(_TOWNS)]}," for i in range(10_000))
    add("ten_thousand_places.txt", "Towns named in the report: " + many + " and more.\n",
        "either", "ten thousand place mentions")
    add("one_long_word.txt", "Sirte" + "a" * 500_000 + "\n", "either",
        "half a megabyte without a space")
    add("absurd_dates.txt",
        "On 31 Febtember 99999 forces captured Sirte. On 30 February 2020 they withdrew from "
        "Gharyan. The ceasefire began at midnight on the 45th of Smarch, year 0. By the year "
        "9999999999 the front had reached Misrata, 10^400 km from Tripoli. "
        "Synthetic test document 114.\n",
        "store", "dates that do not exist", must_contain=("Febtember",))

    jsonl_lines = [
        json.dumps({"title": "Good line", "text": article_text(115), "source": "test.example",
                    "published": "2020-01-13"}),
        "{this is not json",
        json.dumps(["a", "list", "not", "an", "object"]),
        json.dumps({"title": "No text field"}),
        json.dumps({"title": "Text is a number", "text": 12345}),
        json.dumps({"title": "Bad date", "text": article_text(116),
                    "published": "31 Febtember 99999"}),
        json.dumps({"title": "Lone surrogate", "text": "Fighting near Sirte \ud800 continued."
                    + article_text(117)}),
        json.dumps({"title": PAYLOADS[0], "text": article_text(118) + PAYLOADS[1],
                    "source": PAYLOADS[1], "url": "javascript:alert(1)"}),
        "",
        json.dumps({"title": "Good line two", "text": article_text(119)}),
    ]
    add("mixed_batch.jsonl", "\n".join(jsonl_lines) + "\n", "either",
        "a batch mixing good lines with broken JSON, wrong types, absurd dates, surrogates")
    add("empty_batch.jsonl", "\n\n\n", "reject", "a JSON-lines file with no lines")
    add("deep_nesting.jsonl",
        b'{"text": "Forces entered Sirte on Monday.", "x": ' + b"[" * 100_000 + b"]" * 100_000
        + b"}\n" + json.dumps({"text": article_text(120)}).encode() + b"\n",
        "either", "a line nested 100,000 deep (overflows recursive JSON parsers) before a good one")
    _round_two(add)
    return items


def _round_two(add) -> None:  # type: ignore[no-untyped-def]
    """Single files from the second reliability round (issue 17)."""
    big = "9" * 5000
    add("huge_integer.jsonl",
        json.dumps({"title": "Before", "text": article_text(121)}) + "\n"
        + '{"title": "Huge number", "count": ' + big + ', "text": "Shelling near Sirte."}\n'
        + json.dumps({"title": "After", "text": article_text(122)}) + "\n",
        "either", "an integer of 5,000 digits (Python's int limit, a ValueError) between "
        "two good lines")
    body = "<p>" + article_text(123).replace("\n", " ") + "</p>"
    add("punycode_charset.html",
        ("<html><head><meta charset=punycode><title>Cafe report</title></head><body>"
         "<article>" + body + "<p>More shelling near Sirte.</p></article></body></html>"
         ).encode("ascii"),  # ASCII is not valid punycode: the decoder raises UnicodeError
        "store", "a meta charset naming punycode (whose decoder raises plain UnicodeError)",
        must_contain=("Report number 123",))
    add("false_latin1_charset.html",
        "<html><head><meta charset=iso-8859-1><title>T</title></head><body><article>"
        + body.replace("123", "124") + "<p>The caf\u00e9 in Sirte and \u201cheavy shelling"
        "\u201d \u2014 officials in Benghazi.</p></article></body></html>",
        "store", "UTF-8 bytes under a false <meta charset=iso-8859-1>",
        must_contain=("caf\u00e9", "\u201cheavy shelling\u201d"))

