"""The reading pane: one entry as ``effects show`` renders it, scrolled with the keys of
a pager."""

from __future__ import annotations

from rich.console import RenderableType
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from effects_cli.browse import keys

READING_WIDTH = 80
"""The widest the text is laid out, as ``effects show`` lays it out on a wide terminal."""


class ReadingPane(VerticalScroll):
    """The text of the entry being read: the very renderable ``effects show`` prints."""

    BINDINGS = keys.READING
    DEFAULT_CSS = f"""
    ReadingPane > Static {{ max-width: {READING_WIDTH}; }}
    """

    def compose(self) -> ComposeResult:
        yield Static(id="text")

    @property
    def renderable(self) -> RenderableType:
        """What the pane shows."""
        return self.query_one("#text", Static).content  # type: ignore[return-value]

    def show(self, renderable: RenderableType) -> None:
        """Show ``renderable``, from its top."""
        self.query_one("#text", Static).update(renderable)
        self.scroll_home(animate=False)

    def scroll_by_key(self, how: str) -> None:
        """Scroll as a key asks: a page down or up, to the top or the bottom."""
        moves = {
            "page_down": self.scroll_page_down,
            "page_up": self.scroll_page_up,
            "home": self.scroll_home,
            "end": self.scroll_end,
        }
        moves[how](animate=False)
