"""``conflictmap geoparse``: run the geoparser over a JSON-lines file (the evaluation format).

Input lines are ``{"id", "text", "title"?, "toponyms"?: [{"start", "end", "name", ...}]}``
(see ``../shared/eval/README.md``). One JSON object is written per input line:

- end to end: ``{"id", "toponyms": [{"start", "end", "name", "lat", "lon", "geonameid",
  "feature_code"}]}``;
- ``--gold-spans``: exactly one output toponym per input toponym, in order, resolving only
  the given spans (``lat``/``lon`` null where unresolved).

Gold coordinates in the input are ignored, except by ``--score``, which prints the
standard metrics against them to standard error once the output is written.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from cli.errors import friendly_errors
from core.errors import InputRejected

__all__ = ["iter_documents", "predict_document", "register", "score_predictions"]

log = logging.getLogger("conflictmap.cli.geoparse")


def iter_documents(handle: TextIO, source: str = "<input>") -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSON-lines stream, rejecting malformed lines clearly."""
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


def _toponym_out(start: int, end: int, name: str, mention: Any) -> dict[str, Any]:
    place = mention.place if mention is not None else None
    return {
        "start": start,
        "end": end,
        "name": name,
        "lat": place.lat if place is not None else None,
        "lon": place.lon if place is not None else None,
        "geonameid": place.geonameid if place is not None else None,
        "feature_code": place.feature_code if place is not None else None,
    }


def predict_document(doc: dict[str, Any], *, gold_spans: bool, parser: Any) -> dict[str, Any]:
    """Return the output object for one input document."""
    text: str = doc["text"]
    title = doc.get("title") or None
    url = doc.get("url") or None
    if gold_spans:
        spans: list[tuple[int, int]] = []
        for toponym in doc.get("toponyms") or []:
            try:
                start, end = int(toponym["start"]), int(toponym["end"])
            except (KeyError, TypeError, ValueError) as err:
                raise InputRejected(f"document {doc.get('id')!r}: bad toponym {toponym!r}") from err
            if not 0 <= start <= end <= len(text):
                raise InputRejected(
                    f"document {doc.get('id')!r}: span {start}-{end} outside the text"
                )
            spans.append((start, end))
        mentions = parser.resolve_spans(text, spans, title=title, url=url)
        toponyms = [
            _toponym_out(s, e, text[s:e], m) for (s, e), m in zip(spans, mentions, strict=True)
        ]
    else:
        mentions = parser.geoparse(text, title=title, url=url)
        toponyms = [_toponym_out(m.start, m.end, m.text, m) for m in mentions]
    return {"id": doc.get("id"), "toponyms": toponyms}


def score_predictions(
    docs: list[dict[str, Any]], outputs: list[dict[str, Any]], *, gold_spans: bool
) -> dict[str, Any]:
    """Return the standard metrics of ``outputs`` against the gold toponyms of ``docs``."""
    from gazetteer.evaluation import recognition_scores, resolution_errors, resolution_scores

    errors: list[float] = []
    gold_set: list[tuple[Any, int, int]] = []
    pred_set: list[tuple[Any, int, int]] = []
    for n, (doc, out) in enumerate(zip(docs, outputs, strict=True)):
        gold = doc.get("toponyms") or []
        doc_id = doc.get("id", n)
        gold_set += [(doc_id, int(t["start"]), int(t["end"])) for t in gold]
        pred_set += [(doc_id, int(t["start"]), int(t["end"])) for t in out["toponyms"]]
        if gold_spans:
            errors += resolution_errors(gold, out["toponyms"])
        else:
            # End to end: each gold toponym is scored by the predicted span overlapping it.
            aligned = []
            for t in gold:
                match = next(
                    (p for p in out["toponyms"] if p["start"] < t["end"] and t["start"] < p["end"]),
                    None,
                )
                aligned.append(match)
            errors += resolution_errors(gold, aligned)
    result: dict[str, Any] = {"resolution": resolution_scores(errors).as_dict()}
    if not gold_spans:
        result["recognition"] = recognition_scores(gold_set, pred_set).as_dict()
    return result


@click.command("geoparse")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--gold-spans", is_flag=True, help="Resolve exactly the toponym spans given in the file."
)
@click.option("--score", is_flag=True, help="Print metrics against the gold toponyms to stderr.")
@friendly_errors
def geoparse_command(file: Path, gold_spans: bool, score: bool) -> None:
    """Geoparse FILE.jsonl, writing one JSON line per input line to standard output."""
    from gazetteer.geoparse import get_geoparser

    parser = get_geoparser()
    docs: list[dict[str, Any]] = []
    outputs: list[dict[str, Any]] = []
    out = click.get_text_stream("stdout")
    with file.open(encoding="utf-8") as handle:
        for doc in iter_documents(handle, str(file)):
            result = predict_document(doc, gold_spans=gold_spans, parser=parser)
            # backslashreplace turns a lone surrogate from the input into its JSON escape.
            line = json.dumps(result, ensure_ascii=False).encode("utf-8", "backslashreplace")
            out.write(line.decode("utf-8") + "\n")
            if score:
                docs.append(doc)
                outputs.append(result)
    out.flush()
    if score:
        metrics = score_predictions(docs, outputs, gold_spans=gold_spans)
        sys.stderr.write(json.dumps(metrics, indent=2) + "\n")


def register(group: click.Group) -> None:
    """Add the ``geoparse`` command to the CLI group."""
    group.add_command(geoparse_command)
