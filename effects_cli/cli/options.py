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


def read_settings(
    guide: str | None, *, no_cache: bool, color: ColorChoice, pager: bool | None
) -> Settings:
    """The settings of the global options' values and the environment.

    Raises `typer.BadParameter` for an empty guide path or a size limit that is
    not a number of bytes.
    """
    if guide is not None and not guide.strip():
        raise typer.BadParameter("the path is empty", param_hint="'--guide' (or EFFECTS_GUIDE)")
    source = guide_source(guide, use_cache=not no_cache, max_bytes=max_bytes(os.environ))
    return Settings(source=source, color=color, pager=pager)


def guide_source(
    guide: str | None, *, use_cache: bool = True, max_bytes: int | None = None
) -> GuideSource:
    """The source ``--guide`` chose: the bundled guide (None), a file, or a guide by name
    (looked up only when the guide is read: `effects_cli.library.is_path`)."""
    if guide is None:
        return GuideSource(use_cache=use_cache, max_bytes=max_bytes)
    from effects_cli.library import is_path

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


def complete_guide(incomplete: str) -> Choices:
    """``--guide <TAB>``: the names of the guides (with their titles, where reading them
    takes no longer than a TAB may); a value with a ``/`` is a path, which the shell
    completes."""
    if "/" in incomplete:
        return []
    try:
        from rich.markup import escape

        from effects_cli.library import shelf
        from effects_cli.timelimit import TimeLimitExceeded, time_limit

        choices = []
        guides = [
            guide for guide in shelf(os.environ).readable() if guide.name.startswith(incomplete)
        ]
        try:
            with time_limit(SECONDS):
                for guide in guides:
                    choices.append((guide.name, escape(_title(guide.path))))
        except TimeLimitExceeded:
            pass
        return choices + [(guide.name, "") for guide in guides[len(choices) :]]
    except Exception:  # a folder that cannot be read completes to what could be
        return []


def _title(path: Path) -> str:
    try:
        return GuideSource(path).guide().title
    except Exception:  # a broken guide is still a name to complete, its path the description
        return str(path)


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
