"""Help, --version, and no command at all: every command documents itself with an example."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.main import get_command

from effects_cli import __version__
from tests.helpers import Invoke, app, golden, on_terminal, run_effects

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
    assert re.search(r"^\W*validate +Check guide files", result.stdout, re.MULTILINE)


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


# --- the layout: plain text that fits, never markup ----------------------------------------------

HELP_WIDTHS = (40, 60, 80, 200)


def _all_paths() -> list[tuple[str, ...]]:
    return [(), *_command_paths(get_command(app))]


def test_top_level_help_is_the_golden_text_and_fits_40_lines(invoke: Invoke) -> None:
    result = invoke("--help")
    assert (result.exit_code, result.stdout, result.stderr) == (0, golden("help.txt"), "")
    assert len(result.stdout.splitlines()) <= 40


def test_help_shows_examples_as_written(invoke: Invoke) -> None:
    """Rich read [a-z] as markup and dropped it: help is never markup."""
    result = invoke("search", "--help")
    assert "\n  effects search --regex 'self-[a-z]+' --section 3\n" in result.stdout


@pytest.mark.parametrize("width", HELP_WIDTHS)
def test_every_help_fits_and_cuts_nothing(invoke: Invoke, width: int) -> None:
    for path in _all_paths():
        name = " ".join(("effects", *path))
        result = invoke(*path, "--help", env={"COLUMNS": str(width)})
        assert (result.exit_code, result.stderr) == (0, ""), name
        lines = result.stdout.splitlines()
        # Examples are command lines, never broken in two; below 60 columns one may be wider.
        examples = result.stdout.split("\nExamples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        prose = [line for line in lines if width >= 60 or line not in examples]
        assert all(len(line) <= min(width, 80) for line in prose), name
        assert all(line == line.rstrip() for line in lines), name  # no trailing blanks
        unmetavared = re.sub(r"\b[A-Z]+\]?\.\.\.", "", result.stdout)  # FILE..., [ARGS]...
        assert "\u2026" not in result.stdout and "..." not in unmetavared, name
        command = get_command(app)
        for word in path:
            command = command.commands[word]  # type: ignore[attr-defined]
        words = " ".join(result.stdout.split())
        for param in command.params:
            for option in [*param.opts, *param.secondary_opts] * (
                param.param_type_name == "option"
            ):
                assert option in words, (name, option)
            if param.help:
                assert " ".join(param.help.split()) in words, (name, param.name)


def test_examples_are_indented_the_same_everywhere(invoke: Invoke) -> None:
    for path in _all_paths():
        text = invoke(*path, "--help").stdout
        examples = text.split("\nExamples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
        assert examples, path
        assert all(re.fullmatch(r"  effects \S.*", line) for line in examples), path


def test_every_command_says_the_global_options_work_there(invoke: Invoke) -> None:
    for path in _command_paths(get_command(app)):
        text = invoke(*path, "--help").stdout
        told = text.split("\nGlobal options work here too:\n", 1)[1].split("\n\n", 1)[0]
        assert " ".join(told.split()) == (
            "--guide PATH, --no-cache, --color WHEN, --no-color, --pager / --no-pager"
            " (see 'effects --help')."
        ), path


@pytest.mark.posix
def test_help_on_a_terminal_is_the_same_text(tmp_path: Path) -> None:
    for columns in (60, 80, 200):
        shown = on_terminal("--help", cwd=tmp_path, columns=columns, lines=100)
        piped = run_effects("--help", cwd=tmp_path, COLUMNS=str(min(columns, 80)))
        assert (shown.returncode, shown.stdout, shown.stderr) == (0, piped.stdout, "")


@pytest.mark.posix
@pytest.mark.parametrize(
    ("lines", "first", "is_paged"),
    [
        pytest.param(24, [], True, id="taller-than-the-window"),
        pytest.param(60, [], False, id="fits"),
        pytest.param(24, ["--no-pager"], False, id="--no-pager"),
        pytest.param(60, ["--pager"], True, id="--pager"),
    ],
)
def test_help_taller_than_the_window_is_paged(
    tmp_path: Path, lines: int, first: list[str], is_paged: bool
) -> None:
    script = tmp_path / "pager.sh"
    script.write_text(f'#!/bin/sh\ncat > "{tmp_path}/paged.txt"\n', encoding="utf-8")
    script.chmod(0o755)
    result = on_terminal(
        *first, "--help", cwd=tmp_path, lines=lines, no_pager=False, EFFECTS_PAGER=str(script)
    )
    assert (result.returncode, result.stderr) == (0, "")
    paged = tmp_path / "paged.txt"
    assert (result.stdout if not is_paged else paged.read_text(encoding="utf-8")) == golden(
        "help.txt"
    )
    assert paged.exists() is is_paged
