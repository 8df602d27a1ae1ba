"""Pure helpers of the upload preview: highlighted text, claim rows, candidate labels.

Kept free of Streamlit so they are unit-tested directly. Everything taken from an article is
escaped with :func:`html.escape` before it becomes HTML.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from gazetteer.model import Candidate, Mention, Place

__all__ = [
    "MANUAL",
    "candidate_label",
    "claims_table",
    "highlighted_html",
    "manual_place",
    "mention_groups",
]

#: Option value meaning "the analyst types coordinates".
MANUAL = -1
_MAX_PREVIEW_CHARS = 20_000
_PRECISION_COLORS = {
    "site": "#ffe08a",
    "district": "#ffe08a",
    "town": "#ffe08a",
    "region": "#cde7ff",
    "country": "#cde7ff",
    "sea": "#cde7ff",
}


def highlighted_html(
    text: str, mentions: Sequence[Mention], *, limit: int = _MAX_PREVIEW_CHARS
) -> str:
    """Return the article text as escaped HTML with each place mention in a ``<mark>``.

    The mark's title tells what the mention resolved to; unresolved mentions are grey. Only the
    first ``limit`` characters are shown.

    >>> from gazetteer.model import Mention
    >>> out = highlighted_html("<b>Sirte</b> fell", [Mention(3, 8, "Sirte", [])])
    >>> out[out.index("&lt;b"):out.index("</mark>") + 7].split(">", 1)[1]
    'Sirte</mark>'
    >>> "<b>" in out
    False
    """
    shown = text[:limit]
    parts: list[str] = []
    cursor = 0
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if mention.start < cursor or mention.end > len(shown) or mention.start >= mention.end:
            continue
        parts.append(html.escape(shown[cursor : mention.start]))
        place = mention.place
        if place is None:
            color, title = "#e6e6e6", "not resolved"
        else:
            color = _PRECISION_COLORS.get(place.precision, "#ffe08a")
            title = (
                f"{place.name} ({place.feature_code}, {place.country_code or '?'}) — "
                f"{place.precision}, {place.lat:.3f}, {place.lon:.3f}"
            )
        parts.append(
            f'<mark style="background:{color}" title="{html.escape(title, quote=True)}">'
            f"{html.escape(shown[mention.start : mention.end])}</mark>"
        )
        cursor = mention.end
    parts.append(html.escape(shown[cursor:]))
    if len(text) > limit:
        parts.append(f"\n… ({len(text) - limit:,} more characters not shown)")
    return (
        '<div class="cm-preview" dir="auto" style="white-space:pre-wrap;line-height:1.5">'
        + "".join(parts)
        + "</div>"
    )


def mention_groups(mentions: Sequence[Mention]) -> list[list[Mention]]:
    """Mentions grouped by their text (case-insensitive), in order of first appearance."""
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        groups.setdefault(mention.text.strip().lower(), []).append(mention)
    return list(groups.values())


def candidate_label(place: Place, candidates: Sequence[Candidate], index: int) -> str:
    """Plain-text label of a candidate: name, kind, country, precision, score, coordinates."""
    score = candidates[index].score if index < len(candidates) else None
    shown = f" · score {score:.2f}" if score is not None and math.isfinite(score) else ""
    population = f" · pop. {place.population:,}" if place.population else ""
    return (
        f"{index + 1}. {place.name} ({place.feature_code}, {place.country_code or '?'}, "
        f"{place.precision}) {place.lat:.3f}, {place.lon:.3f}{population}{shown}"
    )


def manual_place(name: str, lat: float, lon: float) -> Place:
    """Return a place at coordinates the analyst typed (validated by the store when saved)."""
    from gazetteer.features import precision_of

    return Place(
        id=f"manual:{lat:.5f},{lon:.5f}",
        name=name.strip() or "manual point",
        lat=float(lat),
        lon=float(lon),
        feature_code="PPL",
        precision=precision_of("PPL"),
        source="manual",
    )


def _place_text(place: Place | None) -> str:
    if place is None:
        return "not resolved"
    return f"{place.name} ({place.lat:.3f}, {place.lon:.3f}, {place.precision})"


def claims_table(claims: Sequence[Any], verdicts: Mapping[int, Any] | None = None,
                 ) -> pd.DataFrame:
    """One row per extracted claim for the preview table (plain text, shown as data).

    ``verdicts`` maps a claim's index to its distance verdict (``ArticleAnalysis.verdicts``);
    the verdict is shown beside the place, before the quote.
    """
    rows = []
    verdicts = verdicts or {}
    for number, claim in enumerate(claims):
        quote = claim.provenance.quote
        verdict = getattr(verdicts.get(number), "label", None)
        if getattr(claim, "kind", "") == "distance":
            stated = (
                f"{claim.value_min:g}"
                if claim.value_min == claim.value_max
                else f"{claim.value_min:g}-{claim.value_max:g}"
            )
            rows.append(
                {
                    "kind": "distance",
                    "quote": quote,
                    "what": f"{claim.subject or '?'}: {stated} {claim.unit} "
                    f"{claim.direction or ''} from {claim.anchor}".replace("  ", " "),
                    "place": _place_text(claim.subject_place or claim.anchor_place),
                    "verdict": verdict or "not checked: no anchor position",
                    "date": claim.event_date,
                }
            )
        else:
            rows.append(
                {
                    "kind": "control",
                    "quote": quote,
                    "what": f"{claim.actor_norm or claim.actor or '?'} {claim.action} "
                    f"{claim.place}",
                    "place": _place_text(claim.place_ref),
                    "verdict": "",
                    "date": claim.event_date,
                }
            )
    return pd.DataFrame(rows, columns=["kind", "what", "place", "verdict", "date", "quote"])
