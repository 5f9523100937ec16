"""Rich renderables for people: the guide's sections, sub-points, search hits.

Functions here return renderables and never print; the CLI prints them on a
console it configured (width, colour). Text from the guide and from the user
always goes into `rich.text.Text` objects, never through markup, so that
``[bold]`` or ``[/]`` inside it is shown as typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

from effects_cli.model import Entry, Guide, Point, Section

if TYPE_CHECKING:
    from effects_cli.search.results import Hit

GUIDE_TITLE = "bold"
SUBTITLE = "italic"
REF = "bold cyan"
TITLE = "bold"
SECTION_TITLE = "bold cyan"
"""A section's heading is coloured whole, so it stands above its sub-points' headings."""
META = "dim"
GUIDE_NAME = "magenta"
"""A guide's name where several guides are shown (``search --all``, ``effects guides``)."""
MATCH = "bold yellow underline"
RULE = "cyan"

_GAP = "  "
"""Between a reference and its title, everywhere a reference leads a line."""

Spans = Iterable[tuple[int, int]]


def heading(ref: str, title: str, title_spans: Spans = (), *, style: str = TITLE) -> Text:
    """``4.2  Title``: a reference and a title, matches highlighted."""
    return Text.assemble((ref, REF), _GAP, _highlighted(title, title_spans, style))


def render_point(point: Point, section: Section) -> RenderableType:
    """A sub-point on its own: heading, the section it belongs to, its text."""
    return Group(
        heading(point.ref, point.title),
        Text(f"from section {section.ref}: {section.title}", style=META),
        Text(),
        Text(point.text),
    )


def render_entry(entry: Entry, section: Section) -> RenderableType:
    """A section or a sub-point (of ``section``), whichever a reference named."""
    return render_section(entry) if isinstance(entry, Section) else render_point(entry, section)


def render_section(section: Section) -> RenderableType:
    """A section in full: heading, opening text, then every sub-point with its text."""
    parts: list[RenderableType] = [
        heading(section.ref, section.title, style=SECTION_TITLE),
        Text(),
        Text(section.text),
    ]
    for point in section.points:
        parts += [Text(), heading(point.ref, point.title), Text(), Text(point.text)]
    return Group(*parts)


def render_guide(guide: Guide) -> RenderableType:
    """The whole guide in order, title to conclusion."""
    from rich.rule import Rule

    parts = _header(guide)
    if guide.intro:
        parts += [Text(), Text(guide.intro)]
    for section in guide.sections:
        parts += [Text(), Rule(style=RULE), render_section(section)]
    if guide.conclusion:
        parts += [Text(), Rule(style=RULE), Text(guide.conclusion)]
    return Group(*parts)


def render_contents(guide: Guide, *, tree: bool = False) -> RenderableType:
    """The table of contents for a terminal: the guide's title, then a section a row.

    ``tree`` adds each sub-point under its section.
    """
    return Group(*_header(guide), Text(), _Contents(guide, tree))


def _header(guide: Guide) -> list[RenderableType]:
    """The guide's title, and its subtitle when it has one."""
    header: list[RenderableType] = [Text(guide.title, style=GUIDE_TITLE)]
    if guide.subtitle:
        header.append(Text(guide.subtitle, style=SUBTITLE))
    return header


class _Contents:
    """Sections in aligned columns when they fit the width; when not, titles wrap under
    themselves with the sub-point count, as "(3)", run in after them, so a narrow
    terminal still gets whole words rather than a column of two-letter fragments."""

    def __init__(self, guide: Guide, tree: bool) -> None:
        self.guide = guide
        self.tree = tree

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        sections = self.guide.sections
        titles = [cell_len(s.title) for s in sections]
        if self.tree:  # sub-point headings share the title column
            titles += [cell_len(heading(p.ref, p.title).plain) for p in self.guide.points()]
        widest = (
            max(cell_len(s.ref) for s in sections)
            + max(titles)
            + max(len(_count(s)) for s in sections)
            + 2 * len(_GAP)
        )
        aligned = widest <= options.max_width
        rows: list[tuple[Text | None, Text]] = []
        title_width = max(titles)
        for section in sections:
            title = Text(section.title, style=TITLE)
            if aligned:
                title.pad_right(title_width - title.cell_len)
                body = Text.assemble(title, _GAP, (_count(section), META))
            else:
                body = Text.assemble(title, " ", (f"({len(section.points)})", META))
            rows.append((Text(section.ref, style=REF), body))
            if self.tree:
                rows += [(None, heading(point.ref, point.title)) for point in section.points]
        yield _Columns(rows)


class _Columns:
    """Rows of a reference, in a column of its own (right-aligned, or left with
    ``refs_right=False``), and a body that wraps beside it (folding a word longer than
    the line, so no text is ever cut).

    What ``Table.grid`` does for these two columns, without importing the table
    machinery on every run of the program.
    """

    def __init__(self, rows: list[tuple[Text | None, Text]], *, refs_right: bool = True) -> None:
        self.rows = rows
        self.refs_right = refs_right

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        ref_width = max((ref.cell_len for ref, _ in self.rows if ref is not None), default=0)
        if options.max_width - ref_width - len(_GAP) < _NARROWEST_BODY:
            yield from self._stacked(console, options)
            return
        body_width = options.max_width - ref_width - len(_GAP)
        body_options = options.update(width=body_width, overflow="fold", no_wrap=False)
        blank = Segment(" " * (ref_width + len(_GAP)))
        newline = Segment.line()
        for ref, body in self.rows:
            lines = console.render_lines(body, body_options, pad=False)
            for index, line in enumerate(lines):
                if index == 0 and ref is not None:
                    padding = Segment(" " * (ref_width - ref.cell_len))
                    shown = console.render_lines(
                        ref, options.update(width=ref.cell_len, no_wrap=True), pad=False
                    )[0]
                    yield from [padding, *shown] if self.refs_right else [*shown, padding]
                    yield Segment(_GAP)
                else:
                    yield blank
                yield from line
                yield newline

    def _stacked(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Too narrow for a column beside the references: each on its own line, above."""
        body_options = options.update(overflow="fold", no_wrap=False)
        for ref, body in self.rows:
            if ref is not None:
                yield from console.render(ref, body_options)
            yield from console.render(body, body_options)


_NARROWEST_BODY = 8
"""Below this many columns beside the references, bodies go under them instead."""


def contents_lines(guide: Guide, *, tree: bool = False) -> Text:
    """The table of contents for a pipe: one line a section (and a sub-point), no header.

    Lines are never wrapped, so ``grep`` and ``cut`` see whole entries; print
    this with ``soft_wrap=True``.
    """
    ref_width = max(cell_len(section.ref) for section in guide.sections)
    title_width = max(cell_len(section.title) for section in guide.sections)
    lines: list[Text] = []
    for section in guide.sections:
        lines.append(
            Text.assemble(
                " " * (ref_width - cell_len(section.ref)),
                (section.ref, REF),
                _GAP,
                (section.title, TITLE),
                " " * (title_width - cell_len(section.title)),
                _GAP,
                (_count(section), META),
            )
        )
        if tree:
            for point in section.points:
                lines.append(Text(" " * ref_width + _GAP) + heading(point.ref, point.title))
    return Text("\n").join(lines)


def render_hits(hits: list[Hit], labels: Iterable[str] | None = None) -> RenderableType:
    """Search results, best first: each hit's reference and title, and its snippet below;
    with ``labels``, each reference follows its label (the guide's name, ``night 1.1``)."""
    rows: list[tuple[Text | None, Text]] = []
    names = list(labels) if labels is not None else None
    for index, hit in enumerate(hits):
        if index:
            rows.append((None, Text()))
        ref = Text(hit.entry.ref, style=REF)
        if names is not None:
            ref = Text.assemble((names[index], GUIDE_NAME), " ", ref)
        rows.append((ref, _highlighted(hit.entry.title, hit.title_spans, TITLE)))
        rows.append((None, _highlighted(hit.snippet.text, hit.snippet.spans)))
    return _Columns(rows, refs_right=False)


def render_rows(rows: list[tuple[Text | None, Text]]) -> RenderableType:
    """Labels in a column, each with a body that wraps beside it (``effects guides``)."""
    return _Columns(rows, refs_right=False)


def render_more(shown: int, found: int) -> RenderableType:
    """A line under search results that says how many more there are, and how to see them."""
    return Text(f"\n{shown} of {found} hits shown; --limit {found} shows them all.", style=META)


def _highlighted(text: str, spans: Spans, style: str = "") -> Text:
    """``text`` in ``style``, with the spans in the match style on top."""
    result = Text(text, style=style)
    for start, end in spans:
        result.stylize(MATCH, start, end)
    return result


def _count(section: Section) -> str:
    count = len(section.points)
    return f"{count} point" if count == 1 else f"{count} points"
