"""Gold hints are placed in the country they name, and conflicts.json lists no alias twice."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from claims.score import HINT_COUNTRY_NAMES, _HintPoints, hint_country

CONFLICTS = Path(__file__).resolve().parents[2] / "claims" / "data" / "conflicts.json"


@pytest.mark.parametrize(("hint", "lat_range", "lon_range"), [
    ("Beni, DR Congo", (-2, 2), (28, 31)),          # not Beni in Bolivia
    ("Rutshuru, DRC", (-2, 0), (28, 31)),
    ("Khan Younis, Gaza", (31, 32), (34, 35)),
    ("Beit Hanoun, Palestine", (31, 32), (34, 35)),
])
def test_hint_is_placed_in_its_named_country(hint: str, lat_range: tuple, lon_range: tuple) -> None:
    """Rule "hint country names": a short country name in a hint filters the candidates."""
    point = _HintPoints().point(hint)
    assert point is not None
    assert lat_range[0] <= point[0] <= lat_range[1] and lon_range[0] <= point[1] <= lon_range[1]


def test_hint_country_names_are_codes_the_country_file_lacks() -> None:
    from gazetteer.countries import country_code

    for name, code in HINT_COUNTRY_NAMES.items():
        assert country_code(name) is None and len(code) == 2
        assert hint_country(name.upper()) == code


def test_no_actor_lists_an_alias_twice() -> None:
    for conflict in json.loads(CONFLICTS.read_text(encoding="utf-8"))["conflicts"]:
        for actor in conflict["actors"]:
            for key in ("aliases", "generic"):
                names = actor.get(key, [])
                assert len(names) == len(set(names)), (conflict["id"], actor["norm"], key)
