"""The screen ``?`` opens: every key, grouped by where it works, from `keys`."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from effects_cli.browse import keys

KEY_COLUMN = 16
"""The width of the column of keys."""


class HelpScreen(ModalScreen[None]):
    """Every key of the reader, over it; any of Escape, ``q`` and ``?`` closes it."""

    BINDINGS = keys.HELP
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; padding: 0 1; background: $surface;
        overflow-x: hidden; scrollbar-size-vertical: 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll() as scroll:
            scroll.border_title = "Keys"
            scroll.border_subtitle = "Escape closes"
            yield Static(self.table())

    def table(self) -> Group:
        """A heading for each group of keys, and a row for each key: its keys, then what it
        does, wrapped beside them (not under them) on a narrow screen."""
        parts: list[RenderableType] = []
        for heading, bindings in keys.GROUPS:
            if parts:
                parts.append(Text())
            parts.append(Text(heading, style="bold"))
            rows = Table.grid(padding=(0, 1))
            rows.add_column(min_width=KEY_COLUMN - 1, no_wrap=True, style="bold")
            rows.add_column()
            for binding in bindings:
                rows.add_row(
                    Text(self.key_names(binding)), Text(binding.tooltip or binding.description)
                )
            parts.append(rows)
        return Group(*parts)

    def key_names(self, binding: Binding) -> str:
        """The keys of ``binding`` as a person reads them: ``space PgDn``, ``?``, ``^c``."""
        if binding.key_display:
            return binding.key_display
        names = (self.app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
        return " ".join(names)

    def action_close(self) -> None:
        self.dismiss()
