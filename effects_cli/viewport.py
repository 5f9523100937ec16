"""How wide and how tall the output is: one answer for every way of printing it.

The full program lays text out with Rich at this width, and the fast path
(`effects_cli.warm`) replays what was laid out at a width only when its own
width is the same: both ask here, so they cannot disagree. Plain ``os`` only.
"""

from __future__ import annotations

import os

READING_WIDTH = 80
"""Prose is wrapped at most this wide on a wide terminal, unless COLUMNS says otherwise."""
NARROWEST, WIDEST = 10, 1000
"""Widths laid out as they are; COLUMNS=0 (no text at all) or 9999999 (lines that take
minutes) is taken as the nearest."""
_STREAMS = (0, 1, 2)
"""Where a terminal's size is looked for, as Rich looks: stdin, stdout, stderr."""

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping


def plain_number(value: str | None) -> int | None:
    """A ``COLUMNS`` or ``LINES`` value as a number, or None unless it is plain ASCII digits
    (``COLUMNS=abc`` and ``COLUMNS=²`` are as good as unset)."""
    if value is None:
        return None
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


def width(environ: Mapping[str, str]) -> int:
    """The width to lay text out at: ``COLUMNS`` when it is set, else the terminal's up to
    `READING_WIDTH`, else 80; always from `NARROWEST` to `WIDEST`."""
    columns = plain_number(environ.get("COLUMNS"))
    if columns is None:
        columns = min(_terminal_size()[0] or READING_WIDTH, READING_WIDTH)
    return min(max(columns, NARROWEST), WIDEST)


def height(environ: Mapping[str, str]) -> int:
    """How many lines the window shows: ``LINES`` when it is set, else the terminal's, else 24
    (what the pager decision compares a text's lines with)."""
    lines = plain_number(environ.get("LINES"))
    if lines is None or lines == 0:
        lines = _terminal_size(streams=(1,))[1] or 24
    return lines


def _terminal_size(streams: tuple[int, ...] = _STREAMS) -> tuple[int, int]:
    for descriptor in streams:
        try:
            size = os.get_terminal_size(descriptor)
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        return size.columns, size.lines
    return 0, 0
