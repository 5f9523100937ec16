"""The commands that show the guide: ``list``, ``show REF``, ``tip`` and ``read``.

Each reads the guide its settings name and hands one result to `output.emit`.
"""

from typing import TYPE_CHECKING, Annotated

import typer

from effects_cli.cli.options import (
    LARGEST,
    JsonFlag,
    complete_reference,
    section_option,
    whole_number,
)
from effects_cli.cli.output import emit
from effects_cli.cli.results import Contents, EntryView, ShortTip, WholeGuide
from effects_cli.model import Point
from effects_cli.warm.keeper import Kept

if TYPE_CHECKING:
    from datetime import date


def list_sections(
    ctx: typer.Context,
    tree: Annotated[
        bool, typer.Option("--tree", "-t", help="Show each section's sub-points too.")
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """List the sections, with how many sub-points each has.

    In a pipe, one section a line, for grep and cut.

    Examples:
      effects list
      effects list --tree
    """
    guide = ctx.obj.source.guide()
    kept = Kept("list-tree" if tree else "list", guide)
    emit(ctx.obj, Contents(guide, tree=tree), as_json=as_json, keep=kept)


def show(
    ctx: typer.Context,
    ref: Annotated[
        str,
        typer.Argument(
            metavar="REF",
            help="A section (4) or a sub-point (4.2).",
            show_default=False,
            autocompletion=complete_reference,
        ),
    ],
    as_json: JsonFlag = False,
) -> None:
    """Show a section with all its sub-points, or one sub-point.

    Examples:
      effects show 4
      effects show 4.2 --json
    """
    guide = ctx.obj.source.guide()
    entry = guide.lookup(ref)
    section = guide.section_of(entry) if isinstance(entry, Point) else entry
    emit(ctx.obj, EntryView(entry, section), as_json=as_json, keep=Kept(f"show:{entry.ref}", guide))


def tip(
    ctx: typer.Context,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed",
            metavar="N",
            parser=whole_number(-LARGEST - 1),
            help="Pick reproducibly: the same N, the same tip.",
        ),
    ] = None,
    section: Annotated[int | None, section_option("Pick from section N only.")] = None,
    daily: Annotated[
        bool,
        typer.Option("--daily", help="The tip of the day: the same all day, another tomorrow."),
    ] = False,
    short: Annotated[
        bool,
        typer.Option(
            "--short",
            help="Two lines: the reference and title, and the first sentence, cut to fit.",
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """Show one sub-point picked at random.

    --short fits it in two lines, for a shell's start-up file.

    Examples:
      effects tip
      effects tip --section 4
      effects tip --seed 7
      effects tip --daily --short
    """
    if daily and seed is not None:
        raise typer.BadParameter("cannot be used with --daily", param_hint="'--seed'")
    guide = ctx.obj.source.guide()
    pool = guide.section(section).points if section is not None else tuple(guide.points())
    if daily:
        from effects_cli.daily import daily_pick

        point = daily_pick(pool, today().toordinal())
    else:
        import random

        point = random.Random(seed).choice(pool)
    shown = ShortTip if short else EntryView
    kept = Kept(f"{'short' if short else 'show'}:{point.ref}", guide)
    emit(ctx.obj, shown(point, guide.section_of(point)), as_json=as_json, keep=kept)


def today() -> "date":
    """The local date (a seam for tests)."""
    from datetime import date

    return date.today()


def read(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Read the whole guide in order, title to conclusion.

    Examples:
      effects read
      effects read | less -R
    """
    emit(ctx.obj, WholeGuide(ctx.obj.source.guide()), as_json=as_json)
