"""``tip --short`` as a function: two lines that fit, whatever the width, the text or the
encoding; and the escape codes it writes without Rich are the ones Rich writes."""

from __future__ import annotations

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from effects_cli.model import Point
from effects_cli.short import cells, first_sentence, fitted, short_tip
from effects_cli.theme import THEMES, painted

POINT = Point(4, 2, "Normalizing Conversations", "One two three. Four five six.")


@pytest.mark.parametrize(
    ("width", "expected"),
    [
        pytest.param(80, "4.2  Normalizing Conversations\nOne two three.\n", id="fits"),
        pytest.param(20, "4.2  Normalizing\u2026\nOne two three.\n", id="title-cut"),
        pytest.param(12, "4.2  Normal\u2026\nOne two\u2026\n", id="both-cut"),
        pytest.param(6, "4.2  \u2026\nOne\u2026\n", id="nothing-of-the-title-fits"),
    ],
)
def test_two_lines_that_fit(width: int, expected: str) -> None:
    text = short_tip(POINT, width=width, styled=False, colour=False, theme="dark", encoding=None)
    assert text == expected
    assert all(cells(line) <= width for line in text.splitlines())


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        pytest.param("One. Two.", "One.", id="two"),
        pytest.param("Only one", "Only one", id="no-stop"),
        pytest.param("Is it? Yes.", "Is it?", id="question"),
        pytest.param('He said "go." Then', 'He said "go."', id="closing-quote"),
        pytest.param("3.5 million people. More", "3.5 million people.", id="decimal"),
        pytest.param("Line\nbreaks  fold. X", "Line breaks fold.", id="one-line"),
    ],
)
def test_first_sentence(text: str, sentence: str) -> None:
    assert first_sentence(text) == sentence


def test_wide_characters_count_two_cells() -> None:
    assert fitted("\u5fc3\u7406\u5065\u5eb7\u3068\u3044\u3046", 7) == "\u5fc3\u7406\u5065\u2026"


def test_a_narrow_encoding_gets_plain_stand_ins() -> None:
    point = Point(1, 1, "\u201cQuoted\u201d", "Tea \u2013 a long sentence here.")
    text = short_tip(point, width=16, styled=False, colour=False, theme="dark", encoding="ascii")
    assert text == '1.1  "Quoted"\nTea - a long...\n'
    text.encode("ascii")


@pytest.mark.parametrize("theme", sorted(THEMES))
@pytest.mark.parametrize("colour", [True, False])
def test_the_codes_are_the_ones_rich_writes(theme: str, colour: bool) -> None:
    for role, style in THEMES[theme].items():
        out = io.StringIO()
        Console(file=out, force_terminal=True, color_system="standard", no_color=not colour).print(
            Text("x", style=style), end=""
        )
        expected = out.getvalue()
        assert expected == painted("x", style, colour), (theme, role)


def test_styled_lines_are_the_plain_lines_with_codes() -> None:
    text = short_tip(POINT, width=80, styled=True, colour=True, theme="light", encoding=None)
    assert text == (
        "\x1b[1;34m4.2\x1b[0m  \x1b[1mNormalizing Conversations\x1b[0m\nOne two three.\n"
    )


@given(
    title=st.text(min_size=1, max_size=60).filter(str.strip),
    body=st.text(min_size=1, max_size=300).filter(str.strip),
    width=st.integers(10, 120),
)
def test_any_text_fits_in_two_lines(title: str, body: str, width: int) -> None:
    title, body = " ".join(title.split()), " ".join(body.split())
    point = Point(10, 3, title, body)
    text = short_tip(point, width=width, styled=False, colour=False, theme="dark", encoding=None)
    lines = text.splitlines()
    assert len(lines) == 2 and text.endswith("\n")
    assert all(cells(line) <= width for line in lines)
    assert lines[0].startswith("10.3  ")
