"""Terminal manners through the command line: --color, the pager, completion, validate, --daily."""

from __future__ import annotations

import datetime
import itertools
import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from effects_cli.daily import daily_pick
from effects_cli.loader import load_guide

from .conftest import BUNDLED_YAML, REPO, SMALL_GUIDE, Invoke

GOLDEN = REPO / "tests" / "golden"
ESC = "\x1b"
STYLE = re.compile(r"\x1b\[[0-9;]*m")
SHOW_42 = (GOLDEN / "show-4.2.txt").read_text(encoding="utf-8")
TITLE_42 = "Normalizing Mental Health Conversations"
COLOUR_42 = f"{ESC}[1;36m4.2{ESC}[0m  {ESC}[1m{TITLE_42}{ESC}[0m\n"
MONO_42 = f"{ESC}[1m4.2{ESC}[0m  {ESC}[1m{TITLE_42}{ESC}[0m\n"
PLAIN_42 = f"4.2  {TITLE_42}\n"


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """stdout is a terminal of 80 by 50, as far as effects can tell."""
    monkeypatch.setattr("effects_cli.cli.output.stdout_is_terminal", lambda: True)
    monkeypatch.setenv("LINES", "50")


# --- colour ----------------------------------------------------------------------------------


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
    ],
)
def test_colour_in_a_pipe(invoke: Invoke, args: list[str], env: dict, first_line: str) -> None:
    result = invoke(*args, "show", "4.2", env=env)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines(keepends=True)[0] == first_line
    assert STYLE.sub("", result.stdout) == SHOW_42


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
    assert STYLE.sub("", coloured) == (GOLDEN / "list-tree.txt").read_text(encoding="utf-8")


def test_json_has_no_colour_even_when_always(invoke: Invoke) -> None:
    result = invoke("--color", "always", "show", "4.2", "--json")
    assert ESC not in result.stdout and json.loads(result.stdout)["ref"] == "4.2"


@pytest.mark.parametrize("value", ["purple", "", "ALWAYS"])
def test_unknown_colour_choice_is_a_usage_error(invoke: Invoke, value: str) -> None:
    result = invoke("--color", value, "show", "4.2")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        f"effects: Invalid value for '--color': '{value}' is not one of 'auto', 'always', 'never'."
        " See 'effects --help'.\n",
    )


# --- the pager, as far as CliRunner can see it -------------------------------------------------


@pytest.fixture
def stand_in_pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EFFECTS_PAGER is a script that writes what it is given to a file; returns the file."""
    script = tmp_path / "pager.sh"
    script.write_text('#!/bin/sh\ncat > "$1"\n', encoding="utf-8")
    script.chmod(0o755)
    paged = tmp_path / "paged.txt"
    monkeypatch.setenv("EFFECTS_PAGER", f"{script} {paged}")
    return paged


@pytest.mark.parametrize(
    ("args", "lines", "paged"),
    [
        pytest.param(["read"], "1000", True, id="read-always"),
        pytest.param(["show", "4"], "50", False, id="short-enough"),
        pytest.param(["show", "4"], "32", True, id="as-tall-as-the-window"),
        pytest.param(["show", "4"], "33", False, id="a-line-shorter-than-the-window"),
        pytest.param(["read", "--json"], "50", True, id="tall-json"),
        pytest.param(["list", "--json"], "500", False, id="short-json"),
        pytest.param(["--pager", "show", "4.2"], "50", True, id="--pager"),
        pytest.param(["--no-pager", "read"], "50", False, id="--no-pager"),
        pytest.param(["--no-pager", "--pager", "read"], "50", True, id="last-one-wins"),
    ],
)
def test_what_is_paged_on_a_terminal(
    invoke: Invoke,
    terminal: None,
    stand_in_pager: Path,
    args: list[str],
    lines: str,
    paged: bool,
) -> None:
    result = invoke("--color", "never", *args, env={"LINES": lines})
    assert (result.exit_code, result.stderr) == (0, "")
    command = [arg for arg in args if arg not in ("--pager", "--no-pager")]
    direct = invoke("--color", "never", "--no-pager", *command).stdout
    if paged:
        assert result.stdout == ""
        assert stand_in_pager.read_text(encoding="utf-8") == direct
    else:
        assert result.stdout == direct
        assert not stand_in_pager.exists()


def test_nothing_is_paged_in_a_pipe(invoke: Invoke, stand_in_pager: Path) -> None:
    result = invoke("--pager", "read")
    assert result.stdout == (GOLDEN / "read.txt").read_text(encoding="utf-8")
    assert not stand_in_pager.exists()


def test_the_pager_gets_colour(invoke: Invoke, terminal: None, stand_in_pager: Path) -> None:
    assert invoke("read").stdout == ""
    paged = stand_in_pager.read_text(encoding="utf-8")
    assert f"{ESC}[1;36m4.2{ESC}[0m" in paged
    assert STYLE.sub("", paged).startswith("10 Dynamic Positive Effects of Social Media\n")


@pytest.mark.parametrize("value", ["", "cat", "  "])
def test_an_empty_or_cat_pager_means_no_pager(
    invoke: Invoke, terminal: None, monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("EFFECTS_PAGER", value)
    monkeypatch.setenv("PAGER", "/nonexistent/pager")
    result = invoke("--color", "never", "read")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / "read.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        pytest.param(
            "/nonexistent/pager -x",
            "effects: cannot start the pager '/nonexistent/pager -x' (No such file or directory);"
            " printing instead\n",
            id="missing",
        ),
        pytest.param(
            '"unbalanced',
            "effects: cannot start the pager '\"unbalanced' ($EFFECTS_PAGER: No closing quotation);"
            " printing instead\n",
            id="bad-quoting",
        ),
    ],
)
def test_a_pager_that_cannot_start_loses_no_text(
    invoke: Invoke, terminal: None, monkeypatch: pytest.MonkeyPatch, value: str, message: str
) -> None:
    monkeypatch.setenv("EFFECTS_PAGER", value)
    result = invoke("--color", "never", "read")
    assert (result.exit_code, result.stderr) == (0, message)
    assert result.stdout == (GOLDEN / "read.txt").read_text(encoding="utf-8")


# --- completion ----------------------------------------------------------------------------


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


def test_completion_reads_the_guide_option_and_variable(
    invoke: Invoke, write_guide: Callable[[str], Path]
) -> None:
    path = write_guide(SMALL_GUIDE)
    small = "1\tFirst Section\n2\tSecond Section"
    assert _complete(invoke, "fish", f"effects --guide {path} show ") == small
    assert _complete(invoke, "fish", "effects show ", env={"EFFECTS_GUIDE": str(path)}) == small
    assert _complete(invoke, "fish", f"effects --guide {path} tip --section ") == small


def test_titles_are_completion_descriptions_as_written(
    invoke: Invoke, write_guide: Callable[[str], Path]
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
    "guide",
    [
        pytest.param("/nonexistent/guide.yaml", id="missing"),
        pytest.param("", id="empty-path"),
        pytest.param("BROKEN", id="broken"),
    ],
)
def test_a_guide_that_cannot_be_read_completes_to_nothing(
    invoke: Invoke, write_guide: Callable[[str], Path], guide: str
) -> None:
    if guide == "BROKEN":
        guide = str(write_guide("title: [\n"))
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


# --- validate ------------------------------------------------------------------------------


def test_validate_a_good_guide(invoke: Invoke, write_guide: Callable[[str], Path]) -> None:
    result = invoke("validate", str(BUNDLED_YAML))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0,
        f"{BUNDLED_YAML}: a valid guide: 10 sections, 30 sub-points\n",
        "",
    )
    path = write_guide("title: T\nsections: [{title: S, text: s, points: [{title: p, text: q}]}]")
    assert (
        invoke("validate", str(path)).stdout == f"{path}: a valid guide: 1 section, 1 sub-point\n"
    )


def test_validate_lists_every_problem(invoke: Invoke, write_guide: Callable[[str], Path]) -> None:
    path = write_guide(
        """\
        title: T
        author: me
        sections:
          - title: a
            text: b
            points:
              - text: d
              - title: e
                text: ''
          - titel: x
            text: y
            points: []
          - just text
        conclusion: [1]
        """
    )
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr.splitlines() == [
        f"effects: {path}:{where}"
        for where in (
            "2:1: author: unknown key (expected one of: title, sections, subtitle, intro, conclusion)",
            "7:9: sections[0].points[0].title: missing",
            "9:15: sections[0].points[1].text: empty",
            "10:5: sections[1].titel: unknown key (did you mean 'title'? expected one of: title, text, points)",
            "10:5: sections[1].title: missing",
            "12:13: sections[1].points: the list is empty: it needs at least one entry",
            "13:5: sections[2]: expected a mapping with title, text, points, got text",
            "14:13: conclusion: expected text, got a list",
            " not a valid guide: 8 problems",
        )
    ]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        pytest.param(
            "title: T\ntitle: U\nsections: [{title: S, text: s, points: [{title: p, text: q}]}]\n",
            [
                ":2:1: title: duplicate key (first given on line 1)",
                ": not a valid guide: 1 problem",
            ],
            id="one-problem",
        ),
        pytest.param(
            "title: x\nsections: [\n",
            [":3:1: while parsing a flow node, did not find expected node content"],
            id="not-yaml",
        ),
    ],
)
def test_validate_one_problem(
    invoke: Invoke, write_guide: Callable[[str], Path], text: str, lines: list[str]
) -> None:
    path = write_guide(text)
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "".join(f"effects: {path}{line}\n" for line in lines)


def test_validate_unreadable_files(invoke: Invoke, tmp_path: Path) -> None:
    missing = invoke("validate", str(tmp_path / "absent.yaml"))
    assert (missing.exit_code, missing.stdout, missing.stderr) == (
        3,
        "",
        f"effects: {tmp_path / 'absent.yaml'}: no such file\n",
    )
    folder = invoke("validate", str(tmp_path))
    assert (folder.exit_code, folder.stderr) == (
        3,
        f"effects: {tmp_path}: is a folder, not a guide file\n",
    )
    nothing = invoke("validate")
    assert (nothing.exit_code, nothing.stderr) == (
        2,
        "effects: Missing argument 'FILE'. See 'effects validate --help'.\n",
    )


def test_validate_checks_its_file_not_the_guide_option(
    invoke: Invoke, write_guide: Callable[[str], Path], tmp_path: Path
) -> None:
    result = invoke("--guide", str(tmp_path / "absent.yaml"), "validate", str(BUNDLED_YAML))
    assert result.exit_code == 0


# --- the tip of the day ----------------------------------------------------------------------


@pytest.fixture
def today(monkeypatch: pytest.MonkeyPatch) -> Callable[[datetime.date], None]:
    """Set the local date effects sees."""

    def set_today(day: datetime.date) -> None:
        monkeypatch.setattr("effects_cli.cli.tip.today", lambda: day)

    return set_today


def _daily_ref(invoke: Invoke, *args: str) -> str:
    result = invoke("tip", "--daily", "--json", *args)
    assert (result.exit_code, result.stderr) == (0, ""), result.stderr
    return json.loads(result.stdout)["ref"]


def test_daily_tip_is_the_same_all_day_and_changes_tomorrow(
    invoke: Invoke, today: Callable[[datetime.date], None]
) -> None:
    start = datetime.date.fromordinal(739_320)  # 2025-03-10, the first day of a 30-day run
    refs = []
    for offset in range(60):
        today(start + datetime.timedelta(days=offset))
        refs.append(_daily_ref(invoke))
        assert _daily_ref(invoke) == refs[-1]
    assert all(ref != tomorrow for ref, tomorrow in itertools.pairwise(refs))
    assert len(set(refs[:30])) == 30  # every tip once in a month of days
    points = list(load_guide().points())
    assert refs[0] == daily_pick(points, start.toordinal()).ref


def test_daily_tip_renders_like_show(
    invoke: Invoke, today: Callable[[datetime.date], None]
) -> None:
    today(datetime.date(2025, 3, 1))
    ref = _daily_ref(invoke)
    assert invoke("tip", "--daily").stdout == invoke("show", ref).stdout


def test_daily_tip_from_one_section(invoke: Invoke, today: Callable[[datetime.date], None]) -> None:
    refs = []
    for day in range(1, 7):
        today(datetime.date(2025, 3, day))
        refs.append(_daily_ref(invoke, "--section", "4"))
    assert {ref.split(".")[0] for ref in refs} == {"4"}
    assert set(refs[:3]) == {"4.1", "4.2", "4.3"} == set(refs[3:])


def test_daily_and_seed_do_not_mix(invoke: Invoke) -> None:
    result = invoke("tip", "--daily", "--seed", "3")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "effects: Invalid value for '--seed': cannot be used with --daily."
        " See 'effects tip --help'.\n",
    )


# --- help and the module entry point -----------------------------------------------------------


@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_top_level_help_lists_the_global_options(invoke: Invoke, flag: str) -> None:
    result = invoke(flag)
    assert (result.exit_code, result.stderr) == (0, "")
    assert "Usage: effects [OPTIONS] COMMAND [ARGS]..." in result.stdout
    for option in ("--color", "--pager", "--no-pager", "--version", "--install-completion"):
        assert option in result.stdout
    assert re.search(r"^\W*validate +Check a guide file", result.stdout, re.MULTILINE)


def test_python_dash_m_reports_errors_like_effects(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "effects_cli", "--color", "purple", "list"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert (result.returncode, result.stdout, result.stderr) == (
        2,
        "",
        "effects: Invalid value for '--color': 'purple' is not one of 'auto', 'always', 'never'."
        " See 'effects --help'.\n",
    )
