"""The resolver's speed rules leave every ranking as it was (explain-kept-only, lone-draft)."""

from __future__ import annotations

from gazetteer.context import DocumentProfile
from gazetteer.model import Place
from gazetteer.names import normalize
from gazetteer.resolve import (
    DEFAULT_WEIGHTS,
    Draft,
    ResolverItem,
    _confidence,
    _rank,
    resolve_items,
)

_TOWNS = [  # namesakes of invented towns, in several countries (no real article's words)
    ("Alder", "UA", "14", 48.0, 37.8, 9_000), ("Alder", "SD", "01", 15.6, 32.5, 120_000),
    ("Alder", "LY", "33", 32.9, 13.2, 500), ("Alder", "ET", "53", 13.5, 39.5, 40_000),
    ("Alder", "SY", "09", 36.2, 37.2, 2_000), ("Alder", "YE", "11", 14.8, 42.9, 70_000),
    ("Alder", "ML", "07", 16.3, -3.0, 1_200), ("Alder", "MZ", "01", -12.4, 40.3, 300),
    ("Alder", "CD", "11", -1.7, 29.2, 55_000), ("Alder", "AM", "02", 40.2, 44.5, 8_000),
    ("Alder", "MM", "04", 25.4, 97.4, 15_000), ("Alder", "SO", "20", 2.0, 45.3, 700),
]


def _place(n: int, name: str, cc: str, admin1: str, lat: float, lon: float, pop: int) -> Place:
    return Place(id=f"t:{n}", name=name, lat=lat, lon=lon, feature_code="PPL",
                 country_code=cc, admin1=admin1, population=pop)


def _items() -> list[ResolverItem]:
    alders = tuple(_place(n, *town) for n, town in enumerate(_TOWNS))
    neighbour = _place(99, "Birchford", "SD", "01", 15.7, 32.6, 30_000)
    return [ResolverItem(key="alder", places=alders, count=2),
            ResolverItem(key="birchford", places=(neighbour,))]


def test_explain_kept_only_ranks_the_kept_candidates_as_before() -> None:
    """With ``keep`` the final ranking is the first ``keep`` of the full one, reasons too."""
    full, kept = _items(), _items()
    resolve_items(full, normalize=normalize)
    resolve_items(kept, normalize=normalize, keep=4)
    assert len(full[0].ranked) == len(_TOWNS) and len(kept[0].ranked) == 4
    assert kept[0].ranked == full[0].ranked[:4]
    assert [c.reasons for c in kept[0].ranked] == [c.reasons for c in full[0].ranked[:4]]
    assert kept[1].ranked == full[1].ranked  # fewer candidates than kept: all of them
    assert full[0].ranked[0].place.country_code == "SD"  # the neighbour's country wins


def test_lone_draft_unscored_casts_the_same_vote() -> None:
    """A draft pass gives a lone candidate its fixed score: full confidence all the same."""
    alders, item = _items()
    profile = DocumentProfile.from_places([("alder", alders.places[1], 1.0)])
    explained = _rank(item, profile, DEFAULT_WEIGHTS, [(1.25, ["prior"])])
    assert explained[0].score > 1.25  # the profile adds to a scored candidate
    drafts = _rank(item, profile, DEFAULT_WEIGHTS, [(1.25, ["prior"])], explain=False)
    assert drafts == [Draft(item.places[0], 1.25)]
    assert _confidence(drafts) == 1.0
