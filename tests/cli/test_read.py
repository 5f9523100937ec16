"""`effects read`: the whole guide in order, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import BUNDLED, Invoke, golden


def test_output_matches_golden_text(invoke: Invoke) -> None:
    result = invoke("read")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden("read.txt")


def test_read_json_is_the_whole_guide(invoke: Invoke) -> None:
    data = json.loads(invoke("read", "--json").stdout)
    assert [data[key] for key in ("title", "subtitle", "intro", "conclusion")] == [
        BUNDLED[key] for key in ("title", "subtitle", "intro", "conclusion")
    ]
    assert [(s["ref"], s["title"], s["text"]) for s in data["sections"]] == [
        (str(n), s["title"], s["text"]) for n, s in enumerate(BUNDLED["sections"], start=1)
    ]
    assert [p["text"] for s in data["sections"] for p in s["points"]] == [
        p["text"] for s in BUNDLED["sections"] for p in s["points"]
    ]


def test_read_is_the_guide_in_order(invoke: Invoke) -> None:
    out = " ".join(invoke("read").stdout.split())
    pieces = [BUNDLED["title"], BUNDLED["subtitle"], BUNDLED["intro"]]
    for number, section in enumerate(BUNDLED["sections"], start=1):
        pieces += [f"{number} {section['title']}", section["text"]]
        for index, point in enumerate(section["points"], start=1):
            pieces += [f"{number}.{index} {point['title']}", point["text"]]
    pieces.append(BUNDLED["conclusion"])
    position = 0
    for piece in pieces:
        found = out.find(piece, position)
        assert found >= position, piece[:40]
        position = found + len(piece)


def test_read_of_a_guide_without_optional_parts(
    invoke: Invoke, write_guide: Callable[..., Path]
) -> None:
    path = write_guide(
        "title: Bare\nsections:\n  - {title: S, text: s., points: [{title: P, text: p.}]}\n"
    )
    result = invoke("--guide", str(path), "read")
    assert result.stdout == (
        "Bare\n\nContents\n1  S\n\n" + "\u2500" * 80 + "\n1  S\n\ns.\n\n1.1  P\n\np.\n"
    )


def test_read_opens_with_the_title_and_a_list_of_the_sections(invoke: Invoke) -> None:
    lines = invoke("read").stdout.splitlines()
    assert lines[:6] == [
        "10 Dynamic Positive Effects of Social Media",
        "The Dynamic Positive Effects of Social Media on Mental Health:",
        "A Comprehensive Guide",
        "",
        "Contents",
        " 1  Building and Strengthening Social Connections",
    ]
    assert lines[14] == "10  Supporting and Amplifying Mental Health Campaigns"
    rule = "\u2500" * 80
    assert lines[16:18] == [rule, "Introduction"]
    at = lines.index("Conclusion")
    assert lines[at - 1] == rule


TWO_LINES = [
    "The Dynamic Positive Effects of Social Media on Mental Health:",
    "A Comprehensive Guide",
]


@pytest.mark.posix
@pytest.mark.parametrize(
    ("columns", "subtitle"),
    [
        # The 80-column measure of the text holds on a wide terminal too: two even lines.
        pytest.param(200, TWO_LINES, id="200"),
        pytest.param(100, TWO_LINES, id="100"),
        pytest.param(80, TWO_LINES, id="80"),
        pytest.param(
            60,
            [
                "The Dynamic Positive Effects of Social Media",
                "on Mental Health: A Comprehensive Guide",
            ],
            id="60",
        ),
    ],
)
def test_the_subtitle_wraps_as_a_unit(tmp_path: Path, columns: int, subtitle: list[str]) -> None:
    """Never a word alone on a line of its own."""
    from tests.helpers import on_terminal

    shown = on_terminal("--color", "never", "read", cwd=tmp_path, columns=columns, lines=1000)
    assert shown.stdout.splitlines()[1 : 1 + len(subtitle)] == subtitle
    assert shown.stdout.splitlines()[1 + len(subtitle)] == ""
