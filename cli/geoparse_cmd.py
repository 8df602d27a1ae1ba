"""``conflictmap geoparse``: run the geoparser over a JSON-lines file (the evaluation format).

Input lines are ``{"id", "text", "title"?, "toponyms"?: [{"start", "end", "name", ...}]}``
(see ``../shared/eval/README.md``). One JSON object is written per input line:

- end to end: ``{"id", "toponyms": [{"start", "end", "name", "lat", "lon", "geonameid",
  "feature_code"}]}``;
- ``--gold-spans``: exactly one output toponym per input toponym, in order, resolving only
  the given spans (``lat``/``lon`` null where unresolved).

A toponym a rule left unresolved on purpose also gets ``unresolved``: the reason ("no place
of this name near the story's area; nearest namesake X (CC) is N km from Y").

Gold coordinates in the input are ignored, except by ``--score``, which prints the
standard metrics against them to standard error once the output is written.

``--explain`` adds to each output toponym its ``trace``: the names of the rules that kept,
ranked, moved or re-ranked it, in order (``Mention.trace``); end to end, each output line
also gets ``dropped``: the gazetteer matches recognition dropped and the rule that did.
"""

from __future__ import annotations

import json
import logging
import reprlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from cli.errors import friendly_errors
from cli.jsonl_lines import InputLine, LineReport, dump_line, not_text, read_lines
from core.errors import ConflictMapError, InputRejected
from gazetteer.evaluation import gold_problem, score_predictions

__all__ = [
    "gold_problem",
    "iter_documents",
    "predict_document",
    "predict_line",
    "register",
    "score_predictions",
]

log = logging.getLogger("conflictmap.cli.geoparse")


def iter_documents(handle: TextIO, source: str = "<input>") -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON-lines stream, rejecting malformed lines clearly.

    Strict: the first bad line raises :class:`InputRejected`. The ``geoparse`` command
    instead reads with :func:`cli.jsonl_lines.read_lines` and keeps going past bad lines.
    """
    for number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputRejected(f"{source}:{number}: not valid JSON ({err.msg})") from err
        if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
            raise InputRejected(f"{source}:{number}: expected an object with a string 'text'")
        yield doc


def _toponym_out(
    start: int, end: int, name: str, mention: Any, explain: bool = False
) -> dict[str, Any]:
    place = mention.place if mention is not None else None
    out = {
        "start": start,
        "end": end,
        "name": name,
        "lat": place.lat if place is not None else None,
        "lon": place.lon if place is not None else None,
        "geonameid": place.geonameid if place is not None else None,
        "feature_code": place.feature_code if place is not None else None,
    }
    if mention is not None and getattr(mention, "unresolved", ""):
        out["unresolved"] = mention.unresolved  # why no reading was chosen, on purpose
    if explain:
        out["trace"] = list(mention.trace) if mention is not None else []
    return out


def _span_of(toponym: Any, text: str) -> tuple[int, int] | str:
    """Return the ``(start, end)`` of one input toponym, or the problem with it."""
    if not isinstance(toponym, dict):
        return f"expected an object, got {type(toponym).__name__}"
    try:
        start, end = int(toponym["start"]), int(toponym["end"])
    except KeyError as err:
        return f"no {err.args[0]!r}"
    except (TypeError, ValueError, OverflowError):
        given = f"{reprlib.repr(toponym.get('start'))}, {reprlib.repr(toponym.get('end'))}"
        return f"start/end not integers ({given})"
    if not 0 <= start <= end <= len(text):
        return f"span {start}-{end} outside the text (length {len(text)})"
    return start, end


def _unresolved_out(toponym: Any, explain: bool = False) -> dict[str, Any]:
    """Return the output toponym for an unusable input span: null but the echoed fields."""
    given = toponym if isinstance(toponym, dict) else {}

    def _int_or_none(value: Any) -> int | None:
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    name = given.get("name")
    out = {
        "start": _int_or_none(given.get("start")),
        "end": _int_or_none(given.get("end")),
        "name": name if isinstance(name, str) else None,
        "lat": None,
        "lon": None,
        "geonameid": None,
        "feature_code": None,
    }
    if explain:
        out["trace"] = []
    return out


def predict_line(
    doc: dict[str, Any], *, gold_spans: bool, parser: Any, explain: bool = False
) -> tuple[dict[str, Any], str | None]:
    """Return the output object for one input document and the problem with it, if any.

    The document must have a string ``text``. With ``gold_spans``, a toponym whose span is
    unusable (not an object, no integer start/end, outside the text) still gets its output
    toponym, with null coordinates, so output toponyms stay aligned with input ones; the
    other spans are resolved as usual and the problem names the bad ones. ``explain``
    adds each toponym's ``trace`` (and, end to end, the ``dropped`` matches).
    """
    text: str = doc["text"]
    title = doc.get("title") or None
    url = doc.get("url") or None
    if not gold_spans:
        if not explain:
            mentions = parser.geoparse(text, title=title, url=url)
            toponyms = [_toponym_out(m.start, m.end, m.text, m) for m in mentions]
            return {"id": doc.get("id"), "toponyms": toponyms}, None
        mentions, dropped = parser.geoparse_explained(text, title=title, url=url)
        toponyms = [_toponym_out(m.start, m.end, m.text, m, True) for m in mentions]
        dropped_out = [
            {"start": d.start, "end": d.end, "name": d.text, "rule": d.rule} for d in dropped
        ]
        return {"id": doc.get("id"), "toponyms": toponyms, "dropped": dropped_out}, None
    given = doc.get("toponyms")
    if given is None:
        given = []
    if not isinstance(given, list):
        return {"id": doc.get("id"), "toponyms": []}, "'toponyms' must be a list"
    checked = [_span_of(toponym, text) for toponym in given]
    spans = [span for span in checked if isinstance(span, tuple)]
    mentions = iter(parser.resolve_spans(text, spans, title=title, url=url))
    toponyms: list[dict[str, Any]] = []
    problems: list[str] = []
    for number, (toponym, span) in enumerate(zip(given, checked, strict=True), start=1):
        if isinstance(span, str):
            toponyms.append(_unresolved_out(toponym, explain))
            problems.append(f"toponym {number}: {span}")
        else:
            start, end = span
            toponyms.append(
                _toponym_out(start, end, text[start:end], next(mentions), explain)
            )
    problem = None
    if problems:
        shown = "; ".join(problems[:3])
        more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
        problem = f"bad toponym span: {shown}{more}"
    return {"id": doc.get("id"), "toponyms": toponyms}, problem


def predict_document(doc: dict[str, Any], *, gold_spans: bool, parser: Any) -> dict[str, Any]:
    """Return the output object for one input document; raise on a bad toponym span."""
    result, problem = predict_line(doc, gold_spans=gold_spans, parser=parser)
    if problem:
        raise InputRejected(f"document {doc.get('id')!r}: {problem}")
    return result


def _line_output(
    line: InputLine, *, gold_spans: bool, parser: Any, explain: bool = False
) -> tuple[dict, str | None]:
    """Return the output object for one input line and its problem (None when fine)."""
    if line.problem or line.doc is None:
        return {"id": line.get("id"), "toponyms": []}, line.problem
    if not isinstance(line.doc.get("text"), str):
        return {"id": line.get("id"), "toponyms": []}, "expected a string 'text'"
    problem = not_text(line.doc, ("title", "url"))
    if problem:
        return {"id": line.get("id"), "toponyms": []}, problem
    try:
        return predict_line(line.doc, gold_spans=gold_spans, parser=parser, explain=explain)
    except ConflictMapError as err:
        return {"id": line.get("id"), "toponyms": []}, f"could not geoparse: {err}"


@click.command("geoparse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--gold-spans", is_flag=True, help="Resolve exactly the toponym spans given in the file."
)
@click.option("--score", is_flag=True, help="Print metrics against the gold toponyms to stderr.")
@click.option(
    "--explain",
    is_flag=True,
    help="Add each toponym's trace (the rules that kept, ranked and moved it) and, end to "
    "end, the matches recognition dropped with their rule.",
)
@friendly_errors
def geoparse_command(file: Path, gold_spans: bool, score: bool, explain: bool) -> None:
    """Geoparse FILE.jsonl, writing one JSON line per input line to standard output.

    A bad line (not JSON, not an object, no string "text", a bad toponym span with
    --gold-spans) gets an output line with an "error" and empty or null results, and a
    warning on stderr; the command fails only when no line could be read.
    """
    from gazetteer.geoparse import get_geoparser

    parser = get_geoparser()
    report = LineReport(str(file))
    docs: list[dict[str, Any]] = []
    outputs: list[dict[str, Any]] = []
    skipped = 0
    out = click.get_text_stream("stdout")
    for line in read_lines(file):
        result, problem = _line_output(
            line, gold_spans=gold_spans, parser=parser, explain=explain
        )
        if problem:
            result["error"] = f"line {line.number}: {problem}"
        report.add(line, problem)
        out.write(dump_line(result))
        if not score:
            continue
        if problem or line.doc is None or gold_problem(line.doc):
            skipped += 1
        else:
            docs.append(line.doc)
            outputs.append(result)
    out.flush()
    report.finish()
    if score:
        if skipped:
            sys.stderr.write(
                f"conflictmap: scored {len(docs)} of {report.total} lines; "
                f"{skipped} skipped (rejected, or gold toponyms unusable)\n"
            )
        metrics = score_predictions(docs, outputs, gold_spans=gold_spans)
        sys.stderr.write(json.dumps(metrics, indent=2) + "\n")


def register(group: click.Group) -> None:
    """Add the ``geoparse`` command to the CLI group."""
    group.add_command(geoparse_command)
