"""`effects list`: the contents, in a pipe (one section a line) and on a terminal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, Invoke, golden


@pytest.mark.parametrize(
    ("args", "name"),
    [
        pytest.param(["list"], "list.txt", id="list"),
        pytest.param(["list", "--tree"], "list-tree.txt", id="list-tree"),
    ],
)
def test_output_matches_golden_text(invoke: Invoke, args: list[str], name: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden(name)


def test_list_in_a_pipe_is_one_section_a_line(invoke: Invoke) -> None:
    lines = invoke("list").stdout.splitlines()
    assert len(lines) == 10
    for number, (line, section) in enumerate(zip(lines, BUNDLED["sections"], strict=True), 1):
        assert line.split(None, 1)[0] == str(number)
        assert section["title"] in line
        assert line.endswith("3 points")


def test_list_lines_never_wrap_even_when_narrow(invoke: Invoke) -> None:
    result = invoke("list", "--tree", env={"COLUMNS": "20"})
    lines = result.stdout.splitlines()
    assert len(lines) == 40
    assert "3  Easy Access to Mental Health Resources and Information" in result.stdout
    assert all(line == line.rstrip() for line in lines)


def test_list_json(invoke: Invoke) -> None:
    data = json.loads(invoke("list", "--json").stdout)
    assert data == {
        "title": BUNDLED["title"],
        "subtitle": BUNDLED["subtitle"],
        "sections": [
            {
                "ref": str(number),
                "title": section["title"],
                "points": [
                    {"ref": f"{number}.{index}", "title": point["title"]}
                    for index, point in enumerate(section["points"], start=1)
                ],
            }
            for number, section in enumerate(BUNDLED["sections"], start=1)
        ],
    }


def test_list_on_a_terminal_has_the_header_and_aligned_columns(
    invoke: Invoke, terminal: None
) -> None:
    lines = invoke("--color", "never", "--no-pager", "list").stdout.splitlines()
    assert lines[:3] == [
        "10 Dynamic Positive Effects of Social Media",
        "The Dynamic Positive Effects of Social Media on Mental Health:",
        "A Comprehensive Guide",
    ]
    assert lines[4] == " 1  Building and Strengthening Social Connections           3 points"
    narrow = invoke("--color", "never", "--no-pager", "list", env={"COLUMNS": "40"})
    narrow = narrow.stdout.splitlines()
    assert narrow[6:8] == [" 1  Building and Strengthening", "    Social Connections (3)"]


def test_wide_characters_keep_the_pipe_list_aligned(
    invoke: Invoke, write_guide: Callable[..., Path]
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


@pytest.mark.parametrize("on_a_terminal", [False, True])
def test_tree_titles_start_in_one_column_and_counts_stay_put(
    invoke: Invoke, request: pytest.FixtureRequest, on_a_terminal: bool
) -> None:
    if on_a_terminal:
        request.getfixturevalue("terminal")
    args = ("--color", "never", "--no-pager", "list")
    tree = invoke(*args, "--tree").stdout.splitlines()
    flat = invoke(*args).stdout.splitlines()
    points = [line for line in tree if line.startswith("    ")]
    assert len(points) == 30
    assert {line.index(line.split("  ", 3)[-1].strip()) for line in points} == {10}
    assert "    9.3   Building a Positive Online Presence" in points
    assert "    10.1  Amplifying Voices and Stories" in points
    sections = [line for line in tree if not line.startswith("    ")]
    assert sections == flat  # the count column where list has it
