"""Recognition step ``place-frame``: names the gazetteer lacks, in frames that say "a place".

The matcher (:mod:`gazetteer.recognize`) finds only names the gazetteer knows, and the
places news about wars names most are the ones GeoNames' cities file lacks: villages,
camps, districts of a city. The text itself often says what they are:

- ``the village of Kroshino Dolne``, ``the Abu Salim district of Tripoli`` (a kind of
  place, "of", the name; or "the", the name, a kind of place);
- ``Umm Kadada Gharb, a village west of El Fasher`` (an apposition naming a kind of place);
- ``Tarbeesh Wad Ali village``, ``Kyeshero camp`` (the name, then a kind of place).

A capitalised run of one to four words in such a frame, overlapping no name recognition
kept, becomes a span with no gazetteer entry. The mention passes then place it where the
text puts it (``contained-reading``, ``anchored-reading``, the focus town) or leave it
unresolved with the reason, instead of the name being lost. Words that only look like
names are left out: a run that starts with a common word, a title or a month, and
organisations ("the Department of State") whose "kind of place" is no place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from gazetteer.recognize import Span
from gazetteer.wordlists import COMMON_WORDS, PERSON_TITLES

__all__ = ["PLACE_FRAME", "PLACE_KIND_WORDS", "framed_unknown_names"]

#: Step name (trace, switch).
PLACE_FRAME = "place-frame"

#: Kinds of place a frame may name (lower case; several words allowed). A kind written
#: with a capital ("School District", "Village College") is part of an institution's name.
PLACE_KIND_WORDS: tuple[str, ...] = (
    "village", "town", "hamlet", "settlement", "district", "sub-district",
    "neighbourhood", "neighborhood", "suburb", "camp", "refugee camp", "displacement camp",
    "locality", "township", "commune", "oasis", "health zone",
)
_KIND = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in PLACE_KIND_WORDS),
                        key=len, reverse=True))
# One capitalised word of a place's name: "Kroshino", "al-Shifa", "Wad", "Gharb".
_WORD = r"(?:(?:al|el|as|ash|ad|ar|an|at|az)[-‑'’])?[A-Z][\w'’\-]*"
_NAME = rf"{_WORD}(?:\s+(?:(?:de|del|al|el|bin|ibn|wa)\s+)?{_WORD}){{0,3}}"
# Words between an article and the kind: "the frontline town of", "a small farming village".
_ADJECTIVES = (
    r"(?:(?:small|tiny|remote|nearby|neighbouring|neighboring|strategic|front-?line|key|"
    r"farming|fishing|mining|border|desert|mountain|mountainous|coastal|rural|southern|"
    r"northern|eastern|western|central|largest|main|besieged|contested|abandoned|"
    r"predominantly|mostly|[A-Z][a-z]+(?:-[a-z]+)?)\s+)*"
)
_FRAMES = (
    # the village of NAME; the frontline town of NAME; the Georgian village of NAME
    re.compile(rf"\b(?i:the)\s+{_ADJECTIVES}(?:{_KIND})\s+of\s+(?P<name>{_NAME})"),
    # NAME, a village ...; NAME, a small farming town ...
    re.compile(rf"(?P<name>{_NAME}),\s+(?i:an?)\s+{_ADJECTIVES}(?:{_KIND})\b"),
    # the NAME district; NAME village; NAME camp (not "a Kurdish village", not "X town of")
    re.compile(rf"(?<!\ba )(?<!\ban )(?<!\bA )(?<!\bAn )(?P<name>{_NAME})\s+(?:{_KIND})\b"
               r"(?![-\w])(?P<of>\s+of\b)?"),
)
#: A one-word name before "village of" that is an adjective ("the Georgian village of").
_DEMONYM_RE = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|ic|i)$")
#: Last words that make a run an adjective ("an Ossetian-controlled village").
_ADJECTIVE_ENDINGS = ("-controlled", "-held", "-run", "-occupied", "-dominated",
                      "-majority", "-populated", "-speaking", "-based", "-led")
_MONTHS_DAYS = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
#: First words that make a run no place's name ("Olympic Village", "Global Village").
_NOT_FIRST = COMMON_WORDS | PERSON_TITLES | _MONTHS_DAYS | frozenset(
    "olympic global european american african asian arab islamic christian jewish muslim "
    "refugee refugees un united national international state federal".split()
)


def _plausible_first(word: str) -> bool:
    first = word.lower().strip("'’")
    return first not in _NOT_FIRST and not (word.isupper() and len(word) > 5)


def _trimmed(text: str, start: int, end: int, taken: Sequence[tuple[int, int]]
             ) -> tuple[int, int] | None:
    """Drop leading words that are no part of the name; return the name's offsets or None.

    "Then Kyeshero camp": a sentence's first word; "Goma's Kyeshero camp": a recognized
    owner. The name left must hold a word that is not a common word.
    """
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    while words:
        a, b = words[0]
        word = text[a:b]
        if (_plausible_first(word) and not word.endswith(("'s", "’s"))
                and not any(x < b and a < y for x, y in taken)):
            break
        words.pop(0)
    if not words or all(text[a:b].lower() in COMMON_WORDS for a, b in words):
        return None
    name = text[words[0][0] : words[-1][1]]
    if name.lower().endswith(_ADJECTIVE_ENDINGS) or sum(ch.islower() for ch in name) < 2:
        return None  # "Ossetian-controlled", "K-8"
    return words[0][0], words[-1][1]


# Every frame holds a kind word in lower case: frames are searched only around one.
_KIND_RE = re.compile(rf"\b(?:{_KIND})\b")
#: How far before and after a kind word a frame may reach (characters).
_BEFORE, _AFTER = 120, 90


def _windows(text: str) -> list[tuple[int, int]]:
    """Return the merged stretches of ``text`` around its kind words."""
    windows: list[tuple[int, int]] = []
    for match in _KIND_RE.finditer(text):
        lo, hi = max(0, match.start() - _BEFORE), min(len(text), match.end() + _AFTER)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
        else:
            windows.append((lo, hi))
    return windows


def _matches(
    frame: re.Pattern[str], text: str, windows: Sequence[tuple[int, int]]
) -> Iterator[re.Match[str]]:
    """Yield the frame's matches inside the windows (lookbehinds still see before them)."""
    for lo, hi in windows:
        yield from frame.finditer(text, lo, hi)


def framed_unknown_names(text: str, spans: Sequence[Span]) -> list[Span]:
    """Add the names the text frames as places and recognition did not keep.

    ``spans`` are the recognized spans (kept); each framed name overlapping none of them is
    added with no gazetteer entry and the trace ``place-frame``. Returns the spans sorted.
    """
    windows = _windows(text)
    if not windows:
        return list(spans)
    taken = [(s.start, s.end) for s in spans]
    found: dict[tuple[int, int], Span] = {}
    for frame in _FRAMES:
        for match in _matches(frame, text, windows):
            start, end = match.span("name")
            if start > 0 and text[start - 1] not in " \n\t(\"“":
                continue
            before = text[max(0, start - 40) : start].split()
            if before and before[-1][:1].isupper() and not before[-1].endswith(("'s", "’s")) \
                    and not before[-1].endswith((".", ",", ";", ":")):
                continue  # "a Silverado Ranch neighborhood": the match began mid-name
            if "of" in frame.groupindex and match.group("of") and _DEMONYM_RE.match(
                    match.group("name")):
                continue
            bounds = _trimmed(text, start, end, taken)
            if bounds is None:
                continue
            start, end = bounds
            if any(a < end and start < b for a, b in taken):
                continue
            if any(a < end and start < b for a, b in found):
                continue
            found[(start, end)] = Span(start, end, text[start:end], (), (PLACE_FRAME,))
    if not found:
        return list(spans)
    return sorted([*spans, *found.values()], key=lambda s: (s.start, s.end))
