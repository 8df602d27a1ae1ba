"""Places and actors named by reference, resolved the way a reader does (my own probe articles).

A definite description ("the town", "the base", "the group") means the most recent earlier
antecedent of a compatible type within the article; a description with a modifier ("the
provincial capital", "the border town", "the army base") too. Each probe is a short article
of its own, from many wars, and names the claim a reader takes from it. ``PROBES`` measure
the mechanism as a whole (:func:`test_reference_probe_rate`); the rule tests below check one
rule each.
"""

import pytest

from claims import extract_claims

#: (article, conflict, (actor_norm, action, place)) -- short articles written for this file.
PROBES: list[tuple[str, str, tuple[str | None, str, str]]] = [
    # towns and cities
    ("Russian troops pushed towards Pokrovsk on Monday. By Wednesday they had entered "
     "the town from the south.", "ukraine", ("Russia", "entered", "Pokrovsk")),
    ("Fighting raged around Kupiansk for a week. Ukrainian forces finally recaptured the "
     "city on Friday.", "ukraine", ("Ukraine", "captured", "Kupiansk")),
    ("The RSF reached the outskirts of El Obeid at dawn. The army said it had repelled the "
     "attack and still held the city.", "sudan", ("SAF", "holds", "El Obeid")),
    ("M23 fighters advanced on Goma for days. On Sunday the rebels seized the lakeside city.",
     "drc", ("M23", "captured", "Goma")),
    ("Houthi units massed near Marib last month. Government troops say they still control "
     "the provincial capital.", "yemen", ("Yemeni government", "holds", "Marib")),
    ("Al-Shabaab attacked Beledweyne overnight. Somali government forces drove the militants "
     "out of the town by morning.", "somalia", ("Somali government", "captured", "Beledweyne")),
    ("Tigrayan fighters moved south towards Dessie. The TPLF said its forces captured the "
     "strategic town on Saturday.", "ethiopia", ("TPLF", "captured", "Dessie")),
    ("Azerbaijani forces shelled Shusha for two days. Baku said its soldiers took the "
     "mountain town on Sunday.", "karabakh", ("Azerbaijan", "captured", "Shusha")),
    ("The Taliban surrounded Kunduz in early August. Within a day the insurgents overran the "
     "northern city.", "afghanistan", ("Taliban", "captured", "Kunduz")),
    ("Boko Haram gunmen raided Monguno on Thursday. Nigerian soldiers retook the garrison town "
     "hours later.", "nigeria", ("Nigerian army", "captured", "Monguno")),
    ("JNIM fighters laid siege to Boulkessi. The jihadists overran the border town at night.",
     "sahel", ("JNIM", "captured", "Boulkessi")),
    ("Resistance fighters attacked Lashio in July. By August they controlled the whole town.",
     "myanmar", ("Resistance", "holds", "Lashio")),
    # facilities
    ("Russian paratroopers landed at Hostomel airport. Ukrainian units recaptured the "
     "airfield the next day.", "ukraine", ("Ukraine", "captured", "Hostomel airport")),
    ("The LNA attacked Mitiga airport in Tripoli. GNA forces said they still held the "
     "airport.", "libya", ("GNA", "holds", "Mitiga airport")),
    ("Rebels besieged Abu al-Duhur airbase for months. Syrian rebels finally overran the "
     "base in September.", "syria", ("Syrian rebels", "captured", "Abu al-Duhur airbase")),
    ("ISIS fighters attacked the Ain al-Asad air base. Iraqi forces said they repelled them "
     "and still held the base.", "iraq", ("Iraqi forces", "holds", "Ain al-Asad air base")),
    ("Fighting broke out near Wau airport. SPLA-IO troops seized the airport on Tuesday.",
     "southsudan", ("SPLA-IO", "captured", "Wau airport")),
    # actors named by reference
    ("M23 has been advancing in North Kivu. On Monday the group captured Rubaya.", "drc",
     ("M23", "captured", "Rubaya")),
    ("Al-Shabaab claimed an attack on a base in Lower Shabelle. The militants later seized "
     "Awdheegle.", "somalia", ("al-Shabaab", "captured", "Awdheegle")),
    ("The OLA has grown in western Oromia. The insurgents now control Nekemte, residents say.",
     "ethiopia", ("OLA", "holds", "Nekemte")),
    ("HTS launched a surprise offensive in the north. The group seized Saraqeb on Thursday.",
     "syria", ("HTS", "captured", "Saraqeb")),
    ("The Houthis fired missiles at ships. The movement also took Al-Hazm after heavy "
     "fighting.", "yemen", ("Houthis", "captured", "Al-Hazm")),
    ("ISWAP fighters attacked a military base. The group overran Malam Fatori on Sunday.",
     "nigeria", ("ISWAP", "captured", "Malam Fatori")),
    ("The RSF shelled the market. The paramilitaries then seized Wad Madani.", "sudan",
     ("RSF", "captured", "Wad Madani")),
    ("The ELN kidnapped two soldiers last week. The guerrillas now control the villages "
     "near Saravena.", "colombia", ("ELN", "holds", "Saravena")),
    ("CODECO gunmen attacked a camp in Ituri. The militia then took Djugu.", "drc",
     ("CODECO", "captured", "Djugu")),
    # both at once
    ("The TPLF advanced on Kombolcha. The group said it entered the town on Friday.",
     "ethiopia", ("TPLF", "entered", "Kombolcha")),
    ("Hamas fighters crossed into Sderot. Israel said its troops retook the town a day later.",
     "gaza", ("Israel", "captured", "Sderot")),
    ("Wagner fighters arrived in Kidal with the army. The Malian army said it controls the "
     "town.", "sahel", ("Malian army", "holds", "Kidal")),
    ("Gangs attacked the port of Cap-Haitien. Haitian police said they retook the port on "
     "Monday.", "haiti", ("Haitian police", "captured", "Cap-Haitien")),
]


#: Written after the rules below, and never tuned on: a check that they carry over.
#: ``None`` marks an article with no capture in it.
PROBES_HELDOUT: list[tuple[str, str, tuple[str | None, str, str] | None]] = [
    ("Pro-Russian separatists pressed on Sievierodonetsk for weeks. Ukrainian troops withdrew from the ruined city on Friday.", "ukraine", ("Ukraine", "withdrew", "Sievierodonetsk")),
    ("The RSF attacked El Fasher again on Monday. The army still holds the besieged desert city, a spokesman said.", "sudan", ("SAF", "holds", "El Fasher")),
    ("ADF fighters raided Beni last week. Congolese troops later retook the eastern town.", "drc", ("FARDC", "captured", "Beni")),
    ("Fighters advanced on Hajjah. Government forces said they recaptured the mountain city on Sunday.", "yemen", ("Yemeni government", "captured", "Hajjah")),
    ("The Taliban attacked Lashkar Gah in May. The insurgents captured the provincial capital in August.", "afghanistan", ("Taliban", "captured", "Lashkar Gah")),
    ("Russian forces struck Kramatorsk airfield overnight. Ukraine said it still controls the airfield.", "ukraine", ("Ukraine", "holds", "Kramatorsk airfield")),
    ("Al-Shabaab has long fought in Hiran. On Tuesday the group seized Moqokori.", "somalia", ("al-Shabaab", "captured", "Moqokori")),
    ("FARC dissidents attacked a police post. The guerrillas now hold Argelia, officials said.", "colombia", ("FARC", "holds", "Argelia")),
    ("JNIM fighters besieged Djibo. Two weeks later the militants entered the northern town.", "sahel", ("JNIM", "entered", "Djibo")),
    ("The Peshmerga moved on Sinjar in November. Kurdish forces said they captured the mountain town.", "iraq", ("Peshmerga", "captured", "Sinjar")),
    ("Houthi fighters shelled Taiz for months. The movement now controls the northern part of the besieged city.", "yemen", ("Houthis", "holds", "Taiz")),
    ("The M23 shelled Sake on Monday. The rebels then captured the lakeside town.", "drc", ("M23", "captured", "Sake")),
    ("Israeli troops moved into Jenin camp. Palestinian gunmen fired at the soldiers.", "gaza", None),
    ("SPLA soldiers guarded Malakal airport. SPLA-IO fighters overran the airport at dawn.", "southsudan", ("SPLA-IO", "captured", "Malakal airport")),
]


def _claims(text: str, conflict: str) -> set[tuple[str | None, str, str]]:
    return {(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published="2024-05-06", conflict=conflict)
            if c.kind == "control"}


def _hit(text: str, conflict: str, expected: tuple[str | None, str, str] | None) -> bool:
    got = _claims(text, conflict)
    if expected is None:
        return not any(action == "captured" for _, action, _ in got)
    return expected in got


#: The share of each probe set this round reached (before it: 22/30 and 4/14).
REFERENCE_PROBE_FLOOR = 1.0
HELDOUT_PROBE_FLOOR = 0.85


def test_reference_probe_rate():
    """The probes measure the mechanism as a whole."""
    hits = [_hit(*probe) for probe in PROBES]
    assert sum(hits) / len(hits) >= REFERENCE_PROBE_FLOOR


def test_heldout_reference_probe_rate():
    hits = [_hit(*probe) for probe in PROBES_HELDOUT]
    assert sum(hits) / len(hits) >= HELDOUT_PROBE_FLOOR


# --- rule *described-reference* (claims.control_places) ---

@pytest.mark.parametrize("description", [
    "the lakeside city", "the garrison town", "the rebel-held town", "the old market town",
])
def test_a_described_town_is_the_town_named_before(description):
    text = f"Rebels shelled Goma all week. Government troops still hold {description}."
    assert ("FARDC", "holds", "Goma") in _claims(text, "drc")


@pytest.mark.parametrize("description", ["the other town", "the nearby town",
                                         "the surrounding area"])
def test_a_description_pointing_away_is_not_the_town_named_before(description):
    text = f"Rebels shelled Goma all week. Government troops still hold {description}."
    assert ("FARDC", "holds", "Goma") not in _claims(text, "drc")


def test_an_airfield_is_the_airfield_named_before():
    text = ("Russian paratroopers landed at Hostomel airport. Ukrainian units took back the "
            "airfield on Friday.")
    assert ("Ukraine", "captured", "Hostomel airport") in _claims(text, "ukraine")


# --- rule *seat-capital* (claims.discourse, claims.control_places) ---

def test_a_provincial_capital_may_be_a_plain_town_of_the_gazetteer():
    # Marib is a PPL in GeoNames, not a PPLA, yet it is its governorate's seat
    text = "Houthi fighters reached Marib. Government troops still hold the provincial capital."
    assert ("Yemeni government", "holds", "Marib") in _claims(text, "yemen")


def test_a_district_headquarters_is_the_district_town():
    text = ("Insurgents stormed Palma on Wednesday. Soldiers fled the district headquarters "
            "the same night.")
    assert any(action == "withdrew" and place == "Palma"
               for _, action, place in _claims(text, "mozambique"))


# --- rule *facility-by-name* (claims.discourse) ---

def test_an_airport_the_gazetteer_reads_as_its_town_is_still_an_airport():
    # the gazetteer resolves "Wau airport" to the town of Wau
    text = "Clashes broke out near Wau airport. SPLA-IO units seized the airport on Tuesday."
    assert ("SPLA-IO", "captured", "Wau airport") in _claims(text, "southsudan")


# --- rules *definite-actor-reference* and *nonstate-reference* (claims.control_actors) ---

def test_the_guerrillas_are_the_armed_group_named_before():
    text = "The ELN blew up a pipeline. The guerrillas now control Tame, officials say."
    assert ("ELN", "holds", "Tame") in _claims(text, "colombia")


def test_the_group_is_not_the_army_named_after_it():
    text = ("The ELN attacked a patrol of soldiers near the border. The guerrillas now control "
            "Tame, officials say.")
    assert ("ELN", "holds", "Tame") in _claims(text, "colombia")


def test_the_group_is_the_armed_group_not_the_army_that_drove_it_out():
    # the army is the actor named last, yet "the group" never means a state's forces
    text = ("Government troops drove al-Shabaab out of Bulo Burde. The group later seized "
            "Jalalaqsi.")
    assert ("al-Shabaab", "captured", "Jalalaqsi") in _claims(text, "somalia")


def test_they_may_still_be_the_army():
    text = "Government troops drove al-Shabaab out of Bulo Burde. They later seized Jalalaqsi."
    assert ("Somali government", "captured", "Jalalaqsi") in _claims(text, "somalia")
