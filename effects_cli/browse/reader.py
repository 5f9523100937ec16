"""The reading screen: the outline (or the search) beside the reading pane, and what
each of the reader's keys does.

On a terminal narrower than `NARROW` columns one pane shows at a time, full width,
and Tab (or Enter, or opening a hit) switches between them.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Static, Tree

from effects_cli.browse import keys
from effects_cli.browse.finder import Finder, Found
from effects_cli.browse.keybar import KeyBar
from effects_cli.browse.marks import marked
from effects_cli.browse.outline import Outline
from effects_cli.browse.reading import ReadingPane
from effects_cli.model import Entry, Guide, Point
from effects_cli.render import render_entry

if TYPE_CHECKING:
    from effects_cli.browse.searching import SearchPanel

NARROW = 70
"""Below this many columns, one pane at a time."""
_OUTLINE_MARGIN = 6
"""Columns beside the outline's longest label: the tree's guides, the scroll bar, the rule."""
_WHILE_SEARCHING = {"search", "next_hit", "previous_hit", "tip", "help", "switch_pane", "quit"}
"""The reader's actions hidden from the footer while the search box takes what is typed."""


class Reader(Screen[None]):
    """The outline or the search on the left, the text on the right."""

    BINDINGS = keys.READER
    DEFAULT_CSS = """
    Reader #title {
        dock: top; height: 1; width: 100%; background: $panel; text-align: center;
        text-wrap: nowrap; text-overflow: ellipsis;
    }
    Reader #left { width: 45%; min-width: 24; border-right: vkey $foreground 20%; }
    Reader Outline { overflow-x: hidden; }
    Reader.-searching #left { width: 50%; max-width: 80; }
    Reader #search, Reader.-searching #outline { display: none; }
    Reader.-searching #search { display: block; }
    Reader #reading { padding: 0 1; }
    Reader #note { padding: 0 1; background: $boost; color: $text-muted; }
    Reader Outline, Reader ReadingPane, Reader OptionList {
        scrollbar-size-vertical: 1; scrollbar-gutter: stable;
    }
    Reader.-narrow #left { width: 100%; max-width: 100%; }
    Reader.-narrow #left { border-right: none; }
    Reader.-narrow #right, Reader.-narrow.-text #left { display: none; }
    Reader.-narrow.-text #right { display: block; }
    """

    def __init__(self, guide: Guide, finder: Finder) -> None:
        super().__init__()
        self.guide = guide
        self.finder = finder
        self.shown: Entry = guide.sections[0]
        """The entry in the reading pane."""
        self._before_search: Entry = self.shown
        self.found = Found("")
        """The last search closed, whose hits ``n`` and ``N`` go through."""
        self._hit = -1
        """The last hit opened, of the last search (-1: none yet)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.guide.title), id="title")
        outline = Outline(self.guide, id="outline")
        with Horizontal():
            with Vertical(id="left"):
                yield outline
            with Vertical(id="right"):
                yield ReadingPane(id="reading")
                yield Static(id="note")
        yield KeyBar()

    @property
    def outline(self) -> Outline:
        return self.query_one(Outline)

    @property
    def reading(self) -> ReadingPane:
        return self.query_one(ReadingPane)

    @property
    def search(self) -> SearchPanel | None:
        """The search, once ``/`` has opened it (it is made then: a first screen without
        it appears sooner)."""
        panels = self.query("#search")
        return panels.first() if panels else None  # type: ignore[return-value]

    @property
    def narrow(self) -> bool:
        return self.has_class("-narrow")

    def on_mount(self) -> None:
        self.set_class(self.app.size.width < NARROW, "-narrow")  # laid out once, not twice
        self._fit_left()
        self.show(self.shown)
        self.outline.focus()
        self._show_keys()
        # The index loads while the first screen is read, so the first search needs no wait.
        self.call_after_refresh(self.run_worker, self.finder.prepare, thread=True, group="index")

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < NARROW, "-narrow")
        self._fit_left()
        self._focus_shown_pane()

    # --- what the reading pane shows ---------------------------------------------------------

    def show(self, entry: Entry, *, marks: frozenset[str] = frozenset(), note: str = "") -> None:
        """Show ``entry`` as ``effects show`` renders it, ``marks`` marked."""
        section = self.guide.section_of(entry) if isinstance(entry, Point) else entry
        self.reading.show(marked(render_entry(entry, section), marks))
        self.shown = entry
        status = self.query_one("#note", Static)
        status.update(Text(note))
        status.display = bool(note)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Entry]) -> None:
        """The cursor moved in the outline: show its entry (unless it moved on since, or
        was put there to follow what the reading pane shows already)."""
        entry = event.node.data
        if event.node is self.outline.cursor_node and entry is not None and entry != self.shown:
            self.show(entry)

    def open_hit(self, found: Found, index: int, *, preview: bool = False) -> None:
        """Show hit ``index`` of ``found`` with its matches marked, and put the outline on
        it (unless only previewed while the search is open)."""
        entry = self.guide.lookup(found.listed[index].ref)  # the entry on the screen
        note = f"{found.noun} {index + 1} of {len(found.listed)}"
        if not preview:
            note += f" for {found.query.strip()}: n next, N previous"
        self.show(entry, marks=found.marks, note=note)
        if not preview:
            self.outline.go_to(entry)

    # --- the panes ---------------------------------------------------------------------------

    def _fit_left(self) -> None:
        """The outline beside the text no wider than its longest line needs (the CSS keeps
        it to 45%); the search, and a small screen's one pane, as wide as the CSS says."""
        widest = self.outline.widest + _OUTLINE_MARGIN
        beside = not (self.narrow or self.has_class("-searching"))
        self.query_one("#left").styles.max_width = widest if beside else None

    def _show_text(self, shown: bool) -> None:
        """On a small screen, show the text (True) or the outline; focus what shows."""
        self.set_class(shown, "-text")
        self._focus_shown_pane()

    def _focus_shown_pane(self) -> None:
        if self.narrow and not self.has_class("-searching"):
            (self.reading if self.has_class("-text") else self.outline).focus()

    def action_read(self) -> None:
        """Enter in the outline: read the entry (on a small screen, show the text)."""
        if self.narrow:
            self._show_text(True)
        else:
            self.reading.focus()

    def action_back(self) -> None:
        """Escape in the text: back to the outline (or, while a search is open, clicked
        away from, the search closed, as Escape in its box closes it)."""
        if self.search is not None and self.has_class("-searching"):
            self.search.action_close()
        elif self.narrow:
            self._show_text(False)
        else:
            self.outline.focus()

    def action_switch_pane(self) -> None:
        if self.narrow:
            self._show_text(not self.has_class("-text"))
        elif self.reading.has_focus:
            self.outline.focus()
        else:
            self.reading.focus()

    def action_scroll_text(self, how: str) -> None:
        self.reading.scroll_by_key(how)

    # --- search ------------------------------------------------------------------------------

    async def action_search(self) -> None:
        if self.search is None:
            from effects_cli.browse.searching import SearchPanel

            await self.query_one("#left").mount(SearchPanel(self.finder, id="search"))
        assert self.search is not None
        if not self.has_class("-searching"):  # else: back to the box, clicked away from
            self._before_search = self.shown
        self.add_class("-searching")
        self.remove_class("-text")
        self._fit_left()
        self.search.start()
        self._show_keys()

    def _end_search(self) -> None:
        self.remove_class("-searching")
        self._fit_left()
        self.outline.focus()
        self._show_keys()

    def on_search_panel_chosen(self, event: SearchPanel.Chosen) -> None:
        """A hit chosen in the list: previewed in the reading pane (unless the list has
        changed since, by keys typed after)."""
        if self.search is not None and event.found is self.search.found:
            self.open_hit(event.found, event.index, preview=True)

    def on_search_panel_opened(self, event: SearchPanel.Opened) -> None:
        self.found, self._hit = event.found, event.index
        self._end_search()
        self.open_hit(event.found, event.index)
        if self.narrow:
            self._show_text(True)

    def on_search_panel_closed(self, event: SearchPanel.Closed) -> None:
        self.found, self._hit = event.found, -1
        self._end_search()
        self.show(self._before_search)
        self.outline.go_to(self._before_search)

    def action_next_hit(self) -> None:
        self._step_hit(1)

    def action_previous_hit(self) -> None:
        self._step_hit(-1)

    def _step_hit(self, step: int) -> None:
        """Open the next or previous hit of the last search, round from the end."""
        found = self.found
        if not found.listed:
            return
        if self._hit < 0 and step < 0:
            self._hit = 0
        self._hit = (self._hit + step) % len(found.listed)
        self.open_hit(found, self._hit)
        if self.narrow:
            self._show_text(True)

    # --- the rest ----------------------------------------------------------------------------

    def action_tip(self) -> None:
        """A sub-point picked at random, as ``effects tip`` picks one."""
        point = random.Random().choice(tuple(self.guide.points()))
        self.show(point, note="a random tip: t for another")
        self.outline.go_to(point)
        if self.narrow:
            self._show_text(True)

    def action_quit(self) -> None:
        self.app.exit()

    def action_help(self) -> None:
        from effects_cli.browse.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def _typing(self) -> bool:
        """Whether the search box has the focus, and so takes the keys typed."""
        return self.search is not None and self.search.query_one("#query").has_focus

    def _show_keys(self) -> None:
        """The key bar: the search's keys while it is open, else the reader's it offers."""
        if self.has_class("-searching"):
            self.query_one(KeyBar).show_keys(
                (binding for binding in keys.SEARCH if binding.show), clickable=False
            )
            return
        offered = (
            binding
            for binding in keys.READER
            if binding.show and self.check_action(binding.action, ())
        )
        self.query_one(KeyBar).show_keys(offered, clickable=True)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a search takes what is typed, the keys that would type into it are not
        offered in the footer; ``n`` and ``N`` are offered once a search found hits."""
        if self.has_class("-searching") and action in _WHILE_SEARCHING:
            # ``/`` takes the focus back to the box once a click has taken it away.
            return action == "search" and not self._typing()
        if action in ("next_hit", "previous_hit"):
            return bool(self.found.listed)  # offered once a search found something
        return True
