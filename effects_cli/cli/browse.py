"""``effects browse``: the guide on a full screen, with an outline, search and a reading pane.

The screen itself is `effects_cli.browse`, built with Textual, which only this
command imports, and only once it knows that there is a terminal to draw on.
"""

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import typer

from effects_cli.cli.options import Settings


def browse(ctx: typer.Context) -> None:
    """Read on a full screen: an outline, search as you type, the text.

    Arrows or j/k move through the outline, / searches, n and N go through the
    hits, t opens a random tip, space and b page the text, ? shows every key and
    q quits. Needs a terminal: stdin and stdout both on one, and a TERM other
    than dumb.

    Examples:
      effects browse
      effects --guide my-guide.yaml browse
    """
    problem = missing_terminal(os.environ.get("TERM", ""), _isatty(sys.stdin), _isatty(sys.stdout))
    if problem:
        ctx.fail(f"browse needs a terminal: {problem}")
    settings: Settings = ctx.obj
    guide = settings.source.guide()  # a guide that cannot be read fails here, before the screen
    from effects_cli.browse.app import run
    from effects_cli.terminal import Styling, styling

    monochrome = styling(settings.color.value, os.environ, True) is not Styling.COLOUR
    with _drawing_on_the_terminal():
        code = run(settings.source, guide, monochrome=monochrome, styles=settings.theme)
    if code:
        raise typer.Exit(code)


def missing_terminal(term: str, stdin: bool, stdout: bool) -> str | None:
    """What stands between browse and a screen to draw on, or None when nothing does.

    Checked before Textual is imported: in a pipe it would draw into stderr and
    wait for keys that never come.
    """
    if not stdout:
        return "stdout is not one"
    if not stdin:
        return "stdin is not one"
    if term.strip().lower() == "dumb":
        return "TERM=dumb cannot draw a screen"
    return None


def _isatty(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError):  # closed, or replaced by something without it
        return False


@contextmanager
def _drawing_on_the_terminal() -> Iterator[None]:
    """Textual draws on stderr: when stderr is not the terminal (``2>log``), it is pointed
    at stdout's terminal for as long as the screen is up, and back after. Started with
    stderr closed (``2>&-``), Python has no stream for it, and Textual would draw
    nowhere and wait: one is made on the terminal, and closed after."""
    try:
        drawn_elsewhere = not os.isatty(2)
    except OSError:
        drawn_elsewhere = True
    if not drawn_elsewhere:
        yield
        return
    try:
        saved: int | None = os.dup(2)
    except OSError:  # stderr closed (2>&-): it is closed again after
        saved = None
    os.dup2(1, 2)
    made = None
    if sys.__stderr__ is None:
        made = open(2, "w", encoding=sys.stdout.encoding, closefd=False)  # noqa: SIM115
        sys.__stderr__ = sys.stderr = made  # type: ignore[misc]
    try:
        yield
    finally:
        if made is not None:
            made.close()
            sys.__stderr__ = sys.stderr = None  # type: ignore[misc,assignment]
        if saved is None:
            os.close(2)
        else:
            os.dup2(saved, 2)
            os.close(saved)
