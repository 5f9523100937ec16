"""What the global options and the environment chose, read once per run.

The app's callback builds one `Settings` from them and hands it to every
command through the context; nothing below it reads an option or a variable
again.
"""

import os
from collections.abc import Callable, Mapping, MutableMapping
from enum import Enum
from pathlib import Path
from typing import NamedTuple

import typer

from effects_cli.escapes import quote
from effects_cli.guides import GuideSource

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
    source = GuideSource(
        path=Path(guide) if guide is not None else None,
        use_cache=not no_cache,
        max_bytes=max_bytes(os.environ),
    )
    return Settings(source=source, color=color, pager=pager)


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
