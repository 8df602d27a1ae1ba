"""Walk directories for ingest: a streaming generator, sorted, with a symbolic-link policy.

Paths are yielded one at a time (``os.scandir``, one directory's names sorted at a
time), so a tree of a million files never sits in memory as a list. By default a
symbolic link is followed only when its target stays inside the directory given: a
link to ``/etc/shadow`` in an upload folder is reported, not read. ``follow_symlinks``
allows every link. Directories already visited (a link back to a parent) are skipped,
so a loop never recurses.

File names that are not valid UTF-8 (Python keeps their bytes as lone surrogates)
are shown with :func:`safe_name`, which any terminal, page or database accepts.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Skipped", "safe_name", "walk_files"]

log = logging.getLogger("conflictmap.store.ingest")

#: Why a path found in a directory was not read, by cause (the message's second half).
SKIP_REASONS: dict[str, str] = {
    "outside": "a symbolic link to {target} outside {top}; not followed "
               "(ingest --follow-symlinks allows it)",
    "unreadable": "cannot list the directory ({reason})",
}


@dataclass(frozen=True)
class Skipped:
    """A path the walk did not read, and why (reported to the user as a failure)."""

    path: Path
    reason: str


def safe_name(path: str | os.PathLike[str]) -> str:
    r"""Return ``path`` as text that encodes as UTF-8: undecodable bytes become ``\xNN``.

    >>> safe_name(os.fsdecode(b"caf\xe9.txt"))
    'caf\\xe9.txt'
    """
    text = os.fspath(path)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that is not an escaped byte
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _inside(target: str, root: str) -> bool:
    return target == root or target.startswith(root.rstrip(os.sep) + os.sep)


def _sorted_entries(directory: str) -> list[os.DirEntry[str]]:
    with os.scandir(directory) as entries:
        return sorted((e for e in entries if not e.name.startswith(".")), key=lambda e: e.name)


def walk_files(top: Path, suffixes: tuple[str, ...], *, follow_symlinks: bool = False
               ) -> Iterator[Path | Skipped]:
    """Yield the files under ``top`` whose name ends in one of ``suffixes``, sorted.

    ``top`` itself, when it is not a directory, is yielded as it is (a file named
    explicitly is read whatever its links). Hidden names (``.git``) are skipped.
    Symbolic links leaving ``top`` are yielded as :class:`Skipped` unless
    ``follow_symlinks``; so are directories that cannot be listed.
    """
    if not top.is_dir():
        yield top
        return
    root = os.path.realpath(top)
    seen: set[tuple[int, int]] = set()
    stack: list[Iterator[os.DirEntry[str]]] = []

    def enter(directory: str) -> Skipped | None:
        try:
            info = os.stat(directory)
            if (info.st_dev, info.st_ino) in seen:
                return None  # a loop back to a directory already walked
            seen.add((info.st_dev, info.st_ino))
            stack.append(iter(_sorted_entries(directory)))
        except OSError as err:
            return Skipped(Path(directory), SKIP_REASONS["unreadable"].format(
                reason=err.strerror or err))
        return None

    failed = enter(os.fspath(top))
    if failed:
        yield failed
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        wanted = entry.name.lower().endswith(suffixes)
        try:
            is_link = entry.is_symlink()
            is_dir = entry.is_dir(follow_symlinks=True)
        except OSError:
            is_link, is_dir = False, False
        if is_link and (is_dir or wanted):
            target = os.path.realpath(entry.path)
            if not follow_symlinks and not _inside(target, root):
                log.info("not following %s -> %s", safe_name(entry.path), safe_name(target))
                yield Skipped(Path(entry.path), SKIP_REASONS["outside"].format(
                    target=safe_name(target), top=safe_name(top)))
                continue
        if is_dir:
            failed = enter(entry.path)
            if failed:
                yield failed
        elif wanted:
            yield Path(entry.path)
