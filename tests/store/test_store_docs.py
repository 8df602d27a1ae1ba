"""Every store command and the settings it reads are documented in the README."""

from __future__ import annotations

import click

from cli.store_cmd import register
from core.paths import project_root


def _commands() -> list[str]:
    group = click.Group("conflictmap")
    register(group)
    names = []
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            names += [f"{name} {sub}" for sub in command.commands]
        else:
            names.append(name)
    return names


def test_readme_documents_every_store_command_and_setting():
    readme = (project_root() / "README.md").read_text(encoding="utf-8")
    missing = [c for c in _commands() if f"conflictmap {c}" not in readme]
    assert not missing, f"README lacks: {missing}"
    for setting in ("DATABASE_URL", "CONFLICTMAP_HOME", "CONFLICTMAP_MAX_FILE_MB",
                    "CONFLICTMAP_MAX_ARTICLE_CHARS"):
        assert setting in readme
