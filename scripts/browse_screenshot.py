"""Draw the pictures of `effects browse`: the README's (docs/browse*.svg) and the screens
the snapshot tests compare (tests/browse/snapshots/).

Runs the app of ``effects browse`` on the bundled guide, headless, with Textual's own test
harness: it presses each screen's keys, as a person would, and saves the SVG screenshot
Textual draws of the screen. Run it after a change to what browse shows (or to Textual),
from the repository root, read the pictures, and commit them:

    python scripts/browse_screenshot.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import NamedTuple

from textual.widgets import Input

from effects_cli.browse.app import BrowseApp
from effects_cli.browse.finder import Finder
from effects_cli.guides import GuideSource

REPO = Path(__file__).resolve().parent.parent
WIDE = (100, 30)
SMALL = (50, 16)
STIGMA = ("slash", *"stigma")


class Screen(NamedTuple):
    """A screen to draw: the terminal's size, the keys pressed, and whether in monochrome."""

    size: tuple[int, int]
    keys: tuple[str, ...] = ()
    monochrome: bool = False


PICTURES = {
    "docs/browse.svg": Screen(WIDE),
    "docs/browse-search.svg": Screen(WIDE, STIGMA),
    "tests/browse/snapshots/hit.svg": Screen(WIDE, (*STIGMA, "down", "enter")),
    "tests/browse/snapshots/help.svg": Screen(WIDE, ("question_mark",)),
    "tests/browse/snapshots/small.svg": Screen(SMALL),
    "tests/browse/snapshots/small-text.svg": Screen(SMALL, ("j", "enter")),
    "tests/browse/snapshots/small-search.svg": Screen(SMALL, STIGMA),
    "tests/browse/snapshots/no-color.svg": Screen(WIDE, STIGMA, monochrome=True),
}
"""Each picture's file, from the repository root, and the screen it shows."""


def picture(screen: Screen) -> str:
    """An SVG of what ``effects browse`` shows after ``screen.keys``."""
    source = GuideSource(use_cache=False)
    guide = source.guide()
    app = BrowseApp(guide, Finder(source, guide), monochrome=screen.monochrome)

    async def draw() -> str:
        async with app.run_test(size=screen.size) as pilot:
            await pilot.pause()
            for box in app.query(Input):  # a blinking cursor would be on or off by chance
                box.cursor_blink = False
            await pilot.press(*screen.keys)
            await pilot.pause()
            return app.export_screenshot(title="effects browse")

    return asyncio.run(draw())


def main() -> None:
    for name, screen in PICTURES.items():
        path = REPO / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(picture(screen), encoding="utf-8")
        print(f"wrote {name}")


if __name__ == "__main__":
    main()
