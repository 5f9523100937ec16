"""`effects read`: the whole guide in order, as text or JSON."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

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
    assert result.stdout == "Bare\n\n" + "\u2500" * 80 + "\n1  S\n\ns.\n\n1.1  P\n\np.\n"
