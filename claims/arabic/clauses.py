"""Arabic sentence structure around a control verb: speakers, coordinated places, locatives.

Named rules, each data plus one small function, used by :mod:`claims.arabic.control`:

- **speaker** (:func:`is_speaker`): "قالت حماس إن الغارات الإسرائيلية استهدفت ..." — a
  reporting verb (:data:`REPORTING_WORDS`) introduces a speaker, and a bare complementizer
  (إن / أن / بأن, no pronoun on it) opens the reported clause that holds the agent. The
  speaker is then no fallback subject of a verb inside that clause. With a pronoun on the
  complementizer ("أعلن الجيش أنه استعاد") the speaker is the subject, and stays one.
- **coordination** (:data:`LIST_GLUE_RE`): a second place after the same verb repeats the
  claim: "على X وعلى Y", "X ثم Y", "X بالإضافة إلى Y", "X فضلا عن Y"; rule
  "arabic-list-members" (:data:`LIST_MEMBER_RE`) finds the next word of a list, so a member
  the gazetteer lacks in Arabic is read as a name slot.
- **strike after the place**: "تعرضت بلدة كفرنبل لغارات جوية روسية" — the strike noun
  with its country adjective (:data:`claims.arabic.demonyms.FORCE_NOUNS`) follows the
  place it hit; it is the agent when nothing before the place is (:func:`strike_after`).
- **locative** (:func:`locative_head`): a place modified by a locative noun
  (:data:`LOCATIVE_NOUNS`: تلال، أطراف، محيط، ضواحي، مشارف، مداخل) is reached, not taken:
  as in the English rules and the eval convention ("halted on the outskirts of Tripoli" is
  advanced_towards Tripoli), a capture, entry or hold of it becomes advanced_towards the
  place (:data:`LOCATIVE_ACTIONS`); attacks and withdrawals keep their action.

All patterns work on folded text (:func:`claims.arabic.text.fold`).
"""

from __future__ import annotations

import re

from claims.arabic.actors import ArabicActor

__all__ = ["ACCUSING_WORDS", "LIST_GLUE_RE", "LIST_MEMBER_RE", "LOCATIVE_ACTIONS", "LOCATIVE_NOUNS",
           "STRIKE_NOUNS", "REPORTING_WORDS", "SPEAKER_NOT_AGENT_ACTIONS", "is_speaker",
           "list_member_after", "locative_head", "speaker_not_agent", "strike_after"]

#: Words that introduce a speaker (folded): reporting verbs in both genders, with و/ف
#: clitics allowed, and the attributions بحسب / وفق / نقلا عن.
REPORTING_WORDS: tuple[str, ...] = (
    "قال", "قالت", "اعلن", "اعلنت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت",
    "نفي", "نفت", "اتهم", "اتهمت", "زعم", "زعمت", "اوضح", "اوضحت", "صرح", "صرحت",
    "اضاف", "اضافت", "نقلت", "نقل", "بحسب", "حسب", "وفق", "وفقا", "نقلا",
)
#: Reporting words whose speaker is never the agent of the reported clause.
ACCUSING_WORDS: tuple[str, ...] = ("اتهم", "اتهمت")
#: Actions whose agent is never the mere speaker of the clause.
SPEAKER_NOT_AGENT_ACTIONS = frozenset({"attacked"})
#: Words that may stand between the reporting word and the speaker's name
#: ("قال المتحدث باسم X", "نقلت وكالة الأنباء عن X").
_SPEAKER_LEAD = r"(?:\s+(?:ل|عن|المتحدث|الناطق|باسم|بيان|مصدر|مصادر|في|ال\S+)){0,3}"
_REPORTING_BEFORE_RE = re.compile(
    r"(?<![\w])[وف]?(?:" + "|".join(REPORTING_WORDS) + r")" + _SPEAKER_LEAD + r"\s*[لب]?$")
#: A bare complementizer: إن / أن / بأن (folded ان / بان), no pronoun suffix on it.
_COMPLEMENTIZER_RE = re.compile(r"(?<![\w])(?:ب|و)?ان(?![\w])")
#: Characters looked at before an actor for its reporting word.
_LOOK_BACK = 60


def is_speaker(folded: str, actor: ArabicActor, trigger_start: int) -> bool:
    """Whether ``actor`` is the speaker of a reported clause that holds the trigger.

    >>> from claims.arabic.actors import find_arabic_actors
    >>> from claims.arabic.text import fold
    >>> text = fold("قالت حركة حماس إن مدينة خان يونس قصفت")
    >>> is_speaker(text, find_arabic_actors(text)[0], text.index("قصفت"))
    True
    >>> text = fold("أعلنت حركة حماس أنها قصفت مدينة سديروت")
    >>> is_speaker(text, find_arabic_actors(text)[0], text.index("قصفت"))
    False
    """
    head = folded[max(0, actor.start - _LOOK_BACK):actor.start]
    if not _REPORTING_BEFORE_RE.search(head):
        return False
    return _COMPLEMENTIZER_RE.search(folded, actor.end, trigger_start) is not None


def speaker_not_agent(folded: str, actor: ArabicActor, trigger_start: int, action: str) -> bool:
    """Whether ``actor``, named before the trigger, must not be taken as its agent.

    >>> from claims.arabic.actors import find_arabic_actors
    >>> from claims.arabic.text import fold
    >>> text = fold("قالت حركة حماس إن مدينة رفح قصفت")
    >>> speaker_not_agent(text, find_arabic_actors(text)[0], text.index("قصفت"), "attacked")
    True
    >>> speaker_not_agent(text, find_arabic_actors(text)[0], text.index("قصفت"), "withdrew")
    False
    """
    if not is_speaker(folded, actor, trigger_start):
        return False
    head = folded[max(0, actor.start - _LOOK_BACK):actor.start]
    accusing = re.search(r"(?<![\w])[وف]?(?:" + "|".join(ACCUSING_WORDS) + r")(?![\w])", head)
    return action in SPEAKER_NOT_AGENT_ACTIONS or accusing is not None


#: Glue between two coordinated places of one verb (folded): a comma or و, a repeated
#: preposition only after و (وعلى، وفي، ومن، وإلى: a bare "في ولاية X" locates, "من X إلى Y"
#: is a route), ثم, بالإضافة إلى, فضلا عن, وكذلك, بينها, بما فيها; then an optional place noun.
LIST_GLUE_RE = re.compile(
    r"^\s*[،,]?\s*(?:و\s*(?:(?:علي|في|من|الي)\s+)?|ثم\s+|(?:و|ف)?بالاضافه\s+الي\s+|"
    r"فضلا\s+عن\s+|وكذلك\s+|"
    # rule "including": "عدة قرى، بينها X وY"، "أفدييفكا بما فيها X" (not ومنها: "and from
    # it", as in "دخلت بلدة X ومنها انطلقت نحو Y")
    r"(?:و?(?:من\s+)?بينها|بما\s+(?:فيها|فيه|في\s+ذلك))\s+)"
    r"(?:(?:ال)?(?:مدين|بلد|قري|منطق|بلدات|مدن|مديري|محافظ|ولاي|احياء|حي)\S*\s+)?$")

#: Rule "arabic-list-members": the next member of a coordinated place list (folded), a comma
#: (optionally with و) or a bare و glued to the word, then one word: "بيحان وعسيلان وعين"،
#: "سراقب، وأريحا". A clause boundary (. ; : or a new clause word) is no glue, so the list
#: ends there; the caller stops at the first member that is no place either.
LIST_MEMBER_RE = re.compile(r"\s*(?:[،,]\s*و?|و)(?P<word>[^\s،,.:;؛()؟!]{3,})")


def list_member_after(folded: str, pos: int) -> tuple[int, int] | None:
    """Return the span of the list member right after ``pos`` (without its و), or None.

    >>> text = "علي بيحان وعسيلان وعين في"
    >>> s, e = list_member_after(text, 9); text[s:e]
    'عسيلان'
    >>> list_member_after("علي بيحان في شبوه", 9) is None
    True
    """
    m = LIST_MEMBER_RE.match(folded, pos)
    return (m.start("word"), m.end("word")) if m else None


#: Locative nouns (folded, without ال): "the hills / outskirts / surroundings / suburbs /
#: approaches / entrances of X".
LOCATIVE_NOUNS: tuple[str, ...] = (
    "تلال", "تله", "اطراف", "محيط", "ضواحي", "مشارف", "مداخل", "مدخل", "تخوم", "اكناف",
)
#: Actions a locative noun turns into advanced_towards the place it modifies.
LOCATIVE_ACTIONS = frozenset({"captured", "holds"})
_LOCATIVE_RE = re.compile(r"(?<![\w])[وب]?(?:ال)?(?:" + "|".join(LOCATIVE_NOUNS) + r")(?![\w])")


def locative_head(gap: str) -> bool:
    """Whether the words between a verb and its place hold a locative noun.

    >>> locative_head(" علي تلال شمال مدينه ")
    True
    >>> locative_head(" علي مدينه ")
    False
    """
    return _LOCATIVE_RE.search(gap) is not None


#: Strike nouns whose demonym phrase names who struck (folded, without ال).
STRIKE_NOUNS: tuple[str, ...] = ("غارات", "غاره", "ضربات")
_STRIKE_GAP_RE = re.compile(r"^\s*(?:ل|ب|جراء\s+|اثر\s+|من\s+)?$")
_STRIKE_HEAD_RE = re.compile(r"^(?:ال)?(?:" + "|".join(STRIKE_NOUNS) + r")(?![\w])")


def strike_after(folded: str, place_end: int, actors: list[ArabicActor]) -> ArabicActor | None:
    """Return the demonym strike phrase right after the place (لغارات روسية), or None.

    >>> from claims.arabic.actors import ArabicActor
    >>> text = "تعرضت بلده كفرنبل لغارات جويه روسيه"
    >>> strike = ArabicActor(19, 36, text[19:36], "Russia", (), "demonym")
    >>> strike_after(text, 17, [strike]).norm
    'Russia'
    """
    for actor in actors:
        if actor.start < place_end or actor.kind != "demonym":
            continue
        if _STRIKE_GAP_RE.match(folded[place_end:actor.start]) and \
                _STRIKE_HEAD_RE.match(folded[actor.start:actor.end]):
            return actor
        break
    return None
