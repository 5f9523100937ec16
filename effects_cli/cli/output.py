"""Everything that reaches stdout and stderr: one way to print a result, and the manners
of doing it (colour, width, pager, closed pipes, narrow encodings).

A command hands its result to `emit`, which prints it as JSON or for people;
messages go through `complain` (errors) and `note` (remarks). Nothing else in
the program writes to the streams.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from typing import TYPE_CHECKING, Any

from effects_cli.cli.results import Result, Shown, Target
from effects_cli.escapes import visible

if TYPE_CHECKING:
    from rich.console import Console

    from effects_cli.cli.options import Settings

PROG = "effects"
_STYLE_CODE = re.compile(r"\x1b\[[0-9;]*m")
_LINE_TAIL = re.compile(rf"(?:[ \t]|{_STYLE_CODE.pattern})+$", re.MULTILINE)


class ClosedPipe(Exception):
    """The reader of stdout went away (``effects read | true``): the run ends quietly."""


def emit(settings: Settings, result: Result, *, as_json: bool = False) -> None:
    """Print a command's result: as JSON for scripts, or laid out for people."""
    if as_json:
        _show(settings, json_text(result.json()), paged=False)
        return
    from effects_cli.terminal import styling

    is_terminal = stdout_is_terminal()
    target = Target(
        is_terminal=is_terminal,
        encoding=narrow_encoding(),
        width=window_width(),
        styling=styling(settings.color.value, os.environ, is_terminal).value,
        theme=settings.theme,
    )
    print_for_people(settings, result.for_people(target))


def print_for_people(settings: Settings, shown: Shown) -> None:
    """Lay ``shown`` out on a console the settings chose, without the blank space Rich
    leaves at the ends of lines, and write it, through the pager when it should be paged.

    Rich pads wrapped lines and table cells with spaces; in a file or a pipe
    they are noise (and show up in diffs), so each line loses them, escape
    codes that close a style kept in place.
    """
    if isinstance(shown.renderable, str):  # laid out already, without Rich
        _show(settings, shown.renderable, paged=shown.paged)
        return
    console = make_console(settings)
    with console.capture() as capture:
        console.print(shown.renderable, soft_wrap=shown.soft_wrap)
    _show(settings, _LINE_TAIL.sub(_without_blanks, capture.get()), paged=shown.paged)


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


def _without_blanks(tail: re.Match[str]) -> str:
    """The style codes of a line's tail, without the blanks between them."""
    return "".join(_STYLE_CODE.findall(tail.group()))


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
    """The width output for people is laid out at (`effects_cli.terminal.text_width`): of
    COLUMNS, or of the terminal of stdin, stdout or stderr (the first there is), as Rich
    looks for one."""
    from effects_cli.terminal import text_width

    columns = None
    for descriptor in (0, 1, 2):
        try:
            columns = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    return text_width(os.environ, columns, is_terminal=stdout_is_terminal())


def _colour_options(settings: Settings) -> dict[str, Any]:
    """Rich console options for what ``--color`` and the environment chose."""
    from effects_cli.terminal import Styling, styling

    chosen = styling(settings.color.value, os.environ, stdout_is_terminal())
    if chosen is Styling.NONE:
        return {"color_system": None, "force_terminal": False, "no_color": True}
    # Every style is one of the eight standard colours: "standard" is exact, and
    # unlike "auto" does not defer to Rich's own reading of TERM and FORCE_COLOR.
    return {
        "color_system": "standard",
        "force_terminal": True,
        "no_color": chosen is Styling.MONO,
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


def write(text: str) -> None:
    """Write all of ``text`` to stdout; a closed pipe raises `ClosedPipe`, which ends the
    run quietly.

    Where stdout is a file descriptor the bytes are written to it directly, each
    partial write continued and a full non-blocking pipe waited on: Python's own
    stream drops the rest of a short write when unbuffered (``PYTHONUNBUFFERED``)
    and data a non-blocking pipe refuses. A stdout that cannot encode the text
    (``PYTHONIOENCODING=ascii``, an old locale) gets plain punctuation and ``\\u``
    escapes for the rest: nothing lost. (Results put these in place before layout;
    this catches what Rich adds.)
    """
    tell_remarks()  # before the output, where a reader at a terminal sees them
    stream = sys.stdout
    try:
        descriptor = _descriptor(stream)
        if descriptor is None:
            try:
                stream.write(text)
            except UnicodeEncodeError:
                from effects_cli.encodable import encodable

                stream.write(encodable(text, stream.encoding or "ascii"))
            stream.flush()
        else:
            stream.flush()  # what Python holds goes first
            _write_all(descriptor, _encoded(text, stream))
    except BrokenPipeError:
        silence_stdout()
        raise ClosedPipe from None


def _descriptor(stream: Any) -> int | None:
    """The descriptor under ``stream`` on a POSIX system, or None (a test's capture)."""
    if os.name != "posix":
        return None
    try:
        return stream.fileno()
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return None


def _write_all(descriptor: int, data: bytes) -> None:
    """Every byte of ``data`` to ``descriptor``, however many writes and waits it takes."""
    import select

    view = memoryview(data)
    while view:
        try:
            view = view[os.write(descriptor, view) :]
        except BlockingIOError:  # a non-blocking pipe that is full: wait until it is not
            select.select([], [descriptor], [])


def complain(message: str) -> None:
    """One line on stderr, prefixed with the program's name, control characters made visible.

    Messages quote what people typed and paths they chose; neither may move the
    cursor, ring the bell or break the line.
    """
    tell_remarks()
    _to_stderr(f"{PROG}: {visible(' '.join(message.strip().splitlines()))}")


def note(message: str) -> None:
    """A line for the reader on stderr that is not an error: the output is still good."""
    tell_remarks()
    _to_stderr(visible(message))


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


def tell_remarks() -> None:
    """Print what the logic noted for the reader (`effects_cli.notices`), once each.

    Nothing is imported for it: a run that never loaded the module has told nothing.
    """
    notices = sys.modules.get("effects_cli.notices")
    if notices is None:
        return
    for remark in notices.take():
        _to_stderr(f"{PROG}: {visible(remark)}")


def _to_stderr(line: str) -> None:
    """One line on stderr. A stderr that cannot take it (a full disk, a reader gone) loses
    the line, never the output or the exit code: stderr is pointed at /dev/null, so that
    Python's last flush at exit does not fail again."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        _silence(sys.stderr)


def stdout_is_terminal() -> bool:
    """Whether stdout is a terminal (False for a replaced or closed one)."""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def narrow_encoding() -> str | None:
    """Stdout's encoding when it cannot hold every character (ASCII, Latin-1), else None."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return None if codecs.lookup(encoding).name.startswith("utf") else encoding
    except LookupError:
        return None


def identity(stream: Any) -> tuple[int, ...]:
    """What a stream is: the object, and the file its descriptor points at, if it has one."""
    try:
        status = os.fstat(stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):
        return (id(stream),)
    return (id(stream), status.st_dev, status.st_ino)


def silence_stdout() -> None:
    """Point stdout at /dev/null, so that the final flush at exit cannot fail again."""
    _silence(sys.stdout)


def _silence(stream: Any) -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
    except (AttributeError, OSError, ValueError, io.UnsupportedOperation):  # no descriptor
        pass


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
        page(_encoded(text, sys.stdout), command, os.environ, asked=asked)
    except PagerError as error:
        complain(f"{error}; printing instead")
        write(text)


def _too_tall(text: str) -> bool:
    """More lines than the terminal shows at once, with a line left for the prompt."""
    import shutil

    return text.count("\n") >= shutil.get_terminal_size().lines


def _encoded(text: str, stream: Any) -> bytes:
    """``text`` as bytes in the encoding (and error handling) of ``stream``; what it cannot
    hold as plain stand-ins and escapes (`effects_cli.encodable`)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return text.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError:
        from effects_cli.encodable import encodable

        return encodable(text, encoding).encode(encoding, errors="backslashreplace")
