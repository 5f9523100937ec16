"""The search box and its hits: what ``/`` opens.

Every keystroke searches again, with the engine ``effects search`` uses
(`finder`), and lists the hits as ``effects search`` prints them: reference,
title and snippet, the matches marked. The panel tells the screen which hit is
chosen and which is opened; what that shows is the screen's business.
"""

from __future__ import annotations

from rich.console import RenderableType
from rich.padding import Padding
from rich.styled import Styled
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from effects_cli.browse import keys
from effects_cli.browse.finder import Finder, Found
from effects_cli.escapes import one_line
from effects_cli.render import heading, render_hits


class QueryBox(Input):
    """The search box: what is typed or pasted into it, without the characters a terminal
    would obey rather than draw (controls, C1, bidi overrides), which the box would send
    to the terminal as they are; a tab is a space."""

    def replace(self, text: str, start: int, end: int) -> None:
        super().replace(one_line(text), start, end)


class _AboutAHit(Message):
    """A message about hit ``index`` of ``found``: the search it was listed by, which may
    be older than the panel's own by the time the message arrives (keys typed fast)."""

    def __init__(self, found: Found, index: int) -> None:
        super().__init__()
        self.found = found
        self.index = index


class SearchPanel(Vertical):
    """A search box, a line that says what it found, and the hits, best first."""

    BINDINGS = keys.SEARCH
    DEFAULT_CSS = """
    SearchPanel > Input, SearchPanel > Input:focus {
        border: none; height: 1; padding: 0 1; background: $boost;
    }
    SearchPanel > #status { padding: 0 1; color: $text-muted; }
    SearchPanel > OptionList { border: none; height: 1fr; }
    /* NO_COLOR takes the backgrounds away: the box's cursor is shown reversed instead. */
    SearchPanel > Input:nocolor > .input--cursor { text-style: reverse; }
    """

    class Chosen(_AboutAHit):
        """Hit ``index`` of ``found`` is chosen (the reading pane may preview it)."""

    class Opened(_AboutAHit):
        """Hit ``index`` of ``found`` is to be opened, and the search closed."""

    class Closed(Message):
        """The search is closed without opening a hit; ``found`` is its last search."""

        def __init__(self, found: Found) -> None:
            super().__init__()
            self.found = found

    def __init__(self, finder: Finder, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._finder = finder
        self.found = Found("")
        """The last search, whose hits ``n`` and ``N`` go through once the panel is closed."""
        self._reversed: int | None = None
        """The hit shown reversed, on a monochrome screen."""

    def compose(self) -> ComposeResult:
        yield QueryBox(placeholder="search", id="query")
        yield Static(Text(self.found.status), id="status")
        hits = OptionList(id="hits")
        hits.can_focus = False  # what is typed goes on into the box; a click still opens
        yield hits

    def start(self) -> None:
        """Take what is typed: the last query stays, selected, so typing replaces it."""
        self.query_one(Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.found = self._finder.find(event.value)
        self.query_one("#status", Static).update(Text(self.found.status))
        hits = self.query_one(OptionList)
        hits.clear_options()
        self._reversed = None
        hits.add_options(Option(self._prompt(index)) for index in range(len(self.found.listed)))
        if self.found.listed:
            hits.highlighted = 0

    def _prompt(self, index: int, *, chosen: bool = False) -> RenderableType:
        """Hit ``index`` as effects search prints it (a related entry: its heading), with
        the blank line it leaves after a hit; ``chosen``, reversed."""
        if self.found.hits:
            listed = render_hits([self.found.hits[index]])
        else:
            listed = heading(self.found.related[index].ref, self.found.related[index].title)
        shown = Padding(listed, (0, 0, 1, 0))
        return Styled(shown, "reverse") if chosen else shown

    def _show_chosen(self, index: int) -> None:
        """On a monochrome screen, the chosen hit reversed: Textual shows the list's cursor
        as a background colour, which NO_COLOR takes away (and drops the reverse its CSS
        could ask for)."""
        if not self.app.no_color or index == self._reversed:
            return
        hits = self.query_one(OptionList)
        if self._reversed is not None:
            hits.replace_option_prompt_at_index(self._reversed, self._prompt(self._reversed))
        hits.replace_option_prompt_at_index(index, self._prompt(index, chosen=True))
        self._reversed = index

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_open()  # Enter, which the box takes as its submit

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if self._listed(event):
            self._show_chosen(event.option_index)
            self.post_message(self.Chosen(self.found, event.option_index))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self._listed(event):
            self.post_message(self.Opened(self.found, event.option_index))

    def _listed(self, event: OptionList.OptionMessage) -> bool:
        """Whether ``event`` is about a hit of the list as it is now: keys typed fast search
        again before the list's messages about the last search have arrived."""
        hits = self.query_one(OptionList)
        index = event.option_index
        return index < hits.option_count and hits.get_option_at_index(index) is event.option

    def action_choose(self, step: int) -> None:
        """Choose the next (1) or previous (-1) hit."""
        hits = self.query_one(OptionList)
        if step > 0:
            hits.action_cursor_down()
        else:
            hits.action_cursor_up()

    def action_open(self) -> None:
        """Open the chosen hit; with none, Enter does nothing."""
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self.post_message(self.Opened(self.found, index))

    def action_close(self) -> None:
        self.post_message(self.Closed(self.found))
