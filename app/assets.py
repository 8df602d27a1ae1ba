"""Serve Leaflet and its plugins from files shipped with the project, never from a CDN.

Folium elements name their JavaScript and CSS as CDN URLs (``default_js``/``default_css``);
streamlit-folium collects those lists and the map's iframe loads them. Analysts often work
air-gapped, so :func:`localize_map` rewrites every asset URL of a map to the copy vendored under
``app/static/vendor`` (served by Streamlit's static file serving at ``/app/static/...``). An asset
we do not ship is dropped in offline mode (and logged) rather than fetched from the internet.

The vendored files come from npm: ``leaflet@1.9.3`` (folium 0.20's version),
``leaflet.markercluster@1.1.0`` and ``jquery@3.7.1``; their licences sit next to them.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

__all__ = [
    "GENERATED_DIR",
    "STATIC_DIR",
    "VENDORED",
    "asset_path",
    "external_urls",
    "local_url_for",
    "localize_map",
    "publish_basemap",
    "static_url",
]

log = logging.getLogger("conflictmap.app.assets")

#: The directory Streamlit serves at ``/app/static`` (the repository's ``static`` symlink
#: points here, next to ``streamlit_app.py``).
STATIC_DIR: Path = Path(__file__).resolve().parent / "static"

#: Vendored files by the last part of the CDN URL folium and its plugins use.
VENDORED: dict[str, str] = {
    "leaflet.js": "vendor/leaflet-1.9.3/leaflet.js",
    "leaflet.css": "vendor/leaflet-1.9.3/leaflet.css",
    "leaflet.markercluster.js": "vendor/leaflet.markercluster-1.1.0/leaflet.markercluster.js",
    "MarkerCluster.css": "vendor/leaflet.markercluster-1.1.0/MarkerCluster.css",
    "MarkerCluster.Default.css": "vendor/leaflet.markercluster-1.1.0/MarkerCluster.Default.css",
    "jquery-3.7.1.min.js": "vendor/jquery-3.7.1/jquery.min.js",
    "jquery.min.js": "vendor/jquery-3.7.1/jquery.min.js",
}

#: Assets folium loads by default that Conflict Map's layers never use (Bootstrap, Font
#: Awesome icons); they are dropped silently in offline mode.
_UNUSED = ("bootstrap", "glyphicons", "fontawesome", "awesome-markers", "awesome.rotate")


def asset_path(relative: str) -> Path:
    """Return the file behind a static URL path such as ``vendor/leaflet-1.9.3/leaflet.js``."""
    return STATIC_DIR / relative


def static_url(relative: str, base_url_path: str | None = None) -> str:
    """Return the absolute URL path at which Streamlit serves ``app/static/<relative>``.

    ``base_url_path`` is Streamlit's ``server.baseUrlPath`` (read from the running server when
    None), so the map also works behind a reverse proxy mounted under a prefix.
    """
    if base_url_path is None:
        base_url_path = _base_url_path()
    prefix = "/" + base_url_path.strip("/") if base_url_path and base_url_path.strip("/") else ""
    return f"{prefix}/app/static/{relative.lstrip('/')}"


def _base_url_path() -> str:
    """Streamlit's ``server.baseUrlPath``, or "" outside a Streamlit server."""
    try:
        import streamlit as st

        return str(st.get_option("server.baseUrlPath") or "")
    except (ImportError, RuntimeError, KeyError):
        return ""


def local_url_for(url: str, base_url_path: str | None = None) -> str | None:
    """Map a CDN URL to the vendored copy's URL, or None when the project does not ship it.

    >>> local_url_for("https://cdn.jsdelivr.net/npm/leaflet@1.9.3/dist/leaflet.js", "")
    '/app/static/vendor/leaflet-1.9.3/leaflet.js'
    >>> local_url_for("https://example.org/unknown.js", "") is None
    True
    """
    if not _is_remote(url):
        return url
    name = os.path.basename(urlparse(url).path)
    relative = VENDORED.get(name)
    if relative is None or not asset_path(relative).is_file():
        return None
    return static_url(relative, base_url_path)


def _is_remote(url: str) -> bool:
    """Return True for URLs that would leave the machine (http, https or protocol-relative)."""
    return url.startswith(("http://", "https://", "//"))


def _walk(element: object) -> Iterator[object]:
    """Yield an element and all its descendants (folium/branca ``_children``)."""
    yield element
    children = getattr(element, "_children", None) or {}
    for child in list(children.values()):
        yield from _walk(child)


#: Folder under :data:`STATIC_DIR` for files the app writes itself (not in git).
GENERATED_DIR = "generated"
_published: dict[str, str | None] = {}


def publish_basemap() -> str | None:
    """Write the offline basemap's GeoJSON under the static folder once; return its path.

    The file name carries a hash of the content (``generated/countries-<hash>.json``), so a
    browser may keep it as long as it likes. Returns the path relative to the static folder,
    or None when the folder cannot be written (the map then embeds the outlines).
    """
    if "countries" not in _published:
        import hashlib

        from geo.basemap import countries_geojson

        text = countries_geojson()
        relative = (f"{GENERATED_DIR}/countries-"
                    f"{hashlib.sha256(text.encode()).hexdigest()[:12]}.json")
        target = asset_path(relative)
        try:
            if not target.is_file():
                target.parent.mkdir(parents=True, exist_ok=True)
                tmp = target.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(target)
            _published["countries"] = relative
        except OSError as err:
            log.info("cannot publish the basemap under %s (%s): it is embedded", target, err)
            _published["countries"] = None
    return _published["countries"]


def _static_serving() -> bool:
    """Whether a running Streamlit server serves ``./static`` (``server.enableStaticServing``).

    False outside a server (a map saved as a standalone HTML file keeps its outlines).
    """
    try:
        import streamlit as st
        from streamlit import runtime

        return runtime.exists() and bool(st.get_option("server.enableStaticServing"))
    except (ImportError, RuntimeError, KeyError):
        return False


def _serve_basemaps(root: object, base_url_path: str | None) -> None:
    """Point each embedded offline basemap of ``root`` at the published copy, if any."""
    from geo.basemap import OfflineBasemap

    layers = [e for e in _walk(root) if isinstance(e, OfflineBasemap) and e.url is None]
    relative = publish_basemap() if layers else None
    for layer in layers if relative else ():
        layer.url = static_url(relative, base_url_path)


def localize_map(
    root: object, *, offline: bool = True, base_url_path: str | None = None,
    serve_basemap: bool | None = None,
) -> list[str]:
    """Point every JS/CSS asset of a folium map at the vendored copies.

    Each element's ``default_js``/``default_css`` is replaced on the instance (the folium class
    stays untouched). With ``offline`` an asset without a local copy is removed; otherwise it is
    kept as is. Returns the remote URLs that were dropped (or kept, when online), so callers
    and tests can see what would have left the machine.

    With ``serve_basemap`` (default: when Streamlit serves ``./static``) the offline
    basemap is fetched from :func:`publish_basemap`'s file instead of embedded in the map.
    """
    if serve_basemap if serve_basemap is not None else _static_serving():
        _serve_basemaps(root, base_url_path)
    remote: list[str] = []
    for element in _walk(root):
        for attribute in ("default_js", "default_css"):
            assets = getattr(element, attribute, None)
            if not assets:
                continue
            rewritten: list[tuple[str, str]] = []
            for name, url in assets:
                local = local_url_for(url, base_url_path)
                if local is not None:
                    rewritten.append((name, local))
                    continue
                remote.append(url)
                if offline:
                    if not any(token in url.lower() for token in _UNUSED):
                        log.warning("offline mode: dropping asset without a local copy: %s", url)
                    continue
                rewritten.append((name, url))
            setattr(element, attribute, rewritten)
    return remote


def external_urls(root: object) -> list[str]:
    """List the asset URLs of a map that point outside this server (empty once localized)."""
    urls: list[str] = []
    for element in _walk(root):
        for attribute in ("default_js", "default_css"):
            urls += [url for _, url in getattr(element, attribute, None) or [] if _is_remote(url)]
    return urls
