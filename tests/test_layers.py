"""The packages depend on each other in one direction only: no cycles, no upward arrows.

core <- gazetteer <- geo <- claims <- store <- cli, app <- bench. A package may import the
ones below it (lazily or not), never one above it; tests are outside the graph.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Each package and the packages it may import.
ALLOWED = {
    "core": set(),
    "gazetteer": {"core"},
    "geo": {"core", "gazetteer"},
    "claims": {"core", "gazetteer", "geo"},
    "store": {"core", "gazetteer", "geo", "claims"},
    "cli": {"core", "gazetteer", "geo", "claims", "store"},
    "app": {"core", "gazetteer", "geo", "claims", "store"},
    "bench": {"core", "gazetteer", "geo", "claims", "store", "cli", "app"},
}


def _imports(package: str) -> set[tuple[str, str]]:
    found = set()
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                if top in ALLOWED and top != package:
                    found.add((str(path.relative_to(ROOT)), top))
    return found


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_no_upward_imports(package):
    wrong = sorted(f"{where} imports {top}" for where, top in _imports(package)
                   if top not in ALLOWED[package])
    assert not wrong, "\n".join(wrong)
