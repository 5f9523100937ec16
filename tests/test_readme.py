"""The README tells the truth: its examples print what they show, and CI runs its test command."""

from __future__ import annotations

import re
import shlex

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
