"""The root click group and the registration of every command family."""

from __future__ import annotations

import importlib
import logging

import click

__all__ = ["main"]

#: Command modules, each exposing ``register(group)``. Imported lazily so that
#: ``conflictmap --help`` stays fast and one broken family does not hide the others.
COMMAND_MODULES: tuple[str, ...] = (
    "cli.geoparse_cmd",
    "cli.claims_cmd",
    "cli.store_cmd",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", count=True, help="Log more (repeat for debug).")
def main(verbose: int) -> None:
    """Conflict Map: map what news reports claim about a war, and check it."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


for _module_name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_module_name)
    except ModuleNotFoundError as _err:
        if _err.name != _module_name:
            raise
        continue
    _module.register(main)
