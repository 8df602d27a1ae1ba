"""Claims: distance and control statements read from conflict reporting.

Public API (imported lazily so ``import claims`` stays cheap):

- :func:`extract_claims` -- text to :class:`DistanceClaim` / :class:`ControlClaim` list;
- :func:`analyze_article` -- geoparse + claims + distance verdicts (:class:`ArticleAnalysis`);
- the value objects :class:`Provenance`, :class:`DistanceClaim`, :class:`ControlClaim`.
"""

from __future__ import annotations

from claims.model import ACTIONS, UNITS, Claim, ControlClaim, DistanceClaim, Provenance
from core.lazy import lazy_exports

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


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__, globals())
