"""``effects tip``: one sub-point, at random or the tip of the day."""

from typing import TYPE_CHECKING, Annotated

import typer

from effects_cli.cli.output import emit
from effects_cli.cli.params import JsonFlag, section_option
from effects_cli.cli.results import EntryView
from effects_cli.cli.settings import LARGEST, whole_number

if TYPE_CHECKING:
    from datetime import date


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
    as_json: JsonFlag = False,
) -> None:
    """Show one sub-point picked at random.

    Examples:
      effects tip
      effects tip --section 4
      effects tip --seed 7
      effects --no-pager tip --daily
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
    emit(ctx.obj, EntryView(point, guide.section_of(point)), as_json=as_json)


def today() -> "date":
    """The local date (a seam for tests)."""
    from datetime import date

    return date.today()
