"""Start the app with its modules already loaded for the first visitor: ``python -m app.serve``.

``streamlit run streamlit_app.py`` runs nothing of the app until a browser connects, so
the first visitor also waits for the map page's imports (pandas, SQLAlchemy, folium and
streamlit-folium: about a second of CPU, several on a busy machine) and for the offline
basemap's file. ``python -m app.serve [streamlit options]`` is the same server: it runs
Streamlit's own command line (``streamlit run streamlit_app.py ...``) in this process and,
meanwhile, a background thread imports :data:`WARM_MODULES` and publishes the basemap
(:func:`app.assets.publish_basemap`), so they are ready before the first page load.
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading

from app.server import APP_SCRIPT

__all__ = ["WARM_MODULES", "main", "warm"]

log = logging.getLogger("conflictmap.app.serve")

#: What the map page's first run imports, heaviest first. Not ``streamlit_folium``: it
#: declares its component on import, which must happen inside the running server (imported
#: before, its iframe's files are not found: 404); nor the ``app`` pages, whose Streamlit
#: caches belong to the running server too (their own import is a few milliseconds).
WARM_MODULES: tuple[str, ...] = (
    "pandas", "sqlalchemy", "folium", "folium.plugins", "store.store", "store.viewport",
    "geo.aggregate", "geo.basemap", "geo.claims_map",
)


def warm() -> None:
    """Import :data:`WARM_MODULES` and publish the basemap file (errors are only logged)."""
    try:
        for name in WARM_MODULES:
            importlib.import_module(name)
        from app.assets import publish_basemap

        publish_basemap()
    except Exception as err:  # noqa: BLE001 - the first page load does the same, and reports
        log.warning("warming the app up failed (the first page load will retry): %s", err)


def main(argv: list[str] | None = None) -> None:
    """Warm up in the background, then serve ``streamlit_app.py`` with ``argv``'s options."""
    from streamlit.web import cli

    threading.Thread(target=warm, name="conflictmap-warm", daemon=True).start()
    args = list(sys.argv[1:] if argv is None else argv)
    cli.main(["run", str(APP_SCRIPT), *args], prog_name="streamlit")


if __name__ == "__main__":
    main()
