"""Word lists of toponym recognition: what may join, precede or follow a place name.

Kept apart from the matcher (:mod:`gazetteer.recognize`) and its rules
(:mod:`gazetteer.recognition_rules`) so both read the same lists, and a list can be
reviewed or extended without reading code. All words are lower case.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from gazetteer.context import state_from_abbreviation

__all__ = [
    "ALLOWED_FOLLOWERS",
    "ALLOWED_PRECEDERS",
    "ARTICLE_PREFIX_RE",
    "COMMON_WORDS",
    "CONNECTORS",
    "DIRECTIONS",
    "FEATURE_TAIL_WORDS",
    "MEDIA_WORDS",
    "NAME_PARTICLES",
    "PERSON_TITLES",
    "STOP_PHRASES",
    "STREET_WORDS",
    "keeps_dot",
    "strip_dot",
]

log = logging.getLogger("conflictmap.gazetteer.wordlists")

#: Lower-case words allowed inside a multi-word name.
CONNECTORS: frozenset[str] = frozenset(
    "of the de del della di du des la le las los and upon on al el da dos das do y et bin "
    "ibn sur am im an der van von aux en".split()
)


#: Arabic-article prefixes that may start a name in lower case ("al-Watiya").
ARTICLE_PREFIX_RE = re.compile(
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
ALLOWED_FOLLOWERS: frozenset[str] = frozenset(
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
ALLOWED_PRECEDERS: frozenset[str] = frozenset(
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
NAME_PARTICLES = frozenset("bin ibn bint de da di van von der den du del della le".split())

DIRECTIONS = frozenset(
    "north south east west northern southern eastern western central northeast northwest "
    "southeast southwest midwest".split()
)

_FULL_STATE_NAMES = frozenset(
    {"ohio", "iowa", "utah", "texas", "maine", "idaho", "hawaii", "alaska"}
)


def keeps_dot(word: str) -> bool:
    """Tell whether a token's final dot is its own (``U.S.``, ``W.Va.``, ``Kan.``)."""
    core = word[:-1]
    if "." in core:
        return True
    return (
        len(core) <= 5
        and core.lower() not in _FULL_STATE_NAMES
        and bool(state_from_abbreviation(word))
    )


def strip_dot(word: str) -> str:
    """Return ``word`` without a final dot."""
    return word[:-1] if word.endswith(".") else word

