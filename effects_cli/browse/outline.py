"""The outline: every section and its sub-points, numbered as ``effects list --tree``
numbers them, each section folded or unfolded."""

from __future__ import annotations

from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from effects_cli.browse import keys
from effects_cli.model import Entry, Guide, Point, Section
from effects_cli.render import TITLE, heading


class Outline(Tree[Entry], inherit_bindings=False):
    """The guide's entries in order; the one under the cursor is the one being read.

    Labels are `rich.text.Text` built by `render.heading`, never markup (`Tree` reads a
    plain string label as markup), from guide text that is already defused.
    """

    BINDINGS = keys.OUTLINE

    def __init__(self, guide: Guide, *, id: str | None = None) -> None:
        super().__init__(heading("", guide.title), id=id)
        self.show_root = False
        self.auto_expand = False  # a click reads an entry; the arrow beside it folds
        self._by_ref: dict[str, TreeNode[Entry]] = {}
        for section in guide.sections:
            node = self.root.add(
                heading(section.ref, section.title, style=TITLE), data=section, expand=True
            )
            self._by_ref[section.ref] = node
            for point in section.points:
                self._by_ref[point.ref] = node.add_leaf(
                    heading(point.ref, point.title, style=""), data=point
                )

    def on_mount(self) -> None:
        self.cursor_line = 0  # on section 1, which the reading pane shows first

    @property
    def widest(self) -> int:
        """The width of the longest label, in cells."""
        return max(node.label.cell_len for node in self._by_ref.values())

    @property
    def entry(self) -> Entry | None:
        """The entry under the cursor."""
        node = self.cursor_node
        return None if node is None else node.data

    def go_to(self, entry: Entry) -> None:
        """Put the cursor on ``entry``, unfolding its section."""
        node = self._by_ref[entry.ref]
        if node.parent is not None and node.parent is not self.root:
            node.parent.expand()
        self.call_after_refresh(self.move_cursor, node)

    def action_fold(self) -> None:
        """Fold the section under the cursor; from a sub-point, go to its section."""
        node = self.cursor_node
        if node is None:
            return
        if isinstance(node.data, Point) and node.parent is not None:
            self.move_cursor(node.parent)
        elif node.is_expanded:
            node.collapse()

    def action_unfold(self) -> None:
        """Unfold the section under the cursor; unfolded, go to its first sub-point."""
        node = self.cursor_node
        if node is None or not isinstance(node.data, Section):
            return
        if not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])
