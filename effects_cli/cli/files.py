"""The commands about files: ``validate FILE`` checks a guide file; ``cache path`` and
``cache clear`` show and empty the cache's folder."""

from pathlib import Path
from typing import Annotated

import typer

from effects_cli.cli.options import App
from effects_cli.cli.output import complain, write
from effects_cli.errors import GuideError, GuideProblems
from effects_cli.escapes import visible


def validate(
    ctx: typer.Context,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The guide file to check.", show_default=False),
    ],
) -> None:
    """Check a guide file in the guide format, listing every problem found.

    A good guide gets a one-line summary; a broken one gets a line for each
    problem, with its line and column and the field it is in, and exit code 3.

    Examples:
      effects validate my-guide.yaml
      effects validate data/effects.yaml
    """
    from effects_cli.loader import MAX_BYTES, check_guide

    try:
        guide = check_guide(file, max_bytes=ctx.obj.source.max_bytes or MAX_BYTES)
    except GuideProblems as error:
        for problem in error.problems:
            complain(str(problem))
        raise GuideError(
            str(file), f"not a valid guide: {counted(len(error.problems), 'problem')}"
        ) from None
    points = sum(len(section.points) for section in guide.sections)
    write(
        f"{visible(str(file))}: a valid guide: {counted(len(guide.sections), 'section')},"
        f" {counted(points, 'sub-point')}\n"
    )


def counted(count: int, noun: str) -> str:
    """``1 problem``, ``3 problems``."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


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
