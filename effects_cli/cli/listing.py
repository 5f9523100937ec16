"""``effects list``: the table of contents."""

from typing import Annotated

import typer

from effects_cli.cli.output import emit
from effects_cli.cli.params import JsonFlag
from effects_cli.cli.results import Contents


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
    emit(ctx.obj, Contents(ctx.obj.source.guide(), tree=tree), as_json=as_json)
