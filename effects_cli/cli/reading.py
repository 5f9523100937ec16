"""The commands that show the guide: ``list``, ``show REF``, ``tip`` and ``read``.

Each reads the guide its settings name and hands one result to `output.emit`.
"""

from typing import Annotated

import typer

from effects_cli.cli import answers
from effects_cli.cli.library import complete_format, guide_format, write_guide
from effects_cli.cli.options import (
    LARGEST,
    JsonFlag,
    complete_reference,
    section_option,
    whole_number,
)
from effects_cli.cli.output import emit
from effects_cli.cli.results import WholeGuide


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
    result, kept = answers.contents(ctx.obj.source, tree=tree)
    emit(ctx.obj, result, as_json=as_json, keep=kept)


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
    result, kept = answers.shown(ctx.obj.source, ref)
    emit(ctx.obj, result, as_json=as_json, keep=kept)


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
    result, kept = answers.tip(ctx.obj.source, seed=seed, section=section, daily=daily, short=short)
    emit(ctx.obj, result, as_json=as_json, keep=kept)


def read(
    ctx: typer.Context,
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            metavar="FORMAT",
            parser=guide_format,
            autocompletion=complete_format,
            help="Write the guide as a guide file instead: markdown or yaml (it reads back"
            " as the same guide).",
            show_default=False,
        ),
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Read the whole guide in order, title to conclusion.

    Examples:
      effects read
      effects read | less -R
      effects read --format markdown > effects.md
    """
    if format is not None and as_json:
        raise typer.BadParameter("cannot be used with --json", param_hint="'--format'")
    guide = ctx.obj.source.guide()
    if format is not None:
        write_guide(guide, format)
        return
    emit(ctx.obj, WholeGuide(guide), as_json=as_json)
