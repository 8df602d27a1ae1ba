"""`ingest` outside a terminal prints plain progress lines, not a progress bar's noise."""

import io

from cli.progress import Progress


def test_plain_lines_outside_a_terminal():
    out = io.StringIO()
    with Progress(stream=out, every_s=0.0) as progress:
        for stored in range(1, 4):
            progress.update({"stored": stored, "duplicate": 0, "failed": 0})
    text = out.getvalue()
    lines = text.splitlines()
    assert "\r" not in text
    assert len(lines) == 4  # one per article, and the last on closing
    assert lines[-1].startswith("ingest: 3 articles, stored 3, skipped as already stored 0, "
                                "rejected 0")


def test_quiet_prints_nothing():
    out = io.StringIO()
    with Progress(stream=out, disabled=True, every_s=0.0) as progress:
        progress.update({"stored": 1})
    assert out.getvalue() == ""
