"""Proper-name spans in a sentence: the place names a claim can point at.

Without a tagger, a place name in news prose is a run of capitalized words with the
particles Arabic, French or Slavic names carry ("Qasr bin Ghashir", "al-Asabiaah",
"Maarat al-Numan"), optionally followed by a facility noun ("Al-Watiya airbase",
"Jufra air base", "Bridge 27"). :func:`name_spans` finds such runs; callers filter them
(actors, people, months) and resolve them through the gazetteer.

>>> [n.text for n in name_spans("GNA forces entered the town of al-Asabiaah and Qasr bin Ghashir.")]
['GNA', 'al-Asabiaah', 'Qasr bin Ghashir']
>>> [n.text for n in name_spans("They took Al-Watiya airbase near the Tunisian border")]
['They', 'Al-Watiya airbase', 'Tunisian']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["FACILITY_NOUNS", "NON_PLACE_WORDS", "NameSpan", "name_spans"]

#: Lower-case nouns that belong to a facility name when they follow one.
FACILITY_NOUNS = (
    "air base", "airbase", "airport", "air college", "base", "military base", "checkpoint",
    "bridge", "crossing", "border crossing", "roundabout", "street", "road", "highway",
    "junction", "port", "oil terminal", "terminal", "oilfield", "oil field", "power plant",
    "camp", "barracks", "hill", "dam", "observation post",
)
_FACILITY = "|".join(sorted((re.escape(f).replace(r"\ ", r"\s+") for f in FACILITY_NOUNS),
                            key=len, reverse=True))

_PARTICLE = (r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et|ez|bin|ben|ibn|bani|beni|abu|de|du|"
             r"des|da|do|dos|das|del|della|di|la|le|van|von|der|of|sur|bir|umm|um|wadi|tal|tell|ras|ain|"
             r"jabal|jebel)")
_CAP = (r"(?:[A-Z][\w’'.]*|[A-Z]\w*(?:-\w+)+|"
        r"(?:al|el|ad|ar|as|ash|at|az|an|ed|er|es|et)-[A-Za-z][\w’']*)")
_TIME_WORD = (r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
              r"March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
              r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b")
_WORD = rf"(?:(?!{_TIME_WORD}){_CAP}(?:-[\w’']+)*|\d+(?:st|nd|rd|th)?)"
_NAME_RE = re.compile(
    rf"(?<![\w-])(?:{_CAP}(?:-[\w’']+)*)"
    rf"(?:(?:\s+(?:{_PARTICLE}[\s-]+)?|\s*-\s*){_WORD})*"
    rf"(?:\s+(?:{_FACILITY})\b)?"
)

#: Capitalized words that never name a place on their own.
NON_PLACE_WORDS = frozenset({
    "the", "a", "an", "this", "that", "these", "those", "they", "he", "she", "it", "we", "i",
    "his", "her", "its", "their", "our", "on", "in", "at", "after", "before", "while", "but",
    "and", "or", "as", "since", "until", "however", "meanwhile", "earlier", "later", "also",
    "according", "local", "some", "many", "most", "both", "there", "here", "when", "where",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "reuters", "afp", "ap", "sputnik", "anadolu", "xinhua", "tass", "bbc",
    "cnn", "al jazeera", "telegram", "facebook", "twitter", "youtube", "map", "photo", "video",
    "general", "gen", "gen.", "colonel", "col", "major", "brigadier", "field marshal", "marshal",
    "president", "prime minister", "minister", "spokesman", "commander", "mr", "mr.", "dr",
    "un", "u.n.", "eu", "nato", "mayor", "army", "forces", "observatory", "agency", "news",
    "by", "for", "with", "from", "to", "of", "if", "then", "so", "yet", "now", "today",
    "yesterday", "during", "despite", "although", "though", "because", "among", "amid", "last",
    "next", "all", "any", "each", "every", "other", "another", "such", "what", "which", "who",
    "whom", "whose", "why", "how", "dozens", "hundreds", "thousands", "several", "few", "one",
    "two", "three", "no", "not", "only", "even", "still", "just", "once", "over", "under",
    "within", "without", "near", "around", "about", "against", "following", "further",
    "al qaeda", "al-qaeda", "isis", "un security council", "human rights",
    "observatory for human rights", "read", "more", "follow", "image", "file", "source",
    "sources", "report", "update",
})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A capitalized name in text with its span."""

    start: int
    end: int
    text: str


def name_spans(text: str) -> list[NameSpan]:
    """Return the runs of capitalized words (with name particles) in ``text``.

    Cached per text: the claims pipeline reads each sentence's names several times.
    """
    return list(_name_spans(text))


@lru_cache(maxsize=256)
def _name_spans(text: str) -> tuple[NameSpan, ...]:
    out: list[NameSpan] = []
    for match in _NAME_RE.finditer(text):
        start, end = match.start(), match.end()
        token = match.group(0)
        # a sentence-initial determiner or pronoun is not part of the name
        first = re.match(r"([\w’']+)\s+", token)
        while first and first.group(1).lower() in NON_PLACE_WORDS:
            start += first.end()
            token = text[start:end]
            first = re.match(r"([\w’']+)\s+", token)
        token = token.rstrip(".’'")
        end = start + len(token)
        if token.endswith(("’s", "'s")):
            token, end = token[:-2], end - 2
        if token:
            out.append(NameSpan(start, end, token))
    return tuple(out)
