"""Toponym recognition: find the character spans of a text that name places.

A rule-based matcher, fast enough for hundreds of articles a second on one core and free
of any model. It works on capitalised token runs:

1. The text is tokenised once (words, abbreviations such as ``U.S.`` and ``W.Va.``,
   hyphenated names such as ``Gilgit-Baltistan`` and ``al-Watiya``).
2. At each capitalised token the longest n-gram (up to :data:`MAX_TOKENS` tokens, lower-case
   connectors such as ``of``/``de``/``and`` allowed inside: "Gulf of Sirte", "Bains and
   Grants Town") whose text the gazetteer knows is taken (longest match, left to right).
3. Context rules drop what is not a place: sentence-initial common words ("March",
   "Will"), names glued to other capitalised words that the gazetteer does not know as a
   whole ("Paris Hilton", "Washington Post", "American Red Cross", "John Smith"), tokens
   after personal titles ("President Lincoln", "Mr. Jackson"), and later bare uses of a word
   seen as part of a person's name in the same document ("Smith said").

The gazetteer is reached only through a ``lookup(name) -> list[Place]`` callable, cached per
surface string, so any index (or a test double) works.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from gazetteer.language import STOP_WORDS as STOP_WORDS_BY_LANGUAGE
from gazetteer.language import document_language
from gazetteer.model import Place
from gazetteer.people import is_first_name
from gazetteer.person_discourse import drop_person_first_names
from gazetteer.recognition_rules import (
    DEFAULT_RECOGNITION,
    RECOGNITION_RULES,
    MatchContext,
    RecognitionRule,
    RecognitionSettings,
    adjacent_cap,
    judge,
)
from gazetteer.wordlists import (
    ALLOWED_PRECEDERS,
    ARTICLE_PREFIX_RE,
    COMMON_WORDS,
    CONNECTORS,
    FEATURE_TAIL_WORDS,
    MEDIA_WORDS,
    PERSON_TITLES,
    STOP_PHRASES,
    STREET_WORDS,
    keeps_dot,
    strip_dot,
)

__all__ = [
    "LISTED_WITH_PLACES",
    "MEDIA_WORDS",
    "MAX_TOKENS",
    "MULTIWORD_STREET",
    "STREET_NAME",
    "STOP_PHRASES",
    "STREET_WORDS",
    "Dropped",
    "Recognizer",
    "Span",
    "Token",
    "tokenize",
]

log = logging.getLogger("conflictmap.gazetteer.recognize")

#: Trace name of a doubted name kept because the text lists it with places.
LISTED_WITH_PLACES = "listed-with-places"
#: Trace name of a place name dropped because a street word follows it ("Wichita Drive").
STREET_NAME = "street-name"
#: Switch of :data:`STREET_NAME` for names of several words ("Green Oaks Boulevard").
MULTIWORD_STREET = "multiword-street-name"

#: The rule whose drops recognition steps may revisit (a common word in a list of places).
COMMON_WORD_RULE = "common-word"
#: A step after the matcher: ``step(text, tokens, spans, doubted) -> spans``.
RecognitionStep = Callable[[str, list["Token"], list["Span"], list["Span"]], list["Span"]]

#: Longest name, in tokens, the matcher tries ("Saint Vincent and the Grenadines" is 5).
MAX_TOKENS: int = 6

_TOKEN_RE = re.compile(
    r"(?=\w)(?:"  # every branch starts with a word character: skip the gaps fast
    r"(?:[^\W\d_]\.){2,}"  # U.S., D.C., U.K.
    r"|[^\W\d_](?:\.[^\W\d_]{1,3}\.)"  # W.Va., N.Y.? (single-letter + part)
    # al-Watiya: an Arabic article glued to the name
    r"|(?i:al|el|ad|ar|as|ash|at|az|an|ath|ed|es|er|ez|adh)[-‑’'][^\W\d_]\w*(?:['’]\w+)*"
    r"|[^\W_][\w]*(?:['’][\w]+)*\.?"  # words (hyphenated names are matched across the hyphen)
    r")"
)

#: Linking words that join a name only between hyphens ("Mazar-i-Sharif", "Dera-e-Ghazi").
_HYPHEN_CONNECTORS = frozenset("i e ul ud o a".split())


_SENTENCE_END_RE = re.compile(r"[.!?]['\"”’)]*\s*$|[\n\r]\s*$|[:;]\s*[\"“]?\s*$|[\"“]\s*$")


_LIST_GAP_RE = re.compile(r"^(?:,\s|,?\s(?:and|or)\s)$")


def _with_listed_places(text: str, spans: list[Span], doubted: list[Span]) -> list[Span]:
    """Add doubted one-word names listed next to accepted places ("Vuhledar and Marinka").

    A name the person rules dropped ("Marinka", "Lyman") is a place when the text lists it
    with places: "X, Y and Z" share their kind.
    """
    kept = sorted(spans, key=lambda sp: sp.start)
    added = True
    while added:
        added = False
        for cand in doubted:
            if any(sp.start == cand.start for sp in kept):
                continue
            for sp in kept:
                if sp.end <= cand.start:
                    gap = text[sp.end : cand.start]
                else:
                    gap = text[cand.end : sp.start]
                if len(gap) <= 6 and _LIST_GAP_RE.match(gap):
                    kept.append(replace(cand, trace=(*cand.trace, LISTED_WITH_PLACES)))
                    kept.sort(key=lambda s: s.start)
                    added = True
                    break
    return kept


class Token(NamedTuple):
    """One word of the text with its offsets and shape flags.

    A named tuple, not a frozen dataclass like the other value objects: a text has a
    token per word, and a tuple is built several times faster (immutable all the same).
    """

    start: int
    end: int
    text: str
    capitalized: bool
    sentence_initial: bool


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised toponym span and the gazetteer entries its text names.

    ``trace`` names the recognition rules that decided it, in order (see
    :data:`gazetteer.recognition_rules.RECOGNITION_RULES`).
    """

    start: int
    end: int
    text: str
    places: tuple[Place, ...]
    trace: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True, slots=True)
class Dropped:
    """A gazetteer match recognition did not keep, and the rule that dropped it."""

    start: int
    end: int
    text: str
    rule: str


_GAP_MARKS = frozenset('.!?\n\r:;"“')
_ARTICLE_PREFIX_MATCH = ARTICLE_PREFIX_RE.match
_new_tuple = tuple.__new__


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into word tokens with offsets, capitalisation and sentence-start flags.

    A trailing dot is kept on the token only for abbreviations (``U.S.``, ``Kan.``); the
    matcher tries the name with and without it.

    >>> [t.text for t in tokenize("Fighting near al-Watiya, W.Va. and the U.S.")]
    ['Fighting', 'near', 'al-Watiya', 'W.Va.', 'and', 'the', 'U.S.']
    >>> [t.sentence_initial for t in tokenize("Rain. Then Paris")]
    [True, True, False]
    """
    tokens: list[Token] = []
    append = tokens.append
    previous_end = 0
    before = ""  # the previous token's text ("" before the first)
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        word = match.group()
        if not before:
            initial = True
        else:
            gap = text[previous_end:start]
            if gap == " ":
                initial = before[-1] == "." and len(before) > 4 and not before[:-1].isupper()
            elif _GAP_MARKS.isdisjoint(gap):
                initial = False
            else:
                initial = bool(_SENTENCE_END_RE.search(gap)) or (
                    before.endswith(".")
                    and len(before) > 4
                    and not before[:-1].isupper()
                    and gap.strip() == ""
                )
        # capitalised: an upper-case first letter, or an article glued to a name (al-Watiya)
        first = word[0]
        capitalized = first.isupper() or (
            first in "ae" and len(word) > 4 and _ARTICLE_PREFIX_MATCH(word) is not None)
        # tuple.__new__ skips the named tuple's Python-level __new__: a token per word
        append(_new_tuple(Token, (start, end, word, capitalized, initial)))
        before = word
        previous_end = end
    return tokens



class Recognizer:
    """Find toponym spans with a gazetteer ``lookup`` and context rules.

    Parameters
    ----------
    lookup:
        ``lookup(name) -> list[Place]`` of a gazetteer index (cached here per string).
    max_tokens:
        Longest name tried, in tokens.
    rules:
        The recognition rules, in order (:data:`RECOGNITION_RULES`); the first that holds
        decides whether a match is kept.
    settings:
        Their thresholds.
    steps:
        Steps run after the matcher, in order, as ``step(text, tokens, spans, doubted)``
        returning the spans (:mod:`gazetteer.informal`); ``doubted`` are the capitalised
        single words the ``common-word`` rule dropped.
    read_language:
        Tell the text's language from its function words (:mod:`gazetteer.language`): in a
        text not in English, "de"/"von" before a name are prepositions, not name particles,
        "En Medellín" is no person's name, and the language's capitalised function words
        are no places (rule ``foreign-function-word``).
    person_discourse:
        Drop a bare first name the document also writes as the start of a person's full
        name (:mod:`gazetteer.person_discourse`, ``person-first-name-in-document``).

    """

    def __init__(
        self,
        lookup: Callable[[str], Sequence[Place]],
        *,
        max_tokens: int = MAX_TOKENS,
        cache_size: int = 200_000,
        person_rules: bool = True,
        is_common: Callable[[str], bool] | None = None,
        knows: Callable[[str], bool] | None = None,
        rules: Sequence[RecognitionRule] = RECOGNITION_RULES,
        settings: RecognitionSettings = DEFAULT_RECOGNITION,
        steps: Sequence[RecognitionStep] = (),
        read_language: bool = True,
        multiword_streets: bool = True,
        person_discourse: bool = True,
    ) -> None:
        self._is_common = is_common
        self.person_discourse = person_discourse
        self.multiword_streets = multiword_streets
        self.read_language = read_language
        self.steps = tuple(steps)
        self._knows = knows or (lambda name: bool(self.places_for(name)))
        self.person_rules = person_rules
        self.rules = tuple(rules)
        self.settings = settings
        self._lookup = lookup
        self._max_tokens = max_tokens
        self._cache: dict[str, tuple[Place, ...]] = {}
        self._cache_size = cache_size

    def clear_cache(self) -> None:
        """Forget cached lookups (after the gazetteer changed)."""
        self._cache.clear()

    def places_for(self, name: str) -> tuple[Place, ...]:
        """Return the gazetteer entries for ``name`` (cached)."""
        found = self._cache.get(name)
        if found is None:
            try:
                found = tuple(self._lookup(name))
            except (LookupError, ValueError) as err:
                log.debug("lookup of %r failed: %s", name, err)
                found = ()
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[name] = found
        return found

    # -- matching ---------------------------------------------------------------------

    def _match_at(self, text: str, tokens: list[Token], i: int) -> tuple[int, int, tuple] | None:
        """Return ``(last_token_index, end_offset, places)`` of the longest name at ``i``."""
        n = len(tokens)
        best: tuple[int, int, tuple] | None = None
        last = min(n, i + self._max_tokens)
        j = i
        while j < last:
            tok = tokens[j]
            if j > i:
                gap = text[tokens[j - 1].end : tok.start]
                if gap not in (" ", "-", " - ") and not (
                    gap == "" and tokens[j - 1].text.endswith(".")
                ):
                    if not (gap.strip() == "" and len(gap) <= 2 and "\n" not in gap):
                        break
                if not tok.capitalized and tok.text.lower() not in CONNECTORS:
                    hyphened = (
                        tok.text.lower() in _HYPHEN_CONNECTORS
                        and gap == "-"
                        and j + 1 < n
                        and text[tok.end : tokens[j + 1].start] == "-"
                    )
                    if not hyphened:
                        break
            if tok.capitalized:
                surface = text[tokens[i].start : tok.end]
                forms = [surface]
                if surface.endswith(".") and not keeps_dot(tok.text):
                    forms = [surface[:-1]]
                for form in forms:
                    places = self.places_for(form)
                    if places:
                        best = (j, tokens[i].start + len(form), places)
                        break
            j += 1
        return self._with_feature_tail(text, tokens, i, best)

    def _with_feature_tail(
        self, text: str, tokens: list[Token], i: int, best: tuple[int, int, tuple] | None
    ) -> tuple[int, int, tuple] | None:
        """Extend a match by a lower-case feature word the gazetteer holds with it.

        "Al-Watiya air base", "Mitiga airport", "the Lachin corridor": the span then names
        the site, not only the place it is named after.
        """
        j = best[0] if best is not None else i
        for extra in (1, 2):
            k = j + extra
            if k >= len(tokens):
                break
            words = tokens[j + 1 : k + 1]
            if any(w.text.lower().rstrip(".") not in FEATURE_TAIL_WORDS for w in words):
                break
            if any(text[a.end : b.start] != " " for a, b in zip(tokens[j:k], words, strict=True)):
                break
            end = tokens[k].end - (1 if tokens[k].text.endswith(".") else 0)
            places = self.places_for(text[tokens[i].start : end])
            if places:
                return (k, end, places)
        return best

    def _names_place(self, word: str) -> bool:
        """Whether ``word`` alone has a gazetteer reading."""
        return bool(self.places_for(word))

    def find(self, text: str) -> list[Span]:
        """Return the toponym spans of ``text``, in order, non-overlapping."""
        return self.find_explained(text)[0]

    def find_explained(self, text: str) -> tuple[list[Span], list[Dropped]]:
        """Return the toponym spans of ``text`` and the matches dropped, with their rules.

        Each span's ``trace`` names the rule that kept it; each dropped match names the
        rule that dropped it (a doubted name later kept as listed with places is both).
        """
        dropped: list[Dropped] = []
        tokens = tokenize(text)
        language = None
        if self.read_language:
            language = document_language(text)
            language = None if language == "en" else language
        person_words = self._person_words(text, tokens, language)
        spans: list[Span] = []
        doubted: list[Span] = []
        common: list[Span] = []
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            if not tok.capitalized or tok.text in ("The", "THE", "A", "An"):
                i += 1
                continue
            match = self._match_at(text, tokens, i)
            if match is None:
                i += 1
                continue
            j, end, places = match
            street = self._street_after(text, tokens, i, j, end)
            if street is not None:
                # "Wichita Drive", "Washington Street": a street, not the place it is
                # named after (which would be a confident point in the wrong town).
                dropped.append(Dropped(tok.start, end, text[tok.start : end], STREET_NAME))
                i = street[0] + 1
                continue
            context = MatchContext(
                text, tokens, i, j, end, places, person_words,
                settings=self.settings, person_rules=self.person_rules,
                is_common=self._is_common, language=language,
                names_place=self._names_place,
            )
            kept, rule = judge(context, self.rules)
            if kept:
                spans.append(Span(tok.start, end, text[tok.start : end], places, (rule,)))
                i = j + 1
                continue
            dropped.append(Dropped(tok.start, end, text[tok.start : end], rule))
            if rule == COMMON_WORD_RULE and i == j and not tok.text.isupper():
                common.append(Span(tok.start, end, text[tok.start : end], places, (rule,)))
            if i == j and tok.text.lower() in ALLOWED_PRECEDERS:
                # "Western" of "Western Massachusetts" is no place, but the next word may be.
                i += 1
            else:
                if (
                    i == j
                    and not tok.sentence_initial
                    and not tok.text.isupper()
                    and tok.text.lower() not in COMMON_WORDS
                    and adjacent_cap(text, tokens, i, left=False) is None
                    and adjacent_cap(text, tokens, i, left=True) is None
                ):
                    doubted.append(Span(tok.start, end, text[tok.start : end], places, (rule,)))
                i = self._skip_run(text, tokens, i)
        if self.person_discourse and spans:
            spans, gone = drop_person_first_names(text, spans, dropped)
            dropped.extend(Dropped(sp.start, sp.end, sp.text, rule) for sp, rule in gone)
        if doubted and spans:
            spans = _with_listed_places(text, spans, doubted)
        for step in self.steps:
            spans = step(text, tokens, spans, common)
        return spans, dropped

    def _street_after(
        self, text: str, tokens: list[Token], i: int, j: int, end: int
    ) -> tuple[int, int] | None:
        """Return ``(token index, end offset)`` of a street word right after a name.

        A name of several words too (:data:`MULTIWORD_STREET`): "Green Oaks Boulevard",
        "1205 Lone Oak Road", "a Mineral Wells Avenue store" are streets.
        """
        if j + 1 >= len(tokens) or (i != j and not self.multiword_streets):
            return None
        nxt = tokens[j + 1]
        if text[end : nxt.start] != " " or not nxt.text[:1].isupper():
            return None
        if nxt.text.lower().rstrip(".") not in STREET_WORDS:
            return None
        return j + 1, nxt.end

    def _skip_run(self, text: str, tokens: list[Token], i: int) -> int:
        """After a rejected match, skip the rest of its capitalised run ("Washington Post")."""
        if tokens[i].text.isupper():
            return i + 1  # a headline or dateline in capitals: every word is its own run
        j = i + 1
        while (
            j < len(tokens)
            and tokens[j].capitalized
            and not tokens[j].sentence_initial
            and text[tokens[j - 1].end : tokens[j].start] == " "
        ):
            j += 1
        return j if j - i > 1 and not tokens[i].sentence_initial else i + 1

    # -- person contexts ---------------------------------------------------------------

    def _person_words(
        self, text: str, tokens: list[Token], language: str | None = None
    ) -> set[str]:
        """Words seen in person contexts in this text ("Mr. Smith", "Bob Smith" -> "Smith said").

        The last word of a run of two or three capitalised words that is not a place as a
        whole (and whose first word is not a place either) is remembered.
        """
        words: set[str] = set()
        k = 0
        n = len(tokens)
        while k < n:
            if not tokens[k].capitalized:
                k += 1
                continue
            m = k
            while (
                m + 1 < n
                and tokens[m + 1].capitalized
                and not tokens[m + 1].sentence_initial
                and text[tokens[m].end : tokens[m + 1].start] == " "
            ):
                m += 1
            if 1 <= m - k <= 2 and tokens[m].text[:1].isupper() and not tokens[m].text.isupper():
                first_word = tokens[k].text.lower()
                if language is not None and first_word in STOP_WORDS_BY_LANGUAGE[language]:
                    k = m + 1  # "En Medellín", "À Lubumbashi": a preposition, no first name
                    continue
                if is_first_name(first_word):
                    last = strip_dot(tokens[m].text).lower()
                    words.add(last)
                    words.add(ARTICLE_PREFIX_RE.sub(lambda mo: mo.group()[-1], last))
                if first_word not in ALLOWED_PRECEDERS and first_word not in COMMON_WORDS:
                    run = text[tokens[k].start : tokens[m].end]
                    if not self._knows(run) and not self._knows(tokens[k].text):
                        words.add(strip_dot(tokens[m].text).lower())
            k = m + 1
        for k, tok in enumerate(tokens[:-1]):
            if tok.text.lower() in PERSON_TITLES and tokens[k + 1].capitalized:
                # Title + (First) Last: remember the whole run.
                m = k + 1
                while m < len(tokens) and tokens[m].capitalized and m - k <= 3:
                    words.add(strip_dot(tokens[m].text).lower())
                    if text[tokens[m].end : tokens[m].end + 1] != " ":
                        break
                    m += 1
        return words
