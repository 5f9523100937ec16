"""Colour and pager decisions, table by table."""

from __future__ import annotations

import pytest

from effects_cli.terminal import (
    PagerError,
    Styling,
    pager_command,
    pager_environment,
    styling,
    text_width,
)

TERMINAL, PIPE = True, False


@pytest.mark.parametrize(
    ("choice", "env", "is_terminal", "expected"),
    [
        pytest.param("auto", {}, TERMINAL, Styling.COLOUR, id="terminal"),
        pytest.param("auto", {}, PIPE, Styling.NONE, id="pipe"),
        pytest.param("auto", {"NO_COLOR": "1"}, TERMINAL, Styling.MONO, id="NO_COLOR"),
        pytest.param("auto", {"NO_COLOR": "1"}, PIPE, Styling.NONE, id="NO_COLOR-pipe"),
        pytest.param("auto", {"NO_COLOR": ""}, TERMINAL, Styling.COLOUR, id="NO_COLOR-empty"),
        pytest.param("auto", {"TERM": "dumb"}, TERMINAL, Styling.NONE, id="dumb"),
        pytest.param("auto", {"TERM": "DUMB "}, TERMINAL, Styling.NONE, id="dumb-spelt-oddly"),
        pytest.param("auto", {"FORCE_COLOR": "1"}, PIPE, Styling.COLOUR, id="FORCE_COLOR"),
        pytest.param("auto", {"FORCE_COLOR": "0"}, PIPE, Styling.COLOUR, id="FORCE_COLOR-0"),
        pytest.param("auto", {"FORCE_COLOR": ""}, PIPE, Styling.NONE, id="FORCE_COLOR-empty"),
        pytest.param(
            "auto", {"FORCE_COLOR": "1", "TERM": "dumb"}, TERMINAL, Styling.COLOUR, id="FORCE-dumb"
        ),
        pytest.param(
            "auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, PIPE, Styling.MONO, id="FORCE-NO_COLOR"
        ),
        pytest.param(
            "always", {"NO_COLOR": "1", "TERM": "dumb"}, PIPE, Styling.COLOUR, id="always"
        ),
        pytest.param("never", {"FORCE_COLOR": "1"}, TERMINAL, Styling.NONE, id="never"),
    ],
)
def test_styling(choice: str, env: dict, is_terminal: bool, expected: Styling) -> None:
    assert styling(choice, env, is_terminal) is expected


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({}, ["less", "-FRX"], id="default"),
        pytest.param({"PAGER": "more"}, ["more"], id="PAGER"),
        pytest.param({"PAGER": "less", "EFFECTS_PAGER": "most -s"}, ["most", "-s"], id="both"),
        pytest.param({"PAGER": "'my pager' --x=\"a b\""}, ["my pager", "--x=a b"], id="quoting"),
        pytest.param({"EFFECTS_PAGER": "", "PAGER": "more"}, None, id="empty-means-none"),
        pytest.param({"PAGER": "cat"}, None, id="cat"),
        pytest.param({"PAGER": "cat -v"}, ["cat", "-v"], id="cat-with-options-is-a-pager"),
    ],
)
def test_pager_command(env: dict, expected: list[str] | None) -> None:
    assert pager_command(env) == expected


def test_pager_command_with_broken_quoting() -> None:
    with pytest.raises(PagerError) as raised:
        pager_command({"PAGER": "less '-R"})
    assert str(raised.value) == 'cannot start the pager "less \'-R" ($PAGER: No closing quotation)'


def test_pager_environment_sets_less_only_when_unset() -> None:
    assert pager_environment({"HOME": "/h"}) == {"LESS": "FRX", "HOME": "/h"}
    assert pager_environment({"LESS": ""}) == {"LESS": ""}


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        pytest.param({}, ["less", "-RX"], id="default-stays-open"),
        pytest.param({"PAGER": "less"}, ["less"], id="PAGER-as-given"),
        pytest.param({"PAGER": "cat"}, None, id="cat"),
    ],
)
def test_the_pager_asked_for_stays_open(env: dict, expected: list[str] | None) -> None:
    """``--pager``: less without -F, which would quit at once on text that fits."""
    assert pager_command(env, asked=True) == expected


def test_the_environment_of_a_pager_asked_for() -> None:
    assert pager_environment({}, asked=True) == {"LESS": "RX"}
    assert pager_environment({"LESS": "FRX"}, asked=True) == {"LESS": "FRX"}  # the user's


@pytest.mark.parametrize(
    ("env", "columns", "is_terminal", "expected"),
    [
        pytest.param({}, 200, TERMINAL, 80, id="wide-terminal-capped"),
        pytest.param({}, 60, TERMINAL, 60, id="narrow-terminal"),
        pytest.param({}, None, PIPE, 80, id="no-terminal"),
        pytest.param({}, 0, TERMINAL, 80, id="terminal-says-0"),
        pytest.param({"COLUMNS": "200"}, 60, TERMINAL, 200, id="COLUMNS-wins"),
        pytest.param({"COLUMNS": "0"}, 60, TERMINAL, 10, id="COLUMNS-0"),
        pytest.param({"COLUMNS": "9999999"}, 60, TERMINAL, 1000, id="COLUMNS-huge"),
        pytest.param({"COLUMNS": "abc"}, 60, TERMINAL, 60, id="COLUMNS-not-a-number"),
        pytest.param({"TERM": "dumb"}, 60, TERMINAL, 80, id="dumb-terminal"),
        pytest.param({}, 5, TERMINAL, 10, id="tiny-terminal"),
    ],
)
def test_text_width(env: dict, columns: int | None, is_terminal: bool, expected: int) -> None:
    assert text_width(env, columns, is_terminal=is_terminal) == expected
