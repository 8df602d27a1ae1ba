"""The ``conflictmap`` command line: a click group composed of one module per command family.

Each module under ``cli/`` registers its commands on :data:`main`. Library errors
(:class:`core.errors.ConflictMapError`) become clean messages, never tracebacks.
"""

from cli.main import main

__all__ = ["main"]
