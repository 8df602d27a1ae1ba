"""A distance verdict's ring polygon, built only when it is read.

:func:`geo.verdict.check_distance` gives every force or event distance claim the ring (or
sector) it puts the subject in (``DistanceVerdict.region``). Building the shapely polygon
is about 2 % of an Arabic article's analysis, yet only the map and the digest read it.
:class:`PendingRing` holds the ring's arguments, checked at once as
:func:`geo.ring.ring_region` checks them (so a bad ring fails where it always did), and
:func:`lazy_slot` makes a slotted dataclass field build the polygon on its first read and
keep it: every reader (``verdict.region``, ``dataclasses.asdict``, ``==``, ``repr``,
``dataclasses.fields`` + ``getattr``) sees the same polygon as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from shapely.geometry import Polygon

from geo.ring import check_ring
from geo.sector import claim_region

__all__ = ["PendingRing", "lazy_slot", "stored"]

#: ``(class, slot name)`` -> the slot's own descriptor, kept by :func:`lazy_slot`.
_SLOTS: dict[tuple[type, str], Any] = {}


@dataclass(frozen=True, slots=True)
class PendingRing:
    """The arguments of :func:`geo.sector.claim_region`, validated, for a later :meth:`build`."""

    anchor_point: tuple[float, float]
    value_min_km: float
    value_max_km: float
    direction: str | None

    def __post_init__(self) -> None:
        check_ring(self.anchor_point, max(0.0, self.value_min_km), self.value_max_km,
                   self.direction)

    def build(self) -> Polygon:
        """Return the polygon :func:`geo.sector.claim_region` gives for these arguments."""
        return claim_region(self.anchor_point, self.value_min_km, self.value_max_km,
                            self.direction)


def lazy_slot(cls: type, name: str) -> type:
    """Make ``cls``'s slot ``name`` build a :class:`PendingRing` into its polygon when read.

    ``cls`` is a ``@dataclass(slots=True)``; its slot keeps what ``__init__`` stored until
    the first read replaces a :class:`PendingRing` by its polygon (the slot is written
    through its own descriptor, so a frozen dataclass stays frozen to callers).
    """
    slot = _SLOTS[(cls, name)] = cls.__dict__[name]

    def get(self: Any) -> Any:
        value = slot.__get__(self, cls)
        if isinstance(value, PendingRing):
            value = value.build()
            slot.__set__(self, value)
        return value

    def set_(self: Any, value: Any) -> None:
        slot.__set__(self, value)

    setattr(cls, name, property(get, set_, doc=f"{cls.__name__}.{name}, built when first read."))
    return cls


def stored(obj: Any, name: str) -> Any:
    """Return what ``obj``'s :func:`lazy_slot` slot ``name`` holds, without building it."""
    return _SLOTS[(type(obj), name)].__get__(obj, type(obj))
