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

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[Content] = []

    def show_keys(self, bindings: Iterable[Binding], *, clickable: bool) -> None:
        """Show ``bindings``; with ``clickable``, a click on a key's name does what the key
        does (the screen's actions)."""
        self._parts = []
        for binding in bindings:
            key = binding.key_display or self.app.get_key_display(
                Binding(binding.key.split(",")[0], "")
            )
            name = Content(binding.description)
            if clickable:  # the name: a link's colour would take the key's
                name = name.stylize(f"@click=screen.{binding.action}")
            self._parts.append(Content.assemble((key, KEY), " ", name))
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        """All the keys if they fit, closer together if that makes them fit, else without
        those before the last two (``? keys`` and ``q quit``, which always stay)."""
        room = self.content_region.width or self.app.size.width - 2
        parts = list(self._parts)
        gap = Content(_GAP)
        while len(parts) > _KEPT and gap.join(parts).cell_length > room:
            if gap.plain == _GAP:
                gap = Content(" ")
            else:
                del parts[-_KEPT - 1]
        self.update(gap.join(parts))


_GAP = "  "
_KEPT = 2
"""The keys kept however narrow the bar: the last two, the help and quitting."""
