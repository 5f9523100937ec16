"""``effects read``: the whole guide, in order."""

import typer

from effects_cli.cli.output import emit
from effects_cli.cli.params import JsonFlag
from effects_cli.cli.results import WholeGuide


def read(ctx: typer.Context, as_json: JsonFlag = False) -> None:
    """Read the whole guide in order, title to conclusion.

    Examples:
      effects read
      effects read | less -R
    """
    emit(ctx.obj, WholeGuide(ctx.obj.source.guide()), as_json=as_json)
