import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.numbers import find_amounts, parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("roughly 45 km from the port", (45, 45, "km", "about", None, None)),
        ("two kilometres from the bridge", (2, 2, "km", None, None, None)),
        ("1,000 kilometers (621 miles) from the border", (1000, 1000, "km", None, 621, "mi")),
        ("10-15 km north of the dam", (10, 15, "km", None, None, None)),
        ("between 10 and 15 km away", (10, 15, "km", None, None, None)),
        ("a few kilometres from the centre", (2, 9, "km", None, None, None)),
        ("several kilometres east of the base", (3, 9, "km", None, None, None)),
        ("more than 60 kilometres from the city", (60, 60, "km", "more than", None, None)),
        ("less than 3 kilometers", (3, 3, "km", "less than", None, None)),
        ("within 30 kilometres (19 miles) of the front", (30, 30, "km", "within", 19, "mi")),
        ("only 12 nautical miles off the coast", (12, 12, "nmi", "only", None, None)),
        ("about 2.5 miles from the post", (2.5, 2.5, "mi", "about", None, None)),
        ("800 metres from the checkpoint", (800, 800, "m", None, None, None)),
        ("twenty-five kilometres south", (25, 25, "km", None, None, None)),
    ],
)
def test_find_amounts(text, expected):
    amounts = find_amounts(text)
    assert len(amounts) == 1
    assert amounts[0].as_tuple() == tuple(float(v) if isinstance(v, int) else v for v in expected)


@pytest.mark.parametrize("text", ["$5 m in aid", "in 2019 the town", "5 million people",
                                  "Route 66"])
def test_no_false_amounts(text):
    assert find_amounts(text) == []


def test_parse_number_words_and_digits():
    assert parse_number("1,250") == 1250
    assert parse_number("three hundred") == 300
    assert parse_number("forty-two") == 42
    assert parse_number("many") is None


# The unit gate only skips text that holds no amount: find_amounts gives the same answer
# with the gate as when the big pattern is always tried.
_GATE_WORDS = ["5", "12", "two", "TWENTY", "half", "a", "hundred", "few", "between", "and",
               "km", "KM", "k", "ks", "kms", "kilometres", "m", "mi", "nm", "miles", "nautical",
               "week", "weeks", "from", "-", " ", "(", ")", ",", "about", "\u212am", "am",
               "half a", "twokm", "ninem"]


def _ungated(text: str) -> list:
    import claims.numbers as numbers

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(numbers, "_UNIT_GATE", re.compile(""))
        return find_amounts(text)


@pytest.mark.parametrize("text", ["half akm from", "twokm", "5 k", "two weeks", "10-km"])
def test_unit_gate_keeps_glued_units(text):
    assert find_amounts(text) == _ungated(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_GATE_WORDS), max_size=10), st.sampled_from(["", " "]))
def test_unit_gate_skips_only_text_without_amounts(words, joiner):
    text = joiner.join(words)
    assert find_amounts(text) == _ungated(text), text
