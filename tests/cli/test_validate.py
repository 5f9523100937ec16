"""`effects validate FILE`: every problem of a guide at once, or that it is a valid guide.

Each problem's wording is a row of tests/messages.py (GUIDES, NOT_FILES)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import BUNDLED_YAML, Invoke
from tests.messages import NOT_FILES, MakePath, guide_problem, more_problems


def test_validate_a_good_guide(invoke: Invoke, write_guide: Callable[..., Path]) -> None:
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


def test_validate_lists_every_problem(invoke: Invoke, write_guide: Callable[..., Path]) -> None:
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
        f"effects: {path}{where}"
        for where in (
            guide_problem("unknown-key"),  # the same key on the same line as that row's
            ":7:9: sub-point 1.1: title: missing",
            ":9:15: sub-point 1.2: text: empty",
            ":10:5: section 2: titel: unknown key (did you mean 'title'? expected one of: title, text, points, keywords, related)",
            ":10:5: section 2: title: missing",
            ":12:13: section 2: points: the list is empty: it needs at least one entry",
            ":13:5: section 3: expected a mapping with title, text, points, got text",
            ":14:13: conclusion: expected text, got a list",
            ": not a valid guide: 8 problems",
        )
    ]


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        pytest.param(
            "title: T\ntitle: U\nsections: [{title: S, text: s, points: [{title: p, text: q}]}]\n",
            [guide_problem("duplicate-key"), ": not a valid guide: 1 problem"],
            id="one-problem",
        ),
        pytest.param(
            "title: x\nsections: [\n",
            [guide_problem("syntax-unclosed")],  # not YAML: no count of problems
            id="not-yaml",
        ),
    ],
)
def test_validate_one_problem(
    invoke: Invoke, write_guide: Callable[..., Path], text: str, lines: list[str]
) -> None:
    path = write_guide(text)
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout) == (3, "")
    assert result.stderr == "".join(f"effects: {path}{line}\n" for line in lines)


@pytest.mark.parametrize(("make", "problem"), NOT_FILES)
def test_validate_a_file_it_cannot_read(
    invoke: Invoke, tmp_path: Path, make: MakePath, problem: str
) -> None:
    path = make(tmp_path)
    result = invoke("validate", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (
        3,
        "",
        f"effects: {path}: {problem}\n",
    )


def test_validate_checks_its_file_not_the_guide_option(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("--guide", str(tmp_path / "absent.yaml"), "validate", str(BUNDLED_YAML))
    assert result.exit_code == 0


BROKEN = "title: T\nauthor: me\nsections: []\n"
BROKEN_LINES = [
    ":2:1: author: unknown key (expected one of: title, sections, subtitle, intro, conclusion)",
    ":3:11: sections: the list is empty: it needs at least one entry",
]


def test_validate_reads_standard_input(invoke: Invoke) -> None:
    good = invoke("validate", "-", input=BUNDLED_YAML.read_text(encoding="utf-8"))
    assert (good.exit_code, good.stdout, good.stderr) == (
        0,
        "<stdin>: a valid guide: 10 sections, 30 sub-points\n",
        "",
    )
    bad = invoke("validate", "-", input=BROKEN)
    assert (bad.exit_code, bad.stdout) == (3, "")
    assert bad.stderr.splitlines() == [
        *(f"effects: <stdin>{line}" for line in BROKEN_LINES),
        "effects: <stdin>: not a valid guide: 2 problems",
    ]


def test_validate_several_files_names_each_and_exits_with_the_worst(
    invoke: Invoke, write_guide: Callable[..., Path], tmp_path: Path
) -> None:
    broken = write_guide(BROKEN, "broken.yaml")
    missing = tmp_path / "missing.yaml"
    result = invoke("validate", str(BUNDLED_YAML), str(broken), str(missing))
    assert (result.exit_code, result.stdout) == (
        3,
        f"{BUNDLED_YAML}: a valid guide: 10 sections, 30 sub-points\n",
    )
    assert result.stderr.splitlines() == [
        *(f"effects: {broken}{line}" for line in BROKEN_LINES),
        f"effects: {broken}: not a valid guide: 2 problems",
        f"effects: {missing}: no such file",
        "effects: 2 of 3 files are not valid guides",
    ]
    both = invoke("validate", str(BUNDLED_YAML), "-", input=BUNDLED_YAML.read_text())
    assert (both.exit_code, both.stderr) == (0, "")
    assert both.stdout.splitlines() == [
        f"{BUNDLED_YAML}: a valid guide: 10 sections, 30 sub-points",
        "<stdin>: a valid guide: 10 sections, 30 sub-points",
    ]


def test_a_guide_option_points_to_validate_for_the_other_problems(
    invoke: Invoke, write_guide: Callable[..., Path]
) -> None:
    broken = write_guide(BROKEN, "broken.yaml")
    result = invoke("--guide", str(broken), "list")
    assert (result.exit_code, result.stdout, result.stderr) == (
        3,
        "",
        f"effects: {broken}{BROKEN_LINES[0]}{more_problems(broken, 1)}\n",
    )
    spaced = write_guide(BROKEN, "my guide.yaml")  # quoted, to paste into a shell
    assert invoke("--guide", str(spaced), "tip").stderr.endswith(
        f" (and 1 more problem: effects validate '{spaced}' lists them all)\n"
    )
