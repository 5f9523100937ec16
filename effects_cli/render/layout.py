"""How text is laid out for the terminal: headings in even lines, and a column of
references with bodies that wrap beside them.

Rich fills each line greedily, which can leave the last word of a heading alone on
a line; `Balanced` evens them. `Columns` does what ``Table.grid`` would for two
columns, without importing the table machinery on every run.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text

GAP = "  "
"""Between a reference and its title, everywhere a reference leads a line."""


class Balanced:
    """A heading on one line when it fits, else in as few lines, as even as they can be,
    broken after a colon where one halves it well: never a word left alone on a line of
    its own, as wrapping to the full width leaves the last word of a subtitle a little
    too long for it.

    A ``tail`` (a count after a title: text and style) goes on the last line, with the
    last word: never alone on a line of its own either, where the two fit on one (on a
    line narrower than them, Rich breaks them apart as any two words).
    """

    def __init__(self, text: str, style: str, tail: tuple[str, str] | None = None) -> None:
        self.text = text
        self.style = style
        self.tail = tail

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        words = self.text.split(" ")
        if self.tail is not None:
            words[-1] += " " + self.tail[0]
        whole = " ".join(words)
        lines = [whole] if cell_len(whole) <= width else even_lines(words, width)
        for line in lines[:-1]:
            yield Text(line, style=self.style)
        last = lines[-1]
        if self.tail is None:
            yield Text(last, style=self.style)
        else:
            tail, tail_style = self.tail
            yield Text.assemble((last[: -len(tail) - 1], self.style), " ", (tail, tail_style))


def even_lines(words: list[str], width: int) -> list[str]:
    """``words`` in the fewest lines of at most ``width`` cells (a longer word has a line
    of its own, which the console folds), the longest as short as it can be; a break
    after a colon when that costs no extra line."""
    fewest = len(filled(words, width))
    for index, word in enumerate(words[:-1]):
        head, tail = " ".join(words[: index + 1]), " ".join(words[index + 1 :])
        if word.endswith(":") and fewest == 2 and max(cell_len(head), cell_len(tail)) <= width:
            return [head, tail]
    low, high = 1, width  # the narrowest width that needs no more lines
    while low < high:
        middle = (low + high) // 2
        low, high = (low, middle) if len(filled(words, middle)) <= fewest else (middle + 1, high)
    return filled(words, low)


def filled(words: list[str], width: int) -> list[str]:
    """``words`` filled greedily into lines of at most ``width`` cells."""
    lines: list[str] = []
    for word in words:
        if lines and cell_len(lines[-1]) + 1 + cell_len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


class Columns:
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
        if options.max_width - ref_width - len(GAP) < NARROWEST_BODY:
            yield from self._stacked(console, options)
            return
        body_width = options.max_width - ref_width - len(GAP)
        body_options = options.update(width=body_width, overflow="fold", no_wrap=False)
        blank = Segment(" " * (ref_width + len(GAP)))
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
                    yield Segment(GAP)
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


NARROWEST_BODY = 8
"""Below this many columns beside the references, bodies go under them instead."""
