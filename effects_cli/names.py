"""Guides by name in plain ``os``: which ``--guide`` values are paths, which folders a
name is looked for in, and the file a name reaches.

A module of its own, loading nothing but ``os``, because the fast path
(`effects_cli.warm`) resolves ``EFFECTS_GUIDE=NAME`` with it before anything else is
loaded, so that a tip of one's own guide at every shell's start costs what a tip of
the bundled one does; `effects_cli.library` builds the listing of the folders, and
its messages, on the same rules.
"""

from __future__ import annotations

import os

from effects_cli.bundled import bundled_guide_file

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping

BUNDLED = "effects"
"""The name of the bundled guide, always the first."""
SUFFIXES = (".yaml", ".yml", ".md")
"""What a guide file's name ends with, in the order that wins within a folder."""
PATH_VARIABLE = "EFFECTS_PATH"


def data_folder(environ: Mapping[str, str]) -> str:
    """``$XDG_DATA_HOME/effects/guides``, or ``~/.local/share/effects/guides`` when the
    variable is unset, empty or not an absolute path (as the XDG specification says)."""
    base = environ.get("XDG_DATA_HOME", "")
    if not os.path.isabs(base):
        base = os.path.join(os.path.expanduser("~"), ".local", "share")
    return os.path.join(base, "effects", "guides")


def folders(environ: Mapping[str, str]) -> tuple[list[str], list[tuple[int, str]]]:
    """The guide folders in the order they win (a folder named twice is there twice),
    and the parts of ``EFFECTS_PATH`` that name none, by number: empty ones (when the
    variable is not blank) and relative ones. A leading ``~`` is the home folder."""
    found, odd = [data_folder(environ)], []
    value = environ.get(PATH_VARIABLE, "")
    for number, part in enumerate(value.split(os.pathsep), 1):
        if not part.strip():
            if value.strip():
                odd.append((number, part))
            continue
        expanded = os.path.expanduser(part) if part.startswith("~") else part
        if not os.path.isabs(expanded):
            odd.append((number, part))
            continue
        found.append(expanded)
    return found, odd


def is_path(value: str) -> bool:
    """Whether a ``--guide`` value names a file rather than a guide: it has a ``/`` (or
    the system's separator), ends like a guide file, or is a file in the working folder."""
    separators = {"/", os.sep, os.altsep or "/"}
    return (
        any(separator in value for separator in separators)
        or value.endswith((*SUFFIXES, ".markdown"))
        or (os.path.lexists(value) and not os.path.isdir(value))
    )


def named_file(name: str, environ: Mapping[str, str]) -> str | None:
    """The file of the guide named ``name``: the first folder's that has one (whatever
    it is: the caller checks it can be read), or None. A few ``stat`` calls, never a
    folder listing."""
    if name == BUNDLED:
        return bundled_guide_file()
    if name.startswith("."):
        return None
    for folder in folders(environ)[0]:
        for suffix in SUFFIXES:
            path = os.path.join(folder, f"{name}{suffix}")
            if os.path.lexists(path):
                return path
    return None
