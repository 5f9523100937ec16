"""The options commands share, and what the global ones are read into, once per run.

- `Settings`: what the global options and the environment chose; the app's callback
  builds one and hands it to every command through the context;
- parsers of whole numbers that any number of digits cannot break;
- ``--json``, ``--section`` (which completes to the guide's sections) and the TAB
  completion of references; a command whose argument may look like ``-1``; a
  group named without a command.

No ``from __future__ import annotations``: Typer reads these signatures.
"""

import os
import stat
from collections.abc import Callable
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from effects_cli import numbers
from effects_cli.cli import settings
from effects_cli.cli.settings import (
    LARGEST,
    ColorChoice,
    Settings,
    guide_source,
)
from effects_cli.escapes import quote
from effects_cli.model import Guide
from effects_cli.numbers import is_negative_number


def read_settings(
    guide: str | None, *, no_cache: bool, color: ColorChoice, pager: bool | None
) -> Settings:
    """`settings.read_settings`, a value that cannot be used being a usage error."""
    try:
        return settings.read_settings(guide, no_cache=no_cache, color=color, pager=pager)
    except settings.SettingError as error:
        raise typer.BadParameter(str(error), param_hint=error.hint) from None


def whole_number(low: int, *, clamp: bool = False) -> Callable[[str], int]:
    """A parser of an option's whole number from ``low`` to `LARGEST`; with ``clamp``, a
    larger one is `LARGEST` (``--limit`` of a billion means "all") rather than an error."""

    def parse(text: str | int) -> int:
        if isinstance(text, int):  # the default, which Typer passes through the parser too
            return text
        number = numbers.whole_number(text)
        if number is None:
            raise typer.BadParameter(f"{quote(text)} is not a whole number")
        if number > LARGEST and clamp:
            return LARGEST
        if number > LARGEST or number < low:
            span = f"{low} or more" if low > 0 else f"{low} to {LARGEST}"
            raise typer.BadParameter(f"{quote(text)} is out of range ({span})")
        return number

    return parse


Choices = list[tuple[str, str]]
SECONDS = 2
"""The longest a TAB may take reading a guide."""


def complete_reference(ctx: typer.Context, incomplete: str) -> Choices:
    """``effects show 4.<TAB>`` offers 4.1 to 4.3, with their titles."""
    from effects_cli.complete import reference_choices

    return _completions(ctx, lambda guide: reference_choices(guide, incomplete))


def complete_section(ctx: typer.Context, incomplete: str) -> Choices:
    """A section number (``--section``), with titles."""
    from effects_cli.complete import section_choices

    return _completions(ctx, lambda guide: section_choices(guide, incomplete))


def _completions(ctx: typer.Context, choose: Callable[[Guide], Choices]) -> Choices:
    """Choices from the guide the command line names (``--guide``, EFFECTS_GUIDE or the
    bundled one), titles escaped for Typer, which reads them as Rich markup."""
    path = ctx.find_root().params.get("guide")
    if path is not None and not str(path).strip():
        return []
    try:
        from rich.markup import escape

        from effects_cli.timelimit import time_limit

        source = guide_source(path)
        if source.path is not None and not stat.S_ISREG(os.stat(source.path).st_mode):
            return []
        with time_limit(SECONDS):
            guide = source.guide()
        return [(value, escape(title)) for value, title in choose(guide)]
    except Exception:  # anything at all: a broken guide completes to nothing
        return []


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


class Helpful:
    """Help printed as `effects_cli.cli.help` lays it out (plain text, never markup, at
    most 80 columns), through the pager when it is taller than the window, as any output
    is; mixed into every command and group of the app, with their usage errors."""

    def get_help(self, ctx: typer.Context) -> str:
        from effects_cli.cli.help import as_text, page
        from effects_cli.cli.output import window_width

        text = as_text(page(ctx, global_options=global_option_rows(ctx)), window_width())
        return text.rstrip("\n")

    def shell_complete(self, ctx: typer.Context, incomplete: str) -> list[Any]:
        """TAB after a command offers the global options too (they work there)."""
        found = super().shell_complete(ctx, incomplete)  # type: ignore[misc]
        if not incomplete.startswith("-") or ctx.parent is None:
            return found
        from typer._click.shell_completion import CompletionItem

        from effects_cli.cli.lifting import global_options

        root = ctx.find_root()
        offered = {item.value for item in found}
        names = [name for name in global_options(root.command, root) if name not in offered]
        return found + [CompletionItem(name) for name in names if name.startswith(incomplete)]

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        """Click's parser leaves the command out of some usage errors ("requires an
        argument"); the command that parsed is named, so that the message points to its
        help (`app._report_usage`)."""
        try:
            return super().parse_args(ctx, args)  # type: ignore[misc, no-any-return]
        except typer.TyperException as error:
            if getattr(error, "ctx", ctx) is None:
                error.ctx = ctx  # type: ignore[attr-defined]
            if ctx.parent is not None and getattr(error, "possibilities", None) is not None:
                _suggest_global_options(error, ctx)
            raise

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.callback = _help_asked
            option.help = "Show this help and exit."
        return option


def _suggest_global_options(error: Any, ctx: typer.Context) -> None:
    """An unknown option after a command (click's ``NoSuchOption``) that is close to a
    global option, which works there too, is offered it: ``search x --colour``."""
    import difflib

    from effects_cli.cli.lifting import global_options

    root = ctx.find_root()
    names = list(global_options(root.command, root))
    close = difflib.get_close_matches(error.option_name, names)
    error.possibilities = sorted({*error.possibilities, *close})


def global_option_rows(ctx: typer.Context) -> tuple[tuple[str, str], ...]:
    """The root's options that also work after the command, as help rows."""
    from effects_cli.cli.lifting import global_options

    root = ctx.find_root()
    liftable = global_options(root.command, root)
    rows = []
    for param in root.command.get_params(root):
        if param.param_type_name == "option" and param.opts[0] in liftable:
            record = param.get_help_record(root)
            if record is not None:
                rows.append(record)
    return tuple(rows)


def _help_asked(ctx: typer.Context, param: Any, value: bool) -> None:
    if value and not ctx.resilient_parsing:
        show_help(ctx)
        raise typer.Exit()


def show_help(ctx: typer.Context) -> None:
    """Print the help of the command of ``ctx`` (paged when taller than the window, unless
    ``--no-pager`` came first)."""
    from effects_cli.cli.output import print_text

    root = ctx.find_root()
    settings = root.obj if isinstance(root.obj, Settings) else None
    pager = settings.pager if settings is not None else root.params.get("pager")
    print_text(Settings(pager=pager), ctx.get_help() + "\n")


class Command(Helpful, TyperCommand):
    """A command of the app."""


class ReferenceCommand(Command):
    """A command whose one argument may look like a negative number: ``show -1`` names a
    reference (not in any guide), not an unknown option ``-1``. Only for commands without
    options that take a value, which could take the number for theirs."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if "--" not in args:
            negative = [arg for arg in args if is_negative_number(arg)]
            if negative:
                args = [arg for arg in args if arg not in negative] + ["--", *negative]
        return super().parse_args(ctx, args)


class HelpWhenBare(Helpful, TyperGroup):
    """A group named without a command (``effects``, ``effects cache``) prints its help and
    is a usage error, exit 2, as Typer's ``no_args_is_help`` is, without its exception."""

    def parse_args(self, ctx: typer.Context, args: list[str]) -> list[str]:
        if not args and not ctx.resilient_parsing:
            show_help(ctx)
            raise typer.Exit(USAGE)
        return super().parse_args(ctx, args)


class App(typer.Typer):
    """A Typer app whose commands are `Command` unless they name another class, and whose
    help is never read as markup (click's plain layout, through `Helpful`)."""

    def __init__(self, **settings: Any) -> None:
        super().__init__(**{"cls": HelpWhenBare, "rich_markup_mode": None, **settings})

    def command(self, name: str | None = None, **settings: Any) -> Any:
        return super().command(name, **{"cls": Command, **settings})
