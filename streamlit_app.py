"""Conflict Map's Streamlit entry point: page set-up and navigation only.

Run ``streamlit run streamlit_app.py`` from the project directory; the pages live in ``app/``.
"""

from __future__ import annotations

import streamlit as st

st.set_page_config(page_title="Conflict Map", page_icon=":world_map:", layout="wide")

from app.pages import make_pages  # noqa: E402  (set_page_config must come first)
from app.text import md_escape  # noqa: E402
from core.errors import ConflictMapError  # noqa: E402

try:
    st.navigation(make_pages()).run()  # new page objects per run: never shared
except ConflictMapError as err:  # a damaged or unreachable database: a message, not a traceback
    st.error(f"Conflict Map cannot continue: {md_escape(err)}")
