"""What the global options and the environment chose, read once per run.

The app's callback builds one `Settings` from them and hands it to every
command through the context; nothing below it reads an option or a variable
again.
"""

import os
from collections.abc import Mapping
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
    if not raw.isdecimal() or not raw.isascii() or int(raw) < 1:
        raise typer.BadParameter(
            f"{quote(raw)} is not a number of bytes (1 or more)", param_hint=MAX_BYTES_VARIABLE
        )
    return int(raw)
