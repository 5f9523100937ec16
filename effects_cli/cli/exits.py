"""What a failure becomes: the documented exit codes, and the line an error is told in.

Without Typer: the app (`effects_cli.cli.app`) and the fast path
(`effects_cli.warm.direct`) report the logic's errors in the same words.
"""

from __future__ import annotations

from enum import IntEnum

from effects_cli.cli.settings import MAX_BYTES_VARIABLE
from effects_cli.errors import EffectsError, GuideError, GuideProblems


class ExitCode(IntEnum):
    """The documented exit codes (the README lists them)."""

    OK = 0
    NOT_FOUND = 1
    """An unknown reference, or a search with no match."""
    USAGE = 2
    """A bad option, argument or value."""
    BAD_GUIDE = 3
    """The guide file cannot be read, parsed or understood."""
    CANNOT_WRITE = 4
    """The output cannot be written (a full disk, say)."""
    INTERRUPTED = 130
    """Ctrl-C."""
    CLOSED_PIPE = 141
    """The reader of a pipe went away (``effects read | true``): 128 + SIGPIPE, silently."""
    TERMINATED = 143
    """``effects browse`` ended by SIGTERM (``kill``): 128 + SIGTERM, the terminal given back."""


def report(error: EffectsError) -> ExitCode:
    """Tell ``error`` on stderr; a guide that cannot be read is exit 3, a cache that
    cannot be cleared or a file that cannot be written 4; everything else the logic
    raises means not found."""
    import shlex

    from effects_cli.cache import CacheError
    from effects_cli.cli.output import complain
    from effects_cli.errors import NotWritten

    message = told(error)
    if isinstance(error, GuideProblems) and len(error.problems) > 1:
        # A guide's first problem is told; `validate` tells them all.
        more = counted(len(error.problems) - 1, "more problem")
        message += f" (and {more}: effects validate {shlex.quote(error.source)} lists them all)"
    complain(message)
    if isinstance(error, GuideError):
        return ExitCode.BAD_GUIDE
    if isinstance(error, (CacheError, NotWritten)):
        return ExitCode.CANNOT_WRITE
    return ExitCode.NOT_FOUND


def unwritten(error: OSError) -> ExitCode:
    """Output that could not be written (a full disk, say; a closed pipe is handled where
    output is written): one line on stderr, and nothing more tried on stdout."""
    from effects_cli.cli.output import complain
    from effects_cli.cli.streams import silence_stdout

    complain(f"cannot write the output: {error.strerror or error}")
    silence_stdout()
    return ExitCode.CANNOT_WRITE


def told(error: Exception) -> str:
    """The line an error is told in: its own words, and for a guide over the size limit
    how to set another."""
    from effects_cli.errors import GuideTooLarge

    message = str(error)
    first = error.problems[0] if isinstance(error, GuideProblems) else error
    if isinstance(first, GuideTooLarge):
        message += f" ({MAX_BYTES_VARIABLE} sets another)"
    return message


def counted(count: int, noun: str) -> str:
    """``1 problem``, ``3 problems``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
