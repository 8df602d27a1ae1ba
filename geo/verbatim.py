"""Emit a folium element's script verbatim instead of re-parsing it as a Jinja template.

folium's ``MacroElement.render`` wraps each rendered script in ``branca.element.Element``,
which compiles the text as a Jinja template. For layers that embed large JSON payloads this
costs about a second per 10 MB, and it would evaluate any ``{{ ... }}`` that came from an
article. Layers that carry data use :class:`VerbatimScriptMixin` instead.
"""

from __future__ import annotations

from typing import Any

from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.map import Layer

__all__ = ["RawScript", "VerbatimScriptMixin"]


class RawScript(Element):
    """A branca element whose text is output as is (never parsed as a template)."""

    def __init__(self, text: str) -> None:
        super().__init__("")
        self._text = text

    def render(self, **kwargs: Any) -> str:
        """Return the text unchanged."""
        return self._text


class VerbatimScriptMixin:
    """Render like folium's MacroElement/Layer/JSCSSMixin, but add the script as :class:`RawScript`.

    Put it before the folium base class: ``class MyLayer(VerbatimScriptMixin, Layer)``.
    """

    default_js: list[tuple[str, str]] = []
    default_css: list[tuple[str, str]] = []

    def render(self, **kwargs: Any) -> None:
        """Add asset links, the add-to-map statement (layers) and the verbatim script."""
        figure = self.get_root()  # type: ignore[attr-defined]
        if not isinstance(figure, Figure):
            raise TypeError("this element can only be rendered inside a folium Figure")
        for name, url in self.default_js:
            figure.header.add_child(JavascriptLink(url), name=name)
        for name, url in self.default_css:
            figure.header.add_child(CssLink(url), name=name)
        if isinstance(self, Layer) and self.show:
            from folium.elements import ElementAddToElement

            self.add_child(
                ElementAddToElement(
                    element_name=self.get_name(), element_parent_name=self._parent.get_name()
                ),
                name=self.get_name() + "_add",
            )
        module = self._template.module  # type: ignore[attr-defined]
        script = module.__dict__.get("script")
        if script is not None:
            figure.script.add_child(RawScript(script(self, kwargs)), name=self.get_name())
        for child in list(self._children.values()):  # type: ignore[attr-defined]
            child.render(**kwargs)
