"""Conflict Map's Streamlit entry point: the server app, page set-up and navigation only.

Run ``streamlit run streamlit_app.py`` from the project directory; the pages live in ``app/``.
This file has two roles. Imported as a module (``streamlit run`` finds ``app`` below and serves
it), it defines the server, whose lifespan loads the map page's modules while the server starts
(:mod:`app.startup`), before the first visitor connects. Run as a session's script
(``__main__``, also under ``streamlit.testing``), it draws the pages.
"""

from __future__ import annotations

import streamlit as st

if __name__ == "__main__":  # a session's script run
    st.set_page_config(page_title="Conflict Map", page_icon=":world_map:", layout="wide")

    from app.pages import make_pages  # set_page_config must come first
    from app.text import md_escape
    from core.errors import ConflictMapError

    try:
        st.navigation(make_pages()).run()  # new page objects per run: never shared
    except ConflictMapError as err:  # a damaged or unreachable database: a message
        st.error(f"Conflict Map cannot continue: {md_escape(err)}")
else:  # imported by ``streamlit run``: the server, warmed up at start
    from app.startup import lifespan

    app = st.App(__file__, lifespan=lifespan)
