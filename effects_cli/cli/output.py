"""Everything that reaches stdout and stderr: one way to print a result, and the manners
of doing it (colour, width, pager, closed pipes, narrow encodings).

A command hands its result to `emit`, which prints it as JSON or for people;
messages go through `complain` (errors) and `note` (remarks). Nothing else in
the program writes to the streams.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING, Any

from effects_cli.cli.results import Result, Shown, Target
from effects_cli.cli.streams import (
    PROG,
    encoded,
    narrow_encoding,
    stdout_is_terminal,
    tell_remarks,
    to_stderr,
    write,
)
from effects_cli.escapes import visible

if TYPE_CHECKING:
    from rich.console import Console

    from effects_cli.cli.options import Settings
    from effects_cli.cli.results import Kept

_STYLE_CODE = re.compile(r"\x1b\[[0-9;]*m")


def emit(
    settings: Settings, result: Result, *, as_json: bool = False, keep: Kept | None = None
) -> None:
    """Print a command's result: as JSON for scripts, or laid out for people. ``keep``
    names the view (and its guide) under which the fast path may print it again
    (`effects_cli.warm`): what is printed is kept."""
    if as_json:
        _show(settings, json_text(result.json()), paged=False)
        return
    target = people_target(settings)
    text = layout(settings, result.for_people(target))
    _show(settings, text.text, paged=text.paged)
    if keep is not None and settings.source.use_cache:
        from effects_cli.warm.keeper import keep_view

        def printed(result: Result) -> bytes:
            return encoded(layout(settings, result.for_people(target)).text, sys.stdout)

        keep_view(settings, target, keep, encoded(text.text, sys.stdout), printed)


def people_target(settings: Settings) -> Target:
    """Where output for people goes, and how it looks there."""
    from effects_cli.terminal import styling

    is_terminal = stdout_is_terminal()
    return Target(
        is_terminal=is_terminal,
        encoding=narrow_encoding(),
        width=window_width(),
        styling=styling(settings.color.value, os.environ, is_terminal),
        theme=settings.theme,
    )


def print_for_people(settings: Settings, shown: Shown) -> None:
    """Lay ``shown`` out (`layout`) and write it, through the pager when it should be paged."""
    text = layout(settings, shown)
    _show(settings, text.text, paged=text.paged)


class Laid:
    """Text laid out for people, and whether it is always paged (a pair, as cheap as one)."""

    __slots__ = ("paged", "text")

    def __init__(self, text: str, paged: bool) -> None:
        self.text = text
        self.paged = paged


def layout(settings: Settings, shown: Shown) -> Laid:
    """``shown`` laid out on a console the settings chose, without the blank space Rich
    leaves at the ends of lines.

    Rich pads wrapped lines and table cells with spaces; in a file or a pipe
    they are noise (and show up in diffs), so each line loses them, escape
    codes that close a style kept in place.
    """
    if isinstance(shown.renderable, str):  # laid out already, without Rich
        return Laid(shown.renderable, shown.paged)
    console = make_console(settings)
    with console.capture() as capture:
        console.print(shown.renderable, soft_wrap=shown.soft_wrap)
    return Laid("\n".join(map(_without_blank_tail, capture.get().split("\n"))), shown.paged)


def print_text(settings: Settings, text: str) -> None:
    """Write text already laid out (help), through the pager when it is taller than the
    window."""
    _show(settings, text, paged=False)


def _show(settings: Settings, text: str, *, paged: bool) -> None:
    """Write ``text``, through the pager when it should be paged."""
    if _should_page(settings, text, paged):
        _page(text, asked=settings.pager is True)
    else:
        write(text)


def _without_blank_tail(line: str) -> str:
    """A line without the blanks Rich pads it with, the style codes among them kept.

    Read back from the end, a code at a time: a regular expression anchored at the
    line's end would try again from each blank of a long run (a 20,000-character title
    padded a pipe's list for minutes).
    """
    codes: list[str] = []
    while True:
        line = line.rstrip(" \t")
        if not line.endswith("m"):
            break
        start = line.rfind("\x1b[")
        if start < 0 or not _STYLE_CODE.fullmatch(line, start):
            break
        codes.append(line[start:])
        line = line[:start]
    return line + "".join(reversed(codes))


def make_console(settings: Settings) -> Console:
    """A console built now, so that COLUMNS, NO_COLOR and test capture all apply."""
    from rich.console import Console

    from effects_cli.render import rich_theme

    return Console(
        highlight=False,
        emoji=False,
        markup=False,
        width=window_width(),
        theme=rich_theme(settings.theme),
        **_colour_options(settings),
    )


def window_width() -> int:
    """The width output for people is laid out at (`effects_cli.terminal.window_width`)."""
    from effects_cli.terminal import window_width

    return window_width(os.environ, is_terminal=stdout_is_terminal())


def _colour_options(settings: Settings) -> dict[str, Any]:
    """Rich console options for what ``--color`` and the environment chose."""
    from effects_cli.terminal import Styling, styling

    chosen = styling(settings.color.value, os.environ, stdout_is_terminal())
    if chosen == Styling.NONE:
        return {"color_system": None, "force_terminal": False, "no_color": True}
    # Every style is one of the eight standard colours: "standard" is exact, and
    # unlike "auto" does not defer to Rich's own reading of TERM and FORCE_COLOR.
    return {
        "color_system": "standard",
        "force_terminal": True,
        "no_color": chosen == Styling.MONO,
    }


def json_text(data: Any) -> str:
    """JSON as UTF-8 text; as ``\\u`` escapes (the same data) where stdout cannot take UTF-8."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, ensure_ascii=True, indent=2)
    return text + "\n"


def complain(message: str) -> None:
    """One line on stderr, prefixed with the program's name, control characters made visible.

    Messages quote what people typed and paths they chose; neither may move the
    cursor, ring the bell or break the line.
    """
    tell_remarks()
    to_stderr(f"{PROG}: {visible(' '.join(message.strip().splitlines()))}")


def note(message: str) -> None:
    """A line for the reader on stderr that is not an error: the output is still good."""
    tell_remarks()
    to_stderr(visible(message))


_PIECE = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|\([^()\n]*\)|\S+")
"""What a message quotes or lists, or a word of it."""
QUOTE_LIMIT = 60
"""What a message shows of a typed value, in characters."""


def shortened(message: str) -> str:
    """``message`` with each quoted value, list in parentheses and word of over 60
    characters cut to 60 with an ellipsis: a pasted page must not become a message."""

    def cut(found: re.Match[str]) -> str:
        piece = found.group()
        if piece[0] in "'\"(" and len(piece) > 1:  # keep the closing quote or bracket
            inside = piece[1:-1]
            if len(inside) <= QUOTE_LIMIT:
                return piece
            return piece[0] + inside[: QUOTE_LIMIT - 1] + "\u2026" + piece[-1]
        return piece if len(piece) <= QUOTE_LIMIT else piece[: QUOTE_LIMIT - 1] + "\u2026"

    return _PIECE.sub(cut, message)


# --- the pager -------------------------------------------------------------------------


def _should_page(settings: Settings, text: str, paged: bool) -> bool:
    """Only a terminal gets a pager: with ``--pager``, for what is always paged (``read``),
    or when the text is taller than the window; never with ``--no-pager``."""
    if settings.pager is False or not stdout_is_terminal():
        return False
    return paged or bool(settings.pager) or _too_tall(text)


def _page(text: str, *, asked: bool) -> None:
    """Show ``text`` in the pager (one that stays open when ``--pager`` ``asked`` for it); a
    pager that cannot be started costs one line on stderr, and the text is printed instead."""
    from effects_cli.terminal import PagerError, page, pager_command

    tell_remarks()
    try:
        command = pager_command(os.environ, asked=asked)
        if command is None:
            write(text)
            return
        page(encoded(text, sys.stdout), command, os.environ, asked=asked)
    except PagerError as error:
        complain(f"{error}; printing instead")
        write(text)


def _too_tall(text: str) -> bool:
    """More lines than the terminal shows at once, with a line left for the prompt."""
    from effects_cli.terminal import window_height

    return text.count("\n") >= window_height(os.environ)
