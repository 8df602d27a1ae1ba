"""Show text from articles and files safely in Streamlit widgets that render Markdown.

``st.success``, ``st.error``, ``st.info``, expander labels and captions render Markdown, so an
article title such as ``![x](http://host/pixel.png)`` would become an image request. Raw HTML is
already shown as text by Streamlit; :func:`md_escape` also neutralizes Markdown syntax.
"""

from __future__ import annotations

import re

__all__ = ["md_escape"]

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    r"""Backslash-escape every Markdown-significant character of ``text``.

    >>> md_escape("![x](http://a/b.png) *bold*")
    '\\!\\[x\\]\\(http\\:\\/\\/a\\/b\\.png\\) \\*bold\\*'
    """
    return _SPECIAL.sub(r"\\\1", str(text)).replace("/", "\\/")
