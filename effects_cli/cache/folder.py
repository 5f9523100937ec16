"""Where the cache lives, and whether it is safe to use.

A cache another user can write to could feed this program anything; a cache
others can read could show them a private guide. So the folder is made
private (0700, every level this program creates), and an existing folder is
used only when it belongs to the user and nobody else can write to it, as
pip and ssh insist for theirs. Otherwise the run goes on without a cache, and
says why once (`effects_cli.notices`).

Files are opened relative to the folder's descriptor, so the folder checked is
the folder used, even if its path is swapped meanwhile.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from effects_cli.errors import EffectsError

FOLDER_NAME = "effects"
_BY_DESCRIPTOR = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
"""Whether files can be opened relative to a folder's descriptor (POSIX systems)."""


class CacheError(EffectsError):
    """The cache cannot do what was asked: there is no cache folder, or it cannot be cleared."""


def cache_folder() -> Path:
    """Where cache files live: the platform's user cache folder, plus ``effects``.

    ``$XDG_CACHE_HOME/effects`` (default ``~/.cache/effects``) on Linux and
    other Unix systems, ``~/Library/Caches/effects`` on macOS and
    ``%LOCALAPPDATA%\\effects\\Cache`` on Windows: the folders platformdirs
    would name, without importing it on every run. Raises `CacheError` when
    there is no home folder to put it in (a user with no passwd entry and no
    ``HOME``, as in many containers).
    """
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(_home() / "AppData" / "Local")
        return Path(base) / FOLDER_NAME / "Cache"
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / FOLDER_NAME
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG rules: a relative path is invalid and must be ignored.
    if not os.path.isabs(base):
        base = str(_home() / ".cache")
    return Path(base) / FOLDER_NAME


def _home() -> Path:
    """The user's home folder: ``HOME`` when it is an absolute path, else the password
    database's; `CacheError` when neither has one (containers often run such users)."""
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):
        return Path(home)
    if sys.platform == "win32":
        try:
            return Path.home()
        except RuntimeError:
            raise CacheError("there is no cache folder: no home folder is known") from None
    try:
        import pwd

        home = pwd.getpwuid(os.getuid()).pw_dir
    except (ImportError, KeyError, OSError):
        home = ""
    if os.path.isabs(home):
        return Path(home)
    raise CacheError(
        f"there is no cache folder: HOME is not set and user {os.getuid()} has no home folder"
    )


class Folder:
    """The opened cache folder: its files are named relative to it."""

    def __init__(self, path: Path, descriptor: int | None) -> None:
        self.path = path
        self._descriptor = descriptor

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        """A descriptor of the file ``name`` in the folder (``os.open`` flags)."""
        if self._descriptor is None:
            return os.open(self.path / name, flags, mode)
        return os.open(name, flags, mode, dir_fd=self._descriptor)

    def replace(self, source: str, target: str) -> None:
        if self._descriptor is None:
            os.replace(self.path / source, self.path / target)
        else:
            os.replace(source, target, src_dir_fd=self._descriptor, dst_dir_fd=self._descriptor)

    def unlink(self, name: str) -> None:
        if self._descriptor is None:
            os.unlink(self.path / name)
        else:
            os.unlink(name, dir_fd=self._descriptor)

    def names(self) -> list[str]:
        return os.listdir(self.path if self._descriptor is None else self._descriptor)


@contextmanager
def opened(*, create: bool = False, strict: bool = False) -> Iterator[Folder | None]:
    """The cache folder, opened, when it exists (or ``create`` made it) and is safe to use;
    None otherwise. With ``strict``, a folder that is unsafe or cannot be opened raises
    `CacheError` instead (for ``effects cache clear``)."""
    try:
        path = cache_folder()
    except CacheError:
        if strict:
            raise
        yield None
        return
    if create:
        _make(path)
    if not _BY_DESCRIPTOR:  # no descriptors for folders here: paths, and no checks
        yield Folder(path, None) if path.is_dir() else None
        return
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        yield None
        return
    except OSError as error:
        if strict and not isinstance(error, NotADirectoryError):
            raise CacheError(f"cannot read the cache folder {path}: {error.strerror}") from None
        yield None
        return
    try:
        problem = unsafe(os.fstat(descriptor))
        if problem is not None:
            if strict:
                raise CacheError(f"will not clear the cache folder {path}: {problem}")
            from effects_cli import notices  # only a run with something to tell loads it

            notices.tell(f"not using the cache folder {path}: {problem}")
            yield None
        else:
            yield Folder(path, descriptor)
    finally:
        os.close(descriptor)


def unsafe(info: os.stat_result) -> str | None:
    """Why a folder (or file) with this status is not the user's alone to write, if it is not."""
    if not hasattr(os, "geteuid"):
        return None
    if info.st_uid != os.geteuid():
        return f"it belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"others can write to it (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


def _make(path: Path) -> None:
    """Make ``path`` and every missing folder above it, each private to the user (0700).

    (``Path.mkdir(parents=True)`` would make the parents with the default mode.)
    """
    missing = []
    at = path
    while not at.exists() and at != at.parent:
        missing.append(at)
        at = at.parent
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue
        except OSError:
            return
