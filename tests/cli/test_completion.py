"""TAB completion the way shells ask for it, and installing the completion script.

(What completion offers, as a function of the guide: tests/test_complete.py.)"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import Invoke


def _complete(invoke: Invoke, shell: str, line: str, env: dict | None = None) -> str:
    """What effects tells the shell when TAB is pressed after ``line``."""
    variables = {
        "_EFFECTS_COMPLETE": f"complete_{shell}",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        **(env or {}),
    }
    result = invoke(env=variables)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout.strip("\n") if shell == "fish" else result.stdout  # fish: no blank line


ZSH_4 = (
    '_arguments \'*: :(("4.1":"Public Figures and Influencers Leading the Conversation"\n'
    '"4.2":"Normalizing Mental Health Conversations"\n'
    '"4.3":"Campaigns and Movements Raising Awareness"))\'\n'
)
FISH_4 = (
    "4.1\tPublic Figures and Influencers Leading the Conversation\n"
    "4.2\tNormalizing Mental Health Conversations\n"
    "4.3\tCampaigns and Movements Raising Awareness"
)


@pytest.mark.parametrize(("shell", "expected"), [("zsh", ZSH_4), ("fish", FISH_4)])
def test_show_completes_sub_points_with_titles(invoke: Invoke, shell: str, expected: str) -> None:
    assert _complete(invoke, shell, "effects show 4.") == expected


@pytest.mark.parametrize(
    ("line", "refs"),
    [
        pytest.param("effects show ", [str(n) for n in range(1, 11)], id="sections"),
        pytest.param("effects show 1", ["1", "1.1", "1.2", "1.3", "10"], id="1"),
        pytest.param("effects show 10.", ["10.1", "10.2", "10.3"], id="10."),
        pytest.param("effects show 4.2", ["4.2"], id="4.2"),
        pytest.param("effects show 11", [], id="no-such-section"),
        pytest.param("effects --color never show 4.", ["4.1", "4.2", "4.3"], id="after-options"),
        pytest.param("effects tip --section ", [str(n) for n in range(1, 11)], id="tip-section"),
        pytest.param("effects tip -s 1", ["1", "10"], id="tip-s"),
    ],
)
def test_completion_offers_references(invoke: Invoke, line: str, refs: list[str]) -> None:
    offered = _complete(invoke, "fish", line).splitlines()
    assert [choice.split("\t")[0] for choice in offered] == refs


def test_completion_reads_the_guide_option_and_variable(invoke: Invoke, small_guide: Path) -> None:
    small = "1\tFirst Section\n2\tSecond Section"
    assert _complete(invoke, "fish", f"effects --guide {small_guide} show ") == small
    env = {"EFFECTS_GUIDE": str(small_guide)}
    assert _complete(invoke, "fish", "effects show ", env=env) == small
    assert _complete(invoke, "fish", f"effects --guide {small_guide} tip --section ") == small


def test_titles_are_completion_descriptions_as_written(
    invoke: Invoke, write_guide: Callable[..., Path]
) -> None:
    path = write_guide(
        "title: T\nsections:\n  - {title: \"[bold]Loud[/] 'quoted': $HOME\", text: t,"
        " points: [{title: p, text: q}]}\n"
    )
    line = f"effects --guide {path} show "
    assert _complete(invoke, "fish", line) == "1\t[bold]Loud[/] 'quoted': $HOME"
    assert _complete(invoke, "zsh", line) == (
        "_arguments '*: :((\"1\":\"[bold]Loud[/] ''quoted''\\\\: \\$HOME\"))'\n"
    )


@pytest.mark.parametrize(
    "given",
    [
        pytest.param("/nonexistent/guide.yaml", id="missing"),
        pytest.param("", id="empty-path"),
        pytest.param("BROKEN", id="broken"),
    ],
)
def test_a_guide_that_cannot_be_read_completes_to_nothing(
    invoke: Invoke, write_guide: Callable[..., Path], given: str
) -> None:
    guide = str(write_guide("title: [\n")) if given == "BROKEN" else given
    # An empty EFFECTS_GUIDE counts as unset (as it does in every command); an empty --guide not.
    for env in ({"EFFECTS_GUIDE": guide}, {}) if guide else ({},):
        line = "effects show 4." if env else f"effects --guide '{guide}' show 4."
        assert _complete(invoke, "fish", line, env=env) == ""
        assert _complete(invoke, "zsh", line, env=env) == "_files\n"  # Typer's "no choices"


def test_show_completion_prints_a_script(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    result = invoke("--show-completion", "zsh")
    assert (result.exit_code, result.stderr) == (0, "")
    assert "#compdef effects" in result.stdout
    assert "_EFFECTS_COMPLETE=complete_zsh" in result.stdout


def test_install_completion_writes_the_script(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    monkeypatch.setenv("HOME", str(tmp_path))
    result = invoke("--install-completion", "zsh")
    assert result.exit_code == 0, result.output
    assert "zsh completion installed in" in result.stdout
    assert "_EFFECTS_COMPLETE=complete_zsh" in (tmp_path / ".zfunc" / "_effects").read_text()
