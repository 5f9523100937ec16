"""What the global options and the environment chose, read once a run: `Settings`.

Without Typer, so that the fast path (`effects_cli.warm.direct`) reads the very
settings the full program does; `effects_cli.cli.options` turns a `SettingError`
into the usage error the app reports.
"""

from __future__ import annotations

import os
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from effects_cli.escapes import quote
from effects_cli.guides import GuideSource
from effects_cli.numbers import LARGEST, bounded

if TYPE_CHECKING:
    from collections.abc import Mapping, MutableMapping

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


class SettingError(ValueError):
    """A global option's or variable's value that cannot be used: the message, and what
    it is the value of (as a usage error names it)."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


def read_settings(
    guide: str | None, *, no_cache: bool, color: ColorChoice, pager: bool | None
) -> Settings:
    """The settings of the global options' values and the environment.

    Raises `SettingError` for an empty guide path, a size limit that is not a
    number of bytes, or a theme that is not one.
    """
    if guide is not None and not guide.strip():
        raise SettingError("the path is empty", "'--guide' (or EFFECTS_GUIDE)")
    source = guide_source(guide, use_cache=not no_cache, max_bytes=max_bytes(os.environ))
    return Settings(source=source, color=color, pager=pager, theme=theme(os.environ))


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
    if not (raw.isdecimal() and raw.isascii()) or not 1 <= bounded(raw) <= LARGEST:
        raise SettingError(
            f"{quote(raw)} is not a number of bytes (1 to {LARGEST})", MAX_BYTES_VARIABLE
        )
    return int(raw)


def theme(environ: Mapping[str, str]) -> str:
    """The theme EFFECTS_THEME (or the terminal's background) chose; `SettingError` for a
    value that names none."""
    from effects_cli import theme

    try:
        return theme.chosen_theme(environ)
    except theme.UnknownTheme as error:
        raise SettingError(
            f"{quote(str(error))} is not one of {', '.join(theme.CHOICES)}", theme.VARIABLE
        ) from None


def forget_unreadable_sizes(environ: MutableMapping[str, str]) -> None:
    """Drop a ``COLUMNS`` or ``LINES`` that is not plain digits, as if it were unset.

    Rich takes a digit of any script (``COLUMNS=²``) for a number and then fails to
    read it; ``COLUMNS=abc`` was always ignored, and so is this now.
    """
    for name in ("COLUMNS", "LINES"):
        value = environ.get(name)
        if value is not None and not (value.isascii() and value.strip().isdigit()):
            del environ[name]
