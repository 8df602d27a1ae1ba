"""The rules that decide whether a name the gazetteer knows is a toponym here.

The matcher (:mod:`gazetteer.recognize`) finds the longest capitalised run the gazetteer
knows; :data:`RECOGNITION_RULES` then decides, in order, whether that match is kept. Each
rule is a named object: what it applies to, one example, and the test it runs on a
:class:`MatchContext`. The first rule whose test holds decides (keep or drop); a match no
rule decides is kept. Thresholds come from :class:`RecognitionSettings`, which sits beside
the resolver's :class:`gazetteer.resolve.Weights`.

A recognizer for another script adds its own table (or inserts rules into a copy of this
one) and passes it as ``Recognizer(rules=...)``; the loop is the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from gazetteer.disease_names import DISEASE_EPONYM, names_disease
from gazetteer.language import PLACE_INTRODUCERS
from gazetteer.language import STOP_WORDS as STOP_WORDS_BY_LANGUAGE
from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.people import is_first_name, is_surname
from gazetteer.wordlists import (
    ALLOWED_FOLLOWERS,
    ALLOWED_PRECEDERS,
    COMMON_WORDS,
    CONNECTORS,
    DIRECTIONS,
    FEATURE_TAIL_WORDS,
    MEDIA_WORDS,
    NAME_PARTICLES,
    PERSON_TITLES,
    STOP_PHRASES,
    STREET_WORDS,
    keeps_dot,
    strip_dot,
)

if TYPE_CHECKING:
    from gazetteer.recognize import Token

__all__ = [
    "DEFAULT_RECOGNITION",
    "KEPT_BY_DEFAULT",
    "ACRONYM_BEFORE_NOUN",
    "DISEASE_EPONYM",
    "FIRST_NAME_UNKNOWN_SURNAME",
    "LEADER_TENURE",
    "LOCATIVE_PERSONAL_NAME",
    "PERSON_NAME_RUN",
    "RECOGNITION_RULES",
    "MatchContext",
    "RecognitionRule",
    "RecognitionSettings",
    "adjacent_cap",
    "judge",
]

#: Trace name of a match that no rule decided (kept).
KEPT_BY_DEFAULT = "recognized"

#: What follows a dateline's town in capitals: "WINONA -- ", "CAIRO (Reuters) - ",
#: "PARIS, Texas — ".
_DATELINE_RE = re.compile(r"(?:,\s?[A-Z][A-Za-z.]{1,12})?\s?(?:--|—|–|\(|-\s)")
_SAINT_POSSESSIVE_RE = re.compile(r"(?:st\.?|saint)\s.+['’]s$")
_CLITICS = ("'s", "’s", "'re", "’re", "'ll", "’ll", "'d", "’d", "'ve", "’ve")


@dataclass(frozen=True, slots=True)
class RecognitionSettings:
    """Population thresholds (people) of the recognition rules."""

    #: A first-level division this big counts as an area name ("Texas", "Punjab").
    admin1_population: int = 200_000
    #: A country-less region this big counts as an area name ("Middle East").
    region_population: int = 1_000_000
    #: "St. Patrick's" is a church or a feast day unless a place of the name is this big.
    saint_population: int = 100_000
    #: A common word ("Mobile") or an acronym ("GNA") is a place only this big.
    common_word_population: int = 100_000
    #: A single-word place this big stays a place next to other capitalised words.
    major_population: int = 50_000
    #: A surname ("Wilson") is a place only this big.
    surname_population: int = 50_000


DEFAULT_RECOGNITION = RecognitionSettings()


def caps_context(tokens: Sequence[Token], i: int) -> bool:
    """Whether the words around token ``i`` are in capitals too (a headline)."""
    near = [tokens[k].text for k in (i - 1, i + 1) if 0 <= k < len(tokens)]
    return any(len(w) > 1 and w.isupper() for w in near)


def own_population(word: str, places: Sequence[Place]) -> int:
    """Largest population among the places whose own name (not an alias) is ``word``."""
    key = normalize(word)
    return max((p.population for p in places if normalize(p.name) == key), default=0)


def adjacent_cap(text: str, tokens: Sequence[Token], k: int, left: bool) -> Token | None:
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


class _lazy:  # noqa: N801 - used as a decorator, like functools.cached_property
    """A property computed on first use and stored on the instance.

    No lock: one thread owns a match context (``functools.cached_property`` locks on every
    first access, which costs more than most rules).
    """

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function
        self.name = function.__name__
        self.__doc__ = function.__doc__

    def __get__(self, instance: Any, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = self.function(instance)
        instance.__dict__[self.name] = value
        return value


class MatchContext:
    """One gazetteer match (tokens ``i`` to ``j`` of a text) and what rules ask about it.

    Everything is computed on first use, so a match the first rules decide costs little.
    """

    def __init__(
        self,
        text: str,
        tokens: Sequence[Token],
        i: int,
        j: int,
        end: int,
        places: tuple[Place, ...],
        person_words: set[str],
        *,
        settings: RecognitionSettings,
        person_rules: bool,
        is_common: Callable[[str], bool] | None,
        language: str | None = None,
        names_place: Callable[[str], bool] | None = None,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.i = i
        self.j = j
        self.end = end
        self.places = places
        self.person_words = person_words
        self.settings = settings
        self.person_rules = person_rules
        self._is_common = is_common
        #: Whether a word has a gazetteer reading (None: not asked, as in unit tests).
        self.names_place = names_place
        #: The text's language when it is not English (:mod:`gazetteer.language`), else None.
        self.language = language
        self.first = tokens[i]
        self.surface = text[self.first.start : end]
        self.single = i == j

    @_lazy
    def lower(self) -> str:
        """Return the surface in lower case, without a final dot or a clitic ("Libya's")."""
        lower = self.surface.lower().rstrip(".")
        for suffix in _CLITICS:
            if lower.endswith(suffix):
                lower = lower[: -len(suffix)]
        return lower

    @_lazy
    def big(self) -> int:
        """Return the largest population among the match's places."""
        return max((p.population for p in self.places), default=0)

    @_lazy
    def admin(self) -> bool:
        """Tell whether a reading is a country, sea, continent or large first-level area."""
        s = self.settings
        return any(
            p.feature_code.startswith(("PCL", "CONT"))
            or p.precision in ("country", "sea")
            or (p.feature_code == "ADM1" and p.population >= s.admin1_population)
            or (
                not p.country_code
                and p.precision == "region"
                and p.population >= s.region_population
            )
            for p in self.places
        )

    @_lazy
    def common(self) -> bool:
        """Tell whether the name is a common English word ("March", "Mobile")."""
        return self.lower in COMMON_WORDS or bool(
            self.single and self._is_common and self._is_common(self.lower)
        )

    @_lazy
    def major(self) -> bool:
        """Tell whether the match is an area, a big place or a multi-word name (a place still)."""
        return self.admin or self.big >= self.settings.major_population or not self.single

    @_lazy
    def own_big(self) -> int:
        """Return the largest population of the places whose own name this is."""
        return own_population(self.lower, self.places)

    @_lazy
    def before(self) -> Token | None:
        """Return the capitalised word glued before the match, if any."""
        return adjacent_cap(self.text, self.tokens, self.i, left=True)

    @_lazy
    def after(self) -> Token | None:
        """Return the capitalised word glued after the match, if any."""
        return adjacent_cap(self.text, self.tokens, self.j, left=False)


@dataclass(frozen=True, slots=True)
class RecognitionRule:
    """A named recognition rule: when ``test`` holds, the match is kept or dropped."""

    name: str
    decides: Literal["keep", "drop"]
    applies_to: str
    example: str
    test: Callable[[MatchContext], bool]


def _short_word(c: MatchContext) -> bool:
    if not (c.single and len(c.lower) <= 2 and not (c.surface.isupper() and c.admin)):
        return False
    return not (c.surface.endswith(".") and keeps_dot(c.surface))


def _common_word(c: MatchContext) -> bool:
    if not (c.single and c.common):
        return False
    caps = c.surface.isupper() and caps_context(c.tokens, c.i)
    if c.surface.isupper() and c.admin and not caps:
        return False
    floor = c.settings.common_word_population
    return c.first.sentence_initial or c.first.text.islower() or (
        c.own_big < floor and not c.admin
    )


def _acronym(c: MatchContext) -> bool:
    s = c.surface
    return (
        c.single
        and s.isupper()
        and 2 <= len(s) <= 5
        and "." not in s
        and not c.admin
        and c.own_big < c.settings.common_word_population
    )


#: Rule name (trace, switch): a word in capitals used as an acronym before a noun.
ACRONYM_BEFORE_NOUN = "acronym-before-noun"


def _acronym_before_noun(c: MatchContext) -> bool:
    """Tell whether a place's name written in capitals is an acronym modifying a noun.

    "An Albany police SWAT team", "the NICE program", "ISIS fighters" in prose: a word of
    three to five capitals glued before a lower-case word, in a sentence not in capitals
    and not at its start (a dateline), names a unit or a programme, not Swat district or
    Nice. A country or large area is left alone ("US troops", "UK officials").
    """
    s = c.surface
    if not (c.single and s.isupper() and 3 <= len(s) <= 5 and s.isalpha()) or c.admin:
        return False
    if c.first.sentence_initial or caps_context(c.tokens, c.i):
        return False
    k = c.j + 1
    if k >= len(c.tokens):
        return False
    follower = c.tokens[k]
    word = follower.text.lower()
    if word in ALLOWED_PRECEDERS or word in CONNECTORS:
        return False  # "the CHU in Montpellier": the acronym is itself a place here
    return c.text[c.end : follower.start] == " " and follower.text[:1].islower()


def _name_particle(c: MatchContext) -> bool:
    t, i = c.tokens, c.i
    return (
        c.language is None  # "Vecinos de Maracay", "die Altstadt von Passau": prepositions
        and i >= 2
        and not c.admin
        and t[i - 1].text.lower() in NAME_PARTICLES
        and t[i - 2].capitalized
        and c.text[t[i - 2].end : t[i - 1].start] == " "
        and c.text[t[i - 1].end : c.first.start] == " "
    )


def _minor_after_word(c: MatchContext) -> bool:
    before = c.before
    if before is None or c.major:
        return False
    word = before.text.lower()
    return (
        word not in ALLOWED_PRECEDERS
        and not before.text.isupper()
        and not word.endswith(("'s", "’s"))
    )


def _minor_before_word(c: MatchContext) -> bool:
    after = c.after
    if after is None or c.major:
        return False
    return strip_dot(after.text).lower() not in ALLOWED_FOLLOWERS and not (
        c.first.text.isupper() and after.text.isupper()
    )


#: Rule name (trace, switch): a minor place nothing introduces, in a text not in English.
FOREIGN_UNINTRODUCED = "foreign-unintroduced-minor"


def _foreign_unintroduced(c: MatchContext) -> bool:
    """Tell whether a minor one-word place in a text not in English lacks a locative word.

    German capitalises every noun ("die Altstadt", "nach starkem Regen"), every language
    the first word of a sentence ("Vecinos de Maracay"): there a capitalised word that is
    only a small place's name is a place when a preposition, a list's conjunction or a
    comma puts it as one ("von Passau", "y Cali").
    """
    if c.language is None or not c.single or c.major:
        return False
    introducers = PLACE_INTRODUCERS.get(c.language)
    if not introducers:
        return False
    if c.i == 0:
        return True
    previous = c.tokens[c.i - 1]
    gap = c.text[previous.end : c.first.start]
    if "," in gap or "(" in gap:
        return False
    return "." in gap or previous.text.lower().rstrip("'’") not in introducers


def _first_and_surname(c: MatchContext) -> bool:
    return (
        c.single
        and c.person_rules
        and c.after is not None
        and is_first_name(c.lower)
        and is_surname(strip_dot(c.after.text))
        and not any(p.precision == "country" for p in c.places)
    )


#: Rule name (trace, switch): a place's name that starts a run of personal names.
PERSON_NAME_RUN = "person-name-run"
_NOT_NAME_WORDS = ALLOWED_FOLLOWERS | STREET_WORDS | FEATURE_TAIL_WORDS | COMMON_WORDS


def _middle_initial(c: MatchContext, after: Token) -> bool:
    """Whether ``after`` is a middle initial ("Z.") glued before a capitalised word."""
    word = strip_dot(after.text)
    if len(word) != 1 or not word.isupper():
        return False
    k = c.j + 1
    if k + 1 >= len(c.tokens) or c.tokens[k].start != after.start:
        return False
    follower = c.tokens[k + 1]
    gap = c.text[after.end : follower.start]
    return follower.capitalized and gap in (" ", ". ")


def _person_name_run(c: MatchContext) -> bool:
    """Tell whether a one-word place that is a personal name begins a person's full name.

    "Mary Alice Spaulding", "Jackson Cole", "Mary Z. Connaughton": a first name or surname
    glued before another personal name, or before a middle initial, is a person, whatever
    the place's size, a country's included (Mary, Turkmenistan; Jackson, Mississippi;
    "Chad Walker"). Not before a word that names a place's part or an institution
    ("Jackson County", "Lincoln Park", "Hill Street"), nor a common word.
    """
    after = c.after
    if not (c.single and c.person_rules and after is not None):
        return False
    if not (is_first_name(c.lower) or is_surname(c.lower)):
        return False
    if c.first.text.isupper():
        return False  # a dateline or a headline in capitals ("LONDON Pope Francis")
    if _middle_initial(c, after):
        return True
    word = strip_dot(after.text).lower()
    if word in _NOT_NAME_WORDS or (c._is_common is not None and c._is_common(word)):
        return False
    return is_first_name(word) or is_surname(word)


#: Rule name (trace, switch): a first name before a capitalised word that is no place.
FIRST_NAME_UNKNOWN_SURNAME = "first-name-unknown-surname"


def _first_name_unknown_surname(c: MatchContext) -> bool:
    """Tell whether a one-word place that is a first name begins a person's name.

    "Lori Whipps received a call", "Chad Okonkwo said": a common first name glued before
    a capitalised word that is neither a place, nor a common word, nor a word of a
    place's or institution's name is a person, though the surname is in no list of
    surnames (:func:`_person_name_run` needs one). A country is left alone ("Jordan
    Valley" is caught by its tail word; "Israel Katz" by the surname list).
    """
    after = c.after
    if not (c.single and c.person_rules and after is not None and c.names_place is not None):
        return False
    if not is_first_name(c.lower) or c.first.text.isupper():
        return False
    if c.text[c.end:after.start] != " " or any(p.precision == "country" for p in c.places):
        return False
    word = after.text
    if len(word) < 3 or not word.isalpha() or not (word[0].isupper() and word[1:].islower()):
        return False
    lower = word.lower()
    if lower in _NOT_NAME_WORDS or (c._is_common is not None and c._is_common(lower)):
        return False
    return not c.names_place(word)


#: Rule name (trace, switch): a surname before the words of a leader's tenure.
LEADER_TENURE = "leader-tenure"
_TENURE_RE = re.compile(
    r"(?:\s+and\s+\w+)?(?:\s+(?:Jr|Sr)\b\.?)?\s+(?:administrations?|presidency|Jr\b|Sr\b)",
    re.IGNORECASE,
)


def _leader_tenure(c: MatchContext) -> bool:
    """Tell whether a place's name that is a surname names a leader's time in office.

    "The Bush administration", "the Clinton and Bush Jr administrations", "Bush Sr.": a
    person, not a town called Bush or Clinton. A country or large area is left alone ("the
    Georgia administration" may be the state's government).
    """
    if not (c.single and c.person_rules) or c.admin:
        return False
    if not (is_surname(c.lower) or is_first_name(c.lower)):
        return False
    return bool(_TENURE_RE.match(c.text, c.end))


#: Rule name (trace, switch): a personal name right after a locative preposition.
LOCATIVE_PERSONAL_NAME = "locative-personal-name"
#: Prepositions after which a lone personal name is a place ("in Worthington").
LOCATIVE_PREPOSITIONS: frozenset[str] = frozenset(
    "in near outside inside across throughout".split()
)


def _locative_personal_name(c: MatchContext) -> bool:
    """Tell whether a one-word place that is a personal name stands right after "in", "near".

    "The raid at the plant in Worthington", "industries operating in Clinton during the
    war": a first name or surname alone after a locative preposition is the place. The
    surname and first-name rules would drop it (on the development sets every such drop
    was a gold toponym). A possessive is a person ("in Clinton's campaign").
    """
    if not c.single or c.i == 0 or c.surface.endswith(("'s", "’s")):
        return False
    previous = c.tokens[c.i - 1]
    if previous.text.lower() not in LOCATIVE_PREPOSITIONS:
        return False
    if not c.text[previous.end : c.first.start].isspace():
        return False
    return is_first_name(c.lower) or is_surname(c.lower)


#: The recognition rules, in the order they are tried (the first that holds decides).
RECOGNITION_RULES: tuple[RecognitionRule, ...] = (
    RecognitionRule(
        "stop-phrase", "drop", "names news uses for something else, and armed groups",
        "White House", lambda c: c.lower in STOP_PHRASES,
    ),
    RecognitionRule(
        DISEASE_EPONYM, "drop", "a place's name that is part of a disease's name",
        "Lassa fever, West Nile virus, two Ebola patients",
        lambda c: names_disease(c.text, c.first.start, c.end, c.lower),
    ),
    RecognitionRule(
        "foreign-function-word", "drop",
        "a function word of the text's language (not English), capitalised", "À Lubumbashi",
        lambda c: c.single and c.language is not None
        and c.lower in STOP_WORDS_BY_LANGUAGE.get(c.language, ()),
    ),
    RecognitionRule(
        FOREIGN_UNINTRODUCED, "drop",
        "a minor single-word place that no preposition, conjunction or comma introduces, "
        "in a text not in English", "die Altstadt von Passau; Vecinos de Maracay",
        _foreign_unintroduced,
    ),
    RecognitionRule(
        "bare-direction", "drop", "a single compass word", "North",
        lambda c: c.single and c.lower in DIRECTIONS,
    ),
    RecognitionRule(
        "capitals-dateline", "keep", "a sentence-initial name in capitals before a dateline",
        "WINONA -- The body of", lambda c: c.first.sentence_initial
        and c.surface.isupper()
        and bool(_DATELINE_RE.match(c.text, c.end)),
    ),
    RecognitionRule(
        "short-word", "drop", "one- or two-letter words unless an area in capitals or 'Kan.'",
        "Co", _short_word,
    ),
    RecognitionRule(
        "saint-possessive", "drop", "'St. X's' unless a place of the name is big",
        "St. Patrick's", lambda c: bool(_SAINT_POSSESSIVE_RE.match(c.surface.lower()))
        and c.big < c.settings.saint_population,
    ),
    RecognitionRule(
        "common-word", "drop", "a common English word at a sentence start, in lower case, or small",
        "March", _common_word,
    ),
    RecognitionRule(
        "acronym", "drop", "an acronym in capitals that is no country or large area", "GNA",
        _acronym,
    ),
    RecognitionRule(
        ACRONYM_BEFORE_NOUN, "drop", "a place's name in capitals before a lower-case noun",
        "an Albany police SWAT team", _acronym_before_noun,
    ),
    RecognitionRule(
        "name-particle", "drop", "a name after a personal-name particle after a capitalised word",
        "Mike de Kock", _name_particle,
    ),
    RecognitionRule(
        "person-title-before", "drop", "a name right after a personal title",
        "President Lincoln",
        lambda c: c.before is not None and c.before.text.lower() in PERSON_TITLES,
    ),
    RecognitionRule(
        "minor-after-capitalised-word", "drop",
        "a minor single-word place glued after another capitalised word", "Bob Wilson",
        _minor_after_word,
    ),
    RecognitionRule(
        "media-name", "drop", "a place followed by a newspaper or agency word",
        "Washington Post", lambda c: c.after is not None
        and strip_dot(c.after.text).lower() in MEDIA_WORDS,
    ),
    RecognitionRule(
        "minor-before-capitalised-word", "drop",
        "a minor single-word place glued before a capitalised word that is no institution",
        "Brown Shoes", _minor_before_word,
    ),
    RecognitionRule(
        "person-word-in-document", "drop",
        "a single word the document uses as part of a person's name", "Smith said",
        lambda c: c.single and c.lower in c.person_words and not c.admin,
    ),
    RecognitionRule(
        "first-name-and-surname", "drop", "a first name that is a place, before a surname",
        "Virginia Madsen", _first_and_surname,
    ),
    RecognitionRule(
        LEADER_TENURE, "drop", "a surname before 'administration', 'presidency', 'Jr' or 'Sr'",
        "the Bush administration", _leader_tenure,
    ),
    RecognitionRule(
        PERSON_NAME_RUN, "drop",
        "a place's name that is a personal name, before another personal name or an initial",
        "Jackson Cole, Mary Z. Connaughton", _person_name_run,
    ),
    RecognitionRule(
        FIRST_NAME_UNKNOWN_SURNAME, "drop",
        "a first name that is a place, before a capitalised word that is no place",
        "Lori Whipps received a call", _first_name_unknown_surname,
    ),
    RecognitionRule(
        LOCATIVE_PERSONAL_NAME, "keep",
        "a first name or surname alone right after 'in', 'near', 'outside'",
        "the raid in Worthington", _locative_personal_name,
    ),
    RecognitionRule(
        "first-name", "drop", "a first name before a capitalised word, or a minor place",
        "Henry", lambda c: c.single and not c.admin and c.person_rules
        and is_first_name(c.lower) and (c.after is not None or not c.major),
    ),
    RecognitionRule(
        "surname", "drop", "a surname known only as a small place", "Polk",
        lambda c: c.single and not c.admin and c.person_rules and not c.major
        and c.big < c.settings.surname_population and is_surname(c.lower),
    ),
)


def judge(
    context: MatchContext, rules: Sequence[RecognitionRule] = RECOGNITION_RULES
) -> tuple[bool, str]:
    """Return ``(kept, rule name)``: the first rule whose test holds decides.

    >>> RECOGNITION_RULES[0].name, len(RECOGNITION_RULES) > 10
    ('stop-phrase', True)
    """
    for rule in rules:
        if rule.test(context):
            return rule.decides == "keep", rule.name
    return True, KEPT_BY_DEFAULT
