"""Claims read from Arabic-language reporting: distances, control, event dates.

The same :class:`~claims.model.DistanceClaim` and :class:`~claims.model.ControlClaim` as the
English extractor, from Arabic rules (:mod:`claims.arabic.numbers`, :mod:`.distance`,
:mod:`.control` with its lexicon, place/actor finders and statement builders
(:mod:`.control_lexicon`, :mod:`.control_slots`, :mod:`.control_voices`,
:mod:`.control_types`), :mod:`.dates` and :mod:`.date_context`); places come from the
gazetteer's Arabic recognizer.
:func:`claims.extract_claims` dispatches Arabic-script text to :func:`extract_arabic_claims`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["extract_arabic_claims"]


def __getattr__(name: str) -> Any:
    """Import the extractor on first use (PEP 562), so ``claims.arabic.numbers`` stays light."""
    if name != "extract_arabic_claims":
        raise AttributeError(f"module 'claims.arabic' has no attribute {name!r}")
    from claims.arabic.extract import extract_arabic_claims

    return extract_arabic_claims
