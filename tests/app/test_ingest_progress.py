"""`ingest` outside a terminal prints plain progress lines, not a progress bar's noise."""

import io

from cli.progress import PlainProgress, progress


def test_plain_lines_outside_a_terminal():
    out = io.StringIO()
    bar = progress(desc="ingest", unit="article", file=out)
    assert isinstance(bar, PlainProgress)
    bar.every_s = 0.0
    for _ in range(3):
        bar.update(1)
        bar.set_postfix(stored=bar.n, failed=0)
    bar.close()
    lines = out.getvalue().splitlines()
    assert "\r" not in out.getvalue()
    assert lines[-1] == "ingest: 3 articles (stored=3 failed=0)"
    assert len(lines) == 4
