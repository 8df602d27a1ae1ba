"""Rule :data:`WAR_COUNTRY_READING`: a far namesake from the Arabic index yields to the war's town.

GeoNames gives some foreign towns an Arabic alternate name that is also how Arabic writes a
town of another country: بيني is listed for Penne in Italy, so "مدينة بيني" in a report on
eastern Congo resolves there, though its Latin reading (Beni) finds the Congolese city.
In a war report whose war is known, a mention the index placed in a small town (under
:data:`MAX_FOREIGN_POPULATION` people, no capital, country or province) outside the war's
countries and far (:data:`FAR_KM`) from every place the article names in them is read
again: a candidate of its own in those countries, else the most populous place its Latin
readings (:mod:`gazetteer.arabic_translit`) find there, populated places and seats only.
Neither found, the mention is left as it was (a town abroad may be named on purpose),
unless rule :data:`WAR_NAMESAKE_UNPLACED` is asked for: then it is left with no place, its
reason said, rather than drawn on another continent.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence

from gazetteer.context import fast_km
from gazetteer.model import Candidate, Mention, Place

__all__ = ["FAR_KM", "MAX_FOREIGN_POPULATION", "WAR_COUNTRY_READING", "WAR_NAMESAKE_UNPLACED",
           "war_country_readings"]

#: Rule name (the reason on the candidate it promotes).
WAR_COUNTRY_READING = "arabic-war-country-reading"
#: Rule "war namesake unplaced" (name of the trace it leaves): a doubted namesake (a small
#: town abroad, far from every place the article names in the war's countries) for which
#: neither another candidate nor a Latin reading is found in those countries is a town of
#: the war the gazetteer lacks ("قرية كرنوي" in a Sudan report read as a village in Sicily):
#: the mention keeps its span and name with no point, so its claim is an honest unresolved
#: one instead of a point on the wrong continent. Nothing is invented in its place.
WAR_NAMESAKE_UNPLACED = "arabic-war-namesake-unplaced"
#: A foreign town larger than this is named for itself (القاهرة، مدينة إسطنبول): kept.
MAX_FOREIGN_POPULATION = 100_000
#: How far from the article's places in the war's countries a reading must lie to be doubted.
FAR_KM = 500.0
#: Feature codes never doubted: countries, capitals, provinces.
_KEPT_CODES = frozenset({"PCLI", "PCLD", "PCLS", "PPLC", "ADM1", "CONT", "RGN"})


def _doubted(place: Place, countries: Collection[str], anchors: Sequence[Place]) -> bool:
    """Whether ``place`` is a small far town outside the war (see the module doc)."""
    return (place.country_code not in countries and place.precision != "country"
            and place.feature_code not in _KEPT_CODES
            and place.population < MAX_FOREIGN_POPULATION
            and not any(fast_km(place.lat, place.lon, a.lat, a.lon) <= FAR_KM for a in anchors))


def _populated(place: Place) -> bool:
    return place.feature_code.startswith(("PPL", "ADM"))


def war_country_readings(mentions: Sequence[Mention], countries: Collection[str],
                         readings: Callable[[str], Sequence[Place]],
                         unplace: bool = False) -> list[Mention]:
    """Return ``mentions`` with far small namesakes moved to the war's town (rule above).

    ``readings(text)`` gives the places the mention's Latin readings find, best first.
    ``unplace`` (rule :data:`WAR_NAMESAKE_UNPLACED`): a namesake with no reading in the
    war's countries loses its point instead of keeping the far one.

    >>> penne = Place("1", "Penne", 42.45, 13.93, "PPL", "IT", population=5985)
    >>> beni = Place("2", "Beni", 0.49, 29.47, "PPL", "CD", population=140731)
    >>> goma = Place("3", "Goma", -1.68, 29.22, "PPLA", "CD", population=670000)
    >>> m = Mention(0, 4, "بيني", (Candidate(penne, 1.0),))
    >>> g = Mention(10, 14, "غوما", (Candidate(goma, 1.0),))
    >>> [x.place.name for x in war_country_readings([m, g], {"CD"}, lambda t: [beni])]
    ['Beni', 'Goma']
    >>> war_country_readings([m], {"SD"}, lambda t: [beni])[0].place.name  # not in the war
    'Penne'
    >>> left = war_country_readings([m], {"SD"}, lambda t: [beni], unplace=True)[0]
    >>> left.place is None, left.text, left.trace
    (True, 'بيني', ('arabic-war-namesake-unplaced',))
    """
    if not countries:
        return list(mentions)
    anchors = [m.place for m in mentions
               if m.place is not None and m.place.country_code in countries]
    out = []
    for mention in mentions:
        place = mention.place
        if place is None or not _doubted(place, countries, anchors):
            out.append(mention)
            continue
        own = next((c for c in mention.candidates[1:] if c.place.country_code in countries
                    and _populated(c.place)), None)
        if own is None:
            found = [p for p in readings(mention.text)
                     if p.country_code in countries and _populated(p)]
            own = Candidate(max(found, key=lambda p: p.population), 1.0) if found else None
        if own is not None:
            out.append(mention.promoted(own, WAR_COUNTRY_READING))
        elif unplace:  # rule WAR_NAMESAKE_UNPLACED
            out.append(Mention(mention.start, mention.end, mention.text, (),
                               (*mention.trace, WAR_NAMESAKE_UNPLACED),
                               unresolved=f"only {place.name} ({place.country_code}), a small "
                                          "namesake far from the war, and no reading in "
                                          "its countries"))
        else:
            out.append(mention)
    return out
