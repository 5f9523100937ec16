"""The line of main keys at the bottom of the screen, drawn with the first screen.

Textual's own footer fills itself in a few frames after the screen appears (it
recomposes once the bindings are known), which made the first whole screen
of ``effects browse`` a quarter of a second later; this bar is one line of
text, made from the same bindings (`keys`), whose keys' names can be clicked.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding
from textual.content import Content
from textual.widgets import Static

KEY = "bold $footer-key-foreground"
"""The style of a key, as Textual's footer shows one."""


class KeyBar(Static):
    """``/ search  t tip  ? keys  q quit``: the keys marked ``show``, each with its name."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1; padding: 0 1;
        background: $footer-background; color: $footer-description-foreground;
        link-style: none; link-color: $footer-description-foreground;
        link-style-hover: reverse; link-background-hover: $footer-background;
    }
    """

    def show_keys(self, bindings: Iterable[Binding], *, clickable: bool) -> None:
        """Show ``bindings``; with ``clickable``, a click on a key's name does what the key
        does (the screen's actions)."""
        parts: list[Content] = []
        for binding in bindings:
            key = binding.key_display or self.app.get_key_display(
                Binding(binding.key.split(",")[0], "")
            )
            name = Content(binding.description)
            if clickable:  # the name: a link's colour would take the key's
                name = name.stylize(f"@click=screen.{binding.action}")
            parts.append(Content.assemble((key, KEY), " ", name))
        self.update(Content("  ").join(parts))
