"""Work done once when the app's server starts, before any visitor connects.

``streamlit run streamlit_app.py`` finds the :class:`streamlit.App` that ``streamlit_app.py``
defines and serves it; that app's :func:`lifespan` runs here when the server starts. Without
it Streamlit runs nothing of the app until a browser connects, so the first visitor also
waited for the map page's imports (pandas, SQLAlchemy, folium and streamlit-folium: about
two CPU seconds, several wall seconds on a busy machine) and for the offline basemap's file.
:func:`lifespan` starts a background thread that does that work while the browser is still
loading Streamlit's own files, then opens the store; the server answers at once.
"""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

__all__ = ["WARM_MODULES", "lifespan", "open_store_early", "warm"]

log = logging.getLogger("conflictmap.app.startup")

#: What the map page's first run imports, heaviest first. Not ``streamlit_folium``: it
#: declares its component on import, which must happen in a session's script run (imported
#: from this thread, even with the runtime started, its iframe's files are not found: 404);
#: nor the ``app`` pages, whose Streamlit caches belong to the script runs (their own import
#: is a few milliseconds).
WARM_MODULES: tuple[str, ...] = (
    "pandas", "sqlalchemy", "folium", "folium.plugins", "store.store", "store.viewport",
    "geo.aggregate", "geo.basemap", "geo.claims_map",
)


def warm(modules: tuple[str, ...] = WARM_MODULES) -> None:
    """Import ``modules`` and publish the basemap file (errors are only logged)."""
    try:
        for name in modules:
            importlib.import_module(name)
        from app.assets import publish_basemap

        publish_basemap()
    except Exception as err:  # noqa: BLE001 - the first page load does the same, and reports
        log.warning("warming the app up failed (the first page load will retry): %s", err)


def open_store_early() -> None:
    """Open the app's store into its cache (:func:`app.data.get_store`); errors are logged.

    Opening it (engine, schema check, the demo data on an empty database) took 0.3 CPU s and
    0.6 s on the first visit at 100,000 claims; a visit that comes while this runs waits for
    the same cache entry instead of opening a second store.
    """
    try:
        from app.data import get_store

        get_store()
    except Exception as err:  # noqa: BLE001 - the first page load opens it again, and reports
        log.warning("opening the store at start failed (the first page will retry): %s", err)


def _warm_server() -> None:
    warm()
    open_store_early()


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[None]:
    """Warm the app up in the background while the server starts (``st.App`` lifespan).

    Streamlit's runtime is running by then, so the store's ``st.cache_resource`` entry
    is the one the sessions read.
    """
    threading.Thread(target=_warm_server, name="conflictmap-warm", daemon=True).start()
    yield
