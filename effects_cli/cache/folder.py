"""Where the cache lives, and whether it is safe to use.

A cache another user can write to could feed this program anything; a cache
others can read could show them a private guide. So the folder is made
private (0700, every level this program creates), and an existing folder is
used only when it belongs to the user and nobody else can write to it, as
pip and ssh insist for theirs. Otherwise the run goes on without a cache, and
says why once (`effects_cli.notices`).

Files are opened relative to the folder's descriptor, so the folder checked is
the folder used, even if its path is swapped meanwhile.

Written with ``os.path`` and no heavier module (not ``pathlib``, ``contextlib``
or the typed errors, until one is raised): the fast path of `effects_cli.warm`
reads the cache through it before anything else is loaded.
"""

from __future__ import annotations

import os
import stat
import sys

FOLDER_NAME = "effects"
_BY_DESCRIPTOR = os.open in os.supports_dir_fd and hasattr(os, "O_DIRECTORY")
"""Whether files can be opened relative to a folder's descriptor (POSIX systems)."""

TYPE_CHECKING = False  # (typing itself is not loaded: the fast path reads the cache)
if TYPE_CHECKING:
    from pathlib import Path


def cache_folder() -> Path:
    """Where cache files live: the platform's user cache folder, plus ``effects``.

    ``$XDG_CACHE_HOME/effects`` (default ``~/.cache/effects``) on Linux and
    other Unix systems, ``~/Library/Caches/effects`` on macOS and
    ``%LOCALAPPDATA%\\effects\\Cache`` on Windows: the folders platformdirs
    would name, without importing it on every run. Raises `CacheError` when
    there is no home folder to put it in (a user with no passwd entry and no
    ``HOME``, as in many containers).
    """
    from pathlib import Path

    return Path(folder_path())


def folder_path() -> str:
    """`cache_folder`, as a string."""
    join = os.path.join
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or join(_home(), "AppData", "Local")
        return join(base, FOLDER_NAME, "Cache")
    if sys.platform == "darwin":
        return join(_home(), "Library", "Caches", FOLDER_NAME)
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG rules: a relative path is invalid and must be ignored.
    if not os.path.isabs(base):
        base = join(_home(), ".cache")
    return join(base, FOLDER_NAME)


def _home() -> str:
    """The user's home folder: ``HOME`` when it is an absolute path, else the password
    database's; `CacheError` when neither has one (containers often run such users)."""
    home = os.environ.get("HOME", "")
    if os.path.isabs(home):
        return home
    if sys.platform == "win32":
        home = os.path.expanduser("~")
    else:
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError, OSError):
            home = ""
    if os.path.isabs(home):
        return home
    from effects_cli.errors import CacheError

    user = f"user {os.getuid()}" if hasattr(os, "getuid") else "this user"
    raise CacheError(f"there is no cache folder: HOME is not set and {user} has no home folder")


class Folder:
    """The opened cache folder (``path``, a string): its files are named relative to it.

    Used as a context manager (`opened`), which closes the folder's descriptor.
    """

    def __init__(self, path: str, descriptor: int | None) -> None:
        self.path = path
        self._descriptor = descriptor

    def open(self, name: str, flags: int, mode: int = 0o600) -> int:
        """A descriptor of the file ``name`` in the folder (``os.open`` flags)."""
        if self._descriptor is None:
            return os.open(os.path.join(self.path, name), flags, mode)
        return os.open(name, flags, mode, dir_fd=self._descriptor)

    def replace(self, source: str, target: str) -> None:
        if self._descriptor is None:
            os.replace(os.path.join(self.path, source), os.path.join(self.path, target))
        else:
            os.replace(source, target, src_dir_fd=self._descriptor, dst_dir_fd=self._descriptor)

    def unlink(self, name: str) -> None:
        if self._descriptor is None:
            os.unlink(os.path.join(self.path, name))
        else:
            os.unlink(name, dir_fd=self._descriptor)

    def names(self) -> list[str]:
        return os.listdir(self.path if self._descriptor is None else self._descriptor)

    def close(self) -> None:
        if self._descriptor is not None:
            os.close(self._descriptor)
            self._descriptor = None


class opened:
    """The cache folder, opened, when it exists (or ``create`` made it) and is safe to use;
    None otherwise. With ``strict``, a folder that is unsafe or cannot be opened raises
    `CacheError` instead (for ``effects cache clear``)."""

    def __init__(self, *, create: bool = False, strict: bool = False) -> None:
        self._create = create
        self._strict = strict
        self._folder: Folder | None = None

    def __enter__(self) -> Folder | None:
        self._folder = _open(create=self._create, strict=self._strict)
        return self._folder

    def __exit__(self, *exception: object) -> None:
        if self._folder is not None:
            self._folder.close()


def _open(*, create: bool, strict: bool) -> Folder | None:
    try:
        path = folder_path()
    except Exception:  # CacheError: no home folder, so no cache
        if strict:
            raise
        return None
    if create:
        _make(path)
    if not _BY_DESCRIPTOR:  # no descriptors for folders here: paths, and no checks
        return Folder(path, None) if os.path.isdir(path) else None
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC
    problem = None
    try:
        try:
            descriptor = os.open(path, flags | os.O_NOFOLLOW)
        except OSError:
            if not os.path.islink(path):
                raise
            problem = _foreign_link(path)
            # The user's own link (to a folder of theirs elsewhere) is followed.
            descriptor = -1 if problem is not None else os.open(path, flags)
    except FileNotFoundError:
        return None
    except OSError as error:
        if strict and not isinstance(error, NotADirectoryError):
            _refuse(f"cannot read the cache folder {path}: {error.strerror}")
        return None
    if problem is None:
        try:
            problem = unsafe(os.fstat(descriptor))
        except OSError:
            problem = "it cannot be examined"
        if problem is None:
            return Folder(path, descriptor)
        os.close(descriptor)
    if strict:
        _refuse(f"will not clear the cache folder {path}: {problem}")
    from effects_cli import notices  # only a run with something to tell loads it

    notices.tell(f"not using the cache folder {path}: {problem}")
    return None


def _refuse(message: str) -> None:
    from effects_cli.errors import CacheError

    raise CacheError(message)


def _foreign_link(path: str) -> str | None:
    """Why a link at the cache folder's place is not to be followed: another user made it,
    or a link it leads to (in a shared folder it could point at any folder of this
    user's, which ``cache clear`` would then empty of cache files)."""
    at = path
    for hop in range(_MOST_HOPS):
        try:
            owner = os.lstat(at).st_uid
            if not os.path.islink(at):
                return None
            target = os.readlink(at)
        except OSError:
            return "it cannot be examined"
        if hasattr(os, "geteuid") and owner != os.geteuid():
            if not hop:
                return f"it is a link that belongs to another user (uid {owner})"
            return f"it leads to {at}, a link that belongs to another user (uid {owner})"
        at = os.path.join(os.path.dirname(at), target)
    return "it is a link in a loop (too many levels of symbolic links)"


_MOST_HOPS = 40
"""Links followed from the cache folder's place at most, as the system's own limit."""


def unsafe(info: os.stat_result) -> str | None:
    """Why a folder (or file) with this status is not the user's alone to write, if it is not."""
    if not hasattr(os, "geteuid"):
        return None
    if info.st_uid != os.geteuid():
        return f"it belongs to another user (uid {info.st_uid})"
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return f"others can write to it (mode {stat.S_IMODE(info.st_mode):04o})"
    return None


def _make(path: str) -> None:
    """Make ``path`` and every missing folder above it, each private to the user (0700).

    (``Path.mkdir(parents=True)`` would make the parents with the default mode.)
    """
    missing = []
    at = path
    while not os.path.exists(at) and at != os.path.dirname(at):
        missing.append(at)
        at = os.path.dirname(at)
    for folder in reversed(missing):
        try:
            os.mkdir(folder, 0o700)
        except FileExistsError:
            continue
        except OSError:
            return
