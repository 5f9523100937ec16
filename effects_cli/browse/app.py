"""The ``effects browse`` app, and `run`, which shows it until the reader quits."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress

from textual.app import App
from textual.screen import Screen

from effects_cli.browse import keys
from effects_cli.browse.finder import Finder
from effects_cli.browse.reader import Reader
from effects_cli.guides import GuideSource
from effects_cli.model import Guide
from effects_cli.render import rich_theme


class BrowseApp(App[None]):
    """The guide on a full screen (`Reader`), titled with the guide's title."""

    BINDINGS = keys.QUIT
    ENABLE_COMMAND_PALETTE = False

    def __init__(
        self, guide: Guide, finder: Finder, *, monochrome: bool = False, styles: str = "dark"
    ) -> None:
        with _no_color(monochrome):
            # Textual reads NO_COLOR here, and paints greys unless it keeps to the
            # terminal's own colours (ansi_color), which NO_COLOR then takes away.
            super().__init__(ansi_color=True if monochrome else None)
        # The guide's renderables name their styles (render.REF ...): the theme of
        # effects says what they look like, and Textual's own follows its background.
        self.console.push_theme(rich_theme(styles))
        self.theme = "textual-light" if styles == "light" else "textual-dark"
        self.guide = guide
        self.finder = finder
        self.title = guide.title

    def get_default_screen(self) -> Screen[None]:
        return Reader(self.guide, self.finder)

    def on_mount(self) -> None:
        """``kill`` (SIGTERM) ends the app as ``q`` does, so the terminal is given back as
        it was (out of raw mode and of the full screen, mouse reports off), with exit code
        143, as a shell reports a program SIGTERM ended. (SIGHUP keeps its default: the
        terminal it would restore is gone.)"""
        import asyncio
        import signal

        with suppress(NotImplementedError, RuntimeError):  # Windows: no such handlers there
            asyncio.get_running_loop().add_signal_handler(
                signal.SIGTERM, self.exit, None, 128 + signal.SIGTERM
            )


@contextmanager
def _no_color(monochrome: bool) -> Iterator[None]:
    """``NO_COLOR`` set (to 1) for a monochrome screen, unset otherwise, for as long as the
    block runs: effects has decided already (``--color``, an empty ``NO_COLOR``)."""
    saved = os.environ.get("NO_COLOR")
    if monochrome:
        os.environ["NO_COLOR"] = "1"
    else:
        os.environ.pop("NO_COLOR", None)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("NO_COLOR", None)
        else:
            os.environ["NO_COLOR"] = saved


def run(source: GuideSource, guide: Guide, *, monochrome: bool, styles: str) -> int:
    """Show ``guide`` (read from ``source``) until the reader quits, in the theme
    ``styles`` (`effects_cli.theme`); the exit code."""
    app = BrowseApp(guide, Finder(source, guide), monochrome=monochrome, styles=styles)
    with _terminal_sized():
        app.run()
    return app.return_code or 0


@contextmanager
def _terminal_sized() -> Iterator[None]:
    """``COLUMNS`` and ``LINES`` unset while the screen is up: they set the width of the
    other commands' output, but the screen is the terminal's, and Textual would take an
    exported ``COLUMNS`` for its width at every resize."""
    saved = {name: os.environ.pop(name) for name in ("COLUMNS", "LINES") if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)
