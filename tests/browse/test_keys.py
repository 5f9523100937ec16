"""The reader's other keys: the reading pane's paging, a random tip, every key on ``?``,
quitting with ``q`` and Ctrl-C, Tab between the panes."""

from __future__ import annotations

import pytest
from textual import events
from textual.pilot import Pilot

from effects_cli.browse import keys
from effects_cli.model import Guide, Point
from tests.browse.screens import KeyBar, browser, drive, reader, screen_lines
from tests.helpers import squeezed


@pytest.mark.parametrize("focus", ["outline", "reading"])
def test_the_text_pages_with_the_keys_of_a_pager(focus: str) -> None:
    """space/PageDown, b/PageUp, G/End, g/Home, whichever pane has the focus."""

    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        pane = screen.reading
        if focus == "reading":
            await pilot.press("tab")
            assert pane.has_focus
        bottom, page = pane.max_scroll_y, pane.size.height
        assert bottom > page  # section 1 is longer than two pages
        for key, where in [
            ("space", page),
            ("pagedown", min(2 * page, bottom)),
            ("b", min(2 * page, bottom) - page),
            ("pageup", 0),
            ("G", bottom),
            ("g", 0),
            ("end", bottom),
            ("home", 0),
        ]:
            await pilot.press(key)
            assert pane.scroll_y == where, key
        if focus == "reading":
            await pilot.press("j", "j", "down", "k")
            assert pane.scroll_y == 2
        assert screen.shown == screen.guide.sections[0]  # the outline did not move

    drive(browser(), script, size=(100, 20))


def test_t_opens_a_random_tip_and_the_outline_follows(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        seen = set()
        for _ in range(12):
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(screen.shown, Point)
            assert screen.outline.entry == screen.shown
            seen.add(screen.shown.ref)
        assert len(seen) > 1  # random: twelve draws from thirty are not all one
        assert seen <= {point.ref for point in guide.points()}

    drive(browser(), script)


def test_question_mark_shows_every_key_and_closes_again() -> None:
    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        shown = squeezed("".join(screen_lines(pilot.app)))
        for heading, bindings in keys.GROUPS:
            assert squeezed(heading) in shown
            for binding in bindings:
                assert squeezed(binding.tooltip) in shown, binding.key
        for key in ("escape", "question_mark", "q"):
            await pilot.press(key)
            await pilot.pause()
            assert pilot.app.screen is reader(pilot)
            await pilot.press("question_mark")
            await pilot.pause()

    drive(browser(), script, size=(100, 60))  # tall enough for every key at once


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
@pytest.mark.parametrize("searching", [False, True], ids=["reading", "searching"])
def test_q_and_ctrl_c_quit_with_exit_0(key: str, searching: bool) -> None:
    """``q`` quits from the reader; while searching it is text, and Ctrl-C still quits."""
    app = browser()

    async def script(pilot: Pilot[None]) -> None:
        if searching:
            await pilot.press("slash")
        await pilot.press(key)
        await pilot.pause()
        assert app.is_running == (searching and key == "q")
        if app.is_running:
            await pilot.press("escape", "q")

    drive(app, script)
    assert app.return_code == 0


def test_tab_and_enter_move_between_the_panes() -> None:
    async def script(pilot: Pilot[None]) -> None:
        screen = reader(pilot)
        assert screen.outline.has_focus
        await pilot.press("tab")
        assert screen.reading.has_focus
        await pilot.press("tab")
        assert screen.outline.has_focus
        await pilot.press("enter")
        assert screen.reading.has_focus
        await pilot.press("escape")
        assert screen.outline.has_focus

    drive(browser(), script)


def test_the_footer_shows_the_main_keys() -> None:
    async def script(pilot: Pilot[None]) -> None:
        footer = screen_lines(pilot.app)[-1]
        for key, name in [("/", "search"), ("t", "tip"), ("?", "keys"), ("q", "quit")]:
            assert f"{key} {name}" in " ".join(footer.split()), footer
        assert "next" not in footer  # n is offered once a search found something
        await pilot.press("slash", *"stigma", "escape")
        assert "n next" in " ".join(screen_lines(pilot.app)[-1].split())

    drive(browser(), script)


def test_the_title_bar_shows_the_guides_title(guide: Guide) -> None:
    async def script(pilot: Pilot[None]) -> None:
        assert screen_lines(pilot.app)[0].strip() == guide.title

    drive(browser(), script)


def test_a_click_on_a_keys_name_does_what_the_key_does() -> None:
    async def script(pilot: Pilot[None]) -> None:
        bar = screen_lines(pilot.app)[-1]
        await pilot.click(KeyBar, offset=(bar.index(" tip") + 2, 0))
        await pilot.pause()
        assert isinstance(reader(pilot).shown, Point)
        await pilot.click(KeyBar, offset=(bar.index(" quit") + 2, 0))
        await pilot.pause()
        assert not pilot.app.is_running

    drive(browser(), script)


def test_the_keys_screen_wraps_beside_the_keys_on_a_narrow_screen() -> None:
    """Each key's words wrap under its words, not under the column of keys."""

    async def script(pilot: Pilot[None]) -> None:
        await pilot.press("question_mark")
        await pilot.pause()
        lines = [line.strip("│ ") for line in screen_lines(pilot.app)]
        words = [line.split("  ")[-1].strip() for line in lines]
        first = next(index for index, line in enumerate(lines) if line.startswith("/ "))
        column = screen_lines(pilot.app)[first].index("Search")
        following = screen_lines(pilot.app)[first + 1]
        assert following[:column].strip("│ ") == ""  # the key column left blank
        assert squeezed(" ".join(words[first : first + 3])).startswith(
            squeezed(keys.READER[0].tooltip)
        )

    drive(browser(), script, size=(40, 30))


def test_the_mouse_wheel_scrolls_the_text() -> None:
    async def script(pilot: Pilot[None]) -> None:
        pane = reader(pilot).reading
        for _ in range(3):
            pane.post_message(events.MouseScrollDown(pane, 1, 1, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert pane.scroll_y > 0
        assert reader(pilot).shown == reader(pilot).guide.sections[0]

    drive(browser(), script)
