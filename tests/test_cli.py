"""Every verb and every error path, through the command line, with exact output and exit codes."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from typer.main import get_command
from typer.testing import CliRunner

from effects_cli import __version__
from effects_cli.cli import app

from .conftest import BUNDLED_YAML, REPO, SMALL_GUIDE, Invoke

GOLDEN = REPO / "tests" / "golden"
RAW = yaml.safe_load(BUNDLED_YAML.read_text(encoding="utf-8"))
ESC = "\x1b"


@pytest.mark.parametrize(
    ("args", "golden"),
    [
        pytest.param(["list"], "list.txt", id="list"),
        pytest.param(["list", "--tree"], "list-tree.txt", id="list-tree"),
        pytest.param(["show", "4"], "show-4.txt", id="show-section"),
        pytest.param(["show", "4.2"], "show-4.2.txt", id="show-point"),
        pytest.param(["search", "stigma"], "search-stigma.txt", id="search"),
        pytest.param(["read"], "read.txt", id="read"),
    ],
)
def test_output_matches_golden_text(invoke: Invoke, args: list[str], golden: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (GOLDEN / golden).read_text(encoding="utf-8")


def test_list_in_a_pipe_is_one_section_a_line(invoke: Invoke) -> None:
    lines = invoke("list").stdout.splitlines()
    assert len(lines) == 10
    for number, (line, section) in enumerate(zip(lines, RAW["sections"], strict=True), start=1):
        assert line.split(None, 1)[0] == str(number)
        assert section["title"] in line
        assert line.endswith("3 points")


def test_list_lines_never_wrap_even_when_narrow(invoke: Invoke) -> None:
    result = invoke("list", "--tree", env={"COLUMNS": "20"})
    lines = result.stdout.splitlines()
    assert len(lines) == 40
    assert "3  Easy Access to Mental Health Resources and Information" in result.stdout
    assert all(line == line.rstrip() for line in lines)


def test_show_section_has_title_text_and_every_point_in_full(invoke: Invoke) -> None:
    out = " ".join(invoke("show", "7").stdout.split())
    section = RAW["sections"][6]
    for piece in [section["title"], section["text"]] + [
        text for point in section["points"] for text in (point["title"], point["text"])
    ]:
        assert piece in out


def test_show_point_names_its_section(invoke: Invoke) -> None:
    lines = invoke("show", "7.3").stdout.splitlines()
    assert lines[0] == "7.3  Motivational Content and Goal Setting"
    assert lines[1] == "from section 7: Inspiring Positive Behavioral Changes"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["show", "11"], "effects: no section 11: the guide has sections 1 to 10", id="11"
        ),
        pytest.param(
            ["show", "0"], "effects: no section 0: the guide has sections 1 to 10", id="0"
        ),
        pytest.param(
            ["show", "4.9"], "effects: no sub-point 4.9: section 4 has 4.1 to 4.3", id="4.9"
        ),
        pytest.param(
            ["show", "abc"],
            'effects: "abc" is not a reference: use a section number (1 to 10) or a sub-point such as 1.1',
            id="abc",
        ),
        pytest.param(
            ["show", "4."],
            'effects: "4." is not a reference: use a section number (1 to 10) or a sub-point such as 1.1',
            id="4.",
        ),
        pytest.param(
            ["tip", "--section", "11"],
            "effects: no section 11: the guide has sections 1 to 10",
            id="tip-section-11",
        ),
        pytest.param(["search", "xylophone"], 'effects: no match for "xylophone"', id="no-match"),
        pytest.param(
            ["search", "qqq", "zzzz"], 'effects: no match for "qqq zzzz"', id="no-match-words"
        ),
    ],
)
def test_not_found_is_one_line_on_stderr_and_exit_1(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", message + "\n")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(
            ["show"],
            "effects: Missing argument 'REF'. See 'effects show --help'.",
            id="show-no-ref",
        ),
        pytest.param(
            ["show", "4", "2"],
            "effects: Got unexpected extra argument(s) (2). See 'effects show --help'.",
            id="show-two-refs",
        ),
        pytest.param(
            ["search"],
            "effects: Invalid value for QUERY: give words to search for, or --regex. "
            "See 'effects search --help'.",
            id="search-no-query",
        ),
        pytest.param(
            ["search", ""],
            "effects: Invalid value for QUERY: the query is empty. See 'effects search --help'.",
            id="search-empty",
        ),
        pytest.param(
            ["search", "  "],
            "effects: Invalid value for QUERY: the query is empty. See 'effects search --help'.",
            id="search-blank",
        ),
        pytest.param(
            ["search", "x", "--limit", "0"],
            "effects: Invalid value for '--limit' / '-n': \"0\" is out of range (1 or more). See 'effects search --help'.",
            id="limit-0",
        ),
        pytest.param(
            ["tip", "--seed", "x"],
            "effects: Invalid value for '--seed': \"x\" is not a whole number. See 'effects tip --help'.",
            id="seed-not-int",
        ),
        pytest.param(
            ["tip", "--section", "four"],
            "effects: Invalid value for '--section' / '-s': \"four\" is not a whole number. See 'effects tip --help'.",
            id="section-not-int",
        ),
        pytest.param(
            ["list", "--bogus"],
            "effects: No such option: --bogus. See 'effects list --help'.",
            id="unknown-option",
        ),
        pytest.param(
            ["lst"],
            "effects: No such command 'lst'. Did you mean 'list'? See 'effects --help'.",
            id="command-typo",
        ),
        pytest.param(
            ["bogus"],
            "effects: No such command 'bogus'. See 'effects --help'.",
            id="unknown-command",
        ),
        pytest.param(
            ["--guide", "", "list"],
            "effects: Invalid value for '--guide' (or EFFECTS_GUIDE): the path is empty. See 'effects --help'.",
            id="empty-guide-path",
        ),
        pytest.param(
            ["search", "[/]"],
            "effects: Invalid value for QUERY: \"[/]\" has no words to search for. See 'effects search --help'.",
            id="query-without-words",
        ),
        pytest.param(
            ["search", "!!!", "?"],
            "effects: Invalid value for QUERY: \"!!! ?\" has no words to search for. See 'effects search --help'.",
            id="query-of-punctuation",
        ),
    ],
)
def test_usage_error_is_one_line_on_stderr_and_exit_2(
    invoke: Invoke, args: list[str], message: str
) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", message + "\n")


def test_no_command_shows_help_and_exits_2(invoke: Invoke) -> None:
    result = invoke()
    assert result.exit_code == 2
    assert "Usage: effects [OPTIONS] COMMAND [ARGS]..." in result.stdout
    for command in ("list", "show", "search", "tip", "read"):
        assert f" {command} " in result.stdout


def test_version(invoke: Invoke) -> None:
    result = invoke("--version")
    assert (result.exit_code, result.stdout, result.stderr) == (0, f"effects {__version__}\n", "")


def _command_paths(group: object, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command under ``group``, as the words that name it, sub-commands included."""
    paths = []
    for name, command in getattr(group, "commands", {}).items():
        paths.append((*path, name))
        paths += _command_paths(command, (*path, name))
    return paths


def test_every_command_has_help_with_a_summary_and_an_example(invoke: Invoke) -> None:
    paths = _command_paths(get_command(app))
    assert {"list", "show", "search", "tip", "read", "validate"} <= {path[0] for path in paths}
    for path in paths:
        name = " ".join(path)
        for flag in ("--help", "-h"):
            result = invoke(*path, flag)
            assert (result.exit_code, result.stderr) == (0, ""), name
            usage, summary = result.stdout.strip().splitlines()[:3:2]
            assert usage.strip().startswith(f"Usage: effects {name}"), name
            assert summary.strip().endswith("."), name  # a one-line summary under the usage
            assert "Examples:" in result.stdout, name
            assert re.search(rf"^ +effects( --[a-z-]+)* {name}\b", result.stdout, re.MULTILINE), (
                name
            )


def test_tip_with_a_seed_is_reproducible_and_renders_like_show(invoke: Invoke) -> None:
    first = invoke("tip", "--seed", "7")
    again = invoke("tip", "--seed", "7")
    assert first.exit_code == 0 and first.stdout == again.stdout
    ref = json.loads(invoke("tip", "--seed", "7", "--json").stdout)["ref"]
    assert first.stdout == invoke("show", ref).stdout


def test_tip_seeds_reach_every_sub_point(invoke: Invoke) -> None:
    refs = {
        json.loads(invoke("tip", "--seed", str(seed), "--json").stdout)["ref"]
        for seed in range(300)
    }
    assert refs == {f"{s}.{p}" for s in range(1, 11) for p in (1, 2, 3)}


@pytest.mark.parametrize("section", [1, 4, 10])
def test_tip_from_one_section(invoke: Invoke, section: int) -> None:
    for seed in range(10):
        tip = json.loads(
            invoke("tip", "--section", str(section), "--seed", str(seed), "--json").stdout
        )
        assert tip["section"]["ref"] == str(section)
        assert tip["ref"].startswith(f"{section}.")


def test_tip_without_a_seed_is_a_valid_sub_point(invoke: Invoke) -> None:
    tip = json.loads(invoke("tip", "--json").stdout)
    number, point = (int(n) for n in tip["ref"].split("."))
    assert tip["text"] == RAW["sections"][number - 1]["points"][point - 1]["text"]


def test_search_json(invoke: Invoke) -> None:
    result = invoke("search", "peer", "support", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    assert data["query"] == "peer support"
    first = data["hits"][0]
    assert set(first) == {"ref", "title", "score", "snippet"}
    assert (first["ref"], first["title"]) == ("2.2", "Peer Support and Shared Experiences")
    assert first["snippet"] == (
        "Another important positive effects of social medial is the peer support through"
        " social media. People can find solace and kinship from other\u2026"
    )
    assert isinstance(first["score"], float)
    scores = [hit["score"] for hit in data["hits"]]
    assert scores == sorted(scores, reverse=True) and scores[0] > scores[-1] > 0


def test_search_shows_ten_hits_unless_limit_says_otherwise(invoke: Invoke) -> None:
    default = json.loads(invoke("search", "social", "--json").stdout)["hits"]
    everything = json.loads(invoke("search", "social", "--limit", "100", "--json").stdout)["hits"]
    limited = json.loads(invoke("search", "social", "--limit", "3", "--json").stdout)["hits"]
    assert len(everything) == 40
    assert default == everything[:10]
    assert limited == everything[:3]
    assert invoke("search", "social", "-n", "2").stdout.count("\n\n") == 1


def test_list_json(invoke: Invoke) -> None:
    data = json.loads(invoke("list", "--json").stdout)
    assert data == {
        "title": RAW["title"],
        "subtitle": RAW["subtitle"],
        "sections": [
            {
                "ref": str(number),
                "title": section["title"],
                "points": [
                    {"ref": f"{number}.{index}", "title": point["title"]}
                    for index, point in enumerate(section["points"], start=1)
                ],
            }
            for number, section in enumerate(RAW["sections"], start=1)
        ],
    }


def test_read_json_is_the_whole_guide(invoke: Invoke) -> None:
    data = json.loads(invoke("read", "--json").stdout)
    assert [data[key] for key in ("title", "subtitle", "intro", "conclusion")] == [
        RAW[key] for key in ("title", "subtitle", "intro", "conclusion")
    ]
    assert [(s["ref"], s["title"], s["text"]) for s in data["sections"]] == [
        (str(n), s["title"], s["text"]) for n, s in enumerate(RAW["sections"], start=1)
    ]
    assert [p["text"] for s in data["sections"] for p in s["points"]] == [
        p["text"] for s in RAW["sections"] for p in s["points"]
    ]


def test_read_is_the_guide_in_order(invoke: Invoke) -> None:
    out = " ".join(invoke("read").stdout.split())
    pieces = [RAW["title"], RAW["subtitle"], RAW["intro"]]
    for number, section in enumerate(RAW["sections"], start=1):
        pieces += [f"{number} {section['title']}", section["text"]]
        for index, point in enumerate(section["points"], start=1):
            pieces += [f"{number}.{index} {point['title']}", point["text"]]
    pieces.append(RAW["conclusion"])
    position = 0
    for piece in pieces:
        found = out.find(piece, position)
        assert found >= position, piece[:40]
        position = found + len(piece)


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


def test_forced_colour_reaches_people(invoke: Invoke) -> None:
    assert ESC in invoke("show", "4.2", env={"FORCE_COLOR": "1"}).stdout


def test_highlighted_search_on_a_terminal(invoke: Invoke) -> None:
    out = invoke("search", "stigma", env={"FORCE_COLOR": "1"}).stdout
    assert f"{ESC}[1;4;33mstigma{ESC}[0m" in out
    assert f"{ESC}[1;4;33mstigmatize{ESC}[0m" in out


# --- other guides ----------------------------------------------------------------------------


@pytest.fixture
def small_guide(write_guide: Callable[[str], Path]) -> Path:
    return write_guide(SMALL_GUIDE)


def test_guide_option_reads_another_guide(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("--guide", str(small_guide), "list")
    assert result.stdout == ("1  First Section   2 points\n2  Second Section  1 point\n")
    result = invoke("--guide", str(small_guide), "show", "2.1")
    assert result.stdout == (
        "2.1  Gamma point\nfrom section 2: Second Section\n\nGamma text about gardens and rivers.\n"
    )


def test_guide_environment_variable(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("search", "rivers", "--json", env={"EFFECTS_GUIDE": str(small_guide)})
    assert [hit["ref"] for hit in json.loads(result.stdout)["hits"]] == ["1.2", "2.1"]


def test_guide_option_wins_over_the_environment(
    invoke: Invoke, small_guide: Path, tmp_path: Path
) -> None:
    result = invoke(
        "--guide",
        str(small_guide),
        "show",
        "1.1",
        env={"EFFECTS_GUIDE": str(tmp_path / "nope.yaml")},
    )
    assert result.exit_code == 0
    assert result.stdout.startswith("1.1  Alpha point\n")


def test_small_guide_references_and_range(invoke: Invoke, small_guide: Path) -> None:
    result = invoke("--guide", str(small_guide), "show", "2.2")
    assert (result.exit_code, result.stderr) == (
        1,
        "effects: no sub-point 2.2: section 2 has 2.1\n",
    )
    result = invoke("--guide", str(small_guide), "show", "3")
    assert (result.exit_code, result.stderr) == (
        1,
        "effects: no section 3: the guide has sections 1 to 2\n",
    )


def test_read_of_a_guide_without_optional_parts(
    invoke: Invoke, write_guide: Callable[[str], Path]
) -> None:
    path = write_guide(
        "title: Bare\nsections:\n  - {title: S, text: s., points: [{title: P, text: p.}]}\n"
    )
    result = invoke("--guide", str(path), "read")
    assert result.stdout == "Bare\n\n" + "\u2500" * 80 + "\n1  S\n\ns.\n\n1.1  P\n\np.\n"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        pytest.param(
            "title: x\nsections: [\n",
            ":3:1: while parsing a flow node, did not find expected node content",
            id="syntax",
        ),
        pytest.param(
            "title: T\nsections:\n  - title: a\n    text: b\n    points:\n      - text: d\n",
            ":6:9: sections[0].points[0].title: missing",
            id="field",
        ),
        pytest.param(
            "title: T\ntitle: U\nsections: []\n",
            ":2:1: title: duplicate key (first given on line 1)",
            id="duplicate",
        ),
    ],
)
def test_broken_guide_exits_3_with_file_line_and_problem(
    invoke: Invoke, write_guide: Callable[[str], Path], text: str, problem: str
) -> None:
    path = write_guide(text)
    for args in (["list"], ["show", "1"], ["search", "x"], ["tip"], ["read"], ["list", "--json"]):
        result = invoke("--guide", str(path), *args)
        assert (result.exit_code, result.stdout, result.stderr) == (
            3,
            "",
            f"effects: {path}{problem}\n",
        )


def test_missing_guide_file_exits_3(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--guide", str(tmp_path / "absent.yaml"), "list")
    assert (result.exit_code, result.stdout, result.stderr) == (
        3,
        "",
        f"effects: {tmp_path / 'absent.yaml'}: no such file\n",
    )


def test_escape_sequences_in_a_guide_never_reach_the_output(
    invoke: Invoke, write_guide: Callable[[str], Path]
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


def test_list_on_a_terminal_has_the_header_and_aligned_columns(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("effects_cli.cli.output.stdout_is_terminal", lambda: True)
    lines = invoke("--color", "never", "--no-pager", "list").stdout.splitlines()
    assert lines[:3] == [
        "10 Dynamic Positive Effects of Social Media",
        "The Dynamic Positive Effects of Social Media on Mental Health: A Comprehensive",
        "Guide",
    ]
    assert lines[4] == " 1  Building and Strengthening Social Connections           3 points"
    narrow = invoke("--color", "never", "--no-pager", "list", env={"COLUMNS": "40"})
    narrow = narrow.stdout.splitlines()
    assert narrow[6:8] == [" 1  Building and Strengthening Social", "    Connections (3)"]


def test_wide_characters_keep_the_pipe_list_aligned(
    invoke: Invoke, write_guide: Callable[[str], Path]
) -> None:
    path = write_guide(
        "title: T\nsections:\n"
        "  - {title: \u77ed\u3044, text: t, points: [{title: p, text: q}]}\n"
        "  - {title: Longer title, text: t, points: [{title: p, text: q}]}\n"
        "  - {title: \U0001f389\U0001f389\U0001f389, text: t, points: [{title: p, text: q}]}\n"
    )
    assert invoke("--guide", str(path), "list").stdout == (
        "1  \u77ed\u3044          1 point\n"
        "2  Longer title  1 point\n"
        "3  \U0001f389\U0001f389\U0001f389        1 point\n"
    )


def test_forced_colour_keeps_the_pipe_layout(invoke: Invoke) -> None:
    coloured = invoke("list", env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b[" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == (GOLDEN / "list.txt").read_text(
        encoding="utf-8"
    )


def test_markup_in_guide_text_and_queries_is_shown_as_typed(
    invoke: Invoke, write_guide: Callable[[str], Path]
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
    assert re.sub(r"\x1b\[[0-9;]*m", "", found.stdout) == (
        "1.1  [/]\n     [bold magenta]gardens[/]\n"
    )
    assert f"{ESC}[1;4;33mgardens{ESC}[0m" in found.stdout
    listed = invoke("--guide", str(path), "list", "--tree")
    assert "[red]Red[/] section" in listed.stdout and "1.1  [/]" in listed.stdout


def test_an_ascii_only_stdout_gets_plain_punctuation_and_exact_json() -> None:
    runner = CliRunner(charset="ascii")
    shown = runner.invoke(app, ["show", "1.2"], prog_name="effects")
    assert shown.exit_code == 0, shown.output
    assert "tools such as the 'People You May Know'" in " ".join(shown.stdout.split())
    as_json = runner.invoke(app, ["show", "1.2", "--json"], prog_name="effects")
    assert as_json.exit_code == 0
    assert "\\u2018People You May Know\\u2019" in as_json.stdout
    assert json.loads(as_json.stdout)["text"] == RAW["sections"][0]["points"][1]["text"]
    read = runner.invoke(app, ["read"], prog_name="effects").stdout.splitlines()
    assert read.count("-" * 80) == 11  # a rule before each section and the conclusion
