"""Odd accounts, environments and arguments, round two: a user with no home, digits Rich
cannot read, a pasted page as an option's value, a file name with a line break, a TAB
that meets a FIFO."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from tests.helpers import EFFECTS, HANG_GUARD, Invoke, environment

LONG = "x" * 300
CUT = "x" * 59 + "\u2026"


@pytest.fixture
def homeless(monkeypatch: pytest.MonkeyPatch) -> None:
    """A user with no passwd entry and no HOME, as containers often run."""
    import pwd

    def no_entry(uid: int) -> object:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)


@pytest.mark.posix
@pytest.mark.parametrize("args", [["list"], ["search", "stigma"], ["tip", "--seed", "1"]])
def test_a_user_without_a_home_reads_without_a_cache(
    invoke: Invoke, homeless: None, args: list[str]
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout


@pytest.mark.posix
@pytest.mark.parametrize("args", [["cache", "path"], ["cache", "clear"]])
def test_a_user_without_a_home_is_told_there_is_no_cache_folder(
    invoke: Invoke, homeless: None, args: list[str]
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (
        4,
        "",
        f"effects: there is no cache folder: HOME is not set and user {os.getuid()}"
        " has no home folder\n",
    )


@pytest.mark.parametrize("name", ["COLUMNS", "LINES"])
@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "4\u00b2", "abc", ""])
def test_sizes_that_are_not_plain_digits_are_ignored(invoke: Invoke, name: str, value: str) -> None:
    plain = invoke("show", "4.2", env={"COLUMNS": None})
    result = invoke("show", "4.2", env={"COLUMNS": None, name: value})
    assert (result.exit_code, result.stderr, result.stdout) == (0, "", plain.stdout)


@pytest.mark.parametrize("name", ["COLUMNS", "LINES"])
def test_completion_ignores_sizes_that_are_not_plain_digits(invoke: Invoke, name: str) -> None:
    result = invoke(
        env={
            name: "\u00b2",
            "_EFFECTS_COMPLETE": "complete_zsh",
            "_TYPER_COMPLETE_ARGS": "effects show 4.",
        }
    )
    assert (result.exit_code, result.stderr) == (0, "")
    assert '"4.2":"Normalizing Mental Health Conversations"' in result.stdout


@pytest.mark.parametrize(
    ("args", "stderr"),
    [
        pytest.param(
            ["tip", "--seed", LONG],
            f"Invalid value for '--seed': \"{CUT}\" is not a whole number. See 'effects tip --help'.",
            id="seed",
        ),
        pytest.param(
            ["--color", LONG, "list"],
            f"Invalid value for '--color': '{CUT}' is not one of 'auto', 'always', 'never'."
            " See 'effects --help'.",
            id="color",
        ),
        pytest.param(
            ["search", "x", "--limit", LONG],
            f"Invalid value for '--limit' / '-n': \"{CUT}\" is not a whole number."
            " See 'effects search --help'.",
            id="limit",
        ),
        pytest.param(
            [LONG], f"No such command '{CUT}'. See 'effects --help'.", id="unknown-command"
        ),
        pytest.param(
            ["list", "--" + LONG],
            f"No such option: --{'x' * 57}\u2026. See 'effects list --help'.",
            id="unknown-option",
        ),
        pytest.param(
            ["read", LONG],
            f"Got unexpected extra argument(s) ({CUT}). See 'effects read --help'.",
            id="extra-argument",
        ),
        pytest.param(
            ["read", *["x"] * 150],
            "Got unexpected extra argument(s) ("
            + "x " * 29
            + "x\u2026). See 'effects read --help'.",
            id="extra-arguments",
        ),
    ],
)
def test_a_pasted_page_as_a_value_is_quoted_and_cut(
    invoke: Invoke, args: list[str], stderr: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"effects: {stderr}\n")


def test_a_line_break_in_a_file_name_is_shown_as_an_escape(invoke: Invoke, tmp_path: Path) -> None:
    name = tmp_path / "new\nline\x1b[31m\x07.yaml"
    result = invoke("--guide", str(name), "list")
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {tmp_path}/new\\nline\\x1b[31m\\x07.yaml: no such file\n",
    )


@pytest.mark.linux
@pytest.mark.parametrize(
    ("shell", "words"),
    [
        pytest.param("complete_zsh", {"_TYPER_COMPLETE_ARGS": "effects show 4."}, id="zsh"),
        pytest.param(
            "complete_fish",
            {"_TYPER_COMPLETE_ARGS": "effects show 4.", "_TYPER_COMPLETE_FISH_ACTION": "get-args"},
            id="fish",
        ),
        pytest.param(
            "complete_bash", {"COMP_WORDS": "effects show 4.", "COMP_CWORD": "2"}, id="bash"
        ),
    ],
)
@pytest.mark.parametrize("how", ["option", "variable"])
def test_completion_never_waits_on_a_fifo(
    tmp_path: Path, shell: str, words: dict[str, str], how: str
) -> None:
    """A guide that is a FIFO nobody writes to completes to nothing, at once."""
    fifo = tmp_path / "guide.yaml"
    os.mkfifo(fifo)
    env = environment(**words, _EFFECTS_COMPLETE=shell)
    if how == "variable":
        env["EFFECTS_GUIDE"] = str(fifo)
    else:
        for key in ("_TYPER_COMPLETE_ARGS", "COMP_WORDS"):
            if key in env:
                env[key] = env[key].replace("effects ", f"effects --guide {fifo} ")
        if "COMP_CWORD" in env:
            env["COMP_CWORD"] = "4"
    result = subprocess.run(
        EFFECTS,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "4.2" not in result.stdout
