"""Every written form of an Arabic control verb, from its stems (on folded, unvocalized text).

Reporters inflect one verb many ways: past and present, masculine and feminine, singular,
dual and plural, with an attached object pronoun, as a verbal noun (masdar) with the
article, a preposition or a possessive. Instead of listing phrases, a :class:`Lemma` names
the stems once and :func:`lemma_pattern` spells out the inflections:

- past: stem + ت / تا / ا / وا / ن / نا / تم (سيطرت، سيطروا، سيطرنا), and before an object
  pronoun ه / ها / هم / هما the plural وا loses its alef (دخلوها، اقتحمتها);
- present: ي / ت / ن / ا (and the future س) + present stem + ون / ان / ين / وا / ا
  (يسيطرون، تستعيد، سيدخلون), also with an object pronoun (يحاصرونها);
- passive: the written passive stems (استعيد، حوصر) + ت;
- masdar: with ال / ب / بال / ل / لل, the accusative alef (حصارا، هجوما), and a
  possessive pronoun, ta marbuta written ت before it (سيطرتها، انسحابها، تقدمهم).

Unvocalized Arabic writes many passives like their actives (قصفت: "shelled" and "was
shelled"); both read as the same action on the place that follows.

>>> import re
>>> rx = re.compile(lemma_pattern(Lemma("enter", past=("دخل",), present=("دخل",),
...                                      masdar=("دخول",))))
>>> [bool(rx.fullmatch(w)) for w in ("دخلوها", "يدخلون", "سيدخلون", "دخولها", "مدخل")]
[True, True, True, True, False]
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["Lemma", "lemma_pattern", "masdar_pattern", "past_pattern", "present_pattern"]

#: Object / possessive pronouns attached to a verb or a noun.
PRONOUNS = r"(?:هما|هم|ها|ه|نا)"
#: Past-tense subject endings (without a pronoun after them).
_PAST_END = r"(?:تما|تم|تا|ت|وا|ا|نا|ن)?"
#: Past-tense subject endings before an object pronoun (وا -> و).
_PAST_END_OBJ = r"(?:تمو|تم|تا|ت|و|ا|نا)?"
#: Present-tense prefixes, after an optional future س.
_PRES_PRE = r"س?[يتنا]"
_PRES_END = r"(?:ون|ان|ين|وا|ا|ن)?"
_PRES_END_OBJ = r"(?:و|ا|ون|ان|ين)?"
#: Clitics before a verbal noun: the article, a preposition, both.
_MASDAR_PRE = r"(?:بال|لل|ال|ب|ل|وال|فال)?"


@dataclass(frozen=True, slots=True)
class Lemma:
    """A verb's stems, folded: past, present (without its prefix), passive, verbal nouns.

    ``transitive``: whether the verb takes an object pronoun (دخلها); ``masdar`` are the
    verbal nouns as written alone (ta marbuta folded to ه: سيطره).
    """

    name: str
    past: tuple[str, ...] = ()
    present: tuple[str, ...] = ()
    passive: tuple[str, ...] = ()
    masdar: tuple[str, ...] = ()
    transitive: bool = True


def _alt(parts: list[str]) -> str:
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


def _conjugated(stems: Sequence[str], prefix: str, ending: str, ending_before_object: str,
                transitive: bool) -> str:
    """Return ``stems`` with their prefix and endings, object pronouns first if transitive."""
    if not stems:
        return "(?!)"
    stem = prefix + _alt(sorted(stems, key=len, reverse=True))
    forms = [f"{stem}{ending}"]
    if transitive:
        forms.insert(0, f"{stem}{ending_before_object}{PRONOUNS}")
    return _alt(forms)


def past_pattern(lemma: Lemma) -> str:
    """Return the past (and passive) forms of ``lemma`` as a regex without anchors."""
    stems = tuple(dict.fromkeys((*lemma.past, *lemma.passive)))
    return _conjugated(stems, "", _PAST_END, _PAST_END_OBJ, lemma.transitive)


def present_pattern(lemma: Lemma) -> str:
    """Return the present-tense forms of ``lemma`` (with the future prefix) as a regex."""
    return _conjugated(lemma.present, _PRES_PRE, _PRES_END, _PRES_END_OBJ,
                       lemma.transitive)


def masdar_pattern(lemma: Lemma) -> str:
    """Return the verbal nouns of ``lemma`` with their clitics, case ending and possessives."""
    if not lemma.masdar:
        return "(?!)"
    forms = []
    for noun in sorted(lemma.masdar, key=len, reverse=True):
        bound = noun[:-1] + "ت" if noun.endswith("ه") else noun
        forms.append(f"{_MASDAR_PRE}{noun}(?:ا)?")
        forms.append(f"{bound}{PRONOUNS}")
    return _alt(forms)


def lemma_pattern(lemma: Lemma, *, present: bool = True, masdar: bool = True) -> str:
    """Every form of ``lemma`` as one regex without anchors (longest forms first)."""
    parts = [past_pattern(lemma)]
    if present:
        parts.append(present_pattern(lemma))
    if masdar:
        parts.append(masdar_pattern(lemma))
    return _alt(parts)
