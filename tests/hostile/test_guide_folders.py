"""Hostile guide folders and Markdown guides: a folder that is none, a guide file that is a
FIFO, a loop, a huge file; odd parts of EFFECTS_PATH; Markdown that breaks the format. Each
gets one clear line; nothing hangs and nothing else is hidden. The cases are tables of
tests/messages.py (NOT_GUIDE_FILES, NOT_FOLDERS, PATH_PARTS, MARKDOWN_GUIDES)."""

from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from tests.helpers import MESSAGE, SMALL_GUIDE, Invoke, assert_safe, run_effects
from tests.messages import MARKDOWN_GUIDES, NOT_FOLDERS, NOT_GUIDE_FILES, PATH_PARTS

LIMIT = {"EFFECTS_MAX_GUIDE_BYTES": "100000"}
"""The size limit NOT_GUIDE_FILES's rows are said under: over the bundled guide's size, so
that 'huge' needs no gigabytes."""
SHORT = "title: Good\nsections:\n  - {title: S, text: s, points: [{title: P, text: p}]}\n"


def make(folder: Path, kind: str) -> Path:
    """``folder/bad.yaml`` as a NOT_GUIDE_FILES row's kind."""
    path = folder / "bad.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "loop":
        path.symlink_to(path)
    elif kind == "dangling":
        path.symlink_to(folder / "nowhere.yaml")
    elif kind == "folder":
        path.mkdir()
    else:
        with path.open("wb") as file:  # sparse: a big file that costs no disk
            file.truncate(100_001)
    return path


@pytest.fixture
def good(guide_folder: Path) -> Path:
    path = guide_folder / "good.yaml"
    path.write_text(SHORT, encoding="utf-8")
    return path


@pytest.mark.parametrize(("kind", "problem"), NOT_GUIDE_FILES)
def test_a_guide_file_that_is_no_file_is_never_opened(
    invoke: Invoke, guide_folder: Path, good: Path, kind: str, problem: str
) -> None:
    """Listed with its problem, refused by name, left out of a search of them all; the
    good guide beside it is none the worse."""
    bad = make(guide_folder, kind)
    listed = invoke("guides", "--json", env=LIMIT)
    assert (listed.exit_code, listed.stderr) == (0, "")
    rows = {row["name"]: row for row in json.loads(listed.stdout)["guides"]}
    assert (rows["bad"]["path"], rows["bad"]["problem"]) == (str(bad), problem)
    assert rows["good"]["title"] == "Good"

    named = invoke("--guide", "bad", "list", env=LIMIT)
    extra = " (EFFECTS_MAX_GUIDE_BYTES sets another)" if kind == "huge" else ""
    assert (named.exit_code, named.stdout, named.stderr) == (
        3,
        "",
        f"effects: {bad}: {problem}{extra}\n",
    )

    found = invoke("search", "--all", "p", env=LIMIT)
    assert (found.exit_code, found.stderr) == (0, f"effects: not searched: {bad}: {problem}\n")
    assert found.stdout.startswith("good 1.1  P\n")


@pytest.mark.parametrize(("kind", "problem"), NOT_FOLDERS)
def test_a_folder_that_is_none_gets_one_line(
    invoke: Invoke, tmp_path: Path, good: Path, kind: str, problem: str
) -> None:
    from tests.test_library import make_folder

    folder = make_folder(tmp_path, kind)
    if kind == "unreadable" and os.geteuid() == 0:
        folder.chmod(0o700)  # root reads any folder; the line is asserted in the unit test
        problem = ""
    for args in (["guides"], ["search", "--all", "p"]):
        result = invoke(*args, env={"EFFECTS_PATH": str(folder)})
        assert result.exit_code == 0
        assert result.stderr == (f"effects: {folder}: {problem}\n" if problem else "")
        assert "good" in result.stdout


@pytest.mark.parametrize(("template", "lines"), PATH_PARTS)
def test_odd_parts_of_effects_path_get_one_line_each(
    invoke: Invoke, tmp_path: Path, template: str, lines: list[str]
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        (folder / f"{folder.name}.yaml").write_text(SHORT, encoding="utf-8")
    result = invoke("guides", env={"EFFECTS_PATH": template.format(a=a, b=b)})
    assert (result.exit_code, result.stderr) == (0, "".join(f"effects: {line}\n" for line in lines))
    assert f"{a}/a.yaml\n" in result.stdout


def test_a_folder_of_thousands_of_files(guide_folder: Path, tmp_path: Path) -> None:
    for number in range(1100):
        (guide_folder / f"g{number:04}.yaml").write_text(SHORT, encoding="utf-8")
        (guide_folder / f"note{number:04}.txt").write_text("x", encoding="utf-8")
    result = run_effects("guides", cwd=tmp_path, XDG_DATA_HOME=os.environ["XDG_DATA_HOME"])
    assert (result.returncode, result.stderr) == (
        0,
        f"effects: {guide_folder}: holds 1100 guides: only the first 1000 by name are read\n",
    )
    lines = result.stdout.splitlines()
    assert len(lines) == 1001 and lines[-1].startswith("g0999 ")


@pytest.mark.posix
def test_a_real_run_with_guide_folders_in_the_environment(tmp_path: Path) -> None:
    """The installed program, its folders from XDG_DATA_HOME and EFFECTS_PATH; a FIFO among
    the guides must not make anything wait."""
    data, extra = tmp_path / "data", tmp_path / "extra"
    mine = data / "effects" / "guides"
    mine.mkdir(parents=True)
    extra.mkdir()
    (mine / "night.md").write_text(
        "# Night\n\n## 1. Dusk\n\nd\n\n### 1.1 Lamps\n\nDim the lamps.\n"
    )
    (extra / "night.yaml").write_text(SHORT)
    (extra / "small.yaml").write_text(textwrap.dedent(SMALL_GUIDE))
    os.mkfifo(extra / "pipe.yaml")
    env = {"XDG_DATA_HOME": str(data), "EFFECTS_PATH": f"{extra}:{tmp_path / 'gone'}"}
    listed = run_effects("guides", cwd=tmp_path, **env)
    assert listed.returncode == 0
    assert listed.stderr == f"effects: {tmp_path / 'gone'}: no such folder\n"
    assert [line.split()[0] for line in listed.stdout.splitlines()] == [
        "effects",
        "night",
        "night",
        "pipe",
        "small",
    ]
    shown = run_effects("--guide", "night", "show", "1.1", cwd=tmp_path, **env)
    assert (shown.returncode, shown.stdout) == (
        0,
        "1.1  Lamps\nfrom section 1: Dusk\n\nDim the lamps.\n",
    )
    found = run_effects("search", "--all", "lamps", "gardens", "--json", cwd=tmp_path, **env)
    assert found.returncode == 0
    assert [(hit["guide"], hit["ref"]) for hit in json.loads(found.stdout)["hits"]] == [
        ("night", "1.1"),
        ("small", "1.1"),
        ("small", "2.1"),
    ]
    assert (
        f"not searched: {extra / 'pipe.yaml'}: is a named pipe (FIFO), not a guide file"
        in found.stderr
    )
    refused = run_effects("--guide", "pipe", "list", cwd=tmp_path, **env)
    assert (refused.returncode, refused.stderr) == (
        3,
        f"effects: {extra / 'pipe.yaml'}: is a named pipe (FIFO), not a guide file\n",
    )


@pytest.mark.parametrize(("data", "problem"), MARKDOWN_GUIDES)
def test_a_broken_markdown_guide_gets_one_line_and_exit_3(
    invoke: Invoke, tmp_path: Path, data: bytes | str, problem: str
) -> None:
    path = tmp_path / "guide.md"
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    for args in (["list"], ["search", "x"], ["read", "--format", "yaml"]):
        result = invoke("--guide", str(path), *args)
        # The first problem, and (when there are more) that effects validate lists them.
        assert (result.exit_code, result.stdout) == (3, ""), args
        assert MESSAGE.fullmatch(result.stderr), args
        assert result.stderr.startswith(f"effects: {path}{problem}"), args
    result = invoke("validate", str(path))
    assert result.exit_code == 3
    assert result.stderr.splitlines()[0] == f"effects: {path}{problem}"
    if isinstance(data, str):  # text that breaks the format: every problem, then a count
        assert result.stderr.splitlines()[-1].startswith(f"effects: {path}: not a valid guide: ")


@pytest.mark.posix  # file names of any bytes
def test_odd_file_names_are_shown_as_typed_never_sent_to_the_terminal(
    invoke: Invoke, guide_folder: Path
) -> None:
    for name in ("\x1b[31mred", "\u202eevil", "[bold]x", "two words"):
        (guide_folder / f"{name}.yaml").write_text(SHORT, encoding="utf-8")
    result = invoke("guides")
    names = [line.split("  ")[0] for line in result.stdout.splitlines()]
    assert names == ["effects", "\\x1b[31mred", "[bold]x", "two words", "\\u202eevil"]
    assert_safe(result.stdout)
    assert invoke("--guide", "two words", "list").stdout == "1  S  1 point\n"
