"""Split article text into sentences with character offsets.

A small rule-based splitter that knows news abbreviations ("Gen.", "Jan.", "U.N.",
"Kh.") so that provenance spans point at whole sentences.

>>> [text for _, _, text in split_sentences("Gen. Haftar said so. Sirte fell on Jan. 6.")]
['Gen. Haftar said so.', 'Sirte fell on Jan. 6.']
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_ABBREVIATIONS = {
    "gen", "lt", "col", "maj", "brig", "capt", "sgt", "mr", "mrs", "ms", "dr", "prof", "st",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "no", "vs", "u.s", "u.n", "u.k", "e.g", "i.e", "approx", "est", "km", "mt", "ft", "fig",
    "sen", "rep", "gov", "adm", "cmdr", "inc", "ltd", "co", "jr", "sr",
}

_BOUNDARY = re.compile(r"(?<![.!?])([.!?]++[\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9#@])"
                       r"|\n\s*\n|\n(?=\S)")


def split_sentences(text: str) -> list[tuple[int, int, str]]:
    """Return ``(start, end, sentence)`` triples covering the non-blank parts of ``text``.

    Offsets index ``text`` itself, so ``text[start:end] == sentence``.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(1):
            end = match.start(1) + len(match.group(1))
            word = re.search(r"([\w.]+)$", text[max(start, match.start(1) - 24):match.start(1)])
            token = word.group(1).lower() if word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
        else:
            end = match.start()
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    out: list[tuple[int, int, str]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e, text[s:e]))
    return out
