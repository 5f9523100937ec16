"""Every key of ``effects browse``, declared once.

Each widget takes its list as its ``BINDINGS``; the footer shows the bindings
marked ``show``, by their short description; the help screen (`help`) lists
every group with its longer tooltip. A key that does two jobs, as ``space`` and
``PageDown`` do, is one binding. The keys are those of ``less`` and other
terminal readers: ``/`` searches, ``n`` and ``N`` go through the hits, ``q`` quits,
``space`` and ``b`` page, ``g`` and ``G`` go to the top and the bottom.
"""

from __future__ import annotations

from textual.binding import Binding

READER = [
    Binding("slash", "search", "search", tooltip="Search as you type (Escape closes the search)"),
    Binding("n", "next_hit", "next", tooltip="Open the next hit of the last search"),
    Binding("N", "previous_hit", "previous hit", show=False, tooltip="Open the previous hit"),
    Binding("t", "tip", "tip", tooltip="Open a sub-point picked at random"),
    Binding(
        "tab", "switch_pane", "pane", tooltip="Go to the other pane (on a small screen: show it)"
    ),
    Binding(
        "space,pagedown",
        "scroll_text('page_down')",
        "page down",
        show=False,
        tooltip="Page down the text",
    ),
    Binding(
        "b,pageup", "scroll_text('page_up')", "page up", show=False, tooltip="Page up the text"
    ),
    Binding(
        "g,home", "scroll_text('home')", "top", show=False, tooltip="Go to the top of the text"
    ),
    Binding(
        "G,end", "scroll_text('end')", "bottom", show=False, tooltip="Go to the bottom of the text"
    ),
    Binding("question_mark", "help", "keys", tooltip="Show every key (this screen)"),
    Binding("q", "quit", "quit", tooltip="Quit"),
]
"""The reading screen's keys, wherever the focus is (but in the search box, which takes
what is typed)."""

QUIT = [Binding("ctrl+c", "quit", "quit", show=False, priority=True, tooltip="Quit, from anywhere")]
"""The app's own key, which works even while typing a search."""

OUTLINE = [
    Binding("down,j", "cursor_down", "next", show=False, tooltip="The next entry"),
    Binding("up,k", "cursor_up", "previous", show=False, tooltip="The previous entry"),
    Binding(
        "left,h",
        "fold",
        "fold",
        show=False,
        tooltip="Fold a section (from a sub-point: go to its section)",
    ),
    Binding(
        "right,l",
        "unfold",
        "unfold",
        show=False,
        tooltip="Unfold a section (unfolded: go to its first sub-point)",
    ),
    Binding(
        "enter",
        "screen.read",
        "read",
        show=False,
        tooltip="Read the entry (on a small screen: show the text)",
    ),
]
"""The outline's keys, when it has the focus."""

READING = [
    Binding("down,j", "scroll_down", "down", show=False, tooltip="Scroll the text down a line"),
    Binding("up,k", "scroll_up", "up", show=False, tooltip="Scroll the text up a line"),
    Binding(
        "escape",
        "screen.back",
        "outline",
        show=False,
        tooltip="Back to the outline",
    ),
]
"""The reading pane's keys, when it has the focus."""

SEARCH = [
    Binding("down", "choose(1)", "next", key_display="↓", tooltip="Choose the next hit"),
    Binding("up", "choose(-1)", "previous", key_display="↑", tooltip="Choose the previous hit"),
    Binding("enter", "open", "open", tooltip="Open the chosen hit"),
    Binding(
        "escape", "close", "close", tooltip="Close the search (n and N still go through its hits)"
    ),
]
"""The search box's keys; every other key types into it (``q`` and ``?`` too).

None is a priority binding: Textual runs those as a key arrives, ahead of the keys
before it still on their way to the box, so Down and Enter typed together would open
the hit before Down chose the next one. Enter reaches the panel as the box's own
submit (`searching.SearchPanel.on_input_submitted`)."""

HELP = [
    Binding("escape,q,question_mark", "close", "close", tooltip="Close this screen"),
]
"""The help screen's keys."""

GROUPS = [
    ("Anywhere", READER + QUIT),
    ("In the outline", OUTLINE),
    ("In the text", READING),
    ("While searching", SEARCH),
]
"""The help screen's headings, and the keys under each."""
