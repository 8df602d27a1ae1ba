"""Read paths (files and directories), uploaded bytes or pasted text into articles.

:func:`iter_articles` walks the paths it is given and yields one
:class:`ArticleInput` per article, or the error that stopped a file (with its
``origin``), so a batch goes on past a bad file. Every error message starts with the
file's name once (``big.txt: 30.0 MB, over ...``), shown safely when the name is not
valid UTF-8; an exception a reader did not expect is still only that file's failure.
"""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from core.errors import ConflictMapError, ExtractionError, InputRejected
from store.ingest import formats
from store.ingest.limits import Limits, check_size
from store.ingest.shards import SHARD_SUFFIXES, is_shard, iter_shard
from store.ingest.walk import Skipped, safe_name, walk_files
from store.types import ArticleInput

__all__ = ["SUPPORTED_SUFFIXES", "article_from_text", "iter_articles", "read_bytes",
           "read_path", "unexpected_reason"]

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
    ``../../etc/passwd`` never refers to a path. An exception the reader did not
    expect (a bug or a library's surprise) becomes an :class:`ExtractionError` naming
    the file and the cause, never a traceback.
    """
    limits = limits or Limits.from_env()
    base = safe_name(os.path.basename(str(name).replace("\\", "/"))) or "upload"
    return _read_named(base, data, limits, defaults)


def _read_named(base: str, data: bytes, limits: Limits, defaults: Mapping[str, Any]
                ) -> list[ArticleInput | ConflictMapError]:
    """Articles from ``data``, a file named ``base`` (already safe to show)."""
    check_size(len(data), limits, what=base)
    suffix = Path(base).suffix.lower()
    if suffix != ".jsonl" and suffix not in _SINGLE:
        raise InputRejected(f"{base}: unsupported file type {suffix or '(none)'}; "
                            f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        if suffix == ".jsonl":
            return [_check_length(i, limits)
                    for i in formats.from_jsonl(data, base, _meta(defaults))]
        checked = _check_length(_SINGLE[suffix](data, base, _meta(defaults)), limits)
    except ConflictMapError:
        raise
    except RecursionError as err:
        raise ExtractionError(f"{base}: nested too deeply to read") from err
    except Exception as err:  # noqa: BLE001 - boundary: one file's failure, not the batch's
        log.debug("unexpected reader failure on %s", base, exc_info=True)
        raise ExtractionError(f"{base}: could not be read ({unexpected_reason(err)})") from err
    if isinstance(checked, ConflictMapError):
        raise checked
    return [checked]


def unexpected_reason(err: BaseException) -> str:
    """Describe an unexpected exception shortly and without paths, for a user message."""
    message = str(err).splitlines()[0] if str(err) else ""
    return f"{type(err).__name__}: {message[:160]}" if message else type(err).__name__


def read_path(path: str | Path, *, limits: Limits | None = None,
              **defaults: Any) -> list[ArticleInput | ConflictMapError]:
    """Articles from one file (a ``.jsonl`` file may hold many).

    The origin of each article (and the start of each message) is the path as given,
    made safe to print and store (:func:`store.ingest.walk.safe_name`).
    """
    path = Path(path)
    shown = safe_name(path)
    limits = limits or Limits.from_env()
    try:
        info = path.stat()
    except OSError as err:
        raise InputRejected(f"{shown}: cannot read ({err.strerror})") from err
    if not stat.S_ISREG(info.st_mode):  # a device, a pipe, a socket: may never end
        raise InputRejected(f"{shown}: not a regular file")
    check_size(info.st_size, limits, what=shown)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputRejected(f"{shown}: unsupported file type {path.suffix or '(none)'}; "
                            f"use one of {', '.join(SUPPORTED_SUFFIXES)}")
    try:
        with path.open("rb") as handle:  # never more than the limit, even if it grew
            data = handle.read(limits.max_file_bytes + 1)
        check_size(len(data), limits, what=shown)
    except OSError as err:
        raise InputRejected(f"{shown}: cannot read ({err.strerror})") from err
    base = safe_name(path.name)
    try:
        items = _read_named(base, data, limits, defaults)
    except ConflictMapError as err:
        raise _renamed(err, base, shown) from err
    return [_renamed(item, base, shown) for item in items]


def _renamed(item: Any, base: str, shown: str) -> Any:
    """``item`` with its origin (and an error's message) naming ``shown``, not ``base``."""
    origin = getattr(item, "origin", None)
    if isinstance(origin, str) and origin.startswith(base):
        origin = shown + origin[len(base):]
    if isinstance(item, ArticleInput):
        item.origin = origin or shown
        return item
    message = str(item)
    if message.startswith(base) and base != shown:
        renamed = type(item)(shown + message[len(base):])
        renamed.__cause__ = item.__cause__
        item = renamed
    item.origin = origin or shown
    return item


def iter_articles(paths: Iterable[str | Path], *, limits: Limits | None = None,
                  follow_symlinks: bool = False, **defaults: Any
                  ) -> Iterator[ArticleInput | ConflictMapError]:
    """Every article under ``paths`` (files and directories, recursively, sorted).

    A generator all the way down: directories are walked as they are read (see
    :mod:`store.ingest.walk`, which also holds the symbolic-link policy). Files in
    directories with other endings are skipped; a file named explicitly must be
    supported. Errors are yielded, not raised, with ``origin`` set to the file, and
    a reader's unexpected exception is that file's failure, never the batch's.
    """
    limits = limits or Limits.from_env()
    for top in paths:
        top = Path(top)
        if not top.exists():
            shown = safe_name(top)
            yield _failed(InputRejected(f"{shown}: no such file or directory"), shown)
            continue
        for path in walk_files(top, (*SUPPORTED_SUFFIXES, *SHARD_SUFFIXES),
                               follow_symlinks=follow_symlinks):
            if isinstance(path, Skipped):
                shown = safe_name(path.path)
                yield _failed(InputRejected(f"{shown}: {path.reason}"), shown)
                continue
            if is_shard(path):  # JSONL, plain or gzip: a stream of lines, never whole
                yield from iter_shard(path, limits=limits, **defaults)
                continue
            try:
                yield from read_path(path, limits=limits, **defaults)
            except ConflictMapError as err:
                yield _failed(err, safe_name(path))


def _failed(err: ConflictMapError, origin: str) -> ConflictMapError:
    if not getattr(err, "origin", None):
        err.origin = origin  # type: ignore[attr-defined]
    return err
