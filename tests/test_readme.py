"""The README tells the truth: its examples print what they show, and CI runs its test command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.helpers import REPO, Invoke

README = (REPO / "README.md").read_text(encoding="utf-8")


def _blocks(language: str, text: str = README) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", text, re.MULTILINE | re.DOTALL)


def _examples() -> list[tuple[str, str]]:
    """Each ``$ command`` of the README's console blocks, with the output shown under it."""
    examples = []
    for block in _blocks("console"):
        for chunk in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
            if chunk:
                command, _, output = chunk.partition("\n")
                examples.append((command.removeprefix("$ "), output))
    return examples


def test_quick_start_is_exactly_two_commands() -> None:
    quick_start = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    commands = _blocks("sh", quick_start)
    assert len(commands) == 2
    assert all(command.count("\n") == 1 for command in commands)
    install, test = (command.strip() for command in commands)
    assert "pip install ." in install and install.endswith("effects list")
    assert '".[test]"' in test and test.endswith("pytest")


def test_ci_runs_the_readme_test_command() -> None:
    quick_start = README.split("## Quick start", 1)[1]
    test_command = _blocks("sh", quick_start)[1].strip()
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert test_command in ci.splitlines()


def test_readme_has_examples_of_every_command() -> None:
    commands = {shlex.split(command)[1] for command, _ in _examples()}
    assert {"list", "show", "search", "tip", "read"} <= commands


@pytest.mark.parametrize(("command", "shown"), _examples(), ids=[c for c, _ in _examples()])
def test_readme_example_prints_what_it_shows(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, command: str, shown: str
) -> None:
    monkeypatch.chdir(REPO)  # paths in the examples are relative to the repository
    program, _, head = command.partition(" | head -n ")
    words = shlex.split(program)
    assert words[0] == "effects"
    output = invoke(*words[1:]).output
    if head:
        output = "".join(output.splitlines(keepends=True)[: int(head)])
    assert output == shown


@pytest.mark.posix
def test_the_bashrc_line_prints_the_short_tip_of_the_day(tmp_path: Path) -> None:
    """The README's line for ~/.bashrc, in a real interactive bash: two lines when effects
    is on PATH, nothing at all when it is not (as after the quick start alone) or when
    the shell is not interactive."""
    import shutil
    import subprocess

    from tests.helpers import EFFECTS, environment

    tip = README.split("#### A tip each time a terminal opens", 1)[1]
    line = next(block for block in _blocks("sh", tip) if "tip --daily" in block).strip()
    assert line.endswith("effects tip --daily --short")
    bash = shutil.which("bash")
    assert bash is not None
    on_path = tmp_path / "bin"
    on_path.mkdir()
    wrapper = on_path / "effects"
    wrapper.write_text(f'#!/bin/sh\nexec {" ".join(EFFECTS)} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    cases = [(["-i"], f"{on_path}:/usr/bin:/bin", 2), (["-i"], "/usr/bin:/bin", 0)]
    cases.append(([], f"{on_path}:/usr/bin:/bin", 0))  # a script, not a person: nothing
    for flags, path, lines in cases:
        shell = subprocess.run(
            [bash, "--norc", *flags, "-c", line],
            capture_output=True,
            text=True,
            env=environment(PATH=path, COLUMNS="80", HOME=str(tmp_path)),
            timeout=60,
        )
        assert len(shell.stdout.splitlines()) == lines, shell
        assert "effects" not in shell.stderr
