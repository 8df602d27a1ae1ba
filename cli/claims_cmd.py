"""``conflictmap extract-claims FILE.jsonl``: claims for every line of an evaluation-format file.

A bad line (not JSON, not an object, no string "sentence"/"text", undecodable bytes) gets
an output line with no claims and an "error" at its position, so the scorer's pairing of
output line *i* with input line *i* survives it (see :mod:`cli.jsonl_lines`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from claims.lines import RejectedLine, run_file
from claims.score import gold_problem
from cli.errors import friendly_errors
from cli.jsonl_lines import InputLine, LineReport, dump_line, not_text, read_lines

__all__ = ["RejectedLine", "register", "run_file"]  # run_file and RejectedLine: claims.lines


def _row_problem(row: dict) -> str | None:
    """Return why a parsed line cannot be extracted from, or None when it can."""
    if not isinstance(row.get("sentence", row.get("text")), str):
        return "needs a 'sentence' or 'text' string"
    return not_text(row, ("published", "source", "url", "title", "conflict_hint"))


def _entries(path: Path) -> tuple[list[dict | RejectedLine], list[int]]:
    """Read ``path`` into rows and placeholders for its bad lines, with their line numbers."""
    entries: list[dict | RejectedLine] = []
    numbers: list[int] = []
    for line in read_lines(path):
        problem = line.problem or _row_problem(line.doc or {})
        if problem:
            doc = line.doc or {}
            entries.append(RejectedLine(problem, doc.get("article_id", doc.get("id"))))
        else:
            entries.append(line.doc or {})
        numbers.append(line.number)
    return entries, numbers


@click.command("extract-claims")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--score", is_flag=True, help="Print metrics against the gold fields to stderr.")
@click.option("--no-resolve", is_flag=True, help="Skip the gazetteer (no coordinates).")
@click.option("--keep-repeats", is_flag=True,
              help="Print all claims of a sentence on every line that repeats it.")
@click.option("--explain", is_flag=True,
              help="Add to each claim the names of the rules that made it (trace), and to each "
                   "line the statements read and then dropped, with the rule.")
@click.option("--parser", type=click.Choice(["rules", "parse"]), default=None,
              help="How a verb's actor is found: by position (rules, the default) or from a "
                   "dependency parse (needs the spaCy model package).")
@friendly_errors
def extract_claims_cmd(file: Path, score: bool, no_resolve: bool, keep_repeats: bool,
                       explain: bool, parser: str | None) -> None:
    """Extract distance and control claims from each line of FILE.jsonl.

    Each line gives "sentence" (or "text") and optionally "published", "source", "url",
    "article_id"; one JSON object per input line is written to stdout. A bad line gets
    {"article_id", "claims": [], "error"} and a warning on stderr; the command fails only
    when no line could be read.
    """
    report = LineReport(str(file))
    entries, numbers = _entries(file)
    outputs = run_file(entries, resolve=not no_resolve, split_runs=not keep_repeats,
                       parser=parser, explain=explain)
    scored_rows: list[dict] = []
    scored_outputs: list[dict] = []
    for entry, number, out in zip(entries, numbers, outputs, strict=True):
        problem = out.get("error")
        line = InputLine(number, None, problem)
        report.add(line)
        if problem:
            out["error"] = line.error
        elif isinstance(entry, dict) and not gold_problem(entry):
            scored_rows.append(entry)
            scored_outputs.append(out)
        sys.stdout.write(dump_line(out))
    sys.stdout.flush()
    report.finish()
    if score:
        from claims.score import score_claims

        skipped = report.total - len(scored_rows)
        if skipped:
            click.echo(f"conflictmap: scored {len(scored_rows)} of {report.total} lines, "
                       f"{skipped} skipped (rejected, or no usable gold claim)", err=True)
        metrics = score_claims(scored_rows, scored_outputs,
                               resolve_hints=not no_resolve).as_dict()
        for name, value in metrics.items():
            click.echo(f"{name}: {value:.3f}", err=True)


def register(group: click.Group) -> None:
    """Add ``extract-claims`` to the root command group."""
    group.add_command(extract_claims_cmd)
