"""Conflict Map's Streamlit entry point: page set-up and navigation only.

Run ``streamlit run streamlit_app.py`` from the project directory; the pages live in ``app/``.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Conflict Map", page_icon=":world_map:", layout="wide")

from app.pages import PAGES  # noqa: E402  (set_page_config must come first)

st.navigation(PAGES).run()
