"""The free-text filter of claims, written so a trigram index can serve it.

A search matches a claim when the lower-cased text is found in one of its text columns
(:data:`CLAIM_TEXT_COLUMNS`) or in its article's title or source
(:data:`ARTICLE_TEXT_COLUMNS`). Instead of one ``lower(col) LIKE`` per column, OR-ed over
claims joined to articles (a full scan at a million claims: 0.75 s), the claim columns
are joined into one expression, :func:`text_sql`, with a separator no search contains
(:data:`SEPARATOR`), so ``expr LIKE '%needle%'`` finds exactly the claims one of the
per-column conditions finds; on PostgreSQL with ``pg_trgm`` a GIN index on that
expression serves it (migration 0006). The article columns are searched in the
articles table (also indexed) and matched by article id, so the search needs no join.
A needle holding the separator falls back to the per-column conditions.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    Boolean,
    ColumnElement,
    String,
    false,
    func,
    literal,
    literal_column,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnClause

from store.models import Article, Claim

__all__ = ["ARTICLE_TEXT_COLUMNS", "CLAIM_TEXT_COLUMNS", "SEPARATOR", "text_condition",
           "text_sql"]

#: Text columns of ``claims`` the search looks in.
CLAIM_TEXT_COLUMNS: tuple[str, ...] = ("quote", "place", "actor", "actor_norm", "anchor",
                                       "subject")
#: Text columns of ``articles`` the search looks in.
ARTICLE_TEXT_COLUMNS: tuple[str, ...] = ("title", "source")
#: Put between the columns of :func:`text_sql` (ASCII unit separator, never typed).
SEPARATOR = "\x1f"
_ESCAPE = "/"


def text_sql(table: str, columns: tuple[str, ...]) -> str:
    """Return the SQL of ``table``'s text ``columns``, lower-cased, joined by the separator.

    The migration indexes exactly this expression, so the query must use it verbatim
    (``table`` and ``columns`` are this module's constants, never input).

    >>> text_sql("t", ("a", "b")).replace(SEPARATOR, "|")
    "lower(coalesce(t.a, '') || '|' || coalesce(t.b, ''))"
    """
    joined = f" || '{SEPARATOR}' || ".join(f"coalesce({table}.{c}, '')" for c in columns)
    return f"lower({joined})"


def _pattern(needle: str) -> str:
    """``%needle%`` for LIKE, with ``%``, ``_`` and the escape character escaped."""
    for char in (_ESCAPE, "%", "_"):
        needle = needle.replace(char, _ESCAPE + char)
    return f"%{needle}%"


class _ArticleIdIn(ColumnElement[bool]):
    """``claims.article_id`` among the ids a SELECT returns.

    On PostgreSQL written ``= ANY(ARRAY(SELECT ...))``: the ids are computed once and the
    ``(article_id)`` index can be OR-ed with the trigram index (``IN (SELECT ...)`` under
    an OR becomes a per-row filter over every claim).
    """

    inherit_cache = False
    type = Boolean()

    def __init__(self, ids: Any) -> None:
        self.ids = ids


@compiles(_ArticleIdIn)
def _compile_in(element: _ArticleIdIn, compiler: Any, **kw: Any) -> str:
    column = compiler.process(Claim.__table__.c.article_id, **kw)
    return f"({column} IN ({compiler.process(element.ids, **kw)}))"


@compiles(_ArticleIdIn, "postgresql")
def _compile_any(element: _ArticleIdIn, compiler: Any, **kw: Any) -> str:
    column = compiler.process(Claim.__table__.c.article_id, **kw)
    return f"({column} = ANY(ARRAY({compiler.process(element.ids, **kw)})))"


def _per_column(needle: str) -> ColumnElement[bool]:
    """Return the plain form, one ``lower(col) LIKE`` per column (needles with the separator)."""
    articles = select(Article.id).where(or_(*(
        func.lower(getattr(Article, c)).contains(needle, autoescape=True)
        for c in ARTICLE_TEXT_COLUMNS))).correlate(None)
    return or_(*(func.lower(getattr(Claim, c)).contains(needle, autoescape=True)
                 for c in CLAIM_TEXT_COLUMNS), _ArticleIdIn(articles))


def text_condition(text: str) -> ColumnElement[bool]:
    """Return the condition on claims whose text, or article title or source, holds ``text``.

    Case-insensitive as ``lower()`` is on the backend; needs no join to ``articles``.
    An empty (or all-space) text matches every claim; one with a NUL matches none.
    """
    if "\x00" in text:
        return false()
    needle = text.strip().lower()
    if not needle:
        return literal_column("1") == literal_column("1")
    if SEPARATOR in needle:
        return _per_column(needle)
    pattern = literal(_pattern(needle), String())  # a plain bound parameter
    claim_text: ColumnClause[str] = literal_column(text_sql("claims", CLAIM_TEXT_COLUMNS))
    article_text: ColumnClause[str] = literal_column(
        text_sql("articles", ARTICLE_TEXT_COLUMNS))
    articles = select(Article.id).where(article_text.like(pattern, escape=_ESCAPE)).correlate(
        None)  # never correlated with an outer join to articles: computed once
    return or_(claim_text.like(pattern, escape=_ESCAPE), _ArticleIdIn(articles))
