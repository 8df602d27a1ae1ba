"""Read an evaluation JSON-lines file line by line, keeping going past bad lines.

The evaluation commands (``geoparse``, ``extract-claims``) write one JSON object per input
line, and the external scorer pairs output line *i* with input line *i*. One malformed line
must therefore not stop the run: it becomes an :class:`InputLine` carrying an ``error``
(the command prints an empty result with that error at its position), a warning goes to
standard error, and the run fails only when no line at all could be read.

Blank lines are skipped (no output), as before: they are not JSON objects and a scorer
reading "one JSON object per line" skips them too. Lines are split like Python's text mode
(LF, CRLF or CR) and decoded one by one, so undecodable bytes reject only
the line that holds them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from core.errors import InputRejected

__all__ = ["InputLine", "LineReport", "dump_line", "not_text", "read_lines"]

#: Warnings printed per file before the rest are only counted (a binary file has many).
MAX_WARNINGS = 20

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class InputLine:
    """One non-blank input line: its 1-based number, the parsed object or the problem."""

    number: int
    doc: dict[str, Any] | None
    problem: str | None = None

    @property
    def error(self) -> str | None:
        """The problem as it appears in the output object (``"line N: ..."``), or None."""
        return f"line {self.number}: {self.problem}" if self.problem else None

    def get(self, key: str) -> Any:
        """Return ``doc[key]`` when the line was an object, else None (e.g. its ``id``)."""
        return self.doc.get(key) if self.doc is not None else None

    def rejected(self, problem: str) -> InputLine:
        """Return this line marked bad for ``problem`` (the parsed object is kept)."""
        return replace(self, problem=problem)


def _parse(number: int, raw: bytes) -> InputLine | None:
    """Decode and parse one raw line; None for a blank line."""
    try:
        text = raw.decode("utf-8", errors="strict")
    except UnicodeDecodeError as err:
        return InputLine(number, None, f"not valid UTF-8 (byte 0x{raw[err.start]:02x} at "
                                       f"offset {err.start})")
    if not text.strip():
        return None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as err:
        return InputLine(number, None, f"not valid JSON ({err.msg} at column {err.colno})")
    except RecursionError:
        return InputLine(number, None, "not valid JSON (nested too deeply)")
    except ValueError as err:  # e.g. an integer literal over Python's digit limit
        return InputLine(number, None, f"not valid JSON ({str(err).split(':')[0]})")
    if not isinstance(doc, dict):
        return InputLine(number, None, f"expected a JSON object, got {type(doc).__name__}")
    return InputLine(number, doc)


def read_lines(path: Path) -> Iterator[InputLine]:
    """Yield an :class:`InputLine` for every non-blank line of ``path``, in order.

    Raises :class:`InputRejected` when the file cannot be read at all (missing, no
    permission, an I/O error) or is UTF-16 text, which no single line could decode.
    """
    try:
        handle = path.open("rb")
    except OSError as err:
        raise InputRejected(f"cannot read {path}: {err.strerror or err}") from err
    number = 0
    with handle:
        try:
            for chunk in handle:
                if number == 0:
                    if chunk.startswith(_UTF16_BOMS):
                        raise InputRejected(f"{path} is UTF-16 text; save it as UTF-8")
                    chunk = chunk.removeprefix(_UTF8_BOM)
                # Split on \r too, as text mode did, so line numbers stay the same.
                for raw in chunk.splitlines() or [b""]:
                    number += 1
                    line = _parse(number, raw)
                    if line is not None:
                        yield line
        except OSError as err:
            raise InputRejected(f"cannot read {path}: {err.strerror or err}") from err


def not_text(doc: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    """Return the problem when one of the optional ``keys`` holds something but a string.

    >>> not_text({"title": None, "url": 5}, ("title", "url"))
    "'url' must be a string or null, not int"
    """
    for key in keys:
        value = doc.get(key)
        if value is not None and not isinstance(value, str):
            return f"{key!r} must be a string or null, not {type(value).__name__}"
    return None


class LineReport:
    """Count the good and bad lines of one file and tell the user about the bad ones."""

    def __init__(self, source: str) -> None:
        """Start an empty report for the file named ``source`` in messages."""
        self.source = source
        self.total = 0
        self.rejected = 0

    def add(self, line: InputLine, problem: str | None = None) -> None:
        """Count ``line``; warn on stderr when it (or ``problem``) says it is bad."""
        self.total += 1
        problem = problem or line.problem
        if not problem:
            return
        self.rejected += 1
        if self.rejected <= MAX_WARNINGS:
            sys.stderr.write(f"conflictmap: {self.source}:{line.number}: {problem}\n")
        elif self.rejected == MAX_WARNINGS + 1:
            sys.stderr.write(f"conflictmap: {self.source}: further bad lines are only counted\n")

    def finish(self) -> None:
        """Say how many lines were rejected; raise when no line could be used at all."""
        if self.total == 0:
            raise InputRejected(f"{self.source}: no JSON lines to read (the file is empty)")
        if self.rejected == self.total:
            raise InputRejected(
                f"{self.source}: no usable line ({self.total} rejected, see the warnings above)"
            )
        if self.rejected:
            sys.stderr.write(f"conflictmap: {self.source}: {self.rejected} of {self.total} "
                             f"lines rejected\n")


def dump_line(obj: dict[str, Any]) -> str:
    """Serialise one output object as a JSON line (with its newline).

    ``backslashreplace`` turns a lone surrogate from the input into its JSON escape.
    """
    line = json.dumps(obj, ensure_ascii=False).encode("utf-8", "backslashreplace")
    return line.decode("utf-8") + "\n"
