"""Arabic actor names from ``conflicts.json`` (the same actors as English, Arabic aliases).

An alias matches with a clitic in front (وقوات حفتر, لقوات الدعم السريع) and ل + ال
written لل (للجيش السوداني). Works on folded text; offsets are the folded text's, which
are the original's.

Generic words (القوات الحكومية، الجيش، المتمردون، الفصائل ...; :data:`GENERIC_WORDS`) are
actors too, but whom they mean depends on the war: :func:`find_arabic_generic_actors`
normalizes one through the ``generic`` names of the article's conflict only where exactly
one actor of that conflict lists it; elsewhere the words are kept with no norm.
Possessive forces (قواته، مقاتليها، عناصره; :data:`ACTOR_REFERENCE_RE`) stand for an actor
named before and are resolved by the extractor's discourse.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from claims.arabic.text import fold
from gazetteer.arabic import has_arabic

__all__ = ["ACTOR_REFERENCE_RE", "GENERIC_WORDS", "HEAD_WORDS", "ArabicActor",
           "find_arabic_actor_references", "find_arabic_actors", "find_arabic_generic_actors",
           "generic_norm", "merge_appositions", "normalize_by_war", "UNIT_REFERENCE_RE"]


@dataclass(frozen=True, slots=True)
class ArabicActor:
    """An actor named in a sentence: span (without clitics), text, normalized actor, conflicts."""

    start: int
    end: int
    text: str
    norm: str | None
    conflicts: tuple[str, ...]
    #: How the actor was read when not by name: "generic" (الجيش), "reference" (قواته).
    kind: str = "name"


def _case_forms(*aliases: str) -> tuple[str, ...]:
    """Return folded aliases with the genitive/accusative of their sound plurals (rule "case").

    A name listed in the nominative ("المتمردون الطوارق") is written with ين after a
    preposition or a noun it completes ("معقل المتمردين الطوارق"، "هاجم المتمردين").

    >>> _case_forms("المتمردون الطوارق")
    ('المتمردون الطوارق', 'المتمردين الطوارق')
    >>> _case_forms("قوات حفتر")
    ('قوات حفتر',)
    """
    out = dict.fromkeys(aliases)
    for alias in aliases:
        words = alias.split(" ")
        genitive = [w[:-2] + "ين" if len(w) > 4 and w.endswith("ون") else w for w in words]
        out.setdefault(" ".join(genitive))
    return tuple(out)


@lru_cache(maxsize=1)
def _table() -> tuple[re.Pattern[str] | None, dict[str, tuple[str, tuple[str, ...]]]]:
    from claims.actors import default_actor_book

    table: dict[str, tuple[str, list[str]]] = {}
    for conflict in default_actor_book().conflicts.values():
        for norm, aliases in conflict.aliases.items():
            for alias in aliases:
                if not has_arabic(alias):
                    continue
                for key in _case_forms(fold(alias), *_fighters_of(fold(alias))):
                    entry = table.setdefault(key, (norm, []))
                    if conflict.id not in entry[1]:  # every war naming it, whatever its norm
                        entry[1].append(conflict.id)
    if not table:
        return None, {}
    parts = []
    for key in sorted(table, key=len, reverse=True):
        body = re.escape(key).replace(r"\ ", r"\s+")
        if key.startswith("ال"):
            body = f"(?:{body}|ل{re.escape(key[1:])})"
        parts.append(body)
    pattern = re.compile(r"(?<![\w])(?P<pre>[وفبلك]{0,2}?)(?P<name>" + "|".join(parts)
                         + r")(?![\w])")
    return pattern, {k: (v[0], tuple(v[1])) for k, v in table.items()}


#: A run of word characters: an alias match can only start where one starts.
_WORD_RUN_RE = re.compile(r"\w+")
#: The clitics the alias pattern allows in front of a name (at most two).
_CLITICS = frozenset("وفبلك")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str] | None:
    """Return the first words the alias pattern's names can start with, or None.

    An alias's first word, and for one starting with ال the لل form's (للجيش). None when a
    first word is not a plain run of word characters: then :func:`_alias_matches` cannot
    tell where a match may start and searches the whole sentence.
    """
    firsts: set[str] = set()
    for key in _table()[1]:
        first = key.split(" ")[0]
        firsts.add(first)
        if key.startswith("ال"):
            firsts.add("ل" + first[1:])
    return frozenset(firsts) if all(_WORD_RUN_RE.fullmatch(w) for w in firsts) else None


def _alias_matches(pattern: re.Pattern[str], folded: str) -> Iterator[re.Match[str]]:
    """Yield ``pattern.finditer(folded)``'s matches, trying the pattern only where one may start.

    A match starts a run of word characters (the lookbehind), up to two clitics and then a
    name whose first word ends the run (a space or the name's end follows it). So only runs
    that are such a first word behind at most two clitics are tried, with ``match`` at their
    start, left to right and never inside the match before: the same matches, without
    trying some two hundred aliases at every word of the sentence.
    """
    firsts = _first_words()
    if firsts is None:
        yield from pattern.finditer(folded)
        return
    end = 0
    for run in _WORD_RUN_RE.finditer(folded):
        start = run.start()
        if start < end:
            continue
        word = run.group()
        if not (word in firsts or (word[0] in _CLITICS and (
                word[1:] in firsts or (word[1:2] in _CLITICS and word[2:] in firsts)))):
            continue
        match = pattern.match(folded, start)
        if match is not None:
            end = match.end()
            yield match


@lru_cache(maxsize=1)
def _norms_by_war() -> dict[str, dict[str, str]]:
    """Return folded Arabic alias -> {conflict: norm}, for :func:`normalize_by_war`.

    A name several wars list (فاغنر: LNA (Wagner) in Libya, Russia in Ukraine) means what
    the article's war lists it as.
    """
    from claims.actors import default_actor_book

    out: defaultdict[str, dict[str, str]] = defaultdict(dict)
    for conflict in default_actor_book().conflicts.values():
        for norm, aliases in conflict.aliases.items():
            for alias in filter(has_arabic, aliases):
                for key in _case_forms(fold(alias), *_fighters_of(fold(alias))):
                    out[key].setdefault(conflict.id, norm)
    return dict(out)


def normalize_by_war(actors: list[ArabicActor], conflict: str | None) -> list[ArabicActor]:
    """Return ``actors`` with each name normalized as the article's war lists it.

    >>> from claims.arabic.text import fold
    >>> [a.norm for a in normalize_by_war(find_arabic_actors(fold("قوات فاغنر")), "ukraine")]
    ['Russia']
    >>> [a.norm for a in normalize_by_war(find_arabic_actors(fold("قوات فاغنر")), "libya")]
    ['LNA (Wagner)']
    """
    norms = _norms_by_war()
    out = []
    for actor in actors:
        key = re.sub(r"\s+", " ", fold(actor.text))
        # "قوات فاغنر" listed by one war, "فاغنر" by another: the name without its force word
        norm = next((norms[k][conflict] for k in (key, key.partition(" ")[2])
                     if conflict in norms.get(k, {})), None)
        if actor.kind == "name" and norm and norm != actor.norm:
            actor = replace(actor, norm=norm, conflicts=(conflict,))
        elif (actor.kind == "name" and norm is None and conflict and conflict in _war_ids()
              and conflict not in actor.conflicts and key in _GENERIC_KEYS):
            # rule "generic outside its war": "المعارضة المسلحة" is Syria's rebels by name,
            # any war's opposition by sense: in another war it is read as that war's word
            norm = generic_norm(key, conflict)
            actor = replace(actor, norm=norm, conflicts=(conflict,) if norm else (),
                            kind="generic")
        out.append(actor)
    return out


@lru_cache(maxsize=1)
def _war_ids() -> frozenset[str]:
    from claims.actors import default_actor_book

    return frozenset(default_actor_book().conflicts)


#: Head nouns of organisations' names, dropped after a word for their fighters: "حركة
#: الشباب" -> "مسلحو الشباب", "جماعة الحوثي" -> "مقاتلو الحوثي" (folded).
ORGANISATION_HEADS = ("حركه", "جماعه", "تنظيم", "هييه", "جبهه", "حزب")
#: Words for the fighters of an organisation, nominative and genitive/accusative.
FIGHTERS = ("مقاتلو", "مقاتلي", "مسلحو", "مسلحي", "عناصر")


def _fighters_of(alias: str) -> tuple[str, ...]:
    """Return "fighters of" forms of an organisation's folded name without its head noun.

    >>> _fighters_of("حركه الشباب")[:2]
    ('مقاتلو الشباب', 'مقاتلي الشباب')
    >>> _fighters_of("قوات الدعم السريع")
    ()
    """
    head, _, rest = alias.partition(" ")
    if head not in ORGANISATION_HEADS or not rest:
        return ()
    return tuple(f"{fighters} {rest}" for fighters in FIGHTERS)


def find_arabic_actors(folded: str, text: str | None = None) -> list[ArabicActor]:
    """Find the actors a folded sentence names, left to right.

    >>> [(a.text, a.norm) for a in find_arabic_actors(fold("وسيطرت قوات حفتر علي سرت"))]
    [('قوات حفتر', 'LNA')]
    >>> [a.norm for a in find_arabic_actors(fold("انسحب منها للجيش السوداني"))]
    ['SAF']
    """
    pattern, table = _table()
    if pattern is None:
        return []
    out: list[ArabicActor] = []
    for m in _alias_matches(pattern, folded):
        name = re.sub(r"\s+", " ", m.group("name"))
        entry = table.get("ال" + name[2:] if name.startswith("لل") else name)
        if entry is None:
            continue
        start, end = m.start("name"), m.end("name")
        out.append(ArabicActor(start, end, (text or folded)[start:end], entry[0], entry[1]))
    return out


#: Rule "national army of the war": "الجيش الوطني" / "قوات الجيش الوطني" with no country after
#: them are the state army of the article's war (Yemen's, Somalia's, Afghanistan's), not the
#: Libyan National Army whose short name they also are; ``conflicts.json`` lists them as
#: LNA generics, so only a Libyan article reads them as the LNA.
NATIONAL_ARMY_WORDS: tuple[str, ...] = ("الجيش الوطني", "قوات الجيش الوطني")
#: Generic words for a side of a war (folded, nominative; the genitive/accusative ين of a
#: plural is read as ون). They are actors only through the article's conflict.
GENERIC_WORDS: tuple[str, ...] = (
    "القوات الحكوميه", "قوات الحكومه", "القوات النظاميه", "جيش النظام", "قوات النظام",
    "القوات الامنيه", "قوات الامن", "القوات المسلحه", "الجيش النظامي", "الجيش",
    "المسلحون", "مسلحون", "المتمردون", "متمردون", "الانقلابيون", "الفصائل المسلحه",
    "الفصائل", "فصائل مسلحه", "المعارضه المسلحه", "مقاتلو المعارضه", "المعارضه",
    "المجموعات المسلحه", "مجموعات مسلحه", "الجماعات المسلحه",
    "الميليشيات", "الميليشيا", "المليشيات", "المليشيا", "ميليشيات", "ميليشيا", "الثوار",
    "التنظيم", "عناصر التنظيم", "مسلحو التنظيم", "القوات الموالية للحكومه", "الحكومه",
    "القطعات العسكريه", "قوات المعارضه", "قوات المعارضه المسلحه", "الجنود",
    *NATIONAL_ARMY_WORDS,
    *(f"{force}{head}" for head in ("الحركه", "الجماعه", "التنظيم", "الهييه", "الحزب",
                                    "الجبهه")
      for force in ("", "مقاتلو ", "عناصر ", "مسلحو ")),
)
#: Bare definite heads of organisations' names: "الحركة" after "حركة الشباب" is the
#: actor of the war whose Arabic name starts with that word (:func:`generic_norm`).
HEAD_WORDS: frozenset[str] = frozenset(("الحركه", "الجماعه", "التنظيم", "الهييه", "الحزب",
                                        "الجبهه"))
_FORCE_OF = ("مقاتلو", "عناصر", "مسلحو")
#: Rule "the army's other names": a state's armed forces named by what they are (folded):
#: they mean the actor "الجيش" means in the war, when the war lists none for them ("بسطت
#: القوات المسلحة سيطرتها" in Mali is the Malian army; "بعد فرار الجنود" in Iraq, the
#: Iraqi forces).
ARMY_WORDS: frozenset[str] = frozenset(("القوات المسلحه", "القوات النظاميه", "الجيش النظامي",
                                        "القطعات العسكريه", "الجنود", *NATIONAL_ARMY_WORDS))


@lru_cache(maxsize=1)
def _generic_re() -> re.Pattern[str]:
    """Return the regex of the generic words, from this module and from ``conflicts.json``.

    :data:`GENERIC_WORDS` and every Arabic ``generic`` name an actor of ``conflicts.json``
    lists (القوات الفيدرالية، الكتائب), genitive plural endings read as nominative.
    """
    from claims.actors import default_actor_book

    words = {fold(g) for g in GENERIC_WORDS}
    for conflict in default_actor_book().conflicts.values():
        words |= {fold(name) for names in conflict.generic.values() for name in names
                  if has_arabic(name)}
    return re.compile(
        r"(?<![\w])(?P<pre>[وفبلك]{0,2}?)(?P<name>"
        + "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("ون", "(?:ون|ين)")
                   .replace("و\\s", "(?:و|ي)\\s")
                   for w in sorted(words, key=len, reverse=True))
        + r")(?![\w])")


#: Possessive forces: "قواته", "مقاتليها", "عناصرهم", "جنوده", "طائراته" (the actor named
#: before).
ACTOR_REFERENCE_RE = re.compile(
    r"(?<![\w])[وفبل]?(?:قوات|مقاتل(?:ي|و)|عناصر|مسلح(?:ي|و)|جنود|وحدات|ميليشيات|مليشيات|"
    r"الويت|فصائل|حلفاء|حلفاو|"
    # its machines too: "طائراته"، "مدفعيتها"، "دباباته" (rule "possessive machines")
    r"طايرات|طيران|مقاتلات|دبابات|مسيرات|مدفعيت|مروحيات|زوارق|بوارج)(?:ه|ها|هم)(?![\w])")


def _plain(words: str) -> str:
    """Return a generic word in its listed form: spaces single, a genitive plural as nominative.

    >>> _plain("المسلحين"), _plain("مقاتلي  المعارضه")
    ('المسلحون', 'مقاتلو المعارضه')
    """
    out = []
    for word in re.sub(r"\s+", " ", words).strip().split(" "):
        if word.endswith("ين") and word[:-2] + "ون" in _GENERIC_PARTS:
            word = word[:-2] + "ون"
        elif word.endswith("ي") and word[:-1] + "و" in _GENERIC_PARTS:
            word = word[:-1] + "و"
        out.append(word)
    return " ".join(out)


_GENERIC_PARTS = frozenset(w for g in GENERIC_WORDS for w in fold(g).split(" ")
                           if w.endswith(("ون", "و")))
_GENERIC_KEYS = frozenset(fold(g) for g in GENERIC_WORDS)


@lru_cache(maxsize=64)
def generic_norm(words: str, conflict: str | None) -> str | None:
    """Return the actor a generic word means in ``conflict``, when exactly one actor lists it.

    >>> generic_norm("القوات الحكوميه", "sudan"), generic_norm("القوات الحكوميه", None)
    ('SAF', None)
    >>> generic_norm("المسلحين", "syria") is None  # rebels or jihadists: not said
    True
    >>> generic_norm("مقاتلي الجماعه", "yemen"), generic_norm("التنظيم", "syria")
    ('Houthis', 'ISIS')
    """
    from claims.actors import default_actor_book

    book = default_actor_book()
    info = book.conflicts.get(conflict or "")
    if info is None:
        return None
    key = _plain(words)
    norms = {norm for norm, names in info.generic.items()
             for name in names if has_arabic(name) and _plain(fold(name)) == key}
    parts = key.split(" ")
    head = parts[-1] if len(parts) == 2 and parts[0] in _FORCE_OF else key
    if not norms and head in HEAD_WORDS:  # "الجماعة" in Yemen: "جماعة الحوثي"
        norms = {norm for norm, names in info.aliases.items() for name in names
                 if has_arabic(name) and fold(name).split(" ")[0] in (head, head[2:])}
    if not norms and key in ARMY_WORDS:
        return generic_norm("الجيش", conflict)
    return norms.pop() if len(norms) == 1 else None


#: Ordinal words of a formation's number (folded, both genders): "اللواء التاسع"، "الفرقة الثالثة".
_ORDINALS = ("الاول", "الاولي", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع", "الرابعه",
             "الخامس", "الخامسه", "السادس", "السادسه", "السابع", "السابعه", "الثامن", "الثامنه",
             "التاسع", "التاسعه", "العاشر", "العاشره")
#: Rule "numbered formation": a division, brigade, battalion or corps named by its number
#: ("الفرقة 17 مشاة"، "اللواء التاسع"، "الكتيبة الثالثة مدرعة") is a unit of the state army
#: of the article's war, read as "الجيش" is there (none where the war has no one army).
FORMATION_RE = re.compile(
    r"(?<![\w])[وفبل]?(?P<name>(?:ال)?(?:فرقه|لواء|كتيبه|فيلق|اللواء)\s+(?:\d+|"
    + "|".join(_ORDINALS) + r")(?:\s+(?:مشاه|مدرع\S*|مظلي\S*|ميكانيكي\S*|مدفعيه))?)(?![\w])")


def find_arabic_generic_actors(folded: str, conflict: str | None, text: str | None = None,
                               named: list[ArabicActor] | None = None) -> list[ArabicActor]:
    """Find generic actor words outside the named actors, normalized via ``conflict``.

    >>> [(a.text, a.norm) for a in find_arabic_generic_actors(fold("سيطر الجيش علي سنجه"),
    ...                                                          "sudan")]
    [('الجيش', 'SAF')]
    """
    taken = [(a.start, a.end) for a in named or ()]
    out = []
    for m in _generic_re().finditer(folded):
        start, end = m.start("name"), m.end("name")
        if any(s < end and start < e for s, e in taken):
            continue  # "الجيش السوداني" is a name, not the generic "الجيش"
        norm = generic_norm(m.group("name"), conflict)
        out.append(ArabicActor(start, end, (text or folded)[start:end], norm,
                               (conflict,) if norm and conflict else (), "generic"))
    for m in FORMATION_RE.finditer(folded):  # rule "numbered formation"
        start, end = m.start("name"), m.end("name")
        if any(s < end and start < e for s, e in taken):
            continue  # "اللواء 35 التابع لقوات حفتر": the side is named
        norm = generic_norm("الجيش", conflict)
        out.append(ArabicActor(start, end, (text or folded)[start:end], norm,
                               (conflict,) if norm and conflict else (), "generic"))
    return sorted(out, key=lambda a: a.start)


#: Bare unit words that mean the force the report is about (named before): "اقتحمت القوات
#: المطار", "الوحدات المتقدمة", "وحدات أخرى". Read only where no fuller actor covers them.
UNIT_REFERENCE_RE = re.compile(
    r"(?<![\w])[وفبل]?(?P<name>القوات(?:\s+(?:المتقدمه|المهاجمه))?|"
    r"الوحدات(?:\s+(?:المتقدمه|المهاجمه|العسكريه))?|وحدات\s+اخري)(?![\w])")


def find_arabic_actor_references(folded: str, text: str | None = None,
                                 named: list[ArabicActor] | None = None) -> list[ArabicActor]:
    """Find possessive forces and bare units outside ``named`` actors, as references.

    Possessives: "قواته" (:data:`ACTOR_REFERENCE_RE`); units: "القوات"
    (:data:`UNIT_REFERENCE_RE`). Both are unresolved actors (norm None, kind "reference")
    that the extractor's discourse resolves.

    >>> [a.text for a in find_arabic_actor_references(fold("ثم اقتحمت القوات المطار"))]
    ['القوات']
    """
    taken = [(a.start, a.end) for a in named or ()]
    spans = [(m.start(), m.end()) for m in ACTOR_REFERENCE_RE.finditer(folded)]
    spans += [(m.start("name"), m.end("name")) for m in UNIT_REFERENCE_RE.finditer(folded)]
    return [ArabicActor(start, end, (text or folded)[start:end], None, (), "reference")
            for start, end in sorted(spans)
            if not any(s < end and start < e for s, e in taken)]


#: Words joining a force to the named side it belongs to: "مسلحون من جماعة X", "الفصائل
#: بقيادة X", "المجموعات الموالية لـ X", "الوحدات التابعة لـ X" (up to two words before:
#: المسلحة، العسكرية). "المدعومة من X" names a backer, not the side: it is not here.
#: Rule "descriptive actor": wire copy names a force by what it is said to belong to —
#: "مسلحون موالون لـ X", "مسلحون مرتبطون بـ X", "مسلحون ينتمون إلى X", "مسلحون يشتبه في
#: انتمائهم إلى X", "مسلحون يعتقد أنهم من X" (the clitic ل / ب of X is outside its name).
_BELONGS_RE = re.compile(r"\s+(?:\S+\s+){0,2}?(?P<link>من|بقياده|(?:ال)?موال\S*|(?:ال)?تابع\S*|"
                         r"(?:ال)?مرتبط\S*|[يت]نتم\S*\s+الي|(?:ال)?منتم\S*\s+الي|"
                         r"انتما\S*\s+الي)\s+")


#: Fighters "of" a named actor right before its name: "مقاتلين من مجموعة فاغنر".
_FIGHTERS_OF_RE = re.compile(r"(?<![\w])(?:مقاتل(?:ين|ون|و|ي)|مسلح(?:ين|ون|و|ي)|عناصر|جنود)"
                             r"\s+من\s+(?:ال)?(?:مجموعه\s+|جماعه\s+|حركه\s+)?$")


def merge_appositions(folded: str, actors: list[ArabicActor],
                      text: str | None = None) -> list[ArabicActor]:
    """Join a force to the named actor it belongs to (one actor, the name's norm).

    "مسلحون من جماعة نصرة الإسلام" is JNIM, "فصائل المعارضة بقيادة هيئة تحرير الشام" HTS,
    "المجموعات المسلحة الموالية لحكومة الوفاق" the GNA. A force read without its own name
    (generic, demonym, possessive) is joined by any link; a named one only by بقيادة
    (the leader names the side more exactly). Offsets and text are the joined phrase's.

    >>> f = fold("هاجم مسلحون من جماعة نصرة الاسلام والمسلمين موقعا")
    >>> named = find_arabic_actors(f)
    >>> [(a.norm, a.kind) for a in merge_appositions(f, [*find_arabic_generic_actors(
    ...     f, "sahel", named=named), *named])]
    [('JNIM', 'name')]
    """
    ordered = sorted(actors, key=lambda a: a.start)
    out: list[ArabicActor] = []
    skip: set[int] = set()
    for i, actor in enumerate(ordered):
        if i in skip:
            continue
        fighters = _FIGHTERS_OF_RE.search(folded, max(0, actor.start - 20), actor.start)
        if actor.kind == "name" and actor.norm and fighters and fighters.end() == actor.start:
            actor = ArabicActor(fighters.start(), actor.end,  # "مقاتلين من مجموعة فاغنر"
                                (text or folded)[fighters.start():actor.end], actor.norm,
                                actor.conflicts, "name")
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and nxt.kind == "name" and nxt.norm and nxt.norm != actor.norm:
            gap = folded[actor.end:nxt.start]
            # "لحكومة", "بحركة": the clitic is outside the name
            gap = gap[:-1] if gap.endswith(("ل", "ب")) and not gap.endswith(" ") else gap
            m = _BELONGS_RE.fullmatch(gap)
            if m and "مدعوم" not in gap and (actor.kind != "name" or m["link"] == "بقياده"):
                out.append(ArabicActor(actor.start, nxt.end,
                                       (text or folded)[actor.start:nxt.end], nxt.norm,
                                       nxt.conflicts, "name"))
                skip.add(i + 1)
                continue
        out.append(actor)
    return out
