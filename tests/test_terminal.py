"""Colour and pager decisions, table by table."""

from __future__ import annotations

import pytest

from effects_cli.terminal import PagerError, Styling, pager_command, pager_environment, styling

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
