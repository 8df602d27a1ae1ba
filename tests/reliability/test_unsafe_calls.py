"""Static checks over the project's source: no pickle, eval or exec, and no SQL built from strings.

Article text, uploads and filter values are user data. Deserializing it with pickle or
marshal, evaluating it, or pasting it into an SQL string is how a tool like this gets
owned, so these patterns are banned outright in library code (tests excluded). A line
that builds SQL from trusted constants only can say so with ``# noqa: S608``.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from core.paths import project_root

ROOT = project_root()
PACKAGES = ("core", "gazetteer", "geo", "claims", "store", "cli", "app", "bench")

#: Call targets that deserialize or execute arbitrary data.
BANNED_CALLS = {
    "eval", "exec", "compile", "__import__",
    "pickle.load", "pickle.loads", "pickle.Unpickler", "cPickle.load", "cPickle.loads",
    "marshal.load", "marshal.loads", "shelve.open", "dill.load", "dill.loads",
    "joblib.load", "torch.load", "yaml.unsafe_load", "yaml.full_load",
    "pd.read_pickle", "pandas.read_pickle", "pd.eval", "pandas.eval",
    "os.system", "os.popen",
}
#: Methods that evaluate expression strings (pandas ``DataFrame.eval``/``query``).
BANNED_METHODS = {"eval", "read_pickle"}
#: SQLAlchemy's ``text()`` (not ``st.text``) and the DB-API/SQLAlchemy execute methods.
SQL_FUNCTIONS = {"text", "sa.text", "sqlalchemy.text", "sql.text"}
SQL_METHODS = {"execute", "exec_driver_sql", "executescript", "executemany"}
SQL_START = re.compile(r"^\s*(select|insert|update|delete|pragma|create|drop|alter|with|begin|"
                       r"replace|vacuum|attach)\b", re.IGNORECASE)


def _sources() -> list[Path]:
    files = [ROOT / "streamlit_app.py"] if (ROOT / "streamlit_app.py").exists() else []
    for package in PACKAGES:
        files += sorted((ROOT / package).rglob("*.py"))
    return [f for f in files if "migrations" not in f.parts or f.suffix == ".py"]


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


#: Names assigned only string literals (or a choice between literals) in the file being
#: checked; filled per file by :func:`_findings`.
_CONSTANT_LOCALS: set[str] = set()


def _literal_choice(value: ast.AST) -> bool:
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return True
    return isinstance(value, ast.IfExp) and _literal_choice(value.body) and _literal_choice(
        value.orelse)


def _constant_locals(tree: ast.AST) -> set[str]:
    trusted: set[str] = set()
    tainted: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    (trusted if _literal_choice(node.value) else tainted).add(target.id)
    return trusted - tainted


def _is_constant_name(node: ast.AST) -> bool:
    """An UPPER_CASE constant (``BUSY_TIMEOUT_MS``, ``models.TABLE``) or a name only ever
    assigned string literals (``mode = "A" if x else "B"``) is trusted."""
    name = _dotted(node).rsplit(".", 1)[-1]
    if isinstance(node, ast.Name) and node.id in _CONSTANT_LOCALS:
        return True
    return bool(name) and name.isupper()


def _string_built(node: ast.AST) -> bool:
    """True when ``node`` builds a string at run time (f-string, %, +, .format) from
    anything but literals and UPPER_CASE constants."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(v, ast.FormattedValue) and not _is_constant_name(v.value)
                   for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mod, ast.Add)):
        return any(not isinstance(leaf, ast.Constant) and not _is_constant_name(leaf)
                   for leaf in (node.left, node.right))
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format")


def _literal_text(node: ast.AST) -> str:
    """The first literal piece of a built string (where an SQL statement starts)."""
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            return child.value
    return ""


def _is_sql_call(node: ast.Call, name: str) -> bool:
    if name in SQL_FUNCTIONS:
        return True
    return isinstance(node.func, ast.Attribute) and node.func.attr in SQL_METHODS


def _findings(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source, filename=str(path))
    _CONSTANT_LOCALS.clear()
    _CONSTANT_LOCALS.update(_constant_locals(tree))
    where = path.relative_to(ROOT)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = _dotted(node.func)
        line = lines[node.lineno - 1] if node.lineno <= len(lines) else ""
        if name in BANNED_CALLS:
            found.append(f"{where}:{node.lineno}: {name}()")
        elif isinstance(node.func, ast.Attribute) and node.func.attr in BANNED_METHODS:
            found.append(f"{where}:{node.lineno}: .{node.func.attr}()")
        elif name == "yaml.load" and not any("Safe" in _dotted(k.value) for k in node.keywords):
            found.append(f"{where}:{node.lineno}: yaml.load without SafeLoader")
        elif any(k.arg == "shell" and isinstance(k.value, ast.Constant) and k.value.value is True
                 for k in node.keywords):
            found.append(f"{where}:{node.lineno}: subprocess with shell=True")
        elif (_is_sql_call(node, name) and node.args and _string_built(node.args[0])
              and SQL_START.search(_literal_text(node.args[0])) and "noqa: S608" not in line):
            found.append(f"{where}:{node.lineno}: SQL built from a string at run time")
    return found


def test_the_scan_sees_the_project():
    assert len(_sources()) >= 10


def test_no_pickle_eval_exec_or_shell_in_library_code():
    findings = [f for path in _sources() for f in _findings(path)]
    assert not findings, "unsafe calls found:\n" + "\n".join(findings)


@pytest.mark.parametrize(
    ("snippet", "flagged"),
    [
        ("import pickle\npickle.loads(data)\n", True),
        ("eval(user)\n", True),
        ("df.query('a > 1')\ndf.eval(expr)\n", True),
        ("conn.execute(f'SELECT * FROM t WHERE name = {name}')\n", True),
        ("conn.execute('SELECT * FROM t WHERE name = :n', {'n': name})\n", False),
        ("session.execute(text('SELECT 1'))\n", False),
        ("subprocess.run(cmd, shell=True)\n", True),
        ("conn.execute(f'PRAGMA table_info({table})')  # noqa: S608\n", False),
        ("cur.execute(f'PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}')\n", False),
        ("cur.execute('SELECT * FROM t WHERE a = ' + value)\n", True),
        ("cur.execute('SELECT * FROM t WHERE a = {}'.format(value))\n", True),
        ("conn.execute(text(f'DELETE FROM t WHERE id = {ident}'))\n", True),
        ("st.text(f'{n} characters from {origin}')\n", False),
        ("mode = 'A' if w else 'B'\nconn.exec_driver_sql(f'BEGIN {mode}')\n", False),
        ("mode = 'A'\nmode = user\nconn.exec_driver_sql(f'BEGIN {mode}')\n", True),
        ("st.write(f'select {x} from the list')\n", False),
    ],
)
def test_the_checker_itself(tmp_path, snippet, flagged, monkeypatch):
    target = tmp_path / "sample.py"
    target.write_text(snippet)
    monkeypatch.setattr(f"{__name__}.ROOT", tmp_path)
    assert bool(_findings(target)) is flagged
