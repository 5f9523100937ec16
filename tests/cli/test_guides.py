"""``effects guides``, ``--guide NAME`` and ``EFFECTS_GUIDE=NAME``, and TAB completion of names.

(Folders and files that cannot be read: tests/hostile/test_guide_folders.py.)"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from effects_cli.bundled import bundled_guide_path
from tests.helpers import SMALL_GUIDE, Invoke, squeezed
from tests.messages import MD_ONE_SECTION

NIGHT = "# Night Owls' Guide\n\n*Sleep better*\n\n" + MD_ONE_SECTION.replace(
    "## 1. S", "## 1. Winding Down"
)


@pytest.fixture
def shelf(guide_folder: Path, tmp_path: Path) -> dict[str, str]:
    """Guides in the reader's folder and in one EFFECTS_PATH folder: a Markdown one, a YAML
    one, a broken one, and one shadowed; the environment that names them."""
    (guide_folder / "night.md").write_text(NIGHT, encoding="utf-8")
    (guide_folder / "small.yaml").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    (guide_folder / "broken.yaml").write_text("title: T\nsections: []\n", encoding="utf-8")
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "night.yaml").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    (extra / "extra.yml").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    return {"EFFECTS_PATH": str(extra)}


def test_guides_lists_each_guide_on_one_line_in_a_pipe(
    invoke: Invoke, shelf: dict[str, str], guide_folder: Path, tmp_path: Path
) -> None:
    result = invoke("guides", env=shelf)
    problem = (
        "cannot be read: line 2, column 11: sections: the list is empty: it needs at least one"
        " entry; 'effects validate FILE' lists every problem"
    )
    rows = [
        (
            "effects",
            "10 Dynamic Positive Effects of Social Media",
            "10 sections, 30 sub-points",
            "bundled",
        ),
        ("broken", problem, "", f"{guide_folder}/broken.yaml"),
        ("night", "Night Owls' Guide", "1 section, 1 sub-point", f"{guide_folder}/night.md"),
        ("small", "Small Guide", "2 sections, 3 sub-points", f"{guide_folder}/small.yaml"),
        ("extra", "Small Guide", "2 sections, 3 sub-points", f"{tmp_path}/extra/extra.yml"),
        ("night", f"shadowed by {guide_folder}/night.md", "", f"{tmp_path}/extra/night.yaml"),
    ]
    # Columns as wide as the names, titles and sizes; a longer problem pushes only its row.
    widths = [max(len(row[at]) for row in rows if row[2]) for at in range(3)]
    assert result.stdout == "".join(
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + f"  {row[3]}\n"
        if len(row[1]) <= widths[1]
        else f"{row[0].ljust(widths[0])}  {row[1]}  {row[3]}\n"
        for row in rows
    )
    assert (result.exit_code, result.stderr) == (0, "")


def test_guides_json(invoke: Invoke, shelf: dict[str, str], guide_folder: Path) -> None:
    data = json.loads(invoke("guides", "--json", env=shelf).stdout)
    assert data["folders"] == [str(guide_folder), shelf["EFFECTS_PATH"]]
    assert data["remarks"] == []
    first, broken, night, *_, shadowed = data["guides"]
    assert first == {
        "name": "effects",
        "title": "10 Dynamic Positive Effects of Social Media",
        "sections": 10,
        "points": 30,
        "path": str(bundled_guide_path()),
        "folder": None,
        "shadowed_by": None,
        "problem": None,
    }
    assert (broken["title"], broken["sections"], broken["problem"]) == (
        None,
        None,
        "line 2, column 11: sections: the list is empty: it needs at least one entry",
    )
    assert (night["folder"], night["points"]) == (str(guide_folder), 1)
    assert shadowed["shadowed_by"] == str(guide_folder / "night.md")


def test_guides_on_a_terminal(
    invoke: Invoke, shelf: dict[str, str], guide_folder: Path, terminal: None
) -> None:
    result = invoke("--color", "never", "guides", env=shelf)
    assert result.stdout.splitlines()[:4] == [
        "effects  10 Dynamic Positive Effects of Social Media",
        "         10 sections, 30 sub-points · bundled",
        "broken   cannot be read: line 2, column 11: sections: the list is empty: it",
        "         needs at least one entry",
    ]
    assert squeezed(f"see: effects validate {guide_folder}/broken.yaml") in squeezed(result.stdout)
    assert "night    Night Owls' Guide\n" in result.stdout
    assert squeezed(result.stdout).endswith(
        squeezed(f"Guide folders: {guide_folder}, {shelf['EFFECTS_PATH']}")
    )


def test_guides_names_on_a_terminal_are_bold_in_the_guide_name_colour(
    invoke: Invoke, shelf: dict[str, str], terminal: None
) -> None:
    lines = invoke("--color", "always", "guides", env=shelf).stdout.splitlines()
    assert lines[0].startswith("\x1b[1;32meffects\x1b[0m")
    assert next(line for line in lines if "Night Owls" in line).startswith("\x1b[1;32mnight\x1b[0m")
    shadowed = [line for line in lines if "shadowed by" in line]
    assert shadowed and shadowed[0].startswith("\x1b[2mnight")  # a shadowed name is dimmed


def test_guides_in_a_pipe_are_coloured_as_asked(invoke: Invoke, shelf: dict[str, str]) -> None:
    lines = invoke("--color", "always", "guides", env=shelf).stdout.splitlines()
    assert lines[0].startswith("\x1b[1;32meffects\x1b[0m  \x1b[1m10 Dynamic")
    assert lines[1].startswith("\x1b[1;32mbroken\x1b[0m   \x1b[31mcannot be read: ")
    assert lines[-1].startswith("\x1b[2mnight\x1b[0m    \x1b[2mshadowed by ")


def test_guides_with_only_the_bundled_one_says_where_yours_go(
    invoke: Invoke, guide_folder: Path, terminal: None
) -> None:
    result = invoke("--color", "never", "guides")
    assert squeezed(result.stdout).endswith(
        squeezed(f"Guide folders: {guide_folder} (no guides yet)")
    )


@pytest.mark.parametrize("how", ["option", "variable"])
def test_a_guide_is_read_by_name(invoke: Invoke, shelf: dict[str, str], how: str) -> None:
    args = ["--guide", "night"] if how == "option" else []
    env = shelf if how == "option" else {**shelf, "EFFECTS_GUIDE": "night"}
    result = invoke(*args, "list", env=env)
    assert (result.exit_code, result.stdout) == (0, "1  Winding Down  1 point\n")
    assert invoke("--guide", "extra", "show", "2.1", env=shelf).stdout.startswith(
        "2.1  Gamma point\n"
    )
    assert invoke("--guide", "effects", "show", "4.2", env=shelf).stdout.startswith(
        "4.2  Normalizing"
    )


def test_a_file_in_the_working_folder_wins_over_a_name(
    invoke: Invoke, shelf: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "night").write_text(textwrap.dedent(SMALL_GUIDE), encoding="utf-8")
    assert invoke("--guide", "night", "list", env=shelf).stdout.startswith("1  First Section")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        pytest.param(
            "nigth",
            'no guide named "nigth"; did you mean "night"? (\'effects guides\' lists them)',
            id="typo",
        ),
        pytest.param(
            "NIGHT",
            'no guide named "NIGHT"; did you mean "night"? (\'effects guides\' lists them)',
            id="other-case",  # that one alone (difflib, comparing case, finds none)
        ),
        pytest.param("zzz", "no guide named \"zzz\" ('effects guides' lists them)", id="unknown"),
        pytest.param(
            "\x1b[2J",
            "no guide named \"\\x1b[2J\" ('effects guides' lists them)",
            id="escape-sequence",
        ),
    ],
)
def test_a_name_that_is_no_guide(
    invoke: Invoke, shelf: dict[str, str], name: str, message: str
) -> None:
    result = invoke("--guide", name, "list", env=shelf)
    assert (result.exit_code, result.stdout, result.stderr) == (3, "", f"effects: {message}\n")


def test_a_broken_guide_by_name_says_its_problem(
    invoke: Invoke, shelf: dict[str, str], guide_folder: Path
) -> None:
    result = invoke("--guide", "broken", "tip", env=shelf)
    assert (result.exit_code, result.stderr) == (
        3,
        f"effects: {guide_folder}/broken.yaml:2:11: sections: the list is empty: it needs at least one entry\n",
    )


def test_a_name_that_is_no_guide_does_not_stop_other_commands(
    invoke: Invoke, shelf: dict[str, str]
) -> None:
    result = invoke("guides", env={**shelf, "EFFECTS_GUIDE": "gone"})
    assert (result.exit_code, result.stderr) == (0, "")
    assert invoke("cache", "path", env={**shelf, "EFFECTS_GUIDE": "gone"}).exit_code == 0


def _complete(invoke: Invoke, line: str, env: dict[str, str]) -> str:
    variables = {
        "_EFFECTS_COMPLETE": "complete_fish",
        "_TYPER_COMPLETE_ARGS": line,
        "_TYPER_COMPLETE_FISH_ACTION": "get-args",
        **env,
    }
    result = invoke(env=variables)
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout.strip("\n")


def test_guide_option_completes_to_names_with_titles(
    invoke: Invoke, shelf: dict[str, str], guide_folder: Path
) -> None:
    assert _complete(invoke, "effects --guide ", shelf).splitlines() == [
        "effects\t10 Dynamic Positive Effects of Social Media",
        f"broken\t{guide_folder}/broken.yaml",  # a broken guide is described by its file
        "night\tNight Owls' Guide",
        "small\tSmall Guide",
        "extra\tSmall Guide",
    ]
    assert _complete(invoke, "effects --guide s", shelf) == "small\tSmall Guide"


def test_names_not_shown_as_they_are_are_not_completed(
    invoke: Invoke, shelf: dict[str, str], guide_folder: Path
) -> None:
    """A line break would make two choices of one name, a bidi override turn the menu
    around: such names are shown escaped by `effects guides`, and not completed."""
    for name in ("evil\u202ename", "new\nline", "bell\x07"):
        (guide_folder / f"{name}.yaml").write_text(textwrap.dedent(SMALL_GUIDE))
    names = [
        line.split("\t")[0] for line in _complete(invoke, "effects --guide ", shelf).splitlines()
    ]
    assert names == ["effects", "broken", "night", "small", "extra"]


def test_a_named_guide_s_references_complete(invoke: Invoke, shelf: dict[str, str]) -> None:
    assert _complete(invoke, "effects --guide night show 1", shelf).splitlines() == [
        "1\tWinding Down",
        "1.1\tP",
    ]


@pytest.mark.parametrize("args", [["tip"], ["show", "4"], ["list"], ["search", "stigma"]])
def test_the_bundled_guide_s_verbs_never_look_at_guide_folders(
    tmp_path: Path, args: list[str]
) -> None:
    from tests.test_cache import modules_after

    modules_after(tmp_path, *args)
    warm = modules_after(tmp_path, *args)
    assert not warm & {
        "effects_cli.library",
        "effects_cli.collection",
        "effects_cli.writing",
        "markdown_it",
    }
    assert not {name for name in warm if name.startswith("effects_cli.loader.markdown")}


def test_a_warm_markdown_guide_loads_no_markdown_parser(tmp_path: Path) -> None:
    from tests.test_cache import modules_after

    guide = tmp_path / "night.md"
    guide.write_text(NIGHT, encoding="utf-8")
    assert "markdown_it" in modules_after(tmp_path, "--guide", str(guide), "list")
    assert "markdown_it" not in modules_after(tmp_path, "--guide", str(guide), "list")
    assert "markdown_it" not in modules_after(tmp_path, "list")  # nor does YAML need it


def test_a_name_is_looked_up_without_listing_a_folder(
    invoke: Invoke, shelf: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    def refuse(*args: object) -> None:
        raise AssertionError("a folder was listed")

    monkeypatch.setattr(os, "scandir", refuse)
    assert invoke("--guide", "night", "list", env=shelf).stdout == "1  Winding Down  1 point\n"


def test_a_folder_that_cannot_be_read_is_told_not_listed(
    invoke: Invoke, guide_folder: Path, tmp_path: Path, terminal: None
) -> None:
    gone, empty = tmp_path / "gone", tmp_path / "empty"
    empty.mkdir()
    env = {"EFFECTS_PATH": f"{gone}:{empty}"}
    result = invoke("--color", "never", "guides", env=env)
    assert result.stderr == f"effects: {gone}: no such folder\n"
    assert squeezed(result.stdout).endswith(
        squeezed(f"Guide folders: {guide_folder} (no guides yet), {empty} (no guides yet)")
    )
    listed = json.loads(invoke("guides", "--json", env=env).stdout)
    assert listed["folders"] == [str(guide_folder), str(empty)]
