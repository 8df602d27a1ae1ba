"""Evaluation-format lines read as articles: consecutive lines of one article are one text.

The evaluation files give one line per gold claim (sentences repeat) and the lines of one
article in order. :func:`run_file` reads each run of consecutive lines with the same
``article_id`` as one article (so "the city" in a later line means what an earlier line
named), gives each line the claims of its own sentence, and shares the claims of a
repeated sentence over its lines. ``conflictmap extract-claims``, the benchmarks and the
probe tables all read lines through it.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from core.errors import ConflictMapError

__all__ = ["RejectedLine", "run_file"]

log = logging.getLogger("conflictmap.claims.lines")


@dataclass(frozen=True)
class RejectedLine:
    """A placeholder in :func:`run_file`'s rows for an input line that could not be read.

    It yields ``{"article_id", "claims": [], "error": problem}`` at its position and
    breaks a run of repeated sentences (see :func:`_split_runs`).
    """

    problem: str
    article_id: Any = None


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
