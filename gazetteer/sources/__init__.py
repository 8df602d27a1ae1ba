"""Gazetteer data sources, one module per source behind :class:`~gazetteer.sources.base.Source`.

Registered explicitly here (as geopy registers its geocoders); :func:`default_sources` is
the list the index is built from, in priority order (an id seen twice keeps the first).
"""

from __future__ import annotations

from gazetteer.sources.base import Entry, Source
from gazetteer.sources.continents import Continents
from gazetteer.sources.countries import Countries
from gazetteer.sources.curated import LANDMARKS_FILE, CuratedPlaces, read_place_rows
from gazetteer.sources.geonames import GeoNamesCities
from gazetteer.sources.regions import AdminRegions

__all__ = [
    "AdminRegions",
    "Continents",
    "Countries",
    "CuratedPlaces",
    "Entry",
    "GeoNamesCities",
    "Source",
    "default_sources",
    "read_place_rows",
]


def default_sources() -> list[Source]:
    """Return the bundled sources the default index is built from.

    The landmarks file (stadiums, universities, seats of government...) is a second curated
    file with its own namespace, so its rows are ``landmark:<slug>`` sites and never count
    as the curated areas the build gives a population.
    """
    return [Countries(), Continents(), AdminRegions(), CuratedPlaces(),
            CuratedPlaces(LANDMARKS_FILE, namespace="landmark"), GeoNamesCities()]
