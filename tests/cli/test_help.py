"""Help, --version, and no command at all: every command documents itself with an example."""

from __future__ import annotations

import re

import pytest
from typer.main import get_command

from effects_cli import __version__
from tests.helpers import Invoke, app

USAGE = "Usage: effects [OPTIONS] COMMAND [ARGS]..."


def test_no_command_shows_help_and_exits_2(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 2
    assert USAGE in result.stdout
    for command in ("list", "show", "search", "tip", "read"):
        assert f" {command} " in result.stdout


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_top_level_help_lists_the_global_options(invoke: Invoke, flag: str) -> None:
    result = invoke(flag)
    assert (result.exit_code, result.stderr) == (0, "")
    assert USAGE in result.stdout
    for option in ("--color", "--pager", "--no-pager", "--version", "--install-completion"):
        assert option in result.stdout
    assert re.search(r"^\W*validate +Check a guide file", result.stdout, re.MULTILINE)


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"effects {__version__}\n", "")


def _command_paths(group: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command under ``group``, as the words that name it, sub-commands included."""
    paths = []
    for name, command in getattr(group, "commands", {}).items():
        paths.append((*path, name))
        paths += _command_paths(command, (*path, name))
    return paths


def test_every_command_has_help_with_a_summary_and_an_example(invoke: Invoke) -> None:
    paths = _command_paths(get_command(app))
    assert {"list", "show", "search", "tip", "read", "validate"} <= {path[0] for path in paths}
    for path in paths:
        name = " ".join(path)
        for flag in ("--help", "-h"):
            result = invoke(*path, flag)
            assert (result.exit_code, result.stderr) == (0, ""), name
            usage, summary = result.stdout.strip().splitlines()[:3:2]
            assert usage.strip().startswith(f"Usage: effects {name}"), name
            assert summary.strip().endswith("."), name  # a one-line summary under the usage
            assert "Examples:" in result.stdout, name
            assert re.search(rf"^ +effects( --[a-z-]+)* {name}\b", result.stdout, re.MULTILINE), (
                name
            )
