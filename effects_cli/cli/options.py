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
import re
import stat
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from effects_cli.escapes import quote
from effects_cli.guides import GuideSource
from effects_cli.model import Guide

MAX_BYTES_VARIABLE = "EFFECTS_MAX_GUIDE_BYTES"
"""Raises (or lowers) the size limit of a guide, in bytes."""


class ColorChoice(str, Enum):
    """``--color``: when output for people gets colour (see `effects_cli.terminal.styling`)."""

    auto = "auto"
    always = "always"
    never = "never"


class Settings(NamedTuple):
    """The guide to read, and how output for people looks: one value for the whole run.

    A named tuple rather than a dataclass: as immutable, and a third of a
    millisecond cheaper to define at every start.
    """

    source: GuideSource = GuideSource()
    color: ColorChoice = ColorChoice.auto
    pager: bool | None = None
    """``--pager`` (True), ``--no-pager`` (False) or neither (None: page when needed)."""
    theme: str = "dark"
    """The styles' theme (`effects_cli.theme`): ``dark`` or ``light``."""


def read_settings(
    guide: str | None, *, no_cache: bool, color: ColorChoice, pager: bool | None
) -> Settings:
    """The settings of the global options' values and the environment.

    Raises `typer.BadParameter` for an empty guide path, a size limit that is not a
    number of bytes, or a theme that is not one.
    """
    if guide is not None and not guide.strip():
        raise typer.BadParameter("the path is empty", param_hint="'--guide' (or EFFECTS_GUIDE)")
    source = guide_source(guide, use_cache=not no_cache, max_bytes=max_bytes(os.environ))
    return Settings(source=source, color=color, pager=pager, theme=theme(os.environ))


def theme(environ: Mapping[str, str]) -> str:
    """The theme EFFECTS_THEME (or the terminal's background) chose; a usage error for a
    value that names none."""
    from effects_cli import theme

    try:
        return theme.chosen_theme(environ)
    except theme.UnknownTheme as error:
        raise typer.BadParameter(
            f"{quote(str(error))} is not one of {', '.join(theme.CHOICES)}",
            param_hint=theme.VARIABLE,
        ) from None


def told(error: Exception) -> str:
    """The line an error is told in: its own words, and for a guide over the size limit
    how to set another."""
    from effects_cli.errors import GuideProblems, GuideTooLarge

    message = str(error)
    first = error.problems[0] if isinstance(error, GuideProblems) else error
    if isinstance(first, GuideTooLarge):
        message += f" ({MAX_BYTES_VARIABLE} sets another)"
    return message


def guide_source(
    guide: str | None, *, use_cache: bool = True, max_bytes: int | None = None
) -> GuideSource:
    """The source ``--guide`` chose: the bundled guide (None), a file, or a guide by name
    (looked up only when the guide is read: `effects_cli.names.is_path`)."""
    if guide is None:
        return GuideSource(use_cache=use_cache, max_bytes=max_bytes)
    from effects_cli.names import is_path

    if is_path(guide):
        return GuideSource(Path(guide), use_cache=use_cache, max_bytes=max_bytes)
    return GuideSource(name=guide, use_cache=use_cache, max_bytes=max_bytes)


def max_bytes(environ: Mapping[str, str]) -> int | None:
    """The guide size limit ``EFFECTS_MAX_GUIDE_BYTES`` sets, if it sets one."""
    raw = environ.get(MAX_BYTES_VARIABLE, "").strip()
    if not raw:
        return None
    if not (raw.isdecimal() and raw.isascii()) or not 1 <= _bounded(raw) <= LARGEST:
        raise typer.BadParameter(
            f"{quote(raw)} is not a number of bytes (1 to {LARGEST})",
            param_hint=MAX_BYTES_VARIABLE,
        )
    return int(raw)


LARGEST = 2**63 - 1
"""The largest number an option or variable takes: what a file size can be."""


def _bounded(digits: str) -> int:
    """The number ASCII ``digits`` spell, or ``LARGEST + 1`` when they spell more: Python
    refuses to read thousands of digits, and no option needs more than nineteen."""
    significant = digits.lstrip("0") or "0"
    return int(significant) if len(significant) <= len(str(LARGEST)) else LARGEST + 1


def whole_number(low: int, *, clamp: bool = False) -> Callable[[str], int]:
    """A parser of an option's whole number from ``low`` to `LARGEST`; with ``clamp``, a
    larger one is `LARGEST` (``--limit`` of a billion means "all") rather than an error."""

    def parse(text: str | int) -> int:
        if isinstance(text, int):  # the default, which Typer passes through the parser too
            return text
        digits = text.strip()
        sign = -1 if digits.startswith("-") else 1
        digits = digits.removeprefix("-").removeprefix("+")
        if not (digits.isdecimal() and digits.isascii()):
            raise typer.BadParameter(f"{quote(text)} is not a whole number")
        number = sign * _bounded(digits)
        if number > LARGEST and clamp:
            return LARGEST
        if number > LARGEST or number < low:
            span = f"{low} or more" if low > 0 else f"{low} to {LARGEST}"
            raise typer.BadParameter(f"{quote(text)} is out of range ({span})")
        return number

    return parse


def forget_unreadable_sizes(environ: MutableMapping[str, str]) -> None:
    """Drop a ``COLUMNS`` or ``LINES`` that is not plain digits, as if it were unset.

    Rich takes a digit of any script (``COLUMNS=²``) for a number and then fails to
    read it; ``COLUMNS=abc`` was always ignored, and so is this now.
    """
    for name in ("COLUMNS", "LINES"):
        value = environ.get(name)
        if value is not None and not (value.isascii() and value.strip().isdigit()):
            del environ[name]


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


class Helpful:
    """Help printed as `effects_cli.cli.help` lays it out (plain text, never markup, at
    most 80 columns), through the pager when it is taller than the window, as any output
    is; mixed into every command and group of the app."""

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

    def get_help_option(self, ctx: typer.Context) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.callback = _help_asked
            option.help = "Show this help and exit."
        return option


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
            numbers = [arg for arg in args if NEGATIVE_NUMBER.fullmatch(arg)]
            if numbers:
                args = [arg for arg in args if arg not in numbers] + ["--", *numbers]
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
