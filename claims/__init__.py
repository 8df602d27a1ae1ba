"""Claims: distance and control statements read from conflict reporting.

Public API (imported lazily so ``import claims`` stays cheap):

- :func:`extract_claims` -- text to :class:`DistanceClaim` / :class:`ControlClaim` list;
- :func:`analyze_article` -- geoparse + claims + distance verdicts (:class:`ArticleAnalysis`);
- the value objects :class:`Provenance`, :class:`DistanceClaim`, :class:`ControlClaim`.
"""

from __future__ import annotations

from typing import Any

from claims.model import ACTIONS, UNITS, Claim, ControlClaim, DistanceClaim, Provenance

__all__ = [
    "ACTIONS",
    "UNITS",
    "ArticleAnalysis",
    "Claim",
    "ControlClaim",
    "DistanceClaim",
    "Provenance",
    "analyze_article",
    "claim_to_dict",
    "extract_claims",
]

_LAZY: dict[str, str] = {
    "extract_claims": "claims.extract",
    "analyze_article": "claims.analyze",
    "ArticleAnalysis": "claims.analyze",
    "claim_to_dict": "claims.serialize",
}


def __getattr__(name: str) -> Any:
    """Import the heavier parts on first use (PEP 562)."""
    module_name = _LAZY.get(name)
    if module_name is None:
        raise AttributeError(f"module 'claims' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module_name), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
