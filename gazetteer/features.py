"""GeoNames feature codes: their class and the precision a point of that kind has."""

from __future__ import annotations

__all__ = ["feature_class_of", "precision_of"]

_CLASS_BY_PREFIX: dict[str, str] = {
    "PCL": "A", "ADM": "A", "TERR": "A", "ZN": "A", "PRSH": "A",
    "PPL": "P", "STLMT": "P",
    "SEA": "H", "GULF": "H", "BAY": "H", "STRT": "H", "OCN": "H", "LK": "H", "STM": "H",
    "CHN": "H", "LGN": "H", "COVE": "H",
    "RGN": "L", "AREA": "L", "OAS": "L", "PRK": "L", "CONT": "L", "BSN": "L", "DSRT": "T",
    "AIRB": "S", "AIRP": "S", "AIRF": "S", "PRT": "S", "OILT": "S", "MILB": "S", "INSM": "S",
    "BDG": "S", "BLDG": "S", "PS": "S", "CSTM": "S", "BRKS": "S", "FT": "S", "STNB": "S",
    "MT": "T", "HLL": "T", "PASS": "T", "PLAT": "T", "ISL": "T", "CAPE": "T", "PEN": "T",
    "VAL": "T", "MTS": "T", "WAD": "H",
}

_PRECISION_BY_CLASS: dict[str, str] = {
    "A": "region", "P": "town", "H": "sea", "L": "region", "S": "site", "T": "site",
}


def feature_class_of(code: str) -> str:
    """Return the GeoNames feature class of a feature code (``"PPLC"`` -> ``"P"``).

    >>> feature_class_of("PPLC"), feature_class_of("PCLI"), feature_class_of("AIRB")
    ('P', 'A', 'S')
    >>> feature_class_of("???")
    'P'
    """
    for length in (5, 4, 3, 2):
        klass = _CLASS_BY_PREFIX.get(code[:length])
        if klass:
            return klass
    return "P"


def precision_of(code: str) -> str:
    """Return what a point with this feature code stands for (see ``PRECISIONS``).

    >>> [precision_of(c) for c in ("PCLI", "ADM1", "PPLX", "PPL", "SEA", "AIRB")]
    ['country', 'region', 'district', 'town', 'sea', 'site']
    """
    if code.startswith("PCL") or code == "TERR":
        return "country"
    if code in ("PPLX", "PPLL"):
        return "district"
    if code in ("LK", "STM", "WAD"):
        return "site"
    return _PRECISION_BY_CLASS[feature_class_of(code)]
