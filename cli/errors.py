"""Turn library errors into click errors so the user sees a message, not a traceback."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, TypeVar

import click

from core.errors import ConflictMapError

__all__ = ["friendly_errors"]

P = ParamSpec("P")
R = TypeVar("R")


def friendly_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Decorate a click command so a :class:`ConflictMapError` exits with its message."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ConflictMapError as err:
            raise click.ClickException(str(err)) from err

    return wrapper
