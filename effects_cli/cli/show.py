"""``effects show REF``: one section with its sub-points, or one sub-point."""

from typing import Annotated

import typer

from effects_cli.cli.completion import complete_reference
from effects_cli.cli.output import emit
from effects_cli.cli.params import JsonFlag
from effects_cli.cli.results import EntryView
from effects_cli.model import Point


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
    emit(ctx.obj, EntryView(entry, section), as_json=as_json)
