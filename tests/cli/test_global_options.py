"""Global options go before the command or after it (as bat and rg take them): the same
run either way, the last one given winning; a command's own option values and what
follows ``--`` are never taken for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import Invoke


def _outcome(result: object) -> tuple[int, str, str]:
    return (result.exit_code, result.stdout, result.stderr)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("after", "before"),
    [
        pytest.param(["read", "--no-pager"], ["--no-pager", "read"], id="read-no-pager"),
        pytest.param(["list", "--guide", "SMALL"], ["--guide", "SMALL", "list"], id="list-guide"),
        pytest.param(["list", "--guide=SMALL"], ["--guide", "SMALL", "list"], id="guide-equals"),
        pytest.param(
            ["tip", "--color", "always", "--seed", "3"],
            ["--color", "always", "tip", "--seed", "3"],
            id="tip-color",
        ),
        pytest.param(["show", "4", "--no-cache"], ["--no-cache", "show", "4"], id="show-no-cache"),
        pytest.param(
            ["show", "-1", "--no-cache"], ["--no-cache", "show", "-1"], id="show-negative"
        ),
        pytest.param(
            ["search", "stigma", "-n", "2", "--no-color"],
            ["--color", "never", "search", "stigma", "-n", "2"],
            id="search-after-a-value",
        ),
        pytest.param(
            ["search", "-n2", "--pager", "peer"], ["--pager", "search", "-n2", "peer"], id="-n2"
        ),
        pytest.param(
            ["--color", "always", "tip", "--seed", "3", "--color", "never"],
            ["--color", "never", "tip", "--seed", "3"],
            id="last-one-wins",
        ),
        pytest.param(
            ["cache", "path", "--no-cache"], ["--no-cache", "cache", "path"], id="cache-path"
        ),
        pytest.param(
            ["validate", "SMALL", "--color", "never"], ["validate", "SMALL"], id="validate"
        ),
    ],
)
def test_a_global_option_after_the_command(
    invoke: Invoke, small_guide: Path, after: list[str], before: list[str]
) -> None:
    def named(args: list[str]) -> list[str]:
        return [arg.replace("SMALL", str(small_guide)) for arg in args]

    expected = _outcome(invoke(*named(before)))
    assert expected[0] == (1 if "-1" in before else 0)  # show -1: no such reference
    assert _outcome(invoke(*named(after))) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # The value of the command's own option: a pattern "--pager", not the option.
        pytest.param(["search", "--regex", "--pager"], 'no match for "--pager"', id="regex-value"),
        pytest.param(["search", "-e", "--no-cache"], 'no match for "--no-cache"', id="short-value"),
        # (an English word the guide lacks: the honest answer, not a guess)
        pytest.param(
            ["search", "--", "--pager"], 'the guide does not cover "--pager"', id="after-dashes"
        ),
        pytest.param(
            ["read", "--color"],
            "Option '--color' requires an argument. See 'effects --help'.",
            id="no-value",
        ),
        pytest.param(
            ["show", "4", "--guide", "--", "x"],
            "Option '--guide' requires an argument. See 'effects --help'.",
            id="dashes-instead-of-a-value",
        ),
        pytest.param(
            ["tip", "--color", "blue"],
            "Invalid value for '--color': 'blue' is not one of 'auto', 'always', 'never'."
            " See 'effects --help'.",
            id="bad-value",
        ),
        pytest.param(
            ["tip", "--pager=yes"],
            "Option '--pager' does not take a value. See 'effects --help'.",
            id="flag-with-a-value",
        ),
    ],
)
def test_what_is_not_a_global_option(invoke: Invoke, args: list[str], message: str) -> None:
    code, stdout, stderr = _outcome(invoke(*args))
    assert (code in (1, 2), stdout, stderr) == (True, "", f"effects: {message}\n")
