"""The outline: every section and its sub-points, numbered as ``effects list --tree``
numbers them, each section folded or unfolded.

A guide of up to `UNFOLDED` entries opens with every section unfolded; a larger one
opens folded, each section's sub-points made when it is first unfolded (a guide of
11,000 entries took seconds to lay out whole, and is not read all at once).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from effects_cli.browse import keys
from effects_cli.model import Entry, Guide, Point, Section
from effects_cli.render import TITLE, heading

UNFOLDED = 500
"""The most entries a guide may have to open with every section unfolded."""
_GAP = 2
"""Between a reference and its title (`render.heading`)."""
_ARROW = 2
"""The fold arrow before a section's label, and its space."""


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
        unfolded = sum(1 + len(section.points) for section in guide.sections) <= UNFOLDED
        for section in guide.sections:
            label = heading(section.ref, section.title, style=TITLE)
            node = self.root.add(label, data=section, expand=unfolded)
            self._by_ref[section.ref] = node
            if unfolded:
                self._add_points(node)
        self.widest = max(
            cell_len(entry.ref) + _GAP + cell_len(entry.title) for entry in guide.entries()
        )
        """The width of the longest label, in cells."""

    def _add_points(self, node: TreeNode[Entry]) -> None:
        """Put the sub-points of the section ``node`` under it, unless they are there."""
        section = node.data
        if node.children or not isinstance(section, Section):
            return
        for point in section.points:
            label = heading(point.ref, point.title, style="")
            self._by_ref[point.ref] = node.add_leaf(label, data=point)

    def render_label(self, node: TreeNode[Entry], base_style: Style, style: Style) -> Text:
        """A label as `Tree` renders it, cut to the outline's width with an ellipsis (`Tree`
        would crop it, mid-word)."""
        label = super().render_label(node, base_style, style)
        room = self.scrollable_content_region.width
        room -= self.guide_depth if isinstance(node.data, Point) else 0
        if 0 < room < label.cell_len:
            label.truncate(room, overflow="ellipsis")
        return label

    def get_label_width(self, node: TreeNode[Entry]) -> int:
        """The width of a label and its fold arrow, without rendering it (as `Tree` does, for
        every line, each time the outline changes)."""
        return node.label.cell_len + (_ARROW if node.allow_expand else 0)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Entry]) -> None:
        self._add_points(event.node)  # a section first unfolded by a click on its arrow

    def on_mount(self) -> None:
        self.cursor_line = 0  # on section 1, which the reading pane shows first

    @property
    def entry(self) -> Entry | None:
        """The entry under the cursor."""
        node = self.cursor_node
        return None if node is None else node.data

    def go_to(self, entry: Entry) -> None:
        """Put the cursor on ``entry``, unfolding its section (and then only once the
        outline has its new lines)."""
        if isinstance(entry, Point):
            section = self._by_ref[str(entry.section)]
            if not section.is_expanded:
                self._add_points(section)
                section.expand()
                self.call_after_refresh(self.move_cursor, self._by_ref[entry.ref])
                return
        self.move_cursor(self._by_ref[entry.ref])

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
            self._add_points(node)
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])
