"""The app's access to the store, with Streamlit caches.

* :func:`get_store` opens the store once per server process (``st.cache_resource``) and loads
  the demo dataset when the database has no claims, so the app opens on a working map.
* :func:`all_claims` and :func:`prepared` hold the whole claims frame and its map records per
  *data version* (a token that changes when claims or corrections are written), so a filter
  change never re-reads the database or re-escapes popups.
* :func:`filtered_ids` is the query keyed on the filters (``st.cache_data``); it returns claim
  ids only, cheap to cache and to copy.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

import streamlit as st

from core.errors import ConflictMapError

if TYPE_CHECKING:
    import pandas as pd

    from app.filters import FilterState
    from geo.claims_map import PreparedClaims
    from store import Store

__all__ = [
    "COUNTS_TTL_S",
    "all_claims",
    "bump_version",
    "data_version",
    "filtered_frame",
    "filtered_ids",
    "get_store",
    "prepared",
    "recent_claim_count",
    "recent_version",
]

log = logging.getLogger("conflictmap.app.data")
_version_lock = threading.Lock()
_local_version = [0]


@st.cache_resource(show_spinner="Opening the database…")
def get_store() -> Store:
    """Open the default store (``DATABASE_URL`` or SQLite in the data directory) once.

    When it holds no claims the bundled demo dataset is loaded, so a first start shows a map.
    """
    from store import open_store

    _pin_gazetteer_functions()
    store = open_store(for_reading=True)  # a read-only database is shown, not refused
    try:
        if not store.read_only and not store.stats().get("claims"):
            added = store.load_demo()
            log.info("loaded the demo dataset: %s claims", added)
    except (ConflictMapError, ImportError) as err:
        log.warning("could not load the demo dataset: %s", err)
    return store


def _pin_gazetteer_functions() -> None:
    """Make ``gazetteer.geoparse`` & co. the functions, not the same-named submodule.

    Work-around: once ``gazetteer.geoparse`` (the module) has been imported, for example by
    ``from gazetteer import resolve_name``, ``from gazetteer import geoparse`` returns the
    module, and ``claims.analyze_article`` fails with "'module' object is not callable".
    """
    import importlib

    import gazetteer

    module = importlib.import_module("gazetteer.geoparse")
    for name in ("geoparse", "resolve_spans", "resolve_name"):
        if callable(getattr(module, name, None)):
            setattr(gazetteer, name, getattr(module, name))


def data_version(store: Store | None = None) -> str:
    """Return a token that changes whenever claims, articles or corrections change.

    It combines the store's row counts with a counter bumped by this process after each
    write (:func:`bump_version`), so edits made from the app show at once.
    """
    store = store or get_store()
    stats = store.row_counts()
    return (
        f"{stats.get('articles')}-{stats.get('claims')}-{stats.get('corrections')}-"
        f"{stats.get('places')}-{_local_version[0]}"
    )


#: How long the large-store map trusts its row counts, in seconds. Counting a million
#: claims costs about 0.1 s a table on PostgreSQL; writes made by this app show at once
#: (they bump the local version, part of the cache key), other writers' within this time.
COUNTS_TTL_S = 10.0


@st.cache_data(ttl=COUNTS_TTL_S, max_entries=4, show_spinner=False)
def _recent_version(_store: Store, local: int) -> str:
    return data_version(_store)


def recent_version(store: Store) -> str:
    """Return :func:`data_version`, computed at most :data:`COUNTS_TTL_S` seconds ago."""
    return _recent_version(store, _local_version[0])


@st.cache_data(ttl=COUNTS_TTL_S, max_entries=4, show_spinner=False)
def _recent_count(_store: Store, local: int) -> int:
    return int(_store.count_claims())


def recent_claim_count(store: Store) -> int:
    """Return the number of stored claims, counted at most :data:`COUNTS_TTL_S` seconds ago."""
    return _recent_count(store, _local_version[0])


def bump_version() -> None:
    """Mark the cached data as stale after the app wrote to the store."""
    with _version_lock:
        _local_version[0] += 1


@st.cache_resource(max_entries=2, show_spinner=False)
def all_claims(version: str) -> pd.DataFrame:
    """Every claim (``Store.claims_frame`` with no filter) for one data version.

    Cached as a resource (not copied per run); callers must not modify it.
    """
    frame = get_store().claims_frame()
    frame["claim_id"] = frame["claim_id"].astype(str)
    return frame.set_index("claim_id", drop=False)


@st.cache_resource(max_entries=2, show_spinner=False)
def prepared(version: str) -> PreparedClaims:
    """Map records (escaped popups, colours, shapes) of every claim for one data version."""
    from geo.claims_map import prepare_claims

    return prepare_claims(all_claims(version))


@st.cache_data(max_entries=64, show_spinner=False)
def filtered_ids(state: FilterState, version: str) -> list[str]:
    """Claim ids matching the filters, in the store's order (cached per filters and version)."""
    from app.filters import apply_filters

    return apply_filters(all_claims(version), state)["claim_id"].tolist()


def filtered_frame(state: FilterState, version: str) -> pd.DataFrame:
    """Return the claims matching the filters (a view on :func:`all_claims`)."""
    frame = all_claims(version)
    return frame.loc[filtered_ids(state, version)]


def claim_row(claim_id: str, version: str) -> dict[str, Any] | None:
    """One claim as a dict, or None when it is not stored."""
    frame = all_claims(version)
    if claim_id not in frame.index:
        return None
    return frame.loc[claim_id].to_dict()
