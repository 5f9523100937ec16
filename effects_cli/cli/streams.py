"""The streams themselves: writing all of a text to stdout, one line to stderr, and what
a stream is (a terminal, its encoding).

Every byte reaches stdout or the exit code says it did not: a short write is
continued, a full non-blocking pipe waited on, a reader gone is `ClosedPipe`
(exit 141). A stderr that cannot be written loses the line, never the output
or the exit code.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from typing import Any

from effects_cli.escapes import visible

PROG = "effects"


class ClosedPipe(Exception):
    """The reader of stdout went away (``effects read | true``): the run ends quietly."""


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
            _write_all(descriptor, encoded(text, stream))
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


def to_stderr(line: str) -> None:
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


def encoded(text: str, stream: Any) -> bytes:
    """``text`` as bytes in the encoding (and error handling) of ``stream``; what it cannot
    hold as plain stand-ins and escapes (`effects_cli.encodable`)."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        return text.encode(encoding, getattr(stream, "errors", None) or "strict")
    except UnicodeEncodeError:
        from effects_cli.encodable import encodable

        return encodable(text, encoding).encode(encoding, errors="backslashreplace")


def tell_remarks() -> None:
    """Print what the logic noted for the reader (`effects_cli.notices`), once each.

    Nothing is imported for it: a run that never loaded the module has told nothing.
    """
    notices = sys.modules.get("effects_cli.notices")
    if notices is None:
        return
    for remark in notices.take():
        to_stderr(f"{PROG}: {visible(remark)}")
