"""Public names of a package imported on first use (PEP 562), so ``import pkg`` stays cheap.

>>> getattr_, dir_ = lazy_exports("pkg", {"sqrt": "math"}, ["sqrt"], {})
>>> getattr_("sqrt")(9.0), dir_()
(3.0, ['sqrt'])
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, MutableMapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, table: Mapping[str, str], public: Iterable[str],
    namespace: MutableMapping[str, Any],
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """Return a package's ``__getattr__`` and ``__dir__`` for names imported lazily.

    ``table`` maps each lazy name to the module that defines it; a name is imported once,
    then kept in ``namespace`` (the package's ``globals()``). ``public`` is its ``__all__``.
    """
    names = sorted(public)

    def __getattr__(name: str) -> Any:  # noqa: N807 - the PEP 562 hook's own name
        module_name = table.get(name)
        if module_name is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module_name), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:  # noqa: N807
        return names

    return __getattr__, __dir__
