"""Read JSONL shards (``.jsonl``, ``.jsonl.gz``) as a stream, one article per line.

A shard of a news feed holds many articles and can be gigabytes, so it is never read
whole: lines are decoded one at a time (gzip decompressed on the fly) and each is
limited to the file size limit, the article text to the article length limit. A bad
line is yielded as an error with ``file:line`` as its origin and the shard goes on; a
corrupt gzip stream ends the shard with an error saying where.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from core.errors import ConflictMapError, InputRejected
from store.ingest import formats
from store.ingest.limits import Limits
from store.types import ArticleInput

__all__ = ["SHARD_SUFFIXES", "is_shard", "iter_inputs", "iter_shard"]

log = logging.getLogger("conflictmap.store.ingest")

#: File name endings read by :func:`iter_shard`, named on the command line or found in a
#: directory: read line by line, never whole (each line within the file size limit).
SHARD_SUFFIXES: tuple[str, ...] = (".jsonl.gz", ".jsonl")


def is_shard(path: str | Path) -> bool:
    """Return True for a JSONL shard (``.jsonl`` or gzip-compressed ``.jsonl.gz``)."""
    return str(path).lower().endswith(SHARD_SUFFIXES)


def _error(message: str, origin: str) -> ConflictMapError:
    err = InputRejected(message)
    err.origin = origin  # type: ignore[attr-defined]
    return err


def iter_shard(path: str | Path, *, limits: Limits | None = None, **defaults: Any
               ) -> Iterator[ArticleInput | ConflictMapError]:
    """Articles of one shard, line by line; errors are yielded, not raised."""
    from store.ingest.readers import _check_length
    from store.ingest.walk import safe_name

    path = Path(path)
    shown = safe_name(path)
    limits = limits or Limits.from_env()
    meta = {k: v for k, v in defaults.items() if v not in (None, "")}
    if not path.is_file():  # a pipe or a device named *.jsonl: may never end
        yield _error(f"{shown}: not a regular file", shown)
        return
    opener = gzip.open if str(path).lower().endswith(".gz") else open
    lineno = 0
    seen = False
    try:
        with opener(path, "rb") as handle:
            while True:
                line = handle.readline(limits.max_file_bytes + 1)
                if not line:
                    break
                lineno += 1
                if len(line) > limits.max_file_bytes and not line.endswith(b"\n"):
                    yield _error(f"{shown}:{lineno}: line over {limits.max_file_bytes:,} "
                                 "bytes (set CONFLICTMAP_MAX_FILE_MB)", f"{shown}:{lineno}")
                    while line and not line.endswith(b"\n"):  # skip the rest of it
                        line = handle.readline(limits.max_file_bytes + 1)
                    continue
                if line.strip():
                    seen = True
                    for item in formats.from_jsonl(line.rstrip(b"\r\n"), shown, meta,
                                                   first_line=lineno):
                        yield _check_length(item, limits)
    except (OSError, EOFError, zlib.error) as err:
        reason = getattr(err, "strerror", None) or str(err) or type(err).__name__
        yield _error(f"{shown}: cannot read past line {lineno} ({reason})", shown)
        return
    if not seen:
        yield _error(f"{shown}: no JSON lines in the file", shown)


def iter_inputs(paths: Iterable[str | Path], *, limits: Limits | None = None,
                follow_symlinks: bool = False, **defaults: Any
                ) -> Iterator[ArticleInput | ConflictMapError]:
    """Every article of ``paths``.

    :func:`store.ingest.readers.iter_articles` streams the shards it meets, named or
    inside directories.
    """
    from store.ingest.readers import iter_articles

    yield from iter_articles(paths, limits=limits, follow_symlinks=follow_symlinks,
                             **defaults)
