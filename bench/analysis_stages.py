"""CPU shares of the analysis stages, from stack samples: ``bench.analysis --stages``.

A profiler that traces every call (cProfile) inflates small Python functions several
times over, so its shares mislead. This samples instead: a CPU-time timer
(``ITIMER_PROF``) interrupts the analysis every :data:`SAMPLE_SECONDS`, and each sample is
charged to the innermost function on the stack that opens a stage (:data:`STAGES`), or to
"other". A geoparse of a sentence run to resolve a claim's place is therefore split into
its recognition and its ranking, as the work it is.
"""

from __future__ import annotations

import importlib
import signal
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import CodeType, FrameType

#: CPU seconds between two samples.
SAMPLE_SECONDS = 0.001

#: Stage name -> the functions (``module:qualname``) whose calls belong to it.
STAGES: dict[str, tuple[str, ...]] = {
    "geoparse recognise": (
        "gazetteer.recognize:Recognizer.find_explained",
        "gazetteer.recognize:Recognizer.find",
        "gazetteer.arabic_recognize:find_arabic_places",
    ),
    "geoparse resolve": (
        "gazetteer.geoparse:Geoparser._resolve",
        "gazetteer.geoparse:Geoparser.resolve_name",
        "gazetteer.name_rules:resolve_with_options",
        "claims.resolve:PlaceResolver.resolve",
    ),
    "claims control": (
        "claims.control:find_control_statements",
        "claims.control_places:place_mentions",
        "claims.actors:ActorBook.find",
        "claims.actors:ActorBook.detect_conflict",
        "claims.extract:_remember",
        "claims.arabic.extract:extract_arabic_claims",
        "claims.arabic.control:find_arabic_control",
        "claims.arabic.actors:find_arabic_actors",
    ),
    "distance": (
        "claims.distance:find_distance_statements",
        "claims.extract:_distance_claim",
        "claims.arabic.distance:find_arabic_distances",
    ),
    "dates": (
        "claims.dates:find_dates",
        "claims.dates:resolve_event_date",
        "claims.dates:parse_published",
        "claims.arabic.dates:arabic_event_date",
    ),
    "verdicts": (
        "geo.verdict:check_distance",
        "claims.analyze:held_place_for",
    ),
    "sentence split": ("claims.sentences:split_sentences",
                       "claims.arabic.text:split_arabic_sentences"),
}


def _code_of(spec: str) -> CodeType | None:
    """Return the code object of ``module:qualname``, or None when it no longer exists."""
    module_name, qualname = spec.split(":")
    target: object = importlib.import_module(module_name)
    for part in qualname.split("."):
        target = getattr(target, part, None)
        if target is None:
            return None
    target = getattr(target, "__wrapped__", target)
    return getattr(target, "__code__", None)


def stage_codes() -> dict[CodeType, str]:
    """Return code object -> stage for every function of :data:`STAGES` that exists."""
    out: dict[CodeType, str] = {}
    for stage, specs in STAGES.items():
        for spec in specs:
            code = _code_of(spec)
            if code is not None:
                out[code] = stage
    return out


@contextmanager
def sampled_stages() -> Iterator[Counter[str]]:
    """Count, per stage, the CPU-time samples taken while the ``with`` body runs."""
    codes = stage_codes()
    counts: Counter[str] = Counter()

    def on_sample(_signum: int, frame: FrameType | None) -> None:
        while frame is not None:
            stage = codes.get(frame.f_code)
            if stage is not None:
                counts[stage] += 1
                return
            frame = frame.f_back
        counts["other"] += 1

    previous = signal.signal(signal.SIGPROF, on_sample)
    signal.setitimer(signal.ITIMER_PROF, SAMPLE_SECONDS, SAMPLE_SECONDS)
    try:
        yield counts
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)


def stage_shares(run: Callable[[], object]) -> str:
    """Run ``run()`` under the sampler; return its stage shares as one line."""
    with sampled_stages() as counts:
        run()
    total = sum(counts.values()) or 1
    order = [*STAGES, "other"]
    return ", ".join(f"{stage} {counts[stage] / total:.0%}" for stage in order) + \
        f" ({total} samples)"
