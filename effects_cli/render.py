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
from rich.theme import Theme

from effects_cli.model import Entry, Guide, Point, Section

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


def rich_theme(name: str) -> Theme:
    """The Rich theme of the named styles, for the background ``name`` is for
    (`effects_cli.theme`)."""
    from effects_cli.theme import THEMES

    return Theme({f"effects.{role}": style for role, style in THEMES[name].items()})


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
    """The whole guide in order: title, subtitle and a list of the sections, then the
    introduction, each section and the conclusion, each part under a rule and a heading."""
    from rich.rule import Rule

    contents = [(Text(s.ref, style=REF), Text(s.title, style=TITLE)) for s in guide.sections]
    parts = [*_header(guide), Text(), Text("Contents", style=HEADING), _Columns(contents)]
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
    header: list[RenderableType] = [_Balanced(guide.title, GUIDE_TITLE)]
    if guide.subtitle:
        header.append(_Balanced(guide.subtitle, SUBTITLE))
    return header


class _Balanced:
    """A heading on one line when it fits, else in as few lines, as even as they can be,
    broken after a colon where one halves it well: never a word left alone on a line of
    its own, as wrapping to the full width leaves the last word of a subtitle a little
    too long for it."""

    def __init__(self, text: str, style: str) -> None:
        self.text = text
        self.style = style

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        words = self.text.split(" ")
        lines = [self.text]
        if cell_len(self.text) > width:
            lines = _even_lines(words, width)
        for line in lines:
            yield Text(line, style=self.style)


def _even_lines(words: list[str], width: int) -> list[str]:
    """``words`` in the fewest lines of at most ``width`` cells (a longer word has a line
    of its own, which the console folds), the longest as short as it can be; a break
    after a colon when that costs no extra line."""
    fewest = len(_filled(words, width))
    for index, word in enumerate(words[:-1]):
        head, tail = " ".join(words[: index + 1]), " ".join(words[index + 1 :])
        if word.endswith(":") and fewest == 2 and max(cell_len(head), cell_len(tail)) <= width:
            return [head, tail]
    low, high = 1, width  # the narrowest width that needs no more lines
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if len(_filled(words, middle)) <= fewest else (middle + 1, high)
    return _filled(words, low)


def _filled(words: list[str], width: int) -> list[str]:
    """``words`` filled greedily into lines of at most ``width`` cells."""
    lines: list[str] = []
    for word in words:
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


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
        widest = title_width + max(len(_count(s)) for s in sections) + len(_GAP)
        if self.tree:  # sub-point lines share the title column, without a count
            widest = max([widest, *(cell_len(line.plain) for line in _point_lines(self.guide))])
        aligned = max(cell_len(s.ref) for s in sections) + len(_GAP) + widest <= options.max_width
        rows: list[tuple[Text | None, RenderableType]] = []
        point_ref_width = max(cell_len(point.ref) for point in self.guide.points())
        for section in sections:
            title = Text(section.title, style=TITLE)
            if aligned:
                title.pad_right(title_width - title.cell_len)
                body = Text.assemble(title, _GAP, (_count(section), META))
            else:
                body = Text.assemble(title, " ", (f"({len(section.points)})", META))
            rows.append((Text(section.ref, style=REF), body))
            if self.tree:  # in columns of their own, so that a long title wraps under itself
                rows += [
                    (None, _Columns([_point_row(point)], refs_right=False, width=point_ref_width))
                    for point in section.points
                ]
        yield _Columns(rows)


def _point_row(point: Point) -> tuple[Text, Text]:
    return Text(point.ref, style=REF), Text(point.title, style=TITLE)


def _point_lines(guide: Guide) -> list[Text]:
    """Each sub-point's reference and title, the references padded to the widest so that
    every title starts in the same column (10.1 no further right than 9.1)."""
    width = max(cell_len(point.ref) for point in guide.points())
    return [
        Text.assemble((p.ref, REF), " " * (width - cell_len(p.ref)) + _GAP, (p.title, TITLE))
        for p in guide.points()
    ]


class _Columns:
    """Rows of a reference, in a column of its own (right-aligned, or left with
    ``refs_right=False``), and a body that wraps beside it (folding a word longer than
    the line, so no text is ever cut).

    What ``Table.grid`` does for these two columns, without importing the table
    machinery on every run of the program.
    """

    def __init__(
        self,
        rows: list[tuple[Text | None, RenderableType]],
        *,
        refs_right: bool = True,
        width: int = 0,
    ) -> None:
        self.rows = rows
        self.refs_right = refs_right
        self.width = width
        """The references' column is at least this wide."""

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        refs = [ref.cell_len for ref, _ in self.rows if ref is not None]
        ref_width = max([self.width, *refs])
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
    points = iter(_point_lines(guide))
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
            lines += [Text(" " * ref_width + _GAP) + next(points) for _ in section.points]
    return Text("\n").join(lines)


def render_hits(hits: list[Hit]) -> RenderableType:
    """Search results, best first: each hit's reference and title, and its snippet below."""
    rows: list[tuple[Text | None, Text]] = []
    for index, hit in enumerate(hits):
        if index:
            rows.append((None, Text()))
        rows.append(
            (Text(hit.entry.ref, style=REF), _highlighted(hit.entry.title, hit.title_spans, TITLE))
        )
        rows.append((None, _highlighted(hit.snippet.text, hit.snippet.spans)))
    return _Columns(rows, refs_right=False)


def render_more(line: str) -> RenderableType:
    """A line under search results that says how many more there are, and how to see them."""
    return Text(f"\n{line}", style=META)


def _highlighted(text: str, spans: Spans, style: str = "") -> Text:
    """``text`` in ``style``, with the spans in the match style on top."""
    result = Text(text, style=style)
    for start, end in spans:
        result.stylize(MATCH, start, end)
    return result


def _count(section: Section) -> str:
    count = len(section.points)
    return f"{count} point" if count == 1 else f"{count} points"
