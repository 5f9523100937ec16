"""The commands about files: ``validate FILE...`` checks guide files; ``cache path`` and
``cache clear`` show and empty the cache's folder."""

from pathlib import Path
from typing import Annotated

import typer

from effects_cli.cli.exits import counted, told
from effects_cli.cli.options import App
from effects_cli.cli.output import complain, write
from effects_cli.errors import GuideError, GuideProblems, SomeInvalid
from effects_cli.escapes import visible


def validate(
    ctx: typer.Context,
    files: Annotated[
        list[str],
        typer.Argument(
            metavar="FILE...",
            help="Guide files to check; - reads one from standard input.",
            show_default=False,
        ),
    ],
) -> None:
    """Check guide files in the guide format, listing every problem found.

    A good guide gets a one-line summary on stdout; a broken one gets a line on stderr for
    each problem, with its file, line, column and field, then a count. The exit code is
    the worst of them: 3 when any file is not a valid guide.

    Examples:
      effects validate my-guide.yaml
      effects validate guides/*.yaml
      effects validate - < my-guide.yaml
    """
    from effects_cli.loader import MAX_BYTES

    limit = ctx.obj.source.max_bytes or MAX_BYTES
    invalid = 0
    for name in files:
        try:
            write(_checked(name, limit))
        except GuideError as error:
            if len(files) == 1:
                raise
            complain(told(error))
            invalid += 1
    if invalid:
        raise SomeInvalid(invalid, len(files))


def _checked(name: str, limit: int) -> str:
    """The summary of a valid guide file (``-``: standard input); every problem of another
    goes to stderr, and `GuideError` says how many there were."""
    import sys

    from effects_cli.loader import STDIN, check_guide

    shown = STDIN if name == "-" else name
    try:
        if name == "-":
            guide = check_guide(None, max_bytes=limit, stream=sys.stdin.buffer)
        else:
            guide = check_guide(Path(name), max_bytes=limit)
    except GuideProblems as error:
        for problem in error.problems:
            complain(str(problem))
        raise GuideError(
            shown, f"not a valid guide: {counted(len(error.problems), 'problem')}"
        ) from None
    points = sum(len(section.points) for section in guide.sections)
    return (
        f"{visible(shown)}: a valid guide: {counted(len(guide.sections), 'section')},"
        f" {counted(points, 'sub-point')}\n"
    )


cache_app = App(
    name="cache",
    help="Where parsed guides are kept between runs, and how to clear them.",
    epilog="Examples:\n  effects cache path\n  effects cache clear",
)


@cache_app.command("path")
def cache_path() -> None:
    """Print the cache folder (it may not exist yet).

    Examples:
      effects cache path
    """
    from effects_cli.cache import cache_folder

    write(f"{cache_folder()}\n")


@cache_app.command("clear")
def cache_clear() -> None:
    """Remove every cache file; the next run parses the guide afresh.

    Examples:
      effects cache clear
    """
    from effects_cli.cache import cache_folder, clear

    removed = clear()
    noun = "file" if removed == 1 else "files"
    write(f"Removed {removed} cache {noun} from {cache_folder()}\n")
