"""What completion offers for a reference or a section number."""

from __future__ import annotations

import pytest

from effects_cli.complete import reference_choices, section_choices
from effects_cli.model import Guide


@pytest.mark.parametrize(
    ("incomplete", "refs"),
    [
        pytest.param("", [str(n) for n in range(1, 11)], id="nothing-typed"),
        pytest.param("4", ["4", "4.1", "4.2", "4.3"], id="a-section"),
        pytest.param("4.", ["4.1", "4.2", "4.3"], id="a-section-and-dot"),
        pytest.param("4.3", ["4.3"], id="a-sub-point"),
        pytest.param("1", ["1", "1.1", "1.2", "1.3", "10"], id="1-and-10"),
        pytest.param("10", ["10", "10.1", "10.2", "10.3"], id="10"),
        pytest.param("4.4", [], id="past-the-end"),
        pytest.param("x", [], id="not-a-reference"),
        pytest.param(".", [], id="dot"),
    ],
)
def test_reference_choices(guide: Guide, incomplete: str, refs: list[str]) -> None:
    assert [ref for ref, _ in reference_choices(guide, incomplete)] == refs


def test_choices_carry_titles(guide: Guide) -> None:
    assert reference_choices(guide, "4.2") == [("4.2", "Normalizing Mental Health Conversations")]
    assert section_choices(guide, "7") == [("7", "Inspiring Positive Behavioral Changes")]


@pytest.mark.parametrize(
    ("incomplete", "refs"),
    [("", [str(n) for n in range(1, 11)]), ("1", ["1", "10"]), ("4.", []), ("11", [])],
)
def test_section_choices(guide: Guide, incomplete: str, refs: list[str]) -> None:
    assert [ref for ref, _ in section_choices(guide, incomplete)] == refs
