"""Map layer of server-side aggregates: one circle per grid cell, coloured by its leading actor.

At low zoom the map draws :class:`store.viewport.Cell` records (computed in the database)
instead of claims: a circle at the cell's centre of mass, its radius growing with the
square root of the claim count, its colour the cell's leading actor's, and a tooltip
with the count and the leading actors (escaped: actor names come from articles).
"""

from __future__ import annotations

import html
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

import folium

from geo.claim_records import OTHER_COLOR, actor_colors

__all__ = ["DISTANCE_CELL_COLOR", "MAX_RADIUS_PX", "add_cells", "cell_colors"]

#: Radius of the fullest cell of the view, in pixels (others scale by sqrt(count)).
MAX_RADIUS_PX = 28.0
MIN_RADIUS_PX = 4.0
#: Colour of a cell whose claims are mostly distance claims (no actor).
DISTANCE_CELL_COLOR = "#555555"
_BROKEN_BRACE = "{\u200b"


def cell_colors(cells: Iterable[Any]) -> dict[str, str]:
    """Palette colours for the actors leading the most claims over ``cells``."""
    weights: Counter[str] = Counter()
    for cell in cells:
        for name, count in cell.actors:
            if name != "distance":
                weights[name] += count
    ranked = [name for name, _ in weights.most_common()]
    # actor_colors ranks by frequency: repeat each name by its rank so the order holds.
    return actor_colors([n for i, n in enumerate(ranked) for _ in range(len(ranked) - i)])


def _tooltip(cell: Any) -> str:
    lines = [f"{cell.count:,} claims"]
    # Escaped for HTML, and "{" broken up: folium re-reads rendered elements as templates.
    lines += [html.escape(str(name)).replace("{", _BROKEN_BRACE) + f": {count:,}"
              for name, count in cell.actors]
    return "<br>".join(lines)


def add_cells(fmap: Any, cells: Iterable[Any], colors: Mapping[str, str] | None = None, *,
              name: str = "Claims (counts per area)") -> int:
    """Add one circle per cell to ``fmap`` in a feature group; return how many were drawn."""
    cells = list(cells)
    colors = dict(colors) if colors is not None else cell_colors(cells)
    group = folium.FeatureGroup(name=name)
    top = max((c.count for c in cells), default=1)
    for cell in cells:
        leader = cell.leading_actor
        color = (DISTANCE_CELL_COLOR if leader == "distance"
                 else colors.get(str(leader), OTHER_COLOR))
        radius = max(MIN_RADIUS_PX, MAX_RADIUS_PX * math.sqrt(cell.count / top))
        folium.CircleMarker(
            location=[cell.lat, cell.lon], radius=radius, color=color, weight=1,
            fill=True, fill_color=color, fill_opacity=0.55,
            tooltip=folium.Tooltip(_tooltip(cell)),
        ).add_to(group)
    group.add_to(fmap)
    return len(cells)
