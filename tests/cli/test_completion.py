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


BASH_SCRIPT = """\
_effects_completion() {
    local IFS=$'\\n'
    COMPREPLY=( $( env COMP_WORDS="${COMP_WORDS[*]}" \\
                   COMP_CWORD=$COMP_CWORD \\
                   _EFFECTS_COMPLETE=complete_bash $1 ) )
    return 0
}

complete -o default -o nosort -F _effects_completion effects
"""
ZSH_SCRIPT = """\
#compdef effects

_effects_completion() {
  eval $(env _TYPER_COMPLETE_ARGS="${words[1,$CURRENT]}" _EFFECTS_COMPLETE=complete_zsh effects)
}

zstyle ':completion:*:*:effects:*' sort false
compdef _effects_completion effects
"""
ZSHRC_LINE = "fpath+=~/.zfunc; autoload -Uz compinit; compinit\n"


@pytest.mark.parametrize(
    ("args", "script"),
    [
        pytest.param(["--show-completion", "bash"], BASH_SCRIPT, id="bash"),
        pytest.param(["--show-completion", "zsh"], ZSH_SCRIPT, id="zsh"),
        pytest.param(["--show-completion=zsh"], ZSH_SCRIPT, id="zsh-with-equals"),
        pytest.param(["--show-completion"], BASH_SCRIPT, id="the-shell-it-runs-under"),
    ],
)
def test_show_completion_prints_the_script(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, args: list[str], script: str
) -> None:
    monkeypatch.setenv("SHELL", "/bin/bash")
    monkeypatch.setattr("shellingham.detect_shell", _cannot_tell)
    assert _outcome(invoke(*args)) == (0, script, "")


def _cannot_tell() -> None:
    import shellingham

    raise shellingham.ShellDetectionFailure()


def _outcome(result: object) -> tuple[int, str, str]:
    return (result.exit_code, result.stdout, result.stderr)  # type: ignore[attr-defined]


def test_a_shell_effects_does_not_complete_is_a_usage_error(invoke: Invoke) -> None:
    assert _outcome(invoke("--show-completion", "tcsh")) == (
        2,
        "",
        "effects: Invalid value for '--show-completion': \"tcsh\" is not one of bash, zsh, fish,"
        " powershell. See 'effects --help'.\n",
    )


@pytest.mark.parametrize(
    "zshrc",
    [
        pytest.param(None, id="no-zshrc"),
        pytest.param("export EDITOR=vi\n", id="a-zshrc"),
        pytest.param("export EDITOR=vi", id="no-final-newline"),
        pytest.param(f"# mine\n{ZSHRC_LINE}alias l=ls\n", id="loads-it-already"),
    ],
)
def test_installing_zsh_completion_adds_one_line_and_no_setting(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, zshrc: str | None
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    rc = tmp_path / ".zshrc"
    if zshrc is not None:
        rc.write_text(zshrc, encoding="utf-8")
    result = invoke("--install-completion", "zsh")
    loads = zshrc is not None and ZSHRC_LINE in zshrc
    told = f"{rc} loads it already." if loads else f"Added to {rc}: {ZSHRC_LINE.strip()}"
    assert _outcome(result) == (
        0,
        f"Wrote the completion script to {tmp_path}/.zfunc/_effects.\n{told}\n"
        "Open a new zsh to use TAB completion.\n",
        "",
    )
    before = zshrc or ""
    added = "" if loads else ("\n" if before and not before.endswith("\n") else "") + ZSHRC_LINE
    assert rc.read_text(encoding="utf-8") == before + added  # nothing else: no zstyle
    assert (tmp_path / ".zfunc" / "_effects").read_text(encoding="utf-8") == ZSH_SCRIPT
    assert sorted(path.name for path in tmp_path.iterdir()) == [".zfunc", ".zshrc"]


def test_installing_bash_completion(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / ".bashrc").write_text("set -o vi\n", encoding="utf-8")
    script = tmp_path / ".bash_completions" / "effects.sh"
    for _ in range(2):  # a second install adds nothing
        result = invoke("--install-completion", "bash")
        assert result.exit_code == 0
    assert result.stdout == (
        f"Wrote the completion script to {script}.\n{tmp_path}/.bashrc loads it already.\n"
        "Open a new bash to use TAB completion.\n"
    )
    assert (tmp_path / ".bashrc").read_text(encoding="utf-8") == f"set -o vi\nsource '{script}'\n"
    assert script.read_text(encoding="utf-8") == BASH_SCRIPT


@pytest.mark.parametrize(
    ("shell", "plant", "told"),
    [
        pytest.param("bash", ".bashrc", "{home}/.bashrc: Is a directory", id="bashrc-a-folder"),
        pytest.param(
            "fish",
            ".config",
            "{home}/.config/fish/completions: Not a directory",
            id="config-a-file",
        ),
        pytest.param("pwsh", None, "pwsh cannot be run", id="no-powershell"),
    ],
)
def test_completion_that_cannot_be_installed_says_what_failed(
    invoke: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    shell: str,
    plant: str | None,
    told: str,
) -> None:
    """Not "cannot write the output": the output is fine; a file, or PowerShell, is not."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # no pwsh
    if plant == ".bashrc":
        (tmp_path / plant).mkdir()
    elif plant is not None:
        (tmp_path / plant).write_text("")
    result = invoke("--install-completion", shell)
    message = told.format(home=tmp_path)
    assert _outcome(result)[::2] == (4, f"effects: cannot install TAB completion: {message}\n")


@pytest.mark.linux  # /dev/full
def test_a_completion_script_that_cannot_be_written_names_its_file(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A full disk does not say which file: the message does."""
    monkeypatch.setenv("HOME", str(tmp_path))
    script = tmp_path / ".bash_completions" / "effects.sh"
    script.parent.mkdir()
    script.symlink_to("/dev/full")
    result = invoke("--install-completion", "bash")
    assert _outcome(result)[::2] == (
        4,
        f"effects: cannot install TAB completion: {script}: No space left on device\n",
    )


@pytest.mark.posix
def test_bash_offers_references_in_guide_order(tmp_path: Path) -> None:
    """A real bash, with the installed script: what TAB offers is in the order given."""
    import shutil
    import subprocess

    from tests.helpers import EFFECTS, environment

    bash = shutil.which("bash")
    assert bash is not None
    wrapper = tmp_path / "effects"
    wrapper.write_text(f'#!/bin/sh\nexec {" ".join(EFFECTS)} "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    probe = (
        f"source /dev/stdin <<'EOF'\n{BASH_SCRIPT}EOF\n"
        "complete -p effects\n"
        "COMP_WORDS=(effects show 1); COMP_CWORD=2; _effects_completion effects\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    env = environment(PATH=f"{tmp_path}:{environment()['PATH']}")
    done = subprocess.run(
        [bash, "--norc", "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == (
        "complete -o default -o nosort -F _effects_completion effects\n1\n1.1\n1.2\n1.3\n10\n"
    )


@pytest.mark.parametrize(
    ("line", "offered"),
    [
        pytest.param("effects read --no", ["--no-cache", "--no-color", "--no-pager"], id="read"),
        pytest.param(
            "effects search --",
            [
                "--regex",
                "--section",
                "--limit",
                "--all",
                "--json",
                "--help",
                "--guide",
                "--no-cache",
                "--color",
                "--no-color",
                "--pager",
                "--no-pager",
            ],
            id="own-options-first",
        ),
        pytest.param("effects --no", ["--no-cache", "--no-color", "--no-pager"], id="before"),
    ],
)
def test_global_options_complete_after_the_command_too(
    invoke: Invoke, line: str, offered: list[str]
) -> None:
    choices = _complete(invoke, "fish", line).splitlines()  # one a line, long help or not
    assert [choice.split("\t")[0] for choice in choices] == offered
