"""The examples in the gazetteer's docstrings run and stay true.

Every gazetteer module with examples is listed, so an example that goes wrong (a start
offset one off, a rule that changed) fails here instead of sitting unread.
"""

import doctest
import importlib

import pytest

MODULES = ["gazetteer.admin_heads", "gazetteer.names", "gazetteer.recognition_rules",
           "gazetteer.recognize", "gazetteer.resolve", "gazetteer.small_place",
           "gazetteer.translit_bounds"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0
    assert result.failed == 0
