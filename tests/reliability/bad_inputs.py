"""The catalogue of hostile inputs, kept in :mod:`bench.bad_inputs` (shared with the bench).

Re-exported here so the reliability tests import it as before (``from bad_inputs import``).
"""

from bench.bad_inputs import (
    ABSURD_DATES,
    BAD_COORDINATES,
    PAYLOADS,
    BadInput,
    article_text,
    build_catalogue,
    make_text_pdf,
)

__all__ = [
    "ABSURD_DATES",
    "BAD_COORDINATES",
    "PAYLOADS",
    "BadInput",
    "article_text",
    "build_catalogue",
    "make_text_pdf",
]
