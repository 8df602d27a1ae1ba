"""``conflictmap extract-claims FILE.jsonl``: claims for every line of an evaluation-format file.

A bad line (not JSON, not an object, no string "sentence"/"text", undecodable bytes) gets
an output line with no claims and an "error" at its position, so the scorer's pairing of
output line *i* with input line *i* survives it (see :mod:`cli.jsonl_lines`).
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from claims.score import gold_problem
from cli.errors import friendly_errors
from cli.jsonl_lines import InputLine, LineReport, dump_line, not_text, read_lines
from core.errors import ConflictMapError

__all__ = ["RejectedLine", "register", "run_file"]

log = logging.getLogger("conflictmap.cli.claims")


@dataclass(frozen=True)
class RejectedLine:
    """A placeholder in :func:`run_file`'s rows for an input line that could not be read.

    It yields ``{"article_id", "claims": [], "error": problem}`` at its position and
    breaks a run of repeated sentences (see :func:`_split_runs`).
    """

    problem: str
    article_id: Any = None


def _row_problem(row: dict) -> str | None:
    """Return why a parsed line cannot be extracted from, or None when it can."""
    if not isinstance(row.get("sentence", row.get("text")), str):
        return "needs a 'sentence' or 'text' string"
    return not_text(row, ("published", "source", "url", "title", "conflict_hint"))


def _split_runs(rows: Sequence[dict | RejectedLine], outputs: list[dict]) -> None:
    """Spread the claims of a sentence repeated on consecutive lines over those lines.

    Evaluation files give one line per claim, repeating the sentence; each line is scored
    on its own. The i-th line of a run gets the i-th share of the claims (per kind, in text
    order), so a sentence naming four towns yields one claim per line, not four on each.
    A rejected line between two equal ones ends the run.
    """
    start = 0
    while start < len(rows):
        if isinstance(rows[start], RejectedLine):
            start += 1
            continue
        key = _row_key(rows[start])
        end = start + 1
        while (end < len(rows) and not isinstance(rows[end], RejectedLine)
               and _row_key(rows[end]) == key):
            end += 1
        size = end - start
        if size > 1:
            claims = outputs[start]["claims"]
            shares: list[list[dict]] = [[] for _ in range(size)]
            for kind in ("control", "distance"):
                of_kind = sorted((c for c in claims if c["kind"] == kind),
                                 key=lambda c: (c["start"], c["end"]))
                for i, claim in enumerate(of_kind):
                    shares[min(i * size // max(len(of_kind), 1), size - 1)
                           if len(of_kind) > size else min(i, size - 1)].append(claim)
            for offset in range(size):
                outputs[start + offset] = {**outputs[start + offset], "claims": shares[offset]}
        start = end


def _row_key(row: dict) -> tuple:
    text = row.get("sentence") if isinstance(row.get("sentence"), str) else row.get("text")
    return (text, row.get("published"), row.get("article_id"), row.get("title"))


def _cache_key(row: dict) -> str:
    """Return :func:`_row_key` as a string, hashable even when a field holds a list."""
    return json.dumps(_row_key(row), sort_keys=True, default=repr)


def _hashable(value: object) -> bool:
    return value is not None and isinstance(value, str | int | float | bool)


def run_file(rows: Sequence[dict | RejectedLine], *, resolve: bool = True,
             split_runs: bool = True, parser: str | None = None,
             explain: bool = False) -> list[dict]:
    """Extract claims for each row, reading consecutive lines of one article as one text.

    Consecutive rows with the same ``article_id`` and a ``sentence`` are one article: its
    distinct sentences, in order, are extracted in one call, so "the city" or "they" in a
    later line means what an earlier line named, and each line gets the claims of its own
    sentence (offsets relative to that sentence). Sentences of the same article seen
    earlier in the file (before a break) are passed as ``preceding_text``.
    ``split_runs`` spreads the claims of a sentence repeated on consecutive lines over
    those lines (see :func:`_split_runs`). A :class:`RejectedLine`, or a run the extractor
    rejects with a :class:`ConflictMapError`, gives outputs with no claims and an
    ``"error"`` (the problem alone; the command prefixes the line number).
    ``explain`` adds each claim's ``trace`` and, per line, the statements read and then
    ``dropped`` with the rule that dropped them.
    """
    outputs: list[dict] = [{} for _ in rows]
    earlier: dict[object, list[str]] = {}  # article id -> its sentences read so far
    cache: dict[str, list[dict]] = {}
    for run in _article_runs(rows):
        first = rows[run[0]]
        if isinstance(first, RejectedLine):
            outputs[run[0]] = {"article_id": first.article_id, "claims": [],
                               "error": first.problem}
            continue
        article = first.get("article_id")
        article_id = first.get("article_id", first.get("id"))
        key = json.dumps([_cache_key(rows[i]) for i in run], sort_keys=True, default=repr)
        if key not in cache:
            before = earlier.setdefault(article, []) if _hashable(article) else []
            try:
                cache[key] = _extract_run([rows[i] for i in run], before, resolve, parser,
                                          explain)
            except ConflictMapError as err:
                log.warning("extraction failed: %s", err)
                for i in run:
                    outputs[i] = {"article_id": article_id, "claims": [],
                                  "error": f"could not extract claims: {err}"}
                continue
        per_row = cache[key]
        for offset, i in enumerate(run):
            claims, dropped = per_row[offset]
            outputs[i] = {"article_id": rows[i].get("article_id", rows[i].get("id")),
                          "claims": claims}
            if explain:
                outputs[i]["dropped"] = dropped
    if split_runs:
        _split_runs(rows, outputs)
    return outputs


def _article_runs(rows: Sequence[dict | RejectedLine]) -> list[list[int]]:
    """Group row indices: consecutive sentence rows of one article together, others alone."""
    runs: list[list[int]] = []
    for i, row in enumerate(rows):
        article = row.get("article_id") if isinstance(row, dict) else None
        groupable = isinstance(row, dict) and "sentence" in row and _hashable(article)
        if groupable and runs:
            prev = rows[runs[-1][-1]]
            if (isinstance(prev, dict) and "sentence" in prev
                    and prev.get("article_id") == article):
                runs[-1].append(i)
                continue
        runs.append([i])
    return runs


def _extract_run(run: list[dict], before: list[str], resolve: bool,
                 parser: str | None = None,
                 explain: bool = False) -> list[tuple[list[dict], list[dict]]]:
    """Extract one article's lines in one call; return each line's claims as dicts.

    The distinct sentences are joined with blank lines (a sentence boundary for the
    splitter); each claim goes to the sentence it lies in, its offsets made relative to
    that sentence. ``before`` (the article's sentences read earlier) is extended. Each
    line gets its claims and (with ``explain``) the statements dropped in its sentence.
    """
    from claims.extract import extract_claims
    from claims.serialize import claim_to_dict

    first = run[0]
    texts = [row.get("sentence") if isinstance(row.get("sentence"), str) else row.get("text")
             for row in run]
    distinct = list(dict.fromkeys(texts))
    starts: list[int] = []
    pos = 0
    for sentence in distinct:
        starts.append(pos)
        pos += len(sentence) + 2
    dropped: list[dict] = []
    claims = extract_claims(
        "\n\n".join(distinct), published=_first(run, "published"),
        source=_first(run, "source"), url=_first(run, "url"),
        article_id=first.get("article_id"), title=_first(run, "title"),
        conflict=_first(run, "conflict_hint"), resolve=resolve,
        preceding_text=" ".join(before[-8:]) if "sentence" in first and before else None,
        parser=parser, dropped=dropped)
    by_sentence: list[list[dict]] = [[] for _ in distinct]
    for claim in claims:
        index = max(i for i, s in enumerate(starts) if s <= claim.provenance.start)
        item = claim_to_dict(claim, explain=explain)
        item["start"] -= starts[index]
        item["end"] -= starts[index]
        by_sentence[index].append(item)
    dropped_by_sentence: list[list[dict]] = [[] for _ in distinct]
    for item in dropped:
        index = max(i for i, s in enumerate(starts) if s <= item.pop("at", 0))
        dropped_by_sentence[index].append(item)
    if first.get("article_id") is not None and "sentence" in first:
        before.extend(distinct)
    return [(by_sentence[distinct.index(text)], dropped_by_sentence[distinct.index(text)])
            for text in texts]


def _first(run: list[dict], key: str) -> Any:
    """Return the first value a run's rows give for ``key`` (None when none does)."""
    return next((row[key] for row in run if row.get(key) is not None), None)


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
