"""TAB completion of references and section numbers, from the guide being completed for.

Completion runs on every TAB, inside the shell's line: it must never print a
traceback or an error there, nor keep the shell waiting. A guide that cannot be
read completes to nothing, and so does one that is not a regular file (a FIFO
nobody writes to would wait forever) or takes longer than a moment.
"""

import os
import stat
from collections.abc import Callable
from pathlib import Path

import typer

from effects_cli.guides import GuideSource
from effects_cli.model import Guide

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

        if path is not None and not stat.S_ISREG(os.stat(path).st_mode):
            return []
        with time_limit(SECONDS):
            guide = GuideSource(Path(path) if path is not None else None).guide()
        return [(value, escape(title)) for value, title in choose(guide)]
    except Exception:  # anything at all: a broken guide completes to nothing
        return []
