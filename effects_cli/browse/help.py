"""The screen ``?`` opens: every key, grouped by where it works, from `keys`."""

from __future__ import annotations

from rich.console import Group
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
        """A heading for each group of keys, and a line for each key: its keys, what it does."""
        lines: list[Text] = []
        for heading, bindings in keys.GROUPS:
            if lines:
                lines.append(Text())
            lines.append(Text(heading, style="bold"))
            for binding in bindings:
                shown = Text(self.key_names(binding), style="bold")
                shown.pad_right(max(KEY_COLUMN - shown.cell_len, 1))
                lines.append(Text.assemble(shown, binding.tooltip or binding.description))
        return Group(*lines)

    def key_names(self, binding: Binding) -> str:
        """The keys of ``binding`` as a person reads them: ``space PgDn``, ``?``, ``^c``."""
        if binding.key_display:
            return binding.key_display
        names = (self.app.get_key_display(Binding(key, "")) for key in binding.key.split(","))
        return " ".join(names)

    def action_close(self) -> None:
        self.dismiss()
