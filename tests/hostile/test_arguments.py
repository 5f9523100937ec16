"""Hostile arguments: whatever a user types, effects ends with one clear line on stderr and
a documented exit code (1: not in the guide; 2: not a valid command line), or does what
the odd argument plainly means."""

from __future__ import annotations

import json

import pytest

from tests.helpers import Invoke, assert_safe
from tests.messages import ARGUMENTS


@pytest.mark.parametrize(("args", "code", "stderr"), ARGUMENTS)
def test_bad_arguments_get_one_line_and_their_exit_code(
    invoke: Invoke, args: list[str], code: int, stderr: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", stderr)


@pytest.mark.parametrize(
    ("args", "same_as"),
    [
        pytest.param(["show", "04.02"], ["show", "4.2"], id="leading-zeros"),
        pytest.param(["show", " 4.2 "], ["show", "4.2"], id="surrounding-blanks"),
        pytest.param(["search", "\u200fstigma\u200e"], ["search", "stigma"], id="direction-marks"),
        pytest.param(["search", "STIGMA!!"], ["search", "stigma"], id="case-and-punctuation"),
        pytest.param(
            ["search", "stigma", "--limit", "9" * 40], ["search", "stigma"], id="huge-limit"
        ),
        pytest.param(["show", "--", "4.2"], ["show", "4.2"], id="after-dashes"),
    ],
)
def test_odd_but_meaningful_arguments_work(
    invoke: Invoke, args: list[str], same_as: list[str]
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == invoke(*same_as).stdout


def test_a_negative_seed_is_a_seed(invoke: Invoke) -> None:
    first, again = invoke("tip", "--seed", "-1", "--json"), invoke("tip", "--seed", "-1", "--json")
    assert (first.exit_code, first.stderr) == (0, "")
    assert json.loads(first.stdout) == json.loads(again.stdout)


def test_a_query_is_shown_literally_in_json(invoke: Invoke) -> None:
    result = invoke("search", "[bold]stigma[/]", "\x1b[2J", "\x9b", "--limit", "1", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout)["query"] == "[bold]stigma[/] \\x1b[2J \\x9b"
    assert_safe(result.stdout)
