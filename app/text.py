"""Show text from articles and files safely in Streamlit widgets that render Markdown.

``st.success``, ``st.error``, ``st.info``, expander labels and captions render Markdown, so an
article title such as ``![x](http://host/pixel.png)`` would become an image request. Raw HTML is
already shown as text by Streamlit; :func:`md_escape` also neutralizes Markdown syntax.

Arabic quotes read right to left: :func:`quote_html` builds an escaped block whose
direction follows the text (``dir="rtl"`` for Arabic, ``dir="auto"`` otherwise), and
:func:`bidi_cell` wraps a right-to-left table cell in Unicode isolates, since the claims
grid draws plain text (no per-cell HTML) and would otherwise lay an Arabic quote out with
its numbers and Latin names in left-to-right order.
"""

from __future__ import annotations

import html
import re

__all__ = ["bidi_cell", "is_rtl", "md_escape", "quote_html"]

#: Letters of the right-to-left scripts quotes come in (Arabic and its supplements, Hebrew).
_RTL_RE = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
#: Unicode right-to-left isolate and its closing mark.
RLI, PDI = "\u2067", "\u2069"

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def md_escape(text: object) -> str:
    r"""Backslash-escape every Markdown-significant character of ``text``.

    >>> md_escape("![x](http://a/b.png) *bold*")
    '\\!\\[x\\]\\(http\\:\\/\\/a\\/b\\.png\\) \\*bold\\*'
    """
    return _SPECIAL.sub(r"\\\1", str(text)).replace("/", "\\/")


def is_rtl(text: object) -> bool:
    """Say whether ``text`` is mostly right-to-left: its first strong letter is Arabic/Hebrew.

    >>> is_rtl("سيطرت قوات حفتر على سرت"), is_rtl("LNA took Sirte"), is_rtl("12 سرت")
    (True, False, True)
    """
    for char in str(text or ""):
        if _RTL_RE.match(char):
            return True
        if char.isalpha():
            return False
    return False


def quote_html(text: object) -> str:
    """Return a quote as an escaped HTML block laid out in its own direction.

    >>> quote_html('سيطرت <b>"قوات"</b>')
    '<div class="cm-quote" dir="rtl" lang="ar" style="direction:rtl;text-align:right;\
white-space:pre-wrap">سيطرت &lt;b&gt;&quot;قوات&quot;&lt;/b&gt;</div>'
    >>> quote_html("Sirte")
    '<div class="cm-quote" dir="auto" style="white-space:pre-wrap">Sirte</div>'
    """
    body = html.escape(str(text or ""), quote=True)
    if is_rtl(text):
        return ('<div class="cm-quote" dir="rtl" lang="ar" style="direction:rtl;'
                f'text-align:right;white-space:pre-wrap">{body}</div>')
    return f'<div class="cm-quote" dir="auto" style="white-space:pre-wrap">{body}</div>'


def bidi_cell(text: object) -> object:
    """Return a right-to-left table cell inside isolates (RLI ... PDI); others unchanged.

    >>> bidi_cell("دخلت القوات سرت في 6 يناير") == RLI + "دخلت القوات سرت في 6 يناير" + PDI
    True
    >>> bidi_cell("LNA entered Sirte"), bidi_cell(None)
    ('LNA entered Sirte', None)
    """
    if isinstance(text, str) and is_rtl(text) and not text.startswith(RLI):
        return f"{RLI}{text}{PDI}"
    return text
