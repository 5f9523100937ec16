"""The package's shape: modules import one another one way only, and cheaply."""

from __future__ import annotations

import ast
import subprocess
import sys
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

import effects_cli.search

PACKAGE = Path(effects_cli.search.__file__).parent


def imports_of(path: Path) -> set[str]:
    """The modules of this package that a module imports, anywhere in it (functions too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module == "effects_cli.search":
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(
            "effects_cli.search."
        ):
            found.add(node.module.rpartition(".")[2])  # type: ignore[union-attr]
        elif isinstance(node, ast.Import):
            found |= {
                alias.name.rpartition(".")[2]
                for alias in node.names
                if alias.name.startswith("effects_cli.search.")
            }
    return found


def test_no_module_imports_back_what_imports_it() -> None:
    graph = {path.stem: imports_of(path) for path in PACKAGE.glob("*.py")}
    try:
        order = list(TopologicalSorter(graph).static_order())
    except CycleError as error:  # pragma: no cover - what the test is for
        pytest.fail(f"an import cycle: {error.args[1]}")
    assert graph["__init__"] == set()
    assert order.index("results") < order.index("engine")


@pytest.mark.parametrize(
    ("module", "loaded"),
    [
        ("effects_cli.search", {"effects_cli.search"}),
        ("effects_cli.search.results", {"effects_cli.search", "effects_cli.search.results"}),
        (
            "effects_cli.search.query",
            {"effects_cli.search", "effects_cli.search.query", "effects_cli.search.text"},
        ),
    ],
)
def test_a_module_loads_only_what_it_needs(module: str, loaded: set[str]) -> None:
    """Rendering imports the result types without the engine, its regexes or the stemmer."""
    code = f"import sys, {module}; print(' '.join(sorted(sys.modules)))"
    modules = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    assert {name for name in modules if name.startswith("effects_cli.search")} == loaded
    assert not {"Stemmer", "snowballstemmer", "difflib", "unicodedata"} & modules
