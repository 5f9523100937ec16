"""`effects show`: a section in full, or one sub-point with its section named.

What `show` says about references it cannot show is in tests/messages.py (ARGUMENTS)."""

from __future__ import annotations

import pytest

from tests.helpers import BUNDLED, Invoke, golden


@pytest.mark.parametrize(
    ("args", "name"),
    [
        pytest.param(["show", "4"], "show-4.txt", id="show-section"),
        pytest.param(["show", "4.2"], "show-4.2.txt", id="show-point"),
    ],
)
def test_output_matches_golden_text(invoke: Invoke, args: list[str], name: str) -> None:
    result = invoke(*args)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == golden(name)


def test_show_section_has_title_text_and_every_point_in_full(invoke: Invoke) -> None:
    out = " ".join(invoke("show", "7").stdout.split())
    section = BUNDLED["sections"][6]
    for piece in [section["title"], section["text"]] + [
        text for point in section["points"] for text in (point["title"], point["text"])
    ]:
        assert piece in out


def test_show_point_names_its_section(invoke: Invoke) -> None:
    lines = invoke("show", "7.3").stdout.splitlines()
    assert lines[0] == "7.3  Motivational Content and Goal Setting"
    assert lines[1] == "from section 7: Inspiring Positive Behavioral Changes"
