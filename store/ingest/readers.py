"""Read paths (files and directories), uploaded bytes or pasted text into articles.

:func:`iter_articles` walks the paths it is given and yields one
:class:`ArticleInput` per article, or the error that stopped a file (with its
``origin``), so a batch goes on past a bad file.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from core.errors import ConflictMapError, InputRejected
from store.ingest import formats
from store.ingest.limits import Limits, check_size
from store.types import ArticleInput

__all__ = ["SUPPORTED_SUFFIXES", "article_from_text", "iter_articles", "read_bytes",
           "read_path"]

log = logging.getLogger("conflictmap.store.ingest")

_SINGLE: dict[str, Callable[[bytes, str, Mapping[str, Any]], ArticleInput]] = {
    ".txt": formats.from_text, ".text": formats.from_text, ".md": formats.from_markdown,
    ".markdown": formats.from_markdown, ".html": formats.from_html,
    ".htm": formats.from_html, ".pdf": formats.from_pdf,
}
#: File name endings the readers understand.
SUPPORTED_SUFFIXES: tuple[str, ...] = (*_SINGLE, ".jsonl")


def _meta(defaults: Mapping[str, Any] | None) -> dict[str, Any]:
    return {k: v for k, v in (defaults or {}).items() if v not in (None, "")}


def _check_length(item: ArticleInput | ConflictMapError, limits: Limits
                  ) -> ArticleInput | ConflictMapError:
    """Return the item, or an error when its text is over the article length limit.

    Checked when the text is read, so the app's preview never analyses a text the
    store would refuse.
    """
    if isinstance(item, ArticleInput) and len(item.text) > limits.max_article_chars:
        err = InputRejected(
            f"{item.origin or 'the article'}: {len(item.text):,} characters, over the limit "
            f"of {limits.max_article_chars:,} (set CONFLICTMAP_MAX_ARTICLE_CHARS)")
        err.origin = item.origin  # type: ignore[attr-defined]
        return err
    return item


def article_from_text(text: str, *, limits: Limits | None = None, **meta: Any) -> ArticleInput:
    """Make an article from pasted text and metadata (title, url, source, published, ...)."""
    if not isinstance(text, str) or not text.strip():
        raise InputRejected("the pasted text is empty")
    article = ArticleInput(text=text.replace("\r\n", "\n"),
                           origin=meta.pop("origin", "pasted"), **meta)
    checked = _check_length(article, limits or Limits.from_env())
    if isinstance(checked, ConflictMapError):
        raise checked
    return checked


def read_bytes(name: str, data: bytes, *, limits: Limits | None = None,
               **defaults: Any) -> list[ArticleInput | ConflictMapError]:
    """Articles from an uploaded file's bytes; ``name`` only chooses the format.

    Only the base name is kept (as ``origin``), so an uploaded name like
    ``../../etc/passwd`` never refers to a path.
    """
    limits = limits or Limits.from_env()
    base = os.path.basename(str(name).replace("\\", "/")) or "upload"
    check_size(len(data), limits, what=base)
    suffix = Path(base).suffix.lower()
    if suffix == ".jsonl":
        return [_check_length(i, limits)
                for i in formats.from_jsonl(data, base, _meta(defaults))]
    reader = _SINGLE.get(suffix)
    if reader is None:
        raise InputRejected(f"{base}: unsupported file type {suffix or '(none)'}; "
                            f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    checked = _check_length(reader(data, base, _meta(defaults)), limits)
    if isinstance(checked, ConflictMapError):
        raise checked
    return [checked]


def read_path(path: str | Path, *, limits: Limits | None = None,
              **defaults: Any) -> list[ArticleInput | ConflictMapError]:
    """Articles from one file (a ``.jsonl`` file may hold many)."""
    path = Path(path)
    limits = limits or Limits.from_env()
    try:
        info = path.stat()
    except OSError as err:
        raise InputRejected(f"{path}: cannot read ({err.strerror})") from err
    if not stat.S_ISREG(info.st_mode):  # a device, a pipe, a socket: may never end
        raise InputRejected(f"{path}: not a regular file")
    check_size(info.st_size, limits, what=str(path))
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputRejected(f"{path}: unsupported file type {path.suffix or '(none)'}; "
                            f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        with path.open("rb") as handle:  # never more than the limit, even if it grew
            data = handle.read(limits.max_file_bytes + 1)
        check_size(len(data), limits, what=str(path))
    except OSError as err:
        raise InputRejected(f"{path}: cannot read ({err.strerror})") from err
    items = read_bytes(path.name, data, limits=limits, **defaults)
    for item in items:  # keep the full path as the origin
        origin = str(path) + (item.origin[len(path.name):] if isinstance(item, ArticleInput)
                              and item.origin and item.origin.startswith(path.name) else "")
        if isinstance(item, ArticleInput):
            item.origin = origin
    return items


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for fname in sorted(files):
                child = Path(root) / fname
                if not fname.startswith(".") and child.suffix.lower() in SUPPORTED_SUFFIXES:
                    yield child
    else:
        yield path


def iter_articles(paths: Iterable[str | Path], *, limits: Limits | None = None,
                  **defaults: Any) -> Iterator[ArticleInput | ConflictMapError]:
    """Every article under ``paths`` (files and directories, recursively, sorted).

    Files in directories with other endings are skipped; a file named explicitly must
    be supported. Errors are yielded, not raised, with ``origin`` set to the file.
    """
    limits = limits or Limits.from_env()
    for top in paths:
        top = Path(top)
        if not top.exists():
            yield _failed(InputRejected(f"{top}: no such file or directory"), str(top))
            continue
        for path in _walk(top):
            try:
                yield from read_path(path, limits=limits, **defaults)
            except ConflictMapError as err:
                yield _failed(err, str(path))


def _failed(err: ConflictMapError, origin: str) -> ConflictMapError:
    if not getattr(err, "origin", None):
        err.origin = origin  # type: ignore[attr-defined]
    return err
