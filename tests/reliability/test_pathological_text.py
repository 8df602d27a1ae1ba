"""Pathological but legal text must not stall analysis (no quadratic blow-ups).

An analyst can paste anything up to the article size limit (a million characters):
a table of abbreviations, a PDF extraction without full stops, a list of names. Each
case here is 50 KB; normal prose of that size is analysed in about a second, so a
case that needs more than :data:`BOUND_S` CPU seconds has an algorithm that grows with the
square of the input and would hang the app on a large paste.
"""

from __future__ import annotations

import signal
from contextlib import contextmanager

import pytest
from bad_inputs import article_text

SIZE = 50_000
BOUND_S = 12.0


def _fill(unit: str) -> str:
    return (unit * (SIZE // len(unit) + 1))[:SIZE]


def _prose(size: int = SIZE) -> str:
    return " ".join(article_text(i) for i in range(size // 900 + 2))[:size]


CASES = {
    "prose": _prose,
    "prose without full stops": lambda: _prose().replace(".", " ").replace("\n", " "),
    "100 KB without full stops": lambda: _prose(2 * SIZE).replace(".", " ").replace("\n", " "),
    "abbreviations": lambda: _fill("Gen. "),
    "one verb repeated": lambda: _fill("captured ") + " Sirte",
    "digit groups": lambda: _fill("1,") + " km",
    "place list": lambda: _fill("Tripoli, "),
    "claim list": lambda: _fill("Sirte fell to the LNA and "),
    "distance list": lambda: _fill("90 km south of "),
    "dots": lambda: _fill("."),
    "arabic articles": lambda: _fill("al-"),
}


@contextmanager
def time_limit(seconds: float):
    """Raise TimeoutError in the main thread when the block uses more than ``seconds`` of CPU.

    The limit counts this process's CPU time (``ITIMER_PROF``), not wall time, so other
    processes on a loaded machine cannot make a linear case look quadratic.
    """

    def expire(_signum, _frame):
        raise TimeoutError(f"took more than {seconds:.0f} CPU s")

    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.mark.parametrize("case", list(CASES))
def test_analysis_time_grows_linearly(case):
    claims = pytest.importorskip("claims")
    if not hasattr(claims, "analyze_article"):
        pytest.skip("claims.analyze_article not landed yet")
    text = CASES[case]()
    claims.analyze_article(text[:200])  # warm the gazetteer outside the timed block
    with time_limit(BOUND_S):
        analysis = claims.analyze_article(text)
    assert all(0 <= m.start < m.end <= len(text) for m in analysis.mentions)


SPAN_CASES = {
    # every span an unknown acronym: each must not rescan the text for its initials
    "unknown acronyms": lambda: " ".join(
        f"Q{chr(65 + i % 26)}{chr(65 + i // 26 % 26)} met South Africa" for i in range(2500)
    ),
    # every span a loose spelling: each must not compare itself with every other mention
    "loose spellings": lambda: _fill("Benghazy and Tarhouna near Gharian, Almonaster or Tripoly; "),
}


@pytest.mark.parametrize("case", list(SPAN_CASES))
def test_resolving_given_spans_grows_linearly(case):
    import re

    from gazetteer import resolve_spans

    text = SPAN_CASES[case]()[:SIZE]
    spans = [(m.start(), m.end()) for m in re.finditer(r"\b[A-Z][A-Za-z]+\b", text)]
    resolve_spans(text[:300], [s for s in spans if s[1] <= 300])  # warm the index
    with time_limit(BOUND_S):
        mentions = resolve_spans(text, spans)
    assert len(mentions) == len(spans)


def test_the_time_limit_stops_a_block_that_spins():
    with pytest.raises(TimeoutError), time_limit(0.2):
        while True:
            pass
