"""Value objects of the store's public API: what goes in, what comes out, how to filter.

:class:`ArticleInput` is one article to ingest (from a file reader or pasted text),
:class:`IngestResult` what happened to it, :class:`ClaimFilter` a query on claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from core.errors import InputRejected

_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    r"""Replace lone UTF-16 surrogates (from broken JSON or decoders) with U+FFFD.

    They cannot be encoded as UTF-8, so no database would accept them.

    >>> clean_text("Sirte \ud800 fell")
    'Sirte \ufffd fell'
    """
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value

__all__ = ["ArticleInput", "ClaimFilter", "IngestResult", "clean_text", "meta_text",
           "parse_date"]

#: Joins the parts of a metadata field given as a list (``"title": ["Sirte", "day 3"]``).
LIST_SEPARATOR = "; "


def meta_text(value: object, *, what: str = "field") -> str | None:
    """Return a metadata value as text: numbers as written, lists joined, never a repr.

    >>> meta_text(["Sirte falls", "", 3]), meta_text(42), meta_text([])
    ('Sirte falls; 3', '42', None)
    >>> meta_text({"en": "Sirte"}, what="title")
    Traceback (most recent call last):
    ...
    core.errors.InputRejected: title must be text, got an object
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, (list, tuple)):
        parts = [meta_text(v, what=what) for v in value]
        return LIST_SEPARATOR.join(p.strip() for p in parts if p and p.strip()) or None
    kind = {dict: "an object", bool: "true/false"}.get(type(value), type(value).__name__)
    raise InputRejected(f"{what} must be text, got {kind}")

#: Outcomes of one ingest.
STATUSES: tuple[str, ...] = ("stored", "duplicate", "failed")


def parse_date(value: object, *, what: str = "date") -> date | None:
    """Return ``value`` as a :class:`date` (accepts date, datetime, ISO text, ``None``).

    >>> parse_date("2020-01-13"), parse_date("2020-01-13T08:00:00Z"), parse_date(None)
    (datetime.date(2020, 1, 13), datetime.date(2020, 1, 13), None)
    >>> parse_date("13/01/2020")
    Traceback (most recent call last):
    ...
    core.errors.InputRejected: date '13/01/2020' is not YYYY-MM-DD
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            pass
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError as err:
            raise InputRejected(f"{what} {value!r} is not YYYY-MM-DD") from err
    raise InputRejected(f"{what} must be a date, got {type(value).__name__}")


@dataclass
class ArticleInput:
    """One article to store: its text and what is known about where it came from.

    ``published`` may be given as ISO text; it is normalized to a :class:`date`.
    ``origin`` says where it was read from (a file path, "pasted", "demo");
    ``source_url`` is the outlet's home page, kept with the source.
    """

    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: date | None = None
    language: str | None = None
    conflict: str | None = None
    external_id: str | None = None
    origin: str | None = None
    source_url: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise InputRejected("article text must be a string")
        self.text = clean_text(self.text)
        self.published = parse_date(self.published, what="publication date")
        for name in ("title", "url", "source", "language", "conflict", "external_id",
                     "source_url"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                setattr(self, name, meta_text(value, what=name))
            if isinstance(getattr(self, name), str):
                setattr(self, name, clean_text(getattr(self, name)).strip() or None)


@dataclass(frozen=True)
class IngestResult:
    """What happened to one article: stored, duplicate (of ``article_id``) or failed."""

    status: str
    article_id: int | None = None
    content_hash: str | None = None
    title: str | None = None
    origin: str | None = None
    mentions: int = 0
    claims: int = 0
    reason: str | None = None

    @property
    def ok(self) -> bool:
        """True unless the article failed."""
        return self.status != "failed"


@dataclass(frozen=True)
class ClaimFilter:
    """A query on claims; every field is optional and they combine with AND.

    ``since``/``until`` apply to the event date, falling back to the publication date.
    ``actors`` match the normalized actor or, failing that, the actor text. ``text`` is a
    case-insensitive substring search over quote, place, actor, anchor, subject and title.
    """

    since: date | None = None
    until: date | None = None
    sources: Sequence[str] = field(default_factory=tuple)
    actors: Sequence[str] = field(default_factory=tuple)
    kinds: Sequence[str] = field(default_factory=tuple)
    conflict: str | None = None
    text: str | None = None
    article_ids: Sequence[int] = field(default_factory=tuple)
    limit: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "since", parse_date(self.since, what="since"))
        object.__setattr__(self, "until", parse_date(self.until, what="until"))
        for name in ("sources", "actors", "kinds", "article_ids"):
            value = getattr(self, name)
            if value is None:
                value = ()
            elif isinstance(value, (str, int)):
                value = (value,)
            object.__setattr__(self, name, tuple(value))
