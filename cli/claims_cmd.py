"""``conflictmap extract-claims FILE.jsonl``: claims for every line of an evaluation-format file."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cli.errors import friendly_errors
from core.errors import InputRejected

__all__ = ["register", "run_file"]


def _read_rows(path: Path) -> list[dict]:
    rows: list[dict] = []
    try:
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    raise InputRejected(f"{path}:{number}: not valid JSON ({err.msg})") from err
                if not isinstance(row, dict):
                    raise InputRejected(f"{path}:{number}: each line must be a JSON object")
                if not isinstance(row.get("sentence", row.get("text")), str):
                    raise InputRejected(f"{path}:{number}: needs a 'sentence' or 'text' string")
                rows.append(row)
    except OSError as err:
        raise InputRejected(f"cannot read {path}: {err}") from err
    return rows


def _split_runs(rows: list[dict], outputs: list[dict]) -> None:
    """Spread the claims of a sentence repeated on consecutive lines over those lines.

    Evaluation files give one line per claim, repeating the sentence; each line is scored
    on its own. The i-th line of a run gets the i-th share of the claims (per kind, in text
    order), so a sentence naming four towns yields one claim per line, not four on each.
    """
    start = 0
    while start < len(rows):
        key = _row_key(rows[start])
        end = start + 1
        while end < len(rows) and _row_key(rows[end]) == key:
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


def run_file(rows: list[dict], *, resolve: bool = True, split_runs: bool = True) -> list[dict]:
    """Extract claims for each row; identical inputs are extracted once.

    ``split_runs`` spreads the claims of a sentence repeated on consecutive lines over
    those lines (see :func:`_split_runs`).
    """
    from claims.extract import extract_claims
    from claims.serialize import claim_to_dict

    cache: dict[tuple, list[dict]] = {}
    outputs: list[dict] = []
    earlier: dict[object, list[str]] = {}  # article id -> its sentences read so far
    for row in rows:
        text = row.get("sentence") if isinstance(row.get("sentence"), str) else row.get("text")
        key = _row_key(row)
        if key not in cache:
            article = row.get("article_id")
            before = earlier.setdefault(article, []) if article is not None else []
            claims = extract_claims(
                text, published=row.get("published"), source=row.get("source"),
                url=row.get("url"), article_id=article, title=row.get("title"),
                conflict=row.get("conflict_hint"), resolve=resolve,
                preceding_text=" ".join(before[-4:]) if "sentence" in row else None)
            cache[key] = [claim_to_dict(c) for c in claims]
            if article is not None and "sentence" in row:
                before.append(text)
        outputs.append({"article_id": row.get("article_id", row.get("id")), "claims": cache[key]})
    if split_runs:
        _split_runs(rows, outputs)
    return outputs


@click.command("extract-claims")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--score", is_flag=True, help="Print metrics against the gold fields to stderr.")
@click.option("--no-resolve", is_flag=True, help="Skip the gazetteer (no coordinates).")
@click.option("--keep-repeats", is_flag=True,
              help="Print all claims of a sentence on every line that repeats it.")
@friendly_errors
def extract_claims_cmd(file: Path, score: bool, no_resolve: bool, keep_repeats: bool) -> None:
    """Extract distance and control claims from each line of FILE.jsonl.

    Each line gives "sentence" (or "text") and optionally "published", "source", "url",
    "article_id"; one JSON object per input line is written to stdout.
    """
    rows = _read_rows(file)
    outputs = run_file(rows, resolve=not no_resolve, split_runs=not keep_repeats)
    for out in outputs:
        # backslashreplace turns a lone surrogate from the input into its JSON escape.
        line = json.dumps(out, ensure_ascii=False).encode("utf-8", "backslashreplace")
        sys.stdout.write(line.decode("utf-8") + "\n")
    if score:
        from claims.score import score_claims

        metrics = score_claims(rows, outputs, resolve_hints=not no_resolve).as_dict()
        for name, value in metrics.items():
            click.echo(f"{name}: {value:.3f}", err=True)


def register(group: click.Group) -> None:
    """Add ``extract-claims`` to the root command group."""
    group.add_command(extract_claims_cmd)
