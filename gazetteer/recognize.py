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
from dataclasses import dataclass
from pathlib import Path

from gazetteer.model import Place
from gazetteer.people import is_first_name, is_surname

__all__ = [
    "MEDIA_WORDS",
    "MAX_TOKENS",
    "STOP_PHRASES",
    "STREET_WORDS",
    "Recognizer",
    "Span",
    "Token",
    "tokenize",
]

log = logging.getLogger("conflictmap.gazetteer.recognize")

#: Longest name, in tokens, the matcher tries ("Saint Vincent and the Grenadines" is 5).
MAX_TOKENS: int = 6

_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., D.C., U.K.
    r"|[^\W\d_](?:\.[^\W\d_]{1,3}\.)"  # W.Va., N.Y.? (single-letter + part)
    # al-Watiya: an Arabic article glued to the name
    r"|(?i:al|el|ad|ar|as|ash|at|az|an|ath|ed|es|er|ez|adh)[-‑’'][^\W\d_]\w*(?:['’]\w+)*"
    r"|[^\W_][\w]*(?:['’][\w]+)*\.?"  # words (hyphenated names are matched across the hyphen)
)

#: Lower-case words allowed inside a multi-word name.
CONNECTORS: frozenset[str] = frozenset(
    "of the de del della di du des la le las los and upon on al el da dos das do y et bin "
    "ibn sur am im an der van von aux en".split()
)

#: Linking words that join a name only between hyphens ("Mazar-i-Sharif", "Dera-e-Ghazi").
_HYPHEN_CONNECTORS = frozenset("i e ul ud o a".split())

#: Arabic-article prefixes that may start a name in lower case ("al-Watiya").
_ARTICLE_PREFIX_RE = re.compile(
    r"^(?:al|el|ad|ar|as|ash|at|az|an|ath|ed|es|er|ez|adh)[-‑’']\w", re.I
)

#: Titles after which a capitalised word is a person, not a place.
PERSON_TITLES: frozenset[str] = frozenset(
    "mr mr. mrs mrs. ms ms. dr dr. sen sen. senator rep rep. gov gov. governor president "
    "pres. prince princess king queen lord lady sir dame pope judge justice mayor "
    "sheriff chief officer sgt sgt. sergeant lt lt. lieutenant capt capt. captain col col. "
    "colonel gen gen. general maj maj. major cpl cpl. deputy detective det. prof prof. "
    "professor rev rev. reverend father brother sister coach minister secretary chairman "
    "attorney commissioner councilman councilwoman trooper pastor bishop cardinal "
    "ambassador spokesman spokeswoman agent".split()
)

#: Capitalised words after a place that still leave it a place (kept even though the next
#: token is capitalised): "Chinese President", "Libyan National Army", "Texas Senate".
_ALLOWED_FOLLOWERS: frozenset[str] = frozenset(
    "president prime foreign defence defense interior finance minister ministry government "
    "army navy air forces force military police coast guard troops officials official "
    "authorities leader leaders parliament congress senate house embassy consulate "
    "ambassador state department national supreme court courts central public "
    "king queen crown prince premier chancellor ceo "
    # institutions named after their town ("Woodstock General Hospital", "Springfield
    # Science Museum", "Laurel County Clerk"): the town is still a toponym
    "county city town township district area region regional community municipal school "
    "schools high middle elementary college university hospital general memorial medical "
    "museum library science council board chamber fire public water airport station club "
    "church cathedral mall park zoo festival fair".split()
)

#: Capitalised words before a place that still leave it a place ("In Ohio", "Northern Iraq").
_ALLOWED_PRECEDERS: frozenset[str] = frozenset(
    "in at on of from to near across into outside inside throughout for by via around "
    "and or but the a an as with within between than over under after before since "
    "north south east west northern southern eastern western central upper lower greater "
    "northeast northwest southeast southwest northeastern northwestern southeastern "
    "southwestern downtown rural suburban metropolitan metro "
    "while when where if although because though whereas also".split()
)

#: Common English words that gazetteers also hold as (usually tiny) places. A match that is
#: one of these and is sentence-initial, or whose places are all small, is dropped.
COMMON_WORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also although am among an and another any are
    around as at back be because been before being below best better between both but by
    can could day days did do does done down during each early east even every few first
    for from further had has have he her here him his home how however i if in into is it
    its just last later least less like little long made make many may me might more most
    much must my near never new next no nor not now of off on once one only or other our
    out over own part people per police same see several she should since so some still
    such than that the their them then there these they this those though three through
    thus to today together tomorrow too two under until up upon us very was way we well
    were what when where whether which while who whom whose why will with within without
    would yesterday yet you your
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    police fire sheriff court council school university college hospital church center
    centre city county state states town village park mall street road avenue highway
    department office board committee commission agency bureau union mission hope faith
    justice liberty independence freedom victory unity progress harmony friendship
    deal mobile reading bath man mount time times post news press globe star sun tribune
    herald journal observer gazette register chronicle record republican democrat democrats
    republicans senate house congress parliament federal national international global
    world earth moon
    north south east west northern southern eastern western central
    president governor mayor chief officer general captain king queen prince lord
    said says told added according chairman manager director
    god christ jesus christmas easter thanksgiving
    buy sell help love lake river island beach bay valley hill hills mountain mountains
    spring springs summer winter fall autumn
    """.split()
)

#: Words that make a place name the name of a street ("Wichita Drive").
STREET_WORDS: frozenset[str] = frozenset(
    "street st avenue ave road rd drive dr boulevard blvd lane ln pike parkway pkwy terrace".split()
)

#: Words that make a place name part of a newspaper's or agency's name.
MEDIA_WORDS: frozenset[str] = frozenset(
    "post times herald tribune journal globe gazette chronicle observer examiner inquirer "
    "courier daily telegraph register dispatch bulletin sentinel monitor".split()
)

def _not_places() -> frozenset[str]:
    """Armed groups and organisations read from ``data/not_places.txt`` (never toponyms)."""
    path = Path(__file__).resolve().parent / "data" / "not_places.txt"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        log.warning("%s is missing; armed groups may be read as places", path)
        return frozenset()
    return frozenset(
        line.strip().lower() for line in lines if line.strip() and not line.startswith("#")
    )


#: Phrases the gazetteer holds as (tiny) places that news uses for something else.
STOP_PHRASES: frozenset[str] = _not_places() | frozenset(
    {
        "white house",
        "red cross",
        "red crescent",
        "el nino",
        "el niño",
        "la nina",
        "la niña",
        "notre dame",
        "holy spirit",
        "holy see press",
        "human rights",
        "bank",
        "act",
        "human",
        "metro",
        "titan",
        "co",
        "inc",
        "ltd",
        "corp",
        # Arabic generic words that begin names ("Ras Isa", "Wadi Hadramawt", "Souq al-Juma"):
        # alone they are the start of a name the gazetteer lacks, not a place.
        "ras",
        "wadi",
        "jabal",
        "jebel",
        "souq",
        "suq",
        # Languages and combining forms more often than places ("in English", "Anglo-Saxon");
        # the resolver still reads them as demonyms when a span is given.
        "english",
        "arab",
        "anglo",
    }
)

#: Lower-case words that may end a site's name ("air base", "airport", "corridor").
FEATURE_TAIL_WORDS = frozenset(
    "air base airbase airport airfield corridor crossing border port terminal oil refinery "
    "dam bridge checkpoint camp prison barracks".split()
)

#: Particles inside personal names ("Mike de Kock", "Mohammed bin Rashid").
_NAME_PARTICLES = frozenset("bin ibn bint de da di van von der den du del della le".split())

_DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest midwest".split()
)

#: What follows a dateline's town in capitals: "WINONA -- ", "CAIRO (Reuters) - ",
#: "PARIS, Texas — ".
_DATELINE_RE = re.compile(r"(?:,\s?[A-Z][A-Za-z.]{1,12})?\s?(?:--|—|–|\(|-\s)")

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
                    kept.append(cand)
                    kept.sort(key=lambda s: s.start)
                    added = True
                    break
    return kept


@dataclass(frozen=True, slots=True)
class Token:
    """One word of the text with its offsets and shape flags."""

    start: int
    end: int
    text: str
    capitalized: bool
    sentence_initial: bool


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised toponym span and the gazetteer entries its text names."""

    start: int
    end: int
    text: str
    places: tuple[Place, ...]


_GAP_MARKS = frozenset('.!?\n\r:;"“')


def _is_capitalized(word: str) -> bool:
    first = word[:1]
    if first.isupper():
        return True
    return first in "ae" and len(word) > 4 and bool(_ARTICLE_PREFIX_RE.match(word))


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
    previous_end = 0
    for match in _TOKEN_RE.finditer(text):
        start, end = match.span()
        word = match.group()
        gap = text[previous_end:start]
        if tokens:
            before = tokens[-1].text
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
        else:
            initial = True
        tokens.append(Token(start, end, word, _is_capitalized(word), initial))
        previous_end = end
    return tokens


_FULL_STATE_NAMES = frozenset(
    {"ohio", "iowa", "utah", "texas", "maine", "idaho", "hawaii", "alaska"}
)


def _keeps_dot(word: str) -> bool:
    """Tell whether a token's final dot is its own (``U.S.``, ``W.Va.``, ``Kan.``)."""
    from gazetteer.context import state_from_abbreviation

    core = word[:-1]
    if "." in core:
        return True
    return (
        len(core) <= 5
        and core.lower() not in _FULL_STATE_NAMES
        and bool(state_from_abbreviation(word))
    )


def _strip_dot(word: str) -> str:
    return word[:-1] if word.endswith(".") else word


class Recognizer:
    """Find toponym spans with a gazetteer ``lookup`` and context rules.

    Parameters
    ----------
    lookup:
        ``lookup(name) -> list[Place]`` of a gazetteer index (cached here per string).
    max_tokens:
        Longest name tried, in tokens.

    """

    def __init__(
        self,
        lookup: Callable[[str], Sequence[Place]],
        *,
        max_tokens: int = MAX_TOKENS,
        cache_size: int = 200_000,
        person_rules: bool = True,
        surname_population: int = 50_000,
        is_common: Callable[[str], bool] | None = None,
        knows: Callable[[str], bool] | None = None,
    ) -> None:
        self._is_common = is_common
        self._knows = knows or (lambda name: bool(self.places_for(name)))
        self.person_rules = person_rules
        self.surname_population = surname_population
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
                if surface.endswith(".") and not _keeps_dot(tok.text):
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

    def find(self, text: str) -> list[Span]:
        """Return the toponym spans of ``text``, in order, non-overlapping."""
        tokens = tokenize(text)
        person_words = self._person_words(text, tokens)
        spans: list[Span] = []
        doubted: list[Span] = []
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
                i = street[0] + 1
            elif self._keep(text, tokens, i, j, end, places, person_words):
                spans.append(Span(tok.start, end, text[tok.start : end], places))
                i = j + 1
            elif i == j and tok.text.lower() in _ALLOWED_PRECEDERS:
                # "Western" of "Western Massachusetts" is no place, but the next word may be.
                i += 1
            else:
                if (
                    i == j
                    and not tok.sentence_initial
                    and not tok.text.isupper()
                    and tok.text.lower() not in COMMON_WORDS
                    and self._adjacent_cap(text, tokens, i, left=False) is None
                    and self._adjacent_cap(text, tokens, i, left=True) is None
                ):
                    doubted.append(Span(tok.start, end, text[tok.start : end], places))
                i = self._skip_run(text, tokens, i)
        if doubted and spans:
            spans = _with_listed_places(text, spans, doubted)
        return spans

    @staticmethod
    def _street_after(
        text: str, tokens: list[Token], i: int, j: int, end: int
    ) -> tuple[int, int] | None:
        """Return ``(token index, end offset)`` of a street word right after a one-word name."""
        if i != j or j + 1 >= len(tokens):
            return None  # multi-word places keep their reading ("North Druid Hills Road")
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

    # -- context rules ------------------------------------------------------------------

    @staticmethod
    def _caps_context(tokens: list[Token], i: int) -> bool:
        """Whether the words around token ``i`` are in capitals too (a headline)."""
        near = [tokens[k].text for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
        return any(len(w) > 1 and w.isupper() for w in near)

    @staticmethod
    def _own_population(word: str, places: tuple[Place, ...]) -> int:
        """Largest population among the places whose own name (not an alias) is ``word``."""
        from gazetteer.names import normalize

        key = normalize(word)
        return max((p.population for p in places if normalize(p.name) == key), default=0)

    @staticmethod
    def _adjacent_cap(text: str, tokens: list[Token], k: int, left: bool) -> Token | None:
        """Return the capitalised token glued (one space) to token ``k`` on one side, if any."""
        if left:
            if k == 0 or tokens[k].sentence_initial:
                return None
            other = tokens[k - 1]
            gap = text[other.end : tokens[k].start]
        else:
            if k + 1 >= len(tokens) or tokens[k + 1].sentence_initial:
                return None
            other = tokens[k + 1]
            gap = text[tokens[k].end : other.start]
        if gap != " " or not other.capitalized:
            return None
        if left and other.text.endswith("."):
            return other if other.text.lower() in PERSON_TITLES else None
        return other

    def _keep(
        self,
        text: str,
        tokens: list[Token],
        i: int,
        j: int,
        end: int,
        places: tuple[Place, ...],
        person_words: set[str],
    ) -> bool:
        first = tokens[i]
        surface = text[first.start : end]
        lower = surface.lower().rstrip(".")
        for suffix in ("'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve"):
            if lower.endswith(suffix):
                lower = lower[: -len(suffix)]
        single = i == j
        big = max((p.population for p in places), default=0)
        admin = any(
            p.feature_code.startswith(("PCL", "CONT"))
            or p.precision in ("country", "sea")
            or (p.feature_code == "ADM1" and p.population >= 200_000)
            or (not p.country_code and p.precision == "region" and p.population >= 1_000_000)
            for p in places
        )
        common = lower in COMMON_WORDS or bool(
            single and self._is_common and self._is_common(lower)
        )
        if lower in STOP_PHRASES or (single and lower in _DIRECTIONS):
            return False
        if first.sentence_initial and surface.isupper() and _DATELINE_RE.match(text, end):
            return True  # "WINONA -- The body of...": a dateline names a town
        if single and len(lower) <= 2 and not (surface.isupper() and admin):
            if not (surface.endswith(".") and _keeps_dot(surface)):
                return False
        if re.match(r"(?:st\.?|saint)\s.+['’]s$", surface.lower()) and big < 100_000:
            return False  # a church, school or feast day ("St. Patrick's")
        caps_context = surface.isupper() and self._caps_context(tokens, i)
        if single and common and not (surface.isupper() and admin and not caps_context):
            own_big = self._own_population(lower, places)
            if first.sentence_initial or first.text.islower() or (own_big < 100_000 and not admin):
                return False
        if single and surface.isupper() and 2 <= len(surface) <= 5 and "." not in surface:
            # Capitalised acronyms ("IT", "GNA", "NATO") are organisations unless the index
            # knows them as a country or a large region ("UK", "UAE", "BC"), or the word is
            # the very name of a large place in capitals ("CAIRO (Reuters)", a headline).
            if not admin and self._own_population(lower, places) < 100_000:
                return False
        # Names glued to other capitalised words: a major place inside an organisation's
        # name is still annotated ("Laurel County Clerk", "Toronto Transit Commission"), a
        # minor one is usually a person or a brand ("Bob Wilson", "Brown University").
        major = admin or big >= 50_000 or not single
        if (
            i >= 2
            and not admin
            and tokens[i - 1].text.lower() in _NAME_PARTICLES
            and tokens[i - 2].capitalized
            and text[tokens[i - 2].end : tokens[i - 1].start] == " "
            and text[tokens[i - 1].end : first.start] == " "
        ):
            return False  # "Mike de Kock", "Mohammed bin Rashid"
        before = self._adjacent_cap(text, tokens, i, left=True)
        if before is not None:
            word = before.text.lower()
            if word in PERSON_TITLES:
                return False
            if (
                not major
                and word not in _ALLOWED_PRECEDERS
                and not before.text.isupper()
                and not word.endswith(("'s", "’s"))
            ):
                return False
        after = self._adjacent_cap(text, tokens, j, left=False)
        if after is not None and _strip_dot(after.text).lower() in MEDIA_WORDS:
            return False  # a newspaper or agency ("Washington Post", "Moscow Times")
        if after is not None and not major:
            word = _strip_dot(after.text).lower()
            if word not in _ALLOWED_FOLLOWERS and not (
                first.text.isupper() and after.text.isupper()
            ):
                return False
        if single and lower in person_words and not admin:
            return False
        if (
            single
            and self.person_rules
            and after is not None
            and is_first_name(lower)
            and is_surname(_strip_dot(after.text))
            and not any(p.precision == "country" for p in places)
        ):
            return False  # "Virginia Madsen", "Georgia Brown"
        if single and not admin and self.person_rules:
            if is_first_name(lower) and (after is not None or not major):
                return False
            if not major and big < self.surname_population and is_surname(lower):
                return False
        return True

    def _person_words(self, text: str, tokens: list[Token]) -> set[str]:
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
                if is_first_name(first_word):
                    last = _strip_dot(tokens[m].text).lower()
                    words.add(last)
                    words.add(_ARTICLE_PREFIX_RE.sub(lambda mo: mo.group()[-1], last))
                if first_word not in _ALLOWED_PRECEDERS and first_word not in COMMON_WORDS:
                    run = text[tokens[k].start : tokens[m].end]
                    if not self._knows(run) and not self._knows(tokens[k].text):
                        words.add(_strip_dot(tokens[m].text).lower())
            k = m + 1
        for k, tok in enumerate(tokens[:-1]):
            if tok.text.lower() in PERSON_TITLES and tokens[k + 1].capitalized:
                # Title + (First) Last: remember the whole run.
                m = k + 1
                while m < len(tokens) and tokens[m].capitalized and m - k <= 3:
                    words.add(_strip_dot(tokens[m].text).lower())
                    if text[tokens[m].end : tokens[m].end + 1] != " ":
                        break
                    m += 1
        return words
