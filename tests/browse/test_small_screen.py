"""A small terminal (50 x 16) shows one pane at a time, full width, and a key switches;
a resize switches between that and both panes side by side."""

from __future__ import annotations

from textual.pilot import Pilot

from effects_cli.model import Guide
from tests.browse.screens import SMALL, WIDE, browser, drive, reader, search, stigma, text_of
from tests.helpers import Invoke


def _showing(pilot: Pilot[None]) -> list[str]:
    """Which panes are on the screen: the outline, the search, the text."""
    screen = reader(pilot)
    panes = {"outline": screen.outline, "search": screen.search, "text": screen.reading}
    return [name for name, pane in panes.items() if pane and pane.display and pane.region.area]


def test_one_pane_at_a_time_and_tab_switches(guide: Guide, invoke: Invoke) -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        assert _showing(pilot) == ["outline"]
        assert screen.outline.region.width == SMALL[0]
        await pilot.press("j", "tab")
        assert _showing(pilot) == ["text"] and screen.reading.has_focus
        # The whole width for the text, laid out as effects show lays it out that wide.
        width = screen.reading.scrollable_content_region.width
        shown = invoke("show", "1.1", env={"COLUMNS": str(width)}).stdout.splitlines()
        visible = text_of(pilot.app, screen.reading).splitlines()
        assert len(visible) == screen.reading.scrollable_content_region.height
        assert visible == shown[: len(visible)]
        await pilot.press("tab")
        assert _showing(pilot) == ["outline"] and screen.outline.has_focus

    drive(browser(), script, size=SMALL)


def test_enter_reads_and_escape_goes_back(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("j", "j", "enter")
        assert _showing(pilot) == ["text"]
        assert reader(pilot).shown == guide.lookup("1.2")
        await pilot.press("space", "escape")
        assert _showing(pilot) == ["outline"]

    drive(browser(), script, size=SMALL)


def test_a_search_takes_the_screen_and_a_hit_opens_in_the_text(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        panel = await search(pilot, "stigma")
        assert _showing(pilot) == ["search"]
        assert panel.region.width == SMALL[0]
        await pilot.press("down", "enter")
        assert _showing(pilot) == ["text"]
        assert reader(pilot).shown == guide.lookup(stigma()[1])
        await pilot.press("n")
        assert reader(pilot).shown == guide.lookup(stigma()[2])
        await pilot.press("escape")  # back to the outline, on the hit
        assert _showing(pilot) == ["outline"]
        assert reader(pilot).outline.entry == guide.lookup(stigma()[2])

    drive(browser(), script, size=SMALL)


def test_a_tip_shows_in_the_text() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("t")
        assert _showing(pilot) == ["text"]

    drive(browser(), script, size=SMALL)


def test_a_resize_switches_the_layout() -> None:
    async def script(pilot: Pilot[None]) -> None:
        assert _showing(pilot) == ["outline", "text"]
        await pilot.resize_terminal(*SMALL)
        assert _showing(pilot) == ["outline"] and reader(pilot).outline.has_focus
        await pilot.press("enter")
        assert _showing(pilot) == ["text"]
        await pilot.resize_terminal(*WIDE)
        assert _showing(pilot) == ["outline", "text"]
        await pilot.resize_terminal(*SMALL)
        assert _showing(pilot) == ["text"]  # where the reader was
        assert reader(pilot).reading.has_focus

    drive(browser(), script, size=WIDE)


def test_nothing_is_wider_than_the_screen() -> None:
    """At 50 columns the text wraps to the pane; no line runs past the edge."""

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        await pilot.press("enter")
        lines = text_of(pilot.app, screen.reading).splitlines()
        assert lines and all(
            len(line) <= screen.reading.scrollable_content_region.width for line in lines
        )
        assert lines[0].startswith("1  Building and Strengthening")

    drive(browser(), script, size=SMALL)
