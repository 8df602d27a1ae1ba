"""Bytes to text with the encoding detected, not assumed; binary data is refused.

BOMs win, then strict UTF-8, then charset-normalizer's best guess. A result that is
mostly control characters is treated as binary and rejected with a clear reason.
"""

from __future__ import annotations

import codecs
import unicodedata

from core.errors import ExtractionError

__all__ = ["decode_bytes", "looks_binary"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def looks_binary(text: str, *, max_ratio: float = 0.02) -> bool:
    r"""Return True when more than ``max_ratio`` of the characters are controls or unassigned.

    >>> looks_binary("Sirte fell to the LNA.\n"), looks_binary("\x00\x01\x02abc")
    (False, True)
    """
    sample = text[:20000]
    if not sample:
        return False
    bad = sum(1 for ch in sample
              if (ch < " " and ch not in "\n\r\t\f") or unicodedata.category(ch) in ("Cn", "Co"))
    return bad / len(sample) > max_ratio


def decode_bytes(data: bytes, *, what: str = "the file") -> str:
    r"""Decode ``data`` to text, newlines normalized to ``\\n``.

    Raises :class:`ExtractionError` when it is empty or binary.
    """
    if not data.strip():
        raise ExtractionError(f"{what} is empty")
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as err:
                raise ExtractionError(f"{what}: broken {encoding} text ({err.reason})") from err
            break
    if text is None and b"\x00" not in data[:8192]:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = None
    if text is None:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise ExtractionError(f"{what} looks like binary data, not text")
        text = str(best)
    if looks_binary(text):
        raise ExtractionError(f"{what} looks like binary data, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    if not text.strip():
        raise ExtractionError(f"{what} is empty")
    return text
