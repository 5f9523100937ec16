"""Terminal manners: whether to colour, and whether and how to page.

The decisions are pure functions of the user's choice, the environment and
whether stdout is a terminal, so that they can be tested table by table. `page`
runs the chosen pager; it is the one piece of I/O here and raises `PagerError`
rather than printing, so that the CLI decides what to tell the user.

Plain ``os``, no heavier module (not ``enum`` or ``typing``): the fast path
(`effects_cli.warm`) makes the same decisions, before anything else is loaded.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

DEFAULT_PAGER = ("less", "-FRX")
"""Quit if the text fits one screen, pass colours through, leave the text on screen."""
ASKED_PAGER = ("less", "-RX")
"""The default pager when ``--pager`` asked for one: open until the reader quits, even when
the text fits (``-F`` would quit at once)."""


class Styling:
    """How much of the styling reaches the output: one of these three words."""

    NONE = "none"
    """Plain text, no escape codes at all."""
    MONO = "mono"
    """Bold, italic and underline, but no colours (``NO_COLOR``)."""
    COLOUR = "colour"
    """Everything."""


def styling(choice: str, environ: Mapping[str, str], is_terminal: bool) -> str:
    """What ``--color auto|always|never`` comes to, first rule that applies winning.

    1. ``always`` colours and ``never`` leaves plain text, whatever else is set
       (a command-line option beats the environment).
    2. ``auto`` with ``NO_COLOR`` set (not empty): no colours; bold and underline
       stay where there would otherwise be styling.
    3. ``auto`` with ``FORCE_COLOR`` set (not empty): colour, even in a pipe or on a
       dumb terminal.
    4. ``auto`` with ``TERM=dumb``: plain text.
    5. ``auto``: colour on a terminal, plain text elsewhere.
    """
    if choice == "always":
        return Styling.COLOUR
    if choice == "never":
        return Styling.NONE
    forced = environ.get("FORCE_COLOR", "") != ""
    dumb = environ.get("TERM", "").strip().lower() == "dumb"
    styled = forced or (is_terminal and not dumb)
    if not styled:
        return Styling.NONE
    return Styling.MONO if environ.get("NO_COLOR", "") != "" else Styling.COLOUR


READING_WIDTH = 80
"""Prose is wrapped at most this wide on a wide terminal, unless COLUMNS says otherwise."""
WIDTHS = range(10, 1001)
"""Widths laid out as they are; COLUMNS=0 (no text at all) or 9999999 (lines that take
minutes) is taken as the nearest."""


def text_width(environ: Mapping[str, str], columns: int | None, *, is_terminal: bool) -> int:
    """How wide output for people is laid out: ``COLUMNS`` when it is a number, else the
    terminal's ``columns`` (80 when there is none, it says 0, or it is a dumb one), at
    most `READING_WIDTH`; always within `WIDTHS`."""
    given = environ.get("COLUMNS", "")
    if given.isascii() and given.isdigit():
        width = int(given)
    else:
        dumb = is_terminal and environ.get("TERM", "").lower() in ("dumb", "unknown")
        width = min(READING_WIDTH, 80 if dumb or not columns else columns)
    return min(max(width, WIDTHS.start), WIDTHS.stop - 1)


def window_width(environ: Mapping[str, str], *, is_terminal: bool) -> int:
    """The width output for people is laid out at (`text_width`): of COLUMNS, or of the
    terminal of stdin, stdout or stderr (the first there is), as Rich looks for one."""
    columns = None
    for descriptor in (0, 1, 2):
        try:
            columns = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    return text_width(environ, columns, is_terminal=is_terminal)


def window_height(environ: Mapping[str, str]) -> int:
    """How many lines the window shows: ``LINES`` when it is a number above 0, else the
    terminal's (stdout's), else 24, as `shutil.get_terminal_size` says."""
    given = environ.get("LINES", "")
    if given.isascii() and given.isdigit() and int(given) > 0:
        return int(given)
    try:
        return os.get_terminal_size(1).lines or 24
    except (AttributeError, ValueError, OSError):
        return 24


class PagerError(Exception):
    """A pager that cannot be started; the text has not been shown."""

    def __init__(self, command: str, reason: str) -> None:
        self.command = command
        self.reason = reason
        super().__init__(f"cannot start the pager {command!r} ({reason})")


def pager_command(environ: Mapping[str, str], *, asked: bool = False) -> list[str] | None:
    """The pager to run: ``$EFFECTS_PAGER``, else ``$PAGER``, else ``less -FRX`` (``less
    -RX`` when ``asked``: ``--pager``).

    The first of the two variables that is set decides, as a command line with
    shell quoting (``less -R``, ``"my pager" --flag``). Set to an empty value or
    to ``cat`` it means "do not page" (None), as it does for git.
    Raises `PagerError` for a value that cannot be split into words.
    """
    import shlex

    for name in ("EFFECTS_PAGER", "PAGER"):
        if name in environ:
            value = environ[name]
            try:
                words = shlex.split(value)
            except ValueError as error:
                raise PagerError(value, f"${name}: {error}") from None
            return None if not words or words == ["cat"] else words
    return list(ASKED_PAGER if asked else DEFAULT_PAGER)


def pager_environment(environ: Mapping[str, str], *, asked: bool = False) -> dict[str, str]:
    """The pager's environment: ``LESS=FRX`` unless the user chose their own, so that a
    bare ``PAGER=less`` still shows colours and quits on short text, as git does; ``RX``
    when ``asked`` (``--pager``), so that it stays open."""
    return {"LESS": "RX" if asked else "FRX", **environ}


def page(
    data: bytes, command: list[str], environ: Mapping[str, str], *, asked: bool = False
) -> None:
    """Send ``data`` through the pager ``command`` and wait for it to finish.

    A pager that quits before reading everything (``q`` in less) is not an
    error; Ctrl-C while it runs is the pager's business, not ours. Raises
    `PagerError` when the pager cannot be started at all, before any text went
    to it, so the caller can print the text instead.
    """
    import contextlib
    import signal
    import subprocess

    try:
        pager = subprocess.Popen(
            command, stdin=subprocess.PIPE, env=pager_environment(environ, asked=asked)
        )
    except OSError as error:
        raise PagerError(" ".join(command), error.strerror or str(error)) from None
    stdin = pager.stdin
    assert stdin is not None  # stdin=PIPE
    interrupt = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        # A pager that quits before reading everything closes the pipe: that is fine.
        with contextlib.suppress(BrokenPipeError):
            stdin.write(data)
        with contextlib.suppress(BrokenPipeError):
            stdin.close()
        pager.wait()
    finally:
        signal.signal(signal.SIGINT, interrupt)
