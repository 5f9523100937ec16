"""Parameters several commands share, and how a command reads an argument like ``-1``."""

import re
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from effects_cli.cli.completion import complete_section
from effects_cli.cli.settings import LARGEST, whole_number

NEGATIVE_NUMBER = re.compile(r"-[0-9.]+")
"""An argument such as ``-1`` or ``-4.2``: no option looks like this."""
USAGE = 2
"""`app.ExitCode.USAGE`, which a group without a command exits with."""

JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print JSON to stdout instead, for scripts.")
]


def section_option(help: str) -> Any:
    """``--section N`` (``-s``), which completes to the guide's section numbers."""
    return typer.Option(
        "--section",
        "-s",
        metavar="N",
        help=help,
        parser=whole_number(-LARGEST - 1),
        autocompletion=complete_section,
    )


class ReferenceCommand(TyperCommand):
    """A command whose one argument may look like a negative number: ``show -1`` names a
    reference (not in any guide), not an unknown option ``-1``. Only for commands without
    options that take a value, which could take the number for theirs."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            numbers = [arg for arg in args if NEGATIVE_NUMBER.fullmatch(arg)]
            if numbers:
                args = [arg for arg in args if arg not in numbers] + ["--", *numbers]
        return super().parse_args(ctx, args)


class HelpWhenBare(TyperGroup):
    """A group named without a command (``effects``, ``effects cache``) prints its help and
    is a usage error, exit 2, as Typer's ``no_args_is_help`` is, without its exception."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            shown = ctx.get_help()  # Typer's Rich help prints itself and returns ""
            if shown:
                typer.echo(shown)
            raise typer.Exit(USAGE)
        return super().parse_args(ctx, args)
