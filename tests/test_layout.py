"""The shape of the code, as the next engineer meets it: small modules, no import circles,
logic that neither prints nor exits.

These read the source with ``ast``; they run nothing of it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import REPO

PACKAGE = REPO / "effects_cli"
MODULES = sorted(PACKAGE.rglob("*.py"))
LONGEST = 350
"""Lines a module may have: one sitting's reading."""
TALKERS = ("effects_cli.cli", "effects_cli.warm", "effects_cli.launch", "effects_cli.__main__")
"""The modules that may write to the streams or end the program: the command line and its
fast path."""


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {module_name(path): path for path in MODULES}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def imports_of(name: str) -> set[str]:
    """The package's modules that ``name`` imports when it runs, at its top or inside a
    function (imports under ``if TYPE_CHECKING:`` never run, so they do not count)."""
    tree = ast.parse(NAMES[name].read_text(encoding="utf-8"))
    package = name if NAMES[name].name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                # `from effects_cli.cli import app` names the module effects_cli.cli.app
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in NAMES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return {imported for imported in found if imported in NAMES and imported != name}


@pytest.mark.parametrize("path", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_a_module_can_be_read_in_one_sitting(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= LONGEST


def test_no_module_imports_itself_through_others() -> None:
    graph = {name: imports_of(name) for name in NAMES}
    circles = []
    for start in graph:
        stack = [(start, [start])]
        seen: set[str] = set()
        while stack:
            name, path = stack.pop()
            for imported in graph[name]:
                if imported == start:
                    circles.append(" -> ".join([*path, start]))
                elif imported not in seen:
                    seen.add(imported)
                    stack.append((imported, [*path, imported]))
    assert circles == []


def test_the_graph_sees_imports_inside_functions() -> None:
    """A check that cannot fail proves nothing: the lazy imports are in the graph."""
    assert "effects_cli.loader.yaml_guide" in imports_of("effects_cli.loader")
    assert "effects_cli.render" in imports_of("effects_cli.cli.results")


@pytest.mark.parametrize("name", [name for name in NAMES if not name.startswith(TALKERS)], ids=str)
def test_logic_neither_prints_nor_exits(name: str) -> None:
    tree = ast.parse(NAMES[name].read_text(encoding="utf-8"))
    calls = {
        ast.unparse(node.func)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) in {"print", "sys.exit", "exit", "quit", "os._exit"}
    }
    touched = {
        ast.unparse(node)
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and ast.unparse(node) in {"sys.stdout", "sys.stderr"}
    }
    assert (calls, touched) == (set(), set())
