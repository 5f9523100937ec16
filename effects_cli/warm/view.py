"""Everything that shapes the bytes printed for an entry, as one key.

The full program keeps what it printed under this key (`effects_cli.warm.replay`)
and the fast path replays it only under the very same key, so the two can
never disagree: the guide file's state and the size limit it was read under,
the program's code, and the view — width, colour, whether stdout is a
terminal, its encoding, the theme. Any of them changed, and the key is another.
"""

from __future__ import annotations

import codecs
import os
import sys

from effects_cli import __version__
from effects_cli.cache import keys
from effects_cli.terminal import window_width

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping


def key(
    guide_file: str,
    max_bytes: int | None,
    styling: str,
    *,
    environ: Mapping[str, str],
    is_terminal: bool,
) -> tuple[Hashable, ...] | None:
    """The key of what is printed for ``guide_file`` in this view, or None when nothing
    may be kept for it (a guide that is not a regular file, say)."""
    from effects_cli.theme import UnknownTheme, chosen_theme

    stamp = keys.file_stamp(guide_file)  # type: ignore[arg-type]
    if stamp is None:
        return None
    try:
        theme = chosen_theme(environ)
    except UnknownTheme:  # an error to report: the full program's
        return None
    return (*stamp, keys.code_stamp(), max_bytes, *view(styling, theme, environ, is_terminal))


def view(
    styling: str, theme: str, environ: Mapping[str, str], is_terminal: bool
) -> tuple[Hashable, ...]:
    """The parts of the key that are the output's, not the guide's."""
    return (
        __version__,
        window_width(environ, is_terminal=is_terminal),
        styling,
        theme,
        is_terminal,
        encoding(sys.stdout),
    )


def encoding(stream: object) -> tuple[str, str]:
    """The encoding (its canonical name) and the error handling of a stream."""
    name = getattr(stream, "encoding", None) or "utf-8"
    try:
        name = codecs.lookup(name).name
    except LookupError:
        pass
    return name, getattr(stream, "errors", None) or "strict"


def stdout_is_terminal() -> bool:
    try:
        return os.isatty(sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        return False
