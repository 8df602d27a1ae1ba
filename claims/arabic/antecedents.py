"""Whose forces "قواته / قواتها / مقاتليهم / القوات" are, inside one sentence (issue 16).

Reporting joins two sides in one sentence: "قالت قوات الدعم السريع إن الجيش فر، وإن قواتها
دخلت ود مدني". Taking the last force named before the reference gives the army the RSF's
entry. Two named rules decide instead:

- **speaker first**: a reference that opens a reported clause (a reporting verb, its
  speaker, then a bare إن / أن right before the reference:
  :func:`claims.arabic.clauses.is_speaker`) is the speaker's own force, when the two agree;
  with two speakers before it, the nearest (rule **nearest speaker**: "أعلنت قوات الدعم
  السريع سيطرتها ... في حين قال الجيش إن قواته انسحبت" is the army's withdrawal).
  A reference later in the clause ("إن قوات الدعم السريع انسحبت تاركة آلياتها") belongs
  to that clause's own force, by agreement below.
- **agreement**: the marked pronoun suffixes (ها feminine, هم plural:
  :data:`SUFFIX_GENDER`; ه masculine is unmarked and fits any actor) have a gender and
  number that its antecedent's head word must share
  (:data:`HEAD_GENDER`: القوات الروسية feminine, الجيش السوداني masculine, الحوثيون
  plural). A head in the construct state (no ال: قوات حفتر، حركة الشباب، حزب الله) gives no
  gender, since "قواته" may mean the owner (Haftar) as well as the head. An actor whose
  gender is not known agrees with any suffix; a reference with no suffix (bare القوات)
  with any actor.

When no actor of the sentence agrees, the caller looks back in the article under the same
agreement, and leaves the actor empty rather than give a force of the wrong side.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from claims.arabic.actors import ArabicActor
from claims.arabic.clauses import is_speaker
from claims.arabic.text import fold
from claims.discourse import REACH_SENTENCES, ActorEntry, Discourse

__all__ = ["FEMININE_NAMES", "HEAD_GENDER", "SUFFIX_GENDER", "agrees", "gender_of_actor",
           "gender_of_reference", "article_antecedent", "sentence_antecedent"]

#: Pronoun suffix of a reference (folded) -> "m" (his), "f" (hers, its for a feminine
#: body), "p" (theirs).
SUFFIX_GENDER: dict[str, str] = {"هم": "p", "ها": "f", "ه": "m"}
#: Head word of an actor phrase (folded, without ال and clitics) -> gender; broken plurals
#: of things (قوات، فصائل) take feminine singular agreement.
HEAD_GENDER: dict[str, str] = {
    **dict.fromkeys(("قوات", "حركه", "هييه", "جماعه", "جبهه", "وحدات", "الويه", "كتايب",
                     "فصايل", "ميليشيات", "مليشيات", "ميليشيا", "مليشيا", "طايرات", "مقاتلات",
                     "قياده", "وزاره", "حكومه", "سلطات", "مسيرات", "دبابات", "غارات"), "f"),
    **dict.fromkeys(("جيش", "حزب", "تنظيم", "مجلس", "حشد", "لواء", "فيلق", "تحالف", "نظام",
                     "طيران", "حفتر"), "m"),
}
#: Actors named by a bare name that take feminine agreement (countries and movements).
FEMININE_NAMES: frozenset[str] = frozenset({
    "اسراييل", "روسيا", "تركيا", "اوكرانيا", "ايران", "حماس", "امريكا", "واشنطن", "موسكو",
    "كييف", "اثيوبيا", "اريتريا", "رواندا", "اذربيجان", "ارمينيا", "السعوديه", "الامارات",
})
#: A bare complementizer right before the reference: the reference is the clause's subject.
_OPENS_CLAUSE_RE = re.compile(r"(?<![\w])[وب]?ان\s+$")
_PLURAL_END_RE = re.compile(r"(?:يون|يين|ون)$")
_CLITIC_RE = re.compile(r"^[وفبل]{0,2}(?:ال)?")


def gender_of_actor(actor: ArabicActor) -> str | None:
    """Return "m", "f" or "p" for an actor phrase's head word, or None when not known.

    >>> from claims.arabic.actors import ArabicActor
    >>> [gender_of_actor(ArabicActor(0, 1, t, None, ())) for t in
    ...  ("القوات الروسية", "الجيش السوداني", "الحوثيون", "إسرائيل", "قوات حفتر")]
    ['f', 'm', 'p', 'f', None]
    """
    words = fold(actor.text).split()
    if not words:
        return None
    if fold(actor.text) in FEMININE_NAMES or words[0] in FEMININE_NAMES:
        return "f"
    head = words[0]
    bare = _CLITIC_RE.sub("", head, count=1)
    if len(words) > 1 and bare == re.sub(r"^[وفبل]{0,2}", "", head):
        return None  # construct state (قوات حفتر، حركة الشباب): the owner may be meant
    for candidate in (head, bare):
        if candidate in HEAD_GENDER:
            return HEAD_GENDER[candidate]
    if _PLURAL_END_RE.search(head) and len(words) == 1:
        return "p"
    return None


def gender_of_reference(ref_text: str) -> str | None:
    """Return the gender of a possessive reference's suffix (None for bare القوات).

    >>> [gender_of_reference(t) for t in ("قواته", "مقاتليها", "عناصرهم", "القوات")]
    ['m', 'f', 'p', None]
    """
    word = fold(ref_text).split()[0] if ref_text.strip() else ""
    if word.startswith("ال"):
        return None
    for suffix, gender in SUFFIX_GENDER.items():  # هم before ه
        if word.endswith(suffix):
            return gender
    return None


def agrees(ref_gender: str | None, actor_gender: str | None) -> bool:
    """Whether a reference of ``ref_gender`` may stand for an actor of ``actor_gender``.

    The masculine ه is unmarked: "قواته" may mean a commander inside or behind the phrase
    (القوات الموالية لحفتر، إسرائيل ... قواته: its army), so only ها and هم constrain.

    >>> agrees("f", "m"), agrees("p", "f"), agrees("m", "f"), agrees("f", None)
    (False, False, True, True)
    """
    return ref_gender in (None, "m") or actor_gender is None or ref_gender == actor_gender


def sentence_antecedent(folded: str, ref: ArabicActor,
                        actors: Sequence[ArabicActor]) -> ArabicActor | None:
    """Return the actor of the same sentence that ``ref`` stands for, or None.

    The speaker of the reported clause holding ``ref`` first, then the latest agreeing
    named actor before it.

    >>> from claims.arabic.actors import find_arabic_actors, find_arabic_actor_references
    >>> from claims.arabic.text import fold
    >>> text = fold("قالت قوات الدعم السريع إن الجيش السوداني فر وإن قواتها دخلت البلدة")
    >>> named = find_arabic_actors(text)
    >>> ref = find_arabic_actor_references(text, None, named)[0]
    >>> sentence_antecedent(text, ref, named).norm
    'RSF'
    """
    gender = gender_of_reference(ref.text)
    before = [a for a in actors if a.end <= ref.start and a.kind != "reference" and a.norm]
    if _OPENS_CLAUSE_RE.search(folded, 0, ref.start):  # "وإن قواتها": it opens the clause
        # rule "nearest speaker": the latest speaker is the one whose clause holds the
        # reference ("أعلنت قوات الدعم السريع ... في حين قال الجيش إن قواته": the army's)
        for actor in reversed(before):
            if is_speaker(folded, actor, ref.start) and agrees(gender, gender_of_actor(actor)):
                return actor
    for actor in reversed(before):
        if agrees(gender, gender_of_actor(actor)):
            return actor
    return None


def article_antecedent(ref: ArabicActor, discourse: Discourse) -> ActorEntry | None:
    """Return the latest actor of the article's earlier sentences that ``ref`` agrees with.

    Within :data:`claims.discourse.REACH_SENTENCES`; None when none agrees (nothing is
    guessed across sides).
    """
    gender = gender_of_reference(ref.text)
    for entry in reversed(discourse.actors):
        if discourse.sentence - entry.sentence > REACH_SENTENCES:
            break
        if agrees(gender, gender_of_actor(ArabicActor(0, 0, entry.text, entry.norm, ()))):
            return entry
    return None
