"""Colour: --color, NO_COLOR, FORCE_COLOR and TERM=dumb, in a pipe and on a terminal.
Colour never changes the layout, and JSON never has any.

(The decision as a function: tests/test_terminal.py. Unknown --color values: ARGUMENTS in
tests/messages.py.)"""

from __future__ import annotations

import json

import pytest

from tests.helpers import ESC, SGR, Invoke, golden

TITLE_42 = "Normalizing Mental Health Conversations"
COLOUR_42 = f"{ESC}[1;36m4.2{ESC}[0m  {ESC}[1m{TITLE_42}{ESC}[0m\n"
MONO_42 = f"{ESC}[1m4.2{ESC}[0m  {ESC}[1m{TITLE_42}{ESC}[0m\n"
PLAIN_42 = f"4.2  {TITLE_42}\n"


@pytest.mark.parametrize(
    ("args", "env", "first_line"),
    [
        pytest.param([], {}, PLAIN_42, id="pipe"),
        pytest.param(["--color", "always"], {}, COLOUR_42, id="always-in-a-pipe"),
        pytest.param(
            ["--color", "always"], {"NO_COLOR": "1"}, COLOUR_42, id="always-beats-NO_COLOR"
        ),
        pytest.param(["--color", "always"], {"TERM": "dumb"}, COLOUR_42, id="always-beats-dumb"),
        pytest.param(["--color", "never"], {"FORCE_COLOR": "1"}, PLAIN_42, id="never-beats-FORCE"),
        pytest.param(["--color", "auto"], {"FORCE_COLOR": "1"}, COLOUR_42, id="FORCE_COLOR"),
        pytest.param([], {"FORCE_COLOR": ""}, PLAIN_42, id="empty-FORCE_COLOR-is-unset"),
        pytest.param([], {"FORCE_COLOR": "1", "TERM": "dumb"}, COLOUR_42, id="FORCE-beats-dumb"),
        pytest.param([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, MONO_42, id="NO_COLOR-beats-FORCE"),
        pytest.param(["--no-color"], {"FORCE_COLOR": "1"}, PLAIN_42, id="--no-color"),
        pytest.param(
            ["--no-color", "--color", "always"], {}, COLOUR_42, id="--color-after-no-color"
        ),
        pytest.param(
            ["--color=always", "--no-color"], {"FORCE_COLOR": "1"}, PLAIN_42, id="last-one-wins"
        ),
    ],
)
def test_colour_in_a_pipe(invoke: Invoke, args: list[str], env: dict, first_line: str) -> None:
    result = invoke(*args, "show", "4.2", env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines(keepends=True)[0] == first_line
    assert SGR.sub("", result.stdout) == golden("show-4.2.txt")


@pytest.mark.parametrize(
    ("args", "env", "first_line"),
    [
        pytest.param([], {}, COLOUR_42, id="terminal"),
        pytest.param(["--color", "never"], {}, PLAIN_42, id="never"),
        pytest.param([], {"NO_COLOR": "1"}, MONO_42, id="NO_COLOR-keeps-bold"),
        pytest.param([], {"NO_COLOR": ""}, COLOUR_42, id="empty-NO_COLOR-is-unset"),
        pytest.param([], {"TERM": "dumb"}, PLAIN_42, id="dumb-terminal"),
        pytest.param([], {"TERM": "dumb", "NO_COLOR": "1"}, PLAIN_42, id="dumb-and-NO_COLOR"),
        pytest.param(["--color", "always"], {"NO_COLOR": "1"}, COLOUR_42, id="always"),
        pytest.param(["--no-color"], {}, PLAIN_42, id="--no-color"),
    ],
)
def test_colour_on_a_terminal(
    invoke: Invoke, terminal: None, args: list[str], env: dict, first_line: str
) -> None:
    result = invoke(*args, "show", "4.2", env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines(keepends=True)[0] == first_line


def test_colour_never_changes_the_layout(invoke: Invoke) -> None:
    coloured = invoke("--color", "always", "list", "--tree").stdout
    assert ESC in coloured
    assert SGR.sub("", coloured) == golden("list-tree.txt")


def test_forced_colour_keeps_the_pipe_layout(invoke: Invoke) -> None:
    coloured = invoke("list", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in coloured
    assert SGR.sub("", coloured) == golden("list.txt")


def test_forced_colour_reaches_people(invoke: Invoke) -> None:
    assert ESC in invoke("show", "4.2", env={"FORCE_COLOR": "1"}).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["list", "--tree"],
        ["show", "4"],
        ["show", "4.2"],
        ["search", "stigma"],
        ["tip"],
        ["read"],
    ],
)
def test_pipe_output_has_no_escape_codes(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args)
    assert result.exit_code == 0 and result.stdout
    assert ESC not in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["list", "--json"],
        ["show", "4", "--json"],
        ["search", "stigma", "--json"],
        ["tip", "--json"],
        ["read", "--json"],
    ],
)
def test_json_is_plain_even_when_colour_is_forced(invoke: Invoke, args: list[str]) -> None:
    result = invoke(*args, env={"FORCE_COLOR": "1"})
    assert ESC not in result.stdout
    json.loads(result.stdout)


def test_json_has_no_colour_even_when_always(invoke: Invoke) -> None:
    result = invoke("--color", "always", "show", "4.2", "--json")
    assert ESC not in result.stdout and json.loads(result.stdout)["ref"] == "4.2"


@pytest.mark.parametrize(
    ("env", "first_line"),
    [
        pytest.param({}, COLOUR_42, id="dark-by-default"),
        pytest.param({"EFFECTS_THEME": "dark"}, COLOUR_42, id="dark"),
        pytest.param({"EFFECTS_THEME": "Light "}, COLOUR_42.replace("36m", "34m"), id="light"),
        pytest.param({"COLORFGBG": "0;15"}, COLOUR_42.replace("36m", "34m"), id="white-terminal"),
        pytest.param({"COLORFGBG": "15;0"}, COLOUR_42, id="black-terminal"),
        pytest.param(
            {"COLORFGBG": "0;15", "EFFECTS_THEME": "dark"}, COLOUR_42, id="the-variable-wins"
        ),
        pytest.param(
            {"EFFECTS_THEME": "auto", "COLORFGBG": "0;default;15"},
            COLOUR_42.replace("36m", "34m"),
            id="auto",
        ),
    ],
)
def test_the_theme(invoke: Invoke, env: dict, first_line: str) -> None:
    result = invoke("--color", "always", "show", "4.2", env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines(keepends=True)[0] == first_line


def test_a_theme_that_is_not_one(invoke: Invoke) -> None:
    result = invoke("tip", env={"EFFECTS_THEME": "blue"})
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        'effects: Invalid value for EFFECTS_THEME: "blue" is not one of dark, light, auto.'
        " See 'effects --help'.\n",
    )


def test_matches_stand_out_without_colour_in_both_themes(invoke: Invoke) -> None:
    """Bold and underlined, so no meaning rests on colour alone (NO_COLOR keeps them)."""
    for theme in ("dark", "light"):
        out = invoke(
            "search", "stigma", env={"FORCE_COLOR": "1", "NO_COLOR": "1", "EFFECTS_THEME": theme}
        ).stdout
        assert f"{ESC}[1;4mstigma{ESC}[0m" in out
