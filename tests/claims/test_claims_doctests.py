"""The examples in the claims and verdict docstrings run and stay true."""

import doctest
import importlib

import pytest

MODULES = ["claims.actors", "claims.control", "claims.dates",
           "claims.distance", "claims.names", "claims.numbers", "claims.prefilter", "claims.score",
           "claims.sentences", "geo.sector", "geo.verdict"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0
