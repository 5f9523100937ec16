"""What the browse tests share: the app on a guide, driven by Textual's pilot, and what
its screen shows, read from the SVG screenshot Textual exports.

The tests run the app headless with `App.run_test` (no terminal) and read its state
through the few names below; ``tests/browse/test_terminal.py`` runs the real program on
a pseudo-terminal.
"""

from __future__ import annotations

import asyncio
import functools
import html
import io
import json
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

from rich.console import Console, RenderableType
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Input

from effects_cli.browse.app import BrowseApp
from effects_cli.browse.finder import Finder
from effects_cli.browse.keybar import KeyBar
from effects_cli.browse.outline import Outline
from effects_cli.browse.reader import Reader
from effects_cli.browse.reading import ReadingPane
from effects_cli.browse.searching import SearchPanel
from effects_cli.guides import GuideSource
from effects_cli.render import rich_theme
from tests.helpers import HANG_GUARD, in_process

__all__ = ["KeyBar", "Outline", "Reader", "ReadingPane", "SearchPanel"]

WIDE = (100, 30)
"""The size of a terminal the tests read on: both panes side by side."""
SMALL = (50, 16)
"""The small terminal the issue names: one pane at a time."""

Script = Callable[[Pilot[None]], Awaitable[None]]


def browser(
    guide: Path | None = None, *, monochrome: bool = False, styles: str = "dark"
) -> BrowseApp:
    """The app of ``effects browse`` on ``guide`` (the bundled one for None), in the theme
    ``styles``."""
    source = GuideSource(guide)
    opened = source.guide()
    return BrowseApp(opened, Finder(source, opened), monochrome=monochrome, styles=styles)


def drive(app: BrowseApp, script: Script, *, size: tuple[int, int] = WIDE) -> None:
    """Run ``app`` headless at ``size``, let its first screen settle, then ``script``."""

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await script(pilot)

    asyncio.run(asyncio.wait_for(run(), HANG_GUARD))


def search_refs(query: str, *options: str) -> list[str]:
    """The references ``effects [options] search QUERY`` lists, in its order, all of them:
    what the tests expect browse to list, never written out by hand."""
    result = in_process(*options, "search", query, "--limit", "1000", "--json")
    return [hit["ref"] for hit in json.loads(result.stdout or "{}").get("hits", [])]


@functools.cache
def stigma() -> tuple[str, ...]:
    """The hits of ``effects search stigma``, which most tests search for (asked for in a
    test, with its environment, not when the tests are collected)."""
    return tuple(search_refs("stigma"))


def reader(pilot: Pilot[None]) -> Reader:
    """The reading screen (under the help screen, when that is open)."""
    (screen,) = [screen for screen in pilot.app.screen_stack if isinstance(screen, Reader)]
    return screen


async def search(pilot: Pilot[None], query: str, *, typed: bool = False) -> SearchPanel:
    """Open the search with ``/`` and put ``query`` in its box: ``typed`` a key at a time,
    as a person types (each key searches again), or else pasted whole (faster)."""
    await pilot.press("slash")
    panel = reader(pilot).search
    if typed:
        await pilot.press(*query)
    else:
        panel.query_one(Input).value = query
    await pilot.pause()
    return panel


def plain(renderable: RenderableType, width: int = 80) -> str:
    """``renderable`` laid out as plain text ``width`` columns wide, lines without their
    trailing blanks: what ``effects show`` prints in a pipe."""
    console = Console(
        file=io.StringIO(),
        width=width,
        color_system=None,
        highlight=False,
        theme=rich_theme("dark"),
    )
    with console.capture() as capture:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in capture.get().splitlines()) + "\n"


_TEXT = re.compile(r'<text [^>]*\bx="([0-9.]+)"[^>]*line-(\d+)\)"[^>]*>([^<]*)</text>')
_CELL = 20 * 0.61
"""The width of a cell in Rich's SVG export (its font height times its aspect ratio)."""


def screen_lines(app: BrowseApp) -> list[str]:
    """The characters on the screen, a line a row, read from Textual's SVG screenshot."""
    width, height = app.size
    rows = [[" "] * width for _ in range(height)]
    for x, line, text in _TEXT.findall(app.export_screenshot()):
        column = round(float(x) / _CELL)
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            if column + offset < width:
                rows[int(line)][column + offset] = char
    return ["".join(row) for row in rows]


def drawn(widget: Widget) -> str:
    """What ``widget`` draws of its own content, all of it (scrolled out of view or not),
    lines without trailing blanks: faster than a screenshot, for a widget with no others
    inside."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(segment.text for segment in line).rstrip() for line in lines)


def text_of(app: BrowseApp, widget: Widget) -> str:
    """What the screen shows inside ``widget`` (its padding and scroll bars left out),
    lines without trailing blanks."""
    region = widget.scrollable_content_region
    lines = screen_lines(app)[region.y : region.bottom]
    return "\n".join(line[region.x : region.right].rstrip() for line in lines)
