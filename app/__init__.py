"""The analyst's Streamlit app: map page, upload, distance checker, source comparison.

``streamlit_app.py`` only sets up the page and navigation (:mod:`app.pages`). Pages are
:mod:`app.map_page`, :mod:`app.upload_page`, :mod:`app.distance_page` and :mod:`app.compare`;
:mod:`app.data` holds the cached store access, :mod:`app.filters` the filter state and its URL
form, :mod:`app.assets` the vendored Leaflet files served from ``app/static``.
"""
