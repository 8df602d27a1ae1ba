"""One extractor per input format: plain text, Markdown, HTML, PDF, JSON lines.

Each takes bytes plus metadata defaults and returns :class:`ArticleInput` objects
(JSON lines: one per line, or an error for a bad line). Failures raise
:class:`ExtractionError` or :class:`InputRejected` with the reason.
"""

from __future__ import annotations

import io
import json
import logging
import re
from collections.abc import Iterator, Mapping
from typing import Any

from core.errors import ConflictMapError, ExtractionError, InputRejected
from store.ingest.decode import decode_bytes
from store.types import ArticleInput, parse_date

__all__ = ["from_html", "from_jsonl", "from_markdown", "from_pdf", "from_text", "merge_meta"]

log = logging.getLogger("conflictmap.store.ingest")

_META_FIELDS = ("title", "url", "source", "published", "language", "conflict", "external_id")
_DATE_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")


def merge_meta(found: Mapping[str, Any], defaults: Mapping[str, Any]) -> dict[str, Any]:
    """Metadata the file states, with ``defaults`` filling what it does not."""
    out = {k: found.get(k) for k in _META_FIELDS}
    for key, value in defaults.items():
        if key in out and out[key] in (None, "") and value not in (None, ""):
            out[key] = value
    return out


def date_from_name(name: str) -> str | None:
    """Return a YYYY-MM-DD date in a file name (``tripoli-2020-01-13.txt``), if valid."""
    match = _DATE_IN_NAME.search(name)
    if not match:
        return None
    try:
        return parse_date(match.group(1)).isoformat()  # type: ignore[union-attr]
    except InputRejected:
        return None


def _first_line_title(text: str) -> str | None:
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    if len(lines) >= 2 and len(lines[0]) <= 150 and not lines[0].endswith((".", ":", ",")):
        return lines[0]
    return None


def from_text(data: bytes, name: str, defaults: Mapping[str, Any]) -> ArticleInput:
    """Read a ``.txt`` file: the whole text; a short first line is taken as the title."""
    text = decode_bytes(data, what=name)
    found = {"title": _first_line_title(text), "published": date_from_name(name)}
    return ArticleInput(text=text, origin=name, **merge_meta(found, defaults))


_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def from_markdown(data: bytes, name: str, defaults: Mapping[str, Any]) -> ArticleInput:
    """Read a ``.md`` file: optional ``key: value`` front matter, title from the first heading."""
    text = decode_bytes(data, what=name)
    found: dict[str, Any] = {"published": date_from_name(name)}
    match = _FRONT_MATTER.match(text)
    if match:
        for line in match.group(1).split("\n"):
            key, sep, value = line.partition(":")
            key = key.strip().lower()
            key = {"date": "published", "id": "external_id"}.get(key, key)
            if sep and key in _META_FIELDS and value.strip():
                found[key] = value.strip().strip("'\"")
        text = text[match.end():]
    heading = re.search(r"^#\s+(.+)$", text, re.M)
    if heading and not found.get("title"):
        found["title"] = heading.group(1).strip()
    if not text.strip():
        raise ExtractionError(f"{name} has no text after its front matter")
    return ArticleInput(text=text, origin=name, **merge_meta(found, defaults))


def from_html(data: bytes, name: str, defaults: Mapping[str, Any]) -> ArticleInput:
    """Read a saved web page: main text, title, date and site name through trafilatura."""
    import trafilatura

    html = _decode_html(data, name)
    try:
        doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=False)
    except (ValueError, TypeError, AttributeError) as err:  # malformed markup deep in lxml
        raise ExtractionError(f"{name}: could not parse the HTML ({err})") from err
    text = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not text:
        raise ExtractionError(f"{name}: no article text found in the HTML")
    found = {
        "title": getattr(doc, "title", None), "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None) or getattr(doc, "hostname", None),
        "published": _safe_date(getattr(doc, "date", None)) or date_from_name(name),
        "language": getattr(doc, "language", None),
    }
    return ArticleInput(text=text, origin=name, **merge_meta(found, defaults))


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_BOM_PREFIXES = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def _decode_html(data: bytes, name: str) -> str:
    """Decode a page: clean UTF-8 first, then the charset it declares, else detect it.

    Bytes that decode cleanly as UTF-8 are UTF-8 whatever a (copied, stale) ``<meta
    charset=iso-8859-1>`` says: the reverse mistake would garble every accent. A
    declared codec that is unknown, not a text codec, or fails on the bytes in any
    way (``punycode`` raises a plain :class:`UnicodeError`) is ignored, not fatal.
    """
    if not data.startswith(_BOM_PREFIXES) and b"\x00" not in data[:8192]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            if text.strip():
                return text.replace("\r\n", "\n")
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith(_BOM_PREFIXES):
        try:
            text = data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeError, ValueError, TypeError) as err:
            log.info("%s: declared charset %r unusable (%s)", name, declared.group(1), err)
        else:
            if text.strip():
                return text.replace("\r\n", "\n")
    return decode_bytes(data, what=name)


def _safe_date(value: Any) -> str | None:
    try:
        parsed = parse_date(value)
    except InputRejected:
        return None
    return parsed.isoformat() if parsed else None


def from_pdf(data: bytes, name: str, defaults: Mapping[str, Any]) -> ArticleInput:
    """Read a PDF: the text of every page (pypdf), title and creation date from its metadata."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ExtractionError(f"{name} is an encrypted PDF; save an unprotected copy")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = reader.metadata
        title = meta.title if meta else None
        created = meta.creation_date if meta else None
    except ExtractionError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError) as err:
        raise ExtractionError(f"{name} is not a readable PDF ({type(err).__name__}: {err})"
                              ) from err
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise ExtractionError(f"{name}: the PDF has no extractable text (a scan?)")
    found = {"title": str(title) if title else None,
             "published": (created.date().isoformat() if created else None)
             or date_from_name(name)}
    return ArticleInput(text=text, origin=name, **merge_meta(found, defaults))


_JSON_ALIASES = {"text": ("text", "body", "content", "sentence"),
                 "published": ("published", "date", "published_at"),
                 "external_id": ("id", "article_id", "external_id")}


def _pick(obj: Mapping[str, Any], key: str) -> Any:
    for alias in _JSON_ALIASES.get(key, (key,)):
        if obj.get(alias) not in (None, ""):
            return obj[alias]
    return None


def from_jsonl(data: bytes, name: str, defaults: Mapping[str, Any]
               ) -> Iterator[ArticleInput | ConflictMapError]:
    """Read a batch: one JSON object per line, bad lines yielded as errors.

    Each line has ``text`` (or body/content/sentence), ``title``, ``url``, ``source``,
    ``published`` ...
    """
    text = decode_bytes(data, what=name)
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise InputRejected(f"{origin}: expected a JSON object")
            body = _pick(obj, "text")
            if not isinstance(body, str) or not body.strip():
                raise InputRejected(f"{origin}: no 'text' field")
            found = {k: _pick(obj, k) for k in _META_FIELDS}
            yield ArticleInput(text=body, origin=origin, **merge_meta(found, defaults))
        except json.JSONDecodeError as err:
            yield _with_origin(InputRejected(f"{origin}: not valid JSON ({err.msg})"), origin)
        except RecursionError:
            yield _with_origin(InputRejected(f"{origin}: JSON nested too deeply"), origin)
        except ConflictMapError as err:
            if not str(err).startswith(origin):
                err = type(err)(f"{origin}: {err}")
            yield _with_origin(err, origin)
        except ValueError as err:  # e.g. an integer of more than 4,300 digits
            yield _with_origin(InputRejected(f"{origin}: not usable JSON ({_first_line(err)})"),
                               origin)
        except Exception as err:  # noqa: BLE001 - boundary: one line's failure, not the file's
            log.debug("unexpected failure on %s", origin, exc_info=True)
            yield _with_origin(ExtractionError(
                f"{origin}: could not be read ({type(err).__name__}: {_first_line(err)})"),
                origin)


def _first_line(err: BaseException) -> str:
    if isinstance(err, ValueError) and "integer string conversion" in str(err):
        return "a number of more than 4,300 digits"
    return (str(err).splitlines() or [""])[0][:160]


def _with_origin(err: ConflictMapError, origin: str) -> ConflictMapError:
    err.origin = origin  # type: ignore[attr-defined]
    return err
