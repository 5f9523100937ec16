"""Text that could drive a terminal: escape sequences, bidirectional controls, line
separators and Rich markup, in a guide, a query or a file name. It reaches a pipe or a
terminal visibly and literally, never raw and never as markup."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import ESC, SGR, Invoke, assert_safe, on_terminal
from tests.messages import not_file_problem

HOSTILE_GUIDE = r"""
title: "Title\e]0;pwned\a\e]52;c;cHduZWQ=\a"
subtitle: "Sub\u202etitle\u2066x\u2069"
intro: "Intro\e[2J\e[H cleared?\x9b31m C1\x9d0;t\x07 \ePq DCS\e\\ back\b\b\bspace\rcarriage"
sections:
  - title: "[red]Red[/] \e[31mtitle"
    text: "Line\u2028separated\u2029paragraphs, \u200bzero\u200dwidth, \u200fRTL mark, [link=x]markup[/link]."
    points:
      - title: "Point \u202eevil"
        text: "gardens \e[5mblink\e[0m and :smile: [bold]gardens[/bold]"
conclusion: "The end\e[?1049h"
"""
"""Escape sequences of every kind (CSI, OSC title and clipboard, DCS, C1), backspaces and
carriage returns, bidirectional overrides and isolates, line separators and markup."""


@pytest.fixture
def hostile_guide(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_GUIDE, encoding="utf-8")
    return path


HOSTILE_COMMANDS = [
    ["list"],
    ["list", "--tree"],
    ["show", "1"],
    ["show", "1.1"],
    ["search", "gardens"],
    ["search", "red"],
    ["tip"],
    ["read"],
    ["list", "--json"],
    ["show", "1", "--json"],
    ["search", "gardens", "--json"],
    ["read", "--json"],
]


@pytest.mark.parametrize("args", HOSTILE_COMMANDS, ids=" ".join)
@pytest.mark.parametrize("env", [{}, {"FORCE_COLOR": "1"}, {"COLUMNS": "12"}], ids=str)
def test_nothing_raw_reaches_a_pipe(
    invoke: Invoke, hostile_guide: Path, args: list[str], env: dict[str, str]
) -> None:
    result = invoke("--guide", str(hostile_guide), *args, env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert_safe(result.stdout)
    if "--json" in args:
        json.loads(result.stdout)


def test_hostile_text_is_shown_visibly(invoke: Invoke, hostile_guide: Path) -> None:
    result = invoke("--guide", str(hostile_guide), "read")
    assert result.stdout == (
        "Title\\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ=\\x07\n"
        "Sub\\u202etitle\\u2066x\\u2069\n\n"
        "Contents\n1  [red]Red[/] \\x1b[31mtitle\n\n" + "\u2500" * 80 + "\nIntroduction\n\n"
        "Intro\\x1b[2J\\x1b[H cleared?\\x9b31m C1\\x9d0;t\\x07 \\x1bPq DCS\\x1b\\\n"
        "back\\x08\\x08\\x08space\\rcarriage\n\n" + "\u2500" * 80 + "\n"
        "1  [red]Red[/] \\x1b[31mtitle\n\n"
        "Line\nseparated\n\nparagraphs, \u200bzero\u200dwidth, \u200fRTL mark, [link=x]markup[/link].\n\n"
        "1.1  Point \\u202eevil\n\n"
        "gardens \\x1b[5mblink\\x1b[0m and :smile: [bold]gardens[/bold]\n\n" + "\u2500" * 80 + "\n"
        "Conclusion\n\n"
        "The end\\x1b[?1049h\n"
    )
    data = json.loads(invoke("--guide", str(hostile_guide), "read", "--json").stdout)
    assert data["subtitle"] == "Sub\\u202etitle\\u2066x\\u2069"
    assert data["sections"][0]["points"][0]["text"] == (
        "gardens \\x1b[5mblink\\x1b[0m and :smile: [bold]gardens[/bold]"
    )


@pytest.mark.posix  # a pseudo-terminal
@pytest.mark.parametrize("term", ["xterm-256color", "dumb"])
@pytest.mark.parametrize(
    "args", [["read"], ["list", "--tree"], ["search", "gardens"]], ids=" ".join
)
def test_nothing_raw_reaches_a_terminal(
    hostile_guide: Path, tmp_path: Path, term: str, args: list[str]
) -> None:
    shown = on_terminal("--guide", str(hostile_guide), *args, columns=40, cwd=tmp_path, TERM=term)
    assert (shown.returncode, shown.stderr) == (0, "")
    assert_safe(shown.stdout)
    assert "\\x1b" in shown.stdout  # shown, visibly
    if term == "xterm-256color":
        assert SGR.search(shown.stdout)  # it is a terminal: colour, and only colour


def test_escape_sequences_in_a_guide_never_reach_the_output(
    invoke: Invoke, write_guide: Callable[..., Path]
) -> None:
    path = write_guide(
        'title: "Evil\\e]0;pwned\\a"\nsections:\n'
        '  - {title: "S \\e[31mred", text: "\\e[2J\\x9b2J gone?", points: [{title: p, text: q}]}\n'
    )
    commands = (["list"], ["list", "--json"], ["show", "1"], ["read"], ["search", "gone"], ["tip"])
    for args in commands:
        for env in ({}, {"FORCE_COLOR": "1"}):
            result = invoke("--guide", str(path), *args, env=env)
            assert (result.exit_code, result.stderr) == (0, ""), args
            output = result.stdout
            assert "\x07" not in output and "\x9b" not in output
            assert "\x1b[31m" not in output and "\x1b[2J" not in output and "\x1b]0" not in output
    assert invoke("--guide", str(path), "list").stdout == "1  S \\x1b[31mred  1 point\n"


def test_markup_in_guide_text_and_queries_is_shown_as_typed(
    invoke: Invoke, write_guide: Callable[..., Path]
) -> None:
    path = write_guide(
        """\
        title: "[bold]Guide[/bold]"
        sections:
          - title: "[red]Red[/] section"
            text: "Text with [/] and [link=http://x]a link[/link] and :smile: here."
            points:
              - title: "[/]"
                text: "[bold magenta]gardens[/]"
        """
    )
    shown = invoke("--guide", str(path), "show", "1")
    assert shown.exit_code == 0, shown.stderr
    assert shown.stdout == (
        "1  [red]Red[/] section\n\n"
        "Text with [/] and [link=http://x]a link[/link] and :smile: here.\n\n"
        "1.1  [/]\n\n"
        "[bold magenta]gardens[/]\n"
    )
    found = invoke("--guide", str(path), "search", "[bold]gardens", env={"FORCE_COLOR": "1"})
    assert found.exit_code == 0
    assert SGR.sub("", found.stdout) == "1.1  [/]\n     [bold magenta]gardens[/]\n"
    assert f"{ESC}[1;4;35mgardens{ESC}[0m" in found.stdout
    listed = invoke("--guide", str(path), "list", "--tree")
    assert "[red]Red[/] section" in listed.stdout and "1.1  [/]" in listed.stdout


def test_markup_in_messages_is_shown_literally(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--guide", str(tmp_path / "[bold]x[/].yaml"), "list")
    missing = not_file_problem("missing")
    assert result.stderr == f"effects: {tmp_path}/[bold]x[/].yaml: {missing}\n"
    result = invoke("search", "[bold]zzz[/bold]", env={"FORCE_COLOR": "1"})
    assert result.stderr == 'effects: the guide does not cover "[bold]zzz[/bold]"\n'


@pytest.mark.posix  # control characters in a file name
def test_a_guide_name_with_an_escape_sequence_is_shown_visibly(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("--guide", str(tmp_path / "x\x1b]0;t\x07.yaml"), "list")
    missing = not_file_problem("missing")
    assert result.stderr == f"effects: {tmp_path}/x\\x1b]0;t\\x07.yaml: {missing}\n"
