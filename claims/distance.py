"""Distance statements: "some 90 km south of Tripoli", "only 100 kilometers from Misrata".

:func:`find_distance_statements` reads one sentence and returns, for every amount that is
tied to an anchor by "from/of/to/outside", the amount, the compass direction, the anchor
as written (cleaned: "the capital Tripoli" -> "Tripoli", "the town of Hun" -> "Hun") and
the subject (a place, a force or an event) as a string. Resolution to coordinates is
done by :mod:`claims.extract`.

>>> s = find_distance_statements("Gharyan, some 90 km south of Tripoli, fell.")[0]
>>> (s.amount.value_min, s.amount.qualifier, s.direction, s.anchor, s.subject)
(90.0, 'about', 'south', 'Tripoli', 'Gharyan')
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claims.countries import country_code, is_demonym
from claims.names import NON_PLACE_WORDS, name_spans
from claims.numbers import Amount, find_amounts

__all__ = ["DistanceStatement", "clean_anchor", "find_distance_statements", "parse_direction"]

_DIRECTIONS = {
    "n": "north", "s": "south", "e": "east", "w": "west", "ne": "north-east",
    "nw": "north-west", "se": "south-east", "sw": "south-west", "nne": "north-north-east",
    "ene": "east-north-east", "ese": "east-south-east", "sse": "south-south-east",
    "ssw": "south-south-west", "wsw": "west-south-west", "wnw": "west-north-west",
    "nnw": "north-north-west",
}
_DIR_WORD = (r"(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))?"
             r"(?:[\s-]?(?:east|west))?(?:ern|ward|wards)?")
_DIR_RE = re.compile(
    rf"^\s*(?:away\s+)?(?:(?:to\s+the\s+|due\s+)?(?P<word>{_DIR_WORD})\b"
    r"|(?P<abbr>NNE|ENE|ESE|SSE|SSW|WSW|WNW|NNW|NE|NW|SE|SW|N|S|E|W)\b)",
    re.IGNORECASE,
)
_PREP_RE = re.compile(r"^\s*(?:away\s+|inland\s+|radius\s+|deep\s+)?"
                      r"(?:(?:from|of|to|outside(?:\s+of)?|off|short\s+of|"
                      r"inside|into|beyond|past)\b)\s*", re.IGNORECASE)
_STOP_WORDS = frozenset({
    "which", "that", "where", "and", "on", "in", "after", "as", "with", "is", "was", "were",
    "are", "by", "for", "while", "when", "but", "said", "says", "according", "to", "at", "near",
    "into", "has", "have", "had", "since", "from", "under", "amid", "before", "during", "late",
    "early", "last", "this", "who", "whose", "located", "killing",
})
_ANCHOR_NOUNS = frozenset({
    "capital", "city", "center", "centre", "downtown", "border", "post", "airbase", "base",
    "airport", "town", "village", "frontline", "frontlines", "front", "coast", "port",
    "checkpoint", "bridge", "crossing", "headquarters", "outskirts", "heart", "edge", "air",
    "observation", "district", "province", "region", "area", "camp", "line", "boundary",
})
_ANCHOR_ADJ = frozenset({"strategic", "key", "main", "besieged", "embattled", "coastal",
                         "second", "third", "largest", "biggest", "port", "industrial",
                         "regional", "provincial", "southern", "northern", "frontline",
                         "country’s", "country's", "nation’s", "nation's", "region’s",
                         "region's", "province’s", "province's",
                         "eastern", "western", "central", "nearby",
                         "contested", "rebel-held", "libyan", "syrian"})
_SUBJECT_GLUE = re.compile(
    r"(?:,|\(|–|—|-)\s*(?:(?:which|that)\s+(?:is|was|lies)\s+|(?:is|lies)\s+)?"
    r"(?:(?:an?|the)\s+(?:[\w-]+\s+){0,2}?(?:town|city|village|district|base|airbase|area|"
    r"region|port|suburb|settlement|neighbou?rhood|stronghold)\s*,?\s*)?"
    r"(?:(?:which\s+(?:is\s+)?)?located\s+|situated\s+|lying\s+|about\s+|which\s+)?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DistanceStatement:
    """One distance statement in a sentence; offsets index the sentence."""

    amount: Amount
    start: int
    end: int
    direction: str | None
    anchor: str
    anchor_start: int
    anchor_end: int
    subject: str | None
    subject_kind: str


def parse_direction(text: str) -> str | None:
    """Normalize "southwest", "SE", "north-eastern", "to the south" to a compass name.

    >>> parse_direction("southwest"), parse_direction("SE"), parse_direction("north-eastern")
    ('south-west', 'south-east', 'north-east')
    """
    match = _DIR_RE.match(text)
    if not match:
        return None
    if match.group("abbr"):
        abbr = match.group("abbr")
        return _DIRECTIONS.get(abbr.lower()) if abbr.isupper() else None
    word = match.group("word").lower()
    word = re.sub(r"(?:ern|wards?)$", "", word)
    parts = re.findall(r"north|south|east|west", word)
    return "-".join(parts) if parts else None


def _anchor_tokens(sentence: str, pos: int) -> list[re.Match[str]]:
    """Tokens of the anchor phrase starting at ``pos``, up to the first clause break."""
    tokens: list[re.Match[str]] = []
    for tok in re.finditer(r"#?[\w’'.-]+|[,;:()\[\]–—\"“”]", sentence[pos:]):
        word = tok.group(0)
        if word in {";", ":", "(", ")", "[", "]", "–", "—", '"', "“", "”"}:
            break
        if word == ",":
            # "the capital, Tripoli" -> keep going to pick the name
            following = sentence[pos + tok.end():].lstrip()
            if tokens and tokens[-1].group(0).lower() == "capital" and following[:1].isupper():
                tokens.append(tok)
                continue
            break
        low = word.lower().rstrip(".")
        if tokens and low in _STOP_WORDS:
            break
        if (tokens and not word[:1].isupper() and not word.startswith("#")
                and low not in _ANCHOR_NOUNS and low not in _ANCHOR_ADJ
                and low not in {"the", "of", "al", "el", "bin", "ibn", "abu", "bani"}
                and not re.match(r"(?:al|el|ad|ar|as|ash|at|az|an)-", low)
                and not low.endswith(("-controlled", "-held", "-run", "-occupied", "-backed"))):
            break
        tokens.append(tok)
        if word.endswith(".") and low not in {"st", "gen", "mt"}:
            break
    while tokens and tokens[-1].group(0).lower() in {"of", "the", "al", "el", ","}:
        tokens.pop()
    return tokens


def clean_anchor(raw: str) -> str:
    """Turn the anchor as written into a name to resolve.

    >>> clean_anchor("the capital Tripoli"), clean_anchor("the town of Hun")
    ('Tripoli', 'Hun')
    >>> clean_anchor("the LNA-controlled Jufra airbase"), clean_anchor("Tripoli’s downtown")
    ('Jufra airbase', 'Tripoli')
    >>> clean_anchor("the centre of the capital"), clean_anchor("#Tripoli")
    ('the capital', 'Tripoli')
    """
    text = raw.strip().lstrip("#").rstrip(".,")
    text = re.sub(r"\b[\w]+-(?:controlled|held|run|occupied|backed)\s+", "", text)
    text = re.sub(r"^(?:north|south|east|west)(?:[\s-]?(?:east|west))?\s+of\s+", "", text,
                  flags=re.IGNORECASE)
    text = re.sub(r"^(?:the\s+)?(?:city\s+)?(?:centre|center|heart|outskirts|edge|downtown|coast|"
                  r"suburbs|entrance)\s+of\s+", "", text, flags=re.IGNORECASE)
    text = re.sub(r"[’']s\s+(?:city\s+)?(?:downtown|centre|center|outskirts|suburbs|heart)$", "",
                  text)
    named = re.match(r"^(?:the\s+)?(?:[\w’'-]+\s+){0,3}?(?:capital|town|city|village|port|"
                     r"province|district|region|governorate|area)(?:\s+city)?,?\s+(?:of\s+)?"
                     r"(?P<name>[A-Z#].*)$", text)
    if named:
        return named.group("name").lstrip("#")
    if re.match(r"^the\s+[A-Z]", text) and not re.search(r"\b(?:border|post|capital|coast|"
                                                          r"frontline)s?$", text, re.I):
        text = text[4:]
    return text


def _subject_names(text: str) -> list:
    """Names that can be a distance subject: no countries, no demonym prefix ("Libyan Sirte")."""
    out = []
    for span in name_spans(text):
        name = span.text
        first, _, rest = name.partition(" ")
        if rest and is_demonym(first):
            name = rest
        if name.lower() in NON_PLACE_WORDS or (" " not in name and country_code(name)):
            continue
        if span.start == 0 and " " not in name and re.search(r"(?:ing|ed|ly)$", name):
            continue  # "Fighting raged ...": a capitalized verb, not a place
        out.append((span.start, span.end, name))
    return out


#: The words between a name and the region an appositive places it in ("X, a town in Y").
_APPOSITIVE_IN = re.compile(r",\s+(?:the|a|an)\s+[^,;()]{0,50}?\b(?:in|of|near)\s+(?:the\s+)?",
                            re.IGNORECASE)
_ANAPHOR_SUBJECT = re.compile(r"\b(?:the|that|this)\s+(?:\w+\s+)?(?:town|city|village|base|"
                              r"airbase|area)\s*$", re.IGNORECASE)


def _subject_before(sentence: str, start: int) -> tuple[str | None, str]:
    """Return the subject a statement describes: the name before ", some 90 km" or a force."""
    before = sentence[:start]
    glue = _SUBJECT_GLUE.search(before)
    if glue and glue.group(0).strip():
        head = before[:glue.start()]
        anaphor = _ANAPHOR_SUBJECT.search(head)
        if anaphor:
            return anaphor.group(0).strip(), "place"  # "stormed the town, some 90 km south"
        names = _subject_names(head)
        if len(names) >= 2 and _APPOSITIVE_IN.fullmatch(head[names[-2][1]:names[-1][0]]):
            # "Shusha, the second-largest town in Nagorno-Karabakh, only 15 km south of"
            return names[-2][2], "place"
        if names and glue.start() - names[-1][1] <= 40:
            return names[-1][2], "place"
    bare = re.sub(r"(?:\s*(?:,|\bis|\bwas|\blies|\blay|\bsits|\bstands|\bremains|\blocated|"
                  r"\bsituated|\bjust|\bwhich))*\s*$", "", before, flags=re.IGNORECASE)
    anaphor = _ANAPHOR_SUBJECT.search(bare)
    if anaphor:
        return anaphor.group(0).strip(), "place"  # "The town is located about 100 km south of"
    names = _subject_names(before)
    if names and not bare[names[-1][1]:].strip(" ,"):
        return names[-1][2], "place"  # "took Al-Watiya base about 130 km southwest of"
    if re.search(r"\b(?:forces|troops|fighters|army|militias?|units|front)\b", before, re.I):
        phrase = re.search(r"((?:[\w’'-]+\s+){0,4}(?:forces|troops|fighters|army|militias?|units|"
                           r"front))\b", before, re.I)
        return (phrase.group(1) if phrase else None), "force"
    if names:
        return names[0][2], "place"
    return None, "event"


def _distance_anchor_before(sentence: str, start: int) -> tuple[int, int] | None:
    """For "the distance of X from Y reduced to 3 km", the span of Y."""
    matches = list(re.finditer(r"\bdistance\b[^.;]*?\bfrom\s+", sentence[:start], re.IGNORECASE))
    if not matches:
        return None
    return matches[-1].end(), start


#: "30 km away", "60 km further east", "400 km to the south" with no "from"/"of": the
#: anchor is the place named before (in the sentence or an earlier one).
_AWAY = re.compile(
    r"\s*(?:(?P<away>away)|(?P<lead>further|farther|to\s+the|further\s+to\s+the))\s*"
    r"(?P<dir>(?:north|south|east|west)(?:[\s-]?(?:north|south|east|west))?(?:wards?)?)?"
    r"(?:\s+away)?\b(?!\s+(?:from|of)\b)", re.IGNORECASE)


def find_distance_statements(sentence: str) -> list[DistanceStatement]:
    """Find the anchored distance statements in one sentence.

    A statement whose anchor is only implied ("30 km away") has an empty ``anchor``: the
    caller fills it from the article's earlier sentences or drops it.
    """
    out: list[DistanceStatement] = []
    for amount in find_amounts(sentence):
        pos = amount.end
        bracket = re.match(r"\s*[(\[][^()\[\]]{0,30}[)\]]", sentence[pos:])
        if bracket and not amount.alt_value:
            pos += bracket.end()  # a conversion the amount parser could not read
        direction = None
        dir_match = _DIR_RE.match(sentence[pos:])
        if dir_match:
            direction = parse_direction(sentence[pos:])
            if direction:
                pos += dir_match.end()
        prep = _PREP_RE.match(sentence[pos:])
        if prep and re.match(r"\s*to\s+the\s+(?:north|south|east|west)", sentence[pos:], re.I):
            prep = None  # "some 60 km to the north": a direction, not an anchor
        anchor_start = None
        if prep:
            anchor_start = pos + prep.end()
            tokens = _anchor_tokens(sentence, anchor_start)
        else:
            back = _distance_anchor_before(sentence, amount.start)
            if back is None:
                away = _AWAY.match(sentence, pos)
                if (dir_match and re.match(r"\s*to\s+the\b", dir_match.group(0), re.I)
                        and re.match(r"\s*(?:[.,;)]|$)", sentence[pos:])):
                    # "some 60 km to the north.": the direction read above is the whole tail
                    away = _AWAY.match(sentence, pos - len(dir_match.group(0)))
                if away and (away.group("away") or away.group("dir")):
                    # "The camp is 30 km away", "60 km further east": an implied anchor
                    if away.group("dir"):
                        direction = direction or parse_direction(away.group("dir"))
                    subject, kind = _subject_before(sentence, amount.start)
                    out.append(DistanceStatement(amount, amount.start, away.end(), direction,
                                                 "", away.end(), away.end(), subject, kind))
                continue
            anchor_start = back[0]
            tokens = _anchor_tokens(sentence, anchor_start)
        if not tokens:
            continue
        raw = sentence[anchor_start:anchor_start + tokens[-1].end()]
        stripped = raw.rstrip(".,")
        if not re.search(r"\b(?:St|Gen|Mt|[A-Z])$", stripped):
            raw = stripped  # the sentence's full stop is not part of the anchor
        anchor = clean_anchor(raw)
        if not anchor or anchor.lower() in NON_PLACE_WORDS:
            continue
        if not any(ch.isupper() for ch in anchor) and not re.search(
                r"\b(?:capital|city|center|centre|border|post|base|airport|town|front)", anchor):
            continue
        end = anchor_start + len(raw) if prep else amount.end
        start = amount.start
        lead = re.search(r"(?:\b(?:located|situated|lying|lies|is|just|which)\s+)+$",
                         sentence[:start])
        if lead and re.match(r"located|situated", lead.group(0).strip(), re.I):
            start = lead.start()
        subject, kind = _subject_before(sentence, amount.start)
        out.append(DistanceStatement(amount, start, end, direction, anchor, anchor_start,
                                     anchor_start + len(raw), subject, kind))
    return out
