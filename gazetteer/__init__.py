"""The offline gazetteer and the geoparser.

Public API (``import gazetteer`` is cheap: it loads no data and builds nothing):

- :func:`get_index` -- the process-wide gazetteer index (built once into the cache);
- :func:`normalize` -- the normalized key of a place name;
- :func:`geoparse` -- recognise and resolve the places a text names;
- :func:`resolve_spans` -- resolve given character spans of a text;
- :func:`resolve_name` -- rank the candidates of one name given an article as context
  (with ``single_name_rules=True``, the rules claims need: :mod:`gazetteer.name_rules`);
- :func:`get_geoparser` / :class:`Geoparser` -- the geoparser bound to an index;
- :class:`PlaceIndex` -- the typed interface of an index;
- countries: :func:`country_code`, :func:`country_name`, :func:`country_of_adjective`,
  :func:`is_demonym`, :func:`capital_of`, :func:`adjective_of`, :func:`country_of_capital`;
- the rule tables :data:`RECOGNITION_RULES` and :data:`MENTION_PASSES` (each output
  mention's ``Mention.trace`` names the ones that kept, ranked or moved it);
- the value objects :class:`Place`, :class:`Candidate`, :class:`Mention`.
"""

from __future__ import annotations

from core.lazy import lazy_exports

# The geoparser functions share their name with the ``gazetteer.geoparse`` module, so they
# are bound eagerly (the module is light; the index loads on first use). A lazy binding
# would be shadowed by the submodule as soon as anything imported it.
from gazetteer.countries import (
    adjective_of,
    capital_of,
    country_code,
    country_name,
    country_of_adjective,
    country_of_capital,
    is_demonym,
)
from gazetteer.geoparse import Geoparser, geoparse, get_geoparser, resolve_name, resolve_spans
from gazetteer.model import PRECISIONS, Candidate, Mention, Place
from gazetteer.name_rules import NameOptions
from gazetteer.passes import MENTION_PASSES
from gazetteer.protocol import PlaceIndex
from gazetteer.recognition_rules import RECOGNITION_RULES, RecognitionSettings

__all__ = [
    "MENTION_PASSES",
    "PRECISIONS",
    "RECOGNITION_RULES",
    "Candidate",
    "Geoparser",
    "Mention",
    "NameOptions",
    "Place",
    "PlaceIndex",
    "RecognitionSettings",
    "adjective_of",
    "capital_of",
    "country_code",
    "country_name",
    "country_of_adjective",
    "country_of_capital",
    "geoparse",
    "get_geoparser",
    "get_index",
    "is_demonym",
    "normalize",
    "resolve_name",
    "resolve_spans",
]

_LAZY: dict[str, str] = {
    "get_index": "gazetteer.index",
    "normalize": "gazetteer.names",
}


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__, globals())
