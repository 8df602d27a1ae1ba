"""Readers that turn files and pasted text into :class:`store.types.ArticleInput`."""

from store.ingest.limits import Limits
from store.ingest.readers import (
    SUPPORTED_SUFFIXES,
    article_from_text,
    iter_articles,
    read_bytes,
    read_path,
)

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Limits",
    "article_from_text",
    "iter_articles",
    "read_bytes",
    "read_path",
]
