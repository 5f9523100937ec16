"""A guide whose titles and texts hold escape sequences, bidirectional controls and Rich
markup: the screen shows them visibly and literally, as every other command does."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.browse.screens import browser, drive, plain, reader, screen_lines, search, text_of
from tests.helpers import Invoke, assert_safe, on_terminal
from tests.hostile.test_terminal_text import HOSTILE_GUIDE


@pytest.fixture
def hostile_guide(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE_GUIDE, encoding="utf-8")
    return path


def test_titles_are_shown_defused_and_literal(hostile_guide: Path, invoke: Invoke) -> None:
    listed = invoke("--guide", str(hostile_guide), "list", "--tree").stdout.splitlines()

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        outline = [
            screen.outline.get_node_at_line(line).label.plain
            for line in range(screen.outline.last_line + 1)
        ]
        assert outline == ["1  [red]Red[/] \\x1b[31mtitle", "1.1  Point \\u202eevil"]
        words = [label.split() for label in outline]
        assert [line.split() for line in listed] == [words[0] + ["1", "point"], words[1]]
        lines = screen_lines(pilot.app)
        assert lines[0].strip() == "Title\\x1b]0;pwned\\x07\\x1b]52;c;cHduZWQ=\\x07"
        assert "[red]Red[/] \\x1b[31mtitle" in lines[1]
        assert_safe("\n".join(lines))

    drive(browser(hostile_guide), script)


@pytest.mark.parametrize("ref", ["1", "1.1"])
def test_texts_read_as_effects_show_shows_them(
    hostile_guide: Path, invoke: Invoke, ref: str
) -> None:
    async def script(pilot: Pilot[None]) -> None:
        if ref == "1.1":
            await pilot.press("j")
        screen = reader(pilot)
        shown = invoke("--guide", str(hostile_guide), "show", ref).stdout
        assert plain(screen.reading.renderable) == shown
        on_screen = text_of(pilot.app, screen.reading)
        assert_safe(on_screen)
        assert "[bold]gardens[/bold]" in on_screen or "[link=x]markup[/link]" in on_screen

    drive(browser(hostile_guide), script, size=(120, 30))


@pytest.mark.parametrize(
    ("query", "shown"),
    [("red", "[red]Red[/] \\x1b[31mtitle"), ("gardens", "[bold]gardens[/bold]")],
)
def test_hits_are_shown_literally(hostile_guide: Path, query: str, shown: str) -> None:
    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, query)
        listed = text_of(pilot.app, panel.query_one("#hits"))
        assert shown in listed
        assert_safe(listed)
        await pilot.press("enter")
        assert_safe("\n".join(screen_lines(pilot.app)))

    drive(browser(hostile_guide), script, size=(120, 30))


@pytest.mark.posix  # a pseudo-terminal
def test_nothing_raw_reaches_the_terminal(hostile_guide: Path, tmp_path: Path) -> None:
    """The guide's own sequences never reach the terminal; Textual's own codes do."""
    shown = on_terminal(
        "--guide",
        str(hostile_guide),
        "browse",
        cwd=tmp_path,
        keys=[b"j", b"/", b"red", ("hit 1 of", b"\x1b"), (" quit", b"q")],
    )
    assert (shown.returncode, shown.stderr) == (0, "")
    for raw in ("\x1b]0;pwned", "\x1b]52;", "\x1b[31mtitle", "\x1b[5mblink", "\u202e", "\x9b"):
        assert raw not in shown.stdout
    for visible in ("\\x1b]0;pwned", "[red]Red[/]", "\\u202eevil"):
        assert visible in shown.stdout
