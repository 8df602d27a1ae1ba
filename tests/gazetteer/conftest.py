"""Fixtures shared by the gazetteer tests."""

from __future__ import annotations

import pytest

from gazetteer.geoparse import Geoparser, get_geoparser


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    """The default geoparser (its index is built once per process and shared)."""
    return get_geoparser()
