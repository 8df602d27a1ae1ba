"""Aggregate cells on the map: coloured by the leading actor, names escaped."""

from __future__ import annotations

import folium

from geo.aggregate import DISTANCE_CELL_COLOR, add_cells, cell_colors
from store.viewport import Cell


def _cell(actors, lat=30.0, lon=15.0):
    return Cell(lat, lon, sum(n for _, n in actors), tuple(actors), 29.0, 14.0, 1.4)


def test_a_cell_takes_its_leading_actors_colour_and_escapes_names():
    cells = [_cell([("<b>{{ bad }}</b>", 9), ("LNA", 3)]), _cell([("distance", 5)], lon=16.0)]
    colors = cell_colors(cells)
    fmap = folium.Map(tiles=None)
    assert add_cells(fmap, cells, colors) == 2
    html = fmap.get_root().render()
    assert "<b>{{ bad }}</b>" not in html and "&lt;b&gt;" in html
    assert colors["<b>{{ bad }}</b>"] in html and DISTANCE_CELL_COLOR in html
