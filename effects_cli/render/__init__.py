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
from rich.text import Text
from rich.theme import Theme

from effects_cli.model import Entry, Guide, Point, Section
from effects_cli.render.layout import GAP, Balanced, Columns

if TYPE_CHECKING:
    from effects_cli.search.results import Hit

# Named styles: the console's theme (`rich_theme`) says what each looks like.
GUIDE_TITLE = "effects.guide_title"
SUBTITLE = "effects.subtitle"
HEADING = "effects.heading"
"""The headings of the whole guide's parts: Contents, Introduction, Conclusion."""
REF = "effects.ref"
TITLE = "effects.title"
SECTION_TITLE = "effects.section_title"
"""A section's heading is coloured whole, so it stands above its sub-points' headings."""
META = "effects.meta"
MATCH = "effects.match"
RULE = "effects.rule"
GUIDE_NAME = "effects.guide_name"
"""A guide's name where several guides are shown (``search --all``, ``effects guides``)."""


def rich_theme(name: str) -> Theme:
    """The Rich theme of the named styles, for the background ``name`` is for
    (`effects_cli.theme`)."""
    from effects_cli.theme import THEMES

    return Theme({f"effects.{role}": style for role, style in THEMES[name].items()})


Spans = Iterable[tuple[int, int]]


def heading(ref: str, title: str, title_spans: Spans = (), *, style: str = TITLE) -> Text:
    """``4.2  Title``: a reference and a title, matches highlighted."""
    return Text.assemble((ref, REF), GAP, _highlighted(title, title_spans, style))


def _heading_lines(ref: str, title: str, style: str = TITLE) -> RenderableType:
    """`heading` on a line when it fits, else its title in even lines beside the
    reference, each under the one before (a long sub-point on a narrow terminal)."""
    return Columns([(Text(ref, style=REF), Balanced(title, style))], refs_right=False)


def render_point(point: Point, section: Section) -> RenderableType:
    """A sub-point on its own: heading, the section it belongs to, its text."""
    return Group(
        _heading_lines(point.ref, point.title),
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
        _heading_lines(section.ref, section.title, SECTION_TITLE),
        Text(),
        Text(section.text),
    ]
    for point in section.points:
        parts += [Text(), _heading_lines(point.ref, point.title), Text(), Text(point.text)]
    return Group(*parts)


def render_guide(guide: Guide) -> RenderableType:
    """The whole guide in order: title, subtitle and a list of the sections, then the
    introduction, each section and the conclusion, each part under a rule and a heading."""
    from rich.rule import Rule

    contents = [(Text(s.ref, style=REF), Text(s.title, style=TITLE)) for s in guide.sections]
    parts = [*_header(guide), Text(), Text("Contents", style=HEADING), Columns(contents)]
    if guide.intro:
        parts += [Text(), Rule(style=RULE), Text("Introduction", style=HEADING), Text()]
        parts.append(Text(guide.intro))
    for section in guide.sections:
        parts += [Text(), Rule(style=RULE), render_section(section)]
    if guide.conclusion:
        parts += [Text(), Rule(style=RULE), Text("Conclusion", style=HEADING), Text()]
        parts.append(Text(guide.conclusion))
    return Group(*parts)


def render_contents(guide: Guide, *, tree: bool = False) -> RenderableType:
    """The table of contents for a terminal: the guide's title, then a section a row.

    ``tree`` adds each sub-point under its section.
    """
    return Group(*_header(guide), Text(), _Contents(guide, tree))


def _header(guide: Guide) -> list[RenderableType]:
    """The guide's title, and its subtitle when it has one, each wrapped in even lines."""
    header: list[RenderableType] = [Balanced(guide.title, GUIDE_TITLE)]
    if guide.subtitle:
        header.append(Balanced(guide.subtitle, SUBTITLE))
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
        title_width = max(cell_len(s.title) for s in sections)
        widest = title_width + max(len(_count(s)) for s in sections) + len(GAP)
        if self.tree:  # sub-point lines share the title column, without a count
            widest = max([widest, *(cell_len(line.plain) for line in _point_lines(self.guide))])
        aligned = max(cell_len(s.ref) for s in sections) + len(GAP) + widest <= options.max_width
        rows: list[tuple[Text | None, RenderableType]] = []
        point_ref_width = max(cell_len(point.ref) for point in self.guide.points())
        for section in sections:
            if aligned:
                title = Text(section.title, style=TITLE)
                title.pad_right(title_width - title.cell_len)
                body = Text.assemble(title, GAP, (_count(section), META))
                rows.append((Text(section.ref, style=REF), body))
            else:  # the count with the title's last word (where the two fit on a line)
                tail = f"({len(section.points)})", META
                rows.append((Text(section.ref, style=REF), Balanced(section.title, TITLE, tail)))
            if self.tree:  # in columns of their own, so that a long title wraps under itself
                rows += [
                    (None, Columns([_point_row(point)], refs_right=False, width=point_ref_width))
                    for point in section.points
                ]
        yield Columns(rows)


def _point_row(point: Point) -> tuple[Text, RenderableType]:
    return Text(point.ref, style=REF), Balanced(point.title, TITLE)


def _point_lines(guide: Guide) -> list[Text]:
    """Each sub-point's reference and title, the references padded to the widest so that
    every title starts in the same column (10.1 no further right than 9.1)."""
    width = max(cell_len(point.ref) for point in guide.points())
    return [
        Text.assemble((p.ref, REF), " " * (width - cell_len(p.ref)) + GAP, (p.title, TITLE))
        for p in guide.points()
    ]


def contents_lines(guide: Guide, *, tree: bool = False) -> Text:
    """The table of contents for a pipe: one line a section (and a sub-point), no header.

    Lines are never wrapped, so ``grep`` and ``cut`` see whole entries; print
    this with ``soft_wrap=True``.
    """
    ref_width = max(cell_len(section.ref) for section in guide.sections)
    title_width = max(cell_len(section.title) for section in guide.sections)
    lines: list[Text] = []
    points = iter(_point_lines(guide))
    for section in guide.sections:
        lines.append(
            Text.assemble(
                " " * (ref_width - cell_len(section.ref)),
                (section.ref, REF),
                GAP,
                (section.title, TITLE),
                " " * (title_width - cell_len(section.title)),
                GAP,
                (_count(section), META),
            )
        )
        if tree:
            lines += [Text(" " * ref_width + GAP) + next(points) for _ in section.points]
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
    return Columns(rows, refs_right=False)


def render_rows(rows: list[tuple[Text | None, Text]]) -> RenderableType:
    """Labels in a column, each with a body that wraps beside it (``effects guides``)."""
    return Columns(rows, refs_right=False)


def render_more(line: str) -> RenderableType:
    """A line under search results that says how many more there are, and how to see them."""
    return Group(Text(), Balanced(line, META))


def _highlighted(text: str, spans: Spans, style: str = "") -> Text:
    """``text`` in ``style``, with the spans in the match style on top."""
    result = Text(text, style=style)
    for start, end in spans:
        result.stylize(MATCH, start, end)
    return result


def _count(section: Section) -> str:
    count = len(section.points)
    return f"{count} point" if count == 1 else f"{count} points"
