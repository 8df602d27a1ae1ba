"""The one small interface every gazetteer data source implements (geopy-style).

A source yields :class:`Entry` objects: a complete :class:`~gazetteer.model.Place` plus the
extra names it is known by. The index builder does not care where entries come from;
adding a source is writing one module with one :class:`Source` subclass.
"""

from __future__ import annotations

import abc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from gazetteer.model import Place

__all__ = ["Entry", "Source", "file_digest", "is_latin_name", "package_version"]


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer entry from a source.

    ``aliases`` are other names of the place (indexed like the name); ``demonyms`` are
    adjectives that refer to it ("Libyan" -> Libya), indexed in their own tier so the
    recognizer can treat them differently. ``own_names`` are indexed with the same rank as
    ``place.name`` (the source's own spelling when the display name is another form).
    """

    place: Place
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    own_names: tuple[str, ...] = ()


class Source(abc.ABC):
    """A gazetteer data source: a name, a version (for the cache key) and its entries."""

    #: Short stable name, also used in ``Place.source``.
    name: str = "source"

    @abc.abstractmethod
    def version(self) -> str:
        """Return a string that changes whenever the entries would change (feeds the cache key)."""

    @abc.abstractmethod
    def entries(self) -> Iterator[Entry]:
        """Yield every entry of the source. Raise :class:`core.errors.DataSourceError` if broken."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


def package_version(dist: str) -> str:
    """Return the installed version of a distribution, or ``"missing"``."""
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def file_digest(path: Path) -> str:
    """Return a short SHA-256 of a file's bytes (``"missing"`` if it does not exist)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except FileNotFoundError:
        return "missing"


def is_latin_name(name: str) -> bool:
    """Say whether every letter of ``name`` is Latin script.

    Alternate names in other scripts are skipped: news text here is English and unidecode
    of Arabic or CJK yields noise.

    >>> is_latin_name("Tarābulus"), is_latin_name("طرابلس"), is_latin_name("Ma'arrat")
    (True, False, True)
    """
    for char in name:
        if char.isalpha() and ord(char) > 0x24F and not 0x1E00 <= ord(char) <= 0x1EFF:
            return False
    return any(char.isalpha() for char in name)
