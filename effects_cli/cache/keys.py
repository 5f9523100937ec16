"""What a cache key is made of: the state of a guide file, and of the code that read it."""

from __future__ import annotations

import os
import stat

from effects_cli import __version__

TYPE_CHECKING = False  # (typing itself is not loaded: the fast path reads these keys)
if TYPE_CHECKING:
    from collections.abc import Hashable
    from pathlib import Path

_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
"""The folder of the ``effects_cli`` package."""
_NOT_CODE = frozenset({"__pycache__", "data"})
"""Folders of the package that hold no code: bytecode follows its source; the bundled guide
is stamped as a guide."""


def file_stamp(path: Path) -> tuple[Hashable, ...] | None:
    """What identifies the present state of the file at ``path``, as part of a cache key.

    None when the path is not a regular file that can be stat'ed: a pipe such
    as ``/dev/stdin`` cannot be cached.
    """
    try:
        real = os.path.realpath(path)
        info = os.stat(real)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (real, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


def code_stamp() -> tuple[Hashable, ...]:
    """The package version and the state of every one of its files.

    A change to the code (an upgrade, or an edit in a checkout) must not be
    answered with what older code produced. Every module of the package is
    stamped, wherever it lives, so that code moved into a new module or package
    still changes the key. An installed package is stamped by its wheel's
    ``RECORD``, which lists the hash of each of its files and is written anew by
    every install: one ``stat`` rather than one a module. A checkout (or an
    editable install, whose code is the checkout's) has each module stamped.
    """
    global _code_stamp
    if _code_stamp is None:
        record = installed_record(_PACKAGE)
        stamps = [record] if record is not None else stamps_under(_PACKAGE)
        _code_stamp = (__version__, *stamps)
    return _code_stamp


def installed_record(package: str) -> tuple[Hashable, ...] | None:
    """The state of the ``RECORD`` that an install of this version wrote beside
    ``package``, or None when there is none there (a checkout)."""
    record = os.path.join(os.path.dirname(package), f"effects-{__version__}.dist-info", "RECORD")
    try:
        info = os.stat(record)
    except OSError:
        return None
    return ("RECORD", info.st_size, info.st_mtime_ns, info.st_ino)


_code_stamp: tuple[Hashable, ...] | None = None
"""`code_stamp`, once worked out: the code does not change while a run goes on."""


def stamps_under(folder: str, prefix: str = "") -> list[Hashable]:
    """(name, size, mtime) of every ``.py`` file under ``folder``, in a stable order."""
    stamps: list[Hashable] = []
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return [(prefix, None)]
    for entry in entries:
        name = prefix + entry.name
        if entry.name.endswith(".py") and entry.is_file():
            info = entry.stat()
            stamps.append((name, info.st_size, info.st_mtime_ns))
        elif entry.is_dir() and entry.name not in _NOT_CODE and not entry.name.startswith("."):
            stamps += stamps_under(entry.path, name + "/")
    return stamps
